//! One error type for the whole core. Every variant names the thing it concerns and reads as a
//! sentence a user can act on; `kind()` is the stable tag shells branch on (never the message),
//! and `code()` with `args()` is the same error as data a shell words in its own language.

use std::path::PathBuf;

mod codes;
pub use codes::ErrorCode;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Writing a file failed. When `replaced` is false the file is exactly as it was before and
    /// no temporary file is left; when true the new content is in place but the disk could not
    /// confirm it is durable.
    #[error("{}", describe_write_failure(path, step, *replaced, source))]
    WriteFailed {
        path: PathBuf,
        /// The step that failed, e.g. "flush to disk".
        step: &'static str,
        replaced: bool,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}, line {line}: field `{field}`: {message}")]
    InvalidDraft {
        path: PathBuf,
        line: usize,
        field: String,
        message: String,
        /// What `message` says, as a code with named facts, when a shell can word it alone.
        detail: Option<Box<Detail>>,
    },

    /// A merge left git conflict markers in the file; nothing in it is taken as content.
    #[error(
        "{path}, line {line}: a merge left conflict markers here ({}). Compare both sides, keep \
         one, and delete the marker lines (`<<<<<<<`, `=======`, `>>>>>>>`).",
        describe_sides(ours, theirs)
    )]
    ConflictMarkers {
        path: PathBuf,
        /// The line of the first `<<<<<<<`.
        line: usize,
        /// The labels of the two sides, e.g. `HEAD` and the merged branch; empty when unnamed.
        ours: String,
        theirs: String,
    },

    /// A sync tool's conflict copy of `original`; never read as a draft.
    #[error(
        "{path} is a conflict copy of {original} made by {tool}: the file was changed in two \
         places before they synced. Compare the copy with {original}, keep what you want in \
         {original}, then delete the copy."
    )]
    ConflictCopy {
        path: PathBuf,
        original: PathBuf,
        tool: crate::conflict::SyncTool,
    },

    #[error("{path} is not a text file: {reason}. Drafts must be UTF-8 Markdown.")]
    NotText { path: PathBuf, reason: String },

    #[error("{path} is {size} bytes, more than the {limit}-byte limit for a draft. Split it or move it out of the workspace.")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("there is no workspace at {path}: {reason}. Create one with `galley init` or pick another folder.")]
    NoWorkspace { path: PathBuf, reason: String },

    #[error(
        "{path} is outside the workspace {root}. Only files inside the workspace can be used."
    )]
    OutsideWorkspace { path: PathBuf, root: PathBuf },

    #[error("{what} was not found{hint}")]
    NotFound {
        what: String,
        hint: String,
        /// What was not found, as a code with named facts (see `InvalidDraft`).
        detail: Option<Box<Detail>>,
    },

    #[error("{what} is invalid: {message}")]
    Invalid {
        what: String,
        message: String,
        /// Why it was refused, as a code with named facts (see `InvalidDraft`).
        detail: Option<Box<Detail>>,
    },

    #[error("the settings file {path} is invalid: {message}")]
    InvalidSettings {
        path: PathBuf,
        message: String,
        /// What `message` says, as a code with named facts (see `InvalidDraft`).
        detail: Option<Box<Detail>>,
    },

    #[error("the history database failed: {source}. If this persists, make a copy of the workspace's .galley folder and report it.")]
    Database {
        #[from]
        source: rusqlite::Error,
    },

    #[error("stored history is damaged: {what}. Nothing was changed; keep a copy of the .galley folder.")]
    Corrupt { what: String },

    #[error("the file watcher failed: {message}")]
    Watch { message: String },

    /// An export refused because languages of the issue are not ready; `reasons` has one line
    /// per blocker (language, commentary, problem, what to do).
    #[error("issue {week} cannot be published yet:\n{reasons}")]
    NotReady {
        week: crate::draft::IsoWeek,
        reasons: String,
    },

    /// Sharing the workspace through git failed; the message says what to do.
    #[error("sync: {message}")]
    Sync {
        message: String,
        /// What went wrong, as a code with named facts (see `InvalidDraft`).
        detail: Option<Box<Detail>>,
    },

    /// A journal line that is not believed; the rest of the journal is used.
    #[error("{path}, line {line}: {message}. The line is skipped; the other records are used.")]
    Journal {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The stable, machine-readable tag of an [`Error`]: shells branch and translate on it, never on
/// the message. Its code (`as_str`, and the serde form) is part of the IPC and CLI contracts, so
/// a variant is never renamed once shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Io,
    WriteFailed,
    InvalidDraft,
    ConflictMarkers,
    ConflictCopy,
    NotText,
    TooLarge,
    NoWorkspace,
    OutsideWorkspace,
    NotFound,
    Invalid,
    InvalidSettings,
    Database,
    Corrupt,
    Watch,
    NotReady,
    Journal,
    Sync,
}

