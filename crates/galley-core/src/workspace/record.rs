//! Turning what happened to the folder outside Galley into versions: edits in other programs
//! (signed by this machine's user, marked as made outside Galley) and texts that arrived from
//! other machines (signed by their makers, as the journals say). Journals that arrived are read
//! first, so a text and its record arriving together are attributed right. A deletion made
//! through the trash is signed by who deleted, as its entry says, on every machine — also when
//! a file-sync tool delivers the removal before the entry: the deletion this machine signed as
//! its finder is signed by the entry once it arrives (`sign_explained_deletions`).
//! Scanning is effectful; deciding is `reconcile::plan` (pure); applying is the small step here.

use super::listing::{copies_what_we_read, find_files, relative};
use super::trash::{entry_removing, is_trash_entry, TrashEntry};
use super::Workspace;
use crate::conflict::{conflict_copy_path, ConflictCopy};
use crate::draft::{is_draft_file_name, read_draft};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::{KnownFile, KnownFileChange, NewVersion, Origin, Version};
use crate::reconcile::{plan, Action, Change, DiskFile, DiskState};
use crate::records::VersionOrigin;
use crate::watch::WatchBatch;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// `local_state` key: "pending" while only part of the folder has been recorded on this
/// machine, "done" once the whole folder was.
const FIRST_LOOK: &str = "first_look";

/// One change recorded from the folder.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub path: String,
    /// `None` for a deletion.
    pub change: Option<Change>,
    pub version: Version,
}

#[derive(Debug, Default)]
pub struct RecordReport {
    pub recorded: Vec<Recorded>,
    /// Whether journals changed on disk (another machine's records arrived), or a trash entry
    /// that arrived re-signed a deletion: what History shows changed without a new version.
    pub records_changed: bool,
    /// Files left alone because they are invalid or duplicate another; each names its file.
    pub problems: Vec<Error>,
}

/// What was seen of a set of paths: what the planner sees, plus the texts to store.
#[derive(Default)]
struct Observed {
    files: Vec<DiskFile>,
    texts: BTreeMap<String, String>,
    problems: Vec<Error>,
}

impl Workspace {
    /// Reconciles the whole folder with history, comparing every file by content hash.
    /// Used at start-up, by `galley record`, and whenever the watcher lost events.
    pub fn record_all(&mut self) -> Result<RecordReport> {
        let records_changed = self.refresh_records()?;
        let mut scan = Observed::default();
        let files = find_files(self.root())?;
        for rel in files.drafts {
            scan_one(&mut scan, &self.root().join(&rel), rel);
        }
        // A conflict copy is never a draft: reported, never recorded, so never a duplicate.
        for (rel, copy) in files.copies {
            scan.problems.push(Error::conflict_copy(rel, copy));
        }
        let known = self.history().known_files()?;
        let first_look = self.first_look(known.is_empty())?;
        let mut report = self.apply(scan, &known, first_look)?;
        report.records_changed = self.sign_explained_deletions()? || records_changed;
        if first_look {
            self.history().set_local_value(FIRST_LOOK, "done")?;
        }
        self.folder_recorded = true;
        Ok(report)
    }

    /// Records what one watcher batch touched, the same for every shell: the named paths, or
    /// the whole folder when events were lost (a batch with errors asks for that). The watcher's
    /// errors come back among the report's problems, so the shells show them like the others.
    pub fn record_batch(&mut self, batch: &WatchBatch) -> Result<RecordReport> {
        let mut report = if batch.rescan {
            self.record_all()?
        } else {
            self.record_paths(&batch.paths.iter().cloned().collect::<Vec<_>>())?
        };
        let errors = batch.errors.iter().map(|message| Error::Watch {
            message: message.clone(),
        });
        report.problems.extend(errors);
        Ok(report)
    }

