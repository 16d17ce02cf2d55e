//! The translation view's rows: source and translation paragraphs side by side, by position
//! (translations keep the source's paragraph structure), each marked with what changed in the
//! source since the translation's base.

use super::paragraphs::{split_paragraphs, ParagraphChange, ParagraphChangeKind};

/// One row of the translation view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphPair {
    /// The source paragraph now (`None` past the source's end).
    pub source: Option<String>,
    /// The translation paragraph at the same position (`None` past its end).
    pub translation: Option<String>,
    /// What happened to the source paragraph since the base, when the row needs attention.
    pub change: Option<ParagraphChangeKind>,
    /// Which of the `changes` given marks this row.
    pub change_index: Option<usize>,
}

/// Pairs the bodies paragraph by paragraph. A change marks the row of the source paragraph it
/// concerns now, or for a removed paragraph the translation paragraph that should go.
pub fn pair_paragraphs(
    source_body: &str,
    translation_body: &str,
    changes: &[ParagraphChange],
) -> Vec<ParagraphPair> {
    let source = split_paragraphs(source_body);
    let translation = split_paragraphs(translation_body);
    let rows = source.len().max(translation.len());
    (0..rows)
        .map(|i| {
            let change_index = changes.iter().position(|c| match c.kind {
                ParagraphChangeKind::Removed => c.translation == Some(i),
                _ => c.now == Some(i),
            });
            ParagraphPair {
                source: source.get(i).cloned(),
                translation: translation.get(i).cloned(),
                change: change_index.map(|c| changes[c].kind),
                change_index,
            }
        })
        .collect()
}

/// The body with paragraph `index` (as `split_paragraphs` counts them) replaced by `text`:
/// the translation editor's one edit. Blank lines inside `text` are dropped, so a row stays
/// one paragraph; an empty `text` removes the paragraph; an index past the end appends. The
/// other paragraphs and the blank lines between them keep their bytes, and the body its line
/// endings.
pub fn replace_paragraph(body: &str, index: usize, text: &str) -> String {
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut spans = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.trim().is_empty(), start) {
            (true, Some(s)) => {
                spans.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(s..lines.len());
    }
    let new: String = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}{eol}"))
        .collect();
    let Some(span) = spans.get(index) else {
        if new.is_empty() {
            return body.to_string();
        }
        let kept = body.trim_end();
        let gap = if kept.is_empty() {
            String::new()
        } else {
            format!("{eol}{eol}")
        };
        return format!("{kept}{gap}{new}");
    };
    let mut out = lines[..span.start].concat();
    if new.is_empty() {
        // The blank line that separated it goes with it.
        let end = if span.end < lines.len() {
            span.end + 1
        } else {
            out = out.trim_end().to_string();
            out.push_str(eol);
            span.end
        };
        out.push_str(&lines[end.min(lines.len())..].concat());
        return out;
    }
    out.push_str(&new);
    out.push_str(&lines[span.end..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_is_replaced_in_place_and_the_rest_keeps_its_bytes() {
        let body = "\nАдзін.\n\nДва\nрадкі.\n\n\nТры.";
        let out = replace_paragraph(body, 1, "Two lines\n\nmade one.  ");
        assert_eq!(out, "\nАдзін.\n\nTwo lines\nmade one.\n\n\nТры.");
        assert_eq!(split_paragraphs(&out).len(), 3);
    }

    #[test]
    fn past_the_end_appends_and_empty_removes() {
        assert_eq!(replace_paragraph("One.\n", 3, "Два."), "One.\n\nДва.\n");
        assert_eq!(replace_paragraph("", 0, "Адзін."), "Адзін.\n");
        assert_eq!(
            replace_paragraph("One.\n\nTwo.\n\nThree.\n", 1, " "),
            "One.\n\nThree.\n"
        );
        assert_eq!(replace_paragraph("One.\n\nTwo.\n", 1, ""), "One.\n");
        assert_eq!(
            replace_paragraph("One.\r\n\r\nTwo.\r\n", 1, "Два."),
            "One.\r\n\r\nДва.\r\n"
        );
    }
}
