//! The mapping a team writes once to migrate its archive (`galley import --mapping FILE`):
//! which sentences are which trend, which section titles are which section key, which other
//! keys hold the authors, whether the first paragraph is the lead, and which date decides the
//! week. Pure: [`ImportMapping::apply`] turns one source's front matter and body into what
//! import writes, with a note for every change and the keys it does not know.
//!
//! Front matter edits keep every line where it was (a key renamed, a value replaced on its
//! own line), so an error in the result points at the same line of the source.

use crate::draft::{IsoWeek, Trend, FIELDS};
use crate::error::{Error, Result};
use crate::settings::Section;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use time::{Date, Duration};

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportMapping {
    /// `"first-paragraph"`: a file without `lead` gets its body's first paragraph as the lead
    /// (and the body loses it).
    #[serde(default)]
    pub lead: Option<LeadRule>,
    /// Other keys that hold the authors (`byline`, `author`), renamed to `authors`.
    #[serde(default)]
    pub authors: Vec<String>,
    /// What separates names in a one-line byline ("Hanna Zhuk, Pavel Lysenka").
    #[serde(default)]
    pub author_separators: Vec<String>,
    /// Which date decides the week.
    #[serde(default)]
    pub week: Option<WeekRule>,
    /// Sentences the archive uses for each trend.
    #[serde(default)]
    pub trend: BTreeMap<TrendKey, Vec<String>>,
    /// Section key → titles the archive uses for it.
    #[serde(default)]
    pub sections: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeadRule {
    FirstParagraph,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekRule {
    /// The front matter key holding the date (`date`).
    pub key: String,
    /// What the date is.
    pub date: DateMeaning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateMeaning {
    /// The day the issue went out, after the week it covers: the week before the date's.
    Publication,
    /// A day of the week the issue covers.
    InWeek,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrendKey {
    Improved,
    Unchanged,
    Deteriorated,
}

impl TrendKey {
    fn trend(self) -> Trend {
        match self {
            TrendKey::Improved => Trend::Improved,
            TrendKey::Unchanged => Trend::Unchanged,
            TrendKey::Deteriorated => Trend::Deteriorated,
        }
    }
}

/// One source after the mapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapped {
    /// Front matter lines to add above the source's own (`issue:`, `lead:`).
    pub added: String,
    /// The source's front matter, same lines, mapped values.
    pub yaml: String,
    pub body: String,
    /// What the mapping did, one sentence each.
    pub notes: Vec<String>,
    /// Top-level keys Galley does not know and the mapping does not name, kept as they are.
    pub unknown_keys: Vec<String>,
}

/// A source line the mapping cannot take: its line in the source file and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapProblem {
    pub line: usize,
    pub field: String,
    pub message: String,
}

impl ImportMapping {
    /// Reads a mapping file; errors name the file and the line.
    pub fn load(path: &Path) -> Result<ImportMapping> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
        toml::from_str(&text).map_err(|e| {
            Error::invalid(
                format!("the import mapping {}", path.display()),
                format!(
                    "{}{}",
                    e.message(),
                    crate::settings::line_hint(&text, e.span())
                ),
            )
        })
    }

    /// Maps one source: `yaml` is its front matter without the `---` lines (empty when it has
    /// none), `first_yaml_line` the source line `yaml` starts on, `sections` the workspace's
    /// (their titles count as section titles too).
    pub fn apply(
        &self,
        yaml: &str,
        first_yaml_line: usize,
        body: &str,
        sections: &[Section],
    ) -> std::result::Result<Mapped, MapProblem> {
        let keys: Vec<String> = top_level(yaml).map(|(_, key, _)| key.to_string()).collect();
        let has = |key: &str| keys.iter().any(|k| k == key);
        let mut out = Mapped::default();
        for (index, line) in yaml.split_inclusive('\n').enumerate() {
            let line_no = first_yaml_line + index;
            let Some((key, value)) = key_and_value(line) else {
                out.yaml.push_str(line);
                continue;
            };
            let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
            if self.authors.iter().any(|k| k == key) && !has("authors") {
                out.yaml.push_str(&self.authors_line(value));
                out.yaml.push_str(ending);
                out.notes.push(format!("authors from `{key}`"));
            } else if key == "trend" {
                out.yaml
                    .push_str(&format!("trend: {}", self.trend_value(value, line_no)?));
                out.yaml.push_str(ending);
                if let Some(note) = self.trend_note(value) {
                    out.notes.push(note);
                }
            } else if key == "section" {
                match section_key(value, &self.sections, sections) {
                    Some(found) if found != unquote(value) => {
                        out.yaml.push_str(&format!("section: {found}{ending}"));
                        out.notes
                            .push(format!("section `{found}` from “{}”", unquote(value)));
                    }
                    _ => out.yaml.push_str(line),
                }
            } else {
                out.yaml.push_str(line);
                let mapped = self.authors.iter().any(|k| k == key)
                    || self.week.as_ref().is_some_and(|w| w.key == key);
                if !mapped && !FIELDS.contains(&key) && !out.unknown_keys.iter().any(|k| k == key) {
                    out.unknown_keys.push(key.to_string());
                }
            }
        }
        if let Some(rule) = self.week.as_ref().filter(|_| !has("issue")) {
            let date = top_level(yaml)
                .find(|(_, key, _)| *key == rule.key)
                .map(|(_, _, value)| unquote(value).to_string());
            if let Some(week) = date.as_deref().and_then(|d| rule.week_of(d)) {
                out.added.push_str(&format!("issue: {week}\n"));
                out.notes.push(format!(
                    "issue {week} from `{}` {} ({})",
                    rule.key,
                    date.unwrap_or_default(),
                    match rule.date {
                        DateMeaning::Publication => "a publication date: the week before it",
                        DateMeaning::InWeek => "a day of that week",
                    }
                ));
            }
        }
        out.body = body.to_string();
        if self.lead == Some(LeadRule::FirstParagraph) && !has("lead") {
            if let Some((lead, rest)) = first_paragraph(body) {
                out.added
                    .push_str(&format!("lead: {}\n", yaml_quoted(&lead)));
                out.body = rest;
                out.notes.push("lead from the first paragraph".into());
            }
        }
        Ok(out)
    }

    fn authors_line(&self, value: &str) -> String {
        let single = unquote(value);
        if self.author_separators.is_empty() || single.is_empty() || value.starts_with('[') {
            return format!("authors:{}", &value_with_space(value));
        }
        let mut names = vec![single.to_string()];
        for separator in &self.author_separators {
            names = names
                .iter()
                .flat_map(|n| n.split(separator.as_str()))
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect();
        }
        let quoted: Vec<String> = names.iter().map(|n| yaml_quoted(n)).collect();
        format!("authors: [{}]", quoted.join(", "))
    }

    fn phrase_trend(&self, value: &str) -> Option<Trend> {
        let wanted = normalized(unquote(value));
        self.trend.iter().find_map(|(key, phrases)| {
            phrases
                .iter()
                .any(|p| normalized(p) == wanted)
                .then_some(key.trend())
        })
    }

    fn trend_value(&self, value: &str, line: usize) -> std::result::Result<String, MapProblem> {
        let text = unquote(value);
        if text.is_empty() || text.parse::<Trend>().is_ok() {
            return Ok(text.to_string());
        }
        match self.phrase_trend(value) {
            Some(trend) => Ok(trend.as_str().to_string()),
            None => Err(MapProblem {
                line,
                field: "trend".into(),
                message: format!(
                    "the trend “{text}” is not {} nor a sentence of the mapping's [trend] table; \
                     add it there under the trend it means",
                    Trend::allowed_list()
                ),
            }),
        }
    }

    fn trend_note(&self, value: &str) -> Option<String> {
        let trend = self.phrase_trend(value)?;
        (unquote(value).parse::<Trend>().is_err())
            .then(|| format!("trend `{}` from “{}”", trend.as_str(), unquote(value)))
    }
}

impl WeekRule {
    fn week_of(&self, text: &str) -> Option<IsoWeek> {
        let date = parse_date(text)?;
        Some(match self.date {
            DateMeaning::Publication => IsoWeek::containing(date - Duration::weeks(1)),
            DateMeaning::InWeek => IsoWeek::containing(date),
        })
    }
}

/// A double-quoted YAML scalar.
pub(crate) fn yaml_quoted(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// `YYYY-MM-DD` at the start of `text` (a time may follow).
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.get(..10)?, &format).ok()
}

