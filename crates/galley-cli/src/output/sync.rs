//! `galley sync`, `conflicts` and `resolve` output.

use super::Printer;
use galley_core::workspace::{ConflictParts, SyncConflict, SyncReport, SyncState};
use serde_json::{json, Value};

fn state_json(s: &SyncState) -> Value {
    json!({
        "to_send": s.to_send,
        "to_receive": s.to_receive,
        "conflicts": s.conflicts,
        "last_synced": s.last_synced.map(galley_core::clock::format_time),
    })
}

fn conflict_json(c: &SyncConflict) -> Value {
    json!({ "path": c.path, "ours_sha256": c.ours.to_hex(), "theirs_sha256": c.theirs.to_hex() })
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
            let conflicts: Vec<Value> = report.conflicts.iter().map(conflict_json).collect();
            self.print_json(&json!({
                "committed": report.committed, "received": report.received,
                "offline": report.offline, "conflicts": conflicts,
                "state": state_json(&report.state),
            }));
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
            let list: Vec<Value> = conflicts.iter().map(conflict_json).collect();
            self.print_json(&json!({ "conflicts": list }));
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
            let body = parts.map(|p| {
                let paragraphs: Vec<Value> = p
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, s)| json!({ "n": i + 1, "ours": s.ours, "theirs": s.theirs }))
                    .collect();
                let fields: Vec<Value> = p
                    .fields
                    .iter()
                    .map(|(key, s)| json!({ "key": key, "ours": s.ours, "theirs": s.theirs }))
                    .collect();
                json!({ "paragraphs": paragraphs, "fields": fields })
            });
            self.print_json(&json!({ "path": path, "parts": body }));
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
            self.print_json(&json!({ "resolved": path }));
        } else {
            println!("Settled {path}; the next sync sends it.");
        }
    }
}
