//! The language board: one issue's commentaries × languages, with everything an editor needs
//! at a glance and everything the readiness check judges. Built by the workspace in one call.

use super::approval::CellApproval;
use super::arrange::Entry;
use crate::draft::{FrontMatter, IsoWeek};
use crate::hash::ContentHash;
use crate::records::{EditorialEvent, EditorialNote, EditorialStatus, TranslationStatus};
use crate::translation::Role;

/// A front matter field every published language version must fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequiredField {
    Title,
    Lead,
    Authors,
    Trend,
}

impl RequiredField {
    pub const ALL: [RequiredField; 4] = [
        RequiredField::Title,
        RequiredField::Lead,
        RequiredField::Authors,
        RequiredField::Trend,
    ];

    /// The front matter key.
    pub fn as_str(self) -> &'static str {
        match self {
            RequiredField::Title => "title",
            RequiredField::Lead => "lead",
            RequiredField::Authors => "authors",
            RequiredField::Trend => "trend",
        }
    }
    /// Whether `front` leaves this field empty (blank text counts as empty).
    pub fn is_empty_in(self, front: &FrontMatter) -> bool {
        match self {
            RequiredField::Title => front.title.trim().is_empty(),
            RequiredField::Lead => front.lead.trim().is_empty(),
            RequiredField::Authors => front.authors.iter().all(|a| a.trim().is_empty()),
            RequiredField::Trend => front.trend.is_none(),
        }
    }
}

#[derive(Debug)]
pub struct Board {
    pub week: IsoWeek,
    /// The workspace's languages, in display order.
    pub languages: Vec<String>,
    /// In publication order (sections in order, commentaries in order within them).
    pub rows: Vec<BoardRow>,
    /// Files of the issue that could not be read; also listed on their row when their
    /// commentary is known.
    pub problems: Vec<crate::Error>,
    /// Conflicts left in the week's folder, its issue file or its drafts, by path. Each one
    /// blocks every language: until it is resolved nobody knows which text is the issue's.
    pub conflicts: Vec<BoardConflict>,
    /// The title per language (from its file; empty without one).
    pub titles: std::collections::BTreeMap<String, String>,
}

/// A conflict left by git or a sync tool in a file of the issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardConflict {
    /// The file, workspace-relative.
    pub path: String,
    /// For a sync tool's conflict copy, the file it copies; `None` for a file with merge
    /// conflict markers.
    pub copy_of: Option<String>,
    /// The commentary the file belongs to, when known.
    pub id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct BoardRow {
    pub id: String,
    /// The source's title; `None` when no draft has this id (listed in the issue file only).
    pub title: Option<String>,
    pub section: Option<String>,
    /// Listed in the issue file (otherwise placed by its front matter).
    pub listed: bool,
    /// False when none of its files could be read: then only their problems are known.
    pub readable: bool,
    /// `Draft` when no status was ever recorded.
    pub editorial: EditorialStatus,
    /// The event that set it: who, when, the note.
    pub editorial_event: Option<EditorialEvent>,
    /// One per language of the board, in its order.
    pub cells: Vec<BoardCell>,
    /// The editors' notes on it (never published), oldest first.
    pub notes: Vec<EditorialNote>,
}

impl BoardRow {
    /// A row for a listed id with no files.
    pub(crate) fn without_files(
        entry: &Entry,
        section: Option<String>,
        languages: &[String],
    ) -> BoardRow {
        BoardRow {
            id: entry.id.clone(),
            title: None,
            section,
            listed: entry.listed,
            readable: true,
            editorial: EditorialStatus::Draft,
            editorial_event: None,
            cells: languages.iter().map(|l| BoardCell::missing(l)).collect(),
            notes: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BoardCell {
    pub lang: String,
    pub role: Role,
    pub path: Option<String>,
    /// This language version's own title (empty when not filled in).
    pub title: String,
    /// `None` for the source; `Missing` without a file.
    pub translation: Option<TranslationStatus>,
    /// The language it is translated from.
    pub translation_of: Option<String>,
    /// Its source changed since the version it matches (directly or up its chain).
    pub outdated: bool,
    /// Words in the body; `None` without a readable file.
    pub words: Option<usize>,
    /// Paragraphs (blank-line separated blocks) in the body; `None` without a readable file.
    pub paragraphs: Option<usize>,
    /// The file name without `.<lang>.md`, which names the commentary's pages in a bundle.
    pub slug: Option<String>,
    /// The SHA-256 of its file's text now; `None` without a readable file.
    pub sha256: Option<ContentHash>,
    /// What the commentary's approval says of this text; `None` unless it is approved.
    pub approval: Option<CellApproval>,
    /// Required fields left empty.
    pub empty_fields: Vec<RequiredField>,
    /// Why the file fails validation (it cannot be read, or names an unknown section …).
    pub invalid: Vec<String>,
    /// Relative link targets in the body with no file in the workspace, as written.
    pub missing_links: Vec<String>,
}

impl BoardCell {
    pub(crate) fn missing(lang: &str) -> BoardCell {
        BoardCell {
            lang: lang.to_string(),
            role: Role::Missing,
            path: None,
            title: String::new(),
            translation: Some(TranslationStatus::Missing),
            translation_of: None,
            outdated: false,
            words: None,
            paragraphs: None,
            slug: None,
            sha256: None,
            approval: None,
            empty_fields: Vec::new(),
            invalid: Vec::new(),
            missing_links: Vec::new(),
        }
    }
}
