//! Markdown inline markup as XLIFF inline codes.
//!
//! [`protect`] cuts one unit's text into plain text and codes: paired codes (`<g>`) for
//! markup that wraps translatable text (emphasis, link text) and standalone codes (`<x/>`)
//! for markup with nothing to translate (inline code, footnote refs, images, escapes, HTML,
//! line starts such as `> ` or `- `, line breaks). Invariant: [`render`] of the pieces gives
//! back the exact input, whatever the input — markup Galley does not recognise simply stays
//! text.

/// One piece of a unit's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    /// The start of a paired code; `close` is written by the matching [`Piece::Close`].
    Open {
        id: u32,
        ctype: &'static str,
        open: String,
        close: String,
    },
    Close {
        id: u32,
    },
    /// A standalone code holding untranslatable markup.
    Code {
        id: u32,
        ctype: &'static str,
        markup: String,
    },
}

/// A code's definition, to check a translated target against and to restore its markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CodeDef {
    Paired {
        ctype: &'static str,
        open: String,
        close: String,
    },
    Standalone {
        ctype: &'static str,
        markup: String,
    },
}

impl Piece {
    fn def(&self) -> Option<CodeDef> {
        match self {
            Piece::Open {
                ctype, open, close, ..
            } => Some(CodeDef::Paired {
                ctype,
                open: open.clone(),
                close: close.clone(),
            }),
            Piece::Code { ctype, markup, .. } => Some(CodeDef::Standalone {
                ctype,
                markup: markup.clone(),
            }),
            _ => None,
        }
    }
}

/// The Markdown text the pieces stand for (import renders from the code table instead).
#[cfg(test)]
pub(crate) fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut closes: Vec<(u32, &str)> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Open {
                id, open, close, ..
            } => {
                out.push_str(open);
                closes.push((*id, close));
            }
            Piece::Close { id } => {
                if let Some(at) = closes.iter().rposition(|(open_id, _)| open_id == id) {
                    out.push_str(closes.remove(at).1);
                }
            }
            Piece::Code { markup, .. } => out.push_str(markup),
        }
    }
    out
}

/// The codes of `pieces` by id.
pub(crate) fn code_defs(pieces: &[Piece]) -> Vec<(u32, CodeDef)> {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Open { id, .. } | Piece::Code { id, .. } => p.def().map(|d| (*id, d)),
            _ => None,
        })
        .collect()
}

/// Renumbers the codes of `target` so that a code with the same markup as a code of `source`
/// gets that code's id (in order of appearance); the others get ids after all of source's.
/// A CAT tool then shows the same tag for the same markup on both sides.
pub(crate) fn renumber_like(target: &mut [Piece], source: &[Piece]) {
    let source_defs = code_defs(source);
    let mut used = vec![false; source_defs.len()];
    let mut next = source_defs.iter().map(|(id, _)| *id).max().unwrap_or(0) + 1;
    let mut renamed: Vec<(u32, u32)> = Vec::new();
    for piece in target.iter_mut() {
        let def = piece.def();
        match piece {
            Piece::Open { id, .. } | Piece::Code { id, .. } => {
                let found = source_defs
                    .iter()
                    .enumerate()
                    .find(|(i, (_, d))| !used[*i] && Some(d) == def.as_ref());
                let new_id = match found {
                    Some((i, (source_id, _))) => {
                        used[i] = true;
                        *source_id
                    }
                    None => {
                        next += 1;
                        next - 1
                    }
                };
                renamed.push((*id, new_id));
                *id = new_id;
            }
            Piece::Close { id } => {
                if let Some(&(_, new_id)) = renamed.iter().rev().find(|(old, _)| old == id) {
                    *id = new_id;
                }
            }
            Piece::Text(_) => {}
        }
    }
}

