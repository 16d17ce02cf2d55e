//! Everything `galley` prints: human text by default, JSON with `--json`. The JSON field
//! names are a documented interface (README, "JSON output"): add fields, never rename them.

use galley_core::clock::format_time;
use galley_core::diff::{Diff, Hunk, LineRange, ParagraphKind, SpanKind};
use galley_core::draft::Draft;
use galley_core::history::{Origin, Version};
use galley_core::reconcile::Change;
use galley_core::workspace::{Listing, MissingFields, RecordReport, SaveOutcome};

mod documents;
mod export;
mod issue;
mod review;
mod search;
mod sync;
mod translate;
mod trash;
mod xliff;
use galley_core::Error;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::path::Path;

pub struct Printer {
    pub json: bool,
}

#[derive(Serialize)]
struct VersionJson<'a> {
    id: i64,
    draft_id: &'a str,
    lang: &'a str,
    path: &'a str,
    /// SHA-256 of the text; null when the version records a deletion.
    hash: Option<String>,
    /// The same as `hash`: the name of the version's text on every machine.
    sha256: Option<String>,
    author: &'a str,
    at: String,
    label: Option<&'a str>,
    parent: Option<i64>,
    /// save, external, restore, conflict or import.
    origin: &'static str,
    restored_from: Option<i64>,
    deleted: bool,
}

fn version_json(v: &Version) -> VersionJson<'_> {
    VersionJson {
        id: v.id,
        draft_id: &v.draft_id,
        lang: &v.lang,
        path: &v.path,
        hash: v.hash.map(|h| h.to_hex()),
        sha256: v.hash.map(|h| h.to_hex()),
        author: &v.author,
        at: format_time(v.at),
        label: v.label.as_deref(),
        parent: v.parent,
        origin: origin_name(&v.origin),
        restored_from: match v.origin {
            Origin::Restore { from } => Some(from),
            _ => None,
        },
        deleted: v.hash.is_none(),
    }
}

/// A concurrent change a record won over: whose, when, what it would have set.
#[derive(Serialize)]
struct ConcurrentJson<'a> {
    event: &'a str,
    author: &'a str,
    at: String,
    value: &'a str,
}

fn concurrent_json(c: &galley_core::records::Concurrent) -> ConcurrentJson<'_> {
    ConcurrentJson {
        event: &c.event,
        author: &c.author,
        at: format_time(c.at),
        value: &c.value,
    }
}

/// `init`.
#[derive(Serialize)]
struct InitJson<'a> {
    workspace: &'a Path,
}

/// `log`.
#[derive(Serialize)]
struct LogJson<'a> {
    versions: Vec<VersionJson<'a>>,
}

/// `{version}`: `restore`, `label`, `save`.
#[derive(Serialize)]
struct VersionDoc<'a> {
    version: VersionJson<'a>,
}

/// `new`.
#[derive(Serialize)]
struct CreatedJson<'a> {
    path: &'a str,
    version: VersionJson<'a>,
}

/// `show`.
#[derive(Serialize)]
struct ShowJson<'a> {
    path: &'a str,
    id: &'a str,
    lang: &'a str,
    title: &'a str,
    trend: Option<&'static str>,
    authors: &'a [String],
    lead: &'a str,
    section: Option<&'a str>,
    issue: Option<String>,
    tags: &'a [String],
    translation_of: Option<&'a str>,
    body: &'a str,
}

/// `record` and each line of `watch`.
#[derive(Serialize)]
struct RecordedJson<'a> {
    recorded: Vec<RecordedFileJson<'a>>,
    problems: Vec<documents::ProblemJson>,
}

#[derive(Serialize)]
struct RecordedFileJson<'a> {
    path: &'a str,
    change: &'static str,
    version: VersionJson<'a>,
}

/// `save` when the text on disk is already the one given.
#[derive(Serialize)]
struct UnchangedJson {
    unchanged: bool,
}

