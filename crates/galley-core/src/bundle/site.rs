//! The Markdown sources as Hugo page bundles with translation by file name:
//! `hugo/content/<section>/<slug>/index.<lang>.md`, with `_index.<lang>.md` for the issue
//! (the site's home) and each section. Front matter is TOML (`+++`); `translationKey` ties
//! the language versions together. Bodies follow the same policy as the HTML (see
//! `markdown`): no raw HTML, no unsafe links, no remote images.

use super::markdown::markdown_for_site;
use super::{Entry, LangContext};
use crate::clock::format_time;
use toml::{Table, Value};

pub(crate) fn page_path(lang: &str, entry: &Entry) -> String {
    format!(
        "hugo/content/{}/{}/index.{lang}.md",
        entry.commentary.section, entry.commentary.slug
    )
}

fn with_front_matter(table: &Table, body: &str) -> Vec<u8> {
    let front = toml::to_string(table).unwrap_or_default();
    let mut out = String::with_capacity(front.len() + body.len() + 16);
    out.push_str("+++\n");
    out.push_str(&front);
    out.push_str("+++\n");
    if !body.starts_with('\n') {
        out.push('\n');
    }
    out.push_str(body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.into_bytes()
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::String).collect())
}

pub(crate) fn page(ctx: &LangContext, entry: &Entry) -> Vec<u8> {
    let front = &entry.text.front;
    let weight = ctx
        .entries()
        .position(|e| e.commentary.id == entry.commentary.id)
        .map_or(1, |p| p + 1);
    let mut t = Table::new();
    t.insert("title".into(), Value::String(front.title.clone()));
    t.insert(
        "date".into(),
        Value::String(format_time(ctx.input.published_at)),
    );
    t.insert(
        "translationKey".into(),
        Value::String(entry.commentary.id.clone()),
    );
    t.insert("weight".into(), Value::Integer(weight as i64));
    t.insert("slug".into(), Value::String(entry.commentary.slug.clone()));
    t.insert(
        "description".into(),
        Value::String(front.lead.trim().into()),
    );
    t.insert("authors".into(), strings(&front.authors));
    t.insert("tags".into(), strings(&front.tags));
    if let Some(trend) = front.trend {
        t.insert("trend".into(), Value::String(trend.as_str().into()));
    }
    t.insert("issue".into(), Value::String(ctx.input.week.to_string()));
    t.insert(
        "galley_version_id".into(),
        Value::Integer(entry.text.version_id),
    );
    with_front_matter(&t, &markdown_for_site(&entry.text.body))
}

/// The issue's `_index` and one per section with commentaries, for this language.
pub(crate) fn lists(ctx: &LangContext) -> Vec<(String, Vec<u8>)> {
    let lang = ctx.lang;
    let date = Value::String(format_time(ctx.input.published_at));
    let mut home = Table::new();
    home.insert("title".into(), Value::String(ctx.issue_title.to_string()));
    home.insert("date".into(), date.clone());
    home.insert(
        "translationKey".into(),
        Value::String(format!("issue-{}", ctx.input.week)),
    );
    home.insert("description".into(), Value::String(ctx.date_range.clone()));
    let mut files = vec![(
        format!("hugo/content/_index.{lang}.md"),
        with_front_matter(&home, ""),
    )];
    for (i, (section, _)) in ctx.sections.iter().enumerate() {
        let mut t = Table::new();
        t.insert("title".into(), Value::String(ctx.section_title(section)));
        t.insert("date".into(), date.clone());
        t.insert(
            "translationKey".into(),
            Value::String(format!("section-{}", section.key)),
        );
        t.insert("weight".into(), Value::Integer(i as i64 + 1));
        files.push((
            format!("hugo/content/{}/_index.{lang}.md", section.key),
            with_front_matter(&t, ""),
        ));
    }
    files
}
