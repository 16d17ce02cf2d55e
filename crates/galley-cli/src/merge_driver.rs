//! `galley merge-driver draft|issue BASE OURS THEIRS PATH`: what git runs (as a merge driver
//! registered by `galley sync`) when both sides changed a draft or an issue file. It needs no
//! workspace: it reads git's three temp files, writes the merge into OURS (git's `%A`) and
//! exits 0 when clean, 1 on a conflict. A conflict's file is still a valid draft or issue file
//! (ours where the sides disagree, never markers); its detail goes to standard error as one
//! JSON line for the sync to pick up.

use galley_core::draft::IsoWeek;
use galley_core::merge::{merge_draft, merge_issue, DraftMerge, IssueMerge, ParagraphConflict};
use galley_core::Error;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum MergeKind {
    Draft,
    Issue,
}

pub struct MergeFiles {
    pub base: PathBuf,
    pub ours: PathBuf,
    pub theirs: PathBuf,
    /// The file's path in the repository (git's `%P`), for the report and the issue's week.
    pub path: String,
}

pub fn run(kind: MergeKind, files: &MergeFiles) -> Result<ExitCode, Error> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|source| Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        })
    };
    let (base, ours, theirs) = (read(&files.base)?, read(&files.ours)?, read(&files.theirs)?);
    let texts = (
        String::from_utf8(base.clone()),
        String::from_utf8(ours.clone()),
        String::from_utf8(theirs.clone()),
    );
    let week = week_of(&files.path);
    let outcome = match (texts, kind, week) {
        ((Ok(b), Ok(o), Ok(t)), MergeKind::Draft, _) => {
            Outcome::from_draft(merge_draft(&b, &o, &t))
        }
        ((Ok(b), Ok(o), Ok(t)), MergeKind::Issue, Some(week)) => {
            Outcome::from_issue(merge_issue(week, &b, &o, &t))
        }
        // Not text, or an issue file outside a week's folder: only whole files can be taken.
        _ => whole_files(base, ours, theirs),
    };
    match outcome {
        Outcome::Clean(bytes) => {
            galley_core::atomic::write_atomic(&files.ours, &bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Conflict { merged, detail } => {
            galley_core::atomic::write_atomic(&files.ours, &merged)?;
            let kind = match kind {
                MergeKind::Draft => "draft",
                MergeKind::Issue => "issue",
            };
            let report = Report {
                merge_conflict: ConflictJson {
                    kind,
                    path: &files.path,
                    detail,
                },
            };
            match serde_json::to_string(&report) {
                Ok(line) => eprintln!("{line}"),
                Err(e) => eprintln!("galley: could not print JSON: {e}"),
            }
            Ok(ExitCode::from(1))
        }
    }
}

/// The line on standard error: `{"merge_conflict": {kind, path, whole_file, paragraphs,
/// fields}}` (README, `merge-driver`).
#[derive(Serialize)]
struct Report<'a> {
    merge_conflict: ConflictJson<'a>,
}

#[derive(Serialize)]
struct ConflictJson<'a> {
    /// draft or issue.
    kind: &'static str,
    path: &'a str,
    #[serde(flatten)]
    detail: Detail,
}

/// Where the sides disagree; `whole_file` when nothing inside could be told apart.
#[derive(Serialize)]
struct Detail {
    whole_file: bool,
    paragraphs: Vec<ParagraphJson>,
    /// Front matter keys (drafts) or issue file parts that disagree.
    fields: Vec<String>,
}

#[derive(Serialize)]
struct ParagraphJson {
    merged_index: usize,
    merged_len: usize,
    base: String,
    ours: String,
    theirs: String,
}

impl From<ParagraphConflict> for ParagraphJson {
    fn from(p: ParagraphConflict) -> Self {
        ParagraphJson {
            merged_index: p.merged_index,
            merged_len: p.merged_len,
            base: p.base,
            ours: p.ours,
            theirs: p.theirs,
        }
    }
}

enum Outcome {
    Clean(Vec<u8>),
    Conflict { merged: Vec<u8>, detail: Detail },
}

impl Outcome {
    fn from_draft(merge: DraftMerge) -> Outcome {
        match merge {
            DraftMerge::Clean(text) => Outcome::Clean(text.into_bytes()),
            DraftMerge::Conflict {
                merged_with_ours,
                paragraphs,
                fields,
                ..
            } => Outcome::Conflict {
                merged: merged_with_ours.into_bytes(),
                detail: Detail {
                    whole_file: paragraphs.is_empty() && fields.is_empty(),
                    paragraphs: paragraphs.into_iter().map(Into::into).collect(),
                    fields,
                },
            },
        }
    }

    fn from_issue(merge: IssueMerge) -> Outcome {
        match merge {
            IssueMerge::Clean(text) => Outcome::Clean(text.into_bytes()),
            IssueMerge::Conflict {
                merged_with_ours,
                fields,
                ..
            } => Outcome::Conflict {
                merged: merged_with_ours.into_bytes(),
                detail: Detail {
                    whole_file: fields.is_empty(),
                    paragraphs: Vec::new(),
                    fields,
                },
            },
        }
    }
}

/// The rule for what cannot be merged inside: take the side that changed, else keep ours.
fn whole_files(base: Vec<u8>, ours: Vec<u8>, theirs: Vec<u8>) -> Outcome {
    if ours == base {
        Outcome::Clean(theirs)
    } else if theirs == base || theirs == ours {
        Outcome::Clean(ours)
    } else {
        Outcome::Conflict {
            merged: ours,
            detail: Detail {
                whole_file: true,
                paragraphs: Vec::new(),
                fields: Vec::new(),
            },
        }
    }
}

/// The week an issue file belongs to: the name of its folder (`2020-W20/issue.toml`).
fn week_of(path: &str) -> Option<IsoWeek> {
    Path::new(path)
        .parent()?
        .file_name()?
        .to_str()?
        .parse()
        .ok()
}
