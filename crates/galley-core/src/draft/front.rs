//! The front matter's known fields, read from the YAML tree and checked.

use super::names::is_language_tag;
use super::trend::Trend;
use super::week::IsoWeek;
use super::yaml_tree::{Node, Problem, Value, WHOLE};
use crate::ErrorCode;

/// The known front matter fields, in the order `render_new` writes them.
pub(crate) const FIELDS: [&str; 10] = [
    "id",
    "title",
    "trend",
    "authors",
    "lead",
    "section",
    "issue",
    "tags",
    "lang",
    "translation_of",
];

/// The fields of a draft's front matter that Galley understands. Other keys may be present
/// in the file; they are not held here and are kept untouched by [`super::update`].
///
/// `id` and `lang` are required; everything else may be missing, which reads as empty/`None`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub trend: Option<Trend>,
    pub authors: Vec<String>,
    pub lead: String,
    pub section: Option<String>,
    pub issue: Option<IsoWeek>,
    pub tags: Vec<String>,
    pub lang: String,
    pub translation_of: Option<String>,
}

/// One known field's value, normalised for comparing and writing: missing, `None` and
/// empty text are all `Text("")`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldValue {
    Text(String),
    List(Vec<String>),
}

impl FieldValue {
    /// The value as a person reads it: text as it is, list items joined by ", ".
    pub fn display(&self) -> String {
        match self {
            FieldValue::Text(s) => s.clone(),
            FieldValue::List(items) => items.join(", "),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(s) => s.is_empty(),
            FieldValue::List(items) => items.is_empty(),
        }
    }
}

impl FrontMatter {
    /// The value of the known field `key` (one of [`FIELDS`]).
    pub(crate) fn field(&self, key: &str) -> FieldValue {
        let text = |s: &str| FieldValue::Text(s.to_string());
        let opt = |s: &Option<String>| FieldValue::Text(s.clone().unwrap_or_default());
        match key {
            "id" => text(&self.id),
            "title" => text(&self.title),
            "trend" => text(self.trend.map(Trend::as_str).unwrap_or_default()),
            "authors" => FieldValue::List(self.authors.clone()),
            "lead" => text(&self.lead),
            "section" => opt(&self.section),
            "issue" => FieldValue::Text(self.issue.map(|w| w.to_string()).unwrap_or_default()),
            "tags" => FieldValue::List(self.tags.clone()),
            "lang" => text(&self.lang),
            "translation_of" => opt(&self.translation_of),
            _ => FieldValue::Text(String::new()),
        }
    }

    /// Sets the known field `key` to its value in `other` (a merge taking one side's change).
    pub(crate) fn take_field(&mut self, other: &FrontMatter, key: &str) {
        match key {
            "id" => self.id.clone_from(&other.id),
            "title" => self.title.clone_from(&other.title),
            "trend" => self.trend = other.trend,
            "authors" => self.authors.clone_from(&other.authors),
            "lead" => self.lead.clone_from(&other.lead),
            "section" => self.section.clone_from(&other.section),
            "issue" => self.issue = other.issue,
            "tags" => self.tags.clone_from(&other.tags),
            "lang" => self.lang.clone_from(&other.lang),
            "translation_of" => self.translation_of.clone_from(&other.translation_of),
            _ => {}
        }
    }
}

/// A top-level key of the front matter and the file line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TopKey {
    pub name: String,
    pub line: usize,
}

/// Reads the known fields from the parsed YAML. `file_lang` is the language suffix of the file
/// name, if it has one; `lang` must match it.
pub(crate) fn read(
    root: Option<Node>,
    file_lang: Option<&str>,
) -> Result<(FrontMatter, Vec<TopKey>), Problem> {
    let entries = match root {
        None => Vec::new(),
        Some(Node {
            value: Value::Map(entries),
            ..
        }) => entries,
        Some(other) => {
            return Err(Problem::new(
                other.line,
                WHOLE,
                format!(
                    "the front matter must be a mapping of `key: value` lines, not {}",
                    other.kind_name()
                ),
            )
            .coded(
                ErrorCode::DraftNotMapping,
                [("found", other.kind_tag().into())],
            ))
        }
    };
    let mut front = FrontMatter::default();
    let mut keys = Vec::with_capacity(entries.len());
    let mut lang_line = 1;
    let mut translation_line = 1;
    for (key, value) in entries {
        let Value::Scalar { text: name, .. } = key.value else {
            continue; // refused by the tree builder already
        };
        let field = name.as_str();
        match field {
            "id" => front.id = text(&value, field)?.unwrap_or_default(),
            "title" => front.title = text(&value, field)?.unwrap_or_default(),
            "trend" => front.trend = parse_with(&value, field, |s| s.parse::<Trend>())?,
            "authors" => front.authors = list(&value, field)?,
            "lead" => front.lead = text(&value, field)?.unwrap_or_default(),
            "section" => front.section = text(&value, field)?,
            "issue" => front.issue = parse_with(&value, field, |s| s.parse::<IsoWeek>())?,
            "tags" => front.tags = list(&value, field)?,
            "lang" => {
                front.lang = text(&value, field)?.unwrap_or_default();
                lang_line = value.line;
            }
            "translation_of" => {
                front.translation_of = text(&value, field)?;
                translation_line = value.line;
            }
            _ => {}
        }
        keys.push(TopKey {
            name,
            line: key.line,
        });
    }
    check(&front, file_lang, lang_line, translation_line)?;
    Ok((front, keys))
}

