//! The team's records on disk: `.galley/journal/<writer>.jsonl`, one append-only file per
//! writer (a person on one installation), read and folded by `crate::records`. This machine only
//! ever appends to its own file, so two machines never edit the same file and a merge of the
//! folder can only add lines. The fold is kept in memory and read again when any journal's size
//! or time changes (another machine's lines arrived).
//!
//! Also here: the files that keep per-machine state from travelling (`.galley/.gitignore`,
//! `.stignore`, `exports/.gitignore`) and the `merge=union` safety net for journals.

use super::{Workspace, STATE_DIR};
use crate::atomic::{append_line, random_suffix, write_atomic};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::History;
use crate::history::{Origin, Version};
use crate::records::TranslationStatus;
use crate::records::{
    read_journal, writer_of, Body, Event, EventId, JournalFile, LineProblem, Records,
    VersionOrigin, JOURNAL_EXTENSION,
};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// The journals' folder, inside `.galley`.
pub const JOURNAL_DIR: &str = "journal";

/// `local_state` keys: this installation's writer name, and that the records a previous release
/// kept in the database were moved into its journal.
const WRITER_KEY: &str = "writer";
const MIGRATED_KEY: &str = "records_migrated";

/// This installation's journals. Read on first use, not when the workspace opens: a command
/// that needs no record pays nothing for them.
#[derive(Debug)]
pub(super) struct Journals {
    dir: PathBuf,
    writer: String,
    loaded: OnceCell<Loaded>,
}

/// The journals as last read: the fold, what the files looked like, and this writer's place.
#[derive(Debug, Default)]
struct Loaded {
    records: Records,
    signature: Signature,
    next_seq: u64,
}

/// Name, size and modification time of every journal.
type Signature = Vec<(String, u64, i128)>;

impl Journals {
    fn loaded(&self) -> &Loaded {
        self.loaded
            .get_or_init(|| read_journals(&self.dir, &self.writer))
    }

    /// The journals as read, taken out to be changed; `put` puts them back.
    fn take(&mut self) -> Loaded {
        self.loaded
            .take()
            .unwrap_or_else(|| read_journals(&self.dir, &self.writer))
    }

    fn put(&mut self, loaded: Loaded) {
        self.loaded = OnceCell::from(loaded);
    }
}

impl Workspace {
    /// Everything the team's journals say, folded.
    pub fn records(&self) -> &Records {
        &self.journals.loaded().records
    }

    /// This installation's writer name (its journal is `<writer>.jsonl`).
    pub fn writer(&self) -> &str {
        &self.journals.writer
    }

    pub fn journal_dir(&self) -> PathBuf {
        self.root().join(STATE_DIR).join(JOURNAL_DIR)
    }

    /// Reads the journals again if any changed on disk since they were read (another machine's
    /// records arrived). Returns whether they did.
    pub fn refresh_records(&mut self) -> Result<bool> {
        let Some(old) = self.journals.loaded.get() else {
            return Ok(false); // nothing was read yet: the first use reads what is there now
        };
        if signature(&self.journals.dir) == old.signature {
            return Ok(false);
        }
        let before: HashMap<(String, String), TranslationStatus> = old
            .records
            .statuses()
            .map(|e| ((e.draft_id.clone(), e.lang.clone()), e.status))
            .collect();
        let fresh = read_journals(&self.journals.dir, &self.journals.writer);
        self.journals.put(fresh);
        // A translation's status is a search filter: files whose status arrived from elsewhere
        // are indexed again.
        let changed: HashSet<(String, String)> = self
            .records()
            .statuses()
            .filter(|e| before.get(&(e.draft_id.clone(), e.lang.clone())) != Some(&e.status))
            .map(|e| (e.draft_id.clone(), e.lang.clone()))
            .collect();
        if !changed.is_empty() {
            for known in self.history().known_files()? {
                if changed.contains(&(known.draft_id.clone(), known.lang.clone())) {
                    // A file that cannot be read now is `galley check`'s to report; its entry
                    // is brought up to date when it is recorded again.
                    let _ = self.index_path(&known.path);
                }
            }
        }
        Ok(true)
    }

    /// Journal lines that were not believed, each naming its file and line.
    pub fn record_problems(&self) -> Vec<Error> {
        let dir = self.journal_dir();
        self.records()
            .problems()
            .iter()
            .map(|p| Error::Journal {
                path: dir.join(&p.file),
                line: p.line,
                message: p.message.clone(),
            })
            .collect()
    }

