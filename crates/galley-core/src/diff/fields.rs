//! Comparing two versions of a draft the way a person reads them: the front matter field by
//! field ("Lead: old → new"), the body word by word. A raw diff of the front matter shows YAML
//! syntax (`>-`, quotes, wrapping) that the person never typed in the form.

use super::{diff_texts, Diff};
use crate::draft::{key_block_texts, Draft, FIELDS};
use std::path::Path;

/// One front matter key whose value differs between the two versions.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The key as in the file (`lead`, `authors`, or a key Galley does not know).
    pub key: String,
    /// The value as a person reads it: text as it is, a list's items joined by ", ", an
    /// unknown key's YAML as written; empty when the key is missing.
    pub old: String,
    pub new: String,
    /// `old` against `new`, word by word.
    pub words: Diff,
}

/// Two versions of a draft compared: changed fields in file order (known keys first, in the
/// order Galley writes them), and the body's word diff. A text that is not a valid draft is
/// compared whole, as body, with no fields.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftDiff {
    pub fields: Vec<FieldChange>,
    pub body: Diff,
}

pub fn diff_drafts(old: &str, new: &str) -> DraftDiff {
    let parse = |text: &str| Draft::parse(Path::new("version.md"), text.as_bytes()).ok();
    let (Some(old), Some(new)) = (parse(old), parse(new)) else {
        return DraftDiff {
            fields: Vec::new(),
            body: diff_texts(old, new),
        };
    };
    let mut fields: Vec<FieldChange> = FIELDS
        .iter()
        .filter_map(|key| {
            let (a, b) = (old.front().field(key), new.front().field(key));
            (a != b).then(|| change(key, a.display(), b.display()))
        })
        .collect();
    let unknown = |draft: &Draft| -> Vec<(String, String)> {
        key_block_texts(draft)
            .into_iter()
            .filter(|(key, _)| !FIELDS.contains(&key.as_str()))
            .map(|(key, block)| {
                let value = block
                    .split_once(':')
                    .map_or("", |(_, v)| v)
                    .trim()
                    .to_string();
                (key, value)
            })
            .collect()
    };
    let (old_unknown, new_unknown) = (unknown(&old), unknown(&new));
    let value = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    // Unknown keys in the order they first appear (the old file's, then keys new to the new one).
    let mut seen = std::collections::HashSet::new();
    for (key, _) in old_unknown.iter().chain(&new_unknown) {
        if !seen.insert(key) {
            continue;
        }
        let (a, b) = (value(&old_unknown, key), value(&new_unknown, key));
        if a != b {
            fields.push(change(key, a, b));
        }
    }
    DraftDiff {
        fields,
        body: diff_texts(old.body(), new.body()),
    }
}

fn change(key: &str, old: String, new: String) -> FieldChange {
    FieldChange {
        key: key.to_string(),
        words: diff_texts(&old, &new),
        old,
        new,
    }
}