/// Top-level `key: value` lines: (index, key, value after the colon).
fn top_level(yaml: &str) -> impl Iterator<Item = (usize, &str, &str)> {
    yaml.lines()
        .enumerate()
        .filter_map(|(i, line)| key_and_value(line).map(|(k, v)| (i, k, v)))
}

fn key_and_value(line: &str) -> Option<(&str, &str)> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '"' | '\'' | '[' | '{') {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim_end();
    (!key.is_empty() && !key.contains(' ')).then_some((key, value.trim_end_matches(['\n', '\r'])))
}

fn value_with_space(value: &str) -> String {
    if value.is_empty() || value.starts_with(' ') {
        value.to_string()
    } else {
        format!(" {value}")
    }
}

/// A one-line scalar without its quotes and surrounding space.
fn unquote(value: &str) -> &str {
    let v = value.trim();
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v)
        .trim()
}

/// For comparing sentences: lower case, single spaces, no final full stop.
fn normalized(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(['.', '!', '…'])
        .to_lowercase()
}

fn section_key(
    value: &str,
    mapped: &BTreeMap<String, Vec<String>>,
    sections: &[Section],
) -> Option<String> {
    let text = unquote(value);
    let wanted = normalized(text);
    if sections.iter().any(|s| s.key == text) || mapped.contains_key(text) {
        return Some(text.to_string());
    }
    mapped
        .iter()
        .find(|(_, titles)| titles.iter().any(|t| normalized(t) == wanted))
        .map(|(key, _)| key.clone())
        .or_else(|| {
            sections
                .iter()
                .find(|s| s.title.values().any(|t| normalized(t) == wanted))
                .map(|s| s.key.clone())
        })
}

