//! From what a user typed to an FTS5 MATCH expression. Every word and phrase is passed to
//! FTS5 as a quoted string, so no user text is ever read as FTS5 syntax; the little syntax we
//! accept is checked here and refused with a sentence, never with an SQLite message.
//!
//! Accepted: words (all must match), `"a phrase"`, `prefix*`, `OR` between two terms,
//! `-word` or `NOT word` to exclude. Filters become column filters in the same expression.

use crate::draft::{is_language_tag, IsoWeek, Trend};
use crate::error::{Error, ErrorCode, Result};
use crate::records::TranslationStatus;

/// The text columns a query searches; the rest of the index's columns are filters.
const TEXT_COLUMNS: &str = "{title lead body}";

/// Narrowing a search to some language versions. Each set field must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub lang: Option<String>,
    /// An ISO week, `2024-W18`.
    pub issue: Option<String>,
    pub section: Option<String>,
    /// Any word(s) of one author's name.
    pub author: Option<String>,
    /// `improved`, `unchanged` or `deteriorated`.
    pub trend: Option<String>,
    /// A translation status: `in-progress`, `in-review`, `done`.
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Term {
    /// Already quoted for FTS5, e.g. `"менск"*`.
    quoted: String,
    negated: bool,
}

/// The MATCH expression for `query` with `filters` applied inside it.
pub fn match_expression(query: &str, filters: &Filters) -> Result<String> {
    let groups = parse(query)?;
    let (negative, positive): (Vec<_>, Vec<_>) = groups
        .into_iter()
        .partition(|group| group.iter().all(|t| t.negated));
    if positive.is_empty() {
        return Err(bad_query(
            query,
            ErrorCode::SearchOnlyExcluded,
            "it has no word to look for (only excluded words); add one",
        ));
    }
    let any = |group: &[Term]| {
        let parts: Vec<&str> = group.iter().map(|t| t.quoted.as_str()).collect();
        format!("({})", parts.join(" OR "))
    };
    let wanted: Vec<String> = positive.iter().map(|g| any(g)).collect();
    let mut expression = format!("({TEXT_COLUMNS} : ({}))", wanted.join(" AND "));
    for (column, value) in filter_phrases(filters)? {
        expression.push_str(&format!(" AND ({column} : {})", quote(&value)));
    }
    if !negative.is_empty() {
        let unwanted: Vec<String> = negative.iter().map(|g| any(g)).collect();
        expression = format!(
            "({expression}) NOT ({TEXT_COLUMNS} : ({}))",
            unwanted.join(" OR ")
        );
    }
    Ok(expression)
}

/// Groups of alternatives: the groups are ANDed, the terms in a group ORed.
fn parse(query: &str) -> Result<Vec<Vec<Term>>> {
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut pending_or = false;
    let mut pending_not = false;
    let mut rest = query.trim_start();
    if rest.is_empty() {
        return Err(bad_query(
            query,
            ErrorCode::SearchEmpty,
            "it is empty; type a word to look for",
        ));
    }
    while !rest.is_empty() {
        let (raw, after) = next_token(rest, query)?;
        rest = after.trim_start();
        match raw {
            Raw::Word("OR") => {
                if groups.is_empty() || pending_or || rest.is_empty() {
                    return Err(bad_query(
                        query,
                        ErrorCode::SearchOrMisplaced,
                        "`OR` must stand between two words",
                    ));
                }
                pending_or = true;
                continue;
            }
            Raw::Word("AND") => continue,
            Raw::Word("NOT") => {
                pending_not = true;
                continue;
            }
            _ => {}
        }
        let Some(mut term) = term_of(&raw, query)? else {
            continue; // punctuation only: nothing a tokenizer would keep
        };
        term.negated |= std::mem::take(&mut pending_not);
        if std::mem::take(&mut pending_or) {
            if let Some(last) = groups.last_mut() {
                if last.iter().any(|t| t.negated) || term.negated {
                    return Err(bad_query(
                        query,
                        ErrorCode::SearchOrExcluded,
                        "`OR` cannot join an excluded word",
                    ));
                }
                last.push(term);
                continue;
            }
        }
        groups.push(vec![term]);
    }
    if pending_not {
        return Err(bad_query(
            query,
            ErrorCode::SearchNotDangling,
            "`NOT` must be followed by a word",
        ));
    }
    if groups.is_empty() {
        return Err(bad_query(
            query,
            ErrorCode::SearchNoLetters,
            "it has no letters or digits to look for",
        ));
    }
    Ok(groups)
}

