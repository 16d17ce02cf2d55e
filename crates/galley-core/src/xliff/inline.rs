//! Markdown inline markup as XLIFF inline codes.
//!
//! [`protect`] cuts one unit's text into plain text and codes: paired codes (`<g>`) for
//! markup that wraps translatable text (emphasis, strikethrough, link text) and standalone
//! codes (`<x/>`) for markup with nothing to translate (inline code, footnote refs, images,
//! autolinks, escapes, HTML, code blocks, line starts such as `> ` or `- `, line breaks, table
//! pipes). What is markup is decided by pulldown-cmark's offset iterator with the renderer's
//! options, so a translator sees as formatting exactly what the preview and export format:
//! the text of its `Text` events is the translatable text, every byte between them is a code.
//! Invariant: [`render`] of the pieces gives back the exact input, whatever the input — the
//! pieces are cut by one cursor over the text, so no byte is lost or repeated.

use crate::bundle::markdown;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

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
    let mut accept_references = |link: BrokenLink<'_>| {
        // The unit is parsed alone, without the reference definitions elsewhere in the body:
        // `[text][ref]` and `[text][]` are links whatever the definitions, but `[text]` alone
        // is too often plain brackets to guess.
        (link.link_type != LinkType::Shortcut).then(|| (CowStr::from(""), CowStr::from("")))
    };
    let parser =
        Parser::new_with_broken_link_callback(text, unit_options(), Some(&mut accept_references));
    let mut cut = Cutter::new(text);
    let mut skip_until: Option<usize> = None; // nesting depth whose End ends a skipped subtree
    let mut depth = 0usize;
    for (event, range) in parser.into_offset_iter() {
        let is_end = matches!(event, Event::End(_));
        if matches!(event, Event::Start(_)) {
            depth += 1;
        }
        if let Some(until) = skip_until {
            if is_end && depth == until {
                skip_until = None;
            }
            if is_end {
                depth -= 1;
            }
            cut.seen(range.end);
            continue;
        }
        match event {
            Event::Start(Tag::Emphasis) => cut.open("italic", range),
            Event::Start(Tag::Strong) => cut.open("bold", range),
            Event::Start(Tag::Strikethrough) => cut.open("x-strike", range),
            Event::Start(Tag::Link { link_type, .. })
                if !matches!(link_type, LinkType::Autolink | LinkType::Email) =>
            {
                cut.open("link", range)
            }
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => cut.close(range.end),
            // Subtrees with nothing to translate: one code each.
            Event::Start(Tag::Image { .. }) => {
                cut.code("image", range);
                skip_until = Some(depth);
            }
            Event::Start(Tag::Link { .. }) => {
                cut.code("x-autolink", range);
                skip_until = Some(depth);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                cut.code_block(range);
                skip_until = Some(depth);
            }
            Event::Text(_) => cut.text(range),
            Event::Code(_) => cut.code("x-code", range),
            Event::InlineHtml(_) => cut.code("x-html", range),
            Event::Html(_) => cut.html_block_line(range),
            Event::FootnoteReference(_) => cut.code("x-footnote", range),
            // Block starts and ends, breaks and rules are markup between texts: they become
            // part of the code for the gap they sit in. A start's range spans its content,
            // so only ends count as seen.
            Event::Start(_) => {}
            _ => cut.seen(range.end),
        }
        if is_end {
            depth -= 1;
        }
    }
    cut.finish()
}

/// The renderer's Markdown options ([`markdown::options`]), with footnote references
/// recognised without their definition in sight: a unit is parsed alone, and definitions are
/// usually paragraphs of their own.
fn unit_options() -> Options {
    markdown::options() | Options::ENABLE_OLD_FOOTNOTES
}

/// Walks a unit's text once, front to back, handing each byte to exactly one piece: whatever
/// the parser reports, [`render`] of the pieces is the input.
struct Cutter<'a> {
    src: &'a str,
    /// Everything before `at` is in `pieces`.
    at: usize,
    /// The furthest any event reached, to tell an escaping backslash from a literal one.
    seen: usize,
    pieces: Vec<Piece>,
    next_id: u32,
    /// Paired codes entered: start of their markup, end, ctype, id once opened.
    open: Vec<Paired>,
}

struct Paired {
    start: usize,
    end: usize,
    ctype: &'static str,
    id: Option<u32>,
}