impl ErrorKind {
    /// Every kind, for shells that keep a sentence per kind (the app's catalogues are checked
    /// against it).
    pub const ALL: [ErrorKind; 18] = [
        ErrorKind::Io,
        ErrorKind::WriteFailed,
        ErrorKind::InvalidDraft,
        ErrorKind::ConflictMarkers,
        ErrorKind::ConflictCopy,
        ErrorKind::NotText,
        ErrorKind::TooLarge,
        ErrorKind::NoWorkspace,
        ErrorKind::OutsideWorkspace,
        ErrorKind::NotFound,
        ErrorKind::Invalid,
        ErrorKind::InvalidSettings,
        ErrorKind::Database,
        ErrorKind::Corrupt,
        ErrorKind::Watch,
        ErrorKind::NotReady,
        ErrorKind::Journal,
        ErrorKind::Sync,
    ];

    /// The stable code, e.g. `not_ready` (the same text serde writes).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::WriteFailed => "write_failed",
            ErrorKind::InvalidDraft => "invalid_draft",
            ErrorKind::ConflictMarkers => "conflict_markers",
            ErrorKind::ConflictCopy => "conflict_copy",
            ErrorKind::NotText => "not_text",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::NoWorkspace => "no_workspace",
            ErrorKind::OutsideWorkspace => "outside_workspace",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Invalid => "invalid",
            ErrorKind::InvalidSettings => "invalid_settings",
            ErrorKind::Database => "database",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::Watch => "watch",
            ErrorKind::NotReady => "not_ready",
            ErrorKind::Journal => "journal",
            ErrorKind::Sync => "sync",
        }
    }
}

