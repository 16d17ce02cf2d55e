//! IPTC ninjs ("News in JSON") items, in version 2.1 and in 3.1 (the current one): one per
//! commentary and language, and one for the issue whose `associations` name its commentaries.
//! The exact history version id travels in `version` and in `altids`. An item's `uri` is its
//! page's absolute URL under the publication's base URL, so a partner can resolve it.
//!
//! Both versions carry the same item: it is built once in 2.1's spelling and 3.x's is the same
//! tree with its camel-case property names (3.0 renamed them and changed nothing else we use).

use super::feeds::pretty;
use super::{commentary_uri, Entry, LangContext};
use crate::clock::format_time;
use crate::hash::ContentHash;
use serde_json::{json, Map, Value};

/// The ninjs versions a bundle holds, side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V2_1,
    V3_1,
}

impl Version {
    pub const ALL: [Version; 2] = [Version::V2_1, Version::V3_1];

    /// The folder of the commentary items (`ninjs/`, `ninjs3/`) and the issue item's middle
    /// name (`issue.ninjs.json`, `issue.ninjs3.json`).
    pub fn folder(self) -> &'static str {
        match self {
            Version::V2_1 => "ninjs",
            Version::V3_1 => "ninjs3",
        }
    }

    fn standard(self) -> Value {
        let (version, schema) = match self {
            Version::V2_1 => (
                "2.1",
                "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#",
            ),
            Version::V3_1 => (
                "3.1",
                "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
            ),
        };
        json!({ "name": "ninjs", "version": version, "schema": schema })
    }

    /// `value` (built in 2.1's spelling) in this version's spelling.
    fn spell(self, value: Value) -> Value {
        match self {
            Version::V2_1 => value,
            Version::V3_1 => camel_case(value),
        }
    }
}

/// 2.1's all-lower-case property names as 3.x writes them.
const RENAMED: [(&str, &str); 11] = [
    ("altids", "altIds"),
    ("charcount", "charCount"),
    ("contenttype", "contentType"),
    ("copyrightholder", "copyrightHolder"),
    ("copyrightnotice", "copyrightNotice"),
    ("ednote", "edNote"),
    ("firstcreated", "firstCreated"),
    ("pubstatus", "pubStatus"),
    ("representationtype", "representationType"),
    ("versioncreated", "versionCreated"),
    ("wordcount", "wordCount"),
];

fn camel_case(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let key = RENAMED
                        .iter()
                        .find(|(old, _)| *old == key)
                        .map_or(key, |(_, new)| (*new).to_string());
                    (key, camel_case(value))
                })
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(camel_case).collect()),
        other => other,
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn page_uri(ctx: &LangContext, entry: &Entry) -> String {
    ctx.url(&format!("{}.html", entry.commentary.slug))
}

/// The publisher's rights, shared by every item.
fn rights(ctx: &LangContext, map: &mut Map<String, Value>) {
    map.insert("copyrightholder".into(), json!(ctx.publisher()));
    if let Some(copyright) = &ctx.input.publication.copyright {
        map.insert("copyrightnotice".into(), json!(copyright));
    }
}

fn item(ctx: &LangContext, entry: &Entry) -> Value {
    let front = &entry.text.front;
    let time = format_time(ctx.input.published_at);
    let mut item = json!({
        "uri": page_uri(ctx, entry),
        "type": "text",
        "representationtype": "full",
        "profile": "galley-commentary",
        "version": entry.text.version_id.to_string(),
        "versioncreated": time,
        "firstcreated": time,
        "pubstatus": "usable",
        "language": ctx.lang,
        "slugline": entry.commentary.slug,
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
            { "role": "galley-urn", "value": commentary_uri(entry.commentary, ctx.lang) },
            { "role": "galley-version-id", "value": entry.text.version_id.to_string() },
            { "role": "galley-sha256", "value": ContentHash::of(entry.text.text.as_bytes()).to_hex() },
            { "role": "galley-issue", "value": ctx.input.week.to_string() },
            { "role": "galley-section", "value": entry.commentary.section },
        ],
    });
    if let Some(map) = item.as_object_mut() {
        rights(ctx, map);
        if !front.authors.is_empty() {
            map.insert("by".into(), json!(front.authors.join(", ")));
            let people: Vec<Value> = front
                .authors
                .iter()
                .map(|a| json!({ "name": a, "rel": "author" }))
                .collect();
            map.insert("people".into(), json!(people));
        }
        let mut descriptions = Vec::new();
        if !front.lead.trim().is_empty() {
            descriptions.push(
                json!({ "role": "summary", "contenttype": "text/plain", "value": front.lead.trim() }),
            );
        }
        if let Some(trend) = front.trend {
            descriptions.push(
                json!({ "role": "trend", "contenttype": "text/plain", "value": ctx.trend_text(trend) }),
            );
            map.insert("ednote".into(), json!(format!("trend: {}", trend.as_str())));
        }
        if !descriptions.is_empty() {
            map.insert("descriptions".into(), json!(descriptions));
        }
    }
    item
}

fn with_standard(mut value: Value, version: Version) -> Value {
    if let Some(map) = value.as_object_mut() {
        map.insert("standard".into(), version.standard());
    }
    version.spell(value)
}

pub(crate) fn commentary(ctx: &LangContext, entry: &Entry, version: Version) -> Vec<u8> {
    pretty(&with_standard(item(ctx, entry), version))
}

pub(crate) fn issue(ctx: &LangContext, version: Version) -> Vec<u8> {
    let time = format_time(ctx.input.published_at);
    let associations: Vec<Value> = ctx
        .entries()
        .enumerate()
        .map(|(i, entry)| {
            json!({
                "name": format!("commentary-{}", i + 1),
                "uri": page_uri(ctx, entry),
                "type": "text",
                "version": entry.text.version_id.to_string(),
                "language": ctx.lang,
                "headlines": [{ "role": "main", "value": entry.text.front.title }],
                "slugline": entry.commentary.slug,
            })
        })
        .collect();
    let mut value = json!({
        "uri": ctx.url("index.html"),
        "type": "composite",
        "representationtype": "full",
        "profile": "galley-issue",
        "versioncreated": time,
        "firstcreated": time,
        "pubstatus": "usable",
        "language": ctx.lang,
        "slugline": ctx.input.week.to_string(),
        "headlines": [{ "role": "main", "value": ctx.issue_title }],
        "descriptions": [{ "role": "dates", "contenttype": "text/plain", "value": ctx.date_range }],
        "associations": associations,
    });
    if let Some(map) = value.as_object_mut() {
        rights(ctx, map);
    }
    pretty(&with_standard(value, version))
}
