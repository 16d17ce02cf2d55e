//! Snippets come out of FTS5 with invisible markers around each match; here they become
//! plain text plus the ranges to highlight, so each front end draws them its own way.

use crate::history::Markers;
use std::ops::Range;

/// Control characters no draft is expected to contain (start/end of text).
const OPEN: &str = "\u{2}";
const CLOSE: &str = "\u{3}";

/// The markers the index is asked to put around matches.
pub const MARKERS: Markers<'static> = Markers {
    open: OPEN,
    close: CLOSE,
    ellipsis: "…",
    tokens: 24,
};

/// A piece of text with the parts that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighted {
    pub text: String,
    /// Matched parts as character (Unicode scalar) offsets into `text`, in order, not
    /// overlapping.
    pub ranges: Vec<Range<usize>>,
}

impl Highlighted {
    pub(crate) fn from_marked(marked: &str) -> Highlighted {
        let mut out = Highlighted::default();
        let mut chars = 0;
        let mut open_at: Option<usize> = None;
        for c in marked.chars() {
            match c {
                '\u{2}' => open_at = Some(chars),
                '\u{3}' => {
                    if let Some(start) = open_at.take() {
                        if start < chars {
                            out.ranges.push(start..chars);
                        }
                    }
                }
                other => {
                    out.text.push(other);
                    chars += 1;
                }
            }
        }
        out
    }

    /// The text with `open` and `close` around each matched part (e.g. `[`/`]` or ANSI bold).
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.ranges.len() * 4);
        let mut ranges = self.ranges.iter().peekable();
        for (i, c) in self.text.chars().enumerate() {
            if ranges.peek().is_some_and(|r| r.start == i) {
                out.push_str(open);
            }
            out.push(c);
            if ranges.peek().is_some_and(|r| r.end == i + 1) {
                out.push_str(close);
                ranges.next();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_become_char_ranges_and_back() {
        let h = Highlighted::from_marked("ў \u{2}Менску\u{3} і \u{2}Minsk\u{3}");
        assert_eq!(h.text, "ў Менску і Minsk");
        assert_eq!(h.ranges, vec![2..8, 11..16]);
        assert_eq!(h.marked("[", "]"), "ў [Менску] і [Minsk]");
    }
}