enum Raw<'q> {
    Word(&'q str),
    Phrase {
        text: &'q str,
        prefix: bool,
        negated: bool,
    },
}

fn next_token<'q>(rest: &'q str, query: &str) -> Result<(Raw<'q>, &'q str)> {
    let (negated, quoted) = match rest.strip_prefix("-\"") {
        Some(body) => (true, Some(body)),
        None => (false, rest.strip_prefix('"')),
    };
    if let Some(body) = quoted {
        let Some(end) = body.find('"') else {
            return Err(bad_query(
                query,
                ErrorCode::SearchQuoteUnclosed,
                "a `\"` opens a phrase that is never closed; add the closing `\"`",
            ));
        };
        let (prefix, after) = match body[end + 1..].strip_prefix('*') {
            Some(after) => (true, after),
            None => (false, &body[end + 1..]),
        };
        if !after.is_empty() && !after.starts_with(char::is_whitespace) {
            return Err(bad_query(
                query,
                ErrorCode::SearchQuoteThenWord,
                "put a space after a closing `\"` before the next word",
            ));
        }
        let phrase = Raw::Phrase {
            text: &body[..end],
            prefix,
            negated,
        };
        return Ok((phrase, after));
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"')
        .unwrap_or(rest.len());
    if rest[end..].starts_with('"') {
        return Err(bad_query(
            query,
            ErrorCode::SearchQuoteInWord,
            "a `\"` inside a word; put phrases in quotes with spaces around them",
        ));
    }
    Ok((Raw::Word(&rest[..end]), &rest[end..]))
}

fn term_of(raw: &Raw<'_>, query: &str) -> Result<Option<Term>> {
    let (text, prefix, negated) = match *raw {
        Raw::Phrase {
            text,
            prefix,
            negated,
        } => (text, prefix, negated),
        Raw::Word(word) => {
            let (negated, word) = match word.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, word),
            };
            let (prefix, word) = match word.strip_suffix('*') {
                Some(stem) => (true, stem),
                None => (false, word),
            };
            if word.contains('*') {
                return Err(bad_query(
                    query,
                    ErrorCode::SearchStarInside,
                    "`*` may only end a word (`reform*` finds reform, reforms, reformed)",
                ));
            }
            (word, prefix, negated)
        }
    };
    if !text.chars().any(char::is_alphanumeric) {
        if prefix {
            return Err(bad_query(
                query,
                ErrorCode::SearchStarAlone,
                "a `*` must follow at least one letter or digit",
            ));
        }
        return Ok(None);
    }
    let star = if prefix { "*" } else { "" };
    Ok(Some(Term {
        quoted: format!("{}{star}", quote(text)),
        negated,
    }))
}

