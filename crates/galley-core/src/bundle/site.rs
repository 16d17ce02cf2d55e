//! The Markdown sources as Hugo page bundles with translation by file name, each week under
//! its own folder so that copying every week's `hugo/` into one site builds the archive:
//! `hugo/content/<year>/w<week>/<section>/<slug>/index.<lang>.md`, with `_index.<lang>.md` for
//! the issue (`<year>/w<week>/`) and each of its sections. Nothing is written above the week's
//! folder (the site's home and the year's list are the site's own), so no two weeks write the
//! same file. Front matter is TOML (`+++`); `translationKey` ties the language versions
//! together. Bodies follow the same policy as the HTML (see `markdown`): no raw HTML, no unsafe
//! links, no remote images.

use super::markdown::markdown_for_site;
use super::{Entry, LangContext};
use crate::clock::format_time;
use crate::draft::IsoWeek;
use toml::{Table, Value};

/// The week's folder in the site's content: `hugo/content/2020/w21` (the ISO week's year).
fn week_folder(week: IsoWeek) -> String {
    format!("hugo/content/{}/w{:02}", week.year(), week.week())
}

pub(crate) fn page_path(ctx: &LangContext, entry: &Entry) -> String {
    format!(
        "{}/{}/{}/index.{}.md",
        week_folder(ctx.input.week),
        entry.commentary.section,
        entry.commentary.slug,
        ctx.lang
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

/// The issue's `_index` and one per section with commentaries, for this language; each names
/// its `issue` so a site's templates can group the archive by week.
pub(crate) fn lists(ctx: &LangContext) -> Vec<(String, Vec<u8>)> {
    let lang = ctx.lang;
    let date = Value::String(format_time(ctx.input.published_at));
    let mut issue = Table::new();
    issue.insert("title".into(), Value::String(ctx.issue_title.to_string()));
    issue.insert("date".into(), date.clone());
    issue.insert(
        "translationKey".into(),
        Value::String(format!("issue-{}", ctx.input.week)),
    );
    issue.insert("description".into(), Value::String(ctx.date_range.clone()));
    issue.insert("issue".into(), Value::String(ctx.input.week.to_string()));
    let folder = week_folder(ctx.input.week);
    let mut files = vec![(
        format!("{folder}/_index.{lang}.md"),
        with_front_matter(&issue, ""),
    )];
    for (i, (section, _)) in ctx.sections.iter().enumerate() {
        let mut t = Table::new();
        t.insert("title".into(), Value::String(ctx.section_title(section)));
        t.insert("date".into(), date.clone());
        t.insert(
            "translationKey".into(),
            Value::String(format!("section-{}-{}", ctx.input.week, section.key)),
        );
        t.insert("weight".into(), Value::Integer(i as i64 + 1));
        t.insert("issue".into(), Value::String(ctx.input.week.to_string()));
        files.push((
            format!("{folder}/{}/_index.{lang}.md", section.key),
            with_front_matter(&t, ""),
        ));
    }
    files
}
