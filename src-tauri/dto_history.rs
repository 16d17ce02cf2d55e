//! Versions, saves and diffs, shaped for the UI (the editor's save state, the History tab).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto_records::{concurrent_label, ConcurrentLabel};
use crate::error::ErrorDto;
use galley_core::clock::format_time;
use galley_core::diff::{Diff, DraftDiff, ParagraphKind, SpanKind};
use galley_core::draft::{FieldEdit, FieldsEdit};
use galley_core::hash::ContentHash;
use galley_core::history::{Origin, Version};
use galley_core::records::Records;
use galley_core::workspace::SaveOutcome;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    // Version ids stay far below 2^53: a JS number, not a bigint.
    #[ts(type = "number")]
    pub id: i64,
    pub author: String,
    /// UTC, `2020-05-14T09:30:00Z`.
    pub at: String,
    pub label: Option<String>,
    /// Who gave the label, and when (UTC), as the journals say.
    pub label_by: Option<String>,
    pub label_at: Option<String>,
    /// Set when the label won over one given elsewhere at the same time.
    // Boxed: rare, and inline it would make every version (and save result) larger.
    pub label_concurrent: Option<Box<ConcurrentLabel>>,
    pub origin: VersionOrigin,
    /// For a restore: the version brought back.
    #[ts(type = "number | null")]
    pub restored_from: Option<i64>,
    /// SHA-256 of the text (hex); `null` when the version records a deletion.
    pub hash: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum VersionOrigin {
    Save,
    External,
    /// The file as Galley first found it (an existing file, no record of who made it).
    Found,
    Restore,
    Conflict,
    Import,
}

/// What `save_draft` did. After `saved`/`unchanged` the file holds the text and `hash` is the
/// hash to pass with the next save; after `conflict` the file keeps `theirs`, and both texts
/// are versions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum SaveResult {
    Saved {
        version: VersionInfo,
        hash: String,
    },
    Unchanged {
        hash: String,
    },
    Conflict {
        theirs: VersionInfo,
        ours: VersionInfo,
    },
}

/// What applying the form gave: the new text (not saved), or the field whose value the core
/// refused and why (the form keeps the value; the text is unchanged).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum FieldsResult {
    Edited { text: String },
    Refused { field: String, error: ErrorDto },
}

impl From<FieldsEdit> for FieldsResult {
    fn from(edit: FieldsEdit) -> Self {
        match edit {
            FieldsEdit::Edited(text) => FieldsResult::Edited { text },
            FieldsEdit::Refused { field, error } => FieldsResult::Refused {
                field: field.to_string(),
                error: error.into(),
            },
        }
    }
}

/// The editor form's front matter fields, as typed.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FrontFields {
    pub title: String,
    pub trend: Option<String>,
    pub authors: Vec<String>,
    pub lead: String,
    pub section: Option<String>,
    pub issue: Option<String>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffView {
    /// Front matter keys whose values changed, as values (never YAML); empty when the texts
    /// are not drafts, and then `hunks` compare the whole texts.
    pub fields: Vec<FieldChangeView>,
    /// The body, word by word.
    pub hunks: Vec<HunkView>,
    pub words_added: usize,
    pub words_removed: usize,
    pub paragraphs_changed: usize,
    /// "+38 words, −12 words, 3 paragraphs changed".
    pub summary: String,
    /// Some regions were compared by whole paragraphs only (the diff ran out of time).
    pub coarse: bool,
}

