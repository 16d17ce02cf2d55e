//! What translations need from the history: the versions of a source with their texts' keys and
//! hashes (statuses and minor marks themselves are records, in `crate::records`). The
//! front-matter cache is `front_matter.rs`.

use super::History;
use crate::error::Result;
use crate::hash::ContentHash;
use rusqlite::{params, OptionalExtension, Row};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// Names a stored text without reading it: two versions have equal keys exactly when their
/// texts are identical (texts are stored once per hash). Cheaper than comparing hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextKey(i64);

/// A version of a source language version, as far as outdated checks need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceStamp {
    pub id: i64,
    /// `None` when the version records a deletion.
    pub text: Option<TextKey>,
    pub hash: Option<ContentHash>,
}

fn stamp_from_row(row: &Row<'_>) -> rusqlite::Result<SourceStamp> {
    Ok(SourceStamp {
        id: row.get(0)?,
        text: row.get::<_, Option<i64>>(1)?.map(TextKey),
        hash: row
            .get::<_, Option<Vec<u8>>>(2)?
            .as_deref()
            .and_then(super::content::hash_from_blob),
    })
}

pub(super) fn time_from_ns(ns: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ns)).ok()
}

impl History {
    /// The versions of (draft, language), oldest first, with keys and hashes of their texts:
    /// enough to find a base by its hash and tell what changed since without reading a text.
    pub fn source_stamps(&self, draft_id: &str, lang: &str) -> Result<Vec<SourceStamp>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.text_id, t.hash FROM versions v LEFT JOIN texts t ON t.id = v.text_id \
             WHERE v.draft_id = ?1 AND v.lang = ?2 ORDER BY v.id",
        )?;
        let rows = stmt
            .query_map(params![draft_id, lang], stamp_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// `source_stamps` of the sources in `wanted` (language by draft), in one pass over the
    /// versions, for a whole grid: rows of other drafts and languages are skipped unread.
    pub fn sources_stamps(
        &self,
        wanted: &HashMap<String, HashSet<String>>,
    ) -> Result<HashMap<(String, String), Vec<SourceStamp>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.text_id, t.hash, v.draft_id, v.lang FROM versions v \
             LEFT JOIN texts t ON t.id = v.text_id ORDER BY v.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut stamps: HashMap<(String, String), Vec<SourceStamp>> = HashMap::new();
        while let Some(row) = rows.next()? {
            let draft = row.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?;
            let lang = row.get_ref(4)?.as_str().map_err(rusqlite::Error::from)?;
            if !wanted.get(draft).is_some_and(|langs| langs.contains(lang)) {
                continue;
            }
            let key = (draft.to_string(), lang.to_string());
            stamps.entry(key).or_default().push(stamp_from_row(row)?);
        }
        Ok(stamps)
    }

    /// The local versions whose (draft, language, text) is one of `texts`.
    pub fn versions_with_texts(
        &self,
        texts: &[(&str, &str, &crate::hash::ContentHash)],
    ) -> Result<HashSet<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id FROM versions v JOIN texts t ON t.id = v.text_id \
             WHERE v.draft_id = ?1 AND v.lang = ?2 AND t.hash = ?3",
        )?;
        let mut ids = HashSet::new();
        for (draft_id, lang, hash) in texts {
            let rows = stmt.query_map(
                params![draft_id, lang, super::content::hash_to_blob(hash)],
                |row| row.get(0),
            )?;
            for id in rows {
                ids.insert(id?);
            }
        }
        Ok(ids)
    }

    /// The text stored under `key`, checked against its hash.
    pub fn text_by_key(&self, key: TextKey) -> Result<String> {
        super::content::load(&self.conn, key.0, &format!("stored text #{}", key.0))
            .map(|(_, text)| text)
    }
}

impl History {
    /// The hash of the text stored under `key` (as recorded; the text is not read).
    pub fn text_hash(&self, key: TextKey) -> Result<Option<crate::hash::ContentHash>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT hash FROM texts WHERE id = ?1")?
            .query_row([key.0], |row| row.get(0))
            .optional()?;
        Ok(blob.as_deref().and_then(super::content::hash_from_blob))
    }

    /// The key of the stored text with this hash, if it is stored.
    pub fn text_key(&self, hash: &crate::hash::ContentHash) -> Result<Option<TextKey>> {
        Ok(super::content::find(&self.conn, hash)?.map(TextKey))
    }
}
