//! `galley search`, `galley reindex` and `galley import` output, and their progress bar.

use super::documents::{problems, ProblemJson};
use super::{version_json, Printer, VersionJson};
use galley_core::search::{Highlighted, SearchHit};
use galley_core::workspace::{ImportOutcome, ImportReport, ImportedFile, ReindexReport};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::Path;

/// `search`.
#[derive(Serialize)]
struct HitsJson<'a> {
    hits: Vec<HitJson<'a>>,
}

#[derive(Serialize)]
struct HitJson<'a> {
    path: &'a str,
    id: &'a str,
    lang: &'a str,
    title: HighlightedJson<'a>,
    snippet: HighlightedJson<'a>,
    issue: Option<&'a str>,
    section: Option<&'a str>,
    authors: &'a [String],
    trend: Option<&'a str>,
    status: Option<&'a str>,
    score: f64,
}

/// Text with `[start, end]` ranges in Unicode characters.
#[derive(Serialize)]
struct HighlightedJson<'a> {
    text: &'a str,
    highlights: Vec<[usize; 2]>,
}

fn highlighted_json(h: &Highlighted) -> HighlightedJson<'_> {
    HighlightedJson {
        text: &h.text,
        highlights: h.ranges.iter().map(|r| [r.start, r.end]).collect(),
    }
}

impl<'a> From<&'a SearchHit> for HitJson<'a> {
    fn from(h: &'a SearchHit) -> Self {
        HitJson {
            path: &h.path,
            id: &h.id,
            lang: &h.lang,
            title: highlighted_json(&h.title),
            snippet: highlighted_json(&h.snippet),
            issue: h.issue.as_deref(),
            section: h.section.as_deref(),
            authors: &h.authors,
            trend: h.trend.as_deref(),
            status: h.status.as_deref(),
            score: h.score,
        }
    }
}

/// `reindex`.
#[derive(Serialize)]
struct ReindexedJson {
    indexed: usize,
    problems: Vec<ProblemJson>,
}

/// `import`.
#[derive(Serialize)]
struct ImportedJson<'a> {
    files: Vec<ImportedFileJson<'a>>,
    imported: usize,
    updated: usize,
    unchanged: usize,
    conflicts: usize,
    failed: usize,
}

/// One source file: `version` is the archive's text (for a conflict, `kept` the workspace's
/// newest version, still on disk); `error` is set only when it `failed`.
#[derive(Serialize)]
struct ImportedFileJson<'a> {
    source: &'a Path,
    /// imported, updated, unchanged, conflict or failed.
    outcome: &'static str,
    path: Option<&'a str>,
    version: Option<VersionJson<'a>>,
    kept: Option<VersionJson<'a>>,
    error: Option<ProblemJson>,
    notes: &'a [String],
}

impl<'a> From<&'a ImportedFile> for ImportedFileJson<'a> {
    fn from(f: &'a ImportedFile) -> Self {
        let mut file = ImportedFileJson {
            source: &f.source,
            outcome: "",
            path: None,
            version: None,
            kept: None,
            error: None,
            notes: &f.notes,
        };
        match &f.outcome {
            ImportOutcome::Imported { path, version } => {
                file.outcome = "imported";
                file.path = Some(path);
                file.version = Some(version_json(version));
            }
            ImportOutcome::Updated { path, version } => {
                file.outcome = "updated";
                file.path = Some(path);
                file.version = Some(version_json(version));
            }
            ImportOutcome::Unchanged { path } => {
                file.outcome = "unchanged";
                file.path = Some(path);
            }
            ImportOutcome::Conflict {
                path,
                archive,
                kept,
            } => {
                file.outcome = "conflict";
                file.path = Some(path);
                file.version = Some(version_json(archive));
                file.kept = Some(version_json(kept));
            }
            ImportOutcome::Failed(e) => {
                file.outcome = "failed";
                file.error = Some(ProblemJson::from(e));
            }
        }
        file
    }
}

impl Printer {
    pub fn search_hits(&self, hits: &[SearchHit]) {
        if self.json {
            self.print_json(&HitsJson {
                hits: hits.iter().map(Into::into).collect(),
            });
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
            self.print_json(&ReindexedJson {
                indexed: report.indexed,
                problems: problems(&report.problems),
            });
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
            self.print_json(&ImportedJson {
                files: report.files.iter().map(Into::into).collect(),
                imported: counts.imported,
                updated: counts.updated,
                unchanged: counts.unchanged,
                conflicts: counts.conflicts,
                failed: counts.failed,
            });
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
