//! The known-files table: what the folder reconciler last saw of each file.

use super::content::{hash_from_blob, hash_to_blob};
use super::types::{KnownFile, KnownFileChange};
use crate::error::{Error, Result};
use rusqlite::{params, Connection};

pub(super) fn all(conn: &Connection) -> Result<Vec<KnownFile>> {
    matching(conn, &mut |_, _, _| true)
}

/// The known files `wanted` accepts by (path, draft id, language), in path order, in one pass
/// that decodes only those rows: the reconciler's look at a few files costs their rows.
pub(super) fn matching(
    conn: &Connection,
    wanted: &mut dyn FnMut(&str, &str, &str) -> bool,
) -> Result<Vec<KnownFile>> {
    let mut stmt = conn.prepare_cached(
        "SELECT path, draft_id, lang, hash, size, mtime_ns FROM known_files ORDER BY path",
    )?;
    let mut rows = stmt.query([])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
        };
        if !wanted(text(0)?, text(1)?, text(2)?) {
            continue;
        }
        found.push((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, Vec<u8>>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, i64>(5)?,
        ));
    }
    found
        .into_iter()
        .map(|(path, draft_id, lang, hash, size, mtime_ns)| {
            let corrupt = |why: &str| Error::Corrupt {
                what: format!("the known-file entry for {path} {why}"),
            };
            let hash = hash_from_blob(&hash).ok_or_else(|| corrupt("has a malformed hash"))?;
            let size = u64::try_from(size).map_err(|_| corrupt("has a negative size"))?;
            Ok(KnownFile {
                path,
                draft_id,
                lang,
                hash,
                size,
                mtime_ns,
            })
        })
        .collect()
}

/// Whether any file is known.
pub(super) fn any(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM known_files)")?
        .query_row([], |row| row.get(0))?)
}

pub(super) fn apply(conn: &Connection, change: KnownFileChange<'_>) -> Result<()> {
    // Whatever history learns about a file outdates the front matter cached for it, even when
    // an edit kept the file's size and modification time (see `front_matter_cache`).
    let path = match change {
        KnownFileChange::Upsert(file) => file.path.as_str(),
        KnownFileChange::Remove(path) => path,
    };
    conn.prepare_cached("DELETE FROM front_matter_cache WHERE path = ?1")?
        .execute([path])?;
    match change {
        KnownFileChange::Upsert(file) => {
            let size = i64::try_from(file.size).map_err(|_| {
                Error::invalid(
                    format!("the known-file entry for {}", file.path),
                    "its size is too large",
                )
            })?;
            conn.prepare_cached(
                "INSERT INTO known_files (path, draft_id, lang, hash, size, mtime_ns) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                 ON CONFLICT (path) DO UPDATE SET draft_id = excluded.draft_id, lang = excluded.lang, \
                 hash = excluded.hash, size = excluded.size, mtime_ns = excluded.mtime_ns",
            )?
            .execute(params![file.path, file.draft_id, file.lang, hash_to_blob(&file.hash), size, file.mtime_ns])?;
        }
        KnownFileChange::Remove(path) => {
            conn.prepare_cached("DELETE FROM known_files WHERE path = ?1")?
                .execute([path])?;
        }
    }
    Ok(())
}
