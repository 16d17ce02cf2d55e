//! Deleting and archiving commentaries, and bringing them back. A deleted or archived
//! commentary's files move, under their own relative paths, into an entry folder of
//! `.galley/trash/` or `.galley/archive/` (`<UTC stamp>-<id>[-<lang>]/`), beside an
//! `entry.toml` that says what it was (id, title, who, when, its place in the issue).
//!
//! Both places are shared like the drafts (git, Syncthing): a deletion is a file leaving the
//! visible folder, which every teammate's reconciler records as a deletion when it arrives —
//! signed by who deleted, as the entry travelling with it says — and the entry lets any of
//! them restore it. Nothing in an entry is ever
//! rewritten (an entry is written once and removed whole by a restore), so two machines can
//! never conflict over one. History is never touched: the deletion is a version (text `None`)
//! of every language version, and a restore is a new version that names the last text it
//! brings back (`Origin::Restore`), so each file's history continues under the same id.

use super::folder::Found;
use super::translate::source_of;
use super::Workspace;
use crate::atomic::write_atomic;
use crate::draft::IsoWeek;
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::{KnownFileChange, NewVersion, Origin};
use crate::issue::{insert, issue_path, remove};
use crate::records::VersionOrigin;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The manifest in every entry folder.
pub const ENTRY_FILE: &str = "entry.toml";

/// Why a commentary left the folder; each has its own place under `.galley/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashKind {
    /// Deleted: in `.galley/trash/`.
    Deleted,
    /// Done with but kept: in `.galley/archive/`.
    Archived,
}

impl TrashKind {
    pub const ALL: [TrashKind; 2] = [TrashKind::Deleted, TrashKind::Archived];

    /// The folder under the workspace that holds this kind's entries.
    pub fn folder(self) -> &'static str {
        match self {
            TrashKind::Deleted => ".galley/trash",
            TrashKind::Archived => ".galley/archive",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            TrashKind::Deleted => "deleted",
            TrashKind::Archived => "archived",
        }
    }
}

/// Whether workspace-relative `path` is inside the trash or the archive (shared files).
pub fn in_trash(path: &str) -> bool {
    TrashKind::ALL.iter().any(|kind| {
        path.strip_prefix(kind.folder())
            .is_some_and(|rest| rest.starts_with('/'))
    })
}

/// Whether `abs`, a path under the workspace at `root`, is an entry of the trash or the
/// archive (its folder) or the entry's `entry.toml`: what says who deleted files when it
/// arrives from another machine.
pub fn is_trash_entry(root: &Path, abs: &Path) -> bool {
    abs.strip_prefix(root)
        .is_ok_and(|rel| is_entry_path(&rel.to_string_lossy().replace('\\', "/")))
}

/// [`is_trash_entry`] for a workspace-relative path with `/` separators.
fn is_entry_path(path: &str) -> bool {
    TrashKind::ALL.iter().any(|kind| {
        let Some(rest) = path
            .strip_prefix(kind.folder())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            return false;
        };
        let name = rest
            .strip_suffix(ENTRY_FILE)
            .and_then(|name| name.strip_suffix('/'))
            .unwrap_or(rest);
        !name.is_empty() && !name.contains('/')
    })
}

/// One deleted or archived commentary (or one language version of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    pub kind: TrashKind,
    /// The entry's folder name: what names it to `restore_from_trash`.
    pub name: String,
    pub id: String,
    pub title: String,
    /// Set when only this language version was removed.
    pub lang: Option<String>,
    pub by: String,
    pub at: OffsetDateTime,
    /// The issue it was in, with its section and 0-based place in the issue file's list.
    pub week: Option<IsoWeek>,
    pub section: Option<String>,
    pub position: Option<usize>,
    /// The files' workspace-relative paths before they were removed (and after a restore).
    pub files: Vec<String>,
}

/// `entry.toml`, as written once and read back.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    id: String,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    by: String,
    at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    week: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    position: Option<usize>,
    files: Vec<String>,
}