/// One changed front matter field: its key, both values as read, and the word diff between them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChangeView {
    pub key: String,
    pub old: String,
    pub new: String,
    pub spans: Vec<SpanView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HunkView {
    pub paragraphs: Vec<ParagraphView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParagraphView {
    pub kind: ParagraphChangeKind,
    pub spans: Vec<SpanView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphChangeKind {
    Unchanged,
    Modified,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpanView {
    pub kind: SpanChange,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SpanChange {
    Equal,
    Insert,
    Delete,
}

impl From<&Version> for VersionInfo {
    fn from(v: &Version) -> Self {
        let origin = match v.origin {
            Origin::Save => VersionOrigin::Save,
            Origin::External => VersionOrigin::External,
            Origin::Found => VersionOrigin::Found,
            Origin::Restore { .. } => VersionOrigin::Restore,
            Origin::Conflict => VersionOrigin::Conflict,
            Origin::Import => VersionOrigin::Import,
        };
        VersionInfo {
            id: v.id,
            author: v.author.clone(),
            at: format_time(v.at),
            label: v.label.clone(),
            label_by: None,
            label_at: None,
            label_concurrent: None,
            origin,
            restored_from: match v.origin {
                Origin::Restore { from } => Some(from),
                _ => None,
            },
            hash: v.hash.map(|h| h.to_hex()),
        }
    }
}

/// A version with who gave its label (the journals keep labels by the text's hash).
pub fn version_info(v: &Version, records: &Records) -> VersionInfo {
    let mut info = VersionInfo::from(v);
    let record = v
        .hash
        .and_then(|hash| records.label(&v.draft_id, &v.lang, &hash));
    if let Some(record) = record {
        info.label_by = Some(record.author.clone());
        info.label_at = Some(format_time(record.at));
        info.label_concurrent = concurrent_label(record).map(Box::new);
    }
    info
}

pub fn save_result(outcome: &SaveOutcome, text: &str) -> SaveResult {
    let hash = ContentHash::of(text.as_bytes()).to_hex();
    match outcome {
        SaveOutcome::Saved(version) => SaveResult::Saved {
            version: version.into(),
            hash,
        },
        SaveOutcome::Unchanged(_) => SaveResult::Unchanged { hash },
        SaveOutcome::Conflict { theirs, ours } => SaveResult::Conflict {
            theirs: theirs.into(),
            ours: ours.into(),
        },
    }
}

impl From<FrontFields> for FieldEdit {
    fn from(f: FrontFields) -> Self {
        FieldEdit {
            title: f.title,
            trend: f.trend,
            authors: f.authors,
            lead: f.lead,
            section: f.section,
            issue: f.issue,
            tags: f.tags,
        }
    }
}

impl From<&Diff> for DiffView {
    fn from(diff: &Diff) -> Self {
        let hunks = diff
            .hunks
            .iter()
            .map(|hunk| HunkView {
                paragraphs: hunk.paragraphs.iter().map(paragraph).collect(),
            })
            .collect();
        DiffView {
            fields: Vec::new(),
            hunks,
            words_added: diff.stats.words_added,
            words_removed: diff.stats.words_removed,
            paragraphs_changed: diff.stats.paragraphs_changed,
            summary: diff.stats.summary(),
            coarse: diff.coarse,
        }
    }
}

fn paragraph(p: &galley_core::diff::ParagraphChange) -> ParagraphView {
    ParagraphView {
        kind: match p.kind {
            ParagraphKind::Unchanged => ParagraphChangeKind::Unchanged,
            ParagraphKind::Modified => ParagraphChangeKind::Modified,
            ParagraphKind::Added => ParagraphChangeKind::Added,
            ParagraphKind::Removed => ParagraphChangeKind::Removed,
        },
        spans: p
            .spans
            .iter()
            .map(|s| SpanView {
                kind: match s.kind {
                    SpanKind::Equal => SpanChange::Equal,
                    SpanKind::Insert => SpanChange::Insert,
                    SpanKind::Delete => SpanChange::Delete,
                },
                old: s.old.clone(),
                new: s.new.clone(),
            })
            .collect(),
    }
}

impl From<&DraftDiff> for DiffView {
    fn from(diff: &DraftDiff) -> Self {
        let fields = diff
            .fields
            .iter()
            .map(|field| FieldChangeView {
                key: field.key.clone(),
                old: field.old.clone(),
                new: field.new.clone(),
                spans: field
                    .words
                    .hunks
                    .iter()
                    .flat_map(|hunk| &hunk.paragraphs)
                    .flat_map(|p| paragraph(p).spans)
                    .collect(),
            })
            .collect();
        DiffView {
            fields,
            ..DiffView::from(&diff.body)
        }
    }
}
