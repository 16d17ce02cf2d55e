//! The sidebar's search box: full-text search over every language version.

use tauri::State;

use crate::dto_search::{SearchHitView, SearchQuery};
use crate::error::ErrorDto;
use crate::session::Session;

/// The language versions matching `request`, best first. A query the core cannot read (say,
/// only excluded words) is refused with a sentence saying what to type.
#[tauri::command(async)]
pub fn search_drafts(
    session: State<'_, Session>,
    request: SearchQuery,
) -> Result<Vec<SearchHitView>, ErrorDto> {
    session.with_mut(|ws| {
        let hits = ws.search_caught_up(&request.into())?;
        Ok(hits.iter().map(SearchHitView::from).collect())
    })
}