/// Cuts a unit's text into text and codes, numbering codes from 1.
pub(crate) fn protect(text: &str) -> Vec<Piece> {
    let mut out = Out {
        pieces: Vec::new(),
        next_id: 1,
    };
    if is_code_block(text) {
        out.code("x-codeblock", text);
        return out.pieces;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut carry = String::new(); // trailing blanks of the previous line, then "\n"
    for (index, line) in lines.iter().enumerate() {
        let prefix_len = line_prefix(line);
        let rest = &line[prefix_len..];
        let content_len = rest.trim_end_matches([' ', '\t']).len();
        let (content, trailing) = rest.split_at(content_len);
        let mut marker = std::mem::take(&mut carry);
        marker.push_str(&line[..prefix_len]);
        if !marker.is_empty() {
            out.code(if index == 0 { "x-block" } else { "lb" }, &marker);
        }
        scan(content, &mut out);
        if index + 1 < lines.len() {
            carry = format!("{trailing}\n");
        } else if !trailing.is_empty() {
            out.code("x-ws", trailing);
        }
    }
    merge_text(out.pieces)
}

struct Out {
    pieces: Vec<Piece>,
    next_id: u32,
}

impl Out {
    fn text(&mut self, text: &str) {
        if !text.is_empty() {
            self.pieces.push(Piece::Text(text.to_string()));
        }
    }

    fn code(&mut self, ctype: &'static str, markup: &str) {
        let id = self.take_id();
        self.pieces.push(Piece::Code {
            id,
            ctype,
            markup: markup.to_string(),
        });
    }

    fn take_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }
}

fn merge_text(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (Some(Piece::Text(last)), Piece::Text(next)) = (merged.last_mut(), &piece) {
            last.push_str(next);
            continue;
        }
        merged.push(piece);
    }
    merged
}

/// A fenced or indented code block is one untranslatable code.
fn is_code_block(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    let unindented = first.trim_start_matches(' ');
    first.starts_with("    ")
        || first.starts_with('\t')
        || (first.len() - unindented.len() <= 3
            && (unindented.starts_with("```") || unindented.starts_with("~~~")))
}

/// The length of a line's leading indentation and block markers (`> `, `- `, `1. `, `# `,
/// `[ ] `), which stay outside the translatable text.
fn line_prefix(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut at = skip_blanks(bytes, 0);
    loop {
        let start = at;
        match bytes.get(at) {
            Some(b'>') => at += 1,
            Some(b'-' | b'*' | b'+') if matches!(bytes.get(at + 1), Some(b' ' | b'\t')) => at += 1,
            Some(b'#') => {
                let hashes = bytes[at..].iter().take_while(|&&b| b == b'#').count();
                if hashes <= 6 && matches!(bytes.get(at + hashes), None | Some(b' ' | b'\t')) {
                    at += hashes;
                }
            }
            Some(b'0'..=b'9') => {
                let digits = bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if digits <= 9
                    && matches!(bytes.get(at + digits), Some(b'.' | b')'))
                    && matches!(bytes.get(at + digits + 1), Some(b' ' | b'\t'))
                {
                    at += digits + 1;
                }
            }
            Some(b'[')
                if matches!(bytes.get(at + 1), Some(b' ' | b'x' | b'X'))
                    && bytes.get(at + 2) == Some(&b']')
                    && matches!(bytes.get(at + 3), Some(b' ' | b'\t'))
                    && start > 0 =>
            {
                at += 3
            }
            _ => {}
        }
        if at == start {
            return at;
        }
        at = skip_blanks(bytes, at);
    }
}

