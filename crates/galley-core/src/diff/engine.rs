//! The diff itself: paragraphs first, then words inside paragraphs that were edited.
//!
//! 1. Both texts are split into paragraphs and each paragraph's content gets an id, so the
//!    paragraph diff compares integers and unchanged text costs one hash per paragraph.
//! 2. Where paragraphs were replaced, old and new ones are paired by shared words.
//! 3. Only paragraphs inside hunks are tokenised and diffed word by word.
//!
//! Every step checks the one budget; once it is spent, the rest is done at paragraph level.

use similar::algorithms::{diff_slices_deadline, Capture, Replace};
use similar::{Algorithm, DiffOp};

use super::blocks::{split_blocks, Block};
use super::budget::Budget;
use super::model::{
    Diff, DiffOptions, DiffStats, Hunk, LineRange, ParagraphChange, ParagraphKind, Span, SpanKind,
};
use super::pairing::pair_paragraphs;
use super::tokens::{Bag, Interner, Lexicon, Tokens};
use super::words::{diff_words, Side};

/// How a paragraph fares, by index into the old and new paragraph lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Unchanged(usize, usize),
    /// Same content, different blank lines after it.
    Respaced(usize, usize),
    Edited(usize, usize),
    Removed(usize),
    Added(usize),
}

struct Text<'a> {
    source: &'a str,
    blocks: Vec<Block>,
    /// Tokens of the paragraphs that needed them, filled on first use.
    tokens: Vec<Option<Tokens>>,
}

impl<'a> Text<'a> {
    fn new(source: &'a str) -> Self {
        let blocks = split_blocks(source);
        let tokens = vec![None; blocks.len()];
        Text {
            source,
            blocks,
            tokens,
        }
    }

    fn text(&self, index: usize) -> &'a str {
        self.blocks[index].text(self.source)
    }

    fn tokens(&mut self, index: usize, lexicon: &mut Lexicon<'a>) -> &Tokens {
        let text = self.blocks[index].text(self.source);
        self.tokens[index].get_or_insert_with(|| lexicon.tokenize(text))
    }

    /// Drops the tokens of a paragraph that is done with, so the memory serves the next ones
    /// rather than the process touching fresh pages.
    fn release(&mut self, index: usize) {
        self.tokens[index] = None;
    }

    fn lines(&self, index: usize) -> usize {
        self.blocks[index].line_count
    }
}

pub(crate) fn diff(old: &str, new: &str, options: &DiffOptions) -> Diff {
    if old == new {
        return Diff::default();
    }
    let mut budget = Budget::new(options.deadline);
    let mut old = Text::new(old);
    let mut new = Text::new(new);
    let mut lexicon = Lexicon::default();

    let items = align_paragraphs(&mut old, &mut new, &mut lexicon, &mut budget);
    let mut stats = DiffStats::default();
    let mut hunks = Vec::new();
    // Line numbers where the next item starts, advanced over the items between hunks.
    let (mut item, mut old_line, mut new_line) = (0, 1, 1);
    for (start, end) in hunk_ranges(&items, options.context) {
        for &skipped in &items[item..start] {
            old_line += item_old(skipped).map_or(0, |o| old.lines(o));
            new_line += item_new(skipped).map_or(0, |n| new.lines(n));
        }
        let hunk = build_hunk(
            &items[start..end],
            old_line,
            new_line,
            &mut old,
            &mut new,
            &mut lexicon,
            &mut budget,
            &mut stats,
        );
        old_line += hunk.old.count;
        new_line += hunk.new.count;
        item = end;
        hunks.push(hunk);
    }
    Diff {
        hunks,
        stats,
        coarse: budget.ran_out(),
    }
}

fn align_paragraphs<'a>(
    old: &mut Text<'a>,
    new: &mut Text<'a>,
    lexicon: &mut Lexicon<'a>,
    budget: &mut Budget,
) -> Vec<Item> {
    let mut ids = Interner::default();
    let mut keys = |text: &Text<'a>| -> Vec<u32> {
        text.blocks
            .iter()
            .map(|b| ids.id(b.content(text.source)))
            .collect()
    };
    let old_keys = keys(old);
    let new_keys = keys(new);

    let mut capture = Replace::new(Capture::new());
    // Patience anchors on paragraphs that occur once on each side, so paragraphs that repeat
    // (rules, empty list items, boilerplate) do not pull the alignment off.
    let outcome = diff_slices_deadline(
        Algorithm::Patience,
        &mut capture,
        &old_keys,
        &new_keys,
        budget.deadline(),
    );
    // Capture never fails; keep the match exhaustive rather than unwrapping.
    let ops = match outcome {
        Ok(()) => capture.into_inner().into_ops(),
        Err(never) => match never {},
    };
    budget.exhausted();

    let mut items = Vec::with_capacity(old_keys.len().max(new_keys.len()));
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => items.extend((0..len).map(|k| {
                let (o, n) = (old_index + k, new_index + k);
                if old.text(o) == new.text(n) {
                    Item::Unchanged(o, n)
                } else {
                    Item::Respaced(o, n)
                }
            })),
            DiffOp::Delete {
                old_index, old_len, ..
            } => items.extend((old_index..old_index + old_len).map(Item::Removed)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => items.extend((new_index..new_index + new_len).map(Item::Added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pair_region(
                old_index..old_index + old_len,
                new_index..new_index + new_len,
                old,
                new,
                lexicon,
                budget,
                &mut items,
            ),
        }
    }
    items
}

