//! `galley review …` output.

use super::Printer;
use galley_core::clock::format_time;
use galley_core::records::{EditorialEvent, EditorialNote};
use galley_core::workspace::ApprovalChange;
use serde_json::{json, Value};

fn event_json(e: &EditorialEvent) -> Value {
    json!({
        "id": e.id, "draft_id": e.draft_id, "status": e.status.as_str(), "author": e.author,
        "at": format_time(e.at), "note": e.note,
        "versions": e.versions.iter().map(|(l, h)| (l.clone(), h.to_hex()))
            .collect::<std::collections::BTreeMap<_, _>>(),
        "concurrent": e.concurrent.as_ref().map(super::concurrent_json),
    })
}

fn note_json(n: &EditorialNote) -> Value {
    json!({
        "id": n.id, "draft_id": n.draft_id, "author": n.author, "at": format_time(n.at),
        "text": n.text,
    })
}

fn event_line(e: &EditorialEvent) -> String {
    let note = e
        .note
        .as_deref()
        .map_or(String::new(), |n| format!("  “{n}”"));
    let concurrent = e.concurrent.as_ref().map_or(String::new(), |c| {
        format!(
            "  (changed at the same time by {} to {}; this change was kept)",
            c.author, c.value
        )
    });
    format!(
        "{}  {:<16}  {}{note}{concurrent}",
        format_time(e.at),
        e.author,
        e.status.as_str()
    )
}

impl Printer {
    /// `galley review diff`: each language changed since approval, with its diff.
    pub fn approval_changes(&self, id: &str, changes: &[(ApprovalChange, String)]) {
        if self.json {
            let changes: Vec<Value> = changes
                .iter()
                .map(|(c, _)| {
                    json!({
                        "lang": c.lang, "path": c.path,
                        "approved_sha256": c.approved.map(|h| h.to_hex()),
                        "sha256": c.now.to_hex(), "approved_text_known": c.approved_text_known,
                        "diff": super::diff_json(&c.diff),
                    })
                })
                .collect();
            self.print_json(&json!({ "id": id, "changes": changes }));
            return;
        }
        if changes.is_empty() {
            println!("No text of {id} changed since it was approved.");
        }
        for (change, rendered) in changes {
            let from = change.approved.map_or("no approved text".to_string(), |h| {
                format!("approved text {}", h.short())
            });
            println!(
                "{} ({}): {from} → {}",
                change.path,
                change.lang,
                change.now.short()
            );
            if !change.approved_text_known {
                println!("  (the approved text has not arrived on this machine yet; sync first)");
                continue;
            }
            print!("{rendered}");
            println!("{}", change.diff.stats.summary());
        }
    }

    pub fn editorial_event(&self, event: &EditorialEvent) {
        if self.json {
            self.print_json(&json!({ "event": event_json(event) }));
        } else {
            println!("{}", event_line(event));
        }
    }

    pub fn editorial_log(&self, events: &[EditorialEvent]) {
        if self.json {
            let list: Vec<Value> = events.iter().map(event_json).collect();
            self.print_json(&json!({ "events": list }));
        } else if events.is_empty() {
            println!("No editorial changes yet: it is a draft.");
        } else {
            for e in events {
                println!("{}", event_line(e));
            }
        }
    }

    pub fn editorial_note(&self, note: &EditorialNote) {
        if self.json {
            self.print_json(&json!({ "note": note_json(note) }));
        } else {
            println!("{}  {}  {}", format_time(note.at), note.author, note.text);
        }
    }

    pub fn editorial_notes(&self, notes: &[EditorialNote]) {
        if self.json {
            let list: Vec<Value> = notes.iter().map(note_json).collect();
            self.print_json(&json!({ "notes": list }));
        } else if notes.is_empty() {
            println!("No notes.");
        } else {
            for n in notes {
                println!("{}  {}\n  {}", format_time(n.at), n.author, n.text);
            }
        }
    }
}
