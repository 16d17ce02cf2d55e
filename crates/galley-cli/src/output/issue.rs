//! `galley issue …` output. Positions in JSON are 1-based, like the command line.

use super::{problems_json, version_json, Printer};
use galley_core::issue::{Blocker, Board, BoardCell, BoardRow, Readiness, Reason};
use galley_core::translation::Role;
use galley_core::workspace::{IssueList, IssueView, MoveReport};
use serde_json::{json, Value};

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Source => "source",
        Role::Translation => "translation",
        Role::Missing => "missing",
    }
}

fn view_json(view: &IssueView) -> Value {
    let sections: Vec<Value> = view
        .sections
        .iter()
        .map(|s| {
            let commentaries: Vec<Value> = s
                .entries
                .iter()
                .map(|e| {
                    json!({ "id": e.id, "title": e.title, "listed": e.listed,
                            "has_files": e.has_files() })
                })
                .collect();
            json!({ "key": s.key, "commentaries": commentaries })
        })
        .collect();
    json!({
        "week": view.issue.week.to_string(), "path": view.path, "exists": view.exists,
        "start": view.issue.start.to_string(), "end": view.issue.end.to_string(),
        "titles": view.issue.titles, "sections": sections,
    })
}

fn cell_json(c: &BoardCell) -> Value {
    let empty: Vec<&str> = c.empty_fields.iter().map(|f| f.as_str()).collect();
    json!({
        "lang": c.lang, "role": role_name(c.role), "path": c.path, "title": c.title,
        "translation": c.translation.map(|s| s.as_str()), "translation_of": c.translation_of,
        "outdated": c.outdated, "words": c.words, "paragraphs": c.paragraphs,
        "sha256": c.sha256.map(|h| h.to_hex()),
        "approved_sha256": c.approval.as_ref().and_then(|a| a.approved).map(|h| h.to_hex()),
        "changed_since_approval": c.approval.as_ref().is_some_and(|a| a.changed), "empty_fields": empty, "invalid": c.invalid,
        "missing_links": c.missing_links,
    })
}

fn row_json(r: &BoardRow) -> Value {
    let event = r.editorial_event.as_ref();
    json!({
        "id": r.id, "title": r.title, "section": r.section, "listed": r.listed,
        "editorial": r.editorial.as_str(),
        "editorial_by": event.map(|e| e.author.as_str()),
        "editorial_at": event.map(|e| galley_core::clock::format_time(e.at)),
        "editorial_note": event.and_then(|e| e.note.as_deref()),
        "cells": r.cells.iter().map(cell_json).collect::<Vec<_>>(),
    })
}

/// The reason's own facts, by kind.
fn detail_json(reason: &Reason) -> Value {
    match reason {
        Reason::NotApproved { status } => json!({ "status": status.as_str() }),
        Reason::TranslationMissing => json!({}),
        Reason::TranslationNotDone { status } => json!({ "status": status.as_str() }),
        Reason::TranslationOutdated { source_lang } => json!({ "source_lang": source_lang }),
        Reason::ChangedSinceApproval { approved, now } => json!({
            "approved_sha256": approved.map(|h| h.to_hex()), "sha256": now.to_hex(),
        }),
        Reason::FieldEmpty { field } => json!({ "field": field.as_str() }),
        Reason::BodyEmpty => json!({}),
        Reason::ParagraphsMissing {
            source_lang,
            paragraphs,
            source_paragraphs,
        } => json!({ "source_lang": source_lang, "paragraphs": paragraphs,
                     "source_paragraphs": source_paragraphs }),
        Reason::IssueTitleMissing { week } => json!({ "week": week.to_string() }),
        Reason::NoSection => json!({}),
        Reason::UnusableFileName { slug, other } => json!({ "slug": slug, "other": other }),
        Reason::InvalidDraft { message } => json!({ "message": message }),
        Reason::MissingLinkTarget { target } => json!({ "target": target }),
        Reason::NoFiles { issue_file } => json!({ "issue_file": issue_file }),
        Reason::Conflict { file, copy_of } => json!({ "file": file, "copy_of": copy_of }),
    }
}

pub(super) fn blocker_json(b: &Blocker) -> Value {
    json!({
        "id": b.id, "title": b.title, "lang": b.lang, "path": b.path,
        "reason": b.reason.kind(), "detail": detail_json(&b.reason),
        "problem": b.problem(), "what_to_do": b.what_to_do(),
    })
}

fn cell_text(c: &BoardCell) -> String {
    let mut text = match (c.role, c.translation) {
        (Role::Source, _) => "source".to_string(),
        (_, Some(status)) => status.as_str().to_string(),
        (_, None) => "?".to_string(),
    };
    if let Some(words) = c.words {
        text.push_str(&format!(" {words}w"));
    }
    if c.outdated {
        text.push_str(" outdated");
    }
    if c.approval.as_ref().is_some_and(|a| a.changed) {
        text.push_str(" changed since approval");
    }
    if !c.invalid.is_empty() {
        text.push_str(" invalid");
    }
    text
}