impl Workspace {
    /// Deletes (or archives) commentary `id`: every language version, or with `lang` only
    /// that one (never the source while translations of it remain). Its files move into a new
    /// entry of the trash (or archive) and the issue file stops listing it; the deletion is
    /// recorded, so History keeps every text.
    pub fn trash(&mut self, id: &str, lang: Option<&str>, kind: TrashKind) -> Result<TrashEntry> {
        let drafts = self.commentary(id)?;
        let chosen: Vec<&Found> = match lang {
            None => drafts.iter().collect(),
            Some(lang) => vec![one_language(&drafts, id, lang)?],
        };
        let whole = chosen.len() == drafts.len();
        let main = source_of(&drafts).unwrap_or(&drafts[0]);
        let front = main.draft.front();
        // What is on disk goes into history first: the deletion must not lose an unrecorded edit.
        let abs: Vec<PathBuf> = chosen.iter().map(|f| self.root().join(&f.rel)).collect();
        self.record_paths(&abs)?;

        let now = self.env().clock.now();
        let name = self.free_entry_name(now, id, lang.filter(|_| !whole))?;
        let entry_dir = format!("{}/{name}", kind.folder());
        let mut entry = TrashEntry {
            kind,
            name,
            id: id.to_string(),
            title: chosen
                .iter()
                .find(|f| f.rel == main.rel)
                .unwrap_or(&chosen[0])
                .draft
                .front()
                .title
                .clone(),
            lang: lang.filter(|_| !whole).map(str::to_string),
            by: self.env().author.clone(),
            at: now,
            week: front.issue,
            section: None,
            position: None,
            files: chosen.iter().map(|f| f.rel.clone()).collect(),
        };
        let moves: Vec<(String, String)> = entry
            .files
            .iter()
            .map(|rel| (rel.clone(), format!("{entry_dir}/{rel}")))
            .collect();

        // The issue file first (only when the whole commentary goes), so a failed move can put
        // it back as it was; written without re-adopting members, which would list it again.
        let issue_before = match front.issue.filter(|_| whole) {
            Some(week) => {
                let (mut issue, exists) = self.load_issue(week)?;
                if let Some((section, position)) = issue.position_of(id) {
                    entry.section = Some(section.to_string());
                    entry.position = Some(position);
                }
                if exists && remove(&mut issue, id) {
                    let before = self.read_issue_bytes(week)?;
                    let scan = self.folder()?;
                    self.write_issue(&issue, &scan)?;
                    Some((week, before))
                } else {
                    None
                }
            }
            None => None,
        };
        let manifest = self.resolve(Path::new(&format!("{entry_dir}/{ENTRY_FILE}")))?;
        let done = self
            .write_entry(&manifest.abs, &entry)
            .and_then(|()| self.move_files(&moves));
        if let Err(e) = done {
            if let Some((week, bytes)) = issue_before {
                // Best effort, like the moves' own roll-back: the issue file is whole either way.
                let _ = self.put_issue_bytes(week, &bytes);
            }
            let _ = remove_entry_folder(&self.root().join(&entry_dir));
            return Err(e);
        }
        Ok(entry)
    }

