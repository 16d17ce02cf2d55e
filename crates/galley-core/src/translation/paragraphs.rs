//! Paragraph alignment through the source's own history.
//!
//! At the base, source paragraph `i` corresponds to translation paragraph `i` (translations keep
//! the paragraph structure). Comparing the source body at the base with the source body now says
//! what became of each base paragraph, and so which translation paragraph each change concerns:
//!
//! 1. identical paragraphs in the same order (longest common subsequence) are unchanged;
//! 2. an identical paragraph left over on both sides is out of order: moved;
//! 3. between two unchanged paragraphs, leftovers that share enough words are the same
//!    paragraph edited: changed;
//! 4. leftovers elsewhere that are nearly identical were moved and lightly edited: moved;
//! 5. whatever is still left was removed (base side) or added (now side).

use crate::diff::split_blocks;
use std::collections::HashMap;

/// A paragraph: a run of non-blank lines, joined with `\n`, trailing spaces dropped. The runs
/// are the diff's paragraphs (`diff::split_blocks`), so a translation and a diff never
/// disagree about where a paragraph ends.
pub fn split_paragraphs(body: &str) -> Vec<String> {
    split_blocks(body)
        .iter()
        .map(|block| block.content(body))
        .filter(|content| !content.is_empty())
        .map(|content| {
            content
                .lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// What happened to one source paragraph between the base and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphChangeKind {
    /// Same place, different text.
    Changed,
    /// New since the base: no translation paragraph corresponds to it yet.
    Added,
    /// Gone since the base: its translation paragraph should go too.
    Removed,
    /// At another position now (possibly lightly edited, see `edited`).
    Moved,
}

impl ParagraphChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphChangeKind::Changed => "changed",
            ParagraphChangeKind::Added => "added",
            ParagraphChangeKind::Removed => "removed",
            ParagraphChangeKind::Moved => "moved",
        }
    }
}

/// One changed source paragraph, mapped to the translation. Indices are 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphChange {
    pub kind: ParagraphChangeKind,
    /// Its index in the source body at the base (`None` for `Added`).
    pub base: Option<usize>,
    /// Its index in the source body now (`None` for `Removed`).
    pub now: Option<usize>,
    /// The translation paragraph that corresponds to it: the one at the base index, when the
    /// translation has that many paragraphs.
    pub translation: Option<usize>,
    /// For `Added`: the translation paragraph it follows (the base paragraph before it that is
    /// still there), `None` when it comes first.
    pub after_translation: Option<usize>,
    /// For `Moved`: whether its text changed as well.
    pub edited: bool,
}

/// Similarity at or above which leftovers between the same unchanged paragraphs are paired as
/// one edited paragraph.
const CHANGED_SIMILARITY: f64 = 0.3;
/// Similarity at or above which leftovers at different places count as a moved paragraph.
const MOVED_SIMILARITY: f64 = 0.8;

/// Aligns the source body at the base with the source body now. `translation_paragraphs` is how
/// many paragraphs the translation has (to say which exist). Changes come in order of the source
/// now, removals at the place they were.
pub fn align(
    base: &[String],
    now: &[String],
    translation_paragraphs: usize,
) -> Vec<ParagraphChange> {
    // base index -> now index, and what kind of pairing it is
    let mut pair_of_base: Vec<Option<(usize, Option<ParagraphChangeKind>)>> =
        vec![None; base.len()];
    let mut paired_now = vec![false; now.len()];

    // 1. unchanged: longest common subsequence of identical paragraphs
    for (b, n) in lcs(base, now) {
        pair_of_base[b] = Some((n, None));
        paired_now[n] = true;
    }
    // gap g = the stretch after the g-th anchor (0 = before the first)
    let gap_base = gaps(base.len(), pair_of_base.iter().map(|p| p.is_some()));
    let gap_now = gaps(now.len(), paired_now.iter().copied());

    // 2. identical but out of order: moved
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, text) in now.iter().enumerate() {
        if !paired_now[n] {
            by_text.entry(text.as_str()).or_default().push(n);
        }
    }
    for b in 0..base.len() {
        if pair_of_base[b].is_some() {
            continue;
        }
        if let Some(candidates) = by_text.get_mut(base[b].as_str()) {
            if !candidates.is_empty() {
                let n = candidates.remove(0);
                pair_of_base[b] = Some((n, Some(ParagraphChangeKind::Moved)));
                paired_now[n] = true;
            }
        }
    }

    // 3. and 4. similar leftovers: in the same gap they changed, elsewhere they moved
    // Only leftovers are compared, and pairing only ever removes leftovers: the words of
    // paragraphs already paired are never looked at.
    let leftover_words = |texts: &[String], paired: &dyn Fn(usize) -> bool| -> Vec<Vec<String>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, p)| if paired(i) { Vec::new() } else { words(p) })
            .collect()
    };
    let words_base = leftover_words(base, &|b| pair_of_base[b].is_some());
    let words_now = leftover_words(now, &|n| paired_now[n]);
    for same_gap in [true, false] {
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for b in (0..base.len()).filter(|&b| pair_of_base[b].is_none()) {
            for n in (0..now.len()).filter(|&n| !paired_now[n]) {
                if (gap_base[b] == gap_now[n]) != same_gap {
                    continue;
                }
                let score = similarity(&words_base[b], &words_now[n]);
                let threshold = if same_gap {
                    CHANGED_SIMILARITY
                } else {
                    MOVED_SIMILARITY
                };
                if score >= threshold {
                    candidates.push((score, b, n));
                }
            }
        }
        // best pairs first; ties go to the earliest paragraphs
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, b, n) in candidates {
            if pair_of_base[b].is_none() && !paired_now[n] {
                let kind = if same_gap {
                    ParagraphChangeKind::Changed
                } else {
                    ParagraphChangeKind::Moved
                };
                pair_of_base[b] = Some((n, Some(kind)));
                paired_now[n] = true;
            }
        }
    }

    // 5. report, in the order of the source now, removals where they were
    let mut base_of_now: Vec<Option<usize>> = vec![None; now.len()];
    for (b, pair) in pair_of_base.iter().enumerate() {
        if let Some((n, _)) = pair {
            base_of_now[*n] = Some(b);
        }
    }
    let exists = |b: usize| (b < translation_paragraphs).then_some(b);
    let mut changes = Vec::new();
    let mut next_base = 0;
    let mut last_kept: Option<usize> = None;
    for n in 0..now.len() {
        match base_of_now[n] {
            Some(b) => {
                // removals that sat before this paragraph's base position
                while next_base <= b {
                    if pair_of_base[next_base].is_none() {
                        changes.push(removed(next_base, exists(next_base)));
                    }
                    next_base += 1;
                }
                if let Some((_, Some(kind))) = pair_of_base[b] {
                    changes.push(ParagraphChange {
                        kind,
                        base: Some(b),
                        now: Some(n),
                        translation: exists(b),
                        after_translation: None,
                        edited: base[b] != now[n],
                    });
                }
                last_kept = Some(b);
            }
            None => changes.push(ParagraphChange {
                kind: ParagraphChangeKind::Added,
                base: None,
                now: Some(n),
                translation: None,
                after_translation: last_kept.and_then(exists),
                edited: false,
            }),
        }
    }
    for (b, pair) in pair_of_base.iter().enumerate().skip(next_base) {
        if pair.is_none() {
            changes.push(removed(b, exists(b)));
        }
    }
    changes
}

