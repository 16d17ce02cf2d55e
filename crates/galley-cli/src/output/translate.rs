//! `galley translate …` output. JSON paragraph numbers are 1-based, like the text.

use super::documents::{problems, ProblemJson};
use super::{
    concurrent_json, diff_json, version_json, ConcurrentJson, DiffJson, Printer, VersionJson,
};
use galley_core::clock::format_time;
use galley_core::history::Version;
use galley_core::issue::{Blocker, Reason};
use galley_core::records::{MinorMark, StatusEvent};
use galley_core::translation::{
    GridCell, Outdated, ParagraphChange, ParagraphChangeKind, Role, SourceDiff, TranslationGrid,
};
use serde::Serialize;

/// A status event: `translate set`, `translate start`.
#[derive(Serialize)]
struct StatusJson<'a> {
    id: &'a str,
    draft_id: &'a str,
    lang: &'a str,
    /// in-progress, in-review or done.
    status: &'static str,
    source_lang: &'a str,
    base_sha256: Option<String>,
    author: &'a str,
    at: String,
    note: Option<&'a str>,
    concurrent: Option<ConcurrentJson<'a>>,
}

fn status_json(e: &StatusEvent) -> StatusJson<'_> {
    StatusJson {
        id: &e.id,
        draft_id: &e.draft_id,
        lang: &e.lang,
        status: e.status.as_str(),
        source_lang: &e.source_lang,
        base_sha256: e.base.map(|h| h.to_hex()),
        author: &e.author,
        at: format_time(e.at),
        note: e.note.as_deref(),
        concurrent: e.concurrent.as_ref().map(concurrent_json),
    }
}

fn number(index: Option<usize>) -> Option<usize> {
    index.map(|i| i + 1)
}

/// `translate status`.
#[derive(Serialize)]
struct GridJson<'a> {
    languages: &'a [String],
    rows: Vec<RowJson<'a>>,
    problems: Vec<ProblemJson>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    id: &'a str,
    title: &'a str,
    issue: Option<String>,
    source_lang: Option<&'a str>,
    cells: Vec<CellJson<'a>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    lang: &'a str,
    /// source, translation or missing.
    role: &'static str,
    path: Option<&'a str>,
    status: Option<&'static str>,
    translation_of: Option<&'a str>,
    base: Option<i64>,
    base_sha256: Option<String>,
    source_head: Option<i64>,
    outdated: bool,
    changes: Option<OutdatedJson<'a>>,
    via: Option<ChainLinkJson<'a>>,
    chain: &'a [String],
    set_by: Option<&'a str>,
    set_at: Option<String>,
    note: Option<&'a str>,
    concurrent: Option<ConcurrentJson<'a>>,
}

/// A link further up the chain that is outdated.
#[derive(Serialize)]
struct ChainLinkJson<'a> {
    translation: &'a str,
    source: &'a str,
}

/// What changed in the source since the translation's base.
#[derive(Serialize)]
struct OutdatedJson<'a> {
    source_lang: &'a str,
    base: Option<i64>,
    head: i64,
    head_sha256: Option<String>,
    versions: &'a [i64],
    fields: Vec<&'static str>,
    paragraphs: Vec<ParagraphJson>,
    words: Option<WordsJson>,
    to_review: usize,
    handled: usize,
}

/// Paragraph numbers are 1-based.
#[derive(Serialize)]
struct ParagraphJson {
    kind: &'static str,
    source_base: Option<usize>,
    source_now: Option<usize>,
    translation: Option<usize>,
    after_translation: Option<usize>,
    edited: bool,
}

#[derive(Serialize)]
struct WordsJson {
    changed: usize,
    new: usize,
}

fn paragraph_json(p: &ParagraphChange) -> ParagraphJson {
    ParagraphJson {
        kind: p.kind.as_str(),
        source_base: number(p.base),
        source_now: number(p.now),
        translation: number(p.translation),
        after_translation: number(p.after_translation),
        edited: p.edited,
    }
}

fn outdated_json(o: &Outdated) -> OutdatedJson<'_> {
    OutdatedJson {
        source_lang: &o.source_lang,
        base: o.base,
        head: o.head,
        head_sha256: o.head_hash.map(|h| h.to_hex()),
        versions: &o.versions,
        fields: o.fields.iter().map(|f| f.as_str()).collect(),
        paragraphs: o.paragraphs.iter().map(paragraph_json).collect(),
        words: o.words.map(|w| WordsJson {
            changed: w.changed,
            new: w.new,
        }),
        to_review: o.review.len(),
        handled: o.handled,
    }
}

