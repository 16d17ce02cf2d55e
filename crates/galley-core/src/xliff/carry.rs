//! The translation's units carried onto the source as it is now, through the paragraph map.
//!
//! A translation keeps the paragraph structure of the source text it was made from (its
//! base): translation paragraph `i` translates base paragraph `i`. When the source changed
//! since, [`crate::translation::align`] says what became of each base paragraph, and each unit
//! of the source now gets the translation of *its* base paragraph: unchanged and moved ones
//! as they were, changed ones with the previous source beside them (and, when the change is
//! not only minor edits, a state asking for review), added ones nothing. A paragraph merged
//! into its changed neighbour brings its translation along (`translation::merged_into`).

use super::{LeftOut, TargetState, TargetUnit, Unit, UnitKind};
use crate::draft::FrontMatter;
use crate::translation::{align, merged_into, ParagraphChangeKind};

/// The source at the translation's base.
#[derive(Clone, Debug)]
pub struct SourceBase {
    /// Its units, as [`super::units_of`] gives them.
    pub units: Vec<Unit>,
    /// True when the changes since are not only minor edits: changed units then ask for review.
    pub review: bool,
}

/// The translation's targets for the source's units now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    pub targets: Vec<TargetUnit>,
    /// True when paragraphs moved, were added or removed since the base: the translation's
    /// paragraphs are then laid out anew after the source's.
    pub restructured: bool,
    /// Translations of removed source paragraphs (not merged into another).
    pub left_out: Vec<LeftOut>,
}

/// Carries the translation (`front`, `body`) from `base` onto `source` (the source's units
/// now); `state` is the state of a translation that nothing changed.
pub fn carry(
    source: &[Unit],
    base: &SourceBase,
    front: &FrontMatter,
    body: &str,
    state: TargetState,
) -> Carried {
    let translation = super::segment::paragraphs_of(body);
    let base_paragraphs = paragraph_texts(&base.units);
    let now_paragraphs = paragraph_texts(source);
    let changes = align(&base_paragraphs, &now_paragraphs, translation.len());
    let merges = merged_into(&base_paragraphs, &now_paragraphs, &changes);
    let restructured = changes
        .iter()
        .any(|c| c.kind != ParagraphChangeKind::Changed);

    // now index -> base index: changes name theirs; the rest are unchanged, in order.
    let mut base_of_now: Vec<Option<usize>> = vec![None; now_paragraphs.len()];
    let mut base_taken = vec![false; base_paragraphs.len()];
    let mut now_taken = vec![false; now_paragraphs.len()];
    for change in &changes {
        if let Some(b) = change.base {
            base_taken[b] = true;
        }
        if let Some(n) = change.now {
            now_taken[n] = true;
            base_of_now[n] = change.base;
        }
    }
    let unchanged_base = (0..base_paragraphs.len()).filter(|&b| !base_taken[b]);
    let unchanged_now = (0..now_paragraphs.len()).filter(|&n| !now_taken[n]);
    for (b, n) in unchanged_base.zip(unchanged_now) {
        base_of_now[n] = Some(b);
    }

    let mut targets = Vec::new();
    for (kind, text, was) in [
        (
            UnitKind::Title,
            &front.title,
            unit_text(&base.units, UnitKind::Title),
        ),
        (
            UnitKind::Lead,
            &front.lead,
            unit_text(&base.units, UnitKind::Lead),
        ),
    ] {
        let now = unit_text(source, kind);
        if !text.is_empty() {
            targets.push(target(kind, text, state, (was != now).then_some(was), base));
        }
    }
    for (n, base_index) in base_of_now.iter().enumerate() {
        let Some(b) = *base_index else { continue };
        // The base paragraphs this unit stands for, in base order (more than one when merged).
        let mut from: Vec<usize> = merges
            .iter()
            .filter(|(_, into)| *into == n)
            .map(|(removed, _)| *removed)
            .chain([b])
            .collect();
        from.sort_unstable();
        let texts: Vec<&str> = from
            .iter()
            .filter_map(|&i| translation.get(i).map(String::as_str))
            .collect();
        if texts.is_empty() {
            continue;
        }
        let previous: Vec<&str> = from.iter().map(|&i| base_paragraphs[i].as_str()).collect();
        let previous = previous.join("\n\n");
        let changed = previous != now_paragraphs[n];
        // Merged translations become one paragraph: joined by a space, not a blank line.
        let text = texts.join(" ");
        let kind = UnitKind::Paragraph(n + 1);
        targets.push(target(
            kind,
            &text,
            state,
            changed.then_some(previous.as_str()),
            base,
        ));
    }
    // Translation paragraphs beyond the base's last one stay with the unit carrying it.
    if translation.len() > base_paragraphs.len() && !base_paragraphs.is_empty() {
        let last_base = base_paragraphs.len() - 1;
        let carrier = base_of_now.iter().position(|b| *b == Some(last_base));
        if let Some(unit) = carrier.and_then(|n| {
            targets
                .iter_mut()
                .find(|t| t.kind == UnitKind::Paragraph(n + 1))
        }) {
            for extra in &translation[base_paragraphs.len()..] {
                unit.text.push_str("\n\n");
                unit.text.push_str(extra);
            }
        }
    }
    let left_out = changes
        .iter()
        .filter(|c| c.kind == ParagraphChangeKind::Removed)
        .filter_map(|c| c.base)
        .filter(|b| !merges.iter().any(|(removed, _)| removed == b))
        .filter_map(|b| {
            Some(LeftOut {
                base_number: b + 1,
                source: base_paragraphs.get(b)?.clone(),
                translation: translation.get(b)?.clone(),
            })
        })
        .collect();
    Carried {
        targets,
        restructured,
        left_out,
    }
}

