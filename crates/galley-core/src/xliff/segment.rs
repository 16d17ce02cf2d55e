//! One language version as units (title, lead, body paragraphs) and back.

use super::{ImportedTranslation, TargetState, TargetUnit, Unit, UnitKind};
use crate::draft::FrontMatter;

/// Where the paragraphs of a body sit: the text around and between them is kept so that a
/// body rebuilt from the same paragraphs is byte for byte the same.
#[derive(Debug)]
struct BodyLayout<'a> {
    /// Each paragraph's raw span (line endings as in the file).
    spans: Vec<(usize, usize)>,
    body: &'a str,
}

impl<'a> BodyLayout<'a> {
    fn scan(body: &'a str) -> BodyLayout<'a> {
        let mut spans = Vec::new();
        let mut current: Option<(usize, usize)> = None;
        let mut fence: Option<(u8, usize)> = None;
        let mut at = 0;
        for raw in body.split_inclusive('\n') {
            let content = raw.trim_end_matches(['\n', '\r']);
            let start = at;
            let end = at + content.len();
            at += raw.len();
            let blank = content.trim().is_empty();
            if blank && fence.is_none() {
                if let Some(span) = current.take() {
                    spans.push(span);
                }
                continue;
            }
            current = Some((current.map_or(start, |(s, _)| s), end));
            fence = next_fence(content, fence);
        }
        spans.extend(current);
        BodyLayout { spans, body }
    }

    /// The paragraph texts, lines joined with `\n` whatever the file's line endings.
    fn paragraphs(&self) -> Vec<String> {
        self.spans
            .iter()
            .map(|&(s, e)| self.body[s..e].replace("\r\n", "\n"))
            .collect()
    }

    fn eol(&self) -> &'static str {
        if self.body.contains("\r\n") {
            "\r\n"
        } else {
            "\n"
        }
    }

    /// The text before paragraph `index` (after the previous one).
    fn gap_before(&self, index: usize) -> Option<&'a str> {
        let start = self.spans.get(index)?.0;
        let prev_end = match index {
            0 => 0,
            _ => self.spans[index - 1].1,
        };
        Some(&self.body[prev_end..start])
    }

    fn trailing(&self) -> &'a str {
        &self.body[self.spans.last().map_or(0, |s| s.1)..]
    }
}

/// A line that opens or closes a fenced code block changes the fence state; blank lines inside
/// a fence do not end the paragraph.
fn next_fence(line: &str, fence: Option<(u8, usize)>) -> Option<(u8, usize)> {
    let unindented = line.trim_start_matches(' ');
    if line.len() - unindented.len() > 3 {
        return fence;
    }
    let bytes = unindented.as_bytes();
    let Some(&c) = bytes.first().filter(|c| matches!(c, b'`' | b'~')) else {
        return fence;
    };
    let run = bytes.iter().take_while(|&&b| b == c).count();
    match fence {
        None if run >= 3 => Some((c, run)),
        Some((open, len)) if open == c && run >= len && unindented[run..].trim().is_empty() => None,
        other => other,
    }
}

/// The units of one language version: title, lead, then one per body paragraph (blank-line
/// separated blocks; a fenced code block is one paragraph even with blank lines inside).
pub fn units_of(front: &FrontMatter, body: &str) -> Vec<Unit> {
    let mut units = vec![
        Unit::new(UnitKind::Title, &front.title),
        Unit::new(UnitKind::Lead, &front.lead),
    ];
    for (index, text) in BodyLayout::scan(body).paragraphs().into_iter().enumerate() {
        units.push(Unit {
            kind: UnitKind::Paragraph(index + 1),
            text,
        });
    }
    units
}

/// The body paragraphs of a language version, as the units' texts.
pub(crate) fn paragraphs_of(body: &str) -> Vec<String> {
    BodyLayout::scan(body).paragraphs()
}

/// The translation's existing text as targets for an export of `source`: title and lead as
/// they are (left out when empty), body paragraphs matched by position. Paragraphs the
/// translation has beyond the source's last one are joined to the last paragraph unit with
/// their original separators, so nothing of the translation is lost.
pub fn target_units(
    source: &[Unit],
    front: &FrontMatter,
    body: &str,
    state: TargetState,
) -> Vec<TargetUnit> {
    let source_paragraphs = source
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Paragraph(_)))
        .count();
    let mut targets = Vec::new();
    for (kind, text) in [
        (UnitKind::Title, &front.title),
        (UnitKind::Lead, &front.lead),
    ] {
        if !text.is_empty() {
            targets.push(TargetUnit {
                kind,
                text: text.clone(),
                state,
                previous_source: None,
            });
        }
    }
    let layout = BodyLayout::scan(body);
    let paragraphs = layout.paragraphs();
    for (index, text) in paragraphs.iter().enumerate() {
        if index < source_paragraphs || source_paragraphs == 0 {
            targets.push(TargetUnit {
                kind: UnitKind::Paragraph(index + 1),
                text: text.clone(),
                state,
                previous_source: None,
            });
        } else if let Some(last) = targets.last_mut() {
            let gap = layout.gap_before(index).unwrap_or("\n\n");
            last.text.push_str(&gap.replace("\r\n", "\n"));
            last.text.push_str(text);
        }
    }
    targets
}

/// The translation's front matter and body after an import: title and lead replaced where
/// translated, the other fields of `front` kept; the body is the translated paragraphs placed
/// in `template`'s layout (the text before, between and after its paragraphs, and its line
/// endings) — pass the translation's current body, or the source's for a new translation.
pub fn apply(
    front: &FrontMatter,
    template: &str,
    translation: &ImportedTranslation,
) -> (FrontMatter, String) {
    let mut front = front.clone();
    if let Some(title) = &translation.title {
        front.title = title.clone();
    }
    if let Some(lead) = &translation.lead {
        front.lead = lead.clone();
    }
    let layout = BodyLayout::scan(template);
    let eol = layout.eol();
    let paragraphs = &translation.paragraphs;
    if paragraphs.is_empty() {
        return (front, template_without_paragraphs(&layout));
    }
    let default_gap = format!("{eol}{eol}");
    let mut body = String::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let gap = layout
            .gap_before(index)
            .or_else(|| (index > 0).then_some(default_gap.as_str()))
            .unwrap_or(if template.is_empty() { "" } else { eol });
        body.push_str(gap);
        body.push_str(&paragraph.replace('\n', eol));
    }
    let trailing = if layout.spans.is_empty() {
        eol
    } else {
        layout.trailing()
    };
    body.push_str(trailing);
    (front, body)
}

fn template_without_paragraphs(layout: &BodyLayout) -> String {
    match layout.spans.first() {
        Some(&(start, _)) => format!("{}{}", &layout.body[..start], layout.trailing()),
        None => layout.body.to_string(),
    }
}
