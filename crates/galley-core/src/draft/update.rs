//! Rewriting a draft's front matter while keeping every untouched byte.

use super::front::FIELDS;
use super::layout::Line;
use super::render::field_lines;
use super::style::restyled_lines;
use super::{Draft, FrontMatter};
use std::collections::HashMap;

/// The new text of `draft` with front matter `front` and body `body`.
///
/// Only known keys whose value changed are touched: an existing key's block (its line plus
/// following indented or continuation lines, not counting trailing blank or comment lines) is
/// replaced, or removed when the value became empty (`id`, `title`, `lead` and `lang` are
/// written as `""` instead); comments inside a rewritten value go with it. A replaced value
/// keeps the key's YAML style (folded, literal, quoted, block list) when it can be written in
/// it (see `style`). Keys new to the file go, in the usual order, just before the
/// closing `---`. Everything else — unknown keys, comments, blank lines, order, quoting,
/// the BOM, CRLF or LF — is copied byte for byte. New lines use the opening `---` line's
/// terminator. `front` is not validated here: parse the result to check it.
pub fn update(draft: &Draft, front: &FrontMatter, body: &str) -> String {
    update_with_blocks(draft, front, &[], body)
}

/// [`update`], except that the keys in `raw_blocks` are set to the raw YAML block given for
/// them (`None` removes the key), known or not: a merge takes another side's change with that
/// side's own bytes, and keys Galley does not know are not in `front` at all. A raw block is the key's lines as
/// [`key_block_texts`] returns them; it replaces the key's block in place, or goes before the
/// closing `---` when the file has no such key.
pub(crate) fn update_with_blocks(
    draft: &Draft,
    front: &FrontMatter,
    raw_blocks: &[(String, Option<String>)],
    body: &str,
) -> String {
    let text = draft.text();
    let layout = &draft.layout;
    let eol = layout.eol();
    let closing_index = layout.lines.len() - 1;

    let blocks = key_blocks(draft);
    let mut replaced: HashMap<usize, (usize, Option<Vec<String>>)> = HashMap::new();
    let mut appended: Vec<String> = Vec::new();
    let has_raw = |key: &str| raw_blocks.iter().any(|(name, _)| name == key);
    for key in FIELDS {
        if draft.front().field(key) == front.field(key) || has_raw(key) {
            continue;
        }
        let lines = field_lines(key, front);
        match blocks.get(key) {
            Some(&(start, end)) => {
                // A value the old style can hold is written in it (folded, literal, quoted).
                let old = &text[layout.lines[start].start..layout.lines[end - 1].end];
                let lines =
                    lines.map(|usual| restyled_lines(key, &front.field(key), old).unwrap_or(usual));
                replaced.insert(start, (end, lines));
            }
            None => appended.extend(lines.unwrap_or_default()),
        }
    }
    for (key, raw) in raw_blocks {
        let lines = raw
            .as_deref()
            .map(|raw| raw.lines().map(str::to_string).collect::<Vec<_>>());
        match blocks.get(key.as_str()) {
            Some(&(start, end)) => {
                replaced.insert(start, (end, lines));
            }
            None => appended.extend(lines.unwrap_or_default()),
        }
    }

    let mut out = String::with_capacity(text.len() + body.len());
    out.push_str(&text[..layout.lines[0].end]);
    let mut index = 1;
    while index < closing_index {
        if let Some((end, lines)) = replaced.remove(&index) {
            for line in lines.unwrap_or_default() {
                out.push_str(&line);
                out.push_str(eol);
            }
            index = end;
            continue;
        }
        let line = layout.lines[index];
        out.push_str(&text[line.start..line.end]);
        index += 1;
    }
    for line in appended {
        out.push_str(&line);
        out.push_str(eol);
    }
    let closing = layout.closing();
    out.push_str(&text[closing.start..closing.end]);
    if closing.end == closing.content_end && !body.is_empty() {
        // The file ended right after `---`; the new body needs its own line.
        out.push_str(eol);
    }
    out.push_str(body);
    out
}

/// Each top-level key with its block's exact text (its lines with their terminators), in file
/// order: what [`update_with_blocks`] takes back.
pub(crate) fn key_block_texts(draft: &Draft) -> Vec<(String, String)> {
    let layout = &draft.layout;
    let blocks = key_blocks(draft);
    draft
        .keys
        .iter()
        .filter_map(|key| {
            let &(start, end) = blocks.get(key.name.as_str())?;
            let range = layout.lines[start].start..layout.lines[end - 1].end;
            Some((key.name.clone(), draft.text()[range].to_string()))
        })
        .collect()
}

/// For each top-level key, the layout line range `start..end` its block covers: from its
/// line up to the next key, without trailing blank lines or column-0 comments (those belong
/// to what follows, and stay when the key is removed).
fn key_blocks(draft: &Draft) -> HashMap<&str, (usize, usize)> {
    let layout = &draft.layout;
    let text = draft.text();
    let closing_index = layout.lines.len() - 1;
    let mut blocks = HashMap::new();
    for (i, key) in draft.keys.iter().enumerate() {
        // Clamped so that a surprising line number can never make `update` loop or panic.
        let start = key.line.saturating_sub(1).clamp(1, closing_index);
        let next = draft
            .keys
            .get(i + 1)
            .map_or(closing_index, |next| next.line.saturating_sub(1));
        let mut end = next.clamp(start + 1, closing_index.max(start + 1));
        while end > start + 1 && is_separator(text, layout.lines[end - 1]) {
            end -= 1;
        }
        blocks.insert(key.name.as_str(), (start, end));
    }
    blocks
}

fn is_separator(text: &str, line: Line) -> bool {
    let content = &text[line.start..line.content_end];
    // Blank as YAML sees it (spaces and tabs only): a line holding, say, a vertical tab is
    // part of the value above it and must go with it (found by fuzzing).
    content.trim_matches([' ', '\t']).is_empty() || content.starts_with('#')
}
