//! Standalone HTML5 pages: the issue (`index.html`) and one per commentary. No external
//! request: styles are inline, images only relative, and a CSP says so too.

use super::locale::trend_symbol;
use super::{esc, Entry, LangContext};
use crate::draft::Trend;
use crate::plural::commentaries;
use crate::publication::Format;

const STYLE: &str = "\
:root{color-scheme:light;}\
body{margin:0;background:#f7f6f2;color:#1d1d1b;font:18px/1.6 Georgia,'Times New Roman',serif;}\
main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem 4rem;}\
header.issue{border-bottom:1px solid #d6d3c8;margin-bottom:2rem;padding-bottom:1rem;}\
header.issue p{margin:.25rem 0;color:#5a5850;font-size:.95rem;}\
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem;}\
h2{font-size:1.35rem;margin:2.5rem 0 .75rem;border-bottom:1px solid #d6d3c8;}\
h3{font-size:1.2rem;margin:1.5rem 0 .25rem;}\
a{color:#1a4d8f;}\
.trend{font-family:system-ui,sans-serif;font-size:.9rem;font-weight:600;margin:.25rem 0;}\
.trend-improved{color:#1d6b2f;}.trend-unchanged{color:#5a5850;}.trend-deteriorated{color:#a12a1f;}\
.byline{font-family:system-ui,sans-serif;font-size:.9rem;color:#5a5850;margin:.25rem 0 1rem;}\
.lead{font-size:1.1rem;}\
.section{font-family:system-ui,sans-serif;font-size:.85rem;letter-spacing:.04em;text-transform:uppercase;color:#5a5850;margin:0;}\
footer.copyright{margin-top:2rem;font-family:system-ui,sans-serif;font-size:.85rem;color:#5a5850;}\
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #d6d3c8;color:#3d3c37;}\
table{border-collapse:collapse;margin:1rem 0;}th,td{border:1px solid #d6d3c8;padding:.3rem .6rem;}\
pre{overflow:auto;background:#eeece5;padding:.75rem;}code{font-size:.9em;}\
img{max-width:100%;height:auto;}\
.footnote{font-size:.9rem;color:#3d3c37;}.footnote p{display:inline;}\
nav.languages{font-family:system-ui,sans-serif;font-size:.9rem;margin-top:3rem;}\
nav.languages a{margin-right:1rem;}";

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

fn head(ctx: &LangContext, title: &str, page: &str, out: &mut String) {
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", esc(ctx.lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
    ));
    out.push_str(&format!("<title>{}</title>\n", esc(title)));
    for lang in &ctx.input.languages {
        out.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{l}\" href=\"../{l}/{p}\">\n",
            l = esc(lang),
            p = esc(page)
        ));
    }
    if ctx.makes(Format::Feeds) {
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.atom\" title=\"{}\">\n",
            esc(ctx.newsletter_title())
        ));
    }
    out.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
}

fn language_nav(ctx: &LangContext, page: &str, out: &mut String) {
    if ctx.input.languages.len() < 2 {
        return;
    }
    out.push_str(&format!(
        "<nav class=\"languages\" aria-label=\"{}\">",
        esc(ctx.words.other_languages)
    ));
    for lang in ctx.input.languages.iter().filter(|l| *l != ctx.lang) {
        out.push_str(&format!(
            "<a href=\"../{l}/{p}\" hreflang=\"{l}\" lang=\"{l}\">{name}</a>",
            l = esc(lang),
            p = esc(page),
            name = esc(super::locale::words(lang).language_name)
        ));
    }
    out.push_str("</nav>\n");
}

fn foot(ctx: &LangContext, out: &mut String) {
    if let Some(copyright) = &ctx.input.publication.copyright {
        out.push_str(&format!(
            "<footer class=\"copyright\"><p>{}</p></footer>\n",
            esc(copyright)
        ));
    }
    out.push_str("</main>\n</body>\n</html>\n");
}