    /// Reconciles only the given paths (as reported by the watcher), plus the known location
    /// of any draft that appears at one of them, so renames are seen as renames.
    pub fn record_paths(&mut self, paths: &[PathBuf]) -> Result<RecordReport> {
        let records_changed = self.refresh_records()?;
        let mut scan = Observed::default();
        let mut wanted: BTreeSet<String> = BTreeSet::new();
        for abs in paths {
            if let Some(rel) = self.draft_rel_path(abs) {
                wanted.insert(rel);
            } else if let Some((rel, copy)) = self.conflict_copy_rel_path(abs) {
                scan.problems.push(Error::conflict_copy(rel, copy));
            }
        }
        for rel in &wanted {
            scan_one(&mut scan, &self.root().join(rel), rel.clone());
        }
        let ids: BTreeSet<(&str, &str)> = scan
            .files
            .iter()
            .filter_map(|f| match &f.state {
                DiskState::Draft { draft_id, lang, .. } => Some((draft_id.as_str(), lang.as_str())),
                DiskState::Invalid => None,
            })
            .collect();
        // What history knows of these paths and of these drafts elsewhere, without reading
        // every known file: a few paths cost their rows.
        let nearby = self.history().known_files_matching(&mut |path, id, lang| {
            wanted.contains(path) || ids.contains(&(id, lang))
        })?;
        let related: Vec<String> = nearby
            .iter()
            .filter(|k| !wanted.contains(&k.path))
            .map(|k| k.path.clone())
            .collect();
        for rel in related {
            scan_one(&mut scan, &self.root().join(&rel), rel.clone());
            wanted.insert(rel);
        }
        let first_look = self.first_look(!self.history().knows_any_file()?)?;
        if first_look {
            // Recording part of the folder first (an issue, a watcher batch) must not end this
            // machine's first look: the whole folder's first record still claims nothing.
            self.history().set_local_value(FIRST_LOOK, "pending")?;
        }
        let known: Vec<KnownFile> = nearby
            .into_iter()
            .filter(|k| wanted.contains(&k.path))
            .collect();
        let mut report = self.apply(scan, &known, first_look)?;
        let entry_arrived = paths.iter().any(|abs| is_trash_entry(self.root(), abs));
        report.records_changed = records_changed;
        if entry_arrived {
            report.records_changed |= self.sign_explained_deletions()?;
        }
        Ok(report)
    }

    /// Whether this is this machine's first look at the folder: history knows no file of it
    /// yet, or only what a partial record (see `record_paths`) taught it.
    fn first_look(&self, knows_nothing: bool) -> Result<bool> {
        Ok(knows_nothing || self.history().local_value(FIRST_LOOK)?.as_deref() == Some("pending"))
    }

