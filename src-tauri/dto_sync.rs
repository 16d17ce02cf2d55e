//! What the sync commands return: where the workspace stands against the shared repository,
//! what a sync did, and the conflicts it left (each side a version in History, by hash).

use serde::Serialize;
use ts_rs::TS;

use galley_core::clock::format_time;
use galley_core::workspace::{ConflictParts, SyncConflict, SyncReport, SyncState};

/// The Sync control's state at a glance. `shared` is false when the workspace has no shared
/// repository yet (the control then offers "Set up sharing…"; the counts are zero).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub shared: bool,
    /// Commits here the shared repository lacks.
    pub to_send: u32,
    /// Commits there (as last fetched) not here yet.
    pub to_receive: u32,
    /// Unresolved conflicts.
    pub conflicts: u32,
    /// When this machine last reached the shared repository (UTC, ISO 8601), if ever.
    pub last_synced: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncOutcome {
    /// Commits made here (sent, or waiting when offline).
    pub committed: u32,
    /// Versions that arrived from other machines.
    pub received: u32,
    /// The shared repository could not be reached: not an error, the commits wait.
    pub offline: bool,
    /// Conflicts this sync found (all unresolved ones are in `sync_conflicts`).
    pub conflicts: Vec<SyncConflictView>,
    pub status: SyncStatus,
}

/// A file both sides changed in the same place: `ours` stays on disk, `theirs` is in History.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncConflictView {
    pub path: String,
    /// SHA-256 (hex) of the text on disk.
    pub ours: String,
    /// SHA-256 (hex) of the other side's text.
    pub theirs: String,
}

/// What the two sides of a draft in conflict disagree on, piece by piece (the rest of the
/// text already holds every change that did not clash).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictPartsView {
    /// Stretches of the body, usually one paragraph each, in order.
    pub paragraphs: Vec<ConflictPieceView>,
    pub fields: Vec<ConflictPieceView>,
}

/// One piece as each side has it; `key` names a front matter field (null for a paragraph).
/// A side's text is empty when it has none there.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictPieceView {
    pub key: Option<String>,
    pub ours: String,
    pub theirs: String,
}

impl From<ConflictParts> for ConflictPartsView {
    fn from(parts: ConflictParts) -> Self {
        ConflictPartsView {
            paragraphs: parts
                .paragraphs
                .into_iter()
                .map(|p| ConflictPieceView {
                    key: None,
                    ours: p.ours,
                    theirs: p.theirs,
                })
                .collect(),
            fields: parts
                .fields
                .into_iter()
                .map(|(key, p)| ConflictPieceView {
                    key: Some(key),
                    ours: p.ours,
                    theirs: p.theirs,
                })
                .collect(),
        }
    }
}

/// Which pieces of a conflict take theirs (paragraphs by their place in
/// `ConflictPartsView::paragraphs`, fields by key); every other piece keeps ours.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConflictChoices {
    pub theirs_paragraphs: Vec<u32>,
    pub theirs_fields: Vec<String>,
}

impl From<ConflictChoices> for galley_core::merge::Choices {
    fn from(choices: ConflictChoices) -> Self {
        galley_core::merge::Choices {
            theirs_paragraphs: choices
                .theirs_paragraphs
                .into_iter()
                .map(|n| n as usize)
                .collect(),
            theirs_fields: choices.theirs_fields.into_iter().collect(),
        }
    }
}

/// Which side `resolve_conflict` keeps.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ConflictSide {
    Ours,
    Theirs,
}

/// What the "Open shared workspace…" folder dialog is titled, in the UI's language.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClonePrompt {
    pub title: String,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SyncStatus {
    pub fn not_shared() -> Self {
        SyncStatus {
            shared: false,
            to_send: 0,
            to_receive: 0,
            conflicts: 0,
            last_synced: None,
        }
    }
}

impl From<SyncState> for SyncStatus {
    fn from(state: SyncState) -> Self {
        SyncStatus {
            shared: true,
            to_send: count(state.to_send),
            to_receive: count(state.to_receive),
            conflicts: count(state.conflicts),
            last_synced: state.last_synced.map(format_time),
        }
    }
}

impl From<Option<SyncState>> for SyncStatus {
    fn from(state: Option<SyncState>) -> Self {
        state.map_or_else(SyncStatus::not_shared, SyncStatus::from)
    }
}

impl From<&SyncConflict> for SyncConflictView {
    fn from(conflict: &SyncConflict) -> Self {
        SyncConflictView {
            path: conflict.path.clone(),
            ours: conflict.ours.to_hex(),
            theirs: conflict.theirs.to_hex(),
        }
    }
}

impl From<SyncReport> for SyncOutcome {
    fn from(report: SyncReport) -> Self {
        SyncOutcome {
            committed: count(report.committed),
            received: count(report.received),
            offline: report.offline,
            conflicts: report
                .conflicts
                .iter()
                .map(SyncConflictView::from)
                .collect(),
            status: report.state.into(),
        }
    }
}