    /// Everything in the trash and the archive, newest first. Entries whose `entry.toml`
    /// cannot be read are left out (a half-arrived sync), never guessed.
    pub fn trash_entries(&self) -> Result<Vec<TrashEntry>> {
        let mut entries = Vec::new();
        for kind in TrashKind::ALL {
            let dir = self.root().join(kind.folder());
            let listing = match std::fs::read_dir(&dir) {
                Ok(listing) => listing,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(Error::io("list", &dir, e)),
            };
            for item in listing.flatten() {
                let name = item.file_name().to_string_lossy().into_owned();
                if let Ok(entry) = self.read_entry(kind, &name) {
                    entries.push(entry);
                }
            }
        }
        entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.name.cmp(&a.name)));
        Ok(entries)
    }

    /// Brings entry `name` back: its files to the paths they had, the commentary into its
    /// issue file's place again. Refuses, before anything moves, when a path is taken or the
    /// folder has that language version of the commentary elsewhere now. Each file gets a
    /// version that names the text it brings back, so its history continues.
    pub fn restore_from_trash(&mut self, name: &str) -> Result<TrashEntry> {
        let entry = self.find_entry(name)?;
        let entry_dir = format!("{}/{}", entry.kind.folder(), entry.name);
        let scan = self.folder()?;
        let mut moves = Vec::new();
        for rel in &entry.files {
            let from = self.resolve(Path::new(&format!("{entry_dir}/{rel}")))?;
            let to = self.resolve(Path::new(rel))?;
            crate::paths::check_new_name(&to.rel)?;
            if !from.abs.is_file() {
                return Err(Error::invalid(
                    format!("the {} entry {name}", entry.kind.word()),
                    format!("its file {rel} is missing; it cannot be restored whole"),
                )
                .coded(
                    ErrorCode::TrashEntryIncomplete,
                    [("name", name.to_string()), ("path", rel.clone())],
                ));
            }
            if to.abs.exists() {
                return Err(Error::invalid(
                    format!("restoring {rel}"),
                    "another file is at that path now; move or rename it, then restore again",
                )
                .coded(ErrorCode::PathOccupied, [("path", rel.clone())]));
            }
            let draft = crate::draft::read_draft(&from.abs, Path::new(rel))?;
            let lang = &draft.front().lang;
            if let Some(other) = scan
                .drafts
                .iter()
                .find(|d| d.draft_id == entry.id && &d.lang == lang)
            {
                return Err(Error::invalid(
                    format!("restoring {rel}"),
                    format!(
                        "commentary {} has a {lang} version at {} already; delete or move that \
                         one first",
                        entry.id, other.path
                    ),
                )
                .coded(
                    ErrorCode::LanguageExists,
                    [
                        ("id", entry.id.clone()),
                        ("lang", lang.clone()),
                        ("path", other.path.clone()),
                    ],
                ));
            }
            moves.push((from.rel, to.rel));
        }

        let issue_before = match (entry.week, &entry.section) {
            (Some(week), Some(section)) => {
                let (mut issue, exists) = self.load_issue(week)?;
                if exists && issue.position_of(&entry.id).is_none() {
                    let before = self.read_issue_bytes(week)?;
                    insert(&mut issue, &entry.id, section, entry.position);
                    // Written before the files come back, so the folder does not know the
                    // title the file names beside each id yet: the entry does.
                    let text = issue.render(&|id| {
                        if id == entry.id {
                            Some(entry.title.clone())
                        } else {
                            scan.title_of(id)
                        }
                    });
                    self.put_issue_bytes(week, text.as_bytes())?;
                    Some((week, before))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Err(e) = self.move_restored(&moves) {
            if let Some((week, bytes)) = issue_before {
                let _ = self.put_issue_bytes(week, &bytes);
            }
            return Err(e);
        }
        let _ = remove_entry_folder(&self.root().join(&entry_dir));
        Ok(entry)
    }

    /// Moves the files back (all or none, as `move_files`), then records each as a restore of
    /// the newest version that had its text.
    fn move_restored(&mut self, moves: &[(String, String)]) -> Result<()> {
        let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
        for (from, to) in moves {
            let from = self.resolve(Path::new(from))?.abs;
            let to = self.resolve(Path::new(to))?.abs;
            let moved = match to.parent() {
                Some(folder) => std::fs::create_dir_all(folder)
                    .map_err(|e| Error::io("create the folder", folder, e)),
                None => Ok(()),
            }
            .and_then(|()| crate::atomic::rename_durable(&from, &to));
            if let Err(e) = moved {
                for (back_from, back_to) in done.iter().rev() {
                    let _ = crate::atomic::rename_durable(back_to, back_from);
                }
                return Err(e);
            }
            done.push((from, to));
        }
        for (_, rel) in moves {
            self.record_restored(rel)?;
        }
        Ok(())
    }

    fn record_restored(&mut self, rel: &str) -> Result<()> {
        let target = self.resolve(Path::new(rel))?;
        let draft = crate::draft::read_draft(&target.abs, Path::new(rel))?;
        let front = draft.front().clone();
        let hash = ContentHash::of(draft.text().as_bytes());
        let brought_back = self
            .history()
            .log(&front.id, &front.lang)?
            .into_iter()
            .find(|v| v.hash == Some(hash));
        let origin = match &brought_back {
            Some(version) => Origin::Restore { from: version.id },
            // This machine never saw that text (it arrived only in the trash): found on disk.
            None => Origin::External,
        };
        self.note_version(&front.id, &front.lang, rel, &hash, VersionOrigin::Restore)?;
        let file = self.known_file(&target, &front, hash)?;
        self.history().record_with_files(
            NewVersion {
                draft_id: &front.id,
                lang: &front.lang,
                path: rel,
                text: Some(draft.text()),
                author: &self.env().author,
                at: self.env().clock.now(),
                label: None,
                origin,
            },
            &[KnownFileChange::Upsert(&file)],
        )?;
        Ok(())
    }

    /// A folder name no entry of either kind has: `<stamp>-<id>[-<lang>]`, numbered if taken.
    fn free_entry_name(&self, at: OffsetDateTime, id: &str, lang: Option<&str>) -> Result<String> {
        let stamp = format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        );
        let base = match lang {
            Some(lang) => format!("{stamp}-{id}-{lang}"),
            None => format!("{stamp}-{id}"),
        };
        let taken = |name: &str| {
            TrashKind::ALL
                .iter()
                .any(|k| self.root().join(k.folder()).join(name).exists())
        };
        let mut name = base.clone();
        let mut n = 2;
        while taken(&name) {
            name = format!("{base}-{n}");
            n += 1;
        }
        Ok(name)
    }

    fn write_entry(&self, manifest: &Path, entry: &TrashEntry) -> Result<()> {
        let file = EntryFile {
            id: entry.id.clone(),
            title: entry.title.clone(),
            lang: entry.lang.clone(),
            by: entry.by.clone(),
            at: entry.at.format(&Rfc3339).map_err(|e| Error::Corrupt {
                what: format!("the time of a trash entry: {e}"),
            })?,
            week: entry.week.map(|w| w.to_string()),
            section: entry.section.clone(),
            position: entry.position,
            files: entry.files.clone(),
        };
        let text = toml::to_string(&file).map_err(|e| Error::Corrupt {
            what: format!("a trash entry could not be written: {e}"),
        })?;
        if let Some(folder) = manifest.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| Error::io("create the folder", folder, e))?;
        }
        write_atomic(manifest, text.as_bytes())
    }

    /// Entry `name` in the trash or the archive. The name is one plain folder name.
    fn find_entry(&self, name: &str) -> Result<TrashEntry> {
        let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '\0']);
        if plain {
            for kind in TrashKind::ALL {
                if self.root().join(kind.folder()).join(name).is_dir() {
                    return self.read_entry(kind, name);
                }
            }
        }
        Err(Error::NotFound {
            what: format!("the trash entry `{name}`"),
            hint: " in the trash or the archive. `galley trash list` shows them.".into(),
            detail: None,
        }
        .coded(ErrorCode::TrashEntryNotFound, [("name", name.to_string())]))
    }

    /// Reads and checks an entry's manifest: every file it names must be a draft path that
    /// stays inside the workspace (the manifest may have arrived from another machine).
    fn read_entry(&self, kind: TrashKind, name: &str) -> Result<TrashEntry> {
        let rel = format!("{}/{name}/{ENTRY_FILE}", kind.folder());
        let target = self.resolve(Path::new(&rel))?;
        let text =
            std::fs::read_to_string(&target.abs).map_err(|e| Error::io("read", &target.abs, e))?;
        let bad = |message: String| Error::invalid(rel.clone(), message);
        let file: EntryFile = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
        for path in &file.files {
            let inside = self.resolve(Path::new(path))?;
            let hidden = inside.rel.split('/').any(|part| part.starts_with('.'));
            let draft_name = inside
                .rel
                .rsplit('/')
                .next()
                .is_some_and(crate::draft::is_draft_file_name);
            if hidden || !draft_name || inside.rel != *path {
                return Err(bad(format!(
                    "`{path}` is not a draft's path in the workspace"
                )));
            }
        }
        let week = match &file.week {
            Some(week) => Some(
                week.parse::<IsoWeek>()
                    .map_err(|_| bad(format!("`{week}` is not a week")))?,
            ),
            None => None,
        };
        Ok(TrashEntry {
            kind,
            name: name.to_string(),
            at: OffsetDateTime::parse(&file.at, &Rfc3339)
                .map_err(|_| bad(format!("`{}` is not a time", file.at)))?,
            id: file.id,
            title: file.title,
            lang: file.lang,
            by: file.by,
            week,
            section: file.section,
            position: file.position,
            files: file.files,
        })
    }

    fn read_issue_bytes(&self, week: IsoWeek) -> Result<Vec<u8>> {
        let target = self.resolve(Path::new(&issue_path(week)))?;
        std::fs::read(&target.abs).map_err(|e| Error::io("read", &target.abs, e))
    }

    fn put_issue_bytes(&self, week: IsoWeek, bytes: &[u8]) -> Result<()> {
        let target = self.resolve(Path::new(&issue_path(week)))?;
        write_atomic(&target.abs, bytes)
    }
}

