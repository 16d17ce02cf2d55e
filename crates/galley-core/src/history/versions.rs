//! Version rows: reading them back into `Version`s and the queries over them.

use super::content::hash_from_blob;
use super::types::{Origin, Version};
use crate::error::{Error, ErrorCode, Result};
use rusqlite::{params, Connection, OptionalExtension, Params, Row};
use time::OffsetDateTime;

/// The columns every version query selects, in the order `RawVersion::from_row` reads them.
pub(super) const SELECT: &str =
    "SELECT v.id, v.draft_id, v.lang, v.path, t.hash, v.author, v.at_ns, \
     v.label, v.parent, v.origin, v.restored_from \
     FROM versions v LEFT JOIN texts t ON t.id = v.text_id";

/// A version row as stored, before its encoded columns are checked.
struct RawVersion {
    id: i64,
    draft_id: String,
    lang: String,
    path: String,
    hash: Option<Vec<u8>>,
    author: String,
    at_ns: i64,
    label: Option<String>,
    parent: Option<i64>,
    origin: String,
    restored_from: Option<i64>,
}

impl RawVersion {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<RawVersion> {
        Ok(RawVersion {
            id: row.get(0)?,
            draft_id: row.get(1)?,
            lang: row.get(2)?,
            path: row.get(3)?,
            hash: row.get(4)?,
            author: row.get(5)?,
            at_ns: row.get(6)?,
            label: row.get(7)?,
            parent: row.get(8)?,
            origin: row.get(9)?,
            restored_from: row.get(10)?,
        })
    }

    fn decode(self) -> Result<Version> {
        let corrupt = |why: &str| Error::Corrupt {
            what: format!("version {} {why}", self.id),
        };
        let hash = match &self.hash {
            Some(bytes) => {
                Some(hash_from_blob(bytes).ok_or_else(|| corrupt("has a malformed content hash"))?)
            }
            None => None,
        };
        let origin = Origin::from_columns(&self.origin, self.restored_from)
            .ok_or_else(|| corrupt(&format!("has an unknown origin `{}`", self.origin)))?;
        let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.at_ns))
            .map_err(|_| corrupt("has an impossible timestamp"))?;
        Ok(Version {
            id: self.id,
            draft_id: self.draft_id,
            lang: self.lang,
            path: self.path,
            hash,
            author: self.author,
            at,
            label: self.label,
            parent: self.parent,
            origin,
        })
    }
}

/// Runs a version query (`SELECT` plus a `WHERE`/`ORDER BY` tail) and decodes every row.
pub(super) fn query(conn: &Connection, tail: &str, params: impl Params) -> Result<Vec<Version>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {tail}"))?;
    let raw = stmt
        .query_map(params, RawVersion::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(RawVersion::decode).collect()
}

/// The version with this id, or `NotFound` naming it.
pub(super) fn by_id(conn: &Connection, id: i64) -> Result<Version> {
    let raw = conn
        .prepare_cached(&format!("{SELECT} WHERE v.id = ?1"))?
        .query_row([id], RawVersion::from_row)
        .optional()?;
    match raw {
        Some(raw) => raw.decode(),
        None => Err(Error::NotFound {
            what: format!("version {id}"),
            hint: " in this workspace's history. `galley log PATH` lists a draft's versions."
                .into(),
            detail: None,
        }
        .coded(ErrorCode::VersionNotFound, [("version", id.to_string())])),
    }
}

/// The newest version of (draft, language), deletions included.
pub(super) fn head_id(conn: &Connection, draft_id: &str, lang: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT max(id) FROM versions WHERE draft_id = ?1 AND lang = ?2")?
        .query_row([draft_id, lang], |row| row.get(0))?)
}

/// How many versions of (draft, language) have a text: the ordinal the next text will get.
pub(super) fn text_count(conn: &Connection, draft_id: &str, lang: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM versions WHERE draft_id = ?1 AND lang = ?2 AND text_id IS NOT NULL",
        )?
        .query_row([draft_id, lang], |row| row.get(0))?)
}

/// The stored text of the `ordinal`-th (0-based) version of (draft, language) that has one.
pub(super) fn text_id_at(
    conn: &Connection,
    draft_id: &str,
    lang: &str,
    ordinal: i64,
) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT text_id FROM versions WHERE draft_id = ?1 AND lang = ?2 AND text_id IS NOT NULL \
             ORDER BY id LIMIT 1 OFFSET ?3",
        )?
        .query_row(params![draft_id, lang, ordinal], |row| row.get(0))
        .optional()?)
}

/// The versions whose text's SHA-256 starts with `prefix` (lowercase hex), newest first.
pub(super) fn with_hash_prefix(conn: &Connection, prefix: &str) -> Result<Vec<Version>> {
    // The stored hash is 32 bytes; hex() spells it in uppercase.
    query(
        conn,
        "WHERE hex(t.hash) LIKE ?1 ORDER BY v.id DESC",
        [format!("{}%", prefix.to_ascii_uppercase())],
    )
}
