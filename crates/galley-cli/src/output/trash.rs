//! `galley rename` and `galley trash …` output.

use super::{version_json, Printer};
use galley_core::clock::format_time;
use galley_core::workspace::{RenameReport, TrashEntry};
use serde_json::{json, Value};

fn entry_json(entry: &TrashEntry) -> Value {
    json!({
        "name": entry.name, "kind": entry.kind.word(), "id": entry.id, "title": entry.title,
        "lang": entry.lang, "by": entry.by, "at": format_time(entry.at),
        "week": entry.week.map(|w| w.to_string()), "section": entry.section,
        // 1-based, like every position the command line prints.
        "position": entry.position.map(|p| p + 1),
        "files": entry.files,
    })
}

impl Printer {
    pub fn renamed(&self, report: &RenameReport) {
        if self.json {
            self.print_json(&json!({
                "id": report.id, "lang": report.lang, "title": report.title,
                "version": report.version.as_ref().map(version_json),
                "files": report.files.iter().map(|(from, to)| json!({ "from": from, "to": to }))
                    .collect::<Vec<_>>(),
            }));
            return;
        }
        match &report.version {
            Some(v) => println!(
                "{} ({}) is now “{}” (version {})",
                report.id, report.lang, report.title, v.id
            ),
            None => println!(
                "{} ({}) is already “{}”",
                report.id, report.lang, report.title
            ),
        }
        for (from, to) in &report.files {
            println!("  renamed {from} → {to}");
        }
    }

    /// A commentary that went into the trash or the archive, or came back from it.
    pub fn trash_entry(&self, entry: &TrashEntry, restored: bool) {
        if self.json {
            self.print_json(&json!({ "restored": restored, "entry": entry_json(entry) }));
            return;
        }
        let what = match &entry.lang {
            Some(lang) => format!("the {lang} version of {}", entry.id),
            None => entry.id.clone(),
        };
        if restored {
            println!("Restored {what} “{}”", entry.title);
        } else {
            println!(
                "{} {what} “{}”; bring it back with `galley trash restore {}`",
                if entry.kind.word() == "deleted" {
                    "Deleted"
                } else {
                    "Archived"
                },
                entry.title,
                entry.name
            );
        }
        for file in &entry.files {
            println!("  {file}");
        }
    }

    pub fn trash_list(&self, entries: &[TrashEntry]) {
        if self.json {
            self.print_json(&json!({
                "entries": entries.iter().map(entry_json).collect::<Vec<_>>(),
            }));
            return;
        }
        if entries.is_empty() {
            println!("The trash and the archive are empty.");
        }
        for entry in entries {
            println!(
                "{}  {:<8}  {}  “{}”  by {}, {}",
                entry.name,
                entry.kind.word(),
                entry.lang.as_deref().unwrap_or("all"),
                entry.title,
                entry.by,
                format_time(entry.at)
            );
        }
    }
}
