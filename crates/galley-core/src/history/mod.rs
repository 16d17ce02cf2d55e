//! History: the SQLite store of every version of every language version of every draft.
//!
//! - Versions are only ever added; there is deliberately no API to delete, prune or rewrite
//!   history. Who made a version, its label and every workflow status are the team's records
//!   (`crate::records`, journal files in the workspace), not rows here.
//! - Texts are content-addressed (SHA-256) and stored once; see `content` for the compact delta
//!   chains and the verification on every read.
//! - The known-files table records what the folder reconciler last saw; it can be updated in the
//!   same transaction as the version it goes with (`record_with_files`).
//! - The schema is migrated by numbered, embedded SQL files tracked with `PRAGMA user_version`
//!   (`migrate`); a database from a newer Galley is refused rather than guessed at.
//! - `translations` reads a source's versions with their texts' hashes (a translation's base is
//!   a hash); `legacy` reads, once, the records a previous release kept in this database;
//!   `local_state` keeps what this installation must not share (which journal is its own).
//! - The search index (`search_index`) and the import record (`imports`) live in the same
//!   database but are not history: they follow the files and can be rebuilt from them.

mod content;
mod fold_tokenizer;
mod front_matter;
mod imports;
mod known_files;
mod legacy;
mod migrate;
mod salvage;
mod search_index;
mod translations;
mod types;
mod versions;

pub use fold_tokenizer::register as register_search_tokenizer;
pub use front_matter::FrontMatterEntry;
pub use imports::ImportSource;
pub use legacy::LegacyRecord;
pub use salvage::Salvage;
pub use search_index::{IndexBehind, IndexDoc, IndexHit, IndexRebuild, Markers};
pub use translations::{SourceStamp, TextKey};
pub use types::{KnownFile, KnownFileChange, NewVersion, Origin, StorageStats, Version};

use crate::error::{Error, Result};
use crate::hash::ContentHash;
use rusqlite::{
    params, Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior,
};
use std::path::Path;
use std::time::Duration;
use time::OffsetDateTime;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open history database. `Send`, not `Sync`: share it behind a mutex.
#[derive(Debug)]
pub struct History {
    conn: Connection,
}

impl History {
    /// Opens the history at `db_path`, creating it if missing (its folder must exist) and
    /// migrating it to the current schema.
    pub fn open(db_path: &Path) -> Result<History> {
        let describe = format!("the history database {}", db_path.display());
        let opened = Connection::open(db_path)
            .map_err(Error::from)
            .and_then(|conn| History::init(conn, &describe));
        opened.map_err(|err| explain_open_error(err, db_path, &describe))
    }

    /// Like `open`, after SQLite's quick check of the database's structure (reads every page
    /// once, without checking indexes against their tables). A damaged database is moved aside
    /// as `history.db.damaged-<now>`, and whatever can be read and verified is salvaged into a
    /// fresh one; the `Salvage` says what was saved and lost.
    pub fn open_checked(
        db_path: &Path,
        now: time::OffsetDateTime,
    ) -> Result<(History, Option<Salvage>)> {
        let problem = if db_path.exists() {
            let conn = Connection::open(db_path).map_err(|e| {
                explain_open_error(e.into(), db_path, &db_path.display().to_string())
            })?;
            salvage::quick_check(&conn)?
        } else {
            None
        };
        match problem {
            None => Ok((History::open(db_path)?, None)),
            Some(problem) => {
                let (history, report) = salvage::recover(db_path, problem, now)?;
                Ok((history, Some(report)))
            }
        }
    }

    /// A throwaway history held in memory, for tests.
    pub fn open_in_memory() -> Result<History> {
        History::init(
            Connection::open_in_memory()?,
            "the in-memory history database",
        )
    }

