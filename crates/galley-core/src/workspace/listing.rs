//! Reading the folder: which drafts exist, their front matter, and what is wrong with them.

use super::folder::Folder;
use super::Workspace;
use crate::conflict::{conflict_copy, conflict_copy_path, ConflictCopy};
use crate::draft::{is_draft_file_name, read_draft, Draft, IsoWeek, Trend};
use crate::error::{Error, ErrorCode, Result};
use crate::history::FrontMatterEntry;
use crate::issue::RequiredField;
use crate::translation::TranslationGrid;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long the library reads files the cache has not seen before it shows what it has (the
/// rest are read in the background: [`Workspace::catch_up_folder`]). Both shells and the
/// archive benchmark use it, so the bench measures what people wait for.
pub const LIBRARY_BUDGET: Duration = Duration::from_millis(1500);

/// One language version as listed in the library.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSummary {
    pub id: String,
    pub lang: String,
    pub path: String,
    pub title: String,
    pub trend: Option<Trend>,
    pub section: Option<String>,
    pub issue: Option<IsoWeek>,
    pub authors: Vec<String>,
    pub translation_of: Option<String>,
    pub words: usize,
    /// The file has merge conflict markers: what is shown here is its "ours" side, so the
    /// commentary stays in its place, but it is not content (see `problems`).
    pub in_conflict: bool,
}

/// A draft's empty required fields (see [`Workspace::missing_fields`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingFields {
    pub path: String,
    pub fields: Vec<RequiredField>,
}

impl MissingFields {
    /// "no `lead`, `trend`: fill them in before the week is published"
    pub fn message(&self) -> String {
        let names: Vec<String> = self
            .fields
            .iter()
            .map(|f| format!("`{}`", f.as_str()))
            .collect();
        format!(
            "{}: no {}; fill {} in before the week is published",
            self.path,
            names.join(", "),
            if self.fields.len() == 1 { "it" } else { "them" }
        )
    }
}

#[derive(Debug, Default)]
pub struct Listing {
    pub drafts: Vec<DraftSummary>,
    /// Files that look like drafts but could not be read; each error names its file.
    pub problems: Vec<Error>,
    /// Drafts not read yet (only from [`Workspace::library`] with a budget): the library is
    /// partial until a later listing or [`Workspace::catch_up_folder`] reads them.
    pub pending: usize,
}

/// One commentary as listed: the language versions that share an id.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentaryDrafts<'a> {
    /// The source language version (the one without `translation_of`); when every version
    /// claims to be a translation, the first by path.
    pub source: &'a DraftSummary,
    /// Every language version, the source included, by path.
    pub versions: Vec<&'a DraftSummary>,
}

impl Listing {
    /// The drafts grouped into commentaries by their front-matter id, ordered by id.
    pub fn commentaries(&self) -> Vec<CommentaryDrafts<'_>> {
        let mut by_id: BTreeMap<&str, Vec<&DraftSummary>> = BTreeMap::new();
        for draft in &self.drafts {
            by_id.entry(draft.id.as_str()).or_default().push(draft);
        }
        by_id
            .into_values()
            .filter_map(|versions| {
                let source = versions
                    .iter()
                    .find(|d| d.translation_of.is_none())
                    .or(versions.first())
                    .copied()?;
                Some(CommentaryDrafts { source, versions })
            })
            .collect()
    }
}

impl Workspace {
    /// Every draft in the folder, sorted by path, plus the files that failed to read. Only
    /// files changed since the last listing are parsed (see `folder`).
    pub fn list(&self) -> Result<Listing> {
        Ok(listing_of(self.folder()?))
    }

    /// [`Workspace::list`], reading files the cache has not seen for about `budget` only (the
    /// rest counted in `pending`; see [`Workspace::library`]).
    pub fn list_within(&self, budget: Duration) -> Result<Listing> {
        Ok(listing_of(
            self.folder_within(Some(budget), &mut |_, _| {})?,
        ))
    }

