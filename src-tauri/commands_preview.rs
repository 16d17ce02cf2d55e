//! The live preview: the editor's unsaved text rendered by the core's one sanitizer.

use tauri::State;

use crate::dto_preview::PreviewView;
use crate::error::ErrorDto;
use crate::session::Session;

/// The draft text `text` (front matter and body, not saved) of the file at `path`, as the
/// bundle page shows it. `path` names the file in errors and must be inside the workspace.
#[tauri::command(async)]
pub fn render_preview(
    session: State<'_, Session>,
    path: String,
    text: String,
) -> Result<PreviewView, ErrorDto> {
    let preview = session.with(|ws| Ok(ws.preview(&path, &text)?))?;
    Ok(PreviewView {
        title: preview.title,
        lead: preview.lead,
        trend: preview.trend.map(crate::dto::TrendTag::from),
        authors: preview.authors,
        html: preview.html,
    })
}

/// How many words `text` has, by the core's one rule (the editor's live count).
#[tauri::command]
pub fn count_words(text: String) -> u32 {
    u32::try_from(galley_core::draft::count_words(&text)).unwrap_or(u32::MAX)
}
