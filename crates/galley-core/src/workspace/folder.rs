//! The one model of the drafts in the folder: every draft's front matter (from
//! `front_matter_cache`, so a file whose size and time are unchanged is not read again), the
//! files that could not be read, and sync tools' conflict copies. The library, the translation
//! grid, the board with its readiness, export and lookup by id all start from it; only the
//! drafts a view shows in full (a board's week, an exported issue, one commentary) are read.
//!
//! Invariant: whatever history learns about a file (a save, a recorded external edit, a
//! rename, a deletion) drops its cache row in the same transaction, so an edit that kept both
//! size and time is caught as soon as the watcher or the reconciler sees it.

use super::listing::find_files;
use super::record::mtime_ns;
use super::Workspace;
use crate::conflict::ConflictCopy;
use crate::draft::{count_words, read_draft_or_ours, Draft, IsoWeek};
use crate::error::{Detail, Error, ErrorCode, Result};
use crate::history::FrontMatterEntry;
use crate::issue::{Issue, Member};
use crate::translation::split_paragraphs;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

/// The drafts in the folder as the cache and a walk of the folder see them.
#[derive(Debug, Default)]
pub(super) struct Folder {
    /// Every readable draft's front matter, plus the "ours" side of files with merge conflict
    /// markers (so their commentary keeps its place; never content), sorted by path.
    pub drafts: Vec<FrontMatterEntry>,
    /// Files named like drafts that could not be read, each with why (as a sentence, and as a
    /// code with its facts when it has one), sorted by path; files with conflict markers among
    /// them.
    pub unreadable: Vec<(String, String, Option<Detail>)>,
    /// The same files' errors, in the same order, for the views that report them (taken).
    pub problems: Vec<Error>,
    /// The files with merge conflict markers.
    pub conflicted: BTreeSet<String>,
    /// Sync tools' conflict copies of drafts and issue files.
    pub copies: Vec<(String, ConflictCopy)>,
    /// Files not read yet because the caller's time ran out (see [`Workspace::library`]):
    /// neither in `drafts` nor in `unreadable`.
    pub pending: usize,
    /// Positions in `drafts` by commentary id, in path order: lookups by id cost the
    /// commentary, not the folder. Built once `drafts` is complete.
    by_id: HashMap<String, Vec<usize>>,
}

/// A draft read from the folder, with its workspace-relative path.
pub(super) struct Found {
    pub(super) rel: String,
    pub(super) draft: Draft,
}

impl Found {
    pub(super) fn lang(&self) -> &str {
        &self.draft.front().lang
    }

    /// The file name without `.<lang>.md` (`army-reserve-call-up.be.md` →
    /// `army-reserve-call-up`): what names the commentary's pages in a bundle.
    pub(super) fn slug(&self) -> String {
        let name = self.rel.rsplit('/').next().unwrap_or(&self.rel);
        let stem = name.strip_suffix(".md").unwrap_or(name);
        stem.strip_suffix(&format!(".{}", self.lang()))
            .unwrap_or(stem)
            .to_string()
    }
}

impl Folder {
    /// Indexes `drafts` by id; called once `drafts` is complete.
    fn index(&mut self) {
        self.by_id.clear();
        for (i, entry) in self.drafts.iter().enumerate() {
            self.by_id
                .entry(entry.draft_id.clone())
                .or_default()
                .push(i);
        }
    }

    /// The language versions of commentary `id`, in path order.
    pub fn versions_of(&self, id: &str) -> Vec<&FrontMatterEntry> {
        self.by_id
            .get(id)
            .map(|at| at.iter().map(|&i| &self.drafts[i]).collect())
            .unwrap_or_default()
    }

    /// The paths of commentary `id`'s language versions, in path order.
    pub fn paths_of(&self, id: &str) -> Vec<&str> {
        self.versions_of(id)
            .into_iter()
            .map(|e| e.path.as_str())
            .collect()
    }

