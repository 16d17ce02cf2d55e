//! `galley sync`, `conflicts` and `resolve` output.

use super::Printer;
use galley_core::workspace::{ConflictParts, SyncConflict, SyncReport};
use serde::Serialize;

/// `sync`.
#[derive(Serialize)]
struct SyncJson<'a> {
    committed: usize,
    received: usize,
    offline: bool,
    conflicts: Vec<ConflictJson<'a>>,
    state: StateJson,
}

#[derive(Serialize)]
struct StateJson {
    to_send: usize,
    to_receive: usize,
    conflicts: usize,
    last_synced: Option<String>,
}

/// A file both sides changed in the same place: `sync`, `conflicts`.
#[derive(Serialize)]
struct ConflictJson<'a> {
    path: &'a str,
    ours_sha256: String,
    theirs_sha256: String,
}

fn conflict_json(c: &SyncConflict) -> ConflictJson<'_> {
    ConflictJson {
        path: &c.path,
        ours_sha256: c.ours.to_hex(),
        theirs_sha256: c.theirs.to_hex(),
    }
}

/// `conflicts`.
#[derive(Serialize)]
struct ConflictsJson<'a> {
    conflicts: Vec<ConflictJson<'a>>,
}

/// `conflicts PATH`: `parts` is null when the sides can only be compared whole.
#[derive(Serialize)]
struct ConflictPartsJson<'a> {
    path: &'a str,
    parts: Option<PartsJson<'a>>,
}

#[derive(Serialize)]
struct PartsJson<'a> {
    paragraphs: Vec<ParagraphSidesJson<'a>>,
    fields: Vec<FieldSidesJson<'a>>,
}

/// `n` is 1-based, as `resolve --theirs-in` takes it.
#[derive(Serialize)]
struct ParagraphSidesJson<'a> {
    n: usize,
    ours: &'a str,
    theirs: &'a str,
}

#[derive(Serialize)]
struct FieldSidesJson<'a> {
    key: &'a str,
    ours: &'a str,
    theirs: &'a str,
}

/// `resolve`.
#[derive(Serialize)]
struct ResolvedJson<'a> {
    resolved: &'a str,
}

/// In sync, n to send, n to receive, offline, needs attention: the state at a glance.
fn state_line(report: &SyncReport) -> String {
    let s = &report.state;
    if s.conflicts > 0 {
        return format!(
            "Needs attention: {} conflict{} (`galley conflicts`).",
            s.conflicts,
            if s.conflicts == 1 { "" } else { "s" }
        );
    }
    if report.offline {
        return format!(
            "Offline: {} change{} waiting to be sent at the next sync.",
            s.to_send,
            if s.to_send == 1 { "" } else { "s" }
        );
    }
    match (s.to_send, s.to_receive) {
        (0, 0) => "In sync.".into(),
        (send, 0) => format!("{send} to send."),
        (0, receive) => format!("{receive} to receive."),
        (send, receive) => format!("{send} to send, {receive} to receive."),
    }
}

impl Printer {
    pub fn sync(&self, report: &SyncReport) {
        if self.json {
            let state = &report.state;
            self.print_json(&SyncJson {
                committed: report.committed,
                received: report.received,
                offline: report.offline,
                conflicts: report.conflicts.iter().map(conflict_json).collect(),
                state: StateJson {
                    to_send: state.to_send,
                    to_receive: state.to_receive,
                    conflicts: state.conflicts,
                    last_synced: state.last_synced.map(galley_core::clock::format_time),
                },
            });
            return;
        }
        println!(
            "Sent {} commit{}, received {} version{}.",
            report.committed,
            if report.committed == 1 { "" } else { "s" },
            report.received,
            if report.received == 1 { "" } else { "s" }
        );
        for c in &report.conflicts {
            println!(
                "Conflict in {}: both sides changed the same place. Your side is on disk; theirs \
                 is in History (`galley resolve {} --ours|--theirs|--from FILE`).",
                c.path, c.path
            );
        }
        println!("{}", state_line(report));
    }

    pub fn conflicts(&self, conflicts: &[SyncConflict]) {
        if self.json {
            self.print_json(&ConflictsJson {
                conflicts: conflicts.iter().map(conflict_json).collect(),
            });
        } else if conflicts.is_empty() {
            println!("No conflicts.");
        } else {
            for c in conflicts {
                println!(
                    "{}  ours {}  theirs {}",
                    c.path,
                    c.ours.short(),
                    c.theirs.short()
                );
            }
        }
    }

    /// The pieces of one conflict, numbered as `resolve --theirs-in` takes them.
    pub fn conflict_parts(&self, path: &str, parts: Option<&ConflictParts>) {
        if self.json {
            let parts = parts.map(|p| PartsJson {
                paragraphs: p
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, s)| ParagraphSidesJson {
                        n: i + 1,
                        ours: &s.ours,
                        theirs: &s.theirs,
                    })
                    .collect(),
                fields: p
                    .fields
                    .iter()
                    .map(|(key, s)| FieldSidesJson {
                        key,
                        ours: &s.ours,
                        theirs: &s.theirs,
                    })
                    .collect(),
            });
            self.print_json(&ConflictPartsJson { path, parts });
            return;
        }
        let Some(parts) = parts else {
            println!(
                "{path}: the two sides can only be compared whole (`galley diff`); keep one \
                 with --ours or --theirs, or use --from FILE."
            );
            return;
        };
        let quote = |text: &str| {
            if text.is_empty() {
                "    (none)".to_string()
            } else {
                text.lines()
                    .map(|l| format!("    {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        };
        for (i, sides) in parts.paragraphs.iter().enumerate() {
            println!(
                "¶{}\n  yours:\n{}\n  theirs:\n{}\n",
                i + 1,
                quote(&sides.ours),
                quote(&sides.theirs)
            );
        }
        for (key, sides) in &parts.fields {
            println!(
                "{key}\n  yours:\n{}\n  theirs:\n{}\n",
                quote(&sides.ours),
                quote(&sides.theirs)
            );
        }
        println!("Settle with `galley resolve {path} --theirs-in PIECES` (e.g. 1,title): theirs for those, yours for the rest.");
    }

    pub fn resolved(&self, path: &str) {
        if self.json {
            self.print_json(&ResolvedJson { resolved: path });
        } else {
            println!("Settled {path}; the next sync sends it.");
        }
    }
}
