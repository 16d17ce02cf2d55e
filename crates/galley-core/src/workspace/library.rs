//! The library as both shells show it: one entry per commentary with its language versions,
//! each language's state from the grid and its editorial state, newest issue first.

use super::listing::{CommentaryDrafts, DraftSummary};
use super::Workspace;
use crate::error::{Error, Result};
use crate::records::EditorialEvent;
use crate::translation::{GridCell, GridRow};
use std::collections::HashMap;
use std::time::Duration;

/// The library: every commentary, the files that could not be read, and how many drafts are
/// still to be read (a fresh clone within a budget; see [`Workspace::library`]).
#[derive(Debug, Default)]
pub struct LibraryView {
    pub entries: Vec<LibraryEntry>,
    pub problems: Vec<Error>,
    pub pending: usize,
}

/// One commentary in the library.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    pub source: DraftSummary,
    /// Every language version, the source included, by path.
    pub versions: Vec<DraftSummary>,
    /// Each workspace language's cell of the grid, in the workspace's order.
    pub languages: Vec<GridCell>,
    /// The event that set its editorial status; `None` for a draft nobody moved on.
    pub editorial: Option<EditorialEvent>,
}

impl Workspace {
    /// The library, ordered newest issue first, then by section and title (drafts with no
    /// issue last), from one look at the folder ([`Workspace::library`]).
    pub fn library_view(&self, budget: Option<Duration>) -> Result<LibraryView> {
        let (listing, grid) = self.library(budget)?;
        let rows: HashMap<&str, &GridRow> = grid.rows.iter().map(|r| (r.id.as_str(), r)).collect();
        let mut editorial = self.records().editorials();
        let mut entries: Vec<LibraryEntry> = listing
            .commentaries()
            .into_iter()
            .map(|drafts| entry(drafts, &rows, &mut editorial))
            .collect();
        entries.sort_by(|a, b| {
            b.source
                .issue
                .cmp(&a.source.issue)
                .then_with(|| a.source.section.cmp(&b.source.section))
                .then_with(|| a.source.title.cmp(&b.source.title))
        });
        Ok(LibraryView {
            entries,
            problems: listing.problems,
            pending: listing.pending,
        })
    }
}

impl Workspace {
    /// The languages the workspace shows: its settings' languages in their order, then any
    /// other language a draft read within `budget` uses (a fresh clone's rest follow later).
    pub fn languages_in_use(&self, budget: Duration) -> Result<Vec<String>> {
        let mut languages = self.settings().languages.clone();
        for draft in self.list_within(budget)?.drafts {
            if !languages.contains(&draft.lang) {
                languages.push(draft.lang);
            }
        }
        Ok(languages)
    }
}

fn entry(
    drafts: CommentaryDrafts<'_>,
    rows: &HashMap<&str, &GridRow>,
    editorial: &mut HashMap<String, EditorialEvent>,
) -> LibraryEntry {
    let id = drafts.source.id.as_str();
    LibraryEntry {
        languages: rows
            .get(id)
            .map(|row| row.cells.clone())
            .unwrap_or_default(),
        editorial: editorial.remove(id),
        source: drafts.source.clone(),
        versions: drafts.versions.into_iter().cloned().collect(),
    }
}
