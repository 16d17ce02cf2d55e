//! What the sync commands return: where the workspace stands against the shared repository,
//! what a sync did, and the conflicts it left (each side a version in History, by hash).

use serde::Serialize;
use ts_rs::TS;

use galley_core::workspace::{SyncConflict, SyncReport, SyncState};

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
