//! The everyday actions on commentaries and issues: a new commentary, a new issue, rename,
//! delete or archive into the workspace's trash, and bringing an entry back. Each is one core
//! call through `Session::change`, so every view hears of it as one `workspace-changed`.
//! Moving a commentary to another week is the board's `move_commentary`.

use std::collections::BTreeMap;

use tauri::State;

use crate::dto_actions::{CreatedDraft, TrashEntryView};
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::draft::IsoWeek;
use galley_core::workspace::{NewDraft, TrashKind};

/// Creates a commentary's source-language file (id generated, the profile's name its author)
/// in the week's folder, or `unfiled/` without a week.
#[tauri::command(async)]
pub fn create_commentary(
    session: State<'_, Session>,
    title: String,
    lang: String,
    week: Option<String>,
    section: Option<String>,
) -> Result<CreatedDraft, ErrorDto> {
    let issue = week.as_deref().map(str::parse::<IsoWeek>).transpose()?;
    let new = NewDraft {
        title,
        lang,
        issue,
        section,
        authors: Vec::new(),
        slug: None,
    };
    session.change(|ws| {
        let (path, version) = ws.create_as_author(new)?;
        Ok(CreatedDraft {
            id: version.draft_id,
            path,
        })
    })
}

/// Creates issue `week`'s file, titles from the settings' patterns; returns its path.
#[tauri::command(async)]
pub fn create_issue(session: State<'_, Session>, week: String) -> Result<String, ErrorDto> {
    let week = week.parse::<IsoWeek>()?;
    session.change(|ws| Ok(ws.create_issue(week, BTreeMap::new())?.path))
}

/// Sets the `lang` version's title; with `rename_files`, every language version's file is
/// named after it. Returns the `lang` version's path as it is now.
#[tauri::command(async)]
pub fn rename_commentary(
    session: State<'_, Session>,
    id: String,
    lang: String,
    title: String,
    rename_files: bool,
) -> Result<String, ErrorDto> {
    session.change(|ws| {
        let slug = rename_files.then_some(title.as_str());
        let report = ws.rename_commentary(&id, &lang, &title, slug)?;
        Ok(report.path)
    })
}

/// Deletes commentary `id` (or its `lang` version) into the trash, or with `archive` into the
/// archive.
#[tauri::command(async)]
pub fn trash_commentary(
    session: State<'_, Session>,
    id: String,
    lang: Option<String>,
    archive: bool,
) -> Result<TrashEntryView, ErrorDto> {
    let kind = if archive {
        TrashKind::Archived
    } else {
        TrashKind::Deleted
    };
    session.change(|ws| Ok((&ws.trash(&id, lang.as_deref(), kind)?).into()))
}

/// What the trash and the archive hold, newest first.
#[tauri::command(async)]
pub fn list_trash(session: State<'_, Session>) -> Result<Vec<TrashEntryView>, ErrorDto> {
    session.with(|ws| Ok(ws.trash_entries()?.iter().map(Into::into).collect()))
}

/// Brings entry `name` back to where its files were.
#[tauri::command(async)]
pub fn restore_from_trash(
    session: State<'_, Session>,
    name: String,
) -> Result<TrashEntryView, ErrorDto> {
    session.change(|ws| Ok((&ws.restore_from_trash(&name)?).into()))
}
