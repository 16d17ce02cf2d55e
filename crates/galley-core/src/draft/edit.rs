//! The editor's form: the front matter fields a person changes, applied to a draft's text so
//! that only the changed keys are rewritten (see [`super::update`]).

use super::{update, Draft, IsoWeek, Trend, FIELDS};
use crate::error::{Error, Result};
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

/// What applying the form gave: the new text, or the one field whose value cannot be written
/// (the form keeps the value and shows `error` beside that field; nothing else changed).
#[derive(Debug)]
pub enum FieldsEdit {
    Edited(String),
    Refused { field: &'static str, error: Error },
}

/// The text of the draft `text` (read from `path`) with the form's fields applied; the body and
/// every untouched front matter byte stay as they are. A trend or issue that does not parse,
/// or a value that would not read back as a valid draft, is [`FieldsEdit::Refused`] naming the
/// field; a draft text that does not parse at all is an error.
pub fn edit_fields(path: &Path, text: &str, edit: &FieldEdit) -> Result<FieldsEdit> {
    let draft = Draft::parse(path, text.as_bytes())?;
    let refused = |field: &'static str| move |error: Error| FieldsEdit::Refused { field, error };
    let trend = match present(&edit.trend).map(str::parse::<Trend>).transpose() {
        Ok(trend) => trend,
        Err(error) => return Ok(refused("trend")(error)),
    };
    let issue = match present(&edit.issue).map(str::parse::<IsoWeek>).transpose() {
        Ok(issue) => issue,
        Err(error) => return Ok(refused("issue")(error)),
    };
    let mut front = draft.front().clone();
    front.title = edit.title.trim().to_string();
    front.trend = trend;
    front.authors = list(&edit.authors);
    front.lead = edit.lead.trim().to_string();
    front.section = present(&edit.section).map(str::to_string);
    front.issue = issue;
    front.tags = list(&edit.tags);
    let edited = update(&draft, &front, draft.body());
    match Draft::parse(path, edited.as_bytes()) {
        Ok(_) => Ok(FieldsEdit::Edited(edited)),
        Err(error) => {
            let field = match &error {
                Error::InvalidDraft { field, .. } => FIELDS.iter().find(|known| *known == field),
                _ => None,
            };
            match field {
                Some(field) => Ok(refused(field)(error)),
                None => Err(error),
            }
        }
    }
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
