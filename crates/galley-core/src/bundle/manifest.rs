//! `manifest.json`: every other file of the bundle with its size and SHA-256, and the exact
//! version id of every text that went in, with the text its editor approved, and the formats
//! left out for unset settings.

use super::feeds::pretty;
use super::write::MANIFEST_FORMAT;
use super::{BundleInput, LeftOut};
use crate::clock::format_time;
use crate::hash::ContentHash;
use serde_json::{json, Value};

pub(crate) fn render(
    input: &BundleInput,
    files: &[(String, Vec<u8>)],
    left_out: &[LeftOut],
) -> Vec<u8> {
    let mut texts = Vec::new();
    for commentary in &input.commentaries {
        for lang in &input.languages {
            if let Some(text) = commentary.versions.get(lang) {
                texts.push(json!({
                    "commentary": commentary.id,
                    "slug": commentary.slug,
                    "section": commentary.section,
                    "lang": lang,
                    "version_id": text.version_id,
                    "sha256": ContentHash::of(text.text.as_bytes()).to_hex(),
                    "approved_sha256": text.approved.map(|h| h.to_hex()),
                }));
            }
        }
    }
    let listed: Vec<Value> = files
        .iter()
        .map(|(path, bytes)| {
            json!({
                "path": path,
                "size": bytes.len(),
                "sha256": ContentHash::of(bytes).to_hex(),
            })
        })
        .collect();
    pretty(&json!({
        "format": MANIFEST_FORMAT,
        "format_version": 1,
        "issue": input.week.to_string(),
        "first_day": input.first_day.to_string(),
        "last_day": input.last_day.to_string(),
        "published_at": format_time(input.published_at),
        "languages": input.languages,
        "texts": texts,
        "files": listed,
        "left_out": left_out.iter().map(LeftOut::message).collect::<Vec<_>>(),
    }))
}