fn cell_json(c: &GridCell) -> CellJson<'_> {
    let recorded = c.recorded.as_ref();
    CellJson {
        lang: &c.lang,
        role: c.role.as_str(),
        path: c.path.as_deref(),
        status: c.status.map(|s| s.as_str()),
        translation_of: c.translation_of.as_deref(),
        base: c.base,
        base_sha256: c.base_hash.map(|h| h.to_hex()),
        source_head: c.source_head,
        outdated: c.is_outdated(),
        changes: c.outdated.as_ref().map(outdated_json),
        via: c.via.as_ref().map(|l| ChainLinkJson {
            translation: &l.translation,
            source: &l.source,
        }),
        chain: &c.chain,
        set_by: recorded.map(|e| e.author.as_str()),
        set_at: recorded.map(|e| format_time(e.at)),
        note: recorded.and_then(|e| e.note.as_deref()),
        concurrent: recorded
            .and_then(|e| e.concurrent.as_ref())
            .map(concurrent_json),
    }
}

/// `translate start`.
#[derive(Serialize)]
struct StartedJson<'a> {
    path: &'a str,
    version: VersionJson<'a>,
    status: StatusJson<'a>,
}

/// `translate set`.
#[derive(Serialize)]
struct StatusDoc<'a> {
    status: StatusJson<'a>,
}

/// `translate diff`: the `diff` document with the two source versions it compares.
#[derive(Serialize)]
struct SourceDiffJson<'a> {
    #[serde(flatten)]
    diff: DiffJson<'a>,
    id: &'a str,
    lang: &'a str,
    source_lang: &'a str,
    source_path: &'a str,
    base: i64,
    head: i64,
    base_sha256: String,
    head_sha256: Option<String>,
    versions: Vec<SourceVersionJson>,
}

#[derive(Serialize)]
struct SourceVersionJson {
    id: i64,
    minor: bool,
}

/// `translate minor`.
#[derive(Serialize)]
struct MinorDoc<'a> {
    minor: MinorJson<'a>,
}

#[derive(Serialize)]
struct MinorJson<'a> {
    id: &'a str,
    version: i64,
    sha256: String,
    minor: bool,
    author: &'a str,
    at: String,
}

/// "¶3 changed", "¶5 added after ¶4", "¶2 moved (now ¶4)" — in translation paragraphs where
/// there is one, else in the source's.
fn paragraph_line(p: &ParagraphChange) -> String {
    let at = |i: Option<usize>| i.map_or_else(|| "?".to_string(), |i| format!("¶{}", i + 1));
    match p.kind {
        ParagraphChangeKind::Added => match p.after_translation {
            Some(after) => format!("{} added after ¶{}", at(p.now), after + 1),
            None => format!("{} added at the start", at(p.now)),
        },
        ParagraphChangeKind::Moved => {
            let edited = if p.edited { ", edited" } else { "" };
            format!("{} moved (now {}{edited})", at(p.base), at(p.now))
        }
        kind => format!("{} {}", at(p.base), kind.as_str()),
    }
}

fn cell_line(c: &GridCell) -> String {
    let mut line = match (c.role, c.status) {
        (Role::Source, _) => "source".to_string(),
        (_, Some(status)) => status.as_str().to_string(),
        (_, None) => "-".to_string(),
    };
    if let Some(from) = &c.translation_of {
        line.push_str(&format!(" from {from}"));
    }
    if let Some(base) = c.base {
        line.push_str(&format!(" (base {base})"));
    }
    if let Some(e) = &c.recorded {
        line.push_str(&format!(", by {} at {}", e.author, format_time(e.at)));
        if let Some(other) = &e.concurrent {
            line.push_str(&format!(
                " (changed at the same time by {} to {}; this change was kept)",
                other.author, other.value
            ));
        }
    } else if c.role == Role::Translation {
        line.push_str(", no status recorded");
    }
    if let Some(o) = &c.outdated {
        let mut what: Vec<String> = o
            .fields
            .iter()
            .filter(|f| f.as_str() != "body")
            .map(|f| f.as_str().to_string())
            .collect();
        what.extend(o.paragraphs.iter().map(paragraph_line));
        if o.base.is_none() {
            what.push(
                "the source changed; the text it was translated from has not arrived here yet, \
                 so what changed cannot be shown"
                    .into(),
            );
        }
        let words = o.words.map_or_else(String::new, |w| {
            format!(" ({} source words changed, {} new)", w.changed, w.new)
        });
        let handled = if o.review.is_empty() {
            String::new()
        } else {
            format!(" [{} of {} handled]", o.handled, o.review.len())
        };
        line.push_str(&format!(" — OUTDATED{words}: {}{handled}", what.join("; ")));
    }
    if let Some(link) = &c.via {
        line.push_str(&format!(
            " — OUTDATED via {} ← {}",
            link.translation, link.source
        ));
    }
    line
}