    /// The weeks some draft's front matter names.
    pub fn weeks(&self) -> BTreeSet<IsoWeek> {
        self.drafts
            .iter()
            .filter_map(|e| e.issue.as_deref()?.parse().ok())
            .collect()
    }

    /// The commentaries of `week`: those whose front matter names it, plus those `issue`
    /// lists, in path order.
    pub fn members(&self, week: IsoWeek, issue: &Issue) -> Vec<Member> {
        let week_text = week.to_string();
        let listed: HashSet<&str> = issue
            .sections
            .iter()
            .flat_map(|s| s.commentaries.iter().map(String::as_str))
            .collect();
        // Each commentary once, at its first path, so members come in path order.
        let mut firsts: BTreeSet<usize> = BTreeSet::new();
        for entry in &self.drafts {
            let id = entry.draft_id.as_str();
            if entry.issue.as_deref() == Some(&week_text) || listed.contains(id) {
                if let Some(&first) = self.by_id.get(id).and_then(|at| at.first()) {
                    firsts.insert(first);
                }
            }
        }
        firsts
            .into_iter()
            .map(|first| {
                let entry = &self.drafts[first];
                let versions = self.versions_of(&entry.draft_id);
                let main = main_version(&versions).unwrap_or(entry);
                Member {
                    id: entry.draft_id.clone(),
                    title: main.title.clone(),
                    section: main
                        .section
                        .clone()
                        .or_else(|| versions.iter().find_map(|d| d.section.clone())),
                    in_issue: versions
                        .iter()
                        .any(|d| d.issue.as_deref() == Some(&week_text)),
                }
            })
            .collect()
    }

    /// The title of commentary `id` (its source language version's, else the first's).
    pub fn title_of(&self, id: &str) -> Option<String> {
        main_version(&self.versions_of(id)).map(|d| d.title.clone())
    }

    /// Everything an issue's export publishes or judges: every language version of the
    /// commentaries `issue` shows (wherever their files are) and the files of the week's
    /// folder that could not be read.
    pub fn issue_paths(&self, week: IsoWeek, issue: &Issue) -> BTreeSet<String> {
        let ids: BTreeSet<String> = self
            .members(week, issue)
            .into_iter()
            .map(|m| m.id)
            .collect();
        let prefix = format!("{week}/");
        let mut paths: BTreeSet<String> = ids
            .iter()
            .flat_map(|id| self.paths_of(id))
            .map(str::to_string)
            .collect();
        paths.extend(
            self.unreadable
                .iter()
                .filter(|(rel, ..)| rel.starts_with(&prefix))
                .map(|(rel, ..)| rel.clone()),
        );
        paths
    }
}

/// The source language version, else the first.
fn main_version<'a>(versions: &[&'a FrontMatterEntry]) -> Option<&'a FrontMatterEntry> {
    versions
        .iter()
        .find(|d| d.translation_of.is_none())
        .or(versions.first())
        .copied()
}

impl Workspace {
    /// The folder as it is now. Only files whose size or time changed since they were last
    /// seen are read; the rest come from `front_matter_cache`.
    pub(super) fn folder(&self) -> Result<Folder> {
        self.folder_within(None, &mut |_, _| {})
    }

