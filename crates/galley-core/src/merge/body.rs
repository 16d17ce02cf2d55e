//! The body of a draft, merged paragraph by paragraph.
//!
//! Paragraphs (blank-line separated blocks) are compared by their words only, so re-wrapping
//! one is not a change of its identity. Each side is paired with the base the way translations
//! follow their source (`translation::align`: identical paragraphs in order, then edited ones
//! in the same place). Base paragraphs kept by both sides are anchors: each is merged on its own,
//! and each stretch between two anchors is merged as a whole.

use super::{three_way, ParagraphConflict};
use crate::translation::{align, ParagraphChangeKind};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// One paragraph as it is in the file.
struct Paragraph<'a> {
    /// The line end and blank lines between the previous paragraph and this one.
    lead: &'a str,
    /// Its lines, without the last line's terminator.
    raw: &'a str,
    /// Its words joined by single spaces: equal however the paragraph is wrapped.
    words: String,
}

struct Body<'a> {
    paragraphs: Vec<Paragraph<'a>>,
    /// Everything before the first paragraph.
    head: &'a str,
    /// Everything after the last paragraph (the whole body when it has none).
    tail: &'a str,
    eol: &'static str,
}

fn split(body: &str) -> Body<'_> {
    let mut paragraphs = Vec::new();
    let mut previous_end = 0;
    let mut open: Option<(usize, usize)> = None; // start, content end of the last line
    let mut pos = 0;
    while pos < body.len() {
        let end = body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1);
        let content = body[pos..end].trim_end_matches(['\n', '\r']);
        let content_end = pos + content.len();
        if content.trim().is_empty() {
            if let Some((start, last)) = open.take() {
                paragraphs.push(paragraph(body, previous_end, start, last));
                previous_end = last;
            }
        } else {
            let start = open.map_or(pos, |(start, _)| start);
            open = Some((start, content_end));
        }
        pos = end;
    }
    if let Some((start, last)) = open {
        paragraphs.push(paragraph(body, previous_end, start, last));
        previous_end = last;
    }
    let head = paragraphs.first().map_or("", |p| p.lead);
    Body {
        head,
        tail: &body[previous_end..],
        paragraphs,
        eol: if body.contains("\r\n") { "\r\n" } else { "\n" },
    }
}

fn paragraph(body: &str, previous_end: usize, start: usize, end: usize) -> Paragraph<'_> {
    let raw = &body[start..end];
    Paragraph {
        lead: &body[previous_end..start],
        raw,
        words: raw.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Ours,
    Theirs,
}

/// A paragraph of the result: which side's text, and its index there.
#[derive(Clone, Copy)]
struct Pick {
    side: Side,
    index: usize,
}

/// Above this many base × side paragraph pairs the bodies merge as a whole: pairing keeps a
/// table that large (4 bytes a cell), and a file from another machine must not make git's
/// merge driver run out of memory. Thousands of paragraphs on each side still merge by paragraph.
const ALIGN_LIMIT: usize = 4_000_000;

pub(crate) struct BodyMerge {
    pub text: String,
    pub conflicts: Vec<ParagraphConflict>,
}

