//! The word-level diff inside one pair of paragraphs, turned into spans.

use similar::algorithms::{diff_slices_deadline, Capture, Replace};
use similar::{Algorithm, DiffOp};

use super::budget::Budget;
use super::model::{Span, SpanKind};
use super::tokens::Tokens;

/// One side of a paragraph pair: its text and its tokens.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
}

impl<'a> Side<'a> {
    /// Text of tokens `first..first + len` including the whitespace after the last one.
    fn run(&self, first: usize, len: usize) -> &'a str {
        match len {
            0 => "",
            _ => &self.text[self.tokens.start(first)..self.tokens.end(first + len - 1)],
        }
    }

    /// The whitespace after the token before `index`, if there is one.
    fn space_before(&self, index: usize) -> Option<&'a str> {
        let before = index.checked_sub(1).filter(|&i| i < self.tokens.len())?;
        Some(&self.text[self.tokens.key_end(before)..self.tokens.end(before)])
    }

    /// Like `run` but split into the tokens and the whitespace after the last one.
    fn run_and_space(&self, first: usize, len: usize) -> (&'a str, &'a str) {
        if len == 0 {
            return ("", "");
        }
        let last = first + len - 1;
        let key_end = self.tokens.key_end(last);
        (
            &self.text[self.tokens.start(first)..key_end],
            &self.text[key_end..self.tokens.end(last)],
        )
    }
}

#[derive(Debug, Default)]
pub(crate) struct WordDiff {
    pub spans: Vec<Span>,
    pub words_added: usize,
    pub words_removed: usize,
}

/// Diffs two paragraphs word by word. When the budget has run out, the pair is shown as the old
/// paragraph replaced by the new one.
pub(crate) fn diff_words(old: Side<'_>, new: Side<'_>, budget: &mut Budget) -> WordDiff {
    let (n, m) = (old.tokens.len(), new.tokens.len());
    let ops = if budget.exhausted() {
        vec![whole_replacement(n, m)]
    } else {
        // No `Compact` pass: it would slide an insertion after "поддержки." to before the
        // full stop, and it can be slow on large inputs.
        let mut capture = Replace::new(Capture::new());
        let outcome = diff_slices_deadline(
            Algorithm::Myers,
            &mut capture,
            &old.tokens.ids,
            &new.tokens.ids,
            budget.deadline(),
        );
        // Past the deadline, Myers hands back whatever it had not matched yet as replaced.
        budget.exhausted();
        match outcome {
            Ok(()) => capture.into_inner().into_ops(),
            Err(never) => match never {},
        }
    };

    let mut out = SpanBuilder::default();
    out.equal(&old.text[..old.tokens.lead], &new.text[..new.tokens.lead]);
    let mut words_added = 0;
    let mut words_removed = 0;
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.equal(old.run(old_index, len), new.run(new_index, len)),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => {
                let (words, space) = old.run_and_space(old_index, old_len);
                match old.space_before(old_index).zip(new.space_before(new_index)) {
                    // "Hello world. Bye.\n" -> "Hello world.\n": delete " Bye." rather than
                    // "Bye.\n", which an inline view would show on the next line.
                    Some((a, b)) if a != b && space == b && out.take_trailing_space(a, b) => {
                        out.push(SpanKind::Delete, a);
                        out.push(SpanKind::Delete, words);
                        out.equal(space, b);
                    }
                    _ => out.push(SpanKind::Delete, old.run(old_index, old_len)),
                }
                words_removed += old.tokens.words_in(old_index..old_index + old_len);
            }
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                let (words, space) = new.run_and_space(new_index, new_len);
                match old.space_before(old_index).zip(new.space_before(new_index)) {
                    Some((a, b)) if a != b && space == a && out.take_trailing_space(a, b) => {
                        out.push(SpanKind::Insert, b);
                        out.push(SpanKind::Insert, words);
                        out.equal(a, space);
                    }
                    _ => out.push(SpanKind::Insert, new.run(new_index, new_len)),
                }
                words_added += new.tokens.words_in(new_index..new_index + new_len);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // The space after a replaced run is shared context, not part of the change:
                // "[-quick-]{+slow+} fox" rather than "[-quick -]{+slow +}fox".
                let (old_words, old_space) = old.run_and_space(old_index, old_len);
                let (new_words, new_space) = new.run_and_space(new_index, new_len);
                out.push(SpanKind::Delete, old_words);
                out.push(SpanKind::Insert, new_words);
                out.equal(old_space, new_space);
                words_removed += old.tokens.words_in(old_index..old_index + old_len);
                words_added += new.tokens.words_in(new_index..new_index + new_len);
            }
        }
    }
    WordDiff {
        spans: out.spans,
        words_added,
        words_removed,
    }
}

fn whole_replacement(n: usize, m: usize) -> DiffOp {
    match (n, m) {
        (0, 0) => DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: 0,
        },
        (_, 0) => DiffOp::Delete {
            old_index: 0,
            old_len: n,
            new_index: 0,
        },
        (0, _) => DiffOp::Insert {
            old_index: 0,
            new_index: 0,
            new_len: m,
        },
        _ => DiffOp::Replace {
            old_index: 0,
            old_len: n,
            new_index: 0,
            new_len: m,
        },
    }
}

/// Collects spans, merging neighbours of the same kind and dropping empty ones.
#[derive(Default)]
struct SpanBuilder {
    spans: Vec<Span>,
}

impl SpanBuilder {
    fn equal(&mut self, old: &str, new: &str) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        match self.spans.last_mut() {
            Some(last) if last.kind == SpanKind::Equal => {
                last.old.push_str(old);
                last.new.push_str(new);
            }
            _ => self.spans.push(Span {
                kind: SpanKind::Equal,
                old: old.to_owned(),
                new: new.to_owned(),
            }),
        }
    }

    /// Removes `old` and `new` from the end of a trailing `Equal` span, if it ends with them.
    fn take_trailing_space(&mut self, old: &str, new: &str) -> bool {
        let Some(last) = self.spans.last_mut() else {
            return false;
        };
        if last.kind != SpanKind::Equal || !last.old.ends_with(old) || !last.new.ends_with(new) {
            return false;
        }
        last.old.truncate(last.old.len() - old.len());
        last.new.truncate(last.new.len() - new.len());
        if last.old.is_empty() && last.new.is_empty() {
            self.spans.pop();
        }
        true
    }

    fn push(&mut self, kind: SpanKind, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.spans.last_mut().filter(|s| s.kind == kind) {
            match kind {
                SpanKind::Delete => last.old.push_str(text),
                _ => last.new.push_str(text),
            }
            return;
        }
        let (old, new) = match kind {
            SpanKind::Delete => (text.to_owned(), String::new()),
            _ => (String::new(), text.to_owned()),
        };
        self.spans.push(Span { kind, old, new });
    }
}