/// `save` when the file changed since it was loaded: both texts are versions.
#[derive(Serialize)]
struct SaveConflictJson<'a> {
    conflict: ConflictSidesJson<'a>,
}

#[derive(Serialize)]
struct ConflictSidesJson<'a> {
    theirs: VersionJson<'a>,
    ours: VersionJson<'a>,
}

fn origin_name(origin: &Origin) -> &'static str {
    match origin {
        Origin::Save => "save",
        Origin::External => "external",
        Origin::Found => "found",
        Origin::Restore { .. } => "restore",
        Origin::Conflict => "conflict",
        Origin::Import => "import",
    }
}

fn version_line(v: &Version) -> String {
    let mut line = format!("{:>6}  {}  {:<16}", v.id, format_time(v.at), v.author);
    match (&v.hash, &v.origin) {
        (None, _) => line.push_str("  deleted"),
        (Some(_), Origin::Restore { from }) => line.push_str(&format!("  restored from {from}")),
        (Some(_), Origin::Conflict) => line.push_str("  conflict (not on disk)"),
        (Some(_), Origin::External) => line.push_str("  external edit"),
        _ => {}
    }
    if let Some(label) = &v.label {
        line.push_str(&format!("  [{label}]"));
    }
    line
}

impl Printer {
    fn print_json(&self, value: &impl Serialize) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("galley: could not print JSON: {e}"),
        }
    }

    /// One compact line, for streams of documents (`watch`).
    fn print_json_line(&self, value: &impl Serialize) {
        match serde_json::to_string(value) {
            Ok(text) => println!("{text}"),
            Err(e) => eprintln!("galley: could not print JSON: {e}"),
        }
    }

    /// One compact line on standard error, for documents that share it with messages.
    fn eprint_json_line(&self, value: &impl Serialize) {
        match serde_json::to_string(value) {
            Ok(text) => eprintln!("{text}"),
            Err(e) => eprintln!("galley: could not print JSON: {e}"),
        }
    }

    pub fn error(&self, e: &Error) {
        if self.json {
            self.eprint_json_line(&documents::ErrorJson {
                error: documents::ProblemJson::from(e),
            });
        } else {
            eprintln!("galley: {e}");
        }
    }

    pub fn warning(&self, message: &str) {
        eprintln!("galley: warning: {message}");
    }

    pub fn init(&self, root: &Path) {
        if self.json {
            self.print_json(&InitJson { workspace: root });
        } else {
            println!("Workspace ready at {}", root.display());
        }
    }

    pub fn created(&self, path: &str, version: &Version) {
        if self.json {
            self.print_json(&CreatedJson {
                path,
                version: version_json(version),
            });
        } else {
            println!("{path}");
        }
    }

    pub fn listing(&self, listing: &Listing) {
        if self.json {
            self.print_json(&documents::ListJson {
                drafts: listing.drafts.iter().map(Into::into).collect(),
                problems: documents::problems(&listing.problems),
            });
            return;
        }
        for d in &listing.drafts {
            let issue = d.issue.map(|w| w.to_string()).unwrap_or_else(|| "-".into());
            let conflict = if d.in_conflict { "  [in conflict]" } else { "" };
            println!(
                "{:<10}  {:<3}  {:<9}  {}  ({}){conflict}",
                d.id, d.lang, issue, d.title, d.path
            );
        }
        for problem in &listing.problems {
            eprintln!("galley: skipped: {problem}");
        }
    }

    pub fn draft(&self, path: &str, draft: &Draft) {
        let f = draft.front();
        if self.json {
            self.print_json(&ShowJson {
                path,
                id: &f.id,
                lang: &f.lang,
                title: &f.title,
                trend: f.trend.map(|t| t.as_str()),
                authors: &f.authors,
                lead: &f.lead,
                section: f.section.as_deref(),
                issue: f.issue.map(|w| w.to_string()),
                tags: &f.tags,
                translation_of: f.translation_of.as_deref(),
                body: draft.body(),
            });
            return;
        }
        println!("{}", f.title);
        let mut facts = vec![format!("{} · {}", f.id, f.lang)];
        if let Some(issue) = f.issue {
            facts.push(issue.to_string());
        }
        if let Some(section) = &f.section {
            facts.push(section.clone());
        }
        if let Some(trend) = f.trend {
            facts.push(trend.as_str().to_string());
        }
        if let Some(source) = &f.translation_of {
            facts.push(format!("translated from {source}"));
        }
        println!("{}", facts.join(" · "));
        if !f.authors.is_empty() {
            println!("by {}", f.authors.join(", "));
        }
        if !f.lead.is_empty() {
            println!("\n{}", f.lead);
        }
        println!("\n{}", draft.body().trim());
    }

    pub fn log(&self, versions: &[Version]) {
        if self.json {
            self.print_json(&LogJson {
                versions: versions.iter().map(version_json).collect(),
            });
        } else if versions.is_empty() {
            println!("No versions yet. Run `galley record` to record the file as it is.");
        } else {
            for v in versions {
                println!("{}", version_line(v));
            }
        }
    }

    pub fn version(&self, version: &Version) {
        if self.json {
            self.print_json(&VersionDoc {
                version: version_json(version),
            });
        } else {
            println!("{}", version_line(version));
        }
    }

    pub fn diff(&self, diff: &Diff, rendered: &str) {
        if self.json {
            self.print_json(&diff_json(diff));
        } else if diff.is_empty() {
            println!("No differences.");
        } else {
            print!("{rendered}");
            println!("{}", diff.stats.summary());
        }
    }

    pub fn recorded(&self, report: &RecordReport) {
        if self.json {
            let line = RecordedJson {
                recorded: report
                    .recorded
                    .iter()
                    .map(|r| RecordedFileJson {
                        path: &r.path,
                        change: change_name(&r.change),
                        version: version_json(&r.version),
                    })
                    .collect(),
                problems: documents::problems(&report.problems),
            };
            // One line per report, so `watch --json` is a stream of JSON lines.
            self.print_json_line(&line);
            return;
        }
        for r in &report.recorded {
            let what = match &r.change {
                None => "deleted".to_string(),
                Some(Change::Created) => "created".to_string(),
                Some(Change::Modified) => "changed".to_string(),
                Some(Change::Renamed { from }) => format!("renamed from {from}"),
            };
            println!("{}  {what}  (version {})", r.path, r.version.id);
        }
        for problem in &report.problems {
            eprintln!("galley: skipped: {problem}");
        }
    }

    pub fn watching(&self, root: &Path) {
        if !self.json {
            eprintln!("Watching {} (Ctrl+C to stop)", root.display());
        }
    }

    /// `check`: problems (the draft cannot be used) and warnings (a field a publication
    /// needs is empty); only problems fail the command.
    pub fn problems(&self, problems: &[Error], warnings: &[MissingFields]) {
        if self.json {
            self.print_json(&documents::CheckJson {
                ok: problems.is_empty(),
                problems: documents::problems(problems),
                warnings: warnings.iter().map(Into::into).collect(),
            });
            return;
        }
        for p in problems {
            println!("{p}");
        }
        for w in warnings {
            println!("warning: {}", w.message());
        }
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        match (problems.len(), warnings.len()) {
            (0, 0) => println!("All drafts are valid."),
            (0, w) => println!(
                "No problems; {} with empty required fields.",
                count(w, "draft")
            ),
            (p, 0) => println!("{}", count(p, "problem")),
            (p, w) => println!("{}, {}", count(p, "problem"), count(w, "warning")),
        }
    }

    pub fn saved(&self, outcome: &SaveOutcome) {
        match outcome {
            SaveOutcome::Saved(v) => self.version(v),
            SaveOutcome::Unchanged(_) if self.json => {
                self.print_json(&UnchangedJson { unchanged: true })
            }
            SaveOutcome::Unchanged(_) => println!("No changes to save."),
            SaveOutcome::Conflict { theirs, ours } if self.json => {
                self.print_json(&SaveConflictJson {
                    conflict: ConflictSidesJson {
                        theirs: version_json(theirs),
                        ours: version_json(ours),
                    },
                })
            }
            SaveOutcome::Conflict { theirs, ours } => eprintln!(
                "galley: the file changed on disk since you loaded it. Both texts are kept: theirs is version {}, yours is version {}. Compare them with `galley diff PATH {} {}`.",
                theirs.id, ours.id, theirs.id, ours.id
            ),
        }
    }
}

