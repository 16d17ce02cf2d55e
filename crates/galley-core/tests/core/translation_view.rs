//! The translation view: paragraphs paired by position, rows marked where the source changed
//! since the translation's base.

use galley_core::translation::{pair_paragraphs, ParagraphChange, ParagraphChangeKind};

fn change(
    kind: ParagraphChangeKind,
    now: Option<usize>,
    translation: Option<usize>,
) -> ParagraphChange {
    ParagraphChange {
        kind,
        base: translation,
        now,
        translation,
        after_translation: None,
        edited: false,
    }
}

#[test]
fn paragraphs_are_paired_by_position_including_unmatched_ones() {
    let pairs = pair_paragraphs("One.\n\nTwo.\n\nThree.\n", "Адзін.\n\nДва.\n", &[]);
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs[1].source.as_deref(), Some("Two."));
    assert_eq!(pairs[1].translation.as_deref(), Some("Два."));
    assert_eq!(pairs[2].translation, None);
    assert!(pairs.iter().all(|p| p.change.is_none()));
}

#[test]
fn a_changed_source_paragraph_marks_its_row_and_a_removed_one_marks_the_translation_row() {
    let changes = [
        change(ParagraphChangeKind::Changed, Some(0), Some(0)),
        change(ParagraphChangeKind::Removed, None, Some(2)),
    ];
    let pairs = pair_paragraphs("One!\n\nTwo.\n", "Адзін.\n\nДва.\n\nТры.\n", &changes);
    assert_eq!(pairs[0].change, Some(ParagraphChangeKind::Changed));
    assert_eq!(pairs[1].change, None);
    assert_eq!(pairs[2].change, Some(ParagraphChangeKind::Removed));
}
