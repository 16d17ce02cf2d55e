//! Markdown in, safe output out. [`markdown_to_html`] is the one way a draft becomes HTML
//! (export and preview alike): pulldown-cmark (CommonMark + GFM tables, footnotes,
//! strikethrough) and then ammonia with an explicit allow-list.
//!
//! Policy, applied before ammonia so the plain-text and Hugo outputs agree with the HTML:
//! - links keep only `http`, `https`, `mailto` or relative targets; any other link (say
//!   `javascript:`) is reduced to its text;
//! - images load only from relative paths (inside the bundle or site); a remote image becomes
//!   a link to it showing its alt text, so opening a page never makes an external request;
//! - raw HTML goes through ammonia: no script, style, event handler or foreign attribute
//!   survives. A raw `<img>` with a remote `src` loses the `src`.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The Markdown dialect Galley renders (XLIFF reads units with it too).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to sanitized HTML (a fragment, no `<html>` wrapper).
pub fn markdown_to_html(md: &str) -> String {
    markdown_to_html_with_prefix(md, "")
}

/// As [`markdown_to_html`], with footnote ids prefixed by `prefix` so several bodies can share
/// one page without clashing ids.
pub(crate) fn markdown_to_html_with_prefix(md: &str, prefix: &str) -> String {
    let prefix: String = prefix
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let mut raw = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, policy_events(md, &prefix));
    sanitizer().clean(&raw).to_string()
}

/// The URL scheme of `url` (lower-cased), if it has one. Whitespace and control characters
/// are ignored the way browsers ignore them (`java\tscript:`).
fn scheme(url: &str) -> Option<String> {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let end = compact.find([':', '/', '?', '#'])?;
    if compact[end..].starts_with(':') {
        Some(compact[..end].to_ascii_lowercase())
    } else {
        None
    }
}

/// A link target a reader may follow: relative, or `http`/`https`/`mailto`.
pub(crate) fn is_safe_link(url: &str) -> bool {
    scheme(url).is_none_or(|s| SAFE_SCHEMES.contains(&s.as_str()))
}

/// A path inside the bundle or site: no scheme, not protocol-relative (`//host`).
pub(crate) fn is_relative(url: &str) -> bool {
    let trimmed = url.trim_start();
    scheme(url).is_none() && !trimmed.starts_with("//") && !trimmed.starts_with("\\\\")
}

fn footnote_id(prefix: &str, n: usize) -> String {
    if prefix.is_empty() {
        format!("fn-{n}")
    } else {
        format!("{prefix}-fn-{n}")
    }
}

/// Footnotes numbered by first mention, reference or definition.
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
}

impl Footnotes {
    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_string()).or_insert(next)
    }
}

/// The parser's events with the link/image policy applied and footnotes given stable,
/// prefixed ids.
fn policy_events<'a>(md: &'a str, prefix: &'a str) -> impl Iterator<Item = Event<'a>> + 'a {
    let mut dropped_links: Vec<bool> = Vec::new();
    // Images turned into links; their End(Image) must become End(Link).
    let mut image_as_link: Vec<Option<bool>> = Vec::new();
    let mut notes = Footnotes::default();
    let mut nesting = Nesting::default();
    Parser::new_ext(md, options()).filter_map(move |event| match event {
        Event::Start(tag @ (Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)) => {
            nesting.open().then_some(Event::Start(tag))
        }
        Event::End(end @ (TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)) => {
            nesting.close().then_some(Event::End(end))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = is_safe_link(&dest_url);
            dropped_links.push(!keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => match dropped_links.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            if is_relative(&dest_url) {
                image_as_link.push(None);
                Some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            } else if is_safe_link(&dest_url) {
                image_as_link.push(Some(true));
                Some(Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url,
                    title,
                    id,
                }))
            } else {
                image_as_link.push(Some(false));
                None
            }
        }
        Event::End(TagEnd::Image) => match image_as_link.pop() {
            Some(Some(true)) => Some(Event::End(TagEnd::Link)),
            Some(Some(false)) => None,
            _ => Some(Event::End(TagEnd::Image)),
        },
        Event::FootnoteReference(label) => {
            let n = notes.number(&label);
            let id = footnote_id(prefix, n);
            Some(Event::Html(CowStr::from(format!(
                "<sup class=\"footnote-ref\"><a href=\"#{id}\">{n}</a></sup>"
            ))))
        }
        Event::Start(Tag::FootnoteDefinition(label)) => {
            let n = notes.number(&label);
            let id = footnote_id(prefix, n);
            Some(Event::Html(CowStr::from(format!(
                "<div class=\"footnote\" id=\"{id}\"><sup>{n}</sup>"
            ))))
        }
        Event::End(TagEnd::FootnoteDefinition) => Some(Event::Html(CowStr::from("</div>\n"))),
        other => Some(other),
    })
}

