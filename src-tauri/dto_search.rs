//! The search box's request and hits, shaped for the UI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::TrendTag;
use crate::dto_translation::LanguageState;
use galley_core::draft::Trend;
use galley_core::records::TranslationStatus;
use galley_core::search::{Filters, Highlighted, SearchHit, SearchRequest};
use galley_core::translation;

/// What the search box sends. Empty filters are ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SearchQuery {
    pub query: String,
    pub lang: Option<String>,
    /// An ISO week, `2020-W20`.
    pub issue: Option<String>,
    pub section: Option<String>,
    pub author: Option<String>,
    /// `improved`, `unchanged` or `deteriorated`.
    pub trend: Option<String>,
    /// `in-progress`, `in-review` or `done`.
    pub status: Option<String>,
    /// At most this many hits; `null` for the core's default.
    pub limit: Option<u32>,
}

impl From<SearchQuery> for SearchRequest {
    fn from(query: SearchQuery) -> Self {
        // A cleared control sends "": that means "any", not "the empty value".
        let set = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        SearchRequest {
            query: query.query,
            filters: Filters {
                lang: set(query.lang),
                issue: set(query.issue),
                section: set(query.section),
                author: set(query.author),
                trend: set(query.trend),
                status: set(query.status),
            },
            limit: query.limit.unwrap_or(0),
        }
    }
}

/// One language version that matched, best first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHitView {
    /// Workspace-relative; pass it to `read_draft`.
    pub path: String,
    pub id: String,
    pub lang: String,
    pub title: Vec<TextPart>,
    pub snippet: Vec<TextPart>,
    pub issue: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub trend: Option<TrendTag>,
    /// The recorded translation status (`missing`, `in-progress`, `in-review`, `done`).
    pub status: Option<LanguageState>,
}

/// A run of plain text; `matched` runs are the words that matched the query. The UI draws
/// them as text nodes (never as HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextPart {
    pub text: String,
    pub matched: bool,
}

impl From<&SearchHit> for SearchHitView {
    fn from(hit: &SearchHit) -> Self {
        SearchHitView {
            path: hit.path.clone(),
            id: hit.id.clone(),
            lang: hit.lang.clone(),
            title: text_parts(&hit.title),
            snippet: text_parts(&hit.snippet),
            issue: hit.issue.clone(),
            section: hit.section.clone(),
            authors: hit.authors.clone(),
            // The index keeps the front matter's and the records' spellings; an unreadable one
            // is shown as none rather than failing the search.
            trend: hit
                .trend
                .as_deref()
                .and_then(|t| t.parse::<Trend>().ok())
                .map(TrendTag::from),
            status: hit
                .status
                .as_deref()
                .and_then(TranslationStatus::parse)
                .map(|s| translation::LanguageState::recorded(Some(s)).into()),
        }
    }
}

/// Splits highlighted text at its ranges (character offsets) into plain and matched runs.
pub fn text_parts(highlighted: &Highlighted) -> Vec<TextPart> {
    let mut parts: Vec<TextPart> = Vec::new();
    let mut ranges = highlighted.ranges.iter().peekable();
    for (i, c) in highlighted.text.chars().enumerate() {
        while ranges.peek().is_some_and(|r| r.end <= i) {
            ranges.next();
        }
        let matched = ranges.peek().is_some_and(|r| r.contains(&i));
        match parts.last_mut() {
            Some(last) if last.matched == matched => last.text.push(c),
            _ => parts.push(TextPart {
                text: c.to_string(),
                matched,
            }),
        }
    }
    parts
}
