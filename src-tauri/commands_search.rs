//! The sidebar's search box: full-text search over every language version.

use tauri::State;

use crate::dto_search::{SearchHitView, SearchQuery};
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::workspace::View;

/// The language versions matching `request`, best first. A query the core cannot read (say,
/// only excluded words) is refused with a sentence saying what to type.
#[tauri::command(async)]
pub fn search_drafts(
    session: State<'_, Session>,
    request: SearchQuery,
) -> Result<Vec<SearchHitView>, ErrorDto> {
    session.with_mut(|ws| {
        // Files written while Galley was closed are recorded before the first search (the
        // core's catch-up policy); the watcher keeps the index current after that.
        ws.catch_up_for(View::Search)?;
        let hits = ws.search(&request.into())?;
        Ok(hits.iter().map(SearchHitView::from).collect())
    })
}
