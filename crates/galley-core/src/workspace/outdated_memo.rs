//! The detail of outdated grid cells, remembered for as long as the workspace is open.

use crate::hash::ContentHash;
use crate::translation::Comparison;
use std::collections::HashMap;
use std::sync::Mutex;

/// The field and paragraph detail of outdated cells, by what decides it entirely: the source's
/// path (named in its errors), the hashes of its base and head texts, and the translation's
/// paragraph count. Reading a base text
/// through its delta chain is most of a grid's cost; texts never change under their hash, so
/// the detail stays right for as long as the workspace is open.
#[derive(Default)]
pub(super) struct OutdatedMemo(Mutex<HashMap<MemoKey, Detail>>);

pub(super) type MemoKey = (String, ContentHash, ContentHash, usize);
/// What changed: the fields, the body's paragraphs, their words, the changes to review.
type Detail = Comparison;

/// Past this many entries the memo starts over, so a long session's memory stays bounded.
const MEMO_LIMIT: usize = 20_000;

impl OutdatedMemo {
    pub(super) fn get(&self, key: &MemoKey) -> Option<Detail> {
        // A poisoned lock only means the memo is unusable: work the detail out again.
        self.0.lock().ok()?.get(key).cloned()
    }

    pub(super) fn put(&self, key: MemoKey, detail: Detail) {
        if let Ok(mut memo) = self.0.lock() {
            if memo.len() >= MEMO_LIMIT {
                memo.clear();
            }
            memo.insert(key, detail);
        }
    }
}
