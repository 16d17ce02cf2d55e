//! The live preview of a draft's unsaved text, shaped for the UI.

use serde::Serialize;
use ts_rs::TS;

/// A draft's unsaved text as the bundle page shows it. `title`, `lead` and `authors` are plain
/// text (the UI escapes them); `html` is the body through the core's one sanitizer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewView {
    pub title: String,
    pub lead: String,
    pub trend: Option<crate::dto::TrendTag>,
    pub authors: Vec<String>,
    /// Sanitized HTML of the body: no script, style, event handler or `javascript:` link.
    pub html: String,
}