fn skip_blanks(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

/// XML 1.0 cannot carry these characters at all, so they travel as codes.
fn is_xml_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{d}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// How far past an opener the closing half of inline markup is looked for. Real markup closes
/// within a few hundred bytes; the bound keeps hostile runs of `[` or `*` from costing time
/// quadratic in the paragraph's length (markup left unrecognised simply stays text).
const MAX_SPAN: usize = 4096;

/// Scans inline markup in one line's content.
fn scan(s: &str, out: &mut Out) {
    let bytes = s.as_bytes();
    let mut at = 0;
    let mut text_start = 0;
    while at < s.len() {
        let mut limit = (at + MAX_SPAN).min(s.len());
        while !s.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &s[..limit];
        let found = match bytes[at] {
            b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                Some(Found::Code("x-escape", at + 2))
            }
            b'`' => code_span(window, at).map(|end| Found::Code("x-code", end)),
            b'!' if bytes.get(at + 1) == Some(&b'[') => {
                link(window, at + 1).map(|(_, end)| Found::Code("image", end))
            }
            b'[' if bytes.get(at + 1) == Some(&b'^') => {
                footnote(window, at).map(|end| Found::Code("x-footnote", end))
            }
            b'[' => link(window, at).map(|(text_end, end)| Found::Paired {
                ctype: "link",
                open_end: at + 1,
                inner_end: text_end,
                end,
            }),
            b'<' => html(window, at).map(|end| Found::Code("x-html", end)),
            b'*' | b'_' | b'~' => emphasis(window, at),
            _ => None,
        };
        match found {
            Some(found) => {
                out.text(&s[text_start..at]);
                match found {
                    Found::Code(ctype, end) => {
                        out.code(ctype, &s[at..end]);
                        at = end;
                    }
                    Found::Paired {
                        ctype,
                        open_end,
                        inner_end,
                        end,
                    } => {
                        let id = out.take_id();
                        out.pieces.push(Piece::Open {
                            id,
                            ctype,
                            open: s[at..open_end].to_string(),
                            close: s[inner_end..end].to_string(),
                        });
                        scan(&s[open_end..inner_end], out);
                        out.pieces.push(Piece::Close { id });
                        at = end;
                    }
                }
                text_start = at;
            }
            None => {
                let c = s[at..].chars().next().unwrap_or(' ');
                let len = c.len_utf8();
                if is_xml_unsafe(c) {
                    out.text(&s[text_start..at]);
                    out.code("x-char", &s[at..at + len]);
                    text_start = at + len;
                } else if matches!(c, '*' | '_' | '~' | '`') {
                    // An unmatched run stays text as a whole, so that its tail is not
                    // mistaken for an opener.
                    let run = bytes[at..].iter().take_while(|&&b| b == bytes[at]).count();
                    at += run;
                    continue;
                }
                at += len;
            }
        }
    }
    out.text(&s[text_start..]);
}

