//! Translation status and minor marks: two append-only event logs, plus the current status per
//! language version, written in the same transaction as the event it points at.

use super::History;
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// Where a translation stands. `Missing` is never stored: it is what a language without a file
/// shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TranslationStatus {
    Missing,
    InProgress,
    InReview,
    Done,
}

impl TranslationStatus {
    /// The name used on the command line and in JSON: `missing`, `in-progress`, `in-review`,
    /// `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            TranslationStatus::Missing => "missing",
            TranslationStatus::InProgress => "in-progress",
            TranslationStatus::InReview => "in-review",
            TranslationStatus::Done => "done",
        }
    }

    /// Reads the command-line name (underscores accepted too).
    pub fn parse(name: &str) -> Option<TranslationStatus> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "missing" => Some(TranslationStatus::Missing),
            "in-progress" => Some(TranslationStatus::InProgress),
            "in-review" => Some(TranslationStatus::InReview),
            "done" => Some(TranslationStatus::Done),
            _ => None,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            TranslationStatus::Missing => "missing",
            TranslationStatus::InProgress => "in_progress",
            TranslationStatus::InReview => "in_review",
            TranslationStatus::Done => "done",
        }
    }

    fn from_tag(tag: &str) -> Option<TranslationStatus> {
        match tag {
            "in_progress" => Some(TranslationStatus::InProgress),
            "in_review" => Some(TranslationStatus::InReview),
            "done" => Some(TranslationStatus::Done),
            _ => None,
        }
    }
}

/// One recorded status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEvent {
    pub id: i64,
    pub draft_id: String,
    pub lang: String,
    pub status: TranslationStatus,
    /// The language it was translated from when the status was set.
    pub source_lang: String,
    /// The version of `source_lang` the translation matches.
    pub base: Option<i64>,
    pub author: String,
    pub at: OffsetDateTime,
    pub note: Option<String>,
}

/// What `History::record_status` needs.
#[derive(Debug, Clone, Copy)]
pub struct NewStatus<'a> {
    pub draft_id: &'a str,
    pub lang: &'a str,
    pub status: TranslationStatus,
    pub source_lang: &'a str,
    pub base: Option<i64>,
    pub author: &'a str,
    pub at: OffsetDateTime,
    pub note: Option<&'a str>,
}

/// One mark or unmark of a version as minor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinorMark {
    pub id: i64,
    pub version: i64,
    pub minor: bool,
    pub author: String,
    pub at: OffsetDateTime,
}

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
}

const EVENT_COLUMNS: &str =
    "e.id, e.draft_id, e.lang, e.status, e.source_lang, e.base, e.author, e.at_ns, e.note";

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<RawEvent> {
    Ok(RawEvent {
        id: row.get(0)?,
        draft_id: row.get(1)?,
        lang: row.get(2)?,
        status: row.get(3)?,
        source_lang: row.get(4)?,
        base: row.get(5)?,
        author: row.get(6)?,
        at_ns: row.get(7)?,
        note: row.get(8)?,
    })
}

struct RawEvent {
    id: i64,
    draft_id: String,
    lang: String,
    status: String,
    source_lang: String,
    base: Option<i64>,
    author: String,
    at_ns: i64,
    note: Option<String>,
}

impl RawEvent {
    fn decode(self) -> Result<StatusEvent> {
        let corrupt = |why: String| Error::Corrupt {
            what: format!("translation status event {} {why}", self.id),
        };
        let status = TranslationStatus::from_tag(&self.status)
            .ok_or_else(|| corrupt(format!("has an unknown status `{}`", self.status)))?;
        let at =
            time_from_ns(self.at_ns).ok_or_else(|| corrupt("has an impossible time".into()))?;
        Ok(StatusEvent {
            id: self.id,
            draft_id: self.draft_id,
            lang: self.lang,
            status,
            source_lang: self.source_lang,
            base: self.base,
            author: self.author,
            at,
            note: self.note,
        })
    }
}

pub(super) fn time_from_ns(ns: i64) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ns)).ok()
}

pub(super) fn time_to_ns(at: OffsetDateTime, what: &str) -> Result<i64> {
    i64::try_from(at.unix_timestamp_nanos())
        .map_err(|_| Error::invalid(what.to_string(), "its time is outside the years 1678–2261"))
}

