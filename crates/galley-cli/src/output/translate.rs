//! `galley translate …` output. JSON paragraph numbers are 1-based, like the text.

use super::{diff_json, version_json, Printer};
use galley_core::clock::format_time;
use galley_core::history::Version;
use galley_core::issue::{Blocker, Reason};
use galley_core::records::{MinorMark, StatusEvent};
use galley_core::translation::{
    GridCell, Outdated, ParagraphChange, ParagraphChangeKind, Role, SourceDiff, TranslationGrid,
};
use serde_json::{json, Value};

fn status_json(e: &StatusEvent) -> Value {
    json!({
        "id": e.id, "draft_id": e.draft_id, "lang": e.lang, "status": e.status.as_str(),
        "source_lang": e.source_lang, "base_sha256": e.base.map(|h| h.to_hex()),
        "author": e.author, "at": format_time(e.at), "note": e.note,
        "concurrent": e.concurrent.as_ref().map(super::concurrent_json),
    })
}

fn number(index: Option<usize>) -> Option<usize> {
    index.map(|i| i + 1)
}

fn paragraph_json(p: &ParagraphChange) -> Value {
    json!({
        "kind": p.kind.as_str(), "source_base": number(p.base), "source_now": number(p.now),
        "translation": number(p.translation), "after_translation": number(p.after_translation),
        "edited": p.edited,
    })
}

fn outdated_json(o: &Outdated) -> Value {
    let fields: Vec<&str> = o.fields.iter().map(|f| f.as_str()).collect();
    let paragraphs: Vec<Value> = o.paragraphs.iter().map(paragraph_json).collect();
    json!({
        "source_lang": o.source_lang, "base": o.base, "head": o.head,
        "head_sha256": o.head_hash.map(|h| h.to_hex()), "versions": o.versions,
        "fields": fields, "paragraphs": paragraphs,
        "words": o.words.map(|w| json!({ "changed": w.changed, "new": w.new })),
        "to_review": o.review.len(), "handled": o.handled,
    })
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Source => "source",
        Role::Translation => "translation",
        Role::Missing => "missing",
    }
}

fn cell_json(c: &GridCell) -> Value {
    json!({
        "lang": c.lang, "role": role_name(c.role), "path": c.path,
        "status": c.status.map(|s| s.as_str()), "translation_of": c.translation_of,
        "base": c.base, "base_sha256": c.base_hash.map(|h| h.to_hex()),
        "source_head": c.source_head, "outdated": c.is_outdated(),
        "changes": c.outdated.as_ref().map(outdated_json),
        "via": c.via.as_ref().map(|l| json!({ "translation": l.translation, "source": l.source })),
        "chain": c.chain,
        "set_by": c.recorded.as_ref().map(|e| e.author.as_str()),
        "set_at": c.recorded.as_ref().map(|e| format_time(e.at)),
        "note": c.recorded.as_ref().and_then(|e| e.note.as_deref()),
        "concurrent": c.recorded.as_ref().and_then(|e| e.concurrent.as_ref()).map(super::concurrent_json),
    })
}

/// "¶3 changed", "¶5 added after ¶4", "¶2 moved (now ¶4)" — in translation paragraphs where
/// there is one, else in the source's.
fn paragraph_line(p: &ParagraphChange) -> String {
    let at = |i: Option<usize>| i.map_or_else(|| "?".to_string(), |i| format!("¶{}", i + 1));
    match p.kind {
        ParagraphChangeKind::Added => match p.after_translation {
            Some(after) => format!("{} added after ¶{}", at(p.now), after + 1),
            None => format!("{} added at the start", at(p.now)),
        },
        ParagraphChangeKind::Moved => {
            let edited = if p.edited { ", edited" } else { "" };
            format!("{} moved (now {}{edited})", at(p.base), at(p.now))
        }
        kind => format!("{} {}", at(p.base), kind.as_str()),
    }
}

fn cell_line(c: &GridCell) -> String {
    let mut line = match (c.role, c.status) {
        (Role::Source, _) => "source".to_string(),
        (_, Some(status)) => status.as_str().to_string(),
        (_, None) => "-".to_string(),
    };
    if let Some(from) = &c.translation_of {
        line.push_str(&format!(" from {from}"));
    }
    if let Some(base) = c.base {
        line.push_str(&format!(" (base {base})"));
    }
    if let Some(e) = &c.recorded {
        line.push_str(&format!(", by {} at {}", e.author, format_time(e.at)));
        if let Some(other) = &e.concurrent {
            line.push_str(&format!(
                " (changed at the same time by {} to {}; this change was kept)",
                other.author, other.value
            ));
        }
    } else if c.role == Role::Translation {
        line.push_str(", no status recorded");
    }
    if let Some(o) = &c.outdated {
        let mut what: Vec<String> = o
            .fields
            .iter()
            .filter(|f| f.as_str() != "body")
            .map(|f| f.as_str().to_string())
            .collect();
        what.extend(o.paragraphs.iter().map(paragraph_line));
        if o.base.is_none() {
            what.push(
                "the source changed; the text it was translated from has not arrived here yet, \
                 so what changed cannot be shown"
                    .into(),
            );
        }
        let words = o.words.map_or_else(String::new, |w| {
            format!(" ({} source words changed, {} new)", w.changed, w.new)
        });
        let handled = if o.review.is_empty() {
            String::new()
        } else {
            format!(" [{} of {} handled]", o.handled, o.review.len())
        };
        line.push_str(&format!(" — OUTDATED{words}: {}{handled}", what.join("; ")));
    }
    if let Some(link) = &c.via {
        line.push_str(&format!(
            " — OUTDATED via {} ← {}",
            link.translation, link.source
        ));
    }
    line
}

