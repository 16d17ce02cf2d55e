//! The startup check and what happens when it fails: the damaged database is moved aside, a
//! fresh one is made, and every version that can still be read and verified against its
//! SHA-256 is copied into it, keeping its id. The workflow logs (translation and editorial
//! events, notes, minor marks) are copied row by row where readable. Indexes (known files,
//! search) are not copied: the workspace rebuilds them from the files.

use super::types::{NewVersion, Origin};
use super::{content, insert_version, History};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// What a recovery from a damaged history did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Salvage {
    /// What SQLite's quick check (or opening) said was wrong.
    pub problem: String,
    /// Where the damaged database now is (kept for a closer look; Galley never reads it again).
    pub damaged_copy: PathBuf,
    /// Versions copied into the new history, each verified against its SHA-256.
    pub versions_saved: usize,
    /// Ids of versions that could not be read or did not verify.
    pub versions_lost: Vec<i64>,
    /// The damaged database could not even list its versions: any it held are lost, uncounted.
    pub versions_unknown: bool,
    /// Workflow records (translation and editorial events, notes, minor marks) copied / lost.
    pub records_saved: usize,
    pub records_lost: usize,
}

/// Rows of the workflow logs, copied in this order (later ones refer to earlier ones).
const LOGS: &[&str] = &[
    "translation_events",
    "minor_marks",
    "editorial_events",
    "editorial_notes",
];

