//! Chains of translations (be → ru → en): following `translation_of` up to the original.

use super::{ChainLink, GridCell};

/// `lang` and its sources up to the original, e.g. `[en, ru, be]`. Stops at a language with no
/// cell or no `translation_of`, and before repeating one (a cycle is a broken commentary, not a
/// reason to loop).
pub fn chain_of(cells: &[GridCell], lang: &str) -> Vec<String> {
    let mut chain = vec![lang.to_string()];
    let mut current = lang;
    while let Some(source) = cells
        .iter()
        .find(|c| c.lang == current)
        .and_then(|c| c.translation_of.as_deref())
    {
        if chain.iter().any(|l| l == source) {
            break;
        }
        chain.push(source.to_string());
        current = source;
    }
    chain
}

/// The topmost outdated link above `lang` in its chain (not counting its own link), where a
/// change in the original came in. For en ← ru ← be with ru outdated against be: `ru ← be`.
pub fn upstream_link(cells: &[GridCell], chain: &[String]) -> Option<ChainLink> {
    let mut found = None;
    for lang in chain.iter().skip(1) {
        let Some(cell) = cells.iter().find(|c| &c.lang == lang) else {
            break;
        };
        if let (Some(_), Some(source)) = (&cell.outdated, &cell.translation_of) {
            found = Some(ChainLink {
                translation: lang.clone(),
                source: source.clone(),
            });
        }
    }
    found
}
