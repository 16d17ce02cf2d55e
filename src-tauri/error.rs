//! How errors cross IPC: `{ kind, message }`. The UI branches on `kind` (the core's stable tag),
//! and shows `message` (a sentence the user can act on).

use serde::Serialize;
use ts_rs::TS;

/// The kinds the shell gives itself (beside the core's `Error::KINDS`): a broken lock, a dialog
/// the platform cannot open.
pub const SHELL_KINDS: [&str; 2] = ["internal", "unavailable"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorDto {
    pub kind: String,
    pub message: String,
}

impl From<galley_core::Error> for ErrorDto {
    fn from(error: galley_core::Error) -> Self {
        ErrorDto {
            kind: error.kind().to_string(),
            message: error.to_string(),
        }
    }
}

impl From<&galley_core::Error> for ErrorDto {
    fn from(error: &galley_core::Error) -> Self {
        ErrorDto {
            kind: error.kind().to_string(),
            message: error.to_string(),
        }
    }
}
