//! The JSON documents of `list`, `check` and errors, and the `{kind, message}` problem the
//! others share. Every document is a type beside the code that prints it, so the shapes the
//! README documents ("JSON output") are visible in the code; `tests/cli/readme.rs` compares
//! real output with the README.

use galley_core::workspace::{DraftSummary, MissingFields};
use galley_core::{Error, ErrorKind};
use serde::Serialize;

/// An error in a document: `{kind, message}`.
#[derive(Serialize)]
pub struct ProblemJson {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<&Error> for ProblemJson {
    fn from(error: &Error) -> Self {
        ProblemJson {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

pub fn problems(errors: &[Error]) -> Vec<ProblemJson> {
    errors.iter().map(ProblemJson::from).collect()
}

/// What a failed command prints on stderr: `{error: {kind, message}}`.
#[derive(Serialize)]
pub struct ErrorJson {
    pub error: ProblemJson,
}

/// `list`.
#[derive(Serialize)]
pub struct ListJson<'a> {
    pub drafts: Vec<DraftSummaryJson<'a>>,
    pub problems: Vec<ProblemJson>,
}

#[derive(Serialize)]
pub struct DraftSummaryJson<'a> {
    pub id: &'a str,
    pub lang: &'a str,
    pub path: &'a str,
    pub title: &'a str,
    pub trend: Option<&'static str>,
    pub section: Option<&'a str>,
    pub issue: Option<String>,
    pub authors: &'a [String],
    pub translation_of: Option<&'a str>,
    pub words: usize,
    pub in_conflict: bool,
}

impl<'a> From<&'a DraftSummary> for DraftSummaryJson<'a> {
    fn from(d: &'a DraftSummary) -> Self {
        DraftSummaryJson {
            id: &d.id,
            lang: &d.lang,
            path: &d.path,
            title: &d.title,
            trend: d.trend.map(|t| t.as_str()),
            section: d.section.as_deref(),
            issue: d.issue.map(|w| w.to_string()),
            authors: &d.authors,
            translation_of: d.translation_of.as_deref(),
            words: d.words,
            in_conflict: d.in_conflict,
        }
    }
}

/// `check`: `ok` is false only for problems, never for warnings.
#[derive(Serialize)]
pub struct CheckJson<'a> {
    pub ok: bool,
    pub problems: Vec<ProblemJson>,
    pub warnings: Vec<WarningJson<'a>>,
}

#[derive(Serialize)]
pub struct WarningJson<'a> {
    pub path: &'a str,
    pub missing: Vec<&'static str>,
    pub message: String,
}

impl<'a> From<&'a MissingFields> for WarningJson<'a> {
    fn from(w: &'a MissingFields) -> Self {
        WarningJson {
            path: &w.path,
            missing: w.fields.iter().map(|f| f.as_str()).collect(),
            message: w.message(),
        }
    }
}
