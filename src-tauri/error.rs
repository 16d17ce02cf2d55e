//! How errors cross IPC: `{ kind, code, args, message }`. The UI branches on `kind` (the core's
//! stable tag, or one of the shell's own), words the error from its catalogues by `code` with
//! `args` when there is a code, and shows `message` (the core's English sentence) only when
//! there is none.

use std::collections::BTreeMap;

use galley_core::{ErrorCode, ErrorKind as CoreKind};
use serde::{Serialize, Serializer};
use ts_rs::TS;

/// Every kind an ErrorDto can carry: the core's own, or one only the shell gives. The wire form
/// is the code text (`not_ready`, `internal`); the TS union is generated from [`ErrorKind::all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Core(CoreKind),
    /// A lock poisoned by an earlier command that panicked. The core has no locks of its own
    /// to break, so it never reports this.
    Internal,
    /// A platform service (a native dialog) this build or desktop lacks. The core never talks
    /// to the platform, so it never reports this.
    Unavailable,
}

impl ErrorKind {
    /// The kinds only the shell gives (see each variant for why they are not the core's).
    pub const SHELL_ONLY: [ErrorKind; 2] = [ErrorKind::Internal, ErrorKind::Unavailable];

    /// Every kind: the core's in its order, then the shell's own (the bindings' `ERROR_KINDS`).
    pub fn all() -> Vec<ErrorKind> {
        CoreKind::ALL
            .into_iter()
            .map(ErrorKind::Core)
            .chain(Self::SHELL_ONLY)
            .collect()
    }

    /// The stable code, e.g. `not_ready`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Core(kind) => kind.as_str(),
            ErrorKind::Internal => "internal",
            ErrorKind::Unavailable => "unavailable",
        }
    }
}

impl From<CoreKind> for ErrorKind {
    fn from(kind: CoreKind) -> Self {
        ErrorKind::Core(kind)
    }
}

impl Serialize for ErrorKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorDto {
    #[ts(type = "ErrorKind")]
    pub kind: ErrorKind,
    /// The code the UI words the error by (`ERROR_CODES`); null when only `message` says it.
    #[ts(type = "ErrorCode | null")]
    pub code: Option<ErrorCode>,
    /// The error's facts by name (the code's `ERROR_CODE_ARGS`, or the error's fields).
    #[ts(type = "Record<string, string>")]
    pub args: BTreeMap<String, String>,
    pub message: String,
}

impl ErrorDto {
    /// An error of `kind` the shell makes itself: no code, so the UI shows `message`.
    pub fn new(kind: impl Into<ErrorKind>, message: impl Into<String>) -> Self {
        ErrorDto {
            kind: kind.into(),
            code: None,
            args: BTreeMap::new(),
            message: message.into(),
        }
    }
}

impl From<galley_core::Error> for ErrorDto {
    fn from(error: galley_core::Error) -> Self {
        ErrorDto::from(&error)
    }
}

impl From<&galley_core::Error> for ErrorDto {
    fn from(error: &galley_core::Error) -> Self {
        ErrorDto {
            kind: error.kind().into(),
            code: error.code(),
            args: error
                .args()
                .into_iter()
                .map(|(name, value)| (name.to_string(), value))
                .collect(),
            message: error.to_string(),
        }
    }
}