impl<'a> Cutter<'a> {
    fn new(src: &'a str) -> Self {
        Cutter {
            src,
            at: 0,
            seen: 0,
            pieces: Vec::new(),
            next_id: 1,
            open: Vec::new(),
        }
    }

    fn take_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn seen(&mut self, end: usize) {
        self.seen = self.seen.max(end);
    }

    /// Something that belongs inside the innermost paired codes starts at `start`: the ones
    /// not opened yet get their opening markup, up to `start`.
    fn enter_content(&mut self, start: usize) {
        let start = start.max(self.at).min(self.src.len());
        for index in 0..self.open.len() {
            if self.open[index].id.is_some() {
                continue;
            }
            let id = self.take_id();
            let paired = &mut self.open[index];
            paired.id = Some(id);
            // Paired codes open one at a time (each start first enters its parent), so only
            // the innermost can be waiting and its opening markup runs up to `start`.
            let opening_end = start;
            self.pieces.push(Piece::Open {
                id,
                ctype: self.open[index].ctype,
                open: self.src[self.at..opening_end].to_string(),
                close: String::new(),
            });
            self.at = opening_end;
        }
        self.gap(start);
    }

    /// The markup from `at` up to `end` as one standalone code, named by where it sits.
    fn gap(&mut self, end: usize) {
        let end = end.min(self.src.len());
        if end <= self.at {
            return;
        }
        let markup = &self.src[self.at..end];
        let ctype = if self.at == 0 {
            "x-block"
        } else if markup.contains(['\n', '\r']) {
            "lb"
        } else if end == self.src.len() && markup.trim_matches([' ', '\t']).is_empty() {
            "x-ws"
        } else if end == self.src.len() {
            "x-block"
        } else {
            "x-markup"
        };
        self.push_code(ctype, end);
    }

    fn push_code(&mut self, ctype: &'static str, end: usize) {
        let id = self.take_id();
        self.pieces.push(Piece::Code {
            id,
            ctype,
            markup: self.src[self.at..end].to_string(),
        });
        self.at = end;
        self.seen(end);
    }

    fn code(&mut self, ctype: &'static str, range: Range<usize>) {
        self.enter_content(range.start);
        if range.end > self.at {
            self.push_code(ctype, range.end.min(self.src.len()));
        }
    }

    /// A code block is one code, with the indentation before it.
    fn code_block(&mut self, range: Range<usize>) {
        let before = &self.src[self.at..range.start.max(self.at)];
        let start = if before.trim_matches([' ', '\t']).is_empty() {
            self.at
        } else {
            range.start
        };
        self.code("x-codeblock", start..range.end);
    }

    fn open(&mut self, ctype: &'static str, range: Range<usize>) {
        self.enter_content(range.start);
        self.open.push(Paired {
            start: range.start.max(self.at),
            end: range.end,
            ctype,
            id: None,
        });
    }

    /// The innermost paired code ends at `end`: its closing markup is what follows its last
    /// content. One with no content at all is a standalone code.
    fn close(&mut self, end: usize) {
        let Some(paired) = self.open.pop() else {
            return;
        };
        let end = end.max(paired.end).min(self.src.len()).max(self.at);
        match paired.id {
            Some(id) => {
                let close = self.src[self.at..end].to_string();
                if let Some(Piece::Open { close: slot, .. }) = self
                    .pieces
                    .iter_mut()
                    .rev()
                    .find(|p| matches!(p, Piece::Open { id: open_id, .. } if *open_id == id))
                {
                    *slot = close;
                }
                self.pieces.push(Piece::Close { id });
                self.at = end;
                self.seen(end);
            }
            None => {
                self.enter_content(paired.start);
                let ctype = if paired.ctype == "link" {
                    "x-link"
                } else {
                    paired.ctype
                };
                self.push_code(ctype, end);
            }
        }
    }

