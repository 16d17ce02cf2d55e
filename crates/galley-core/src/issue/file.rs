//! The issue file, `<WEEK>/issue.toml`: date range, title per language, and the order of
//! sections and of the commentaries in them. Small and line-oriented so git diffs stay readable.
//!
//! ```toml
//! start = 2020-05-11
//! end = 2020-05-17
//!
//! [title]
//! en = "Week 20: reservists and refineries"
//!
//! [[sections]]
//! key = "security"
//! commentaries = [
//!     "pxq253v3kb", # Reserve call-up widened to western districts
//! ]
//! ```

use crate::draft::IsoWeek;
use crate::error::{Error, ErrorCode, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use time::{Date, Month};

/// The file name of an issue inside its week's folder.
pub const ISSUE_FILE: &str = "issue.toml";

/// One weekly issue as its file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub week: IsoWeek,
    /// First and last day covered, inclusive (Monday and Sunday of the week unless edited).
    pub start: Date,
    pub end: Date,
    /// Title per language tag.
    pub titles: BTreeMap<String, String>,
    /// In publication order.
    pub sections: Vec<IssueSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueSection {
    /// A section key from the workspace settings.
    pub key: String,
    /// Commentary ids, in publication order.
    pub commentaries: Vec<String>,
}

/// The workspace-relative path of a week's issue file.
pub fn issue_path(week: IsoWeek) -> String {
    format!("{week}/{ISSUE_FILE}")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIssue {
    start: Option<toml::Spanned<toml::value::Datetime>>,
    end: Option<toml::Spanned<toml::value::Datetime>>,
    #[serde(default)]
    title: BTreeMap<String, String>,
    #[serde(default)]
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    key: toml::Spanned<String>,
    #[serde(default)]
    commentaries: Vec<toml::Spanned<String>>,
}

impl Issue {
    /// A new, empty issue covering Monday to Sunday of `week`.
    pub fn new(week: IsoWeek) -> Issue {
        Issue {
            week,
            start: week.monday(),
            end: week.sunday(),
            titles: BTreeMap::new(),
            sections: Vec::new(),
        }
    }

    /// Parses the issue file of `week`; `path` names it in errors, which give the line.
    pub fn parse(path: &str, week: IsoWeek, text: &str) -> Result<Issue> {
        if let Some(markers) = crate::conflict::find_markers(text) {
            return Err(Error::conflict_markers(path, &markers));
        }
        // A refusal located at `span`; `facts` follow the code's `path` and `line`.
        let at = |span: std::ops::Range<usize>,
                  message: String,
                  code: ErrorCode,
                  facts: Vec<(&'static str, String)>| {
            let line = text.get(..span.start).unwrap_or(text).matches('\n').count() + 1;
            let place = [("path", path.to_string()), ("line", line.to_string())];
            Error::invalid(format!("{path}, line {line}"), message)
                .with_detail(code, place.into_iter().chain(facts).collect())
        };
        let raw: RawIssue = toml::from_str(text).map_err(|e| {
            let message = e.message().trim_end().to_string();
            match e.span() {
                Some(span) => at(
                    span,
                    message.clone(),
                    ErrorCode::IssueFileUnreadable,
                    vec![("toml_says", message)],
                ),
                None => Error::invalid(path.to_string(), message),
            }
        })?;
        let date = |value: Option<toml::Spanned<toml::value::Datetime>>, default: Date| {
            let Some(value) = value else {
                return Ok(default);
            };
            let span = value.span();
            let datetime = value.into_inner();
            match (datetime.date, datetime.time, datetime.offset) {
                (Some(d), None, None) => Month::try_from(d.month)
                    .ok()
                    .and_then(|m| Date::from_calendar_date(i32::from(d.year), m, d.day).ok())
                    .ok_or_else(|| {
                        at(
                            span.clone(),
                            format!("{datetime} is not a calendar date"),
                            ErrorCode::IssueFileDateInvalid,
                            vec![("date", datetime.to_string())],
                        )
                    }),
                _ => Err(at(
                    span,
                    format!("write a plain date like 2020-05-11, not {datetime}"),
                    ErrorCode::IssueFileDateInvalid,
                    vec![("date", datetime.to_string())],
                )),
            }
        };
        let start = date(raw.start, week.monday())?;
        let end = date(raw.end, week.sunday())?;
        if end < start {
            return Err(Error::invalid(
                path.to_string(),
                format!("its end ({end}) is before its start ({start})"),
            )
            .coded(
                ErrorCode::IssueFileDatesReversed,
                [
                    ("path", path.to_string()),
                    ("start", start.to_string()),
                    ("end", end.to_string()),
                ],
            ));
        }
        for (lang, title) in &raw.title {
            if title.contains(['\n', '\r']) {
                return Err(Error::invalid(
                    path.to_string(),
                    format!("the {lang} title spans several lines; keep a title on one line"),
                )
                .coded(
                    ErrorCode::IssueFileTitleMultiline,
                    [("path", path.to_string()), ("lang", lang.clone())],
                ));
            }
        }
        let mut sections: Vec<IssueSection> = Vec::new();
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for raw_section in raw.sections {
            let key_span = raw_section.key.span();
            let key = raw_section.key.into_inner();
            if key.trim().is_empty() {
                return Err(at(
                    key_span,
                    "a section has an empty key".into(),
                    ErrorCode::IssueFileSectionKeyEmpty,
                    vec![],
                ));
            }
            if sections.iter().any(|s| s.key == key) {
                return Err(at(
                    key_span,
                    format!("section `{key}` is listed twice; merge the two lists"),
                    ErrorCode::IssueFileSectionTwice,
                    vec![("section", key.clone())],
                ));
            }
            let mut commentaries = Vec::new();
            for id in raw_section.commentaries {
                let span = id.span();
                let id = id.into_inner();
                if id.trim().is_empty() || id.contains(char::is_whitespace) {
                    return Err(at(
                        span,
                        format!("`{id}` is not a commentary id"),
                        ErrorCode::IssueFileIdInvalid,
                        vec![("id", id.clone())],
                    ));
                }
                if let Some(other) = seen.insert(id.clone(), key.clone()) {
                    return Err(at(
                        span,
                        format!("commentary {id} is listed twice (also in `{other}`); keep one"),
                        ErrorCode::IssueFileIdTwice,
                        vec![("id", id.clone()), ("section", other)],
                    ));
                }
                commentaries.push(id);
            }
            sections.push(IssueSection { key, commentaries });
        }
        Ok(Issue {
            week,
            start,
            end,
            titles: raw.title,
            sections,
        })
    }

    /// The file's text. `describe` gives a commentary's title for the comment beside its id
    /// (so a person editing the file sees what they are moving), or `None`.
    pub fn render(&self, describe: &dyn Fn(&str) -> Option<String>) -> String {
        let mut out = format!(
            "# Weekly issue {}. Sections and commentaries are listed in publication order;\n\
             # a commentary whose front matter names this issue but is missing here comes last\n\
             # in its section.\n",
            self.week
        );
        out.push_str(&format!(
            "start = {}\nend = {}\n",
            render_date(self.start),
            render_date(self.end)
        ));
        if !self.titles.is_empty() {
            out.push_str("\n[title]\n");
            for (lang, title) in &self.titles {
                out.push_str(&format!("{} = {}\n", render_key(lang), quote(title)));
            }
        }
        for section in &self.sections {
            out.push_str(&format!("\n[[sections]]\nkey = {}\n", quote(&section.key)));
            if section.commentaries.is_empty() {
                out.push_str("commentaries = []\n");
                continue;
            }
            out.push_str("commentaries = [\n");
            for id in &section.commentaries {
                out.push_str(&format!("    {},", quote(id)));
                if let Some(title) = describe(id).filter(|t| !t.trim().is_empty()) {
                    let title: String = title
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect();
                    out.push_str(&format!(" # {}", title.trim()));
                }
                out.push('\n');
            }
            out.push_str("]\n");
        }
        out
    }

    /// The section listing `id`, and its index there.
    pub fn position_of(&self, id: &str) -> Option<(&str, usize)> {
        self.sections.iter().find_map(|s| {
            s.commentaries
                .iter()
                .position(|c| c == id)
                .map(|i| (s.key.as_str(), i))
        })
    }
}

fn render_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn render_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        key.to_string()
    } else {
        quote(key)
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