    /// `first_look`: see [`Workspace::first_look`].
    fn apply(
        &mut self,
        mut scan: Observed,
        known: &[KnownFile],
        first_look: bool,
    ) -> Result<RecordReport> {
        let plan = plan(&scan.files, known);
        let mut report = RecordReport {
            recorded: Vec::new(),
            records_changed: false,
            problems: std::mem::take(&mut scan.problems),
        };
        for (path, owner) in plan.duplicates {
            report.problems.push(
                Error::InvalidDraft {
                    path: PathBuf::from(&path),
                    line: 1,
                    field: "id".into(),
                    message: format!(
                        "{owner} already has this id and language; give this file a new id"
                    ),
                    detail: None,
                }
                .coded(
                    ErrorCode::DraftIdTaken,
                    [("path", path.clone()), ("other", owner.to_string())],
                ),
            );
        }
        // A path vacated by one action may be taken by another (swaps, an id changed in place):
        // forgetting it must not forget the new owner.
        let claimed: BTreeSet<String> = plan
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::Record { file, .. } | Action::Refresh { file } => Some(file.path.clone()),
                Action::Delete { .. } => None,
            })
            .collect();
        let forget = |path: &'_ str| !claimed.contains(path);
        // Texts no journal names were made here, outside Galley: noted in one write before
        // they are recorded. Not on this machine's first look at a workspace others keep
        // records in (a fresh clone or copy): what is there was there before this machine, and
        // claiming it would sign others' work.
        let first_look = first_look && !self.records().is_empty();
        let made_here: Vec<_> = plan
            .actions
            .iter()
            .filter(|_| !first_look)
            .filter_map(|a| match a {
                Action::Record { file, .. } => self.version_record(
                    &file.draft_id,
                    &file.lang,
                    &file.path,
                    &file.hash,
                    VersionOrigin::External,
                ),
                _ => None,
            })
            .collect();
        self.append_records(made_here)?;
        // Everything the plan records goes into history in one transaction: a storm of
        // thousands of changes costs one durable commit, and a crash keeps all or none.
        let removals = self.removals(&plan.actions);
        let mut refreshed = Vec::new();
        let mut batch = Vec::new();
        let mut changes = Vec::new();
        for action in &plan.actions {
            match action {
                Action::Refresh { file } => refreshed.push(file.clone()),
                Action::Record { file, change } => {
                    let Some(text) = scan.texts.get(&file.path) else {
                        continue;
                    };
                    let mut files = vec![KnownFileChange::Upsert(file)];
                    if let Change::Renamed { from } = change {
                        if forget(from) {
                            files.push(KnownFileChange::Remove(from));
                        }
                    }
                    batch.push((self.external_version(file, text), files));
                    changes.push((file.path.clone(), Some(change.clone())));
                }
                Action::Delete { file } => {
                    let files: Vec<KnownFileChange> = forget(&file.path)
                        .then_some(KnownFileChange::Remove(&file.path))
                        .into_iter()
                        .collect();
                    batch.push((self.deletion_version(file, &removals), files));
                    changes.push((file.path.clone(), None));
                }
            }
        }
        if !refreshed.is_empty() {
            self.history().upsert_known_files(&refreshed)?;
        }
        if !batch.is_empty() {
            let versions = self.history().record_many(batch)?;
            for ((path, change), version) in changes.into_iter().zip(versions) {
                report.recorded.push(Recorded {
                    path,
                    change,
                    version,
                });
            }
        }
        Ok(report)
    }

    /// A version of a text found on disk, signed by its maker when a journal names it,
    /// otherwise by this machine's user.
    fn external_version<'a>(&'a self, file: &'a KnownFile, text: &'a str) -> NewVersion<'a> {
        let (author, at) = self.maker_of(&file.draft_id, &file.lang, &file.hash);
        found_version(file, Some(text), author, at)
    }

    /// The trash and archive entries, read only when the plan deletes something. One that
    /// cannot be listed leaves the deletions to be signed by this machine's user.
    fn removals(&self, actions: &[Action]) -> Vec<TrashEntry> {
        let deletes = actions.iter().any(|a| matches!(a, Action::Delete { .. }));
        if deletes {
            self.trash_entries().unwrap_or_default()
        } else {
            Vec::new()
        }
    }

    /// A deletion: signed and dated by who deleted when a trash or archive entry holds the
    /// file (the entry travels with the deletion to every machine), otherwise by this
    /// machine's user, who found the file gone.
    fn deletion_version<'a>(
        &'a self,
        file: &'a KnownFile,
        removals: &'a [TrashEntry],
    ) -> NewVersion<'a> {
        let (author, at) = match entry_removing(removals, &file.draft_id, &file.lang, &file.path) {
            Some(entry) => (entry.by.as_str(), entry.at),
            None => self.signed_here(),
        };
        found_version(file, None, author, at)
    }

    /// Signs by their trash or archive entry the deletions this machine signed as their finder
    /// because no entry explained them yet (a file-sync tool delivered the removal first).
    /// Only a deletion that is still its language version's newest and that no sync has
    /// committed is re-signed: a version already shared keeps its signature. Returns whether
    /// any deletion was.
    fn sign_explained_deletions(&self) -> Result<bool> {
        let found = self
            .history()
            .deletions_found_by(&self.env().author, self.last_synced_version()?)?;
        if found.is_empty() {
            return Ok(false);
        }
        // An entry that cannot be read yet (half-arrived) explains nothing until it can.
        let entries = self.trash_entries().unwrap_or_default();
        let signatures: Vec<(i64, &str, _)> = found
            .iter()
            .filter_map(|deletion| {
                let entry =
                    entry_removing(&entries, &deletion.draft_id, &deletion.lang, &deletion.path)?;
                let signed =
                    (entry.by.as_str(), entry.at) == (deletion.author.as_str(), deletion.at);
                (!signed).then_some((deletion.id, entry.by.as_str(), entry.at))
            })
            .collect();
        if !signatures.is_empty() {
            self.history().sign_deletions(&signatures)?;
        }
        Ok(!signatures.is_empty())
    }

    /// The workspace-relative path of `abs` if it could be a draft (inside the workspace, not
    /// in a hidden folder, named like a draft).
    fn draft_rel_path(&self, abs: &Path) -> Option<String> {
        let rel = self.visible_rel_path(abs)?;
        let name = rel.rsplit('/').next()?;
        is_draft_file_name(name).then_some(rel)
    }

    /// The workspace-relative path of `abs` and what it copies, if it is an existing sync
    /// tool's conflict copy of a draft or an issue file outside hidden folders.
    fn conflict_copy_rel_path(&self, abs: &Path) -> Option<(String, ConflictCopy)> {
        let rel = self.visible_rel_path(abs)?;
        let copy = conflict_copy_path(&rel).filter(copies_what_we_read)?;
        abs.is_file().then_some((rel, copy))
    }

    /// The workspace-relative path of `abs` when it is inside the workspace and not in a
    /// hidden folder.
    fn visible_rel_path(&self, abs: &Path) -> Option<String> {
        let rel = abs.strip_prefix(self.root()).ok()?;
        let hidden = rel
            .components()
            .rev()
            .skip(1)
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        rel.file_name()?;
        (!hidden).then(|| relative(self.root(), abs))
    }
}

