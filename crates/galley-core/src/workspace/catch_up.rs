//! The one catch-up policy: what must be reconciled with history (edits made outside Galley,
//! texts that arrived) before a view is shown. The shells name the view; the core decides.
//!
//! - Views that judge texts against history — the translation grid, a source diff, the board,
//!   the readiness check, export — record the files they show first, so their cost follows
//!   the view (an issue's files), not the folder.
//! - The library and the grid of the whole workspace read the folder model, which is
//!   current by construction (`folder.rs`); search reads the index, which the whole folder is
//!   recorded for once per open workspace, and which the watcher keeps current after that.
//! - A rescan (the watcher lost events, `galley record`) records the whole folder.

use super::folder::Folder;
use super::record::RecordReport;
use super::Workspace;
use crate::draft::IsoWeek;
use crate::error::Result;

/// What is about to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View<'a> {
    /// The translation grid: of one issue, or of the whole workspace.
    Grid(Option<IsoWeek>),
    /// An issue's board, readiness or export.
    Issue(IsoWeek),
    /// One commentary (its translations' source diff).
    Commentary(&'a str),
    /// Search: the index follows what history knows.
    Search,
}

impl Workspace {
    /// Brings history up to date for `view` (see the module's policy). Search records the whole
    /// folder once per open workspace; the others record only the files they show.
    pub fn catch_up_for(&mut self, view: View<'_>) -> Result<RecordReport> {
        match view {
            View::Search if self.folder_recorded => Ok(RecordReport::default()),
            View::Search | View::Grid(None) => self.record_all(),
            View::Grid(Some(week)) | View::Issue(week) => {
                let folder = self.folder()?;
                self.record_issue(&folder, week)
            }
            View::Commentary(id) => {
                let folder = self.folder()?;
                let paths: Vec<_> = folder
                    .paths_of(id)
                    .into_iter()
                    .map(|rel| self.root().join(rel))
                    .collect();
                self.record_paths(&paths)
            }
        }
    }

    /// Records the files of issue `week` and returns the folder model they were found in.
    pub(super) fn catch_up_issue(&mut self, week: IsoWeek) -> Result<Folder> {
        let folder = self.folder()?;
        self.record_issue(&folder, week)?;
        Ok(folder)
    }

    fn record_issue(&mut self, folder: &Folder, week: IsoWeek) -> Result<RecordReport> {
        // An issue file that cannot be read lists nothing here; readiness reports it.
        let issue = self
            .load_issue(week)
            .map_or_else(|_| crate::issue::Issue::new(week), |(issue, _)| issue);
        let paths: Vec<_> = folder
            .issue_paths(week, &issue)
            .into_iter()
            .map(|rel| self.root().join(rel))
            .collect();
        self.record_paths(&paths)
    }
}