    /// Translatable text; a backslash escape in front of it is a code of its own, and so is
    /// any character XML cannot carry.
    fn text(&mut self, range: Range<usize>) {
        let Range { mut start, end } = range;
        let src = self.src;
        // A backslash no event covered, before punctuation the parser took as text.
        let escaped = start > 0
            && self.seen < start
            && src.as_bytes()[start - 1] == b'\\'
            && src
                .as_bytes()
                .get(start)
                .is_some_and(u8::is_ascii_punctuation);
        if escaped {
            self.enter_content(start - 1);
            self.push_code("x-escape", start + 1);
            start += 1;
        }
        self.enter_content(start);
        if end <= self.at {
            return;
        }
        let base = self.at;
        let mut from = base;
        for (offset, c) in src[base..end].char_indices() {
            if is_xml_unsafe(c) {
                let char_start = base + offset;
                self.push_text(from, char_start);
                self.at = char_start;
                self.push_code("x-char", char_start + c.len_utf8());
                from = self.at;
            }
        }
        self.push_text(from, end);
        self.at = end;
        self.seen(end);
    }

    fn push_text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let text = &self.src[start..end];
        if let Some(Piece::Text(last)) = self.pieces.last_mut() {
            last.push_str(text);
        } else {
            self.pieces.push(Piece::Text(text.to_string()));
        }
    }

    /// A line of an HTML block: its tags are codes and the words between them text, found by
    /// the parser's own raw-HTML rules (the line read as inline content after a letter).
    /// The line break and indentation around it stay with the gaps.
    fn html_block_line(&mut self, range: Range<usize>) {
        let line = &self.src[range.clone()];
        let content = line.trim_matches([' ', '\t', '\n', '\r']);
        let offset =
            range.start + (line.len() - line.trim_start_matches([' ', '\t', '\n', '\r']).len());
        let probe = format!("x{content}");
        let tags: Vec<Range<usize>> = Parser::new_ext(&probe, Options::empty())
            .into_offset_iter()
            .filter(|(event, _)| matches!(event, Event::InlineHtml(_)))
            .map(|(_, r)| offset + r.start - 1..offset + r.end - 1)
            .collect();
        let mut at = offset;
        for tag in tags {
            if tag.start > at {
                self.text(at..tag.start);
            }
            self.code("x-html", tag.clone());
            at = tag.end;
        }
        if offset + content.len() > at {
            self.text(at..offset + content.len());
        }
        self.seen(range.end);
    }

    fn finish(mut self) -> Vec<Piece> {
        while !self.open.is_empty() {
            let end = self.open.last().map_or(self.src.len(), |p| p.end);
            self.close(end);
        }
        self.gap(self.src.len());
        self.pieces
    }
}