fn target(
    kind: UnitKind,
    text: &str,
    state: TargetState,
    previous_source: Option<&str>,
    base: &SourceBase,
) -> TargetUnit {
    let review = previous_source.is_some() && base.review;
    TargetUnit {
        kind,
        text: text.to_string(),
        state: if review {
            TargetState::NeedsReview
        } else {
            state
        },
        previous_source: previous_source.filter(|_| base.review).map(str::to_string),
    }
}

fn unit_text(units: &[Unit], kind: UnitKind) -> &str {
    units
        .iter()
        .find(|u| u.kind == kind)
        .map_or("", |u| u.text.as_str())
}

fn paragraph_texts(units: &[Unit]) -> Vec<String> {
    units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Paragraph(_)))
        .map(|u| u.text.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use std::path::Path;

    fn units(title: &str, paragraphs: &[&str]) -> Vec<Unit> {
        let mut units = vec![
            Unit::new(UnitKind::Title, title),
            Unit::new(UnitKind::Lead, ""),
        ];
        for (i, p) in paragraphs.iter().enumerate() {
            units.push(Unit::new(UnitKind::Paragraph(i + 1), p));
        }
        units
    }

    fn translation(title: &str, paragraphs: &[&str]) -> Draft {
        let text = format!(
            "---\nid: k3carry001\ntitle: {title}\nlang: en\ntranslation_of: be\n---\n\n{}\n",
            paragraphs.join("\n\n")
        );
        Draft::parse(Path::new("c.en.md"), text.as_bytes()).expect("parses")
    }

    const BASE: [&str; 3] = [
        "Першы абзац пра зборы ў Гродне.",
        "Другі абзац пра тэрміны і пра кошт збораў.",
        "Трэці абзац.",
    ];
    const EDITED: &str = "Другі абзац пра тэрміны і пра вялікі кошт збораў.";

    #[test]
    fn minor_edits_keep_the_state_and_ask_for_no_review() {
        let base = SourceBase {
            units: units("Зборы", &BASE),
            review: false,
        };
        let t = translation("Musters", &["First.", "Second.", "Third."]);
        let now = units("Зборы", &[BASE[0], EDITED, BASE[2]]);
        let carried = carry(&now, &base, t.front(), t.body(), TargetState::Final);
        assert!(!carried.restructured);
        let p2 = &carried.targets[2];
        assert_eq!(
            (p2.kind, p2.text.as_str()),
            (UnitKind::Paragraph(2), "Second.")
        );
        assert_eq!(p2.state, TargetState::Final);
        assert_eq!(p2.previous_source, None);
    }

    #[test]
    fn a_changed_title_asks_for_review_with_its_previous_source() {
        let base = SourceBase {
            units: units("Зборы", &BASE),
            review: true,
        };
        let t = translation("Musters", &["First.", "Second.", "Third."]);
        let now = units("Зборы рэзервістаў", &BASE);
        let carried = carry(&now, &base, t.front(), t.body(), TargetState::Translated);
        let title = &carried.targets[0];
        assert_eq!(title.state, TargetState::NeedsReview);
        assert_eq!(title.previous_source.as_deref(), Some("Зборы"));
        assert!(carried.targets[1..]
            .iter()
            .all(|u| u.previous_source.is_none()));
    }

    #[test]
    fn a_translation_shorter_than_its_base_leaves_the_rest_untranslated() {
        let base = SourceBase {
            units: units("Зборы", &BASE),
            review: true,
        };
        let t = translation("Musters", &["First."]);
        let now = units("Зборы", &[BASE[1], BASE[0], BASE[2]]);
        let carried = carry(&now, &base, t.front(), t.body(), TargetState::Translated);
        let kinds: Vec<UnitKind> = carried.targets.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [UnitKind::Title, UnitKind::Paragraph(2)]);
        assert_eq!(carried.targets[1].text, "First.");
        assert!(carried.left_out.is_empty());
    }
}
