//! How errors cross IPC: `{ kind, message }`. The UI branches on `kind` (a stable code, typed as
//! the `ErrorKind` union in the bindings) and shows `message` (a sentence the user can act on).

use galley_core::ErrorKind as CoreKind;
use serde::Serialize;
use ts_rs::TS;

/// Every kind an ErrorDto can carry: the core's (same codes, one variant each) and two the shell
/// gives itself. The codes are the wire format, so a variant is never renamed once shipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
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
    /// The shell's own: a lock poisoned by an earlier command that panicked. The core has no
    /// locks of its own to break, so it never reports this.
    Internal,
    /// The shell's own: a platform service (a native dialog) this build or desktop lacks. The
    /// core never talks to the platform, so it never reports this.
    Unavailable,
}

impl ErrorKind {
    /// The kinds only the shell gives (see each variant for why they are not the core's).
    pub const SHELL_ONLY: [ErrorKind; 2] = [ErrorKind::Internal, ErrorKind::Unavailable];

    /// Every kind: the core's in its order, then the shell's own (the bindings' `ERROR_KINDS`).
    pub fn all() -> Vec<ErrorKind> {
        CoreKind::ALL
            .into_iter()
            .map(ErrorKind::from)
            .chain(Self::SHELL_ONLY)
            .collect()
    }
}

impl From<CoreKind> for ErrorKind {
    fn from(kind: CoreKind) -> Self {
        match kind {
            CoreKind::Io => ErrorKind::Io,
            CoreKind::WriteFailed => ErrorKind::WriteFailed,
            CoreKind::InvalidDraft => ErrorKind::InvalidDraft,
            CoreKind::ConflictMarkers => ErrorKind::ConflictMarkers,
            CoreKind::ConflictCopy => ErrorKind::ConflictCopy,
            CoreKind::NotText => ErrorKind::NotText,
            CoreKind::TooLarge => ErrorKind::TooLarge,
            CoreKind::NoWorkspace => ErrorKind::NoWorkspace,
            CoreKind::OutsideWorkspace => ErrorKind::OutsideWorkspace,
            CoreKind::NotFound => ErrorKind::NotFound,
            CoreKind::Invalid => ErrorKind::Invalid,
            CoreKind::InvalidSettings => ErrorKind::InvalidSettings,
            CoreKind::Database => ErrorKind::Database,
            CoreKind::Corrupt => ErrorKind::Corrupt,
            CoreKind::Watch => ErrorKind::Watch,
            CoreKind::NotReady => ErrorKind::NotReady,
            CoreKind::Journal => ErrorKind::Journal,
            CoreKind::Sync => ErrorKind::Sync,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorDto {
    pub kind: ErrorKind,
    pub message: String,
}

impl ErrorDto {
    /// An error of `kind` with its sentence.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ErrorDto {
            kind,
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
            message: error.to_string(),
        }
    }
}
