//! A draft's merge: front matter by field, body by paragraph, and a check that the result is a
//! draft before it is returned.

use super::body::merge_body;
use super::front::merge_front;
use super::{Choices, DraftMerge};
use crate::draft::{update_with_blocks, Draft};
use std::path::Path;

/// The name parsed drafts get in errors nobody sees; without a language suffix, so that the
/// file's name (which git does not give as such) is not checked against `lang`.
const MERGE_NAME: &str = "merge.md";

/// Merges two drafts changed from `base`. A side that is not a draft (binary, broken YAML,
/// conflict markers) cannot be merged: the other side wins when one is unchanged, otherwise the
/// whole file is a conflict and ours stays.
pub fn merge_draft(base: &str, ours: &str, theirs: &str) -> DraftMerge {
    merge_draft_choosing(base, ours, theirs, &Choices::default())
}

/// As [`merge_draft`], taking theirs for the conflicts `choices` names. The conflicts are still
/// reported (with the chosen side in `merged_with_ours`), so a caller can tell what was settled.
pub fn merge_draft_choosing(base: &str, ours: &str, theirs: &str, choices: &Choices) -> DraftMerge {
    if theirs == base || ours == theirs {
        return DraftMerge::Clean(ours.to_string());
    }
    if ours == base {
        return DraftMerge::Clean(theirs.to_string());
    }
    let parse = |text: &str| Draft::parse(Path::new(MERGE_NAME), text.as_bytes()).ok();
    let (Some(base_draft), Some(ours_draft), Some(theirs_draft)) =
        (parse(base), parse(ours), parse(theirs))
    else {
        return whole_file_conflict(ours, theirs);
    };
    let front = merge_front(
        &base_draft,
        &ours_draft,
        &theirs_draft,
        &choices.theirs_fields,
    );
    let body = merge_body(
        base_draft.body(),
        ours_draft.body(),
        theirs_draft.body(),
        &choices.theirs_paragraphs,
    );
    let merged = update_with_blocks(&ours_draft, &front.front, &front.raw_blocks, &body.text);
    // Pieces of two valid drafts need not make one (two halves of a marker block, say).
    if parse(&merged).is_none() {
        return whole_file_conflict(ours, theirs);
    }
    if front.conflicts.is_empty() && body.conflicts.is_empty() {
        return DraftMerge::Clean(merged);
    }
    DraftMerge::Conflict {
        ours_text: ours.to_string(),
        theirs_text: theirs.to_string(),
        merged_with_ours: merged,
        paragraphs: body.conflicts,
        fields: front.conflicts,
    }
}

fn whole_file_conflict(ours: &str, theirs: &str) -> DraftMerge {
    DraftMerge::Conflict {
        ours_text: ours.to_string(),
        theirs_text: theirs.to_string(),
        merged_with_ours: ours.to_string(),
        paragraphs: Vec::new(),
        fields: Vec::new(),
    }
}