    /// [`Workspace::folder`], reading files for at most `budget` (then the rest are counted in
    /// `pending`, and read by a later call). What was read is cached every 500 files, so
    /// another handle on the workspace sees the progress; `progress` hears (files known, files
    /// in all) after each batch.
    pub(super) fn folder_within(
        &self,
        budget: Option<Duration>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Folder> {
        const BATCH: usize = 500;
        let started = Instant::now();
        let mut cached: HashMap<String, FrontMatterEntry> = self
            .history()
            .front_matter_entries()?
            .into_iter()
            .map(|e| (e.path.clone(), e))
            .collect();
        let files = find_files(self.root())?;
        let total = files.drafts.len();
        let mut folder = Folder {
            copies: files.copies,
            ..Folder::default()
        };
        let mut fresh = Vec::new();
        let mut seen = 0;
        for rel in files.drafts {
            seen += 1;
            let abs = self.root().join(&rel);
            let Ok(meta) = std::fs::metadata(&abs) else {
                continue; // gone since the folder was listed
            };
            let (size, mtime) = (meta.len(), mtime_ns(&meta));
            match cached.remove(&rel) {
                Some(entry) if entry.size == size && entry.mtime_ns == mtime => {
                    folder.drafts.push(entry);
                    continue;
                }
                _ => {}
            }
            if budget.is_some_and(|b| started.elapsed() >= b) {
                folder.pending += 1;
                continue;
            }
            match read_draft_or_ours(&abs, Path::new(&rel)) {
                Ok(draft) => {
                    let entry = entry_of(&rel, &draft, size, mtime);
                    fresh.push(entry.clone());
                    folder.drafts.push(entry);
                }
                Err(unreadable) => {
                    // Not cached: the cache holds what files say, and this is half of one.
                    if let Some(ours) = &unreadable.ours {
                        folder.drafts.push(entry_of(&rel, ours, size, mtime));
                    }
                    if matches!(unreadable.error, Error::ConflictMarkers { .. }) {
                        folder.conflicted.insert(rel.clone());
                    }
                    let error = &unreadable.error;
                    let detail = error.code().map(|code| Detail {
                        code,
                        args: error.args(),
                    });
                    folder.unreadable.push((rel, error.to_string(), detail));
                    folder.problems.push(unreadable.error);
                }
            }
            if fresh.len() >= BATCH {
                self.history().update_front_matter_entries(&fresh, &[])?;
                fresh.clear();
                progress(seen - folder.pending, total);
            }
        }
        // Rows of files not read this time are kept: they may be unchanged after all.
        let gone: Vec<String> = if folder.pending == 0 {
            cached.into_keys().collect()
        } else {
            Vec::new()
        };
        self.history().update_front_matter_entries(&fresh, &gone)?;
        progress(total - folder.pending, total);
        folder.index();
        Ok(folder)
    }

    /// Reads the language versions of commentary `id` the model names (re-checking each
    /// file's id, since the file may have changed since). Files with merge conflict markers
    /// give their "ours" side when `ours` is set, and are left out otherwise.
    pub(super) fn read_commentary(&self, folder: &Folder, id: &str, ours: bool) -> Vec<Found> {
        let mut found = Vec::new();
        for rel in folder.paths_of(id) {
            if !ours && folder.conflicted.contains(rel) {
                continue;
            }
            let draft = match read_draft_or_ours(&self.root().join(rel), Path::new(rel)) {
                Ok(draft) => draft,
                Err(unreadable) if ours => match unreadable.ours {
                    Some(draft) => draft,
                    None => continue,
                },
                // Unreadable files are `galley check`'s business; they cannot be this one.
                Err(_) => continue,
            };
            if draft.front().id == id {
                found.push(Found {
                    rel: rel.to_string(),
                    draft,
                });
            }
        }
        found
    }

    /// Every readable language version of commentary `id`, by path.
    pub(super) fn commentary_in(&self, folder: &Folder, id: &str) -> Result<Vec<Found>> {
        let found = self.read_commentary(folder, id, false);
        if found.is_empty() {
            return Err(Error::NotFound {
                what: format!("commentary {id}"),
                hint: " in the workspace. `galley list` shows the ids.".into(),
                detail: None,
            }
            .coded(ErrorCode::CommentaryNotFound, [("id", id.to_string())]));
        }
        Ok(found)
    }

    /// Every readable language version of commentary `id`, by path.
    pub(super) fn commentary(&self, id: &str) -> Result<Vec<Found>> {
        self.commentary_in(&self.folder()?, id)
    }
}

/// Every draft-named file under `root`, skipping hidden folders, as sorted relative paths.
pub(super) fn draft_paths(root: &Path) -> Result<Vec<String>> {
    Ok(find_files(root)?.drafts)
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
