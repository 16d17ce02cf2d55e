//! `galley review …` output.

use super::{concurrent_json, diff_json, ConcurrentJson, DiffJson, Printer};
use galley_core::clock::format_time;
use galley_core::records::{EditorialEvent, EditorialNote};
use galley_core::workspace::ApprovalChange;
use serde::Serialize;
use std::collections::BTreeMap;

/// An editorial event: `review set`, `review log`.
#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    draft_id: &'a str,
    /// draft, in-review or approved.
    status: &'static str,
    author: &'a str,
    at: String,
    note: Option<&'a str>,
    /// An approval's texts: language → SHA-256.
    versions: BTreeMap<&'a str, String>,
    concurrent: Option<ConcurrentJson<'a>>,
}

fn event_json(e: &EditorialEvent) -> EventJson<'_> {
    EventJson {
        id: &e.id,
        draft_id: &e.draft_id,
        status: e.status.as_str(),
        author: &e.author,
        at: format_time(e.at),
        note: e.note.as_deref(),
        versions: e
            .versions
            .iter()
            .map(|(lang, hash)| (lang.as_str(), hash.to_hex()))
            .collect(),
        concurrent: e.concurrent.as_ref().map(concurrent_json),
    }
}

/// A note: `review note`, `review notes`.
#[derive(Serialize)]
struct NoteJson<'a> {
    id: &'a str,
    draft_id: &'a str,
    author: &'a str,
    at: String,
    text: &'a str,
}

fn note_json(n: &EditorialNote) -> NoteJson<'_> {
    NoteJson {
        id: &n.id,
        draft_id: &n.draft_id,
        author: &n.author,
        at: format_time(n.at),
        text: &n.text,
    }
}

/// `review diff`.
#[derive(Serialize)]
struct ApprovalChangesJson<'a> {
    id: &'a str,
    changes: Vec<ApprovalChangeJson<'a>>,
}

#[derive(Serialize)]
struct ApprovalChangeJson<'a> {
    lang: &'a str,
    path: &'a str,
    approved_sha256: Option<String>,
    sha256: String,
    approved_text_known: bool,
    diff: DiffJson<'a>,
}

#[derive(Serialize)]
struct EventDoc<'a> {
    event: EventJson<'a>,
}

#[derive(Serialize)]
struct EventsJson<'a> {
    events: Vec<EventJson<'a>>,
}

#[derive(Serialize)]
struct NoteDoc<'a> {
    note: NoteJson<'a>,
}

#[derive(Serialize)]
struct NotesJson<'a> {
    notes: Vec<NoteJson<'a>>,
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
            self.print_json(&ApprovalChangesJson {
                id,
                changes: changes
                    .iter()
                    .map(|(c, _)| ApprovalChangeJson {
                        lang: &c.lang,
                        path: &c.path,
                        approved_sha256: c.approved.map(|h| h.to_hex()),
                        sha256: c.now.to_hex(),
                        approved_text_known: c.approved_text_known,
                        diff: diff_json(&c.diff),
                    })
                    .collect(),
            });
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
            self.print_json(&EventDoc {
                event: event_json(event),
            });
        } else {
            println!("{}", event_line(event));
        }
    }

    pub fn editorial_log(&self, events: &[EditorialEvent]) {
        if self.json {
            self.print_json(&EventsJson {
                events: events.iter().map(event_json).collect(),
            });
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
            self.print_json(&NoteDoc {
                note: note_json(note),
            });
        } else {
            println!("{}  {}  {}", format_time(note.at), note.author, note.text);
        }
    }

    pub fn editorial_notes(&self, notes: &[EditorialNote]) {
        if self.json {
            self.print_json(&NotesJson {
                notes: notes.iter().map(note_json).collect(),
            });
        } else if notes.is_empty() {
            println!("No notes.");
        } else {
            for n in notes {
                println!("{}  {}\n  {}", format_time(n.at), n.author, n.text);
            }
        }
    }
}
