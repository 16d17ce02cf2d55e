//! Writing front matter values as YAML that reads back as exactly the same text.
//!
//! Rules, in order of preference:
//! - plain (`title: Army reform`) when nothing in the text could be read differently;
//! - a literal block (`|` / `|-`) for multi-line text of ordinary lines (only for `key: value`,
//!   never inside a list);
//! - otherwise double quotes, escaping `\`, `"` and control characters.
//!
//! Text is quoted when it is empty; has leading or trailing whitespace; starts with a YAML
//! indicator (`- ? : , [ ] { } # & * ! | > ' " % @` and backquote) or `...`; contains `: ` or
//! ` #` or ends with `:`; is a word YAML 1.1 or 1.2 tools read as null/boolean (`null`, `~`,
//! `true`, `yes`, `no`, `on`, `off`, `y`, `n`, … in any case) or `.inf`/`.nan`; looks like a
//! number or date (`42`, `+1.5`, `0x1F`, `1e3`, `2020-05-11`, `1:20`); or contains any control
//! or invisible line-breaking character. In a `[a, b]` list, text with `, [ ] { }` or `:`
//! is quoted too.

use super::front::{FieldValue, FrontMatter, FIELDS};

/// Fields written even when empty (as `""`), so a new draft shows where they go.
const ALWAYS_WRITTEN: [&str; 4] = ["id", "title", "lead", "lang"];

/// The lines (without terminators) for the known field `key`, or `None` to leave it out.
pub(crate) fn field_lines(key: &str, front: &FrontMatter) -> Option<Vec<String>> {
    let value = front.field(key);
    if value.is_empty() && !ALWAYS_WRITTEN.contains(&key) {
        return None;
    }
    Some(match value {
        FieldValue::Text(text) => text_lines(key, &text),
        FieldValue::List(items) => {
            let items: Vec<String> = items.iter().map(|i| scalar(i, true)).collect();
            vec![format!("{key}: [{}]", items.join(", "))]
        }
    })
}

/// A fresh front matter, keys in [`FIELDS`] order, LF line endings, both delimiters.
pub(crate) fn front_matter(front: &FrontMatter) -> String {
    let mut out = String::from("---\n");
    for key in FIELDS {
        for line in field_lines(key, front).unwrap_or_default() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str("---\n");
    out
}

fn text_lines(key: &str, text: &str) -> Vec<String> {
    if let Some(block) = literal_block(text) {
        let mut lines = vec![format!("{key}: {}", block.header)];
        lines.extend(block.lines.iter().map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        }));
        return lines;
    }
    vec![format!("{key}: {}", scalar(text, false))]
}

struct LiteralBlock<'a> {
    header: &'static str,
    lines: Vec<&'a str>,
}

/// Multi-line text as a literal block, when every line is ordinary enough that the block
/// reads back byte for byte: no control characters or tabs, no trailing whitespace, a first
/// line that is not empty and does not start with a space, and at most one final newline.
fn literal_block(text: &str) -> Option<LiteralBlock<'_>> {
    if !text.contains('\n') || text.chars().any(|c| c != '\n' && is_unprintable(c)) {
        return None;
    }
    let (content, header) = match text.strip_suffix('\n') {
        Some(rest) if rest.ends_with('\n') => return None,
        Some(rest) => (rest, "|"),
        None => (text, "|-"),
    };
    let lines: Vec<&str> = content.split('\n').collect();
    let first = lines.first()?;
    let ordinary =
        !first.is_empty() && !first.starts_with(' ') && lines.iter().all(|l| l.trim_end() == *l);
    ordinary.then_some(LiteralBlock { header, lines })
}

/// `text` as a single-line YAML scalar; `in_flow` for items of a `[a, b]` list.
pub(crate) fn scalar(text: &str, in_flow: bool) -> String {
    if is_plain_safe(text, in_flow) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last = text.chars().last().unwrap_or(first);
    !(first.is_whitespace()
        || last.is_whitespace()
        || last == ':'
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || text.starts_with("...")
        || text.contains(": ")
        || text.contains(" #")
        || text.chars().any(is_unprintable)
        || (in_flow && text.contains([',', '[', ']', '{', '}', ':']))
        // yaml-rust2 refuses `[a -]`: in a list, a word may not start with an indicator
        // (found by fuzzing).
        || (in_flow && text.split_whitespace().any(|w| w.starts_with(['-', '?'])))
        || is_reserved_word(text)
        || looks_numeric(text))
}

/// Control characters, tabs, and characters some YAML readers treat as line breaks or strip.
fn is_unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn is_reserved_word(text: &str) -> bool {
    const WORDS: [&str; 16] = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "+.inf", "-.inf",
        ".nan", "<<", "=",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(text))
}

/// Anything a YAML reader might take for a number, a date or a time. Errs towards quoting.
fn looks_numeric(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    let mut chars = rest.chars();
    let starts_like_number = match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    starts_like_number
        && rest
            .chars()
            .all(|c| c.is_ascii_hexdigit() || "xXoO._:+- tTzZ".contains(c))
}

pub(crate) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unprintable(c) => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