    fn init(mut conn: Connection, describe: &str) -> Result<History> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version = migrate::schema_version(&conn, describe)?;
        // Before anything touches the search index (the migrations included).
        fold_tokenizer::register(&conn)?;
        // WAL lets readers run beside the writer; FULL makes each committed version durable
        // across power loss, not just process crashes. (In memory this reports "memory".)
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // The translation grid reads every version row of the workspace's sources; SQLite's
        // default 2 MB page cache holds a few hundred commentaries' worth and re-reads the rest
        // on every call. The cache only grows as pages are used.
        conn.pragma_update(None, "cache_size", -32_768)?;
        // Searches read large stretches of the index; mapping the file saves a copy per page
        // read. Address space only: the OS pages it in as it is used.
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        if version < migrate::LATEST {
            migrate::migrate(&mut conn, describe)?;
        }
        Ok(History { conn })
    }

    /// Records a new version (storing its text once) with `parent` = the current head of its
    /// draft and language, in one transaction.
    pub fn record(&self, new: NewVersion<'_>) -> Result<Version> {
        self.record_with_files(new, &[])
    }

    /// Like `record`, and applies `files` (in order) to the known-files table in the same
    /// transaction, so a crash cannot leave the version and the reconciler's view of the folder
    /// out of step. A rename is an upsert of the new path and a removal of the old one.
    pub fn record_with_files(
        &self,
        new: NewVersion<'_>,
        files: &[KnownFileChange<'_>],
    ) -> Result<Version> {
        check_new_version(&new)?;
        let tx = self.write()?;
        let version = insert_version(&tx, &new, None)?;
        apply_file_changes(&tx, files)?;
        tx.commit()?;
        Ok(version)
    }

    /// Records `new` around a file write: the version is inserted, then `write` writes the file
    /// and returns its known-file entry, then both commit together. If `write` fails nothing is
    /// recorded; if the commit fails after `write` succeeded, the caller must put the file back
    /// (the history is unchanged either way).
    pub fn record_writing(
        &self,
        new: NewVersion<'_>,
        write: impl FnOnce() -> Result<KnownFile>,
    ) -> Result<Version> {
        check_new_version(&new)?;
        let tx = self.write()?;
        let version = insert_version(&tx, &new, None)?;
        let file = write()?;
        apply_file_changes(&tx, &[KnownFileChange::Upsert(&file)])?;
        if crate::faults::check(crate::faults::Op::Commit, Path::new(&file.path)).is_err() {
            return Err(Error::Database {
                source: rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
                    Some("database or disk is full (injected)".into()),
                ),
            });
        }
        tx.commit()?;
        Ok(version)
    }

    /// Records several versions, each with its known-file changes, in one transaction: all of
    /// them or none. Reconciling a storm of external changes (a `git checkout` of thousands of
    /// files) pays for one durable commit instead of one per file.
    pub fn record_many<'a>(
        &self,
        batch: impl IntoIterator<Item = (NewVersion<'a>, Vec<KnownFileChange<'a>>)>,
    ) -> Result<Vec<Version>> {
        let tx = self.write()?;
        let mut versions = Vec::new();
        for (new, files) in batch {
            check_new_version(&new)?;
            versions.push(insert_version(&tx, &new, None)?);
            apply_file_changes(&tx, &files)?;
        }
        tx.commit()?;
        Ok(versions)
    }

    /// The newest version of a language version of a draft (possibly a deletion).
    pub fn head(&self, draft_id: &str, lang: &str) -> Result<Option<Version>> {
        match versions::head_id(&self.conn, draft_id, lang)? {
            Some(id) => versions::by_id(&self.conn, id).map(Some),
            None => Ok(None),
        }
    }

    /// The version with this id; `NotFound` names it if there is none.
    pub fn version(&self, id: i64) -> Result<Version> {
        versions::by_id(&self.conn, id)
    }

    /// Every version of one language version of a draft, newest first.
    pub fn log(&self, draft_id: &str, lang: &str) -> Result<Vec<Version>> {
        versions::query(
            &self.conn,
            "WHERE v.draft_id = ?1 AND v.lang = ?2 ORDER BY v.id DESC",
            [draft_id, lang],
        )
    }

    /// Every version recorded after version `id`, oldest first.
    pub fn versions_after(&self, id: i64) -> Result<Vec<Version>> {
        versions::query(&self.conn, "WHERE v.id > ?1 ORDER BY v.id", [id])
    }

    /// The deletions found outside Galley and signed by `author`, recorded after version
    /// `after`, that are still the newest version of their language version: removals this
    /// machine signed as their finder, which a trash entry arriving later can explain.
    pub fn deletions_found_by(&self, author: &str, after: i64) -> Result<Vec<Version>> {
        versions::query(
            &self.conn,
            "WHERE v.id > ?2 AND v.text_id IS NULL AND v.origin = 'external' AND v.author = ?1 \
             AND v.id = (SELECT max(id) FROM versions WHERE draft_id = v.draft_id AND lang = v.lang) \
             ORDER BY v.id",
            params![author, after],
        )
    }

    /// Signs each deletion (`id`, who made it, when) by who made it instead of the machine that
    /// found the file gone, in one transaction. Nothing else of a version changes, and only a
    /// deletion found outside Galley is ever re-signed: every other version keeps the
    /// signature it was made with.
    pub fn sign_deletions(&self, signatures: &[(i64, &str, OffsetDateTime)]) -> Result<()> {
        let tx = self.write()?;
        for &(id, author, at) in signatures {
            let at_ns = i64::try_from(at.unix_timestamp_nanos()).map_err(|_| {
                Error::invalid(
                    format!("the time of deletion {id}"),
                    "it is outside the years 1678–2261",
                )
            })?;
            let changed = tx.execute(
                "UPDATE versions SET author = ?2, at_ns = ?3 \
                 WHERE id = ?1 AND text_id IS NULL AND origin = 'external'",
                params![id, author, at_ns],
            )?;
            if changed == 0 {
                return Err(Error::invalid(
                    format!("version {id}"),
                    "only a deletion found outside Galley can be signed by who deleted",
                ));
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The newest version's number, 0 when there is none.
    pub fn last_version_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM versions", [], |row| {
                row.get(0)
            })?)
    }

    /// The newest version recorded at `path` (any draft), e.g. to find a deleted file's history.
    pub fn last_version_at_path(&self, path: &str) -> Result<Option<Version>> {
        Ok(versions::query(
            &self.conn,
            "WHERE v.path = ?1 ORDER BY v.id DESC LIMIT 1",
            [path],
        )?
        .pop())
    }

    /// Every version of a draft in all its languages, newest first.
    pub fn versions_of_draft(&self, draft_id: &str) -> Result<Vec<Version>> {
        versions::query(
            &self.conn,
            "WHERE v.draft_id = ?1 ORDER BY v.id DESC",
            [draft_id],
        )
    }

    /// The text of a version, checked against its hash; `None` for a deletion.
    pub fn text(&self, id: i64) -> Result<Option<String>> {
        let text_id: Option<Option<i64>> = self
            .conn
            .prepare_cached("SELECT text_id FROM versions WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?;
        match text_id {
            None => Err(Error::not_found(format!("version {id}"))),
            Some(None) => Ok(None),
            Some(Some(text_id)) => {
                content::load(&self.conn, text_id, &format!("the text of version {id}"))
                    .map(|(_, text)| Some(text))
            }
        }
    }

    /// Reads back every stored text (each checked against its SHA-256) and SQLite's own
    /// structure, and returns what is damaged; empty when all is well. `progress` gets
    /// (versions read, versions in all).
    pub fn verify(&self, progress: &mut dyn FnMut(usize, usize)) -> Result<Vec<Error>> {
        let mut damage = Vec::new();
        let mut check = self.conn.prepare("PRAGMA integrity_check")?;
        for row in check.query_map([], |row| row.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                damage.push(Error::Corrupt {
                    what: format!("the database structure ({row})"),
                });
            }
        }
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM versions WHERE text_id IS NOT NULL ORDER BY id")?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for (done, id) in ids.iter().enumerate() {
            match self.text(*id) {
                Ok(_) => {}
                Err(e @ Error::Corrupt { .. }) => damage.push(e),
                Err(other) => return Err(other),
            }
            progress(done + 1, ids.len());
        }
        Ok(damage)
    }

    /// The stored text with this hash, checked against it.
    pub fn text_by_hash(&self, hash: &ContentHash) -> Result<String> {
        let describe = format!("the text with sha256 {}", hash.short());
        match content::find(&self.conn, hash)? {
            Some(text_id) => content::load(&self.conn, text_id, &describe).map(|(_, text)| text),
            None => Err(Error::not_found(describe)),
        }
    }

    /// The versions whose text's SHA-256 starts with `prefix` (hex digits), newest first.
    pub fn versions_with_hash_prefix(&self, prefix: &str) -> Result<Vec<Version>> {
        versions::with_hash_prefix(&self.conn, prefix)
    }

    /// Counts and sizes of what the history holds.
    pub fn stats(&self) -> Result<StorageStats> {
        let (versions, texts, stored, raw): (i64, i64, i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM versions), count(*), coalesce(sum(length(data)), 0), \
             coalesce(sum(raw_size), 0) FROM texts",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(StorageStats {
            versions: count(versions),
            texts: count(texts),
            stored_bytes: count(stored),
            raw_bytes: count(raw),
        })
    }

    /// Every known file, by path.
    pub fn known_files(&self) -> Result<Vec<KnownFile>> {
        known_files::all(&self.conn)
    }

    /// The known files `wanted` accepts by (path, draft id, language), in path order.
    pub fn known_files_matching(
        &self,
        wanted: &mut dyn FnMut(&str, &str, &str) -> bool,
    ) -> Result<Vec<KnownFile>> {
        known_files::matching(&self.conn, wanted)
    }

    /// Whether the reconciler knows any file of the workspace.
    pub fn knows_any_file(&self) -> Result<bool> {
        known_files::any(&self.conn)
    }

    /// Inserts or replaces the known-file entry for `file.path`.
    pub fn upsert_known_file(&self, file: &KnownFile) -> Result<()> {
        known_files::apply(&self.conn, KnownFileChange::Upsert(file))
    }

    /// Upserts many known-file entries in one transaction (files whose content is unchanged
    /// but whose size or time moved, as after a `git checkout`).
    pub fn upsert_known_files(&self, files: &[KnownFile]) -> Result<()> {
        let tx = self.write()?;
        for file in files {
            known_files::apply(&tx, KnownFileChange::Upsert(file))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets the known-file entry for `path` (nothing happens if there is none).
    pub fn remove_known_file(&self, path: &str) -> Result<()> {
        known_files::apply(&self.conn, KnownFileChange::Remove(path))
    }

    /// Copies the write-ahead log into the database file and empties it, so the file's size is
    /// the history's real size.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock up front, so a concurrent
    /// writer waits on the busy timeout instead of failing halfway through.
    fn write(&self) -> Result<Transaction<'_>> {
        Ok(Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        )?)
    }
}