impl Printer {
    pub fn grid(&self, grid: &TranslationGrid) {
        if self.json {
            let rows: Vec<Value> = grid
                .rows
                .iter()
                .map(|r| {
                    let cells: Vec<Value> = r.cells.iter().map(cell_json).collect();
                    json!({
                        "id": r.id, "title": r.title, "issue": r.issue.map(|w| w.to_string()),
                        "source_lang": r.source_lang, "cells": cells,
                    })
                })
                .collect();
            self.print_json(&json!({
                "languages": grid.languages, "rows": rows,
                "problems": super::problems_json(&grid.problems),
            }));
            return;
        }
        for row in &grid.rows {
            let issue = row.issue.map_or_else(|| "-".into(), |w| w.to_string());
            println!("{:<10}  {:<8}  {}", row.id, issue, row.title);
            for cell in &row.cells {
                println!("    {:<3} {}", cell.lang, cell_line(cell));
            }
        }
        for problem in &grid.problems {
            eprintln!("galley: {problem}");
        }
    }

    pub fn started(&self, path: &str, version: &Version, event: &StatusEvent) {
        if self.json {
            self.print_json(&json!({
                "path": path, "version": version_json(version), "status": status_json(event),
            }));
        } else {
            println!("{path}");
        }
    }

    /// A translation marked done that readiness will still refuse.
    pub fn text_gap(&self, id: &str, lang: &str, gap: &Reason) {
        let blocker = Blocker {
            id: id.to_string(),
            title: String::new(),
            lang: lang.to_string(),
            path: None,
            reason: gap.clone(),
        };
        self.warning(&format!(
            "{id} is marked done, but {}; it is not ready to publish until it is whole",
            blocker.problem()
        ));
    }

    pub fn status_event(&self, event: &StatusEvent) {
        if self.json {
            self.print_json(&json!({ "status": status_json(event) }));
            return;
        }
        let base = event.base.map_or_else(String::new, |b| {
            format!(" (base: {} text {})", event.source_lang, b.short())
        });
        println!(
            "{} {}: {}{base}, by {} at {}",
            event.draft_id,
            event.lang,
            event.status.as_str(),
            event.author,
            format_time(event.at)
        );
    }

    pub fn source_diff(&self, source: &SourceDiff, rendered: &str) {
        if self.json {
            let mut value = diff_json(&source.diff);
            let versions: Vec<Value> = source
                .versions
                .iter()
                .map(|(id, minor)| json!({ "id": id, "minor": minor }))
                .collect();
            if let Some(object) = value.as_object_mut() {
                for (key, field) in [
                    ("id", json!(source.id)),
                    ("lang", json!(source.lang)),
                    ("source_lang", json!(source.source_lang)),
                    ("source_path", json!(source.source_path)),
                    ("base", json!(source.base)),
                    ("head", json!(source.head)),
                    ("base_sha256", json!(source.base_hash.to_hex())),
                    ("head_sha256", json!(source.head_hash.map(|h| h.to_hex()))),
                    ("versions", json!(versions)),
                ] {
                    object.insert(key.to_string(), field);
                }
            }
            self.print_json(&value);
            return;
        }
        println!(
            "{} ({}) since version {} → version {} ({} version{} since the base)",
            source.source_path,
            source.source_lang,
            source.base,
            source.head,
            source.versions.len(),
            if source.versions.len() == 1 { "" } else { "s" }
        );
        if source.diff.is_empty() {
            println!("No differences.");
        } else {
            print!("{rendered}");
            println!("{}", source.diff.stats.summary());
        }
    }

    pub fn minor(&self, version: i64, mark: &MinorMark) {
        if self.json {
            self.print_json(&json!({ "minor": {
                "id": mark.id, "version": version, "sha256": mark.sha256.to_hex(),
                "minor": mark.minor, "author": mark.author, "at": format_time(mark.at),
            }}));
        } else if mark.minor {
            println!("Version {version} is marked minor.");
        } else {
            println!("Version {version} is no longer marked minor.");
        }
    }
}
