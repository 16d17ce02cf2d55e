//! Translations: which language versions of a commentary are translations of which, where each
//! stands, and what changed in its source since the version it matches (its *base*).
//!
//! - A commentary is every draft sharing a front matter `id`; its source language version is the
//!   one without `translation_of`. A translation's `translation_of` names the language it was
//!   made from, which may itself be a translation (be → ru → en).
//! - Status (missing → in progress → in review → done) and the base (the source text's SHA-256)
//!   are the team's records (`crate::records`); "done" sets the base to the source's newest text.
//! - A translation is *outdated* when its source has versions after the base, not marked minor,
//!   whose text differs from the base. What changed is reported per field and, for the body, per
//!   paragraph, mapped to the translation's paragraphs (`paragraphs`).
//! - A change further up a chain flags every translation downstream, naming the outdated link
//!   (`chain`).
//!
//! This module is pure: the workspace (`workspace/translate.rs`) reads files and history and
//! hands the texts in.

mod chain;
mod outdated;
mod pairs;
mod paragraphs;

pub use crate::records::TranslationStatus;
pub use chain::{chain_of, upstream_link};
pub use outdated::{
    compare_sources, source_changed, ChangedWords, Comparison, Field, Outdated, Part, Review,
};
pub use pairs::{pair_paragraphs, replace_paragraph, ParagraphPair};
pub use paragraphs::{align, merged_into, split_paragraphs, ParagraphChange, ParagraphChangeKind};

use crate::diff::Diff;
use crate::draft::IsoWeek;
use crate::hash::ContentHash;
use crate::records::StatusEvent;

/// A link of a chain: `translation` was made from `source` (shown as `ru ← be`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub translation: String,
    pub source: String,
}

/// What a language is for a commentary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The original: its file has no `translation_of`.
    Source,
    Translation,
    /// No file in this language.
    Missing,
}

impl Role {
    /// The role in one word, as the CLI's grid and board print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Translation => "translation",
            Role::Missing => "missing",
        }
    }
}

/// A language version's state in one word, as every view shows it: outdated wins over the
/// recorded status, and a translation nobody has set a status for is in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageState {
    Source,
    Missing,
    InProgress,
    InReview,
    Done,
    Outdated,
}

impl LanguageState {
    /// The state of a language version with `role`, its recorded `status` and whether its
    /// source changed since the version it matches.
    pub fn of(role: Role, status: Option<TranslationStatus>, outdated: bool) -> Self {
        match role {
            Role::Source => Self::Source,
            Role::Missing => Self::Missing,
            Role::Translation if outdated => Self::Outdated,
            Role::Translation => Self::recorded(status),
        }
    }

    /// What a recorded translation status says, outdated or not.
    pub fn recorded(status: Option<TranslationStatus>) -> Self {
        match status {
            Some(TranslationStatus::InReview) => Self::InReview,
            Some(TranslationStatus::Done) => Self::Done,
            Some(TranslationStatus::Missing) => Self::Missing,
            Some(TranslationStatus::InProgress) | None => Self::InProgress,
        }
    }
}

/// One commentary in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub lang: String,
    pub role: Role,
    /// Workspace-relative path of the file, if there is one.
    pub path: Option<String>,
    /// `None` for the source; `Missing` without a file; for a translation with no recorded
    /// status, `InProgress` (and `recorded` is `None`).
    pub status: Option<TranslationStatus>,
    /// The current status event: who set it, when, the note, the base.
    pub recorded: Option<StatusEvent>,
    /// The language it is translated from (`translation_of`).
    pub translation_of: Option<String>,
    /// The local version of the source the translation matches (`None` also when its text has
    /// not arrived on this machine).
    pub base: Option<i64>,
    /// The SHA-256 of the source text the translation matches, as its status records it.
    pub base_hash: Option<crate::hash::ContentHash>,
    /// The newest version of its source.
    pub source_head: Option<i64>,
    /// Set when its own source changed since the base.
    pub outdated: Option<Outdated>,
    /// Set when a link further up its chain is outdated: the topmost such link, where the
    /// change came in (for en ← ru ← be with be changed: `ru ← be`).
    pub via: Option<ChainLink>,
    /// This language and its sources up to the original, e.g. `[en, ru, be]`.
    pub chain: Vec<String>,
}

impl GridCell {
    /// Outdated directly or through its chain.
    pub fn is_outdated(&self) -> bool {
        self.outdated.is_some() || self.via.is_some()
    }

    pub fn state(&self) -> LanguageState {
        LanguageState::of(self.role, self.status, self.is_outdated())
    }
}

/// One commentary: a row of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub id: String,
    /// The source's title (or the first language's, when there is no source).
    pub title: String,
    pub issue: Option<IsoWeek>,
    /// The language of the source language version, if there is exactly one.
    pub source_lang: Option<String>,
    /// One per language of the grid, in its order.
    pub cells: Vec<GridCell>,
}

/// Commentaries × languages.
#[derive(Debug, Default)]
pub struct TranslationGrid {
    /// The workspace's languages, then any other language a draft uses.
    pub languages: Vec<String>,
    pub rows: Vec<GridRow>,
    /// Files that could not be read, and commentaries whose structure is broken (two sources,
    /// a `translation_of` naming a language with no file, a cycle); each names its file or id.
    pub problems: Vec<crate::Error>,
}

/// The word-level diff of a translation's source from its base to its newest version.
#[derive(Debug, Clone)]
pub struct SourceDiff {
    pub id: String,
    pub lang: String,
    pub source_lang: String,
    pub source_path: String,
    /// This machine's numbers of the base and head versions, and their texts' hashes.
    pub base: i64,
    pub head: i64,
    pub base_hash: ContentHash,
    pub head_hash: Option<ContentHash>,
    /// Versions of the source after the base, oldest first, and whether each is minor.
    pub versions: Vec<(i64, bool)>,
    pub diff: Diff,
}
