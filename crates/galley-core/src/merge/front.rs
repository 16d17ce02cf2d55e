//! The front matter, merged key by key. Known fields compare by value (quoting and layout do
//! not matter); other keys compare by their lines. Only keys theirs changed are written, with
//! theirs' lines, through
//! `draft::update_with_blocks`, so ours' bytes stay for everything else.

use super::three_way;
use crate::draft::{key_block_texts, Draft, FrontMatter, FIELDS};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) struct FrontMerge {
    /// Ours' known fields with theirs' changes applied.
    pub front: FrontMatter,
    /// Keys that take theirs' lines (`None`: theirs removed the key).
    pub raw_blocks: Vec<(String, Option<String>)>,
    /// Keys changed differently on both sides (ours kept unless theirs was chosen).
    pub conflicts: Vec<String>,
}

pub(crate) fn merge_front(
    base: &Draft,
    ours: &Draft,
    theirs: &Draft,
    take_theirs: &BTreeSet<String>,
) -> FrontMerge {
    let mut front = ours.front().clone();
    let mut conflicts = Vec::new();
    let mut raw_blocks = Vec::new();
    let theirs_blocks: BTreeMap<String, String> = key_block_texts(theirs).into_iter().collect();
    for key in FIELDS {
        let (b, o, t) = (
            base.front().field(key),
            ours.front().field(key),
            theirs.front().field(key),
        );
        let merged = three_way(&b, &o, &t, |x, y| x == y);
        if merged.is_none() {
            conflicts.push(key.to_string());
        }
        let chosen_theirs = match merged {
            Some(chosen) => std::ptr::eq(chosen, &t),
            None => take_theirs.contains(key),
        };
        if chosen_theirs {
            front.take_field(theirs.front(), key);
            // theirs' own lines, so its style stays (`None`: theirs removed the key)
            raw_blocks.push((key.to_string(), theirs_blocks.get(key).cloned()));
        }
    }

    let (b, o, t) = (unknown_keys(base), unknown_keys(ours), unknown_keys(theirs));
    let mut names: Vec<&String> = o.keys().collect();
    names.extend(t.keys().filter(|k| !o.contains_key(*k)));
    names.extend(
        b.keys()
            .filter(|k| !o.contains_key(*k) && !t.contains_key(*k)),
    );
    for name in names {
        let (vb, vo, vt) = (b.get(name), o.get(name), t.get(name));
        let same = |x: &Option<&String>, y: &Option<&String>| {
            x.map(|s| comparable(s)) == y.map(|s| comparable(s))
        };
        let merged = three_way(&vb, &vo, &vt, same);
        if merged.is_none() {
            conflicts.push(name.clone());
        }
        let chosen_theirs = match merged {
            Some(chosen) => std::ptr::eq(chosen, &vt),
            None => take_theirs.contains(name),
        };
        if chosen_theirs {
            raw_blocks.push((name.clone(), vt.cloned()));
        }
    }
    FrontMerge {
        front,
        raw_blocks,
        conflicts,
    }
}

/// The blocks of the keys Galley does not know, by name.
fn unknown_keys(draft: &Draft) -> BTreeMap<String, String> {
    key_block_texts(draft)
        .into_iter()
        .filter(|(name, _)| !FIELDS.contains(&name.as_str()))
        .collect()
}

/// A block's lines without trailing spaces or line ends: CRLF against LF is no change.
fn comparable(block: &str) -> Vec<&str> {
    block.lines().map(str::trim_end).collect()
}
