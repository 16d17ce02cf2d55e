//! The record of files `galley import` brought in, so a second run skips them.

use super::content::{hash_from_blob, hash_to_blob};
use super::History;
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use rusqlite::{params, OptionalExtension};

/// One imported file: where it came from and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSource {
    /// The absolute path of the source file.
    pub source: String,
    pub hash: ContentHash,
    /// The source's folder and name without the language suffix: language versions of one
    /// commentary share it, and so share one draft id.
    pub group_key: String,
    pub draft_id: String,
    pub lang: String,
    /// Workspace-relative path of the draft it became.
    pub path: String,
    pub version_id: i64,
}

impl History {
    /// What was imported from `source`, if anything.
    pub fn import_source(&self, source: &str) -> Result<Option<ImportSource>> {
        self.import_where("source = ?1", source)
    }

    /// The draft id of every earlier import's group, read once per import run (the table has
    /// no index on groups: it would cost every history a page for a rare operation).
    pub fn import_groups(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT group_key, draft_id FROM import_sources")?;
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Records (or replaces) what was imported from `entry.source`.
    pub fn record_import(&self, entry: &ImportSource) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO import_sources \
                 (source, hash, group_key, draft_id, lang, path, version_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 ON CONFLICT (source) DO UPDATE SET hash = excluded.hash, \
                 group_key = excluded.group_key, draft_id = excluded.draft_id, \
                 lang = excluded.lang, path = excluded.path, version_id = excluded.version_id",
            )?
            .execute(params![
                entry.source,
                hash_to_blob(&entry.hash),
                entry.group_key,
                entry.draft_id,
                entry.lang,
                entry.path,
                entry.version_id
            ])?;
        Ok(())
    }

    fn import_where(&self, condition: &str, value: &str) -> Result<Option<ImportSource>> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT source, hash, group_key, draft_id, lang, path, version_id \
                 FROM import_sources WHERE {condition} LIMIT 1"
            ))?
            .query_row([value], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Vec<u8>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, i64>(6)?,
                ))
            })
            .optional()?;
        row.map(
            |(source, hash, group_key, draft_id, lang, path, version_id)| {
                let hash = hash_from_blob(&hash).ok_or_else(|| Error::Corrupt {
                    what: format!("the import record for {source} has a malformed hash"),
                })?;
                Ok(ImportSource {
                    source,
                    hash,
                    group_key,
                    draft_id,
                    lang,
                    path,
                    version_id,
                })
            },
        )
        .transpose()
    }
}
