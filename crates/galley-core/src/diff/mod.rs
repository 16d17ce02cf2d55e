//! Word-level diffs between two versions of a draft.
//!
//! The texts are compared paragraph by paragraph first (a paragraph is a run of non-blank lines
//! plus the blank lines after it; front matter is one). Where paragraphs were replaced, old and
//! new ones that share enough words are paired and diffed word by word; the rest are shown as
//! removed and added. Words are runs of letters and digits in any script (apostrophes inside a
//! word included), every other non-space character is a token of its own, and whitespace rides
//! along with the token before it: spacing and line wrapping alone never count as word changes,
//! yet every byte of both texts is kept in the result.
//!
//! The result ([`Diff`]) is shaped for drawing, inline or side by side, from the same data:
//!
//! ```text
//! Diff { hunks, stats: DiffStats, coarse }
//!   Hunk { old: LineRange, new: LineRange, paragraphs }      one changed region plus context
//!     ParagraphChange { kind, old_lines, new_lines, spans } one row: Unchanged/Modified/Added/Removed
//!       Span { kind: Equal | Insert | Delete, old, new }    exact text of each side
//! ```
//!
//! Line ranges are 1-based and count whole lines, so a hunk applies to the old text like a
//! patch. [`render_text`] prints a diff for a terminal in the style of `git diff --word-diff`.
//!
//! The whole diff runs within a deadline (100 ms by default, [`DiffOptions::deadline`]). When it
//! runs out, the remaining regions are compared at paragraph level only and [`Diff::coarse`] is
//! set; the result is still a correct diff.
//!
//! ```
//! use galley_core::diff::{diff_texts, render_text, RenderStyle};
//!
//! let diff = diff_texts("The quick fox.\n", "The slow fox.\n");
//! assert_eq!(diff.stats.summary(), "+1 word, \u{2212}1 word, 1 paragraph changed");
//! assert_eq!(
//!     render_text(&diff, RenderStyle::Plain),
//!     "@@ -1,1 +1,1 @@\nThe [-quick-]{+slow+} fox.\n"
//! );
//! ```

mod blocks;
mod budget;
mod engine;
mod fields;
mod model;
mod pairing;
mod render;
mod tokens;
mod words;

pub(crate) use blocks::split_blocks;
pub use fields::{diff_drafts, DraftDiff, FieldChange};
pub use model::{
    Diff, DiffOptions, DiffStats, Hunk, LineRange, ParagraphChange, ParagraphKind, Span, SpanKind,
};
pub use render::{render_text, RenderStyle};

/// Diffs two texts with the default options.
pub fn diff_texts(old: &str, new: &str) -> Diff {
    diff_texts_with(old, new, &DiffOptions::default())
}

/// Diffs two texts.
pub fn diff_texts_with(old: &str, new: &str, options: &DiffOptions) -> Diff {
    engine::diff(old, new, options)
}
