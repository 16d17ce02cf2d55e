//! Keeping a key's YAML style when its value changes: a folded `lead: >-` stays folded (wrapped
//! at the width it had), a literal `|` stays literal, a quoted value keeps its quotes, a block
//! list (`- item` lines) stays a block list.
//!
//! Each style is tried only when the new value can be written in it; the candidate is then
//! parsed back and used only if it reads as exactly the new value. Otherwise the caller writes
//! the value the usual way (`render::field_lines`), so no style can ever change what a field says.

use super::front::FieldValue;
use super::render::{double_quoted, scalar};
use super::yaml_tree::{self, Value};

/// The width a folded block is wrapped at when its old block gives none (one line only).
const DEFAULT_WIDTH: usize = 80;
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 120;

/// How a key's value was written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Style {
    /// `>` or `>-`: lines folded into spaces; `width` is the widest old line.
    Folded {
        indent: String,
        width: usize,
    },
    /// `|` or `|-`: lines kept as they are.
    Literal {
        indent: String,
    },
    SingleQuoted,
    DoubleQuoted,
    /// `- item` lines under the key.
    BlockList {
        indent: String,
    },
}

/// The lines (without terminators) that write `value` for `key` in the style of `old_block`
/// (the key's block as it is in the file, its lines with their terminators), or `None` when
/// that style is the usual one or cannot hold the value.
pub(crate) fn restyled_lines(
    key: &str,
    value: &FieldValue,
    old_block: &str,
) -> Option<Vec<String>> {
    if value.is_empty() {
        return None;
    }
    let lines = match (detect(key, old_block)?, value) {
        (Style::Folded { indent, width }, FieldValue::Text(text)) => {
            folded(key, text, &indent, width)?
        }
        (Style::Literal { indent }, FieldValue::Text(text)) => literal(key, text, &indent)?,
        (Style::SingleQuoted, FieldValue::Text(text)) => {
            vec![format!("{key}: {}", single_quoted(text)?)]
        }
        (Style::DoubleQuoted, FieldValue::Text(text)) => {
            vec![format!("{key}: {}", double_quoted(text))]
        }
        (Style::BlockList { indent }, FieldValue::List(items)) => {
            std::iter::once(format!("{key}:"))
                .chain(
                    items
                        .iter()
                        .map(|item| format!("{indent}- {}", scalar(item, false))),
                )
                .collect()
        }
        _ => return None,
    };
    reads_back_as(&lines, value).then_some(lines)
}

fn detect(key: &str, old_block: &str) -> Option<Style> {
    let mut lines = old_block.lines();
    let first = lines.next()?;
    let rest: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let after_key = first
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix(':')?
        .trim();
    let indent = || {
        rest.first()
            .map(|l| l[..l.len() - l.trim_start_matches(' ').len()].to_string())
            .filter(|indent| !indent.is_empty())
            .unwrap_or_else(|| "  ".to_string())
    };
    if after_key.starts_with('>') {
        let widest = rest
            .iter()
            .map(|l| l.trim().chars().count())
            .max()
            .unwrap_or(0);
        let width = if rest.len() > 1 {
            widest
        } else {
            DEFAULT_WIDTH
        };
        return Some(Style::Folded {
            indent: indent(),
            width: width.clamp(MIN_WIDTH, MAX_WIDTH),
        });
    }
    if after_key.starts_with('|') {
        return Some(Style::Literal { indent: indent() });
    }
    if after_key.starts_with('\'') {
        return Some(Style::SingleQuoted);
    }
    if after_key.starts_with('"') {
        return Some(Style::DoubleQuoted);
    }
    let is_block_list = (after_key.is_empty() || after_key.starts_with('#'))
        && rest
            .first()
            .is_some_and(|l| l.trim_start().starts_with("- "));
    is_block_list.then(|| {
        let first = rest[0];
        Style::BlockList {
            indent: first[..first.len() - first.trim_start().len()].to_string(),
        }
    })
}

/// A folded block: each line of the text a paragraph, wrapped at `width` characters where a
/// single space stands between two words (a break there reads back as that space), paragraphs
/// separated by one blank line (which reads back as the line break).
fn folded(key: &str, text: &str, indent: &str, width: usize) -> Option<Vec<String>> {
    let (content, header) = chomped(text, ">")?;
    let mut lines = vec![format!("{key}: {header}")];
    for (index, paragraph) in content.split('\n').enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        for line in wrap(paragraph, width) {
            lines.push(format!("{indent}{line}"));
        }
    }
    Some(lines)
}

fn literal(key: &str, text: &str, indent: &str) -> Option<Vec<String>> {
    let (content, header) = chomped(text, "|")?;
    let mut lines = vec![format!("{key}: {header}")];
    lines.extend(content.split('\n').map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!("{indent}{line}")
        }
    }));
    Some(lines)
}

/// The text without its final line break and the block header that brings it back: `>-`/`|-`
/// for none, `>`/`|` for one. Refuses text a block cannot hold (more final breaks, a first
/// character YAML would take for indentation, characters it would not keep).
fn chomped<'a>(text: &'a str, indicator: &str) -> Option<(&'a str, String)> {
    let (content, header) = match text.strip_suffix('\n') {
        Some(rest) if rest.ends_with('\n') => return None,
        Some(rest) => (rest, indicator.to_string()),
        None => (text, format!("{indicator}-")),
    };
    let unfit = content.is_empty()
        || content.starts_with([' ', '\t', '\n'])
        || content.chars().any(|c| c != '\n' && c.is_control());
    (!unfit).then_some((content, header))
}

/// `paragraph` cut into lines of at most `width` characters (a longer word stays whole), only
/// at single spaces between two non-spaces.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let breakable = c == ' '
            && i > 0
            && chars[i - 1] != ' '
            && chars.get(i + 1).is_some_and(|&next| next != ' ');
        if breakable {
            words.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    words.push(current);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    lines.push(line);
    lines
}

fn single_quoted(text: &str) -> Option<String> {
    if text.contains('\n') || text.chars().any(char::is_control) {
        return None;
    }
    Some(format!("'{}'", text.replace('\'', "''")))
}

/// Whether `lines` parse as one key whose value is exactly `value`.
fn reads_back_as(lines: &[String], value: &FieldValue) -> bool {
    let yaml = lines.join("\n") + "\n";
    let Ok(Some(root)) = yaml_tree::parse(&yaml, 1) else {
        return false;
    };
    let Value::Map(entries) = root.value else {
        return false;
    };
    let [(_, node)] = entries.as_slice() else {
        return false;
    };
    match (&node.value, value) {
        (Value::Scalar { text, .. }, FieldValue::Text(expected)) => text == expected,
        (Value::List(items), FieldValue::List(expected)) => {
            items.len() == expected.len()
                && items.iter().zip(expected).all(|(item, expected)| {
                    matches!(&item.value, Value::Scalar { text, .. } if text == expected)
                })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_only_at_single_spaces_between_words() {
        assert_eq!(wrap("aaa bbb  ccc ddd", 7), vec!["aaa", "bbb  ccc", "ddd"]);
        assert_eq!(wrap("слова і словы", 8), vec!["слова і", "словы"]);
    }
}
