//! The editorial workflow: status changes and notes per commentary, two append-only logs.
//! A commentary's status is its newest event; one with no event is a draft.

use super::translations::{time_from_ns, time_to_ns};
use super::History;
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension, Row};
use std::collections::HashMap;
use time::OffsetDateTime;

/// Where a commentary stands editorially (for all its language versions at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditorialStatus {
    Draft,
    InReview,
    Approved,
}

impl EditorialStatus {
    /// The name used on the command line and in JSON: `draft`, `in-review`, `approved`.
    pub fn as_str(self) -> &'static str {
        match self {
            EditorialStatus::Draft => "draft",
            EditorialStatus::InReview => "in-review",
            EditorialStatus::Approved => "approved",
        }
    }

    /// Reads the command-line name (underscores and spaces accepted too).
    pub fn parse(name: &str) -> Option<EditorialStatus> {
        match name
            .trim()
            .to_ascii_lowercase()
            .replace(['_', ' '], "-")
            .as_str()
        {
            "draft" => Some(EditorialStatus::Draft),
            "in-review" => Some(EditorialStatus::InReview),
            "approved" => Some(EditorialStatus::Approved),
            _ => None,
        }
    }

    /// Forward one step at a time (draft → in review → approved), back any number: approval
    /// always passes through review, and any stage can be reopened.
    pub fn can_change_to(self, to: EditorialStatus) -> bool {
        to < self || to as u8 == self as u8 + 1
    }

    fn tag(self) -> &'static str {
        match self {
            EditorialStatus::Draft => "draft",
            EditorialStatus::InReview => "in_review",
            EditorialStatus::Approved => "approved",
        }
    }

    fn from_tag(tag: &str) -> Option<EditorialStatus> {
        match tag {
            "draft" => Some(EditorialStatus::Draft),
            "in_review" => Some(EditorialStatus::InReview),
            "approved" => Some(EditorialStatus::Approved),
            _ => None,
        }
    }
}

/// One recorded editorial status change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialEvent {
    pub id: i64,
    pub draft_id: String,
    pub status: EditorialStatus,
    pub author: String,
    pub at: OffsetDateTime,
    pub note: Option<String>,
}

/// One editorial note on a commentary (never published).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialNote {
    pub id: i64,
    pub draft_id: String,
    pub author: String,
    pub at: OffsetDateTime,
    pub text: String,
}

type RawEvent = (i64, String, String, String, i64, Option<String>);

fn raw_event(row: &Row<'_>) -> rusqlite::Result<RawEvent> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

fn decode_event((id, draft_id, status, author, at_ns, note): RawEvent) -> Result<EditorialEvent> {
    let corrupt = |why: String| Error::Corrupt {
        what: format!("editorial event {id} {why}"),
    };
    Ok(EditorialEvent {
        status: EditorialStatus::from_tag(&status)
            .ok_or_else(|| corrupt(format!("has an unknown status `{status}`")))?,
        at: time_from_ns(at_ns).ok_or_else(|| corrupt("has an impossible time".into()))?,
        id,
        draft_id,
        author,
        note,
    })
}

const EVENT_COLUMNS: &str = "id, draft_id, status, author, at_ns, note";

impl History {
    /// Appends an editorial status change of commentary `draft_id`. The caller checks that the
    /// change is allowed; the log takes what it is given.
    pub fn record_editorial(
        &self,
        draft_id: &str,
        status: EditorialStatus,
        author: &str,
        at: OffsetDateTime,
        note: Option<&str>,
    ) -> Result<EditorialEvent> {
        let at_ns = time_to_ns(at, &format!("the editorial status of {draft_id}"))?;
        self.conn
            .prepare_cached(
                "INSERT INTO editorial_events (draft_id, status, author, at_ns, note) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![draft_id, status.tag(), author, at_ns, note])?;
        Ok(EditorialEvent {
            id: self.conn.last_insert_rowid(),
            draft_id: draft_id.to_owned(),
            status,
            author: author.to_owned(),
            at,
            note: note.map(str::to_owned),
        })
    }

    /// The newest editorial event of a commentary, if any.
    pub fn editorial_status(&self, draft_id: &str) -> Result<Option<EditorialEvent>> {
        let raw = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM editorial_events WHERE draft_id = ?1 \
                 ORDER BY id DESC LIMIT 1"
            ))?
            .query_row([draft_id], raw_event)
            .optional()?;
        raw.map(decode_event).transpose()
    }

    /// The newest editorial event of every commentary that has one, by commentary id.
    pub fn editorial_statuses(&self) -> Result<HashMap<String, EditorialEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM editorial_events WHERE id IN \
             (SELECT max(id) FROM editorial_events GROUP BY draft_id)"
        ))?;
        let raw = stmt
            .query_map([], raw_event)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(|r| decode_event(r).map(|e| (e.draft_id.clone(), e)))
            .collect()
    }

    /// Every editorial status change of a commentary, newest first.
    pub fn editorial_log(&self, draft_id: &str) -> Result<Vec<EditorialEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM editorial_events WHERE draft_id = ?1 ORDER BY id DESC"
        ))?;
        let raw = stmt
            .query_map([draft_id], raw_event)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter().map(decode_event).collect()
    }

    /// Appends an editorial note; the text must not be blank.
    pub fn add_editorial_note(
        &self,
        draft_id: &str,
        text: &str,
        author: &str,
        at: OffsetDateTime,
    ) -> Result<EditorialNote> {
        let what = format!("the editorial note on {draft_id}");
        if text.trim().is_empty() {
            return Err(Error::invalid(
                what,
                "it is empty; write what the note says",
            ));
        }
        let at_ns = time_to_ns(at, &what)?;
        self.conn
            .prepare_cached(
                "INSERT INTO editorial_notes (draft_id, author, at_ns, text) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![draft_id, author, at_ns, text])?;
        Ok(EditorialNote {
            id: self.conn.last_insert_rowid(),
            draft_id: draft_id.to_owned(),
            author: author.to_owned(),
            at,
            text: text.to_owned(),
        })
    }

    /// A commentary's editorial notes, oldest first (they read as a conversation).
    pub fn editorial_notes(&self, draft_id: &str) -> Result<Vec<EditorialNote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, draft_id, author, at_ns, text FROM editorial_notes \
             WHERE draft_id = ?1 ORDER BY id",
        )?;
        let raw = stmt
            .query_map([draft_id], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(|(id, draft_id, author, at_ns, text)| {
                let at = time_from_ns(at_ns).ok_or_else(|| Error::Corrupt {
                    what: format!("editorial note {id} has an impossible time"),
                })?;
                Ok(EditorialNote {
                    id,
                    draft_id,
                    author,
                    at,
                    text,
                })
            })
            .collect()
    }
}