/// A refusal's stable code and its facts by name: what the English message says, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, String)>,
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// The stable, machine-readable tag for this error (crosses IPC as `kind`).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } => ErrorKind::Io,
            Error::WriteFailed { .. } => ErrorKind::WriteFailed,
            Error::InvalidDraft { .. } => ErrorKind::InvalidDraft,
            Error::ConflictMarkers { .. } => ErrorKind::ConflictMarkers,
            Error::ConflictCopy { .. } => ErrorKind::ConflictCopy,
            Error::NotText { .. } => ErrorKind::NotText,
            Error::TooLarge { .. } => ErrorKind::TooLarge,
            Error::NoWorkspace { .. } => ErrorKind::NoWorkspace,
            Error::OutsideWorkspace { .. } => ErrorKind::OutsideWorkspace,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::InvalidSettings { .. } => ErrorKind::InvalidSettings,
            Error::Database { .. } => ErrorKind::Database,
            Error::Corrupt { .. } => ErrorKind::Corrupt,
            Error::Watch { .. } => ErrorKind::Watch,
            Error::NotReady { .. } => ErrorKind::NotReady,
            Error::Journal { .. } => ErrorKind::Journal,
            Error::Sync { .. } => ErrorKind::Sync,
        }
    }

    /// The code a shell words this error by, with [`Error::args`]; `None` when the error's
    /// detail is only the English message (a shell then shows `to_string()`).
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Error::Io { .. } => Some(ErrorCode::Io),
            Error::WriteFailed { .. } => Some(ErrorCode::WriteFailed),
            Error::ConflictMarkers { .. } => Some(ErrorCode::ConflictMarkers),
            Error::ConflictCopy { .. } => Some(ErrorCode::ConflictCopy),
            Error::NotText { .. } => Some(ErrorCode::NotText),
            Error::TooLarge { .. } => Some(ErrorCode::TooLarge),
            Error::NoWorkspace { .. } => Some(ErrorCode::NoWorkspace),
            Error::OutsideWorkspace { .. } => Some(ErrorCode::OutsideWorkspace),
            Error::Database { .. } => Some(ErrorCode::Database),
            Error::Corrupt { .. } => Some(ErrorCode::Corrupt),
            Error::Watch { .. } => Some(ErrorCode::Watch),
            Error::NotReady { .. } => Some(ErrorCode::NotReady),
            Error::Journal { .. } => Some(ErrorCode::Journal),
            Error::InvalidDraft { detail, .. }
            | Error::NotFound { detail, .. }
            | Error::Invalid { detail, .. }
            | Error::Sync { detail, .. }
            | Error::InvalidSettings { detail, .. } => detail.as_ref().map(|d| d.code),
        }
    }

    /// The error's facts by name: the code's facts when it has one (exactly
    /// [`ErrorCode::arg_names`]), else the variant's fields. Paths are as the error names them.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let path = |p: &PathBuf| p.display().to_string();
        match self {
            Error::Io {
                action, path: p, ..
            } => vec![("action", action.to_string()), ("path", path(p))],
            Error::WriteFailed {
                path: p,
                step,
                replaced,
                source,
            } => vec![
                ("path", path(p)),
                ("step", step.to_string()),
                ("replaced", replaced.to_string()),
                ("cause", write_cause(source).to_string()),
            ],
            Error::ConflictMarkers {
                path: p,
                line,
                ours,
                theirs,
            } => vec![
                ("path", path(p)),
                ("line", line.to_string()),
                ("ours", ours.clone()),
                ("theirs", theirs.clone()),
            ],
            Error::ConflictCopy {
                path: p,
                original,
                tool,
            } => vec![
                ("path", path(p)),
                ("original", path(original)),
                ("tool", tool.name().to_string()),
            ],
            Error::NotText { path: p, reason } | Error::NoWorkspace { path: p, reason } => {
                vec![("path", path(p)), ("reason", reason.clone())]
            }
            Error::TooLarge {
                path: p,
                size,
                limit,
            } => vec![
                ("path", path(p)),
                ("size", size.to_string()),
                ("limit", limit.to_string()),
            ],
            Error::OutsideWorkspace { path: p, root } => {
                vec![("path", path(p)), ("root", path(root))]
            }
            Error::Database { source } => vec![("cause", source.to_string())],
            Error::Corrupt { what } => vec![("what", what.clone())],
            Error::Watch { message } => vec![("message", message.clone())],
            Error::NotReady { week, reasons } => {
                vec![("week", week.to_string()), ("reasons", reasons.clone())]
            }
            Error::Journal {
                path: p,
                line,
                message,
            } => vec![
                ("path", path(p)),
                ("line", line.to_string()),
                ("message", message.clone()),
            ],
            Error::InvalidDraft {
                detail: Some(d), ..
            }
            | Error::NotFound {
                detail: Some(d), ..
            }
            | Error::Invalid {
                detail: Some(d), ..
            }
            | Error::Sync {
                detail: Some(d), ..
            }
            | Error::InvalidSettings {
                detail: Some(d), ..
            } => d.args.clone(),
            Error::InvalidDraft {
                path: p,
                line,
                field,
                message,
                detail: None,
            } => vec![
                ("path", path(p)),
                ("line", line.to_string()),
                ("field", field.clone()),
                ("message", message.clone()),
            ],
            Error::NotFound {
                what,
                hint,
                detail: None,
            } => vec![("what", what.clone()), ("hint", hint.clone())],
            Error::Invalid {
                what,
                message,
                detail: None,
            } => vec![("what", what.clone()), ("message", message.clone())],
            Error::Sync {
                message,
                detail: None,
            } => vec![("message", message.clone())],
            Error::InvalidSettings {
                path: p,
                message,
                detail: None,
            } => {
                vec![("path", path(p)), ("message", message.clone())]
            }
        }
    }

    /// This error with `code` and its facts, for a shell to word (the English message, what the
    /// CLI prints, is unchanged). Only the kinds whose detail is free text take a code; the facts
    /// must be exactly the code's [`ErrorCode::arg_names`], which debug builds check.
    pub(crate) fn coded<const N: usize>(
        self,
        code: ErrorCode,
        args: [(&'static str, String); N],
    ) -> Self {
        self.with_detail(code, args.into())
    }

    /// [`Error::coded`] with facts gathered at run time (a problem found deep in a parser, then
    /// located in its file).
    pub(crate) fn with_detail(
        mut self,
        code: ErrorCode,
        args: Vec<(&'static str, String)>,
    ) -> Self {
        debug_assert_eq!(
            args.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
            code.arg_names(),
            "the facts of {code}"
        );
        let new = Some(Box::new(Detail { code, args }));
        match &mut self {
            Error::InvalidDraft { detail, .. }
            | Error::NotFound { detail, .. }
            | Error::Invalid { detail, .. }
            | Error::Sync { detail, .. }
            | Error::InvalidSettings { detail, .. } => *detail = new,
            _ => debug_assert!(false, "{code} given to an error that has its own: {self:?}"),
        }
        self
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound {
            what: what.into(),
            hint: String::new(),
            detail: None,
        }
    }

    /// No version in `lang` of commentary `id`; `hint` continues the sentence (". Start it …").
    pub(crate) fn language_not_found(id: &str, lang: &str, hint: impl Into<String>) -> Self {
        Error::NotFound {
            what: format!("the {lang} version of commentary {id}"),
            hint: hint.into(),
            detail: None,
        }
        .coded(
            ErrorCode::LanguageNotFound,
            [("id", id.to_string()), ("lang", lang.to_string())],
        )
    }

    /// Whether this is a conflict left by git or a sync tool (markers or a copy).
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            Error::ConflictMarkers { .. } | Error::ConflictCopy { .. }
        )
    }

    /// The error for a text with conflict markers.
    pub(crate) fn conflict_markers(
        path: impl Into<PathBuf>,
        markers: &crate::conflict::Markers,
    ) -> Self {
        let first = markers.first();
        Error::ConflictMarkers {
            path: path.into(),
            line: first.start,
            ours: first.ours.clone(),
            theirs: first.theirs.clone(),
        }
    }

    /// The error for a sync tool's conflict copy at `path`.
    pub(crate) fn conflict_copy(
        path: impl Into<PathBuf>,
        copy: crate::conflict::ConflictCopy,
    ) -> Self {
        Error::ConflictCopy {
            path: path.into(),
            original: copy.original.into(),
            tool: copy.tool,
        }
    }

    pub(crate) fn invalid(what: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            what: what.into(),
            message: message.into(),
            detail: None,
        }
    }
}