/// XML 1.0 cannot carry these characters at all, so they travel as codes.
fn is_xml_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{d}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
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
            "*a `*` b*, **a*, *across\nlines* and [a\nlink](u)",
            "[see [1] here](u) and [a [b] c](u \"t\") and [col][] and [sic]",
            "<span title=\"a>b\">x</span> <!-- c > d --> and <a@b.org>",
            "| a | b |\n|---|---|\n| *c* | d \\| e |",
            "<div align=\"c\">\n  Text *x* <b>bold</b>\n</div>",
            "    indented\n    code",
            "# Title #\nSetext\n===",
            "\\*not em\\* and word\\\nnext and \\\\",
            "~one~ and [](empty) and &amp; &copy;",
            "[^1]: Гл. *камюніке* ад 12 мая.\n    Працяг.",
            "- [ ] task\n---\n***",
            "\u{0}nul and \u{b}vt in *\u{1}em*",
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
        // CommonMark (and so the preview) reads `***x***` as emphasis around strong.
        assert_eq!(codes("***x***"), ["*…*", "**…**"]);
        assert_eq!(codes("[t](u) `c` [^1]"), ["[…](u)", "`c`", "[^1]"]);
        assert_eq!(codes("> - item\nnext"), ["> - ", "\n"]);
        assert_eq!(codes("snake_case_name"), Vec::<String>::new());
        assert_eq!(codes("1. first"), ["1. "]);
    }

    fn texts(text: &str) -> Vec<String> {
        protect(text)
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }

    // The cases below are where the hand-written recognizer this module replaced read
    // Markdown differently from the renderer.

    #[test]
    fn a_code_span_inside_emphasis_is_a_code_not_the_emphasis_end() {
        assert_eq!(codes("*a `*` b*"), ["*…*", "`*`"]);
        assert_eq!(texts("*a `*` b*"), ["a ", " b"]);
    }

    #[test]
    fn stars_and_underscores_follow_the_flanking_rules() {
        assert_eq!(codes("**a*"), ["*…*"]);
        assert_eq!(texts("**a*"), ["*", "a"]);
        assert_eq!(codes("_snake_case_"), ["_…_"]);
        assert_eq!(texts("_snake_case_"), ["snake_case"]);
        assert_eq!(codes("2*3*4"), ["*…*"]);
        assert_eq!(codes("a * b * c and 5*"), Vec::<String>::new());
        assert_eq!(codes("~one~ tilde"), ["~…~"]);
    }

    #[test]
    fn emphasis_and_links_may_span_lines() {
        assert_eq!(codes("*a\nb* [x\ny](z)"), ["*…*", "\n", "[…](z)", "\n"]);
    }

    #[test]
    fn link_text_may_hold_brackets_and_the_destination_a_title() {
        assert_eq!(codes("[see [1] here](u \"Т\")"), ["[…](u \"Т\")"]);
        assert_eq!(texts("[see [1] here](u \"Т\")"), ["see [1] here"]);
        assert_eq!(codes("[a][ref] and [b][]"), ["[…][ref]", "[…]", "[]"]);
        assert_eq!(codes("[only brackets]"), Vec::<String>::new());
    }

    #[test]
    fn html_tags_end_where_the_tag_ends() {
        assert_eq!(
            codes("<span title=\"a>b\">x</span> <!-- c > d -->"),
            ["<span title=\"a>b\">", "</span>", "<!-- c > d -->"]
        );
        assert_eq!(
            codes("<div>\nText *x*\n</div>"),
            ["<div>", "\n", "\n", "</div>"]
        );
        assert_eq!(texts("<div>\nText *x*\n</div>"), ["Text *x*"]);
    }

    #[test]
    fn table_pipes_and_closing_hashes_are_codes() {
        assert_eq!(
            codes("| a | b |\n|---|---|\n| c | d |"),
            ["| ", " | ", " |\n|---|---|\n| ", " | ", " |"]
        );
        assert_eq!(codes("# Title #"), ["# ", " #"]);
        assert_eq!(codes("[^1]: Note."), ["[^1]: "]);
    }

    /// A deterministic stream of inline Markdown made of the pieces that trip recognizers.
    fn generated(seed: u64, count: usize) -> Vec<String> {
        const PARTS: &[&str] = &[
            "слова",
            "word",
            " ",
            " ",
            "*",
            "**",
            "_",
            "__",
            "~~",
            "~",
            "`",
            "``",
            "[",
            "]",
            "(",
            ")",
            "](https://x.org/a_(b) \"Загаловак\")",
            "![alt](i.png)",
            "[^1]",
            "\\",
            "\\*",
            "\\_",
            "<br/>",
            "<b>",
            "</b>",
            "<https://x.org>",
            "&amp;",
            "\n",
            "  \n",
            "\n> ",
            "\n- ",
            "\n1. ",
            "# ",
            "| ",
            " | ",
            "\t",
            "\r",
            "\u{1}",
            "snake_case",
            "ё",
            "“",
            ".",
            "!",
            "\n\n",
            "    ",
            "```",
            "<!--",
            "-->",
            "[x]",
            "[]",
            ":",
        ];
        let mut state = seed;
        (0..count)
            .map(|_| {
                let mut text = String::new();
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let len = (state >> 59) as usize + 1;
                for _ in 0..len * 2 {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    text.push_str(PARTS[(state >> 33) as usize % PARTS.len()]);
                }
                text
            })
            .collect()
    }

    #[test]
    fn generated_inline_markdown_renders_back_and_keeps_text_xml_safe() {
        for sample in generated(16, 5_000) {
            let pieces = protect(&sample);
            assert_eq!(render(&pieces), sample, "sample {sample:?}");
            let mut ids = Vec::new();
            for piece in &pieces {
                match piece {
                    Piece::Text(text) => assert!(
                        !text.is_empty()
                            && !text.contains(['\n', '\r'])
                            && !text.chars().any(is_xml_unsafe),
                        "text piece {text:?} of {sample:?}"
                    ),
                    Piece::Open { id, .. } | Piece::Code { id, .. } => ids.push(*id),
                    Piece::Close { .. } => {}
                }
            }
            let expected: Vec<u32> = (1..=ids.len() as u32).collect();
            assert_eq!(ids, expected, "codes numbered in order in {sample:?}");
        }
    }
}
