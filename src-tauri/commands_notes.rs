//! Editorial notes on a commentary (never published): the board and the editor read them and
//! add one. Adding is a change like any other (`Session::change`), so every view reloads.

use tauri::State;

use crate::dto_records::NoteView;
use crate::error::ErrorDto;
use crate::session::Session;

/// Commentary `id`'s notes, oldest first.
#[tauri::command(async)]
pub fn editorial_notes(session: State<'_, Session>, id: String) -> Result<Vec<NoteView>, ErrorDto> {
    session.with(|ws| {
        Ok(ws
            .editorial_notes(&id)?
            .iter()
            .map(NoteView::from)
            .collect())
    })
}

/// Adds a note to commentary `id`, signed by the workspace's author; a blank note is refused.
#[tauri::command(async)]
pub fn add_editorial_note(
    session: State<'_, Session>,
    id: String,
    text: String,
) -> Result<NoteView, ErrorDto> {
    session.change(|ws| Ok(NoteView::from(&ws.add_editorial_note(&id, &text)?)))
}
