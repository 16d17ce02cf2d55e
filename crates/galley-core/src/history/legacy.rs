//! Records a previous release kept in this database (translation statuses, minor marks,
//! editorial statuses and notes, labels, who saved each version), read once so the workspace can
//! move them into this writer's journal. Nothing writes these tables any more.

use super::content::hash_from_blob;
use super::translations::time_from_ns;
use super::History;
use crate::error::Result;
use crate::records::{Body, EditorialStatus, TranslationStatus, VersionOrigin};
use rusqlite::OptionalExtension;
use time::OffsetDateTime;

/// One old record, as an event body without `prev` (the workspace links them in order).
#[derive(Debug, Clone)]
pub struct LegacyRecord {
    pub at: OffsetDateTime,
    pub author: String,
    pub body: Body,
}

impl History {
    /// A value this installation keeps for itself (never shared).
    pub fn local_value(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM local_state WHERE key = ?1")?
            .query_row([key], |row| row.get(0))
            .optional()?)
    }

    pub fn set_local_value(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO local_state (key, value) VALUES (?1, ?2) \
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([key, value])?;
        Ok(())
    }

    /// Every record the old tables hold, oldest first. Rows that cannot be read (an unknown
    /// status, a base whose version is gone) are left out: they could not be shown before either.
    pub fn legacy_records(&self) -> Result<Vec<LegacyRecord>> {
        let mut out: Vec<(i64, LegacyRecord)> = Vec::new();
        let mut push = |at_ns: i64, author: String, body: Body| {
            if let Some(at) = time_from_ns(at_ns) {
                out.push((at_ns, LegacyRecord { at, author, body }));
            }
        };
        // Who made each version, except those only seen arriving from outside.
        let mut stmt = self.conn.prepare(
            "SELECT v.draft_id, v.lang, v.path, t.hash, v.origin, v.author, v.at_ns \
             FROM versions v JOIN texts t ON t.id = v.text_id \
             WHERE v.origin != 'external' ORDER BY v.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let origin = match row.get::<_, String>(4)?.as_str() {
                "save" => VersionOrigin::Save,
                "restore" => VersionOrigin::Restore,
                "conflict" => VersionOrigin::Conflict,
                "import" => VersionOrigin::Import,
                _ => continue,
            };
            let Some(sha256) = hash_from_blob(&row.get::<_, Vec<u8>>(3)?) else {
                continue;
            };
            push(
                row.get(6)?,
                row.get(5)?,
                Body::Version {
                    commentary: row.get(0)?,
                    lang: row.get(1)?,
                    path: row.get(2)?,
                    sha256,
                    origin,
                },
            );
        }
        // Labels: the old log kept no time for them; they are dated with their version.
        let mut stmt = self.conn.prepare(
            "SELECT v.draft_id, v.lang, t.hash, v.label, v.author, v.at_ns \
             FROM versions v JOIN texts t ON t.id = v.text_id \
             WHERE v.label IS NOT NULL ORDER BY v.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(sha256) = hash_from_blob(&row.get::<_, Vec<u8>>(2)?) else {
                continue;
            };
            push(
                row.get(5)?,
                row.get(4)?,
                Body::Label {
                    commentary: row.get(0)?,
                    lang: row.get(1)?,
                    sha256,
                    label: Some(row.get(3)?),
                    prev: None,
                },
            );
        }
        let mut stmt = self.conn.prepare(
            "SELECT e.draft_id, e.lang, e.status, e.source_lang, t.hash, e.author, e.at_ns, e.note \
             FROM translation_events e LEFT JOIN versions v ON v.id = e.base \
             LEFT JOIN texts t ON t.id = v.text_id ORDER BY e.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(status) = TranslationStatus::from_tag(&row.get::<_, String>(2)?) else {
                continue;
            };
            push(
                row.get(6)?,
                row.get(5)?,
                Body::Translation {
                    commentary: row.get(0)?,
                    lang: row.get(1)?,
                    status,
                    source_lang: row.get(3)?,
                    base: row
                        .get::<_, Option<Vec<u8>>>(4)?
                        .as_deref()
                        .and_then(hash_from_blob),
                    prev: None,
                    note: row.get(7)?,
                },
            );
        }
        let mut stmt = self.conn.prepare(
            "SELECT v.draft_id, v.lang, t.hash, m.minor, m.author, m.at_ns FROM minor_marks m \
             JOIN versions v ON v.id = m.version_id JOIN texts t ON t.id = v.text_id ORDER BY m.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(sha256) = hash_from_blob(&row.get::<_, Vec<u8>>(2)?) else {
                continue;
            };
            push(
                row.get(5)?,
                row.get(4)?,
                Body::Minor {
                    commentary: row.get(0)?,
                    lang: row.get(1)?,
                    sha256,
                    minor: row.get(3)?,
                    prev: None,
                },
            );
        }
        let mut stmt = self.conn.prepare(
            "SELECT draft_id, status, author, at_ns, note FROM editorial_events ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let Some(status) = EditorialStatus::from_tag(&row.get::<_, String>(1)?) else {
                continue;
            };
            push(
                row.get(3)?,
                row.get(2)?,
                Body::Editorial {
                    commentary: row.get(0)?,
                    status,
                    prev: None,
                    note: row.get(4)?,
                    versions: std::collections::BTreeMap::new(),
                },
            );
        }
        let mut stmt = self
            .conn
            .prepare("SELECT draft_id, author, at_ns, text FROM editorial_notes ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            push(
                row.get(2)?,
                row.get(1)?,
                Body::Note {
                    commentary: row.get(0)?,
                    text: row.get(3)?,
                },
            );
        }
        // Stable: records with the same time keep their table order.
        out.sort_by_key(|(at_ns, _)| *at_ns);
        Ok(out.into_iter().map(|(_, r)| r).collect())
    }
}