    /// [`Workspace::list`], telling `progress` (files known, files in all) as a folder the
    /// cache has not seen is read.
    pub fn list_with_progress(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<Listing> {
        Ok(listing_of(self.folder_within(None, progress)?))
    }

    /// The library: the listing and the translation grid of the whole workspace, from one
    /// look at the folder. With a `budget`, files not in the cache are read for about that
    /// long; the rest are counted in `pending` (a fresh clone's library is on screen at once)
    /// and read by [`Workspace::catch_up_folder`] on another handle, or by the next call.
    pub fn library(&self, budget: Option<Duration>) -> Result<(Listing, TranslationGrid)> {
        let mut folder = self.folder_within(budget, &mut |_, _| {})?;
        let problems = std::mem::take(&mut folder.problems);
        let grid = self.translation_grid_in(&mut folder, None)?;
        let mut listing = listing_of(folder);
        listing.problems = problems;
        Ok((listing, grid))
    }

    /// Reads and caches every draft the folder model has not seen, telling `progress` (files
    /// known, files in all) every few hundred files: the background half of [`Workspace::library`].
    /// Safe beside another handle on the same workspace (the cache is written in batches).
    pub fn catch_up_folder(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<()> {
        self.folder_within(None, progress).map(|_| ())
    }

    /// Reads one draft by its path (relative to the workspace, or absolute inside it).
    pub fn read(&self, path: &str) -> Result<Draft> {
        let found = self.resolve(Path::new(path))?;
        if !found.abs.is_file() {
            return Err(Error::NotFound {
                what: format!("the draft {}", found.rel),
                hint: ". Check the path with `galley list`.".into(),
                detail: None,
            }
            .coded(ErrorCode::DraftNotFound, [("path", found.rel.clone())]));
        }
        read_draft(&found.abs, Path::new(&found.rel))
    }

    /// Validates every draft and the workspace as a whole: unreadable or invalid files,
    /// conflicts left by git or a sync tool, two files claiming the same commentary and
    /// language, languages and sections the workspace settings don't know. An empty result
    /// means all is well.
    pub fn check(&self) -> Result<Vec<Error>> {
        let listing = self.list()?;
        let mut problems = listing.problems;
        problems.extend(self.conflicts_outside_drafts()?);
        // Journal lines that were not believed: from another machine, so worth knowing.
        problems.extend(self.record_problems());
        let mut seen: BTreeMap<(&str, &str), &str> = BTreeMap::new();
        let settings = self.settings();
        for draft in &listing.drafts {
            let problem = |field: &str, message: String| Error::InvalidDraft {
                path: PathBuf::from(&draft.path),
                line: 1,
                field: field.to_string(),
                message,
                detail: None,
            };
            let path = || ("path", draft.path.clone());
            if let Some(other) = seen.insert((&draft.id, &draft.lang), &draft.path) {
                problems.push(
                    problem(
                        "id",
                        format!("{other} has the same id and language; give one of them a new id"),
                    )
                    .coded(
                        ErrorCode::DraftIdTaken,
                        [path(), ("other", other.to_string())],
                    ),
                );
            }
            if !settings.languages.contains(&draft.lang) {
                let languages = settings.languages.join(", ");
                problems.push(
                    problem(
                        "lang",
                        format!(
                            "`{}` is not one of the workspace's languages ({languages})",
                            draft.lang,
                        ),
                    )
                    .coded(
                        ErrorCode::DraftLanguageNotListed,
                        [
                            path(),
                            ("lang", draft.lang.clone()),
                            ("languages", languages),
                        ],
                    ),
                );
            }
            if let Some(section) = &draft.section {
                if !settings.sections.is_empty() && settings.section(section).is_none() {
                    let known: Vec<&str> =
                        settings.sections.iter().map(|s| s.key.as_str()).collect();
                    problems.push(
                        problem(
                            "section",
                            format!(
                                "`{section}` is not a section of this workspace ({})",
                                known.join(", ")
                            ),
                        )
                        .coded(
                            ErrorCode::DraftSectionNotListed,
                            [
                                path(),
                                ("section", section.clone()),
                                ("sections", known.join(", ")),
                            ],
                        ),
                    );
                }
            }
        }
        Ok(problems)
    }

    /// Drafts that leave a field every published language version needs empty (title, lead,
    /// authors, trend: [`RequiredField`]), in path order. Not problems — a draft in progress
    /// may lack them — but `check` warns, so an imported archive's gaps are seen before
    /// readiness refuses the week.
    pub fn missing_fields(&self) -> Result<Vec<MissingFields>> {
        let mut missing = Vec::new();
        for draft in self.list()?.drafts.iter().filter(|d| !d.in_conflict) {
            let found = self.resolve(Path::new(&draft.path))?;
            // Unreadable files are `check`'s problems already.
            let Ok(read) = read_draft(&found.abs, Path::new(&found.rel)) else {
                continue;
            };
            let fields: Vec<RequiredField> = RequiredField::ALL
                .into_iter()
                .filter(|f| f.is_empty_in(read.front()))
                .collect();
            if !fields.is_empty() {
                missing.push(MissingFields {
                    path: draft.path.clone(),
                    fields,
                });
            }
        }
        missing.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(missing)
    }

    /// Conflicts that are not a draft with markers (those are `list`'s problems): sync tools'
    /// conflict copies of drafts, issue files and the settings file, and issue files with
    /// merge markers.
    pub(super) fn conflicts_outside_drafts(&self) -> Result<Vec<Error>> {
        let mut problems: Vec<Error> = find_files(self.root())?
            .copies
            .into_iter()
            .map(|(rel, copy)| Error::conflict_copy(rel, copy))
            .collect();
        let state = self.root().join(super::STATE_DIR);
        if let Ok(entries) = std::fs::read_dir(&state) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if let Some(copy) =
                    conflict_copy(&name).filter(|c| c.original == super::SETTINGS_FILE)
                {
                    let rel = format!("{}/{name}", super::STATE_DIR);
                    problems.push(Error::conflict_copy(
                        rel,
                        ConflictCopy {
                            original: format!("{}/{}", super::STATE_DIR, copy.original),
                            ..copy
                        },
                    ));
                }
            }
        }
        for week in self.issue_file_weeks()? {
            if let Err(e @ Error::ConflictMarkers { .. }) = self.load_issue(week) {
                problems.push(e);
            }
        }
        Ok(problems)
    }
}

