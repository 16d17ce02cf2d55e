//! The editor's form: the front matter fields a person changes, applied to a draft's text so
//! that only the changed keys are rewritten (see [`super::update`]).

use super::{update, Draft, IsoWeek, Trend};
use crate::error::Result;
use std::path::Path;

/// The fields the editor's form shows, as typed. Text is trimmed; empty text reads as missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldEdit {
    pub title: String,
    /// improved, unchanged or deteriorated.
    pub trend: Option<String>,
    pub authors: Vec<String>,
    pub lead: String,
    pub section: Option<String>,
    /// An ISO week like `2020-W20`.
    pub issue: Option<String>,
    pub tags: Vec<String>,
}

/// The text of the draft `text` (read from `path`) with the form's fields applied; the body and
/// every untouched front matter byte stay as they are. Refuses a trend or issue that does not
/// parse, and any result that would not read back as a valid draft.
pub fn edit_fields(path: &Path, text: &str, edit: &FieldEdit) -> Result<String> {
    let draft = Draft::parse(path, text.as_bytes())?;
    let mut front = draft.front().clone();
    front.title = edit.title.trim().to_string();
    front.trend = present(&edit.trend).map(str::parse::<Trend>).transpose()?;
    front.authors = list(&edit.authors);
    front.lead = edit.lead.trim().to_string();
    front.section = present(&edit.section).map(str::to_string);
    front.issue = present(&edit.issue)
        .map(str::parse::<IsoWeek>)
        .transpose()?;
    front.tags = list(&edit.tags);
    let edited = update(&draft, &front, draft.body());
    Draft::parse(path, edited.as_bytes())?;
    Ok(edited)
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}
