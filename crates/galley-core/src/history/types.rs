//! The plain values the history hands out and takes in.

use crate::hash::ContentHash;
use time::OffsetDateTime;

/// One recorded version of one language version of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub id: i64,
    pub draft_id: String,
    pub lang: String,
    /// Workspace-relative, with '/' separators.
    pub path: String,
    /// `None` means the file was deleted in this version.
    pub hash: Option<ContentHash>,
    pub author: String,
    /// Stored in UTC with nanosecond precision.
    pub at: OffsetDateTime,
    pub label: Option<String>,
    /// The head of the same (draft, language) when this version was recorded.
    pub parent: Option<i64>,
    pub origin: Origin,
}

/// Why a version was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Saved from Galley's editor.
    Save,
    /// The file changed outside Galley.
    External,
    /// The first text of a language version, found on disk with no record of Galley making it
    /// (a file that was there before, or was copied in): an existing file, not an edit. Never
    /// stored: it is an `External` version that `Workspace::log` finds oldest.
    Found,
    /// An older version was brought back.
    Restore { from: i64 },
    /// Recorded while resolving a conflicting change.
    Conflict,
    /// Brought in from outside the workspace.
    Import,
}

impl Origin {
    /// The tag stored in `versions.origin`; `Restore`'s source goes in its own column.
    pub(super) fn tag(self) -> &'static str {
        match self {
            Origin::Save => "save",
            Origin::External | Origin::Found => "external",
            Origin::Restore { .. } => "restore",
            Origin::Conflict => "conflict",
            Origin::Import => "import",
        }
    }

    pub(super) fn restored_from(self) -> Option<i64> {
        match self {
            Origin::Restore { from } => Some(from),
            _ => None,
        }
    }

    pub(super) fn from_columns(tag: &str, restored_from: Option<i64>) -> Option<Origin> {
        match (tag, restored_from) {
            ("save", None) => Some(Origin::Save),
            ("external", None) => Some(Origin::External),
            ("restore", Some(from)) => Some(Origin::Restore { from }),
            ("conflict", None) => Some(Origin::Conflict),
            ("import", None) => Some(Origin::Import),
            _ => None,
        }
    }
}

/// What `History::record` needs to add a version.
#[derive(Debug, Clone, Copy)]
pub struct NewVersion<'a> {
    pub draft_id: &'a str,
    pub lang: &'a str,
    /// Workspace-relative, with '/' separators.
    pub path: &'a str,
    /// `None` records a deletion.
    pub text: Option<&'a str>,
    pub author: &'a str,
    pub at: OffsetDateTime,
    pub label: Option<&'a str>,
    pub origin: Origin,
}

/// What the folder reconciler last saw of a file in the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownFile {
    /// Workspace-relative, with '/' separators.
    pub path: String,
    pub draft_id: String,
    pub lang: String,
    pub hash: ContentHash,
    pub size: u64,
    pub mtime_ns: i64,
}

/// A change to the known-files table made in the same transaction as a new version, so a crash
/// cannot leave the two out of step.
#[derive(Debug, Clone, Copy)]
pub enum KnownFileChange<'a> {
    /// Insert or replace the entry for `KnownFile::path`.
    Upsert(&'a KnownFile),
    /// Forget the entry for this path (the file is gone).
    Remove(&'a str),
}

/// How much the history holds and how much room it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageStats {
    pub versions: u64,
    /// Distinct texts (deduplicated by hash).
    pub texts: u64,
    /// Compressed bytes actually stored for the texts.
    pub stored_bytes: u64,
    /// What the distinct texts would take uncompressed.
    pub raw_bytes: u64,
}