/// `take_theirs` names conflicts (by their place among those found) settled with theirs.
pub(crate) fn merge_body(
    base: &str,
    ours: &str,
    theirs: &str,
    take_theirs: &BTreeSet<usize>,
) -> BodyMerge {
    let (base, ours, theirs) = (split(base), split(ours), split(theirs));
    let words =
        |body: &Body| -> Vec<String> { body.paragraphs.iter().map(|p| p.words.clone()).collect() };
    let base_words = words(&base);
    let too_many =
        |side: &Body| base.paragraphs.len().saturating_mul(side.paragraphs.len()) > ALIGN_LIMIT;
    let (ours_pair, theirs_pair) = if too_many(&ours) || too_many(&theirs) {
        // No anchors: the whole body is one stretch, merged only when a side left it alone.
        (vec![None; base_words.len()], vec![None; base_words.len()])
    } else {
        (
            pairing(&base_words, &words(&ours)),
            pairing(&base_words, &words(&theirs)),
        )
    };

    // A paragraph one side removed and the other left alone is gone before anything else, so
    // that it never ties together the changes around it.
    let mut base_kept: Vec<usize> = Vec::new();
    let (mut ours_dropped, mut theirs_dropped) = (Vec::new(), Vec::new());
    for (b, (o, t)) in ours_pair.iter().zip(&theirs_pair).enumerate() {
        let untouched =
            |side: &Body, n: usize| side.paragraphs[n].words == base.paragraphs[b].words;
        match (*o, *t) {
            (Some(o), None) if untouched(&ours, o) => ours_dropped.push(o),
            (None, Some(t)) if untouched(&theirs, t) => theirs_dropped.push(t),
            _ => base_kept.push(b),
        }
    }
    let kept = |side: &Body, dropped: &[usize]| -> Vec<usize> {
        (0..side.paragraphs.len())
            .filter(|n| !dropped.contains(n))
            .collect()
    };
    let (ours_kept, theirs_kept) = (kept(&ours, &ours_dropped), kept(&theirs, &theirs_dropped));
    let position = |list: &[usize], n: usize| list.iter().position(|&k| k == n);

    let mut merger = Merger {
        base: &base,
        ours: &ours,
        theirs: &theirs,
        picks: Vec::new(),
        conflicts: Vec::new(),
        take_theirs,
    };
    let mut cursor = (0, 0, 0);
    for (pb, &b) in base_kept.iter().enumerate() {
        let (Some(po), Some(pt)) = (
            ours_pair[b].and_then(|o| position(&ours_kept, o)),
            theirs_pair[b].and_then(|t| position(&theirs_kept, t)),
        ) else {
            continue;
        };
        merger.stretch(
            &base_kept[cursor.0..pb],
            &ours_kept[cursor.1..po],
            &theirs_kept[cursor.2..pt],
        );
        merger.stretch(
            &base_kept[pb..=pb],
            &ours_kept[po..=po],
            &theirs_kept[pt..=pt],
        );
        cursor = (pb + 1, po + 1, pt + 1);
    }
    merger.stretch(
        &base_kept[cursor.0..],
        &ours_kept[cursor.1..],
        &theirs_kept[cursor.2..],
    );
    let text = merger.render();
    BodyMerge {
        text,
        conflicts: merger.conflicts,
    }
}

/// For each base paragraph, the side's paragraph that is it (kept or edited in place), in
/// increasing order; moved paragraphs count as removed and added.
fn pairing(base: &[String], side: &[String]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; base.len()];
    let mut base_changed = vec![false; base.len()];
    let mut side_changed = vec![false; side.len()];
    for change in align(base, side, base.len()) {
        if let Some(seen) = change.base.and_then(|b| base_changed.get_mut(b)) {
            *seen = true;
        }
        if let Some(seen) = change.now.and_then(|n| side_changed.get_mut(n)) {
            *seen = true;
        }
        if let (ParagraphChangeKind::Changed, Some(b), Some(n)) =
            (change.kind, change.base, change.now)
        {
            if let Some(pair) = pairs.get_mut(b) {
                *pair = Some(n);
            }
        }
    }
    // `align` reports only changes: the rest are the unchanged paragraphs, in the same order.
    let mut unchanged = (0..side.len()).filter(|&n| !side_changed[n]);
    for (pair, changed) in pairs.iter_mut().zip(&base_changed) {
        if !changed {
            *pair = unchanged.next();
        }
    }
    let mut last: Option<usize> = None;
    for pair in &mut pairs {
        if let Some(n) = *pair {
            if last.is_some_and(|last| n <= last) {
                *pair = None;
            } else {
                last = Some(n);
            }
        }
    }
    pairs
}

struct Merger<'m, 'a> {
    base: &'m Body<'a>,
    ours: &'m Body<'a>,
    theirs: &'m Body<'a>,
    picks: Vec<Pick>,
    conflicts: Vec<ParagraphConflict>,
    take_theirs: &'m BTreeSet<usize>,
}

