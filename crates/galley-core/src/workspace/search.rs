//! Keeping the search index current and asking it. Every version recorded together with a
//! file change passes through `record_and_index`, the one place the index follows the folder:
//! an upserted file is indexed, a removed one unindexed. `reindex` rebuilds it all from disk.

use super::listing::find_draft_files;
use super::Workspace;
use crate::draft::{read_draft, Draft};
use crate::error::{Error, Result};
use crate::history::{KnownFileChange, NewVersion, Version};
use crate::search::{
    match_expression, DocFields, SearchHit, SearchRequest, DEFAULT_LIMIT, MARKERS, MAX_LIMIT,
};
use std::collections::HashMap;
use std::path::Path;

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
        // A history from before the index existed: fill it once rather than find nothing.
        if self.history().index_missing()? {
            self.reindex(&mut |_, _| {})?;
        }
        let hits = self.history().search_index(&expression, limit, MARKERS)?;
        Ok(hits.into_iter().map(SearchHit::from_index).collect())
    }

    /// Rebuilds the whole index from the files on disk, in one transaction. `progress` is
    /// called with (files done, files in all) after each file.
    pub fn reindex(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<ReindexReport> {
        let files = find_draft_files(self.root())?;
        let statuses: HashMap<(String, String), &'static str> = self
            .history()
            .statuses()?
            .into_iter()
            .map(|e| ((e.draft_id, e.lang), e.status.as_str()))
            .collect();
        let mut report = ReindexReport::default();
        let rebuild = self.history().rebuild_index()?;
        for (done, file) in files.iter().enumerate() {
            match read_draft(&file.abs, Path::new(&file.rel)) {
                Ok(draft) => {
                    let front = draft.front();
                    let key = (front.id.clone(), front.lang.clone());
                    let status = statuses.get(&key).copied().unwrap_or("");
                    rebuild.add(&DocFields::of(&file.rel, &draft, status).as_doc())?;
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
        let front = draft.front();
        let status = self.history().status(&front.id, &front.lang)?;
        let status = status.map_or("", |e| e.status.as_str());
        self.history()
            .index_doc(&DocFields::of(rel, draft, status).as_doc())
    }

    /// Records a version with its known-file changes, then brings the index in line with
    /// them. The index has its own transaction: if Galley stops between the two, the version
    /// is safe and `galley reindex` repairs the index.
    pub(super) fn record_and_index(
        &self,
        new: NewVersion<'_>,
        files: &[KnownFileChange<'_>],
    ) -> Result<Version> {
        let version = self.history().record_with_files(new, files)?;
        for change in files {
            match *change {
                KnownFileChange::Upsert(file) => {
                    if let (Some(text), true) = (new.text, file.path == new.path) {
                        self.index_file(&file.path, text)?;
                    }
                }
                KnownFileChange::Remove(path) => self.unindex_path(path)?,
            }
        }
        Ok(version)
    }
}
