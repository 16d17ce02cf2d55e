//! Keeping the search index current and asking it. The index follows the files history knows
//! (the known-files table): a file that leaves history leaves the index in the same
//! transaction, and files whose recorded text changed are re-indexed before the next search,
//! so saves pay nothing for search. `reindex` rebuilds it all from disk.

use super::folder::draft_paths;
use super::Workspace;
use crate::draft::{read_draft, Draft};
use crate::error::{Error, Result};
use crate::search::{
    match_expression, DocFields, SearchHit, SearchRequest, DEFAULT_LIMIT, MARKERS, MAX_LIMIT,
};
use std::collections::HashMap;
use std::path::Path;

/// Past this many files behind, catching up rebuilds the whole index in one transaction.
const CATCH_UP_LIMIT: usize = 200;

/// What `reindex` did.
#[derive(Debug, Default)]
pub struct ReindexReport {
    pub indexed: usize,
    /// Draft-named files that could not be read; each error names its file.
    pub problems: Vec<Error>,
}

impl Workspace {
    /// The language versions matching `request`, best first.
    pub fn search(&self, request: &SearchRequest) -> Result<Vec<SearchHit>> {
        let expression = match_expression(&request.query, &request.filters)?;
        let limit = match request.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        };
        self.catch_up_index()?;
        let hits = self.history().search_index(&expression, limit, MARKERS)?;
        Ok(hits.into_iter().map(SearchHit::from_index).collect())
    }

    /// [`Workspace::search`] as a window does it: the folder recorded first, once per open
    /// workspace (the catch-up policy's `View::Search`), so files written while Galley was
    /// closed are found; the watcher keeps the index current after that.
    pub fn search_caught_up(&mut self, request: &SearchRequest) -> Result<Vec<SearchHit>> {
        self.catch_up_for(super::View::Search)?;
        self.search(request)
    }

    /// Rebuilds the whole index from the files on disk, in one transaction. `progress` is
    /// called with (files done, files in all) after each file.
    pub fn reindex(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<ReindexReport> {
        let files = draft_paths(self.root())?;
        let statuses: HashMap<(String, String), &'static str> = self
            .records()
            .statuses()
            .map(|e| ((e.draft_id.clone(), e.lang.clone()), e.status.as_str()))
            .collect();
        let mut report = ReindexReport::default();
        let rebuild = self.history().rebuild_index()?;
        for (done, rel) in files.iter().enumerate() {
            match read_draft(&self.root().join(rel), Path::new(rel)) {
                Ok(draft) => {
                    let front = draft.front();
                    let key = (front.id.clone(), front.lang.clone());
                    let status = statuses.get(&key).copied().unwrap_or("");
                    rebuild.add(&DocFields::of(rel, &draft, status).as_doc())?;
                    report.indexed += 1;
                }
                Err(e) => report.problems.push(e),
            }
            progress(done + 1, files.len());
        }
        rebuild.finish()?;
        Ok(report)
    }

    /// Indexes `text`, the current content of the draft at workspace path `rel`.
    pub fn index_file(&self, rel: &str, text: &str) -> Result<()> {
        let draft = Draft::parse(Path::new(rel), text.as_bytes())?;
        self.index_draft(rel, &draft)
    }

    /// Drops the draft at workspace path `rel` from the index.
    pub fn unindex_path(&self, rel: &str) -> Result<()> {
        self.history().unindex_path(rel)
    }

    /// Indexes the draft at `rel` as it is on disk (e.g. after its status changed).
    pub(super) fn index_path(&self, rel: &str) -> Result<()> {
        let target = self.resolve(Path::new(rel))?;
        match read_draft(&target.abs, Path::new(&target.rel)) {
            Ok(draft) => self.index_draft(&target.rel, &draft),
            Err(Error::NotFound { .. }) => self.unindex_path(&target.rel),
            Err(other) => Err(other),
        }
    }

    fn index_draft(&self, rel: &str, draft: &Draft) -> Result<()> {
        self.history()
            .index_doc(&self.doc_fields(rel, draft)?.as_doc())
    }

    /// What the index holds for a draft: its text and its filters, the status included.
    fn doc_fields(&self, rel: &str, draft: &Draft) -> Result<DocFields> {
        let front = draft.front();
        let status = self.records().status(&front.id, &front.lang);
        Ok(DocFields::of(
            rel,
            draft,
            status.map_or("", |e| e.status.as_str()),
        ))
    }

    /// Brings the index up to the files history knows. Saves, restores and recorded external
    /// edits only move the known-files table on (no indexing on the save path); the next search
    /// indexes exactly what changed since, from the recorded texts.
    fn catch_up_index(&self) -> Result<()> {
        let behind = self.history().index_behind()?;
        let Some(mark) = behind.mark else {
            return Ok(()); // nothing history knows changed since the last catch-up
        };
        if behind.stale.len() > CATCH_UP_LIMIT {
            // A history from before the index existed, or a big import: one bulk rebuild.
            // (It indexes the files on disk; the next search compares them with history.)
            self.reindex(&mut |_, _| {})?;
            return Ok(());
        }
        for (path, hash) in &behind.stale {
            let text = self.history().text_by_hash(hash)?;
            self.index_file(path, &text)?;
        }
        self.history().index_caught_up(mark)
    }
}
