//! Renders a diff as text for a terminal, inline, one hunk after another.
//!
//! Each hunk starts with a header `@@ -12,3 +12,4 @@` (old and new start line and line count; for
//! an empty side the start is the line before, as in a unified diff). Then come its paragraphs
//! with unchanged text as is, deletions marked `[-like this-]` and insertions `{+like this+}`.
//! Markers are set per line, and whitespace at either end of a line stays outside them, so a
//! marked region never spans a line break. Identical texts render as the empty string.

use super::model::{Diff, LineRange, SpanKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderStyle {
    /// Markers like `git diff --word-diff=plain`.
    Plain,
    /// ANSI colours: deleted text red and struck through, inserted text green.
    Color,
}

struct Marks {
    header: (&'static str, &'static str),
    delete: (&'static str, &'static str),
    insert: (&'static str, &'static str),
}

const PLAIN: Marks = Marks {
    header: ("", ""),
    delete: ("[-", "-]"),
    insert: ("{+", "+}"),
};

const COLOR: Marks = Marks {
    header: ("\x1b[36m", "\x1b[0m"),
    delete: ("\x1b[9;31m", "\x1b[0m"),
    insert: ("\x1b[32m", "\x1b[0m"),
};

pub fn render_text(diff: &Diff, style: RenderStyle) -> String {
    let marks = match style {
        RenderStyle::Plain => &PLAIN,
        RenderStyle::Color => &COLOR,
    };
    let mut out = String::new();
    for hunk in &diff.hunks {
        out.push_str(marks.header.0);
        out.push_str(&format!(
            "@@ -{} +{} @@",
            header_range(hunk.old),
            header_range(hunk.new)
        ));
        out.push_str(marks.header.1);
        out.push('\n');
        for span in hunk.paragraphs.iter().flat_map(|p| &p.spans) {
            match span.kind {
                SpanKind::Equal => out.push_str(&span.new),
                SpanKind::Delete => push_marked(&mut out, &span.old, marks.delete),
                SpanKind::Insert => push_marked(&mut out, &span.new, marks.insert),
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn header_range(range: LineRange) -> String {
    let start = if range.count == 0 {
        range.start.saturating_sub(1)
    } else {
        range.start
    };
    format!("{start},{}", range.count)
}

fn push_marked(out: &mut String, text: &str, (open, close): (&str, &str)) {
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let body = line.trim();
        if body.is_empty() {
            out.push_str(line);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let body_end = lead + body.len();
        out.push_str(&line[..lead]);
        out.push_str(open);
        out.push_str(body);
        out.push_str(close);
        out.push_str(&line[body_end..]);
    }
}
