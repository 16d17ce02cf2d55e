//! Translations shaped for the UI: the per-language badges of the library and the translation
//! view (paragraph pairs, status, what changed in the source).

use serde::Serialize;
use ts_rs::TS;

use crate::dto_history::DiffView;
use crate::dto_records::{concurrent_status, set_by, ConcurrentStatus};
use galley_core::translation::{self, GridCell, SourceDiff};
use galley_core::workspace::{RowPart, TranslationRow, TranslationView};

/// One vocabulary everywhere: a language version's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageState {
    Source,
    Missing,
    InProgress,
    InReview,
    Done,
    Outdated,
}

impl From<translation::LanguageState> for LanguageState {
    fn from(state: translation::LanguageState) -> Self {
        use translation::LanguageState as Core;
        match state {
            Core::Source => Self::Source,
            Core::Missing => Self::Missing,
            Core::InProgress => Self::InProgress,
            Core::InReview => Self::InReview,
            Core::Done => Self::Done,
            Core::Outdated => Self::Outdated,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageStatus {
    pub lang: String,
    pub state: LanguageState,
    /// Who set the translation status, and when (UTC); `null` when nobody has yet.
    pub set_by: Option<String>,
    pub set_at: Option<String>,
    /// Set when this status won over one set elsewhere at the same time.
    pub concurrent: Option<ConcurrentStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TranslationPane {
    pub id: String,
    pub lang: String,
    pub path: String,
    pub source_lang: String,
    pub source_path: String,
    /// `outdated` wins over the recorded status; `recordedStatus` is what was set.
    pub state: LanguageState,
    pub recorded_status: LanguageState,
    /// Who set `recordedStatus`, and when (UTC); `null` when nobody has yet.
    pub set_by: Option<String>,
    pub set_at: Option<String>,
    /// The note given with the status.
    pub note: Option<String>,
    /// Set when this status won over one set elsewhere at the same time.
    pub concurrent: Option<ConcurrentStatus>,
    /// title, lead, body: the parts of the source that changed since the base.
    pub outdated_fields: Vec<String>,
    /// The source versions since the base that make it outdated (candidates for "minor").
    #[ts(type = "Array<number>")]
    pub outdated_versions: Vec<i64>,
    /// The status event now in force (what "Undo" of a status change goes back to).
    pub status_event: Option<String>,
    /// The source words changed and new since the base; `null` when not outdated or when what
    /// changed cannot be told yet.
    pub words: Option<JobWordsView>,
    /// Changes to review (title, lead, paragraphs) and how many a translator handled.
    pub to_review: u32,
    pub handled: u32,
    /// The core's rule for "Mark up to date": outdated by its own source, and every change
    /// handled.
    pub all_handled: bool,
    /// The title, the lead, then the body's paragraphs.
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobWordsView {
    pub changed: u32,
    pub new: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    /// title, lead or paragraph.
    pub part: String,
    /// The paragraph's position in both bodies (0-based); `null` for title and lead.
    pub index: Option<u32>,
    pub source: Option<String>,
    pub translation: Option<String>,
    /// changed, added, removed or moved; `null` when the row is up to date.
    pub change: Option<String>,
    /// What "Done with this paragraph" names (the SHA-256 of the source text the change
    /// concerns); `null` when there is nothing to review.
    pub key: Option<String>,
    pub handled: bool,
    /// The source's word diff since the base, under the paragraph.
    pub diff: Option<DiffView>,
    /// The source part's words.
    pub words: u32,
    /// A change nobody handled, or no translation yet: where "next" jumps.
    pub needs_work: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceChanges {
    pub diff: DiffView,
    pub versions: Vec<SourceVersion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceVersion {
    #[ts(type = "number")]
    pub id: i64,
    pub minor: bool,
}

/// A library badge: the state, who set the status and when, and any concurrent change.
pub fn language_status(cell: &GridCell) -> LanguageStatus {
    let event = cell.recorded.as_ref();
    let (set_by, set_at) = set_by(event);
    LanguageStatus {
        lang: cell.lang.clone(),
        state: cell.state().into(),
        set_by,
        set_at,
        concurrent: event.and_then(concurrent_status),
    }
}

impl From<&TranslationView> for TranslationPane {
    fn from(view: &TranslationView) -> Self {
        let cell = &view.cell;
        let outdated = cell.outdated.as_ref();
        let (set_by, set_at) = set_by(cell.recorded.as_ref());
        TranslationPane {
            id: view.id.clone(),
            lang: cell.lang.clone(),
            path: cell.path.clone().unwrap_or_default(),
            source_lang: view.source_lang.clone(),
            source_path: view.source_path.clone(),
            state: cell.state().into(),
            recorded_status: translation::LanguageState::recorded(cell.status).into(),
            set_by,
            set_at,
            note: cell.recorded.as_ref().and_then(|e| e.note.clone()),
            concurrent: cell.recorded.as_ref().and_then(concurrent_status),
            outdated_fields: outdated
                .map(|o| o.fields.iter().map(|f| f.as_str().to_string()).collect())
                .unwrap_or_default(),
            outdated_versions: outdated.map(|o| o.versions.clone()).unwrap_or_default(),
            status_event: cell.recorded.as_ref().map(|e| e.id.clone()),
            words: outdated.and_then(|o| o.words).map(|w| JobWordsView {
                changed: w.changed as u32,
                new: w.new as u32,
            }),
            to_review: outdated.map_or(0, |o| o.review.len() as u32),
            handled: outdated.map_or(0, |o| o.handled as u32),
            all_handled: outdated.is_some_and(|o| o.all_handled()),
            rows: view.rows.iter().map(row_view).collect(),
        }
    }
}

fn row_view(row: &TranslationRow) -> RowView {
    let (part, index) = match row.part {
        RowPart::Title => ("title", None),
        RowPart::Lead => ("lead", None),
        RowPart::Paragraph(i) => ("paragraph", Some(i as u32)),
    };
    RowView {
        part: part.to_string(),
        index,
        source: row.source.clone(),
        translation: row.translation.clone(),
        change: row.change.map(|c| c.as_str().to_string()),
        key: row.review.as_ref().map(|r| r.key.to_hex()),
        handled: row.handled,
        diff: row.diff.as_ref().map(DiffView::from),
        words: row.words as u32,
        needs_work: row.needs_work(),
    }
}

impl From<&SourceDiff> for SourceChanges {
    fn from(diff: &SourceDiff) -> Self {
        SourceChanges {
            diff: DiffView::from(&diff.diff),
            versions: diff
                .versions
                .iter()
                .map(|&(id, minor)| SourceVersion { id, minor })
                .collect(),
        }
    }
}