/// A version of `file` as found on disk (`text` `None` when it is gone), made outside Galley.
fn found_version<'a>(
    file: &'a KnownFile,
    text: Option<&'a str>,
    author: &'a str,
    at: OffsetDateTime,
) -> NewVersion<'a> {
    NewVersion {
        draft_id: &file.draft_id,
        lang: &file.lang,
        path: &file.path,
        text,
        author,
        at,
        label: None,
        origin: Origin::External,
    }
}

fn scan_one(scan: &mut Observed, abs: &Path, rel: String) {
    // Not followed: a link named like a draft could point outside the workspace, and the
    // full scan (`listing::find_files`) skips links too, so both paths see the same folder.
    let meta = match std::fs::symlink_metadata(abs) {
        Ok(meta) if meta.is_file() => meta,
        _ => return, // gone, a link, or not a file: absent from the disk side
    };
    if rel.contains([':', '\\']) {
        // History stores `/`-separated relative paths; these characters would not round-trip
        // (and would fail the whole batch), so the file is reported and left alone.
        scan.problems.push(
            Error::InvalidDraft {
                path: PathBuf::from(&rel),
                line: 1,
                field: "file name".into(),
                message:
                    "Galley cannot keep history for a name containing `:` or `\\`; rename the file"
                        .into(),
                detail: None,
            }
            .coded(ErrorCode::DraftNameUnsupported, [("path", rel.clone())]),
        );
        scan.files.push(DiskFile {
            path: rel,
            state: DiskState::Invalid,
        });
        return;
    }
    match read_draft(abs, Path::new(&rel)) {
        Ok(draft) => {
            let text = draft.text().to_string();
            let front = draft.front();
            scan.files.push(DiskFile {
                path: rel.clone(),
                state: DiskState::Draft {
                    draft_id: front.id.clone(),
                    lang: front.lang.clone(),
                    hash: ContentHash::of(text.as_bytes()),
                    size: meta.len(),
                    mtime_ns: mtime_ns(&meta),
                },
            });
            scan.texts.insert(rel, text);
        }
        Err(e) => {
            scan.files.push(DiskFile {
                path: rel,
                state: DiskState::Invalid,
            });
            scan.problems.push(e);
        }
    }
}

pub(super) fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}
