//! The translation editor's commands: starting a missing language, "done with this
//! paragraph", undoing a status change, and one row's edit of the translation's body. Each
//! returns what the view shows next; saving goes through `save_draft` like the editor's.
//! Changes go through `Session::change`, so every view hears them as one `workspace-changed`.

use tauri::State;

use crate::dto_translation::TranslationPane;
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::hash::ContentHash;
use galley_core::translation;
use galley_core::workspace::TranslatorAction;
use galley_core::ErrorKind as CoreKind;

/// Starts the `lang` translation of `id` from its source (as `galley translate start`: the
/// source's front matter carried over); returns its view.
#[tauri::command(async)]
pub fn start_translation(
    session: State<'_, Session>,
    id: String,
    lang: String,
) -> Result<TranslationPane, ErrorDto> {
    session.change(|ws| Ok((&ws.act_on_translation(&id, &lang, TranslatorAction::Start)?).into()))
}

/// Records that the translator is done with the change named by `key` (a row's `key`).
#[tauri::command(async)]
pub fn mark_handled(
    session: State<'_, Session>,
    id: String,
    lang: String,
    key: String,
) -> Result<TranslationPane, ErrorDto> {
    let key = ContentHash::from_hex(&key).ok_or_else(|| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("`{key}` does not name a paragraph; reload the translation and try again."),
        )
    })?;
    session.change(|ws| {
        Ok((&ws.act_on_translation(&id, &lang, TranslatorAction::Handled(&key))?).into())
    })
}

/// Puts the translation's status back to the status event `event` said (Undo).
#[tauri::command(async)]
pub fn restore_translation_status(
    session: State<'_, Session>,
    id: String,
    lang: String,
    event: String,
) -> Result<TranslationPane, ErrorDto> {
    session.change(|ws| {
        let undo = TranslatorAction::RestoreStatus(&event);
        Ok((&ws.act_on_translation(&id, &lang, undo)?).into())
    })
}

/// The body with paragraph `index` replaced by `text` (the core's paragraph rule).
#[tauri::command]
pub fn replace_paragraph(body: String, index: u32, text: String) -> String {
    translation::replace_paragraph(&body, index as usize, &text)
}
