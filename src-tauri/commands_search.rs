//! The sidebar's search box: full-text search over every language version.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::State;

use crate::dto_search::{SearchHitView, SearchQuery};
use crate::error::ErrorDto;
use crate::session::Session;

/// Whether the folder was reconciled with history since the app started. The index follows
/// the files history knows; files written while Galley was closed are recorded once, before
/// the first search, and the watcher keeps it current after that.
#[derive(Default)]
pub struct SearchReady(AtomicBool);

/// The language versions matching `request`, best first. A query the core cannot read (say,
/// only excluded words) is refused with a sentence saying what to type.
#[tauri::command(async)]
pub fn search_drafts(
    session: State<'_, Session>,
    ready: State<'_, SearchReady>,
    request: SearchQuery,
) -> Result<Vec<SearchHitView>, ErrorDto> {
    session.with_mut(|ws| {
        if !ready.0.load(Ordering::Acquire) {
            ws.record_all()?;
            ready.0.store(true, Ordering::Release);
        }
        let hits = ws.search(&request.into())?;
        Ok(hits.iter().map(SearchHitView::from).collect())
    })
}