fn check(
    front: &FrontMatter,
    file_lang: Option<&str>,
    lang_line: usize,
    translation_line: usize,
) -> Result<(), Problem> {
    if front.id.is_empty() {
        return Err(Problem::new(
            1,
            "id",
            "the front matter has no `id`; every draft needs one",
        )
        .coded(ErrorCode::DraftFieldMissing, [("field", "id".into())]));
    }
    if front.id.contains(char::is_whitespace) {
        return Err(
            Problem::new(1, "id", "the `id` must not contain spaces or line breaks")
                .coded(ErrorCode::DraftIdHasSpace, [("id", front.id.clone())]),
        );
    }
    if front.lang.is_empty() {
        return Err(Problem::new(
            1,
            "lang",
            "the front matter has no `lang`; give the language of this version, like `be`",
        )
        .coded(ErrorCode::DraftFieldMissing, [("field", "lang".into())]));
    }
    if !is_language_tag(&front.lang) {
        return Err(bad_tag(lang_line, "lang", &front.lang));
    }
    if let Some(suffix) = file_lang {
        if !suffix.eq_ignore_ascii_case(&front.lang) {
            return Err(Problem::new(
                lang_line,
                "lang",
                format!(
                    "`lang` is `{}` but the file name says `{suffix}`; make them the same",
                    front.lang
                ),
            )
            .coded(
                ErrorCode::DraftLangNotFileName,
                [("lang", front.lang.clone()), ("file_lang", suffix.into())],
            ));
        }
    }
    if let Some(source) = &front.translation_of {
        if !is_language_tag(source) {
            return Err(bad_tag(translation_line, "translation_of", source));
        }
        if source.eq_ignore_ascii_case(&front.lang) {
            return Err(Problem::new(
                translation_line,
                "translation_of",
                format!("a `{source}` version cannot be a translation of `{source}` itself"),
            )
            .coded(
                ErrorCode::DraftTranslationOfItself,
                [("lang", source.clone())],
            ));
        }
    }
    Ok(())
}

fn bad_tag(line: usize, field: &str, tag: &str) -> Problem {
    let message =
        format!("`{tag}` is not a language tag; use one like `be`, `ru`, `en` or `en-GB`");
    Problem::new(line, field, message).coded(
        ErrorCode::DraftLanguageTagInvalid,
        [("field", field.into()), ("lang", tag.into())],
    )
}

/// Text (any scalar), or `None` for a null/empty value. Lists and mappings are refused.
fn text(node: &Node, field: &str) -> Result<Option<String>, Problem> {
    if node.is_null() {
        return Ok(None);
    }
    match &node.value {
        // Empty text reads as missing (see the module docs of `draft`). A block scalar with
        // no content is empty too: yaml-rust2 reads it as "\n" at the end of the front matter
        // but as "" before another key (YAML keeps no line break when there is no content).
        Value::Scalar { text, .. } if text.chars().all(|c| c == '\n') => Ok(None),
        Value::Scalar { text, .. } => Ok(Some(text.clone())),
        _ => Err(Problem::new(
            node.line,
            field,
            format!("`{field}` must be text, not {}", node.kind_name()),
        )
        .coded(
            ErrorCode::DraftFieldNotText,
            [("field", field.into()), ("found", node.kind_tag().into())],
        )),
    }
}

fn parse_with<T>(
    node: &Node,
    field: &str,
    parse: impl Fn(&str) -> crate::Result<T>,
) -> Result<Option<T>, Problem> {
    let Some(raw) = text(node, field)? else {
        return Ok(None);
    };
    match parse(&raw) {
        Ok(v) => Ok(Some(v)),
        Err(crate::Error::Invalid {
            what,
            message,
            detail,
        }) => {
            let problem = Problem::new(node.line, field, format!("{what} is invalid: {message}"));
            // The value's own refusal, located in the draft.
            Err(match detail.map(|d| d.code) {
                Some(ErrorCode::WeekInvalid) => {
                    problem.coded(ErrorCode::DraftWeekInvalid, [("week", raw)])
                }
                Some(ErrorCode::TrendInvalid) => problem.coded(
                    ErrorCode::DraftTrendInvalid,
                    [("trend", raw), ("trends", Trend::allowed_list())],
                ),
                _ => problem,
            })
        }
        Err(other) => Err(Problem::new(node.line, field, other.to_string())),
    }
}

/// A list of text items, or a single text as a one-item list; null is the empty list.
fn list(node: &Node, field: &str) -> Result<Vec<String>, Problem> {
    if node.is_null() {
        return Ok(Vec::new());
    }
    match &node.value {
        Value::Scalar { text, .. } => Ok(vec![text.clone()]),
        Value::List(items) => items
            .iter()
            .map(|item| match &item.value {
                Value::Scalar { text, .. } if !item.is_null() => Ok(text.clone()),
                _ => Err(Problem::new(
                    item.line,
                    field,
                    format!(
                        "each item of `{field}` must be text, not {}",
                        describe_item(item)
                    ),
                )
                .coded(
                    ErrorCode::DraftItemNotText,
                    [
                        ("field", field.into()),
                        (
                            "found",
                            if item.is_null() {
                                "empty"
                            } else {
                                item.kind_tag()
                            }
                            .into(),
                        ),
                    ],
                )),
            })
            .collect(),
        Value::Map(_) => Err(Problem::new(
            node.line,
            field,
            format!("`{field}` must be a list or a single text, not a mapping"),
        )
        .coded(ErrorCode::DraftFieldNotList, [("field", field.into())])),
    }
}

fn describe_item(item: &Node) -> &'static str {
    if item.is_null() {
        "empty"
    } else {
        item.kind_name()
    }
}
