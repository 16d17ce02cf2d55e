//! What translations need from the history: the versions of a source with their texts' keys and
//! hashes (statuses and minor marks themselves are records, in `crate::records`), and the
//! front-matter cache the translation grid and the listing read.

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

/// What the translation grid keeps of a draft's front matter (see `front_matter_cache`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterEntry {
    /// Workspace-relative, with '/' separators.
    pub path: String,
    pub size: u64,
    pub mtime_ns: i64,
    pub draft_id: String,
    pub lang: String,
    pub translation_of: Option<String>,
    /// The issue week as written, e.g. `2020-W20`.
    pub issue: Option<String>,
    pub title: String,
    /// How many paragraphs the body has.
    pub paragraphs: u32,
    /// The trend as written (`improved`, ...).
    pub trend: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    /// How many words the body has (`draft::count_words`).
    pub words: u32,
}

/// Joins the authors in the cache's `authors` column (no name contains it).
const AUTHOR_SEPARATOR: char = '\u{1f}';

impl History {
    /// Every cached front matter entry.
    pub fn front_matter_entries(&self) -> Result<Vec<FrontMatterEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, size, mtime_ns, draft_id, lang, translation_of, issue, title, paragraphs, \
             trend, section, authors, words FROM front_matter_cache",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(FrontMatterEntry {
                    path: row.get(0)?,
                    size: u64::try_from(row.get::<_, i64>(1)?).unwrap_or(u64::MAX),
                    mtime_ns: row.get(2)?,
                    draft_id: row.get(3)?,
                    lang: row.get(4)?,
                    translation_of: row.get(5)?,
                    issue: row.get(6)?,
                    title: row.get(7)?,
                    paragraphs: row.get(8)?,
                    trend: row.get(9)?,
                    section: row.get(10)?,
                    authors: row
                        .get::<_, String>(11)?
                        .split(AUTHOR_SEPARATOR)
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect(),
                    words: row.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Stores fresh entries and forgets the paths that are gone, in one transaction.
    pub fn update_front_matter_entries(
        &self,
        fresh: &[FrontMatterEntry],
        gone: &[String],
    ) -> Result<()> {
        if fresh.is_empty() && gone.is_empty() {
            return Ok(());
        }
        let tx = self.write()?;
        for e in fresh {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO front_matter_cache \
                 (path, size, mtime_ns, draft_id, lang, translation_of, issue, title, paragraphs, \
                  trend, section, authors, words) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                e.path,
                i64::try_from(e.size).unwrap_or(i64::MAX),
                e.mtime_ns,
                e.draft_id,
                e.lang,
                e.translation_of,
                e.issue,
                e.title,
                e.paragraphs,
                e.trend,
                e.section,
                e.authors.join(&AUTHOR_SEPARATOR.to_string()),
                e.words,
            ])?;
        }
        for path in gone {
            tx.prepare_cached("DELETE FROM front_matter_cache WHERE path = ?1")?
                .execute([path])?;
        }
        tx.commit()?;
        Ok(())
    }
}
