//! What the shell's commands and events carry: recent workspaces, the outcome of opening one,
//! the words of the "make it a workspace?" question, and menu actions.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use galley_core::recent::RecentWorkspace;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecentEntry {
    pub path: String,
    /// The folder is gone (moved or deleted); it cannot be opened until it is back.
    pub missing: bool,
}

impl From<&RecentWorkspace> for RecentEntry {
    fn from(entry: &RecentWorkspace) -> Self {
        RecentEntry {
            path: entry.path.display().to_string(),
            missing: entry.missing,
        }
    }
}

/// `opened` is the new workspace's root, or `null` when the user cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenOutcome {
    pub opened: Option<String>,
}

/// The native question asked when the picked folder is not a workspace yet, in the UI's language.
/// `question` may contain `{folder}`, replaced by the folder's path.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InitPrompt {
    pub title: String,
    pub question: String,
    pub confirm: String,
    pub cancel: String,
}

/// The payload of the `menu` event: which action the user chose, and for `open-recent` the
/// folder (one from the recent list).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MenuAction {
    pub action: String,
    pub path: Option<String>,
}
