//! What the everyday actions return: a new commentary's file, a rename's new path, and the
//! trash's entries.

use serde::Serialize;
use ts_rs::TS;

use galley_core::clock::format_time;
use galley_core::workspace::{TrashEntry, TrashKind};

/// A new commentary's source-language file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatedDraft {
    pub id: String,
    /// Workspace-relative path of the new file.
    pub path: String,
}

/// One deleted or archived commentary (or one language version of it).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrashEntryView {
    /// What names it to `restore_from_trash`.
    pub name: String,
    pub archived: bool,
    pub id: String,
    pub title: String,
    /// Set when only this language version was removed.
    pub lang: Option<String>,
    pub by: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub week: Option<String>,
    pub files: Vec<String>,
}

impl From<&TrashEntry> for TrashEntryView {
    fn from(entry: &TrashEntry) -> Self {
        TrashEntryView {
            name: entry.name.clone(),
            archived: entry.kind == TrashKind::Archived,
            id: entry.id.clone(),
            title: entry.title.clone(),
            lang: entry.lang.clone(),
            by: entry.by.clone(),
            at: format_time(entry.at),
            week: entry.week.map(|w| w.to_string()),
            files: entry.files.clone(),
        }
    }
}