/// Share of a removed paragraph's words that must reappear in its changed neighbour (beyond the
/// neighbour's own words) for the two to count as merged into one.
const MERGED_CONTAINMENT: f64 = 0.6;

/// Removed base paragraphs whose text went into the changed paragraph next to them: a merge of
/// two paragraphs shows up in [`align`] as one changed and one removed. Returns (the removed
/// paragraph's base index, the merged paragraph's index now), in base order.
pub fn merged_into(
    base: &[String],
    now: &[String],
    changes: &[ParagraphChange],
) -> Vec<(usize, usize)> {
    let changed_at = |b: usize| {
        changes.iter().find_map(|c| match (c.kind, c.base, c.now) {
            (ParagraphChangeKind::Changed, Some(cb), Some(n)) if cb == b => Some(n),
            _ => None,
        })
    };
    let mut merges = Vec::new();
    for change in changes {
        let (ParagraphChangeKind::Removed, Some(b)) = (change.kind, change.base) else {
            continue;
        };
        let neighbours = [b.checked_sub(1), Some(b + 1)];
        let merged = neighbours.into_iter().flatten().find_map(|nb| {
            let n = changed_at(nb)?;
            let removed = words(base.get(b)?);
            let rest = without(&words(now.get(n)?), &words(base.get(nb)?));
            (containment(&removed, &rest) >= MERGED_CONTAINMENT).then_some(n)
        });
        if let Some(n) = merged {
            merges.push((b, n));
        }
    }
    merges
}

/// The words of `all` (sorted) once those of `taken` (sorted) are taken out, as multisets.
fn without(all: &[String], taken: &[String]) -> Vec<String> {
    let mut rest = Vec::with_capacity(all.len());
    let mut j = 0;
    for word in all {
        while j < taken.len() && taken[j] < *word {
            j += 1;
        }
        if j < taken.len() && taken[j] == *word {
            j += 1;
        } else {
            rest.push(word.clone());
        }
    }
    rest
}

/// How much of `part` (sorted words) occurs in `whole` (sorted words): 0.0 to 1.0.
fn containment(part: &[String], whole: &[String]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    part.len().saturating_sub(without(part, whole).len()) as f64 / part.len() as f64
}

fn removed(b: usize, translation: Option<usize>) -> ParagraphChange {
    ParagraphChange {
        kind: ParagraphChangeKind::Removed,
        base: Some(b),
        now: None,
        translation,
        after_translation: None,
        edited: false,
    }
}

/// Pairs (base, now) of a longest common subsequence of identical paragraphs.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// For each position, how many anchored (unchanged) paragraphs come before it.
fn gaps(len: usize, anchored: impl Iterator<Item = bool>) -> Vec<usize> {
    let mut out = Vec::with_capacity(len);
    let mut count = 0;
    for is_anchor in anchored {
        out.push(count);
        if is_anchor {
            count += 1;
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words
}

/// Dice coefficient over word multisets (both sorted): 1.0 for the same words, 0.0 for none
/// in common.
fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}
