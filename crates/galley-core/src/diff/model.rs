//! The diff's data: plain Rust values a shell can convert to whatever it draws with.

use std::time::Duration;

/// How a diff is computed. `DiffOptions::default()` is what [`super::diff_texts`] uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOptions {
    /// Wall-clock budget for the whole diff. When it runs out, what is left is compared at
    /// paragraph level only (whole paragraphs deleted and inserted) and [`Diff::coarse`] is set.
    pub deadline: Duration,
    /// Unchanged paragraphs kept around each change as context.
    pub context: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions {
            deadline: Duration::from_millis(100),
            context: 1,
        }
    }
}

/// The difference between two texts.
///
/// `hunks` hold only the changed regions (plus context), in order. Like a patch, each hunk's old
/// side is exactly the old text's lines `hunk.old`, and its new side exactly the new text's lines
/// `hunk.new`, so the texts can be rebuilt from one another and the hunks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub hunks: Vec<Hunk>,
    pub stats: DiffStats,
    /// True when the deadline ran out and some regions were compared only at paragraph level:
    /// still a correct diff, just with less detail than it could have.
    pub coarse: bool,
}

impl Diff {
    /// True only when the two texts are byte-for-byte identical.
    pub fn is_empty(&self) -> bool {
        self.hunks.is_empty()
    }
}

/// A line range in one of the texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineRange {
    /// 1-based number of the first line. For an empty range (`count == 0`), the number the next
    /// line would have: the range sits just before that line.
    pub start: usize,
    pub count: usize,
}

/// One changed region: consecutive paragraphs, changed ones plus up to `context` unchanged ones
/// on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub old: LineRange,
    pub new: LineRange,
    pub paragraphs: Vec<ParagraphChange>,
}

impl Hunk {
    /// The hunk's old side: exactly the old text's lines `self.old`.
    pub fn old_text(&self) -> String {
        self.paragraphs
            .iter()
            .map(ParagraphChange::old_text)
            .collect()
    }

    /// The hunk's new side: exactly the new text's lines `self.new`.
    pub fn new_text(&self) -> String {
        self.paragraphs
            .iter()
            .map(ParagraphChange::new_text)
            .collect()
    }
}

/// What happened to a paragraph. A paragraph is a run of non-blank lines together with the blank
/// lines that follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Context: identical on both sides.
    Unchanged,
    /// Present on both sides with edits. The edits may be whitespace only, in which case all
    /// spans are `Equal` (see [`ParagraphChange::has_word_changes`]).
    Modified,
    /// Only in the new text: one `Insert` span.
    Added,
    /// Only in the old text: one `Delete` span.
    Removed,
}

/// One row of the diff: a paragraph on the old side, the new side, or both.
///
/// Drawing inline: print each span's [`Span::text`], striking `Delete` and tinting `Insert`.
/// Drawing side by side: the old column is the `old` of every span (`Equal` and `Delete`), the
/// new column the `new` of every span (`Equal` and `Insert`); one row per `ParagraphChange`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphChange {
    pub kind: ParagraphKind,
    /// Where the paragraph is in the old text (`count == 0` for `Added`).
    pub old_lines: LineRange,
    /// Where the paragraph is in the new text (`count == 0` for `Removed`).
    pub new_lines: LineRange,
    pub spans: Vec<Span>,
}

impl ParagraphChange {
    pub fn old_text(&self) -> String {
        self.spans.iter().map(|s| s.old.as_str()).collect()
    }

    pub fn new_text(&self) -> String {
        self.spans.iter().map(|s| s.new.as_str()).collect()
    }

    /// False for unchanged paragraphs and for paragraphs whose only edits are whitespace.
    pub fn has_word_changes(&self) -> bool {
        self.spans.iter().any(|s| s.kind != SpanKind::Equal)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Equal,
    Insert,
    Delete,
}

/// A piece of a paragraph, with its text on each side.
///
/// Invariants: `Insert` has an empty `old`, `Delete` an empty `new`. `Equal` has the same words
/// and punctuation on both sides; its `old` and `new` differ only if whitespace changed.
/// Whitespace is kept exactly, so concatenating the `old`s of a paragraph's spans gives the old
/// paragraph byte for byte, and the `new`s the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub kind: SpanKind,
    pub old: String,
    pub new: String,
}

impl Span {
    /// The text to show in an inline view: the old text for `Delete`, the new text otherwise.
    pub fn text(&self) -> &str {
        match self.kind {
            SpanKind::Delete => &self.old,
            SpanKind::Equal | SpanKind::Insert => &self.new,
        }
    }
}

/// Counts for a history listing. Words are runs of letters and digits; punctuation and
/// whitespace are not words. A paragraph counts as changed when a word or punctuation mark in it
/// was added, removed or replaced, or when the whole paragraph was added or removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffStats {
    pub words_added: usize,
    pub words_removed: usize,
    pub paragraphs_changed: usize,
}

impl DiffStats {
    /// For example "+38 words, −12 words, 3 paragraphs changed" (the minus is U+2212).
    pub fn summary(&self) -> String {
        format!(
            "+{}, \u{2212}{}, {} changed",
            counted(self.words_added, "word", "words"),
            counted(self.words_removed, "word", "words"),
            counted(self.paragraphs_changed, "paragraph", "paragraphs"),
        )
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
