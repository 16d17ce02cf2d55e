//! The IPC commands: each calls the core once and converts the result to a DTO.
//! Their names are listed in command_names.rs (one permission each).

use std::path::Path;

use tauri::{AppHandle, Runtime, State};

use crate::dto::{self, DraftView, Library, WorkspaceInfo};
use crate::dto_history::{
    save_result, version_info, DiffView, FieldsResult, FrontFields, SaveResult, VersionInfo,
};
use crate::dto_translation::{SourceChanges, TranslationPane};
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::draft;
use galley_core::hash::ContentHash;
use galley_core::translation::TranslationStatus;
use galley_core::workspace::{TranslatorAction, VersionRef, LIBRARY_BUDGET};
use galley_core::ErrorKind as CoreKind;

#[tauri::command(async)]
pub fn open_workspace_info(session: State<'_, Session>) -> Result<WorkspaceInfo, ErrorDto> {
    session.with(|ws| {
        let languages = ws.languages_in_use(LIBRARY_BUDGET)?;
        Ok(dto::workspace_info(ws.root(), ws.settings(), languages))
    })
}

/// The library. On a folder the cache has not seen (a fresh clone) it holds what was read
/// within the core's budget, `pending` counts the rest, and a background reader brings them
/// (`catch-up-progress`, then `workspace-changed`).
#[tauri::command(async)]
pub fn list_commentaries<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
) -> Result<Library, ErrorDto> {
    let (library, pending_in) = session.with(|ws| {
        let view = ws.library_view(Some(LIBRARY_BUDGET))?;
        let pending_in = (view.pending > 0).then(|| ws.root().to_path_buf());
        Ok((dto::library(&view), pending_in))
    })?;
    if let Some(root) = pending_in {
        crate::catch_up::start(&app, root);
    }
    Ok(library)
}

#[tauri::command(async)]
pub fn read_draft(session: State<'_, Session>, path: String) -> Result<DraftView, ErrorDto> {
    session.with(|ws| {
        let draft = ws.read(&path)?;
        let front = draft.front();
        Ok(DraftView {
            path,
            id: front.id.clone(),
            lang: front.lang.clone(),
            title: front.title.clone(),
            trend: front.trend.map(crate::dto::TrendTag::from),
            authors: front.authors.clone(),
            lead: front.lead.clone(),
            section: front.section.clone(),
            issue: front.issue.as_ref().map(ToString::to_string),
            tags: front.tags.clone(),
            translation_of: front.translation_of.clone(),
            body: draft.body().to_string(),
            text: draft.text().to_string(),
            hash: ContentHash::of(draft.text().as_bytes()).to_hex(),
        })
    })
}

/// The draft's text with the form's fields applied (only changed keys rewritten, each in its
/// own YAML style), or the field the core refused; not saved.
#[tauri::command(async)]
pub fn edit_fields(
    session: State<'_, Session>,
    path: String,
    text: String,
    fields: FrontFields,
) -> Result<FieldsResult, ErrorDto> {
    session.with(|ws| {
        let target = ws.resolve(Path::new(&path))?;
        Ok(draft::edit_fields(Path::new(&target.rel), &text, &fields.into())?.into())
    })
}

#[tauri::command(async)]
pub fn save_draft(
    session: State<'_, Session>,
    path: String,
    text: String,
    loaded_hash: Option<String>,
) -> Result<SaveResult, ErrorDto> {
    let loaded = loaded_hash.as_deref().map(parse_hash).transpose()?;
    session.change(|ws| Ok(save_result(&ws.save(&path, &text, loaded)?, &text)))
}

/// The versions of the draft at `path`, newest first.
#[tauri::command(async)]
pub fn list_versions(
    session: State<'_, Session>,
    path: String,
) -> Result<Vec<VersionInfo>, ErrorDto> {
    session.with(|ws| {
        let records = ws.records();
        Ok(ws
            .log(&path)?
            .iter()
            .map(|v| version_info(v, records))
            .collect())
    })
}

/// The word-level diff from version `old` to version `new`.
#[tauri::command(async)]
pub fn diff_versions(
    session: State<'_, Session>,
    old: i64,
    new: i64,
) -> Result<DiffView, ErrorDto> {
    session.with(|ws| {
        let diff = ws.diff_draft(&VersionRef::Version(old), &VersionRef::Version(new))?;
        Ok(DiffView::from(&diff))
    })
}

/// Names a version; an empty label removes it.
#[tauri::command(async)]
pub fn label_version(
    session: State<'_, Session>,
    id: i64,
    label: Option<String>,
) -> Result<VersionInfo, ErrorDto> {
    session.change(|ws| {
        let version = ws.set_label(id, label.as_deref())?;
        Ok(version_info(&version, ws.records()))
    })
}

/// Brings back version `id` as a new version; the file gets its text.
#[tauri::command(async)]
pub fn restore_version(session: State<'_, Session>, id: i64) -> Result<VersionInfo, ErrorDto> {
    session.change(|ws| Ok((&ws.restore(id)?).into()))
}

/// The `lang` translation of commentary `id` beside its source.
#[tauri::command(async)]
pub fn translation_view(
    session: State<'_, Session>,
    id: String,
    lang: String,
) -> Result<TranslationPane, ErrorDto> {
    session.with(|ws| Ok((&ws.translation_view(&id, &lang)?).into()))
}

/// Sets the translation's status (`in-progress`, `in-review`, `done`); returns the new view.
#[tauri::command(async)]
pub fn set_translation_status(
    session: State<'_, Session>,
    id: String,
    lang: String,
    status: String,
) -> Result<TranslationPane, ErrorDto> {
    let status = TranslationStatus::parse(&status).ok_or_else(|| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("`{status}` is not a status; use in-progress, in-review or done."),
        )
    })?;
    session.change(|ws| {
        let set = TranslatorAction::SetStatus(status);
        Ok((&ws.act_on_translation(&id, &lang, set)?).into())
    })
}

/// What changed in the translation's source since its base, as a word diff.
#[tauri::command(async)]
pub fn translation_source_diff(
    session: State<'_, Session>,
    id: String,
    lang: String,
) -> Result<SourceChanges, ErrorDto> {
    session.with(|ws| Ok((&ws.translation_source_diff(&id, &lang)?).into()))
}

/// Marks a source version minor (it alone no longer outdates translations), or unmarks it.
#[tauri::command(async)]
pub fn mark_minor(session: State<'_, Session>, version: i64, minor: bool) -> Result<(), ErrorDto> {
    session.change(|ws| Ok(ws.mark_minor(version, minor).map(|_| ())?))
}

fn parse_hash(hex: &str) -> Result<ContentHash, ErrorDto> {
    ContentHash::from_hex(hex).ok_or_else(|| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("`{hex}` is not a SHA-256 hash; reload the draft and try again."),
        )
    })
}
