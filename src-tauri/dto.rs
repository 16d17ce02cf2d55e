//! What the commands return, shaped for the UI. Plain data; the TypeScript twins in
//! ui/src/ipc/bindings.ts are generated from these (see `bindings`).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::dto_records::{concurrent_editorial, ConcurrentEditorial, EditorialState};
use crate::dto_translation::{language_status, LanguageStatus};
use crate::error::ErrorDto;
use galley_core::clock::format_time;
use galley_core::draft::Trend;
use galley_core::records::EditorialStatus;
use galley_core::settings::Settings;
use galley_core::workspace::{LibraryEntry, LibraryView};

/// A commentary's trend as its front matter spells it (the core's `Trend`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TrendTag {
    Improved,
    Unchanged,
    Deteriorated,
}

impl From<Trend> for TrendTag {
    fn from(trend: Trend) -> Self {
        match trend {
            Trend::Improved => TrendTag::Improved,
            Trend::Unchanged => TrendTag::Unchanged,
            Trend::Deteriorated => TrendTag::Deteriorated,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    /// The opened folder.
    pub root: String,
    /// The workspace's languages in display order, then any others the drafts use.
    pub languages: Vec<String>,
    /// The sections the settings define, in their order.
    pub sections: Vec<SectionInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionInfo {
    /// What drafts put in their `section` field.
    pub key: String,
    /// Display titles by language tag.
    pub titles: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Library {
    /// Newest issue first; within an issue by section, then title.
    pub commentaries: Vec<Commentary>,
    /// Files that could not be read as drafts.
    pub problems: Vec<ErrorDto>,
    /// Drafts not read yet (a fresh clone; absent once the library is whole): they arrive
    /// from the background reader, with `catch-up-progress` events, and the library reloads
    /// when it is done.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pending: Option<u32>,
}

/// One commentary: all language versions that share an `id`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Commentary {
    pub id: String,
    /// The title in the source language.
    pub title: String,
    pub source_lang: String,
    /// ISO week of the issue, e.g. "2020-W20".
    pub issue: Option<String>,
    pub section: Option<String>,
    pub trend: Option<TrendTag>,
    /// Editorial status: `draft` also when none was ever set.
    pub editorial: EditorialState,
    /// Who set the editorial status, and when (UTC); `null` when nobody has yet.
    pub editorial_by: Option<String>,
    pub editorial_at: Option<String>,
    /// Set when the editorial status won over one set elsewhere at the same time.
    pub editorial_concurrent: Option<ConcurrentEditorial>,
    /// A language version's file has merge conflict markers (see `versions`).
    pub in_conflict: bool,
    pub versions: Vec<LanguageVersion>,
    /// One per language of the workspace (then others), in order: source, missing, in
    /// progress, in review, done or outdated.
    pub states: Vec<LanguageStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageVersion {
    pub lang: String,
    /// Path relative to the workspace root; pass it to `read_draft`.
    pub path: String,
    pub title: String,
    pub words: usize,
    /// The file has merge conflict markers: it is listed by its "ours" side and cannot be
    /// opened as a draft until they are resolved.
    pub in_conflict: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub path: String,
    pub id: String,
    pub lang: String,
    pub title: String,
    pub trend: Option<TrendTag>,
    pub authors: Vec<String>,
    pub lead: String,
    pub section: Option<String>,
    pub issue: Option<String>,
    pub tags: Vec<String>,
    pub translation_of: Option<String>,
    /// The Markdown after the front matter, as on disk.
    pub body: String,
    /// The whole file as on disk: front matter, then `body`.
    pub text: String,
    /// SHA-256 of `text` (hex): pass it to `save_draft` as `loadedHash`.
    pub hash: String,
}

pub fn workspace_info(
    root: &std::path::Path,
    settings: &Settings,
    languages: Vec<String>,
) -> WorkspaceInfo {
    WorkspaceInfo {
        root: root.display().to_string(),
        languages,
        sections: settings
            .sections
            .iter()
            .map(|section| SectionInfo {
                key: section.key.clone(),
                titles: section.title.clone(),
            })
            .collect(),
    }
}

pub fn library(view: &LibraryView) -> Library {
    Library {
        commentaries: view.entries.iter().map(commentary).collect(),
        problems: view.problems.iter().map(ErrorDto::from).collect(),
        pending: (view.pending > 0).then(|| u32::try_from(view.pending).unwrap_or(u32::MAX)),
    }
}

fn commentary(entry: &LibraryEntry) -> Commentary {
    let source = &entry.source;
    let event = entry.editorial.as_ref();
    Commentary {
        states: entry.languages.iter().map(language_status).collect(),
        editorial_by: event.map(|e| e.author.clone()),
        editorial_at: event.map(|e| format_time(e.at)),
        editorial_concurrent: event.and_then(concurrent_editorial),
        in_conflict: entry.versions.iter().any(|d| d.in_conflict),
        id: source.id.clone(),
        title: source.title.clone(),
        source_lang: source.lang.clone(),
        issue: source.issue.as_ref().map(ToString::to_string),
        section: source.section.clone(),
        trend: source.trend.map(TrendTag::from),
        editorial: event
            .map_or(EditorialStatus::Draft, |event| event.status)
            .into(),
        versions: entry
            .versions
            .iter()
            .map(|d| LanguageVersion {
                lang: d.lang.clone(),
                path: d.path.clone(),
                title: d.title.clone(),
                words: d.words,
                in_conflict: d.in_conflict,
            })
            .collect(),
    }
}
