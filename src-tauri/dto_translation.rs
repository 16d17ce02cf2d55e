//! Translations shaped for the UI: the per-language badges of the library and the translation
//! view (paragraph pairs, status, what changed in the source).

use serde::Serialize;
use ts_rs::TS;

use crate::dto_history::DiffView;
use galley_core::translation::{GridCell, Role, SourceDiff, TranslationStatus};
use galley_core::workspace::TranslationView;

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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageStatus {
    pub lang: String,
    pub state: LanguageState,
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
    /// title, lead, body: the parts of the source that changed since the base.
    pub outdated_fields: Vec<String>,
    /// The source versions since the base that make it outdated (candidates for "minor").
    #[ts(type = "Array<number>")]
    pub outdated_versions: Vec<i64>,
    pub pairs: Vec<PairView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PairView {
    pub source: Option<String>,
    pub translation: Option<String>,
    /// changed, added, removed or moved; `null` when the row is up to date.
    pub change: Option<String>,
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

pub fn state_of(cell: &GridCell) -> LanguageState {
    match cell.role {
        Role::Source => LanguageState::Source,
        Role::Missing => LanguageState::Missing,
        Role::Translation if cell.is_outdated() => LanguageState::Outdated,
        Role::Translation => recorded(cell),
    }
}

fn recorded(cell: &GridCell) -> LanguageState {
    match cell.status {
        Some(TranslationStatus::InReview) => LanguageState::InReview,
        Some(TranslationStatus::Done) => LanguageState::Done,
        Some(TranslationStatus::Missing) => LanguageState::Missing,
        Some(TranslationStatus::InProgress) | None => LanguageState::InProgress,
    }
}

impl From<&TranslationView> for TranslationPane {
    fn from(view: &TranslationView) -> Self {
        let cell = &view.cell;
        let outdated = cell.outdated.as_ref();
        TranslationPane {
            id: view.id.clone(),
            lang: cell.lang.clone(),
            path: cell.path.clone().unwrap_or_default(),
            source_lang: view.source_lang.clone(),
            source_path: view.source_path.clone(),
            state: state_of(cell),
            recorded_status: recorded(cell),
            outdated_fields: outdated
                .map(|o| o.fields.iter().map(|f| f.as_str().to_string()).collect())
                .unwrap_or_default(),
            outdated_versions: outdated.map(|o| o.versions.clone()).unwrap_or_default(),
            pairs: view
                .pairs
                .iter()
                .map(|p| PairView {
                    source: p.source.clone(),
                    translation: p.translation.clone(),
                    change: p.change.map(|c| c.as_str().to_string()),
                })
                .collect(),
        }
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