impl Merger<'_, '_> {
    /// Merges the base paragraphs `b` with what each side has in their place (indices).
    fn stretch(&mut self, b: &[usize], o: &[usize], t: &[usize]) {
        let texts = |body: &Body, list: &[usize], raw: bool| -> Vec<String> {
            list.iter()
                .map(|&i| {
                    let p = &body.paragraphs[i];
                    if raw {
                        p.raw.to_string()
                    } else {
                        p.words.clone()
                    }
                })
                .collect()
        };
        if b.is_empty() && o.is_empty() && t.is_empty() {
            return;
        }
        let picks_of = |side, list: &[usize]| -> Vec<Pick> {
            list.iter().map(|&index| Pick { side, index }).collect()
        };
        // Exact text first, so that a side that only re-wrapped keeps its wrapping when the
        // other side left the paragraph alone; then words.
        let raw = |body, list| texts(body, list, true);
        let words = |body, list| texts(body, list, false);
        let (raw_b, raw_o, raw_t) = (raw(self.base, b), raw(self.ours, o), raw(self.theirs, t));
        let (words_b, words_o, words_t) = (
            words(self.base, b),
            words(self.ours, o),
            words(self.theirs, t),
        );
        let chosen = three_way(&raw_b, &raw_o, &raw_t, |x, y| x == y)
            .map(|c| std::ptr::eq(c, &raw_o))
            .or_else(|| {
                three_way(&words_b, &words_o, &words_t, |x, y| x == y)
                    .map(|c| std::ptr::eq(c, &words_o))
            });
        match chosen {
            Some(true) => self.picks.extend(picks_of(Side::Ours, o)),
            Some(false) => self.picks.extend(picks_of(Side::Theirs, t)),
            None if b.is_empty() => {
                // Both added paragraphs here: keep both, ours first; one both added, once.
                self.picks.extend(picks_of(Side::Ours, o));
                let theirs_only: Vec<usize> = t
                    .iter()
                    .zip(&words_t)
                    .filter(|(_, words)| !words_o.contains(words))
                    .map(|(&i, _)| i)
                    .collect();
                self.picks.extend(picks_of(Side::Theirs, &theirs_only));
            }
            None => {
                let theirs_chosen = self.take_theirs.contains(&self.conflicts.len());
                let (side, list) = if theirs_chosen {
                    (Side::Theirs, t)
                } else {
                    (Side::Ours, o)
                };
                self.conflicts.push(ParagraphConflict {
                    merged_index: self.picks.len(),
                    merged_len: list.len(),
                    base: raw_b.join("\n\n"),
                    ours: raw_o.join("\n\n"),
                    theirs: raw_t.join("\n\n"),
                });
                self.picks.extend(picks_of(side, list));
            }
        }
    }

    fn body(&self, side: Side) -> &Body<'_> {
        match side {
            Side::Ours => self.ours,
            Side::Theirs => self.theirs,
        }
    }

    /// The merged body: ours' line ends; each paragraph keeps the blank lines that preceded it
    /// on its side, except the first, which gets the merged head.
    fn render(&self) -> String {
        let eol = self.ours.eol;
        let as_ours = |text: &str, side: Side| -> String {
            let from = self.body(side).eol;
            if from == eol {
                text.to_string()
            } else {
                convert_eol(text, eol).into_owned()
            }
        };
        // A side without paragraphs has no say on what goes before and after them.
        let ends = |body: &Body<'_>| -> (String, String) {
            let body = if body.paragraphs.is_empty() {
                self.base
            } else {
                body
            };
            (body.head.to_string(), body.tail.to_string())
        };
        let (base, ours, theirs) = (ends(self.base), ends(self.ours), ends(self.theirs));
        let pick = |b: &String, o: &String, t: &String| -> String {
            match three_way(b, o, t, |x, y| x == y) {
                Some(chosen) if std::ptr::eq(chosen, t) => as_ours(t, Side::Theirs),
                _ => as_ours(o, Side::Ours),
            }
        };
        let head = pick(&base.0, &ours.0, &theirs.0);
        let tail = pick(&base.1, &ours.1, &theirs.1);
        let mut out = String::new();
        if self.picks.is_empty() {
            // No paragraphs: the body is only blank lines.
            out.push_str(&as_ours(self.ours.tail, Side::Ours));
            return out;
        }
        for (k, pick) in self.picks.iter().enumerate() {
            let paragraph = &self.body(pick.side).paragraphs[pick.index];
            if k == 0 {
                out.push_str(&head);
            } else if pick.index == 0 {
                out.push_str(eol);
                out.push_str(eol);
            } else {
                out.push_str(&as_ours(paragraph.lead, pick.side));
            }
            out.push_str(&as_ours(paragraph.raw, pick.side));
        }
        out.push_str(&tail);
        out
    }
}

fn convert_eol<'t>(text: &'t str, eol: &str) -> Cow<'t, str> {
    let lf = text.replace("\r\n", "\n");
    if eol == "\n" {
        Cow::Owned(lf)
    } else {
        Cow::Owned(lf.replace('\n', eol))
    }
}
