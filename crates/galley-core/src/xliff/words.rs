//! Word counts of a job as CAT tools quote them: the source words of each unit, by how much
//! work the unit needs — new (no translation: "no match"), changed since the translation was
//! made (a fuzzy match to review) or unchanged (a 100% match). Words are counted by
//! `draft::count_words` over the text outside inline codes, as CAT tools leave tags out.

use super::inline::{protect, Piece};
use super::{ExportJob, UnitKind};
use crate::draft::count_words;

/// How much work a unit needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordMatch {
    /// No translation yet.
    New,
    /// The source changed since the translation was made (not only by minor edits).
    Changed,
    /// The translation stands.
    Unchanged,
}

impl WordMatch {
    pub fn as_str(self) -> &'static str {
        match self {
            WordMatch::New => "new",
            WordMatch::Changed => "changed",
            WordMatch::Unchanged => "unchanged",
        }
    }
}

/// One unit's source words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitWords {
    pub kind: UnitKind,
    pub words: usize,
    pub matched: WordMatch,
}

/// A job's source words, per unit and in total by kind of match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobWords {
    pub units: Vec<UnitWords>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl JobWords {
    pub fn total(&self) -> usize {
        self.new + self.changed + self.unchanged
    }

    /// The words a translator has to work on: new and changed.
    pub fn to_translate(&self) -> usize {
        self.new + self.changed
    }
}

/// The job's word counts.
pub fn job_words(job: &ExportJob) -> JobWords {
    let mut counts = JobWords::default();
    for unit in &job.source {
        let existing = job.target.iter().find(|t| t.kind == unit.kind);
        let matched = match existing {
            None => WordMatch::New,
            Some(t) if t.previous_source.is_some() => WordMatch::Changed,
            Some(_) => WordMatch::Unchanged,
        };
        let words = source_words(&unit.text);
        match matched {
            WordMatch::New => counts.new += words,
            WordMatch::Changed => counts.changed += words,
            WordMatch::Unchanged => counts.unchanged += words,
        }
        counts.units.push(UnitWords {
            kind: unit.kind,
            words,
            matched,
        });
    }
    counts
}

/// The words of a unit's Markdown as CAT tools count them: the text outside inline codes; a
/// standalone code (a line break, an image) separates words, paired codes (emphasis) do not.
pub fn source_words(text: &str) -> usize {
    let mut plain = String::with_capacity(text.len());
    for piece in protect(text) {
        match piece {
            Piece::Text(t) => plain.push_str(&t),
            Piece::Code { .. } => plain.push(' '),
            Piece::Open { .. } | Piece::Close { .. } => {}
        }
    }
    count_words(&plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_not_counted_and_line_breaks_separate_words() {
        assert_eq!(source_words("Гэта **не** апошняе слова."), 4);
        assert_eq!(
            source_words("See [our note](https://example.org/a-b-c)."),
            3
        );
        assert_eq!(source_words("- first\n- second"), 2);
        assert_eq!(source_words("`code --flag` stays out"), 2);
    }
}