/// The trend as a word with a symbol (colour only adds to it), or nothing when unset.
pub(crate) fn trend_line(ctx: &LangContext, trend: Option<Trend>) -> String {
    match trend {
        Some(t) => format!(
            "<p class=\"trend trend-{}\"><span aria-hidden=\"true\">{}</span> {}</p>\n",
            t.as_str(),
            trend_symbol(t),
            esc(&ctx.trend_text(t))
        ),
        None => String::new(),
    }
}

pub(crate) fn byline(ctx: &LangContext, entry: &Entry) -> String {
    let authors = &entry.text.front.authors;
    if authors.is_empty() {
        return String::new();
    }
    format!(
        "<p class=\"byline\">{}: {}</p>\n",
        esc(ctx.by_label(authors.len())),
        esc(&authors.join(", "))
    )
}

fn lead(entry: &Entry) -> String {
    let lead = entry.text.front.lead.trim();
    if lead.is_empty() {
        return String::new();
    }
    format!("<p class=\"lead\"><strong>{}</strong></p>\n", esc(lead))
}

/// The issue's title (a link back on commentary pages), its dates and, on the issue page,
/// how many commentaries it has.
fn issue_header(ctx: &LangContext, link: bool, out: &mut String) {
    out.push_str("<header class=\"issue\">\n");
    if link {
        out.push_str(&format!(
            "<p><a href=\"index.html\">{}</a></p>\n",
            esc(ctx.issue_title)
        ));
    }
    out.push_str(&format!(
        "<p><time datetime=\"{}\">{}</time></p>\n",
        ctx.input.first_day,
        esc(&ctx.date_range)
    ));
    if !link {
        out.push_str(&format!(
            "<p class=\"count\">{}</p>\n",
            esc(&commentaries(ctx.lang, ctx.entries().count() as u64))
        ));
    }
    out.push_str("</header>\n");
}

pub(crate) fn commentary(ctx: &LangContext, entry: &Entry) -> Vec<u8> {
    let page = format!("{}.html", entry.commentary.slug);
    let title = &entry.text.front.title;
    let mut out = String::with_capacity(entry.body_html.len() + 4096);
    head(
        ctx,
        &format!("{title} — {}", ctx.issue_title),
        &page,
        &mut out,
    );
    issue_header(ctx, true, &mut out);
    out.push_str("<article>\n");
    out.push_str(&format!(
        "<p class=\"section\">{}</p>\n",
        esc(&ctx.section_of(entry))
    ));
    out.push_str(&format!("<h1>{}</h1>\n", esc(title)));
    out.push_str(&trend_line(ctx, entry.text.front.trend));
    out.push_str(&byline(ctx, entry));
    out.push_str(&lead(entry));
    out.push_str(&entry.body_html);
    out.push_str("\n</article>\n");
    language_nav(ctx, &page, &mut out);
    foot(ctx, &mut out);
    out.into_bytes()
}

pub(crate) fn index(ctx: &LangContext) -> Vec<u8> {
    let mut out = String::with_capacity(8192);
    head(ctx, ctx.issue_title, "index.html", &mut out);
    issue_header(ctx, false, &mut out);
    out.push_str(&format!("<h1>{}</h1>\n", esc(ctx.issue_title)));
    for (section, entries) in &ctx.sections {
        out.push_str(&format!(
            "<section>\n<h2>{}</h2>\n",
            esc(&ctx.section_title(section))
        ));
        for entry in entries {
            out.push_str("<article>\n");
            out.push_str(&format!(
                "<h3><a href=\"{}.html\">{}</a></h3>\n",
                esc(&entry.commentary.slug),
                esc(&entry.text.front.title)
            ));
            out.push_str(&trend_line(ctx, entry.text.front.trend));
            out.push_str(&byline(ctx, entry));
            out.push_str(&lead(entry));
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    language_nav(ctx, "index.html", &mut out);
    foot(ctx, &mut out);
    out.into_bytes()
}