/// Inserts one version row (and its text, stored once), with `parent` = the current head of its
/// draft and language. `id` forces the row id (salvage keeps the ids a damaged history had).
fn insert_version(conn: &Connection, new: &NewVersion<'_>, id: Option<i64>) -> Result<Version> {
    let at_ns = i64::try_from(new.at.unix_timestamp_nanos()).map_err(|_| {
        Error::invalid(
            format!("the time of a new version of {}", new.path),
            "it is outside the years 1678–2261",
        )
    })?;
    let hash = new.text.map(|text| ContentHash::of(text.as_bytes()));
    if let Some(from) = new.origin.restored_from() {
        versions::by_id(conn, from).map_err(|err| match err {
            Error::NotFound { what, detail, .. } => Error::NotFound {
                what,
                hint: ", so it cannot be restored".into(),
                detail,
            },
            other => other,
        })?;
    }
    let parent = versions::head_id(conn, new.draft_id, new.lang)?;
    let text_id = match (new.text, &hash) {
        (Some(text), Some(hash)) => {
            let ordinal = versions::text_count(conn, new.draft_id, new.lang)?;
            let base = match content::delta_base(ordinal) {
                Some(base) => versions::text_id_at(conn, new.draft_id, new.lang, base)?,
                None => None,
            };
            Some(content::store(conn, text, hash, base)?)
        }
        _ => None,
    };
    conn.prepare_cached(
        "INSERT INTO versions \
         (id, draft_id, lang, path, text_id, author, at_ns, label, parent, origin, restored_from) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        new.draft_id,
        new.lang,
        new.path,
        text_id,
        new.author,
        at_ns,
        new.label,
        parent,
        new.origin.tag(),
        new.origin.restored_from(),
    ])?;
    Ok(Version {
        id: conn.last_insert_rowid(),
        draft_id: new.draft_id.to_owned(),
        lang: new.lang.to_owned(),
        path: new.path.to_owned(),
        hash,
        author: new.author.to_owned(),
        at: new.at,
        label: new.label.map(str::to_owned),
        parent,
        origin: new.origin,
    })
}

