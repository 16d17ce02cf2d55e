//! Reconciling the folder with the history: a pure `plan` from what is on disk and what the
//! database last knew, then a small effectful apply step (in `workspace::record`).
//! Drafts are matched by their front-matter id and language, so a rename (even with edits)
//! is recognised as one; content is compared by hash, never by timestamps alone.

use crate::hash::ContentHash;
use crate::history::KnownFile;
use std::collections::{BTreeMap, BTreeSet};

/// One draft file as the scanner found it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiskFile {
    pub path: String,
    pub state: DiskState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DiskState {
    Draft {
        draft_id: String,
        lang: String,
        hash: ContentHash,
        size: u64,
        mtime_ns: i64,
    },
    /// Present but unreadable or invalid: left alone until it is fixed (never taken as deleted).
    Invalid,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Created,
    Modified,
    Renamed { from: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Record the file's current content as a new version.
    Record { file: KnownFile, change: Change },
    /// The file is gone: record a deletion (its text stays in history).
    Delete { file: KnownFile },
    /// Same content, new size or mtime: refresh what we know without a version.
    Refresh { file: KnownFile },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub actions: Vec<Action>,
    /// Files that carry the id and language of another file: `(path, owner path)`.
    pub duplicates: Vec<(String, String)>,
}

type Key = (String, String);

pub fn plan(disk: &[DiskFile], known: &[KnownFile]) -> Plan {
    let known_by_path: BTreeMap<&str, &KnownFile> =
        known.iter().map(|k| (k.path.as_str(), k)).collect();
    let mut drafts: Vec<(&str, Key, &DiskState)> = disk
        .iter()
        .filter_map(|f| match &f.state {
            DiskState::Draft { draft_id, lang, .. } => {
                Some((f.path.as_str(), (draft_id.clone(), lang.clone()), &f.state))
            }
            DiskState::Invalid => None,
        })
        .collect();
    drafts.sort_by(|a, b| a.0.cmp(b.0));

    // Who owns each (id, lang): the file already known under it keeps it; otherwise the first
    // path in order. Any other file with the same identity is a duplicate (a copied file).
    let mut owner: BTreeMap<Key, &str> = BTreeMap::new();
    for (path, key, _) in &drafts {
        if known_by_path.get(path).is_some_and(|k| key_of(k) == *key) {
            owner.insert(key.clone(), path);
        }
    }
    let mut plan = Plan::default();
    for (path, key, _) in &drafts {
        match owner.get(key) {
            None => {
                owner.insert(key.clone(), path);
            }
            Some(other) if other != path => {
                plan.duplicates.push((path.to_string(), other.to_string()))
            }
            Some(_) => {}
        }
    }

    let invalid: BTreeSet<&str> = disk
        .iter()
        .filter(|f| f.state == DiskState::Invalid)
        .map(|f| f.path.as_str())
        .collect();
    // Known files whose identity no longer lives at their path, by identity: rename sources.
    let mut vacated: BTreeMap<Key, &KnownFile> = known
        .iter()
        .filter(|k| !invalid.contains(k.path.as_str()))
        .filter(|k| owner.get(&key_of(k)).is_none_or(|p| *p != k.path))
        .map(|k| (key_of(k), k))
        .collect();

    for (path, key, state) in &drafts {
        if owner.get(key) != Some(path) {
            continue;
        }
        let DiskState::Draft {
            draft_id,
            lang,
            hash,
            size,
            mtime_ns,
        } = state
        else {
            continue;
        };
        let file = KnownFile {
            path: path.to_string(),
            draft_id: draft_id.clone(),
            lang: lang.clone(),
            hash: *hash,
            size: *size,
            mtime_ns: *mtime_ns,
        };
        let action = match known_by_path.get(path).filter(|k| key_of(k) == *key) {
            Some(k) if k.hash == *hash => {
                if k.size == *size && k.mtime_ns == *mtime_ns {
                    continue;
                }
                Action::Refresh { file }
            }
            Some(_) => Action::Record {
                file,
                change: Change::Modified,
            },
            None => match vacated.remove(key) {
                Some(from) => Action::Record {
                    file,
                    change: Change::Renamed {
                        from: from.path.clone(),
                    },
                },
                None => Action::Record {
                    file,
                    change: Change::Created,
                },
            },
        };
        plan.actions.push(action);
    }

    // Whatever identity was vacated and not found elsewhere is gone: record its deletion.
    for file in vacated.into_values() {
        plan.actions.push(Action::Delete { file: file.clone() });
    }
    plan
}

fn key_of(k: &KnownFile) -> Key {
    (k.draft_id.clone(), k.lang.clone())
}