fn change_name(change: &Option<Change>) -> &'static str {
    match change {
        None => "deleted",
        Some(Change::Created) => "created",
        Some(Change::Modified) => "modified",
        Some(Change::Renamed { .. }) => "renamed",
    }
}

/// `diff`, and the diff inside `translate diff` and `review diff`.
#[derive(Serialize)]
struct DiffJson<'a> {
    summary: String,
    words_added: usize,
    words_removed: usize,
    paragraphs_changed: usize,
    coarse: bool,
    hunks: Vec<HunkJson<'a>>,
}

#[derive(Serialize)]
struct HunkJson<'a> {
    old: RangeJson,
    new: RangeJson,
    paragraphs: Vec<ParagraphJson<'a>>,
}

#[derive(Serialize)]
struct RangeJson {
    start: usize,
    count: usize,
}

#[derive(Serialize)]
struct ParagraphJson<'a> {
    /// unchanged, modified, added or removed.
    kind: &'static str,
    old_lines: RangeJson,
    new_lines: RangeJson,
    spans: Vec<SpanJson<'a>>,
}

#[derive(Serialize)]
struct SpanJson<'a> {
    /// equal, insert or delete.
    kind: &'static str,
    old: &'a str,
    new: &'a str,
}

impl From<&LineRange> for RangeJson {
    fn from(r: &LineRange) -> Self {
        RangeJson {
            start: r.start,
            count: r.count,
        }
    }
}