/// The filter columns and the normalized values to match as phrases.
fn filter_phrases(filters: &Filters) -> Result<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    if let Some(lang) = given(&filters.lang) {
        if !is_language_tag(lang) {
            return Err(bad_filter(
                "lang",
                lang,
                format!("the language filter `{lang}`"),
                "it is not a language tag like `be`, `ru` or `en`",
            ));
        }
        out.push(("lang", lang.to_ascii_lowercase()));
    }
    if let Some(issue) = given(&filters.issue) {
        let week: IsoWeek = issue.to_ascii_uppercase().parse().map_err(|_| {
            bad_filter(
                "issue",
                issue,
                format!("the issue filter `{issue}`"),
                "it is not an ISO week like `2024-W18`",
            )
        })?;
        out.push(("issue", week.to_string()));
    }
    if let Some(section) = given(&filters.section) {
        out.push(("section", words_of("section", section)?));
    }
    if let Some(author) = given(&filters.author) {
        out.push(("authors", words_of("author", author)?));
    }
    if let Some(trend) = given(&filters.trend) {
        let trend: Trend = trend.parse().map_err(|_| {
            bad_filter(
                "trend",
                trend,
                format!("the trend filter `{trend}`"),
                "use improved, unchanged or deteriorated",
            )
        })?;
        out.push(("trend", trend.as_str().to_string()));
    }
    if let Some(status) = given(&filters.status) {
        let parsed = TranslationStatus::parse(status)
            .filter(|s| *s != TranslationStatus::Missing)
            .ok_or_else(|| {
                bad_filter(
                    "status",
                    status,
                    format!("the status filter `{status}`"),
                    "use in-progress, in-review or done",
                )
            })?;
        out.push(("status", parsed.as_str().to_string()));
    }
    Ok(out)
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn words_of(what: &'static str, value: &str) -> Result<String> {
    if value.chars().any(char::is_alphanumeric) {
        Ok(value.to_string())
    } else {
        Err(bad_filter(
            what,
            value,
            format!("the {what} filter `{value}`"),
            "it has no letters or digits",
        ))
    }
}

/// An FTS5 string: the tokenizer splits it, and `"` is the only character to escape.
fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

fn bad_query(query: &str, code: ErrorCode, why: &str) -> Error {
    Error::invalid(format!("the search `{query}`"), why).coded(code, [("query", query.to_string())])
}

/// A filter value the search cannot use; `filter` names the filter in the code's facts.
fn bad_filter(filter: &'static str, value: &str, what: String, why: &str) -> Error {
    Error::invalid(what, why).coded(
        ErrorCode::SearchFilterInvalid,
        [("filter", filter.to_string()), ("value", value.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(q: &str) -> String {
        match_expression(q, &Filters::default()).unwrap()
    }

    #[test]
    fn words_are_quoted_and_anded_over_text_columns() {
        assert_eq!(
            expr("армія reform*"),
            "({title lead body} : ((\"армія\") AND (\"reform\"*)))"
        );
    }

    #[test]
    fn or_groups_and_exclusions_are_built() {
        assert_eq!(
            expr("a OR b -c \"d e\""),
            "(({title lead body} : ((\"a\" OR \"b\") AND (\"d e\")))) NOT ({title lead body} : ((\"c\")))"
        );
    }

    #[test]
    fn fts_syntax_in_user_text_stays_quoted() {
        assert_eq!(
            expr("title:x NEAR(y)"),
            "({title lead body} : ((\"title:x\") AND (\"NEAR(y)\")))"
        );
    }

    #[test]
    fn filters_join_the_match_expression() {
        let filters = Filters {
            lang: Some("be".into()),
            issue: Some("2024-w18".into()),
            status: Some("in_review".into()),
            ..Filters::default()
        };
        assert_eq!(
            match_expression("x", &filters).unwrap(),
            "({title lead body} : ((\"x\"))) AND (lang : \"be\") AND (issue : \"2024-W18\") \
             AND (status : \"in-review\")"
        );
    }

    #[test]
    fn bad_syntax_is_refused_with_a_sentence() {
        for (q, needle) in [
            ("\"open", "never closed"),
            ("", "empty"),
            ("-only", "only excluded"),
            ("a**", "may only end"),
            ("OR a", "between two words"),
            ("a OR", "between two words"),
            ("* b", "at least one letter"),
            ("!!! ...", "no letters or digits"),
            ("a NOT", "followed by a word"),
        ] {
            let err = match_expression(q, &Filters::default()).unwrap_err();
            assert!(err.to_string().contains(needle), "{q}: {err}");
        }
    }
}