/// Items for a replaced region: paired paragraphs as edits, the others removed or added,
/// removals before additions between two pairs.
fn pair_region<'a>(
    old_range: std::ops::Range<usize>,
    new_range: std::ops::Range<usize>,
    old: &mut Text<'a>,
    new: &mut Text<'a>,
    lexicon: &mut Lexicon<'a>,
    budget: &mut Budget,
    items: &mut Vec<Item>,
) {
    let pairs = if budget.exhausted() {
        None
    } else {
        let mut counts = Vec::new();
        let old_bags: Vec<Bag> = old_range
            .clone()
            .map(|i| old.tokens(i, lexicon).bag(&mut counts))
            .collect();
        let new_bags: Vec<Bag> = new_range
            .clone()
            .map(|j| new.tokens(j, lexicon).bag(&mut counts))
            .collect();
        pair_paragraphs(&old_bags, &new_bags, budget)
    };
    let pairs = pairs.unwrap_or_default();

    let (mut next_old, mut next_new) = (old_range.start, new_range.start);
    let ends = std::iter::once((
        old_range.end - old_range.start,
        new_range.end - new_range.start,
    ));
    for (i, j) in pairs.iter().copied().chain(ends) {
        let (o, n) = (old_range.start + i, new_range.start + j);
        items.extend((next_old..o).map(Item::Removed));
        items.extend((next_new..n).map(Item::Added));
        if o < old_range.end && n < new_range.end {
            items.push(Item::Edited(o, n));
        }
        (next_old, next_new) = (o + 1, n + 1);
    }
}

/// Item index ranges `[start, end)` of the hunks: each change with up to `context` unchanged
/// items around it, merging changes whose context would touch or overlap.
fn hunk_ranges(items: &[Item], context: usize) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if matches!(item, Item::Unchanged(..)) {
            continue;
        }
        let start = index.saturating_sub(context);
        let end = (index + 1 + context).min(items.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

/// Builds one hunk; `old_line` and `new_line` are the 1-based line numbers its first item
/// starts at.
#[allow(clippy::too_many_arguments)]
fn build_hunk<'a>(
    hunk: &[Item],
    mut old_line: usize,
    mut new_line: usize,
    old: &mut Text<'a>,
    new: &mut Text<'a>,
    lexicon: &mut Lexicon<'a>,
    budget: &mut Budget,
    stats: &mut DiffStats,
) -> Hunk {
    let (old_start, new_start) = (old_line, new_line);
    let mut paragraphs = Vec::with_capacity(hunk.len());
    for &item in hunk {
        let (kind, spans) = item_spans(item, old, new, lexicon, budget, stats);
        // Every paragraph is in exactly one item.
        item_old(item).inspect(|&o| old.release(o));
        item_new(item).inspect(|&n| new.release(n));
        let old_count = item_old(item).map_or(0, |o| old.lines(o));
        let new_count = item_new(item).map_or(0, |n| new.lines(n));
        paragraphs.push(ParagraphChange {
            kind,
            old_lines: LineRange {
                start: old_line,
                count: old_count,
            },
            new_lines: LineRange {
                start: new_line,
                count: new_count,
            },
            spans,
        });
        old_line += old_count;
        new_line += new_count;
    }
    Hunk {
        old: LineRange {
            start: old_start,
            count: old_line - old_start,
        },
        new: LineRange {
            start: new_start,
            count: new_line - new_start,
        },
        paragraphs,
    }
}

fn item_old(item: Item) -> Option<usize> {
    match item {
        Item::Unchanged(o, _) | Item::Respaced(o, _) | Item::Edited(o, _) | Item::Removed(o) => {
            Some(o)
        }
        Item::Added(_) => None,
    }
}

fn item_new(item: Item) -> Option<usize> {
    match item {
        Item::Unchanged(_, n) | Item::Respaced(_, n) | Item::Edited(_, n) | Item::Added(n) => {
            Some(n)
        }
        Item::Removed(_) => None,
    }
}

fn item_spans<'a>(
    item: Item,
    old: &mut Text<'a>,
    new: &mut Text<'a>,
    lexicon: &mut Lexicon<'a>,
    budget: &mut Budget,
    stats: &mut DiffStats,
) -> (ParagraphKind, Vec<Span>) {
    let span = |kind, old: &str, new: &str| Span {
        kind,
        old: old.to_owned(),
        new: new.to_owned(),
    };
    match item {
        Item::Unchanged(o, _) => (
            ParagraphKind::Unchanged,
            vec![span(SpanKind::Equal, old.text(o), old.text(o))],
        ),
        Item::Respaced(o, n) => (
            ParagraphKind::Modified,
            vec![span(SpanKind::Equal, old.text(o), new.text(n))],
        ),
        Item::Removed(o) => {
            stats.words_removed += old.tokens(o, lexicon).word_count();
            stats.paragraphs_changed += 1;
            (
                ParagraphKind::Removed,
                vec![span(SpanKind::Delete, old.text(o), "")],
            )
        }
        Item::Added(n) => {
            stats.words_added += new.tokens(n, lexicon).word_count();
            stats.paragraphs_changed += 1;
            (
                ParagraphKind::Added,
                vec![span(SpanKind::Insert, "", new.text(n))],
            )
        }
        Item::Edited(o, n) => {
            let (old_text, new_text) = (old.text(o), new.text(n));
            let old_tokens = old.tokens(o, lexicon);
            let new_tokens = new.tokens(n, lexicon);
            let words = diff_words(
                Side {
                    text: old_text,
                    tokens: old_tokens,
                },
                Side {
                    text: new_text,
                    tokens: new_tokens,
                },
                budget,
            );
            stats.words_added += words.words_added;
            stats.words_removed += words.words_removed;
            if words.spans.iter().any(|s| s.kind != SpanKind::Equal) {
                stats.paragraphs_changed += 1;
            }
            (ParagraphKind::Modified, words.spans)
        }
    }
}