/// The result of `PRAGMA quick_check` over every ordinary table (or of trying to run it): `None`
/// when the database is sound, else what is wrong. Errors other than damage (the file cannot be
/// opened) are returned. Virtual tables are left out: a whole quick_check also runs FTS5's own
/// integrity check, which re-tokenizes every indexed document (seconds on an archive, at every
/// open); the search index's pages are still checked through its ordinary shadow tables, and
/// the index itself can be rebuilt from the files.
pub(super) fn quick_check(conn: &Connection) -> Result<Option<String>> {
    let rows = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' \
             AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
        )
        .and_then(|mut stmt| {
            stmt.query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .and_then(|tables| {
            let mut problems = Vec::new();
            for table in tables {
                let pragma = format!("PRAGMA quick_check(\"{}\")", table.replace('"', "\"\""));
                let mut stmt = conn.prepare(&pragma)?;
                let found = stmt
                    .query_map([], |row| row.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                problems.extend(found.into_iter().filter(|row| row != "ok"));
            }
            Ok(if problems.is_empty() {
                vec!["ok".to_string()]
            } else {
                problems
            })
        });
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(None),
        Ok(rows) => Ok(Some(
            rows.into_iter().take(3).collect::<Vec<_>>().join("; "),
        )),
        Err(rusqlite::Error::SqliteFailure(failure, message))
            if matches!(
                failure.code,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase
            ) =>
        {
            Ok(Some(message.unwrap_or_else(|| failure.to_string())))
        }
        Err(other) => Err(other.into()),
    }
}

/// Moves the damaged database (and its journal files) aside, makes a fresh history at
/// `db_path` and copies into it what can be saved.
pub(super) fn recover(
    db_path: &Path,
    problem: String,
    now: OffsetDateTime,
) -> Result<(History, Salvage)> {
    let stamp = now
        .to_offset(time::UtcOffset::UTC)
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_else(|_| now.unix_timestamp().to_string());
    let damaged = free_name(db_path, &stamp);
    std::fs::rename(db_path, &damaged).map_err(|e| Error::io("move aside", db_path, e))?;
    for suffix in ["-wal", "-shm"] {
        let from = with_suffix(db_path, suffix);
        if from.exists() {
            let to = with_suffix(&damaged, suffix);
            std::fs::rename(&from, &to).map_err(|e| Error::io("move aside", &from, e))?;
        }
    }
    let fresh = History::open(db_path)?;
    let mut salvage = Salvage {
        problem,
        damaged_copy: damaged.clone(),
        versions_saved: 0,
        versions_lost: Vec::new(),
        versions_unknown: true,
        records_saved: 0,
        records_lost: 0,
    };
    // A database too damaged to open at all still gets a fresh history; nothing is salvaged.
    if let Ok(old) = Connection::open(&damaged) {
        copy_versions(&old, &fresh.conn, &mut salvage)?;
        drop(old);
        copy_logs(&fresh.conn, &damaged, &mut salvage)?;
    }
    Ok((fresh, salvage))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `history.db.damaged-<time>`, with a counter if that is taken.
fn free_name(db_path: &Path, stamp: &str) -> PathBuf {
    let mut candidate = with_suffix(db_path, &format!(".damaged-{stamp}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = with_suffix(db_path, &format!(".damaged-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// The version ids the damaged database still lists: a scan while it lasts, then single
/// lookups up to the largest id it reports (a damaged page only hides the rows on it).
/// `None` when not even that works.
fn readable_ids(old: &Connection) -> Option<Vec<i64>> {
    let mut ids = Vec::new();
    let scan_failed = match old.prepare("SELECT id FROM versions ORDER BY id") {
        Ok(mut stmt) => match stmt.query_map([], |row| row.get::<_, i64>(0)) {
            Ok(rows) => {
                let mut failed = false;
                for row in rows {
                    match row {
                        Ok(id) => ids.push(id),
                        Err(_) => {
                            failed = true;
                            break;
                        }
                    }
                }
                failed
            }
            Err(_) => true,
        },
        Err(_) => true,
    };
    if scan_failed {
        let max = match old.query_row("SELECT max(id) FROM versions", [], |row| {
            row.get::<_, Option<i64>>(0)
        }) {
            Ok(max) => max.unwrap_or(0),
            Err(_) if ids.is_empty() => return None,
            Err(_) => 0,
        };
        let from = ids.last().copied().unwrap_or(0) + 1;
        // Bounded, in case the damage is in the largest id itself.
        let to = max.min(from + 1_000_000);
        ids.extend(from..=to);
    }
    Some(ids)
}

struct OldVersion {
    draft_id: String,
    lang: String,
    path: String,
    text_id: Option<i64>,
    author: String,
    at_ns: i64,
    label: Option<String>,
    origin: String,
    restored_from: Option<i64>,
}

fn read_old(old: &Connection, id: i64) -> rusqlite::Result<Option<OldVersion>> {
    old.query_row(
        "SELECT draft_id, lang, path, text_id, author, at_ns, label, origin, restored_from \
         FROM versions WHERE id = ?1",
        [id],
        |row| {
            Ok(OldVersion {
                draft_id: row.get(0)?,
                lang: row.get(1)?,
                path: row.get(2)?,
                text_id: row.get(3)?,
                author: row.get(4)?,
                at_ns: row.get(5)?,
                label: row.get(6)?,
                origin: row.get(7)?,
                restored_from: row.get(8)?,
            })
        },
    )
    .optional()
}

fn copy_versions(old: &Connection, fresh: &Connection, salvage: &mut Salvage) -> Result<()> {
    let Some(ids) = readable_ids(old) else {
        return Ok(());
    };
    salvage.versions_unknown = false;
    let tx = fresh.unchecked_transaction()?;
    for id in ids {
        let row = match read_old(old, id) {
            Ok(Some(row)) => row,
            Ok(None) => continue,
            Err(_) => {
                salvage.versions_lost.push(id);
                continue;
            }
        };
        let text = match row.text_id {
            Some(text_id) => match content::load(old, text_id, &format!("version {id}")) {
                Ok((_, text)) => Some(text),
                Err(_) => {
                    salvage.versions_lost.push(id);
                    continue;
                }
            },
            None => None,
        };
        let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(row.at_ns));
        let origin = match Origin::from_columns(&row.origin, row.restored_from) {
            // A restore whose source was lost is kept as a plain save of the same text.
            Some(Origin::Restore { from }) if salvage.versions_lost.contains(&from) => {
                Some(Origin::Save)
            }
            other => other,
        };
        let (Ok(at), Some(origin)) = (at, origin) else {
            salvage.versions_lost.push(id);
            continue;
        };
        let new = NewVersion {
            draft_id: &row.draft_id,
            lang: &row.lang,
            path: &row.path,
            text: text.as_deref(),
            author: &row.author,
            at,
            label: row.label.as_deref(),
            origin,
        };
        match insert_version(&tx, &new, Some(id)) {
            Ok(_) => salvage.versions_saved += 1,
            Err(_) => salvage.versions_lost.push(id),
        }
    }
    tx.commit()?;
    Ok(())
}

/// Copies the workflow logs row by row through an attached copy of the damaged database; a
/// row that cannot be read, or refers to a lost version, is counted as lost.
fn copy_logs(fresh: &Connection, damaged: &Path, salvage: &mut Salvage) -> Result<()> {
    let Some(name) = damaged.to_str() else {
        return Ok(());
    };
    if fresh
        .execute("ATTACH DATABASE ?1 AS damaged", params![name])
        .is_err()
    {
        return Ok(());
    }
    let tx = fresh.unchecked_transaction()?;
    for table in LOGS {
        let ids: Vec<i64> = match tx.prepare(&format!("SELECT id FROM damaged.{table} ORDER BY id"))
        {
            Ok(mut stmt) => match stmt.query_map([], |row| row.get(0)) {
                Ok(rows) => rows.map_while(|r| r.ok()).collect(),
                Err(_) => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        let copy = format!("INSERT INTO main.{table} SELECT * FROM damaged.{table} WHERE id = ?1");
        for id in ids {
            match tx.execute(&copy, [id]) {
                Ok(1) => salvage.records_saved += 1,
                _ => salvage.records_lost += 1,
            }
        }
    }
    // The current status per language version is the newest event: derived, not copied.
    tx.execute(
        "INSERT INTO translation_state (draft_id, lang, event_id) \
         SELECT draft_id, lang, max(id) FROM translation_events GROUP BY draft_id, lang",
        [],
    )?;
    tx.commit()?;
    let _ = fresh.execute("DETACH DATABASE damaged", []);
    Ok(())
}
