//! Where the front matter sits in a draft's text, line by line, without interpreting YAML.

use super::yaml_tree::{Problem, WHOLE};
use std::ops::Range;

pub(crate) const BOM: &str = "\u{feff}";

/// One line of the text as byte offsets: `start..content_end` is the line without its
/// terminator, `start..end` includes it (`\n` or `\r\n`; none on a last line without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub content_end: usize,
    pub end: usize,
}

/// The opening `---` line, the YAML lines and the closing `---` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// `lines[0]` is the opening delimiter (file line 1), `lines[i]` is file line `i + 1`,
    /// and the last entry is the closing delimiter.
    pub lines: Vec<Line>,
    /// Line terminator for lines we write, copied from the opening delimiter.
    pub crlf: bool,
}

impl Layout {
    pub fn closing(&self) -> Line {
        self.lines[self.lines.len() - 1]
    }

    /// Byte range of the YAML between the delimiters.
    pub fn yaml_range(&self) -> Range<usize> {
        self.lines[0].end..self.closing().start
    }

    pub fn body_start(&self) -> usize {
        self.closing().end
    }

    pub fn eol(&self) -> &'static str {
        if self.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }
}

/// Finds the front matter: the text (after an optional BOM) must start with a `---` line, and
/// the next `---` line closes it. Trailing spaces or tabs on a delimiter line are tolerated.
pub(crate) fn scan(text: &str) -> Result<Layout, Problem> {
    let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let mut lines = LineIter { text, pos: start };
    let opening = match lines.next() {
        Some(line) if is_delimiter(text, line) => line,
        _ => {
            return Err(Problem::new(
                1,
                WHOLE,
                "a draft must start with a `---` line that opens its YAML front matter",
            )
            .coded(crate::ErrorCode::DraftNoFrontMatter, []))
        }
    };
    let crlf = text[opening.start..opening.end].ends_with("\r\n");
    let mut found = vec![opening];
    for line in lines {
        found.push(line);
        if is_delimiter(text, line) {
            return Ok(Layout { lines: found, crlf });
        }
    }
    Err(Problem::new(
        1,
        WHOLE,
        "the front matter opened by the `---` on line 1 is never closed: add a `---` line after it",
    )
    .coded(crate::ErrorCode::DraftFrontMatterUnclosed, []))
}

/// The YAML between the `---` lines and the body after them, by [`scan`]; `None` when the text
/// does not open (and close) front matter.
pub(crate) fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let layout = scan(text).ok()?;
    Some((&text[layout.yaml_range()], &text[layout.body_start()..]))
}

fn is_delimiter(text: &str, line: Line) -> bool {
    text[line.start..line.content_end].trim_end_matches([' ', '\t', '\r']) == "---"
}

struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for LineIter<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let line = match rest.find('\n') {
            Some(i) => {
                let end = start + i + 1;
                let content_end = if rest[..i].ends_with('\r') {
                    start + i - 1
                } else {
                    start + i
                };
                Line {
                    start,
                    content_end,
                    end,
                }
            }
            None => Line {
                start,
                content_end: self.text.len(),
                end: self.text.len(),
            },
        };
        self.pos = line.end;
        Some(line)
    }
}
