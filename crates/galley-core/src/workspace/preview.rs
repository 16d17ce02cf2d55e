//! The live preview: an unsaved draft text as the bundle's page shows it.

use super::Workspace;
use crate::bundle::markdown_to_html;
use crate::draft::{Draft, Trend};
use crate::error::Result;
use std::path::Path;

/// A draft as the reader will see it; `html` is the body through the bundle's one sanitizer.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub title: String,
    pub lead: String,
    pub trend: Option<Trend>,
    pub authors: Vec<String>,
    pub html: String,
}

impl Workspace {
    /// The preview of `text` (front matter and body, not saved) as the file at `path`, which
    /// names it in errors and must be inside the workspace.
    pub fn preview(&self, path: &str, text: &str) -> Result<Preview> {
        let target = self.resolve(Path::new(path))?;
        let draft = Draft::parse(Path::new(&target.rel), text.as_bytes())?;
        let front = draft.front();
        Ok(Preview {
            title: front.title.clone(),
            lead: front.lead.trim().to_string(),
            trend: front.trend,
            authors: front.authors.clone(),
            html: markdown_to_html(draft.body()),
        })
    }
}