/// The newest entry that took `path` (language version `lang` of commentary `id`) out of the
/// folder: the deletion a reconciler finds is that entry's.
pub(super) fn entry_removing<'a>(
    entries: &'a [TrashEntry],
    id: &str,
    lang: &str,
    path: &str,
) -> Option<&'a TrashEntry> {
    entries
        .iter()
        .filter(|e| e.id == id && e.lang.as_deref().is_none_or(|l| l == lang))
        .filter(|e| e.files.iter().any(|f| f == path))
        .max_by(|a, b| a.at.cmp(&b.at).then_with(|| a.name.cmp(&b.name)))
}

/// The language version `lang` of a commentary, refusing the source while translations of it
/// remain (they would be left translating nothing).
fn one_language<'a>(drafts: &'a [Found], id: &str, lang: &str) -> Result<&'a Found> {
    let found = drafts.iter().find(|f| f.lang() == lang).ok_or_else(|| {
        Error::language_not_found(
            id,
            lang,
            " in the workspace. `galley translate status` shows its languages.",
        )
    })?;
    let translations: Vec<&str> = drafts
        .iter()
        .filter(|f| f.draft.front().translation_of.as_deref() == Some(lang))
        .map(|f| f.lang())
        .collect();
    if !translations.is_empty() {
        return Err(Error::invalid(
            format!("deleting the {lang} version of commentary {id}"),
            format!(
                "it is the source of the {} translation(s); delete those first, or the whole \
                 commentary",
                translations.join(", ")
            ),
        )
        .coded(
            ErrorCode::SourceOfTranslations,
            [
                ("id", id.to_string()),
                ("lang", lang.to_string()),
                ("translations", translations.join(", ")),
            ],
        ));
    }
    Ok(found)
}