enum Found {
    Code(&'static str, usize),
    Paired {
        ctype: &'static str,
        open_end: usize,
        inner_end: usize,
        end: usize,
    },
}

/// A code span opened by the backtick run at `at`: the end of its closing run of equal length.
fn code_span(s: &str, at: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut search = at + run;
    while search < s.len() {
        let next = search + s[search..].find('`')?;
        let close = bytes[next..].iter().take_while(|&&b| b == b'`').count();
        if close == run {
            return Some(next + close);
        }
        search = next + close;
    }
    None
}

/// `[^label]` with no blanks inside.
fn footnote(s: &str, at: usize) -> Option<usize> {
    let close = at + s[at..].find(']')?;
    let label = &s[at + 2..close];
    (!label.is_empty() && !label.contains([' ', '\t', '['])).then_some(close + 1)
}

/// `[text](destination)` or `[text][ref]` starting at `at`: the end of the text and of the
/// whole link.
fn link(s: &str, at: usize) -> Option<(usize, usize)> {
    let text_end = matching(s, at, b'[', b']')?;
    match s.as_bytes().get(text_end + 1) {
        Some(b'(') => Some((text_end, matching(s, text_end + 1, b'(', b')')? + 1)),
        Some(b'[') => Some((text_end, matching(s, text_end + 1, b'[', b']')? + 1)),
        _ => None,
    }
}

/// The index of the bracket closing the one at `at`, skipping escaped brackets and code spans.
fn matching(s: &str, at: usize, open: u8, close: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'`' => {
                if let Some(end) = code_span(s, i) {
                    i = end;
                    continue;
                }
            }
            b if b == open => depth += 1,
            b if b == close => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// An HTML tag, comment or autolink: `<` followed by a letter, `/` or `!`, up to `>`.
fn html(s: &str, at: usize) -> Option<usize> {
    let next = *s.as_bytes().get(at + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let end = at + s[at..].find('>')?;
    (!s[at..end].contains('\n')).then_some(end + 1)
}

/// Emphasis (`*`, `_`, `**`, `__`) or strikethrough (`~~`) opening at `at`.
fn emphasis(s: &str, at: usize) -> Option<Found> {
    let bytes = s.as_bytes();
    let c = bytes[at];
    let run = bytes[at..].iter().take_while(|&&b| b == c).count();
    let candidates: &[usize] = match (c, run) {
        (b'~', 2) => &[2],
        (b'~', _) => &[],
        (_, 1) => &[1],
        _ => &[2, 1],
    };
    if c == b'_'
        && at > 0
        && s[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None; // snake_case, not emphasis
    }
    for &len in candidates {
        let inner_start = at + len;
        if bytes
            .get(inner_start)
            .is_none_or(|b| b.is_ascii_whitespace())
        {
            continue;
        }
        let first_len = s[inner_start..].chars().next().map_or(1, char::len_utf8);
        let mut search = inner_start + first_len;
        while search + len <= s.len() {
            let Some(offset) = s[search..].find(char::from(c)) else {
                break;
            };
            let close = search + offset;
            let close_run = bytes[close..].iter().take_while(|&&b| b == c).count();
            // The closer is the last `len` delimiters of a run, preceded by non-blank text.
            let candidate = close + close_run.saturating_sub(len);
            let fits = close_run >= len
                && !bytes[candidate - 1].is_ascii_whitespace()
                && (c != b'_'
                    || !s[candidate + len..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric));
            if fits && candidate > inner_start {
                let ctype = match (c, len) {
                    (b'~', _) => "x-strike",
                    (_, 2) => "bold",
                    _ => "italic",
                };
                return Some(Found::Paired {
                    ctype,
                    open_end: inner_start,
                    inner_end: candidate,
                    end: candidate + len,
                });
            }
            search = close + close_run;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        protect(text)
            .iter()
            .filter_map(|p| match p {
                Piece::Open { open, close, .. } => Some(format!("{open}…{close}")),
                Piece::Code { markup, .. } => Some(markup.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn protected_text_renders_back_byte_for_byte() {
        let samples = [
            "plain text",
            "**bold** and *italic* and _under_ and __strong__ and ~~gone~~",
            "***both*** and **unclosed and *half",
            "a `code with * star` and ``double ` tick`` and ` lone",
            "[link *text*](https://example.org/a_(b)) and [ref][1] and [^note] and ![alt](i.png)",
            "> quoted\n> - item\n>   1. nested",
            "line with hard break  \nnext\tline\n\n- after blank",
            "snake_case_name stays, \\*escaped\\* too, <br/> and <https://x.org>",
            "control \u{1} char and \r lone return",
            "```rust\nfn main() {}\n\n```",
            "# Heading with **bold**",
            "Кірыліца *курсіў* і [спасылка](https://example.by/шлях)",
            "",
            "* ",
            "[unclosed link(",
        ];
        for sample in samples {
            assert_eq!(render(&protect(sample)), sample, "sample {sample:?}");
        }
    }

    #[test]
    fn long_runs_of_unclosed_openers_stay_text() {
        let hostile = "[*a <b `".repeat(50_000);
        let pieces = protect(&hostile);
        assert_eq!(render(&pieces), hostile);
    }

    #[test]
    fn markup_becomes_codes_and_words_stay_text() {
        assert_eq!(codes("a **b** c"), ["**…**"]);
        assert_eq!(codes("***x***"), ["**…**", "*…*"]);
        assert_eq!(codes("[t](u) `c` [^1]"), ["[…](u)", "`c`", "[^1]"]);
        assert_eq!(codes("> - item\nnext"), ["> - ", "\n"]);
        assert_eq!(codes("snake_case_name"), Vec::<String>::new());
        assert_eq!(codes("1. first"), ["1. "]);
    }
}