    /// Appends an event to this writer's journal, signed by the workspace's author now, after
    /// every event this machine has seen; `prev` is filled in from the current state. The
    /// journal is written (and flushed) before anything is derived from it.
    pub(super) fn append_record(&mut self, body: Body) -> Result<Event> {
        self.refresh_records()?;
        let mut events = self.append_records(vec![body])?;
        events.pop().ok_or_else(|| Error::Corrupt {
            what: "a record was written but not returned".into(),
        })
    }

    /// Appends events in one write and one flush (an import or a storm of outside edits makes
    /// thousands). The caller has refreshed the records.
    pub(super) fn append_records(&mut self, bodies: Vec<Body>) -> Result<Vec<Event>> {
        if bodies.is_empty() {
            return Ok(Vec::new());
        }
        let at = self.env().clock.now();
        let author = self.env().author.clone();
        let dir = self.journal_dir();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create the folder", &dir, e))?;
        let path = dir.join(journal_name(&self.journals.writer));
        // The app and a command line on this machine share one writer: the lock keeps them from
        // numbering two events alike, and what the other appended is read first.
        let lock = JournalLock::take(&path)?;
        self.refresh_records()?;
        let writer = self.journals.writer.clone();
        let mut journals = self.journals.take();
        let mut events = Vec::with_capacity(bodies.len());
        let mut text = String::new();
        for mut body in bodies {
            // Folded as it is made, so the next event of the batch links to this one.
            set_prev(&mut body, &journals.records);
            let event = Event {
                id: EventId {
                    writer: writer.clone(),
                    seq: journals.next_seq,
                },
                clock: journals.records.next_clock(),
                at,
                author: author.clone(),
                body,
            };
            journals.next_seq += 1;
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&event.to_line());
            journals.records.push(event.clone());
            events.push(event);
        }
        if let Err(e) = append_line(&path, &text) {
            // Forget what was folded but not written.
            self.journals.put(read_journals(&dir, &writer));
            return Err(e);
        }
        drop(lock);
        // Our own lines must not read as news from elsewhere.
        journals.signature = signature(&dir);
        self.journals.put(journals);
        Ok(events)
    }
}

impl Workspace {
    /// Notes in this writer's journal that a version's text was made here, unless a journal
    /// already names that text.
    pub(super) fn note_version(
        &mut self,
        draft_id: &str,
        lang: &str,
        rel: &str,
        sha256: &ContentHash,
        origin: VersionOrigin,
    ) -> Result<()> {
        self.refresh_records()?;
        let record = self.version_record(draft_id, lang, rel, sha256, origin);
        self.append_records(record.into_iter().collect())?;
        Ok(())
    }

    /// The record of a version made here, or `None` when a journal names its text already (a
    /// record of a save still outranks one of an outside edit).
    pub(super) fn version_record(
        &self,
        draft_id: &str,
        lang: &str,
        rel: &str,
        sha256: &ContentHash,
        origin: VersionOrigin,
    ) -> Option<Body> {
        let needed = match self.records().version(draft_id, lang, sha256) {
            None => true,
            Some(r) => r.origin == VersionOrigin::External && origin != VersionOrigin::External,
        };
        needed.then(|| Body::Version {
            commentary: draft_id.to_string(),
            lang: lang.to_string(),
            path: rel.to_string(),
            sha256: *sha256,
            origin,
        })
    }

    /// Whom a text found on disk is signed by, and when: its maker, if a journal names the
    /// text (it arrived from another machine); otherwise this machine's user, now, recorded as
    /// made outside Galley.
    pub(super) fn external_signature(
        &mut self,
        draft_id: &str,
        lang: &str,
        rel: &str,
        sha256: &ContentHash,
    ) -> Result<(String, OffsetDateTime)> {
        if self.records().version(draft_id, lang, sha256).is_none() {
            self.note_version(draft_id, lang, rel, sha256, VersionOrigin::External)?;
        }
        let (author, at) = self.maker_of(draft_id, lang, sha256);
        Ok((author.to_owned(), at))
    }

    /// Who made text `sha256` of a language version, and when: its maker as the journals say
    /// (whichever order the text and its record arrived in), else this machine's user, now.
    pub(super) fn maker_of(
        &self,
        draft_id: &str,
        lang: &str,
        sha256: &ContentHash,
    ) -> (&str, OffsetDateTime) {
        match self.records().version(draft_id, lang, sha256) {
            Some(made) => (&made.author, made.at),
            None => self.signed_here(),
        }
    }