impl Printer {
    pub fn issues(&self, list: &IssueList) {
        if self.json {
            let issues: Vec<Value> = list
                .issues
                .iter()
                .map(|i| {
                    json!({
                        "week": i.week.to_string(), "has_file": i.has_file,
                        "start": i.start.to_string(), "end": i.end.to_string(),
                        "titles": i.titles, "commentaries": i.commentaries,
                    })
                })
                .collect();
            self.print_json(
                &json!({ "issues": issues, "problems": problems_json(&list.problems) }),
            );
            return;
        }
        for i in &list.issues {
            let title = i.titles.values().next().map_or("", String::as_str);
            let file = if i.has_file { "" } else { "  (no issue.toml)" };
            // The CLI speaks English; the count still agrees with its number.
            let count = galley_core::plural::commentaries("en", i.commentaries as u64);
            println!(
                "{}  {} – {}  {count:>16}  {title}{file}",
                i.week, i.start, i.end
            );
        }
        for p in &list.problems {
            eprintln!("galley: {p}");
        }
    }

    pub fn issue_view(&self, view: &IssueView) {
        if self.json {
            self.print_json(&view_json(view));
            return;
        }
        let issue = &view.issue;
        println!("{}  {} – {}", issue.week, issue.start, issue.end);
        for (lang, title) in &issue.titles {
            println!("  {lang}: {title}");
        }
        if !view.exists {
            println!(
                "  (no {} yet: `galley issue new {}`)",
                view.path, issue.week
            );
        }
        for section in &view.sections {
            println!("\n{}", section.key.as_deref().unwrap_or("(no section)"));
            for (i, e) in section.entries.iter().enumerate() {
                let note = match (e.listed, e.has_files()) {
                    (_, false) => "  (no files)",
                    (false, true) => "  (not listed in issue.toml)",
                    _ => "",
                };
                let title = e.title.as_deref().unwrap_or("");
                println!("  {}. {}  {title}{note}", i + 1, e.id);
            }
        }
    }

    pub fn moved(&self, report: &MoveReport) {
        if self.json {
            self.print_json(&json!({
                "id": report.id, "from": report.from.map(|w| w.to_string()),
                "to": report.to.to_string(), "section": report.section,
                "position": report.position + 1,
                "versions": report.versions.iter().map(version_json).collect::<Vec<_>>(),
                "files": report.files.iter().map(|(from, to)| json!({ "from": from, "to": to }))
                    .collect::<Vec<_>>(),
                "issue_files": report.issue_files,
            }));
        } else {
            println!(
                "{} is now no. {} in {} of {} ({} new version{})",
                report.id,
                report.position + 1,
                report.section,
                report.to,
                report.versions.len(),
                if report.versions.len() == 1 { "" } else { "s" }
            );
            for (from, to) in &report.files {
                println!("  moved {from} → {to}");
            }
        }
    }

    pub fn board(&self, board: &Board) {
        if self.json {
            self.print_json(&json!({
                "week": board.week.to_string(), "languages": board.languages,
                "rows": board.rows.iter().map(row_json).collect::<Vec<_>>(),
                "problems": problems_json(&board.problems),
                "conflicts": board.conflicts.iter().map(|c| json!({
                    "path": c.path, "copy_of": c.copy_of, "id": c.id,
                })).collect::<Vec<_>>(),
            }));
            return;
        }
        for row in &board.rows {
            let title = row.title.as_deref().unwrap_or("(no files)");
            println!("{}  {:<9}  {title}", row.id, row.editorial.as_str());
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| format!("{}: {}", c.lang, cell_text(c)))
                .collect();
            println!("            {}", cells.join("  |  "));
        }
        for p in &board.problems {
            eprintln!("galley: {p}");
        }
    }

    pub fn readiness(&self, readiness: &Readiness) {
        if self.json {
            let languages: Vec<Value> = readiness
                .languages
                .iter()
                .map(|l| {
                    json!({ "lang": l.lang, "ready": l.is_ready(),
                            "blockers": l.blockers.iter().map(blocker_json).collect::<Vec<_>>() })
                })
                .collect();
            self.print_json(&json!({
                "week": readiness.week.to_string(), "ready": readiness.is_ready(),
                "languages": languages,
            }));
            return;
        }
        for l in &readiness.languages {
            if l.is_ready() {
                println!("{}: ready", l.lang);
                continue;
            }
            let n = l.blockers.len();
            println!(
                "{}: not ready, {n} problem{}",
                l.lang,
                if n == 1 { "" } else { "s" }
            );
            for b in &l.blockers {
                if b.id.is_empty() {
                    println!("  - {}", b.problem());
                } else {
                    println!("  - {} {}: {}", b.id, b.title, b.problem());
                }
                println!("    → {}", b.what_to_do());
            }
        }
    }
}
