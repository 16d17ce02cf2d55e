//! Lists of unique items (section keys, commentary ids) merged as ordered sets: an item added
//! on one side is added next to its neighbours there, one removed on one side is removed, and
//! when one side reordered the items, its order wins.

use std::collections::HashSet;

pub(crate) struct OrderedMerge {
    pub items: Vec<String>,
    /// Both sides reordered the items they share, differently (ours' order kept).
    pub order_conflict: bool,
}

/// `keep` names items ours has that must stay even though theirs removed them (a conflict the
/// caller reports).
pub(crate) fn merge_ordered(
    base: &[String],
    ours: &[String],
    theirs: &[String],
    keep: &dyn Fn(&str) -> bool,
) -> OrderedMerge {
    let (in_base, in_ours, in_theirs) = (set(base), set(ours), set(theirs));
    let kept = |item: &str| {
        let (b, o, t) = (
            in_base.contains(item),
            in_ours.contains(item),
            in_theirs.contains(item),
        );
        match (b, o, t) {
            (_, true, true) => true,
            (false, o, t) => o || t, // added on one side
            (true, ours_has, _) => ours_has && keep(item), // removed on one side
        }
    };
    let shared = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .filter(|i| in_base.contains(i.as_str()) && in_ours.contains(i.as_str()))
            .filter(|i| in_theirs.contains(i.as_str()))
            .cloned()
            .collect()
    };
    let (shared_base, shared_ours, shared_theirs) = (shared(base), shared(ours), shared(theirs));
    let ours_moved = shared_ours != shared_base;
    let theirs_moved = shared_theirs != shared_base;
    let (primary, secondary) = if theirs_moved && !ours_moved {
        (theirs, ours)
    } else {
        (ours, theirs)
    };

    let mut items: Vec<String> = primary.iter().filter(|i| kept(i)).cloned().collect();
    let in_secondary = set(secondary);
    for (position, item) in secondary.iter().enumerate() {
        if !kept(item) || items.contains(item) {
            continue;
        }
        let before = secondary[..position]
            .iter()
            .rev()
            .find_map(|n| items.iter().position(|i| i == n));
        let at = match before {
            Some(index) => {
                // After the neighbour and after what the primary side added right after it:
                // the primary side's additions come first.
                let mut at = index + 1;
                while items.get(at).is_some_and(|i| {
                    !in_base.contains(i.as_str()) && !in_secondary.contains(i.as_str())
                }) {
                    at += 1;
                }
                at
            }
            None => secondary[position + 1..]
                .iter()
                .find_map(|n| items.iter().position(|i| i == n))
                .unwrap_or(items.len()),
        };
        items.insert(at, item.clone());
    }
    OrderedMerge {
        items,
        order_conflict: ours_moved && theirs_moved && shared_ours != shared_theirs,
    }
}

fn set(items: &[String]) -> HashSet<&str> {
    items.iter().map(String::as_str).collect()
}