/// How deeply quotes and lists may nest in the HTML. The HTML parser inside the sanitizer
/// slows down with the square of the nesting (50,000 `>` took minutes), and no commentary
/// needs more than a handful: deeper containers are left out, their text kept.
pub(crate) const MAX_NESTING: usize = 32;

/// Which containers were kept, so each end matches its start.
#[derive(Default)]
struct Nesting {
    kept: Vec<bool>,
    depth: usize,
}

impl Nesting {
    fn open(&mut self) -> bool {
        let keep = self.depth < MAX_NESTING;
        self.kept.push(keep);
        self.depth += usize::from(keep);
        keep
    }

    fn close(&mut self) -> bool {
        let kept = self.kept.pop().unwrap_or(false);
        self.depth -= usize::from(kept);
        kept
    }
}

fn sanitizer() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "div",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    tag_attributes.insert("a", ["href", "title"].into_iter().collect());
    tag_attributes.insert("img", ["src", "alt", "title"].into_iter().collect());
    tag_attributes.insert("ol", ["start"].into_iter().collect());
    tag_attributes.insert("div", ["id", "class"].into_iter().collect());
    tag_attributes.insert("sup", ["class"].into_iter().collect());
    tag_attributes.insert("th", ["style"].into_iter().collect());
    tag_attributes.insert("td", ["style"].into_iter().collect());
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .tag_attributes(tag_attributes)
        .url_schemes(SAFE_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(["script", "style"].into_iter().collect())
        .attribute_filter(|tag, attribute, value| match (tag, attribute) {
            // Tables' column alignment is the only style a draft may carry.
            (_, "style") => {
                let allowed = ["left", "center", "right"]
                    .iter()
                    .any(|a| value == format!("text-align: {a}"));
                allowed.then(|| value.into())
            }
            ("img", "src") => is_relative(value).then(|| value.into()),
            ("div", "class") => (value == "footnote").then(|| value.into()),
            ("sup", "class") => (value == "footnote-ref").then(|| value.into()),
            _ => Some(value.into()),
        });
    builder
}

/// Plain text for `email.txt`: paragraphs separated by blank lines, list items with `- `,
/// links as `text <url>` (safe absolute URLs only), footnotes as `[n]`, raw HTML left out.
pub(crate) fn markdown_to_text(md: &str) -> String {
    let mut out = String::new();
    let mut notes = Footnotes::default();
    let mut links: Vec<Option<String>> = Vec::new();
    let mut list_depth = 0usize;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::FootnoteReference(label) => {
                out.push_str(&format!("[{}]", notes.number(&label)));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                out.push_str(&format!("[{}] ", notes.number(&label)));
            }
            Event::Start(Tag::Item) => {
                out.push_str(&"  ".repeat(list_depth.saturating_sub(1)));
                out.push_str("- ");
            }
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 {
                    out.push('\n');
                }
            }
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::End(TagEnd::CodeBlock) => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                let show = is_safe_link(&dest_url) && !is_relative(&dest_url);
                links.push(show.then(|| dest_url.to_string()));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some(Some(url)) = links.pop() {
                    out.push_str(&format!(" <{url}>"));
                }
            }
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition,
            ) if list_depth == 0 => out.push_str("\n\n"),
            _ => {}
        }
    }
    normalise_blank_lines(&out)
}

fn normalise_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The draft's Markdown for the Hugo site with the same policy: raw HTML removed (Hugo's
/// own default also omits it), links with unsafe targets reduced to their text, images with
/// remote sources reduced to their alt text, unsafe reference definitions removed.
pub(crate) fn markdown_for_site(md: &str) -> String {
    let parser = Parser::new_ext(md, options());
    let mut patches: Vec<(Range<usize>, String)> = Vec::new();
    for (_, def) in parser.reference_definitions().iter() {
        if !is_safe_link(&def.dest) {
            patches.push((def.span.clone(), String::new()));
        }
    }
    let mut open: Vec<(usize, bool, String)> = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => patches.push((range, String::new())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push((range.start, !is_safe_link(&dest_url), String::new()));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push((range.start, !is_relative(&dest_url), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(last) = open.last_mut() {
                    last.2.push_str(&t);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((start, replace, text)) = open.pop() {
                    if let Some(parent) = open.last_mut() {
                        parent.2.push_str(&text);
                    }
                    if replace {
                        patches.push((start..range.end, escape_markdown(&text)));
                    }
                }
            }
            _ => {}
        }
    }
    apply_patches(md, patches)
}

/// Applies non-overlapping patches; a patch inside one already applied is skipped.
fn apply_patches(text: &str, mut patches: Vec<(Range<usize>, String)>) -> String {
    patches.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (range, replacement) in patches {
        if range.start < pos || range.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..range.start]);
        out.push_str(&replacement);
        pos = range.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Backslash-escapes the characters that could start Markdown or HTML syntax.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]()<>#+-!|~&:".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
