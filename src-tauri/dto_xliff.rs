//! XLIFF export and import results, shaped for the UI.

use serde::Serialize;
use ts_rs::TS;

use galley_core::workspace::XliffImport;

/// Where an XLIFF job was written.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct XliffSaved {
    /// Workspace-relative when inside the workspace, else the full path the user chose.
    pub path: String,
    pub file_name: String,
}

/// What an XLIFF import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct XliffImported {
    pub commentary: String,
    pub target_lang: String,
    /// The translation's workspace-relative path.
    pub path: String,
    /// False when the file brought nothing new (nothing was written).
    pub changed: bool,
    /// True when the import created the translation's file.
    pub created: bool,
}

impl From<&XliffImport> for XliffImported {
    fn from(import: &XliffImport) -> Self {
        XliffImported {
            commentary: import.commentary.clone(),
            target_lang: import.target_lang.clone(),
            path: import.path.clone(),
            changed: import.changed,
            created: import.created,
        }
    }
}