fn diff_json(diff: &Diff) -> DiffJson<'_> {
    DiffJson {
        summary: diff.stats.summary(),
        words_added: diff.stats.words_added,
        words_removed: diff.stats.words_removed,
        paragraphs_changed: diff.stats.paragraphs_changed,
        coarse: diff.coarse,
        hunks: diff.hunks.iter().map(hunk_json).collect(),
    }
}

fn hunk_json(hunk: &Hunk) -> HunkJson<'_> {
    let paragraphs = hunk
        .paragraphs
        .iter()
        .map(|p| ParagraphJson {
            kind: match p.kind {
                ParagraphKind::Unchanged => "unchanged",
                ParagraphKind::Modified => "modified",
                ParagraphKind::Added => "added",
                ParagraphKind::Removed => "removed",
            },
            old_lines: (&p.old_lines).into(),
            new_lines: (&p.new_lines).into(),
            spans: p
                .spans
                .iter()
                .map(|s| SpanJson {
                    kind: match s.kind {
                        SpanKind::Equal => "equal",
                        SpanKind::Insert => "insert",
                        SpanKind::Delete => "delete",
                    },
                    old: &s.old,
                    new: &s.new,
                })
                .collect(),
        })
        .collect();
    HunkJson {
        old: (&hunk.old).into(),
        new: (&hunk.new).into(),
        paragraphs,
    }
}

/// A progress bar on stderr, hidden for `--json` and when stderr is not a terminal.
pub fn progress_bar(out: &Printer, what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if out.json || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} ({eta})") {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar
}

pub fn advance(bar: &ProgressBar, done: usize, all: usize) {
    bar.set_length(all as u64);
    bar.set_position(done as u64);
}