    /// This machine's user, now: the signature of a change no record explains.
    pub(super) fn signed_here(&self) -> (&str, OffsetDateTime) {
        (&self.env().author, self.env().clock.now())
    }

    /// A version as the team's records describe it: its maker, time and origin when a journal
    /// names its text (so every machine shows the same, whatever order files arrived in), and
    /// its text's label.
    pub fn attributed(&self, mut version: Version) -> Version {
        let Some(hash) = version.hash else {
            return version;
        };
        let records = self.records();
        if let Some(made) = records.version(&version.draft_id, &version.lang, &hash) {
            if version.origin == Origin::External {
                version.author.clone_from(&made.author);
                version.at = made.at;
                version.origin = match made.origin {
                    VersionOrigin::External => Origin::External,
                    VersionOrigin::Conflict => Origin::Conflict,
                    VersionOrigin::Import => Origin::Import,
                    // Another machine's restore names a version only it numbers.
                    VersionOrigin::Save | VersionOrigin::Restore => Origin::Save,
                };
            }
        }
        version.label = records
            .label(&version.draft_id, &version.lang, &hash)
            .and_then(|l| l.label.clone());
        version
    }
}

/// Opens the journals of the workspace at `root`: names this installation's writer the first
/// time (after `author`), moves a previous release's records into its journal once, and folds
/// every journal. Also makes sure per-machine files are kept out of git and Syncthing.
pub(super) fn open_journals(root: &Path, history: &History, author: &str) -> Result<Journals> {
    keep_machine_files_home(root)?;
    let writer = match history.local_value(WRITER_KEY)? {
        Some(writer) if crate::records::is_writer_name(&writer) => writer,
        _ => {
            let writer = new_writer_name(author);
            history.set_local_value(WRITER_KEY, &writer)?;
            writer
        }
    };
    let mut journals = Journals {
        dir: root.join(STATE_DIR).join(JOURNAL_DIR),
        writer,
        loaded: OnceCell::new(),
    };
    if history.local_value(MIGRATED_KEY)?.is_none() {
        migrate_legacy(history, &mut journals)?;
        history.set_local_value(MIGRATED_KEY, "1")?;
    }
    Ok(journals)
}

/// Writes the records a previous release kept in the database into this writer's journal, in
/// one atomic write, unless its journal exists already (a crash after the write, before the
/// database noted it).
fn migrate_legacy(history: &History, journals: &mut Journals) -> Result<()> {
    let legacy = history.legacy_records()?;
    let path = journals.dir.join(journal_name(&journals.writer));
    if legacy.is_empty() || path.exists() {
        return Ok(());
    }
    let mut loaded = journals.take();
    let mut text = String::new();
    for record in legacy {
        let mut body = record.body;
        set_prev(&mut body, &loaded.records);
        let event = Event {
            id: EventId {
                writer: journals.writer.clone(),
                seq: loaded.next_seq,
            },
            clock: loaded.records.next_clock(),
            at: record.at,
            author: record.author,
            body,
        };
        text.push_str(&event.to_line());
        text.push('\n');
        loaded.next_seq += 1;
        loaded.records.push(event);
    }
    let dir = &journals.dir;
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
    write_atomic(&path, text.as_bytes())?;
    loaded.signature = signature(dir);
    journals.put(loaded);
    Ok(())
}

/// Reads and folds every journal. A journal that cannot be read is a problem of the fold,
/// reported like a bad line, so one unreadable file never hides the others.
fn read_journals(dir: &Path, writer: &str) -> Loaded {
    let mut files = Vec::new();
    let mut own_lines = 0;
    let mut own_max = 0;
    let listed = journal_files(dir).unwrap_or_else(|e| {
        files.push(unreadable(dir, &e));
        Vec::new()
    });
    for (name, path) in listed {
        let file = match std::fs::read(&path) {
            Ok(bytes) => read_journal(&name, &bytes),
            Err(e) => unreadable(&path, &Error::io("read", &path, e)),
        };
        if writer_of(&name) == Some(writer) {
            own_lines = file.lines as u64;
            own_max = file.events.iter().map(|(_, e)| e.id.seq).max().unwrap_or(0);
        }
        files.push(file);
    }
    Loaded {
        records: Records::fold(files),
        signature: signature(dir),
        next_seq: own_lines.max(own_max) + 1,
    }
}

