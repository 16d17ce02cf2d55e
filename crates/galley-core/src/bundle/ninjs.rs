//! IPTC ninjs 2.1 ("News in JSON") items: one per commentary and language, and one for the
//! issue whose `associations` name its commentaries. The exact history version id travels
//! in `version` and in `altids`.

use super::feeds::pretty;
use super::{commentary_uri, issue_uri, Entry, LangContext};
use crate::clock::format_time;
use crate::hash::ContentHash;
use serde_json::{json, Value};

const SCHEMA: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#";

fn standard() -> Value {
    json!({ "name": "ninjs", "version": "2.1", "schema": SCHEMA })
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn item(ctx: &LangContext, entry: &Entry) -> Value {
    let front = &entry.text.front;
    let time = format_time(ctx.input.published_at);
    let mut item = json!({
        "uri": commentary_uri(entry.commentary, ctx.lang),
        "standard": standard(),
        "type": "text",
        "representationtype": "full",
        "profile": "galley-commentary",
        "version": entry.text.version_id.to_string(),
        "versioncreated": time,
        "firstcreated": time,
        "pubstatus": "usable",
        "language": ctx.lang,
        "slugline": entry.commentary.slug,
        "copyrightholder": ctx.input.publisher,
        "headlines": [{ "role": "main", "contenttype": "text/plain", "value": front.title }],
        "bodies": [{
            "role": "main",
            "contenttype": "text/html",
            "value": entry.body_html,
            "charcount": entry.text.body.chars().count(),
            "wordcount": word_count(&entry.text.body),
        }],
        "subjects": front.tags.iter().map(|t| json!({ "name": t, "literal": t })).collect::<Vec<_>>(),
        "altids": [
            { "role": "galley-id", "value": entry.commentary.id },
            { "role": "galley-version-id", "value": entry.text.version_id.to_string() },
            { "role": "galley-sha256", "value": ContentHash::of(entry.text.text.as_bytes()).to_hex() },
            { "role": "galley-issue", "value": ctx.input.week.to_string() },
            { "role": "galley-section", "value": entry.commentary.section },
        ],
    });
    if let Some(map) = item.as_object_mut() {
        if !front.authors.is_empty() {
            map.insert("by".into(), json!(front.authors.join(", ")));
            let people: Vec<Value> = front
                .authors
                .iter()
                .map(|a| json!({ "name": a, "rel": "author" }))
                .collect();
            map.insert("people".into(), json!(people));
        }
        if !front.lead.trim().is_empty() {
            map.insert(
                "descriptions".into(),
                json!([{ "role": "summary", "contenttype": "text/plain", "value": front.lead.trim() }]),
            );
        }
        if let Some(trend) = front.trend {
            map.insert("ednote".into(), json!(format!("trend: {}", trend.as_str())));
        }
    }
    item
}

pub(crate) fn commentary(ctx: &LangContext, entry: &Entry) -> Vec<u8> {
    pretty(&item(ctx, entry))
}

pub(crate) fn issue(ctx: &LangContext) -> Vec<u8> {
    let time = format_time(ctx.input.published_at);
    let associations: Vec<Value> = ctx
        .entries()
        .enumerate()
        .map(|(i, entry)| {
            json!({
                "name": format!("commentary-{}", i + 1),
                "uri": commentary_uri(entry.commentary, ctx.lang),
                "type": "text",
                "version": entry.text.version_id.to_string(),
                "language": ctx.lang,
                "headlines": [{ "role": "main", "value": entry.text.front.title }],
                "slugline": entry.commentary.slug,
            })
        })
        .collect();
    let value = json!({
        "uri": issue_uri(ctx.input.week, ctx.lang),
        "standard": standard(),
        "type": "composite",
        "representationtype": "full",
        "profile": "galley-issue",
        "versioncreated": time,
        "firstcreated": time,
        "pubstatus": "usable",
        "language": ctx.lang,
        "slugline": ctx.input.week.to_string(),
        "copyrightholder": ctx.input.publisher,
        "headlines": [{ "role": "main", "value": ctx.issue_title }],
        "descriptions": [{ "role": "dates", "contenttype": "text/plain", "value": ctx.date_range }],
        "associations": associations,
    });
    pretty(&value)
}