fn apply_file_changes(conn: &Connection, files: &[KnownFileChange<'_>]) -> Result<()> {
    for change in files {
        known_files::apply(conn, *change)?;
        // A file history no longer knows leaves the search index with it; changed files
        // are re-indexed lazily, before the next search (see `History::index_behind`).
        if let KnownFileChange::Remove(path) = change {
            search_index::remove(conn, path)?;
        }
    }
    Ok(())
}

/// Refuses a new version whose names would not round-trip through the workspace.
fn check_new_version(new: &NewVersion<'_>) -> Result<()> {
    let path = new.path;
    if path.is_empty() || path.starts_with('/') || path.contains('\\') || path.contains(':') {
        return Err(Error::invalid(
            format!("the path `{path}` of a new version"),
            "it must be relative to the workspace, with '/' separators",
        ));
    }
    for (field, value) in [
        ("draft id", new.draft_id),
        ("language", new.lang),
        ("author", new.author),
    ] {
        if value.trim().is_empty() {
            return Err(Error::invalid(
                format!("the {field} of a new version of {path}"),
                "it is empty",
            ));
        }
    }
    Ok(())
}

/// Turns SQLite's terse open failures into errors that name the file and say what to do.
fn explain_open_error(err: Error, db_path: &Path, describe: &str) -> Error {
    let Error::Database {
        source: rusqlite::Error::SqliteFailure(failure, message),
    } = &err
    else {
        return err;
    };
    let detail = message.clone().unwrap_or_else(|| failure.to_string());
    match failure.code {
        ErrorCode::NotADatabase => Error::invalid(
            describe,
            format!(
                "the file is not a Galley history database (SQLite: {detail}). Move it aside or restore \
                 it from a backup"
            ),
        ),
        ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::ReadOnly => {
            Error::io("open", db_path, std::io::Error::other(detail))
        }
        _ => err,
    }
}