fn unreadable(path: &Path, error: &Error) -> JournalFile {
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    JournalFile {
        file: file.clone(),
        problems: vec![LineProblem {
            file,
            line: 0,
            message: format!("it could not be read ({error})"),
        }],
        ..JournalFile::default()
    }
}

/// The journal files in `dir` (regular files named `*.jsonl`; links are not followed, so a
/// journal cannot point outside the workspace), sorted by name.
fn journal_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("read the folder", dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read the folder", dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.ends_with(&format!(".{JOURNAL_EXTENSION}")) {
            files.push((name, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}

/// Name, size and modification time of every journal: any change means lines arrived.
fn signature(dir: &Path) -> Signature {
    let mut signature = Vec::new();
    for (name, path) in journal_files(dir).unwrap_or_default() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue; // gone since the listing: the next look sees it
        };
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        signature.push((name, meta.len(), mtime));
    }
    signature
}

/// An exclusive lock on a journal while events are numbered and appended, released on drop.
struct JournalLock(std::fs::File);

impl JournalLock {
    fn take(path: &Path) -> Result<JournalLock> {
        let file = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| Error::io("open", path, e))?;
        file.lock().map_err(|e| Error::io("lock", path, e))?;
        Ok(JournalLock(file))
    }
}

impl Drop for JournalLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

fn journal_name(writer: &str) -> String {
    format!("{writer}.{JOURNAL_EXTENSION}")
}

/// `hanna-3f9a1c2e`: the author's name in ASCII letters for people reading the folder, and a
/// random part so two installations of one person never share a journal.
fn new_writer_name(author: &str) -> String {
    let mut slug: String = author
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    slug = slug
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(24);
    let slug = slug.trim_end_matches('-');
    let random = &random_suffix()[..8];
    if slug.is_empty() {
        format!("writer-{random}")
    } else {
        format!("{slug}-{random}")
    }
}

/// Links a new event to the one it follows for the same thing, as this machine sees it.
fn set_prev(body: &mut Body, records: &Records) {
    match body {
        Body::Translation {
            commentary,
            lang,
            prev,
            ..
        } => *prev = records.status_event_id(commentary, lang),
        Body::Editorial {
            commentary, prev, ..
        } => *prev = records.editorial_event_id(commentary),
        Body::Minor {
            commentary,
            lang,
            sha256,
            prev,
            ..
        } => *prev = records.minor_event_id(commentary, lang, sha256),
        Body::Label {
            commentary,
            lang,
            sha256,
            prev,
            ..
        } => *prev = records.label_event_id(commentary, lang, sha256),
        Body::Version { .. } | Body::Note { .. } | Body::Handled { .. } => {}
    }
}

/// What keeps per-machine files out of every transport: lines each file must contain.
const MACHINE_FILES: &[(&str, &[&str])] = &[
    // History, its WAL and shared memory, and a salvage's damaged copies are this machine's.
    (".galley/.gitignore", &["history.db*"]),
    // Every line of a journal is an independent fact: a merge keeps both sides' lines.
    (".galley/.gitattributes", &["journal/*.jsonl merge=union"]),
    (
        ".stignore",
        &["/.galley/history.db*", "/exports", "*.galley-tmp-*"],
    ),
];

/// Makes sure the ignore and attribute files say what they must, adding only missing lines (a
/// team's own lines stay), and that an `exports/` folder ignores itself.
fn keep_machine_files_home(root: &Path) -> Result<()> {
    for (rel, lines) in MACHINE_FILES {
        ensure_lines(&root.join(rel), lines)?;
    }
    let exports = root.join("exports");
    if exports.is_dir() {
        ensure_lines(&exports.join(".gitignore"), &["*"])?;
    }
    Ok(())
}

fn ensure_lines(path: &Path, wanted: &[&str]) -> Result<()> {
    let current = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|w| !current.lines().any(|l| l.trim() == *w))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = current;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
    }
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_names_are_ascii_slugs_with_a_random_part() {
        let name = new_writer_name("Hanna Kavalenka");
        assert!(name.starts_with("hanna-kavalenka-"), "{name}");
        assert!(crate::records::is_writer_name(&name), "{name}");
        let cyrillic = new_writer_name("Алена");
        assert!(cyrillic.starts_with("writer-"), "{cyrillic}");
        assert_ne!(new_writer_name("Hanna"), new_writer_name("Hanna"));
    }
}