/// Removes an entry folder's manifest and the folders its files left empty; anything else
/// that is still inside stays.
fn remove_entry_folder(dir: &Path) -> Result<()> {
    let manifest = dir.join(ENTRY_FILE);
    if manifest.exists() {
        std::fs::remove_file(&manifest).map_err(|e| Error::io("remove", &manifest, e))?;
    }
    remove_empty_folders(dir);
    Ok(())
}

fn remove_empty_folders(dir: &Path) {
    if let Ok(listing) = std::fs::read_dir(dir) {
        for item in listing.flatten() {
            if item.path().is_dir() {
                remove_empty_folders(&item.path());
            }
        }
    }
    let _ = std::fs::remove_dir(dir);
}

#[cfg(test)]
mod tests {
    use super::is_entry_path;

    #[test]
    fn an_entry_is_its_folder_or_its_manifest_in_the_trash_or_the_archive() {
        for path in [
            ".galley/trash/20200511T000000Z-pxq253v3kb",
            ".galley/trash/20200511T000000Z-pxq253v3kb/entry.toml",
            ".galley/archive/20200511T000000Z-pxq253v3kb-en/entry.toml",
        ] {
            assert!(is_entry_path(path), "{path}");
        }
        for path in [
            ".galley/trash",
            ".galley/trash/",
            ".galley/trash//entry.toml",
            ".galley/trash/x/2020-W20/army.be.md",
            ".galley/trash/x/sub/entry.toml",
            ".galley/trashcan/x/entry.toml",
            ".galley/journal/x.jsonl",
            "2020-W20/entry.toml",
        ] {
            assert!(!is_entry_path(path), "{path}");
        }
    }
}
