//! The issue board and export, shaped for the UI: sections with their commentaries in
//! publication order, a language cell per commentary (the sidebar's badge vocabulary), the
//! readiness reasons per language, and what an export wrote.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::dto_records::{
    concurrent_editorial, concurrent_status, set_by, ConcurrentEditorial, ConcurrentStatus,
    EditorialState, NoteView,
};
use crate::dto_translation::LanguageState;
use crate::error::ErrorDto;
use galley_core::bundle::Progress;
use galley_core::clock::format_time;
use galley_core::issue::{Blocker, Board, BoardCell, BoardConflict, BoardRow, Readiness};
use galley_core::publication::Format;
use galley_core::records::EditorialStatus;
use galley_core::records::Records;
use galley_core::translation::{LanguageState as CoreState, Role};
use galley_core::workspace::{ExportReport, IssueView};
use galley_core::ErrorKind as CoreKind;

/// The event that carries an export's progress; its payload is an [`ExportProgress`].
pub const EXPORT_PROGRESS_EVENT: &str = "export-progress";

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardView {
    /// ISO week, e.g. "2020-W21".
    pub week: String,
    /// First and last day of the issue (ISO dates).
    pub start: String,
    pub end: String,
    /// The issue's title by language tag.
    pub titles: BTreeMap<String, String>,
    /// Workspace-relative path of the issue file, and whether it exists yet.
    pub issue_file: String,
    pub has_file: bool,
    /// The board's languages, in the workspace's order (the cells follow it).
    pub languages: Vec<String>,
    /// The issue's sections in publication order, then the workspace's other sections (empty,
    /// so a commentary can be moved into them).
    pub sections: Vec<BoardSection>,
    pub readiness: Vec<LanguageReadinessView>,
    /// Conflicts left by git or a sync tool in the issue's files; each blocks every language.
    pub conflicts: Vec<BoardConflictView>,
    /// Files of the issue that could not be read.
    pub problems: Vec<ErrorDto>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardSection {
    /// `null` for commentaries without a section.
    pub key: Option<String>,
    pub rows: Vec<BoardRowView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardRowView {
    pub id: String,
    /// The source's title; `null` when the issue file lists an id no draft has.
    pub title: Option<String>,
    /// Listed in the issue file (otherwise placed by its front matter).
    pub listed: bool,
    pub editorial: EditorialState,
    /// The statuses the workflow lets it move to from here (the core's rule).
    pub editorial_choices: Vec<EditorialState>,
    /// Who set the editorial status, and when (`null` for a draft nobody touched).
    pub editorial_by: Option<String>,
    pub editorial_at: Option<String>,
    /// Set when the editorial status won over one set elsewhere at the same time.
    pub editorial_concurrent: Option<ConcurrentEditorial>,
    /// One of its files has merge conflict markers or a conflict copy (see `conflicts`).
    pub in_conflict: bool,
    /// One per board language, in its order.
    pub cells: Vec<BoardCellView>,
    /// The editors' notes on it, oldest first.
    pub notes: Vec<NoteView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardCellView {
    pub lang: String,
    pub state: LanguageState,
    /// Workspace-relative path of this language version, when it has a file.
    pub path: Option<String>,
    pub words: Option<u32>,
    /// Who set the translation status, and when (UTC); `null` for the source, a missing
    /// language, or a status nobody set.
    pub set_by: Option<String>,
    pub set_at: Option<String>,
    /// Set when the status won over one set elsewhere at the same time.
    pub concurrent: Option<ConcurrentStatus>,
    /// The text changed, other than in minor ways, since its commentary was approved: the
    /// editor has not read what would go out (the core's judgement, `BoardCell::approval`).
    pub changed_since_approval: bool,
}

/// A conflict left in a file of the issue.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardConflictView {
    /// The file, workspace-relative.
    pub path: String,
    /// For a sync tool's conflict copy, the file it copies; `null` for merge conflict markers.
    pub copy_of: Option<String>,
    /// The commentary it belongs to, when known.
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageReadinessView {
    pub lang: String,
    pub ready: bool,
    pub blockers: Vec<BlockerView>,
}

/// One reason a language cannot be published: which commentary, what is wrong, what to do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BlockerView {
    pub id: String,
    pub title: String,
    pub lang: String,
    /// The language version's file, when it has one.
    pub path: Option<String>,
    /// The core's stable tag: `not_approved`, `translation_missing`, `translation_not_done`,
    /// `translation_outdated`, `changed_since_approval`, `field_empty`, `body_empty`,
    /// `paragraphs_missing`, `issue_title_missing` (`id` empty), `no_section`,
    /// `unusable_file_name`, `invalid_draft`, `missing_link_target`, `no_files`, `conflict`
    /// (merge markers or a sync tool's conflict copy left in the week; every language).
    /// The list is `REASON_KINDS` in the bindings; the UI words each from its catalogues.
    #[ts(type = "ReasonKind")]
    pub kind: String,
    /// The reason's facts by name (`Reason::args`): e.g. `status`, `field`, `source_lang`.
    pub args: BTreeMap<String, String>,
    /// The core's English sentences, as the CLI prints them (its commands in what to do).
    pub problem: String,
    pub what_to_do: String,
}

/// Where the next export goes (the default in the workspace, or what the dialog chose).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportTarget {
    pub path: String,
    /// A zip file (else a folder).
    pub zip: bool,
    /// Chosen in the dialog (else the default).
    pub chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportResult {
    /// The folder or zip written.
    pub path: String,
    pub zip: bool,
    pub published: Vec<String>,
    /// Languages left out (only with "only complete languages").
    pub skipped: Vec<String>,
    /// The bundle's files, `manifest.json` included.
    pub files: Vec<String>,
    pub manifest_sha256: String,
    /// Formats left out because publication settings they need are unset.
    pub not_made: Vec<NotMadeView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotMadeView {
    pub format: NotMadeFormat,
    /// The unset keys of `[publication]` (`publisher`, `base_url`).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum NotMadeFormat {
    Feeds,
    Ninjs,
    Email,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub week: String,
    pub done: u32,
    pub total: u32,
    pub what: String,
}

/// The board of one issue. `section_keys` (the workspace's sections) follow the issue's own
/// sections, empty, so a commentary can be moved into any of them; `records` say who set each
/// translation status.
pub fn board_view(
    view: &IssueView,
    board: &Board,
    readiness: &Readiness,
    section_keys: &[String],
    records: &Records,
) -> BoardView {
    let row_view = |row: &BoardRow| row_view(row, &board.conflicts, records);
    let mut sections: Vec<BoardSection> = Vec::new();
    for row in &board.rows {
        match sections.last_mut() {
            Some(last) if last.key == row.section => last.rows.push(row_view(row)),
            _ => sections.push(BoardSection {
                key: row.section.clone(),
                rows: vec![row_view(row)],
            }),
        }
    }
    let more = view
        .sections
        .iter()
        .map(|s| s.key.clone())
        .chain(section_keys.iter().cloned().map(Some));
    for key in more {
        if !sections.iter().any(|s| s.key == key) {
            sections.push(BoardSection {
                key,
                rows: Vec::new(),
            });
        }
    }
    BoardView {
        week: board.week.to_string(),
        start: view.issue.start.to_string(),
        end: view.issue.end.to_string(),
        titles: view.issue.titles.clone(),
        issue_file: view.path.clone(),
        has_file: view.exists,
        languages: board.languages.clone(),
        sections,
        readiness: readiness
            .languages
            .iter()
            .map(|l| LanguageReadinessView {
                lang: l.lang.clone(),
                ready: l.is_ready(),
                blockers: l.blockers.iter().map(blocker_view).collect(),
            })
            .collect(),
        conflicts: board
            .conflicts
            .iter()
            .map(|c| BoardConflictView {
                path: c.path.clone(),
                copy_of: c.copy_of.clone(),
                id: c.id.clone(),
            })
            .collect(),
        problems: board.problems.iter().map(ErrorDto::from).collect(),
    }
}

fn row_view(row: &BoardRow, conflicts: &[BoardConflict], records: &Records) -> BoardRowView {
    let event = row.editorial_event.as_ref();
    BoardRowView {
        id: row.id.clone(),
        title: row.title.clone(),
        listed: row.listed,
        editorial: row.editorial.into(),
        editorial_choices: row
            .editorial
            .choices()
            .into_iter()
            .map(Into::into)
            .collect(),
        editorial_by: event.map(|e| e.author.clone()),
        editorial_at: event.map(|e| format_time(e.at)),
        editorial_concurrent: event.and_then(concurrent_editorial),
        in_conflict: conflicts
            .iter()
            .any(|c| c.id.as_deref() == Some(row.id.as_str())),
        cells: row
            .cells
            .iter()
            .map(|cell| cell_view(&row.id, cell, records))
            .collect(),
        notes: row.notes.iter().map(NoteView::from).collect(),
    }
}

fn cell_view(id: &str, cell: &BoardCell, records: &Records) -> BoardCellView {
    // Only a translation's status is someone's doing; the source and a missing file have none.
    let event = match cell.role {
        Role::Translation => records.status(id, &cell.lang),
        Role::Source | Role::Missing => None,
    };
    let (set_by, set_at) = set_by(event);
    BoardCellView {
        lang: cell.lang.clone(),
        state: CoreState::of(cell.role, cell.translation, cell.outdated).into(),
        path: cell.path.clone(),
        words: cell.words.map(|w| u32::try_from(w).unwrap_or(u32::MAX)),
        set_by,
        set_at,
        concurrent: event.and_then(concurrent_status),
        changed_since_approval: cell.approval.as_ref().is_some_and(|a| a.changed),
    }
}

fn blocker_view(blocker: &Blocker) -> BlockerView {
    BlockerView {
        id: blocker.id.clone(),
        title: blocker.title.clone(),
        lang: blocker.lang.clone(),
        path: blocker.path.clone(),
        kind: blocker.reason.kind().to_string(),
        args: blocker
            .reason
            .args()
            .into_iter()
            .map(|(name, value)| (name.to_string(), value))
            .collect(),
        problem: blocker.problem(),
        what_to_do: blocker.what_to_do(),
    }
}

pub fn parse_editorial(status: &str) -> Result<EditorialStatus, ErrorDto> {
    EditorialStatus::parse(status).ok_or_else(|| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("`{status}` is not an editorial status; use draft, in-review or approved."),
        )
    })
}

pub fn export_result(report: &ExportReport) -> ExportResult {
    ExportResult {
        path: report.path.display().to_string(),
        zip: report.zip,
        published: report.published.clone(),
        skipped: report.skipped.iter().map(|l| l.lang.clone()).collect(),
        files: report.paths.clone(),
        manifest_sha256: report.manifest_sha256.to_hex(),
        not_made: report
            .left_out
            .iter()
            .map(|l| NotMadeView {
                format: match l.format {
                    Format::Feeds => NotMadeFormat::Feeds,
                    Format::Ninjs => NotMadeFormat::Ninjs,
                    Format::Email => NotMadeFormat::Email,
                },
                missing: l.missing.iter().map(|k| k.to_string()).collect(),
            })
            .collect(),
    }
}

pub fn export_progress(week: &str, step: &Progress) -> ExportProgress {
    ExportProgress {
        week: week.to_string(),
        done: u32::try_from(step.done).unwrap_or(u32::MAX),
        total: u32::try_from(step.total).unwrap_or(u32::MAX),
        what: step.what.clone(),
    }
}
