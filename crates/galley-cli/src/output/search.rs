//! `galley search`, `galley reindex` and `galley import` output, and their progress bar.

use super::{problems_json, version_json, Printer};
use galley_core::search::{Highlighted, SearchHit};
use galley_core::workspace::{ImportOutcome, ImportReport, ReindexReport};
use serde_json::json;
use std::io::IsTerminal;

/// A bar on standard error, hidden when that is not a terminal or JSON was asked for.
fn highlighted_json(h: &Highlighted) -> serde_json::Value {
    let ranges: Vec<[usize; 2]> = h.ranges.iter().map(|r| [r.start, r.end]).collect();
    json!({ "text": h.text, "highlights": ranges })
}

impl Printer {
    pub fn search_hits(&self, hits: &[SearchHit]) {
        if self.json {
            let hits: Vec<_> = hits
                .iter()
                .map(|h| {
                    json!({
                        "path": h.path, "id": h.id, "lang": h.lang,
                        "title": highlighted_json(&h.title),
                        "snippet": highlighted_json(&h.snippet),
                        "issue": h.issue, "section": h.section, "authors": h.authors,
                        "trend": h.trend, "status": h.status, "score": h.score,
                    })
                })
                .collect();
            self.print_json(&json!({ "hits": hits }));
            return;
        }
        if hits.is_empty() {
            println!("No matches.");
            return;
        }
        // Bold on a terminal, brackets in a pipe.
        let (open, close) = if std::io::stdout().is_terminal() {
            ("\x1b[1m", "\x1b[0m")
        } else {
            ("[", "]")
        };
        for hit in hits {
            let title = match hit.title.text.is_empty() {
                true => "(untitled)".to_string(),
                false => hit.title.marked(open, close),
            };
            println!("{}  {title}", hit.path);
            let snippet = hit.snippet.marked(open, close);
            if !snippet.trim().is_empty() {
                println!(
                    "    {}",
                    snippet.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
        }
    }

    pub fn reindexed(&self, report: &ReindexReport) {
        if self.json {
            self.print_json(&json!({
                "indexed": report.indexed, "problems": problems_json(&report.problems),
            }));
        } else {
            println!("Indexed {} files.", report.indexed);
            for problem in &report.problems {
                self.warning(&problem.to_string());
            }
        }
    }

    pub fn imported(&self, report: &ImportReport) {
        let counts = report.counts();
        if self.json {
            let files: Vec<_> = report
                .files
                .iter()
                .map(|f| {
                    let (outcome, path, version, error) = match &f.outcome {
                        ImportOutcome::Imported { path, version } => {
                            ("imported", Some(path), Some(version_json(version)), None)
                        }
                        ImportOutcome::Updated { path, version } => {
                            ("updated", Some(path), Some(version_json(version)), None)
                        }
                        ImportOutcome::Unchanged { path } => ("unchanged", Some(path), None, None),
                        ImportOutcome::Conflict { path, archive, .. } => {
                            ("conflict", Some(path), Some(version_json(archive)), None)
                        }
                        ImportOutcome::Failed(e) => (
                            "failed",
                            None,
                            None,
                            Some(json!({ "kind": e.kind(), "message": e.to_string() })),
                        ),
                    };
                    let kept = match &f.outcome {
                        ImportOutcome::Conflict { kept, .. } => Some(version_json(kept)),
                        _ => None,
                    };
                    json!({
                        "source": f.source, "outcome": outcome, "path": path,
                        "version": version, "kept": kept, "error": error, "notes": f.notes,
                    })
                })
                .collect();
            self.print_json(&json!({
                "files": files, "imported": counts.imported, "updated": counts.updated,
                "unchanged": counts.unchanged, "conflicts": counts.conflicts,
                "failed": counts.failed,
            }));
            return;
        }
        for f in &report.files {
            let source = f.source.display();
            match &f.outcome {
                ImportOutcome::Imported { path, .. } => println!("imported   {source} -> {path}"),
                ImportOutcome::Updated { path, .. } => println!("updated    {source} -> {path}"),
                ImportOutcome::Unchanged { .. } => continue,
                ImportOutcome::Conflict { path, .. } => println!("conflict   {source} -> {path}"),
                // Most errors name the source already: say the path once.
                ImportOutcome::Failed(e) if e.to_string().contains(&source.to_string()) => {
                    println!("failed     {e}")
                }
                ImportOutcome::Failed(e) => println!("failed     {source}: {e}"),
            }
            for note in &f.notes {
                println!("           {note}");
            }
        }
        println!(
            "{} imported, {} updated, {} unchanged, {} in conflict, {} failed.",
            counts.imported, counts.updated, counts.unchanged, counts.conflicts, counts.failed
        );
    }
}