/// The library's view of the folder model.
fn listing_of(folder: Folder) -> Listing {
    let Folder {
        drafts,
        problems,
        conflicted,
        pending,
        ..
    } = folder;
    let drafts = drafts
        .into_iter()
        .map(|entry| DraftSummary {
            in_conflict: conflicted.contains(&entry.path),
            ..summarize(entry)
        })
        .collect();
    Listing {
        drafts,
        problems,
        pending,
    }
}

fn summarize(entry: FrontMatterEntry) -> DraftSummary {
    DraftSummary {
        // The cache holds what a draft's front matter parsed to, so these parse again.
        trend: entry.trend.as_deref().and_then(|t| t.parse::<Trend>().ok()),
        issue: entry
            .issue
            .as_deref()
            .and_then(|w| w.parse::<IsoWeek>().ok()),
        id: entry.draft_id,
        lang: entry.lang,
        path: entry.path,
        title: entry.title,
        section: entry.section,
        authors: entry.authors,
        translation_of: entry.translation_of,
        words: entry.words as usize,
        in_conflict: false,
    }
}

/// What a walk of the folder finds.
pub(super) struct FolderFiles {
    /// Draft-named files' relative paths, sorted.
    pub drafts: Vec<String>,
    /// Sync tools' conflict copies of drafts and issue files (never drafts themselves), by
    /// relative path, with the original's relative path.
    pub copies: Vec<(String, ConflictCopy)>,
}

/// Walks `root`, skipping hidden folders: its drafts and the conflict copies beside them.
pub(super) fn find_files(root: &Path) -> Result<FolderFiles> {
    let mut found = Vec::new();
    let mut copies = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| Error::io("list", &dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("list", &dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !name.starts_with('.') {
                    stack.push(entry.path());
                }
            } else if kind.is_file() && is_draft_file_name(&name) {
                found.push(relative(root, &entry.path()));
            } else if kind.is_file() {
                let rel = relative(root, &entry.path());
                if let Some(copy) = conflict_copy_path(&rel).filter(copies_what_we_read) {
                    copies.push((rel, copy));
                }
            }
        }
    }
    found.sort();
    copies.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(FolderFiles {
        drafts: found,
        copies,
    })
}

/// Whether a conflict copy is of a file Galley reads in the folder: a draft or an issue file.
pub(super) fn copies_what_we_read(copy: &ConflictCopy) -> bool {
    let name = copy.original.rsplit('/').next().unwrap_or(&copy.original);
    is_draft_file_name(name) || name == crate::issue::ISSUE_FILE
}

pub(super) fn relative(root: &Path, abs: &Path) -> String {
    let rel = abs.strip_prefix(root).unwrap_or(abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
