//! The columns the index stores for one draft.

use crate::draft::Draft;
use crate::hash::ContentHash;
use crate::history::IndexDoc;

/// Separates authors in the `authors` column; the tokenizer drops it, so a filter on one
/// author's name matches whichever position it holds.
const AUTHOR_SEPARATOR: &str = "; ";

/// The owned column values of one draft, borrowed as an [`IndexDoc`] when stored.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFields {
    pub path: String,
    pub draft_id: String,
    pub lang: String,
    pub hash: ContentHash,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub issue: String,
    pub section: String,
    pub authors: String,
    pub trend: String,
    pub status: String,
}

impl DocFields {
    /// The columns of `draft`, found at workspace path `rel`, with its translation status
    /// (empty when it has none).
    pub fn of(rel: &str, draft: &Draft, status: &str) -> DocFields {
        let front = draft.front();
        DocFields {
            path: rel.to_string(),
            draft_id: front.id.clone(),
            lang: front.lang.clone(),
            hash: ContentHash::of(draft.text().as_bytes()),
            title: front.title.clone(),
            lead: front.lead.clone(),
            body: draft.body().to_string(),
            issue: front.issue.map(|w| w.to_string()).unwrap_or_default(),
            section: front.section.clone().unwrap_or_default(),
            authors: front.authors.join(AUTHOR_SEPARATOR),
            trend: front
                .trend
                .map(|t| t.as_str().to_string())
                .unwrap_or_default(),
            status: status.to_string(),
        }
    }

    pub fn as_doc(&self) -> IndexDoc<'_> {
        IndexDoc {
            path: &self.path,
            draft_id: &self.draft_id,
            lang: &self.lang,
            hash: self.hash,
            title: &self.title,
            lead: &self.lead,
            body: &self.body,
            issue: &self.issue,
            section: &self.section,
            authors: &self.authors,
            trend: &self.trend,
            status: &self.status,
        }
    }
}

pub(super) fn split_authors(joined: &str) -> Vec<String> {
    joined
        .split(AUTHOR_SEPARATOR)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}
