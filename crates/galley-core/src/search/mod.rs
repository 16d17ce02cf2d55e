//! Full-text search over the current text of every language version.
//!
//! The pure half lives here: turning what a user typed into a safe FTS5 MATCH expression with
//! the filters inside it (`query`), turning a draft into the columns the index stores
//! (`document`), and turning marked snippets into text plus highlight ranges (`highlight`).
//! Storage is `history::search_index`; keeping the index current is `workspace::search`.
//!
//! The tokenizer is FTS5's `unicode61 remove_diacritics 2` plus `ё` → `е` (`history`'s
//! `fold_tokenizer`): words are runs of letters and digits in any script, case-folded; Latin
//! diacritics fold (`café` finds `cafe`), and so does `ё` (`Алена` finds `Алёна` and back,
//! snippets show the text as written); other Cyrillic letters do not (`ў` ≠ `у`, `й` ≠ `и`). An apostrophe splits a word (`п'еса` is the two
//! tokens `п` `еса`), the same way in the text and in the query, so `п'еса` still finds it.

mod document;
mod highlight;
mod query;

pub use document::DocFields;
pub use highlight::{Highlighted, MARKERS};
pub use query::{match_expression, Filters};

/// What `Workspace::search` is asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    /// At most this many hits; 0 means the default.
    pub limit: u32,
}

/// How many hits a search returns unless told otherwise.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most hits one search returns.
pub const MAX_LIMIT: u32 = 1000;

/// One language version that matched, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub path: String,
    pub id: String,
    pub lang: String,
    pub title: Highlighted,
    /// The best fragment of the body (or of the lead when only the lead matched).
    pub snippet: Highlighted,
    pub issue: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    pub trend: Option<String>,
    pub status: Option<String>,
    /// bm25 relevance, higher is better.
    pub score: f64,
}

impl SearchHit {
    pub(crate) fn from_index(hit: crate::history::IndexHit) -> SearchHit {
        let some = |s: String| (!s.is_empty()).then_some(s);
        SearchHit {
            title: Highlighted::from_marked(&hit.title_marked),
            snippet: Highlighted::from_marked(&hit.snippet_marked),
            path: hit.path,
            id: hit.draft_id,
            lang: hit.lang,
            issue: some(hit.issue),
            section: some(hit.section),
            authors: document::split_authors(&hit.authors),
            trend: some(hit.trend),
            status: some(hit.status),
            score: -hit.score,
        }
    }
}