impl History {
    /// Appends a status event and makes it the current status of its language version, in one
    /// transaction. A base must name a version of `source_lang` of the same draft.
    pub fn record_status(&self, new: NewStatus<'_>) -> Result<StatusEvent> {
        let what = format!("the status of {} ({})", new.draft_id, new.lang);
        if new.status == TranslationStatus::Missing {
            return Err(Error::invalid(
                what,
                "`missing` is shown when a language has no file; it cannot be set",
            ));
        }
        let at_ns = time_to_ns(new.at, &what)?;
        let tx = self.write()?;
        if let Some(base) = new.base {
            let version = super::versions::by_id(&tx, base)?;
            if version.draft_id != new.draft_id || version.lang != new.source_lang {
                return Err(Error::invalid(
                    what,
                    format!(
                        "its base, version {base}, belongs to {} ({}), not {} ({})",
                        version.draft_id, version.lang, new.draft_id, new.source_lang
                    ),
                ));
            }
        }
        tx.prepare_cached(
            "INSERT INTO translation_events \
             (draft_id, lang, status, source_lang, base, author, at_ns, note) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            new.draft_id,
            new.lang,
            new.status.tag(),
            new.source_lang,
            new.base,
            new.author,
            at_ns,
            new.note,
        ])?;
        let id = tx.last_insert_rowid();
        tx.prepare_cached(
            "INSERT INTO translation_state (draft_id, lang, event_id) VALUES (?1, ?2, ?3) \
             ON CONFLICT (draft_id, lang) DO UPDATE SET event_id = excluded.event_id",
        )?
        .execute(params![new.draft_id, new.lang, id])?;
        tx.commit()?;
        Ok(StatusEvent {
            id,
            draft_id: new.draft_id.to_owned(),
            lang: new.lang.to_owned(),
            status: new.status,
            source_lang: new.source_lang.to_owned(),
            base: new.base,
            author: new.author.to_owned(),
            at: new.at,
            note: new.note.map(str::to_owned),
        })
    }

    /// The current status of a language version, if one was ever recorded.
    pub fn status(&self, draft_id: &str, lang: &str) -> Result<Option<StatusEvent>> {
        let raw = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM translation_state s \
                 JOIN translation_events e ON e.id = s.event_id \
                 WHERE s.draft_id = ?1 AND s.lang = ?2"
            ))?
            .query_row([draft_id, lang], event_from_row)
            .optional()?;
        raw.map(RawEvent::decode).transpose()
    }

    /// The current status of every language version that has one.
    pub fn statuses(&self) -> Result<Vec<StatusEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM translation_state s \
             JOIN translation_events e ON e.id = s.event_id"
        ))?;
        let raw = stmt
            .query_map([], event_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter().map(RawEvent::decode).collect()
    }

    /// Every status change of a language version, newest first.
    pub fn status_log(&self, draft_id: &str, lang: &str) -> Result<Vec<StatusEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM translation_events e \
             WHERE e.draft_id = ?1 AND e.lang = ?2 ORDER BY e.id DESC"
        ))?;
        let raw = stmt
            .query_map([draft_id, lang], event_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter().map(RawEvent::decode).collect()
    }

    /// Marks (or, with `minor = false`, unmarks) a version as minor. The version must exist.
    pub fn mark_minor(
        &self,
        version: i64,
        minor: bool,
        author: &str,
        at: OffsetDateTime,
    ) -> Result<MinorMark> {
        let at_ns = time_to_ns(at, &format!("the minor mark of version {version}"))?;
        let tx = self.write()?;
        super::versions::by_id(&tx, version)?;
        tx.prepare_cached(
            "INSERT INTO minor_marks (version_id, minor, author, at_ns) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![version, minor, author, at_ns])?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(MinorMark {
            id,
            version,
            minor,
            author: author.to_owned(),
            at,
        })
    }

    /// The versions currently marked minor (the newest mark of each decides).
    pub fn minor_versions(&self) -> Result<HashSet<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT version_id, minor FROM minor_marks ORDER BY id")?;
        let mut rows = stmt.query([])?;
        let mut minor = HashSet::new();
        while let Some(row) = rows.next()? {
            let version: i64 = row.get(0)?;
            if row.get::<_, bool>(1)? {
                minor.insert(version);
            } else {
                minor.remove(&version);
            }
        }
        Ok(minor)
    }

    /// Every mark and unmark of a version, newest first.
    pub fn minor_marks(&self, version: i64) -> Result<Vec<MinorMark>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, version_id, minor, author, at_ns FROM minor_marks \
             WHERE version_id = ?1 ORDER BY id DESC",
        )?;
        let raw = stmt
            .query_map([version], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, i64>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(|(id, version, minor, author, at_ns)| {
                let at = time_from_ns(at_ns).ok_or_else(|| Error::Corrupt {
                    what: format!("minor mark {id} has an impossible time"),
                })?;
                Ok(MinorMark {
                    id,
                    version,
                    minor,
                    author,
                    at,
                })
            })
            .collect()
    }

    /// The versions of (draft, language) from `from` on (inclusive), oldest first, with keys of
    /// their texts: enough to tell whether anything changed without reading a text.
    pub fn source_stamps_since(
        &self,
        draft_id: &str,
        lang: &str,
        from: i64,
    ) -> Result<Vec<SourceStamp>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text_id FROM versions WHERE draft_id = ?1 AND lang = ?2 AND id >= ?3 \
             ORDER BY id",
        )?;
        let rows = stmt
            .query_map(params![draft_id, lang, from], |row| {
                Ok(SourceStamp {
                    id: row.get(0)?,
                    text: row.get::<_, Option<i64>>(1)?.map(TextKey),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// `source_stamps_since` for every current status with a base, in one query: the
    /// versions of its source language from the base on, oldest first, by (draft, language
    /// of the translation).
    pub fn status_source_stamps(&self) -> Result<HashMap<(String, String), Vec<SourceStamp>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.draft_id, s.lang, v.id, v.text_id FROM translation_state s \
             JOIN translation_events e ON e.id = s.event_id \
             JOIN versions v ON v.draft_id = e.draft_id AND v.lang = e.source_lang \
                AND v.id >= e.base \
             WHERE e.base IS NOT NULL ORDER BY v.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut stamps: HashMap<(String, String), Vec<SourceStamp>> = HashMap::new();
        while let Some(row) = rows.next()? {
            let key = (row.get::<_, String>(0)?, row.get::<_, String>(1)?);
            stamps.entry(key).or_default().push(SourceStamp {
                id: row.get(2)?,
                text: row.get::<_, Option<i64>>(3)?.map(TextKey),
            });
        }
        Ok(stamps)
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
    /// How many words the body has (`workspace::count_words`).
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
