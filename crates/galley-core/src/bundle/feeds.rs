//! `feed.atom` (RFC 4287) and `feed.json` (JSON Feed 1.1) for one language of an issue.
//! Links are absolute (a feed is read away from the site), under the publication's base URL;
//! ids are stable `urn:galley:` URIs, so moving the site does not make every entry new.
//! Made only when the publisher and the base URL are set (see `publication::Format::Feeds`).

use super::{commentary_uri, esc, issue_uri, Entry, LangContext};
use crate::clock::format_time;
use serde_json::{json, Value};

/// An entry's authors; the publisher stands in for a commentary without a byline, because
/// Atom requires an author for every entry.
fn authors(ctx: &LangContext, entry: &Entry) -> Vec<String> {
    if entry.text.front.authors.is_empty() {
        vec![ctx.publisher().to_string()]
    } else {
        entry.text.front.authors.clone()
    }
}

fn page(entry: &Entry) -> String {
    format!("{}.html", entry.commentary.slug)
}

pub(crate) fn atom(ctx: &LangContext) -> Vec<u8> {
    let updated = format_time(ctx.input.published_at);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        esc(ctx.lang)
    ));
    out.push_str(&format!(
        "<id>{}</id>\n<title>{}</title>\n<subtitle>{} · {}</subtitle>\n<updated>{updated}</updated>\n",
        esc(&issue_uri(ctx.input.week, ctx.lang)),
        esc(ctx.newsletter_title()),
        esc(ctx.issue_title),
        esc(&ctx.date_range)
    ));
    out.push_str(&format!(
        "<author><name>{}</name></author>\n",
        esc(ctx.publisher())
    ));
    if let Some(copyright) = &ctx.input.publication.copyright {
        out.push_str(&format!("<rights>{}</rights>\n", esc(copyright)));
    }
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&ctx.url("index.html"))
    ));
    out.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&ctx.url("feed.atom"))
    ));
    for entry in ctx.entries() {
        let front = &entry.text.front;
        out.push_str("<entry>\n");
        out.push_str(&format!(
            "<id>{}</id>\n<title>{}</title>\n<updated>{updated}</updated>\n",
            esc(&commentary_uri(entry.commentary, ctx.lang)),
            esc(&front.title)
        ));
        for name in authors(ctx, entry) {
            out.push_str(&format!("<author><name>{}</name></author>\n", esc(&name)));
        }
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&ctx.url(&page(entry)))
        ));
        out.push_str(&format!(
            "<category term=\"{}\" label=\"{}\"/>\n",
            esc(&entry.commentary.section),
            esc(&ctx.section_of(entry))
        ));
        for tag in &front.tags {
            out.push_str(&format!("<category term=\"{}\"/>\n", esc(tag)));
        }
        if !front.lead.trim().is_empty() {
            out.push_str(&format!("<summary>{}</summary>\n", esc(front.lead.trim())));
        }
        out.push_str(&format!(
            "<content type=\"html\">{}</content>\n",
            esc(&entry.body_html)
        ));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

pub(crate) fn json(ctx: &LangContext) -> Vec<u8> {
    let published = format_time(ctx.input.published_at);
    let items: Vec<Value> = ctx
        .entries()
        .map(|entry| {
            let front = &entry.text.front;
            let authors: Vec<Value> = authors(ctx, entry)
                .into_iter()
                .map(|name| json!({ "name": name }))
                .collect();
            json!({
                "id": commentary_uri(entry.commentary, ctx.lang),
                "url": ctx.url(&page(entry)),
                "title": front.title,
                "summary": front.lead.trim(),
                "content_html": entry.body_html,
                "date_published": published,
                "date_modified": published,
                "authors": authors,
                "tags": front.tags,
                "language": ctx.lang,
            })
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": ctx.newsletter_title(),
        "description": format!("{} · {}", ctx.issue_title, ctx.date_range),
        "home_page_url": ctx.url("index.html"),
        "feed_url": ctx.url("feed.json"),
        "language": ctx.lang,
        "authors": [{ "name": ctx.publisher() }],
        "items": items,
    });
    pretty(&feed)
}

/// Pretty JSON with a final newline; serde_json's maps are sorted, so output is stable.
pub(crate) fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