/// The stable tag of what went wrong in a write (the same cases [`write_problem`] words).
fn write_cause(source: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "disk_full",
        ErrorKind::ReadOnlyFilesystem => "read_only",
        ErrorKind::PermissionDenied => "permission",
        ErrorKind::NotFound => "folder_gone",
        _ => "disk_error",
    }
}

/// The two sides of a conflict as a clause: "one side from `HEAD`, the other from `x`".
fn describe_sides(ours: &str, theirs: &str) -> String {
    let side = |label: &str| {
        if label.is_empty() {
            "an unnamed side".to_string()
        } else {
            format!("`{label}`")
        }
    };
    format!(
        "one side from {}, the other from {}",
        side(ours),
        side(theirs)
    )
}

/// What went wrong with a write, and what the user can do, from the kind of I/O error.
fn write_problem(source: &std::io::Error) -> (String, &'static str) {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => (
            "the disk is full".into(),
            "Free some space, then save again.",
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "the disk is read-only".into(),
            "Make the workspace writable (or move it to a writable disk), then save again.",
        ),
        ErrorKind::PermissionDenied => (
            "Galley is not allowed to write there".into(),
            "Check the folder's permissions, then save again.",
        ),
        ErrorKind::NotFound => (
            "its folder has disappeared".into(),
            "Check that the workspace is still there, then save again.",
        ),
        _ => (
            format!("the disk reported an error ({source})"),
            "Check the disk, then save again.",
        ),
    }
}

fn describe_write_failure(
    path: &std::path::Path,
    step: &str,
    replaced: bool,
    source: &std::io::Error,
) -> String {
    let (problem, advice) = write_problem(source);
    let path = path.display();
    if replaced {
        format!(
            "{path} was saved, but {problem} when Galley tried to {step}, so the change may not \
             survive a power cut. {advice}"
        )
    } else {
        format!(
            "{problem} while saving {path} (could not {step}). {advice} The file on disk is \
             unchanged and what you were saving is not lost."
        )
    }
}

#[cfg(test)]
mod kinds_tests {
    use super::*;
    use std::collections::BTreeSet;

