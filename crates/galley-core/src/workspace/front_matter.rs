//! The front matter of every draft in the folder, kept in `front_matter_cache` by path with the
//! file's size and modification time: a file whose size and time are unchanged is not read
//! again. The library list and the translation grid both read the folder through it, so at
//! archive scale they cost a directory walk, a `stat` per file and one query.
//!
//! Invariant: whatever history learns about a file (a save, a recorded external edit, a
//! rename, a deletion) drops its cache row in the same transaction, so an edit that kept both
//! size and time is caught as soon as the watcher or `record` sees it.

use super::listing::find_draft_files;
use super::record::mtime_ns;
use super::Workspace;
use crate::draft::count_words;
use crate::draft::{read_draft_or_ours, Draft};
use crate::error::{Error, Result};
use crate::history::FrontMatterEntry;
use crate::translation::split_paragraphs;
use std::collections::HashMap;
use std::path::Path;

impl Workspace {
    /// Every readable draft's front matter, sorted by path; files that fail to read go to
    /// `problems` (never cached, so they are read again until fixed). A file with merge
    /// conflict markers is both: a problem, and the front matter of its "ours" side, so its
    /// commentary and the translations of it keep their place while the conflict is resolved.
    pub(super) fn front_matter_entries(
        &self,
        problems: &mut Vec<Error>,
    ) -> Result<Vec<FrontMatterEntry>> {
        let mut cached: HashMap<String, FrontMatterEntry> = self
            .history()
            .front_matter_entries()?
            .into_iter()
            .map(|e| (e.path.clone(), e))
            .collect();
        let mut entries = Vec::new();
        let mut fresh = Vec::new();
        for file in find_draft_files(self.root())? {
            let Ok(meta) = std::fs::metadata(&file.abs) else {
                continue; // gone since the folder was listed
            };
            let (size, mtime) = (meta.len(), mtime_ns(&meta));
            match cached.remove(&file.rel) {
                Some(entry) if entry.size == size && entry.mtime_ns == mtime => {
                    entries.push(entry);
                    continue;
                }
                _ => {}
            }
            match read_draft_or_ours(&file.abs, Path::new(&file.rel)) {
                Ok(draft) => {
                    let entry = entry_of(&file.rel, &draft, size, mtime);
                    fresh.push(entry.clone());
                    entries.push(entry);
                }
                Err(unreadable) => {
                    // Not cached: the cache holds what files say, and this is half of one.
                    if let Some(ours) = &unreadable.ours {
                        entries.push(entry_of(&file.rel, ours, size, mtime));
                    }
                    problems.push(unreadable.error);
                }
            }
        }
        let gone: Vec<String> = cached.into_keys().collect();
        self.history().update_front_matter_entries(&fresh, &gone)?;
        Ok(entries)
    }
}

/// What the cache keeps of `draft`, read from workspace path `rel` with this size and time.
pub(super) fn entry_of(rel: &str, draft: &Draft, size: u64, mtime_ns: i64) -> FrontMatterEntry {
    let front = draft.front();
    FrontMatterEntry {
        path: rel.to_string(),
        size,
        mtime_ns,
        draft_id: front.id.clone(),
        lang: front.lang.clone(),
        translation_of: front.translation_of.clone(),
        issue: front.issue.map(|w| w.to_string()),
        title: front.title.clone(),
        paragraphs: u32::try_from(split_paragraphs(draft.body()).len()).unwrap_or(u32::MAX),
        trend: front.trend.map(|t| t.as_str().to_string()),
        section: front.section.clone(),
        authors: front.authors.clone(),
        words: u32::try_from(count_words(draft.body())).unwrap_or(u32::MAX),
    }
}
