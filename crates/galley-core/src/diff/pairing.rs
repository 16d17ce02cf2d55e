//! Pairs the old and new paragraphs of a replaced region, so edited paragraphs get a word diff
//! and unrelated ones are shown as removed and added.
//!
//! Pairs keep their order on both sides (no crossing), and only paragraphs that share enough
//! words are paired. To stay linear, a paragraph is only compared with the new paragraphs near
//! its own position: an edit moves the pairing off the diagonal by at most the difference in
//! paragraph counts, and `SLACK` more for mixed insertions and removals.

use super::budget::Budget;
use super::tokens::Bag;

/// Dice similarity of the two bags of words at or above which paragraphs are paired.
const MIN_SIMILARITY: f64 = 0.4;
const SLACK: usize = 3;

#[derive(Debug, Clone, Copy)]
struct Candidate {
    old: usize,
    new: usize,
    weight: f64,
}

/// Pairs `(old index, new index)`, increasing on both sides, that maximise the summed
/// similarity. `None` when the budget ran out first.
pub(crate) fn pair_paragraphs(
    old: &[Bag],
    new: &[Bag],
    budget: &mut Budget,
) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 {
        return Some(Vec::new());
    }
    // Allowed values of `new index - old index` for a candidate.
    let slack = SLACK as isize;
    let lowest = (m.min(n) as isize - n as isize) - slack;
    let highest = (m.max(n) as isize - n as isize) + slack;
    let mut candidates = Vec::new();
    for (i, old_bag) in old.iter().enumerate() {
        if budget.exhausted() {
            return None;
        }
        let first = (i as isize + lowest).max(0) as usize;
        let last = (i as isize + highest).min(m as isize - 1) as usize;
        for (j, new_bag) in new.iter().enumerate().take(last + 1).skip(first) {
            let weight = similarity(old_bag, new_bag);
            if weight >= MIN_SIMILARITY {
                candidates.push(Candidate {
                    old: i,
                    new: j,
                    weight,
                });
            }
        }
    }
    Some(heaviest_chain(&candidates, m))
}

/// Dice coefficient of two bags: twice the shared items over all items.
fn similarity(a: &Bag, b: &Bag) -> f64 {
    let total = a.total + b.total;
    if total == 0 || (2 * a.total.min(b.total)) as f64 / (total as f64) < MIN_SIMILARITY {
        return 0.0;
    }
    // Without branches on the comparison: which side advances is data, not control flow, so
    // the merge does not stall on mispredictions (the order of words is unpredictable).
    let (a, b) = (&a.items, &b.items);
    let (mut x, mut y, mut shared) = (0, 0, 0u64);
    while x < a.len() && y < b.len() {
        let ((p, c), (q, d)) = (a[x], b[y]);
        shared += u64::from(p == q) * u64::from(c.min(d));
        x += usize::from(p <= q);
        y += usize::from(p >= q);
    }
    (2 * shared) as f64 / total as f64
}

/// The chain of candidates, strictly increasing in both indexes, with the largest total weight.
/// Candidates come sorted by old index, then new index. A Fenwick tree over new indexes keeps
/// the best chain ending below each index, so this is O(k log m) for k candidates.
fn heaviest_chain(candidates: &[Candidate], m: usize) -> Vec<(usize, usize)> {
    let mut tree: Vec<Option<(f64, usize)>> = vec![None; m + 1];
    let mut previous: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut best: Option<(f64, usize)> = None;
    let mut row_start = 0;
    while row_start < candidates.len() {
        let row = candidates[row_start].old;
        let row_len = candidates[row_start..]
            .iter()
            .take_while(|c| c.old == row)
            .count();
        // Right to left, so a candidate never chains onto another from its own row.
        for k in (row_start..row_start + row_len).rev() {
            let c = candidates[k];
            let before = best_below(&tree, c.new);
            let score = c.weight + before.map_or(0.0, |b| b.0);
            previous[k] = before.map(|b| b.1);
            record(&mut tree, c.new + 1, (score, k));
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, k));
            }
        }
        row_start += row_len;
    }
    let mut chain = Vec::new();
    let mut at = best.map(|b| b.1);
    while let Some(k) = at {
        chain.push((candidates[k].old, candidates[k].new));
        at = previous[k];
    }
    chain.reverse();
    chain
}

/// Best entry among tree positions `1..=end`, that is new indexes below `end`.
fn best_below(tree: &[Option<(f64, usize)>], end: usize) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    let mut p = end;
    while p > 0 {
        if let Some(entry) = tree[p] {
            if best.is_none_or(|b| entry.0 > b.0) {
                best = Some(entry);
            }
        }
        p &= p - 1;
    }
    best
}

fn record(tree: &mut [Option<(f64, usize)>], position: usize, entry: (f64, usize)) {
    let mut p = position;
    while p < tree.len() {
        if tree[p].is_none_or(|b| entry.0 > b.0) {
            tree[p] = Some(entry);
        }
        p += p & p.wrapping_neg();
    }
}
