//! The translation view's rows: source and translation paragraphs side by side, by position
//! (translations keep the source's paragraph structure), each marked with what changed in the
//! source since the translation's base.

use super::paragraphs::{split_paragraphs, ParagraphChange, ParagraphChangeKind};

/// One row of the translation view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphPair {
    /// The source paragraph now (`None` past the source's end).
    pub source: Option<String>,
    /// The translation paragraph at the same position (`None` past its end).
    pub translation: Option<String>,
    /// What happened to the source paragraph since the base, when the row needs attention.
    pub change: Option<ParagraphChangeKind>,
}

/// Pairs the bodies paragraph by paragraph. A change marks the row of the source paragraph it
/// concerns now, or for a removed paragraph the translation paragraph that should go.
pub fn pair_paragraphs(
    source_body: &str,
    translation_body: &str,
    changes: &[ParagraphChange],
) -> Vec<ParagraphPair> {
    let source = split_paragraphs(source_body);
    let translation = split_paragraphs(translation_body);
    let rows = source.len().max(translation.len());
    (0..rows)
        .map(|i| ParagraphPair {
            source: source.get(i).cloned(),
            translation: translation.get(i).cloned(),
            change: changes
                .iter()
                .find(|c| match c.kind {
                    ParagraphChangeKind::Removed => c.translation == Some(i),
                    _ => c.now == Some(i),
                })
                .map(|c| c.kind),
        })
        .collect()
}