/// The body's first paragraph that is not a heading, as one line, and the body without it.
fn first_paragraph(body: &str) -> Option<(String, String)> {
    let mut offset = 0;
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() || line.starts_with('#') {
            offset += lines[i].len();
            i += 1;
            continue;
        }
        if !starts_prose(line) {
            return None;
        }
        let start = offset;
        let mut text = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() {
            text.push(lines[i].trim());
            offset += lines[i].len();
            i += 1;
        }
        while i < lines.len() && lines[i].trim().is_empty() {
            offset += lines[i].len();
            i += 1;
        }
        let rest = format!("{}{}", &body[..start], &body[offset..]);
        return Some((text.join(" "), rest));
    }
    None
}

/// A paragraph of prose, not a list, quote, table, fence or image.
fn starts_prose(line: &str) -> bool {
    !(line.starts_with(['-', '*', '+', '>', '|', '`', '~', '!', '<'])
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = r#"
lead = "first-paragraph"
authors = ["byline"]
author_separators = [", ", " and "]

[week]
key = "date"
date = "publication"

[trend]
improved = ["The situation has gotten better", "Ситуация улучшилась"]
unchanged = ["The situation has not changed"]

[sections]
security = ["Security issues"]
"#;

    fn mapping() -> ImportMapping {
        toml::from_str(MAPPING).expect("mapping")
    }

    #[test]
    fn trend_sentences_sections_and_bylines_are_mapped_on_their_own_lines() {
        let yaml = "title: Army\ntrend: The situation has gotten better.\nbyline: Hanna Zhuk and Pavel Lysenka\nsection: Security Issues\nslug: army\n";
        let mapped = mapping().apply(yaml, 2, "Body.\n", &[]).expect("mapped");
        assert_eq!(
            mapped.yaml,
            "title: Army\ntrend: improved\nauthors: [\"Hanna Zhuk\", \"Pavel Lysenka\"]\nsection: security\nslug: army\n"
        );
        assert_eq!(mapped.unknown_keys, vec!["slug"]);
        assert!(mapped.notes.contains(&"authors from `byline`".to_string()));
        assert!(mapped
            .notes
            .contains(&"trend `improved` from “The situation has gotten better.”".to_string()));
    }

    #[test]
    fn an_unknown_trend_sentence_is_refused_at_its_source_line() {
        let problem = mapping()
            .apply("title: T\ntrend: Things look odd\n", 2, "", &[])
            .unwrap_err();
        assert_eq!(problem.line, 3);
        assert_eq!(problem.field, "trend");
        assert!(
            problem.message.contains("“Things look odd”"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn a_publication_date_files_the_piece_under_the_week_before() {
        // Monday 18 May 2020 is in 2020-W21; the issue it published covers 2020-W20.
        let mapped = mapping().apply("date: 2020-05-18\n", 2, "", &[]).unwrap();
        assert_eq!(mapped.added, "issue: 2020-W20\n");
        let in_week = ImportMapping {
            week: Some(WeekRule {
                key: "date".into(),
                date: DateMeaning::InWeek,
            }),
            ..ImportMapping::default()
        };
        assert_eq!(
            in_week
                .apply("date: 2020-05-18\n", 2, "", &[])
                .unwrap()
                .added,
            "issue: 2020-W21\n"
        );
        let has_issue = mapping()
            .apply("date: 2020-05-18\nissue: 2020-W19\n", 2, "", &[])
            .unwrap();
        assert_eq!(has_issue.added, "", "an issue the file names wins");
    }

    #[test]
    fn the_first_paragraph_becomes_the_lead_and_leaves_the_body() {
        let body = "# Title\n\nThe lead, on\ntwo lines.\n\nSecond paragraph.\n";
        let mapped = mapping().apply("title: T\n", 2, body, &[]).unwrap();
        assert_eq!(mapped.added, "lead: \"The lead, on two lines.\"\n");
        assert_eq!(mapped.body, "# Title\n\nSecond paragraph.\n");
        let list = mapping()
            .apply("title: T\n", 2, "- a list\n\nText.\n", &[])
            .unwrap();
        assert_eq!(list.added, "", "a list is not a lead");
        let has_lead = mapping().apply("lead: Given\n", 2, "Text.\n", &[]).unwrap();
        assert_eq!(has_lead.body, "Text.\n");
    }

    #[test]
    fn section_titles_from_the_settings_count_too() {
        let sections = vec![Section {
            key: "economy".into(),
            title: [("ru".to_string(), "Экономика".to_string())].into(),
        }];
        let mapped = mapping()
            .apply("section: экономика\n", 2, "", &sections)
            .unwrap();
        assert_eq!(mapped.yaml, "section: economy\n");
        let kept = mapping()
            .apply("section: Culture\n", 2, "", &sections)
            .unwrap();
        assert_eq!(
            kept.yaml, "section: Culture\n",
            "unknown titles stay for check to report"
        );
    }

    #[test]
    fn a_mapping_with_an_unknown_key_is_refused_naming_its_line() {
        let dir = std::env::temp_dir().join(format!("galley-map-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("mapping.toml");
        std::fs::write(
            &path,
            "authors = [\"byline\"]\nleed = \"first-paragraph\"\n",
        )
        .unwrap();
        let message = ImportMapping::load(&path).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            message.contains("leed") && message.contains("(line 2)"),
            "{message}"
        );
    }
}