impl Printer {
    pub fn grid(&self, grid: &TranslationGrid) {
        if self.json {
            self.print_json(&GridJson {
                languages: &grid.languages,
                rows: grid
                    .rows
                    .iter()
                    .map(|r| RowJson {
                        id: &r.id,
                        title: &r.title,
                        issue: r.issue.map(|w| w.to_string()),
                        source_lang: r.source_lang.as_deref(),
                        cells: r.cells.iter().map(cell_json).collect(),
                    })
                    .collect(),
                problems: problems(&grid.problems),
            });
            return;
        }
        for row in &grid.rows {
            let issue = row.issue.map_or_else(|| "-".into(), |w| w.to_string());
            println!("{:<10}  {:<8}  {}", row.id, issue, row.title);
            for cell in &row.cells {
                println!("    {:<3} {}", cell.lang, cell_line(cell));
            }
        }
        for problem in &grid.problems {
            eprintln!("galley: {problem}");
        }
    }

    pub fn started(&self, path: &str, version: &Version, event: &StatusEvent) {
        if self.json {
            self.print_json(&StartedJson {
                path,
                version: version_json(version),
                status: status_json(event),
            });
        } else {
            println!("{path}");
        }
    }

    /// A translation marked done that readiness will still refuse.
    pub fn text_gap(&self, id: &str, lang: &str, gap: &Reason) {
        let blocker = Blocker {
            id: id.to_string(),
            title: String::new(),
            lang: lang.to_string(),
            path: None,
            reason: gap.clone(),
        };
        self.warning(&format!(
            "{id} is marked done, but {}; it is not ready to publish until it is whole",
            blocker.problem()
        ));
    }

    pub fn status_event(&self, event: &StatusEvent) {
        if self.json {
            self.print_json(&StatusDoc {
                status: status_json(event),
            });
            return;
        }
        let base = event.base.map_or_else(String::new, |b| {
            format!(" (base: {} text {})", event.source_lang, b.short())
        });
        println!(
            "{} {}: {}{base}, by {} at {}",
            event.draft_id,
            event.lang,
            event.status.as_str(),
            event.author,
            format_time(event.at)
        );
    }

    pub fn source_diff(&self, source: &SourceDiff, rendered: &str) {
        if self.json {
            self.print_json(&SourceDiffJson {
                diff: diff_json(&source.diff),
                id: &source.id,
                lang: &source.lang,
                source_lang: &source.source_lang,
                source_path: &source.source_path,
                base: source.base,
                head: source.head,
                base_sha256: source.base_hash.to_hex(),
                head_sha256: source.head_hash.map(|h| h.to_hex()),
                versions: source
                    .versions
                    .iter()
                    .map(|&(id, minor)| SourceVersionJson { id, minor })
                    .collect(),
            });
            return;
        }
        println!(
            "{} ({}) since version {} → version {} ({} version{} since the base)",
            source.source_path,
            source.source_lang,
            source.base,
            source.head,
            source.versions.len(),
            if source.versions.len() == 1 { "" } else { "s" }
        );
        if source.diff.is_empty() {
            println!("No differences.");
        } else {
            print!("{rendered}");
            println!("{}", source.diff.stats.summary());
        }
    }

    pub fn minor(&self, version: i64, mark: &MinorMark) {
        if self.json {
            self.print_json(&MinorDoc {
                minor: MinorJson {
                    id: &mark.id,
                    version,
                    sha256: mark.sha256.to_hex(),
                    minor: mark.minor,
                    author: &mark.author,
                    at: format_time(mark.at),
                },
            });
        } else if mark.minor {
            println!("Version {version} is marked minor.");
        } else {
            println!("Version {version} is no longer marked minor.");
        }
    }
}
