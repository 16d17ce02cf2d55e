//! The live preview: the editor's unsaved text rendered by the core's one sanitizer.

use std::path::Path;

use tauri::State;

use crate::dto_preview::PreviewView;
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::bundle::markdown_to_html;
use galley_core::draft::Draft;

/// The draft text `text` (front matter and body, not saved) of the file at `path`, as the
/// bundle page shows it. `path` names the file in errors and must be inside the workspace.
#[tauri::command(async)]
pub fn render_preview(
    session: State<'_, Session>,
    path: String,
    text: String,
) -> Result<PreviewView, ErrorDto> {
    let target = session.with(|ws| Ok(ws.resolve(Path::new(&path))?))?;
    let draft = Draft::parse(Path::new(&target.rel), text.as_bytes())?;
    let front = draft.front();
    Ok(PreviewView {
        title: front.title.clone(),
        lead: front.lead.trim().to_string(),
        trend: front.trend.map(crate::dto::TrendTag::from),
        authors: front.authors.clone(),
        html: markdown_to_html(draft.body()),
    })
}
