//! The team's records as the UI shows them: who set a status or label and when, and — when that
//! change won over one made elsewhere without seeing it — both sides, so the UI can say which
//! was kept. Built from the core's fold (`records::Concurrent`); the UI only draws these.

use serde::Serialize;
use ts_rs::TS;

use crate::dto_translation::LanguageState;
use galley_core::clock::format_time;
use galley_core::records::{
    Concurrent, EditorialEvent, EditorialNote, EditorialStatus, LabelRecord, StatusEvent,
    TranslationStatus,
};
use galley_core::translation::LanguageState as CoreState;

/// The editorial workflow's states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EditorialState {
    Draft,
    InReview,
    Approved,
}

impl From<EditorialStatus> for EditorialState {
    fn from(status: EditorialStatus) -> Self {
        match status {
            EditorialStatus::Draft => EditorialState::Draft,
            EditorialStatus::InReview => EditorialState::InReview,
            EditorialStatus::Approved => EditorialState::Approved,
        }
    }
}

/// A translation status set at the same time elsewhere: `by` set `status` at `at`, and
/// `keptBy`'s `kept` won (the later in the journals' order).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConcurrentStatus {
    pub by: String,
    /// UTC, `2020-05-14T09:30:00Z`.
    pub at: String,
    pub status: LanguageState,
    pub kept_by: String,
    pub kept: LanguageState,
}

/// An editorial status set at the same time elsewhere (see [`ConcurrentStatus`]).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConcurrentEditorial {
    pub by: String,
    pub at: String,
    pub status: EditorialState,
    pub kept_by: String,
    pub kept: EditorialState,
}

/// A version's label given at the same time elsewhere; `null` labels are removals.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConcurrentLabel {
    pub by: String,
    pub at: String,
    pub label: Option<String>,
    pub kept_by: String,
    pub kept: Option<String>,
}

/// The sidebar vocabulary of a recorded translation status (never `source` or `outdated`).
/// Who set it and when (UTC), as the DTOs carry them.
pub fn set_by(event: Option<&StatusEvent>) -> (Option<String>, Option<String>) {
    (
        event.map(|e| e.author.clone()),
        event.map(|e| format_time(e.at)),
    )
}

pub fn concurrent_status(event: &StatusEvent) -> Option<ConcurrentStatus> {
    let other = event.concurrent.as_ref()?;
    // The fold describes the outranked status by its name; one this build cannot read is left
    // out rather than shown wrong.
    let status = TranslationStatus::parse(&other.value)?;
    Some(ConcurrentStatus {
        by: other.author.clone(),
        at: format_time(other.at),
        status: CoreState::recorded(Some(status)).into(),
        kept_by: event.author.clone(),
        kept: CoreState::recorded(Some(event.status)).into(),
    })
}

pub fn concurrent_editorial(event: &EditorialEvent) -> Option<ConcurrentEditorial> {
    let other = event.concurrent.as_ref()?;
    let status = EditorialStatus::parse(&other.value)?;
    Some(ConcurrentEditorial {
        by: other.author.clone(),
        at: format_time(other.at),
        status: status.into(),
        kept_by: event.author.clone(),
        kept: event.status.into(),
    })
}

pub fn concurrent_label(record: &LabelRecord) -> Option<ConcurrentLabel> {
    let Concurrent {
        author, at, value, ..
    } = record.concurrent.as_ref()?;
    // The fold names a removal by the empty label.
    Some(ConcurrentLabel {
        by: author.clone(),
        at: format_time(*at),
        label: Some(value.clone()).filter(|l| !l.is_empty()),
        kept_by: record.author.clone(),
        kept: record.label.clone(),
    })
}

/// An editor's note on a commentary (never published): who wrote it, when (UTC), what it says.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub id: String,
    pub author: String,
    /// UTC, `2020-05-14T09:30:00Z`.
    pub at: String,
    pub text: String,
}

impl From<&EditorialNote> for NoteView {
    fn from(note: &EditorialNote) -> Self {
        NoteView {
            id: note.id.clone(),
            author: note.author.clone(),
            at: format_time(note.at),
            text: note.text.clone(),
        }
    }
}
