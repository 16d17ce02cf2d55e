//! `galley rename` and `galley trash …` output.

use super::issue::{file_moves, FileMoveJson};
use super::{version_json, Printer, VersionJson};
use galley_core::clock::format_time;
use galley_core::workspace::{RenameReport, TrashEntry};
use serde::Serialize;

/// `rename`: `version` is null when the title was already that.
#[derive(Serialize)]
struct RenamedJson<'a> {
    id: &'a str,
    lang: &'a str,
    title: &'a str,
    version: Option<VersionJson<'a>>,
    files: Vec<FileMoveJson<'a>>,
}

/// `trash delete`, `trash archive`, `trash restore`.
#[derive(Serialize)]
struct TrashedJson<'a> {
    restored: bool,
    entry: EntryJson<'a>,
}

/// `trash list`.
#[derive(Serialize)]
struct EntriesJson<'a> {
    entries: Vec<EntryJson<'a>>,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    name: &'a str,
    /// deleted or archived.
    kind: &'static str,
    id: &'a str,
    title: &'a str,
    /// Null for the whole commentary.
    lang: Option<&'a str>,
    by: &'a str,
    at: String,
    week: Option<String>,
    section: Option<&'a str>,
    /// 1-based, like every position the command line prints.
    position: Option<usize>,
    files: &'a [String],
}

impl<'a> From<&'a TrashEntry> for EntryJson<'a> {
    fn from(entry: &'a TrashEntry) -> Self {
        EntryJson {
            name: &entry.name,
            kind: entry.kind.word(),
            id: &entry.id,
            title: &entry.title,
            lang: entry.lang.as_deref(),
            by: &entry.by,
            at: format_time(entry.at),
            week: entry.week.map(|w| w.to_string()),
            section: entry.section.as_deref(),
            position: entry.position.map(|p| p + 1),
            files: &entry.files,
        }
    }
}

impl Printer {
    pub fn renamed(&self, report: &RenameReport) {
        if self.json {
            self.print_json(&RenamedJson {
                id: &report.id,
                lang: &report.lang,
                title: &report.title,
                version: report.version.as_ref().map(version_json),
                files: file_moves(&report.files),
            });
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
            self.print_json(&TrashedJson {
                restored,
                entry: entry.into(),
            });
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
            self.print_json(&EntriesJson {
                entries: entries.iter().map(Into::into).collect(),
            });
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
