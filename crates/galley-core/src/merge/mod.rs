//! Three-way merges of the files a team shares through git, pure: text in, text out.
//!
//! git calls `galley merge-driver` when two machines changed the same file; these functions
//! decide the result. Drafts merge their body paragraph by paragraph and their front matter
//! field by field ([`merge_draft`]); issue files merge structurally ([`merge_issue`]). A
//! conflict never produces conflict markers: the result is always a valid file that takes
//! every change both sides agree on and "ours" where they disagree, plus what disagreed.

mod body;
mod draft;
mod front;
mod issue;
mod ordered;
#[cfg(test)]
mod tests;

pub use draft::{merge_draft, merge_draft_choosing};
pub use issue::merge_issue;

use std::collections::BTreeSet;

/// Where someone settling a conflict took theirs: the conflicts a merge reported, by their
/// place in `DraftMerge::Conflict`'s `paragraphs`, and front matter keys by name. Everything
/// not named keeps ours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub theirs_paragraphs: BTreeSet<usize>,
    pub theirs_fields: BTreeSet<String>,
}

/// The outcome of merging a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftMerge {
    /// Both sides' changes, merged with no disagreement.
    Clean(String),
    /// The sides disagree. `merged_with_ours` is a valid draft (never conflict markers) with
    /// every non-conflicting change from both sides and ours for each conflict: what stays on
    /// disk while the conflict waits for someone. When both `paragraphs` and `fields` are
    /// empty, the whole file is the conflict (a side was not a draft, or the merge would not
    /// have been one): `merged_with_ours` is then ours as it was.
    Conflict {
        ours_text: String,
        theirs_text: String,
        merged_with_ours: String,
        paragraphs: Vec<ParagraphConflict>,
        /// Front matter keys changed differently on both sides.
        fields: Vec<String>,
    },
}

/// A stretch of the body both sides changed differently: usually one paragraph, several when
/// paragraphs were added or removed there. Texts are the paragraphs as each side has them,
/// separated by one blank line; empty when that side has none there (it removed them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphConflict {
    /// Where ours' paragraphs sit in the merged body (0-based paragraph index), or would sit.
    pub merged_index: usize,
    /// How many paragraphs of the merged body are the kept side of this conflict (ours unless
    /// theirs was chosen; 0: that side removed them).
    pub merged_len: usize,
    pub base: String,
    pub ours: String,
    pub theirs: String,
}

/// The outcome of merging an issue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueMerge {
    Clean(String),
    /// As for drafts: `merged_with_ours` is a valid issue file rendered the way Galley writes
    /// it; `fields` names what disagreed (`start`, `title.en`, `sections`, `sections.<key>`,
    /// `commentary <id>`); empty when the whole file is the conflict.
    Conflict {
        ours_text: String,
        theirs_text: String,
        merged_with_ours: String,
        fields: Vec<String>,
    },
}

/// The value both sides agree on, or `None` when they changed it differently. `same` says
/// when two values count as equal.
fn three_way<'a, T: ?Sized>(
    base: &T,
    ours: &'a T,
    theirs: &'a T,
    same: impl Fn(&T, &T) -> bool,
) -> Option<&'a T> {
    if same(theirs, base) || same(ours, theirs) {
        Some(ours)
    } else if same(ours, base) {
        Some(theirs)
    } else {
        None
    }
}