    /// One of each error; `kind()`'s match has no wildcard, so a new variant needs a kind, and
    /// this list (checked against `ErrorKind::ALL`) needs its example.
    #[test]
    fn kinds_lists_every_error_once() {
        let io = || std::io::Error::other("x");
        let path = PathBuf::from("a.md");
        let errors = [
            Error::io("read", "a.md", io()),
            Error::WriteFailed {
                path: path.clone(),
                step: "write",
                replaced: false,
                source: io(),
            },
            Error::InvalidDraft {
                path: path.clone(),
                line: 1,
                field: "id".into(),
                message: "x".into(),
                detail: None,
            },
            Error::ConflictMarkers {
                path: path.clone(),
                line: 1,
                ours: "a".into(),
                theirs: "b".into(),
            },
            Error::ConflictCopy {
                path: path.clone(),
                original: path.clone(),
                tool: crate::conflict::SyncTool::Dropbox,
            },
            Error::NotText {
                path: path.clone(),
                reason: "x".into(),
            },
            Error::TooLarge {
                path: path.clone(),
                size: 2,
                limit: 1,
            },
            Error::NoWorkspace {
                path: path.clone(),
                reason: "x".into(),
            },
            Error::OutsideWorkspace {
                path: path.clone(),
                root: path.clone(),
            },
            Error::not_found("x"),
            Error::invalid("x", "y"),
            Error::InvalidSettings {
                path: path.clone(),
                message: "x".into(),
                detail: None,
            },
            Error::Database {
                source: rusqlite::Error::InvalidQuery,
            },
            Error::Corrupt { what: "x".into() },
            Error::Watch {
                message: "x".into(),
            },
            Error::NotReady {
                week: "2020-W21".parse().expect("week"),
                reasons: "x".into(),
            },
            Error::Journal {
                path: path.clone(),
                line: 1,
                message: "x".into(),
            },
            Error::Sync {
                message: "x".into(),
                detail: None,
            },
        ];
        for error in &errors {
            if let Some(code) = error.code() {
                let names: Vec<&str> = error.args().iter().map(|(name, _)| *name).collect();
                assert_eq!(names, code.arg_names(), "{error:?}");
            }
        }
        let kinds: BTreeSet<ErrorKind> = errors.iter().map(Error::kind).collect();
        let listed: BTreeSet<ErrorKind> = ErrorKind::ALL.into_iter().collect();
        assert_eq!(listed.len(), ErrorKind::ALL.len(), "a kind is listed twice");
        assert_eq!(kinds, listed);
    }

    /// Codes are the contract too: serde writes `as_str`, no two share one, no fact is named
    /// twice, and a code that is a kind's text is that kind's own.
    #[test]
    fn each_code_is_its_own_and_names_its_facts_once() {
        let mut codes = BTreeSet::new();
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).expect("a code serializes");
            assert_eq!(json, serde_json::Value::from(code.as_str()), "{code:?}");
            assert!(codes.insert(code.as_str()), "{code:?} repeats a code");
            let names: BTreeSet<&str> = code.arg_names().iter().copied().collect();
            assert_eq!(
                names.len(),
                code.arg_names().len(),
                "{code:?} repeats a fact"
            );
        }
        for kind in ErrorKind::ALL {
            let free_text = matches!(
                kind,
                ErrorKind::Invalid
                    | ErrorKind::InvalidDraft
                    | ErrorKind::NotFound
                    | ErrorKind::Sync
                    | ErrorKind::InvalidSettings
            );
            assert_eq!(codes.contains(kind.as_str()), !free_text, "{kind:?}");
        }
    }

    /// A code changes what a shell shows, never the sentence the CLI prints.
    #[test]
    fn a_code_leaves_the_sentence_as_it_was() {
        let plain = Error::invalid("the section `x`", "the workspace's sections are a, b");
        let sentence = plain.to_string();
        let coded = plain.coded(
            ErrorCode::SectionUnknown,
            [("section", "x".into()), ("sections", "a, b".into())],
        );
        assert_eq!(coded.to_string(), sentence);
        assert_eq!(coded.code(), Some(ErrorCode::SectionUnknown));
        assert_eq!(coded.kind(), ErrorKind::Invalid);
        assert_eq!(coded.args()[0], ("section", "x".to_string()));
    }

    /// The code is the contract: serde writes exactly `as_str`, and no two kinds share one.
    #[test]
    fn each_kind_serializes_to_its_own_code() {
        let mut codes = BTreeSet::new();
        for kind in ErrorKind::ALL {
            let json = serde_json::to_value(kind).expect("a kind serializes");
            assert_eq!(json, serde_json::Value::from(kind.as_str()), "{kind:?}");
            assert!(codes.insert(kind.as_str()), "{kind:?} repeats a code");
        }
    }
}
