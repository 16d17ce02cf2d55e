//! The IPC commands: each calls the core once and converts the result to a DTO.
//! Their names are listed in command_names.rs (one permission each).

use tauri::State;

use crate::dto::{self, DraftView, Library, WorkspaceInfo};
use crate::error::ErrorDto;
use crate::session::Session;

#[tauri::command(async)]
pub fn open_workspace_info(session: State<'_, Session>) -> Result<WorkspaceInfo, ErrorDto> {
    session.with(|ws| {
        let listing = ws.list()?;
        Ok(dto::workspace_info(ws.root(), ws.settings(), &listing))
    })
}

#[tauri::command(async)]
pub fn list_commentaries(session: State<'_, Session>) -> Result<Library, ErrorDto> {
    session.with(|ws| Ok(dto::library(&ws.list()?)))
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
            trend: front.trend.as_ref().map(ToString::to_string),
            authors: front.authors.clone(),
            lead: front.lead.clone(),
            section: front.section.clone(),
            issue: front.issue.as_ref().map(ToString::to_string),
            tags: front.tags.clone(),
            translation_of: front.translation_of.clone(),
            body: draft.body().to_string(),
        })
    })
}
