//! `galley issue …` output. Positions in JSON are 1-based, like the command line.

use super::documents::{problems, ProblemJson};
use super::{version_json, Printer, VersionJson};
use galley_core::issue::{
    Blocker, Board, BoardCell, BoardRow, LanguageReadiness, Readiness, Reason,
};
use galley_core::translation::Role;
use galley_core::workspace::{IssueList, IssueSummary, IssueView, MoveReport};
use serde::Serialize;
use std::collections::BTreeMap;

/// `issue show`, `issue new`.
#[derive(Serialize)]
struct ViewJson<'a> {
    week: String,
    path: &'a str,
    exists: bool,
    start: String,
    end: String,
    titles: &'a BTreeMap<String, String>,
    sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    /// Null for the commentaries without a section.
    key: Option<&'a str>,
    commentaries: Vec<EntryJson<'a>>,
}

#[derive(Serialize)]
struct EntryJson<'a> {
    id: &'a str,
    title: Option<&'a str>,
    listed: bool,
    has_files: bool,
}

fn view_json(view: &IssueView) -> ViewJson<'_> {
    ViewJson {
        week: view.issue.week.to_string(),
        path: &view.path,
        exists: view.exists,
        start: view.issue.start.to_string(),
        end: view.issue.end.to_string(),
        titles: &view.issue.titles,
        sections: view
            .sections
            .iter()
            .map(|s| SectionJson {
                key: s.key.as_deref(),
                commentaries: s
                    .entries
                    .iter()
                    .map(|e| EntryJson {
                        id: &e.id,
                        title: e.title.as_deref(),
                        listed: e.listed,
                        has_files: e.has_files(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `issue list`.
#[derive(Serialize)]
struct IssuesJson<'a> {
    issues: Vec<IssueSummaryJson<'a>>,
    problems: Vec<ProblemJson>,
}

#[derive(Serialize)]
struct IssueSummaryJson<'a> {
    week: String,
    has_file: bool,
    start: String,
    end: String,
    titles: &'a BTreeMap<String, String>,
    /// Those with files.
    commentaries: usize,
}

impl<'a> From<&'a IssueSummary> for IssueSummaryJson<'a> {
    fn from(i: &'a IssueSummary) -> Self {
        IssueSummaryJson {
            week: i.week.to_string(),
            has_file: i.has_file,
            start: i.start.to_string(),
            end: i.end.to_string(),
            titles: &i.titles,
            commentaries: i.commentaries,
        }
    }
}

/// `issue move`. Positions are 1-based.
#[derive(Serialize)]
struct MovedJson<'a> {
    id: &'a str,
    from: Option<String>,
    to: String,
    section: &'a str,
    position: usize,
    versions: Vec<VersionJson<'a>>,
    files: Vec<FileMoveJson<'a>>,
    issue_files: &'a [String],
}

/// A file that moved or was renamed, workspace-relative.
#[derive(Serialize)]
pub(super) struct FileMoveJson<'a> {
    from: &'a str,
    to: &'a str,
}

pub(super) fn file_moves(files: &[(String, String)]) -> Vec<FileMoveJson<'_>> {
    files
        .iter()
        .map(|(from, to)| FileMoveJson { from, to })
        .collect()
}

/// `issue board`.
#[derive(Serialize)]
struct BoardJson<'a> {
    week: String,
    languages: &'a [String],
    rows: Vec<RowJson<'a>>,
    problems: Vec<ProblemJson>,
    conflicts: Vec<BoardConflictJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    id: &'a str,
    title: Option<&'a str>,
    section: Option<&'a str>,
    listed: bool,
    /// draft, in-review or approved.
    editorial: &'static str,
    editorial_by: Option<&'a str>,
    editorial_at: Option<String>,
    editorial_note: Option<&'a str>,
    cells: Vec<CellJson<'a>>,
}

#[derive(Serialize)]
struct CellJson<'a> {
    lang: &'a str,
    role: &'static str,
    path: Option<&'a str>,
    title: &'a str,
    /// Null for the source.
    translation: Option<&'static str>,
    translation_of: Option<&'a str>,
    outdated: bool,
    words: Option<usize>,
    paragraphs: Option<usize>,
    sha256: Option<String>,
    approved_sha256: Option<String>,
    changed_since_approval: bool,
    empty_fields: Vec<&'static str>,
    invalid: &'a [String],
    missing_links: &'a [String],
}

#[derive(Serialize)]
struct BoardConflictJson<'a> {
    path: &'a str,
    copy_of: Option<&'a str>,
    id: Option<&'a str>,
}

fn cell_json(c: &BoardCell) -> CellJson<'_> {
    CellJson {
        lang: &c.lang,
        role: c.role.as_str(),
        path: c.path.as_deref(),
        title: &c.title,
        translation: c.translation.map(|s| s.as_str()),
        translation_of: c.translation_of.as_deref(),
        outdated: c.outdated,
        words: c.words,
        paragraphs: c.paragraphs,
        sha256: c.sha256.map(|h| h.to_hex()),
        approved_sha256: c
            .approval
            .as_ref()
            .and_then(|a| a.approved)
            .map(|h| h.to_hex()),
        changed_since_approval: c.approval.as_ref().is_some_and(|a| a.changed),
        empty_fields: c.empty_fields.iter().map(|f| f.as_str()).collect(),
        invalid: &c.invalid,
        missing_links: &c.missing_links,
    }
}

fn row_json(r: &BoardRow) -> RowJson<'_> {
    let event = r.editorial_event.as_ref();
    RowJson {
        id: &r.id,
        title: r.title.as_deref(),
        section: r.section.as_deref(),
        listed: r.listed,
        editorial: r.editorial.as_str(),
        editorial_by: event.map(|e| e.author.as_str()),
        editorial_at: event.map(|e| galley_core::clock::format_time(e.at)),
        editorial_note: event.and_then(|e| e.note.as_deref()),
        cells: r.cells.iter().map(cell_json).collect(),
    }
}

/// `issue check`.
#[derive(Serialize)]
struct ReadinessJson<'a> {
    week: String,
    ready: bool,
    languages: Vec<LanguageJson<'a>>,
}

#[derive(Serialize)]
struct LanguageJson<'a> {
    lang: &'a str,
    ready: bool,
    blockers: Vec<BlockerJson<'a>>,
}

/// The language's blockers as `issue check` and `export` print them.
pub(super) fn blockers(l: &LanguageReadiness) -> Vec<BlockerJson<'_>> {
    l.blockers.iter().map(BlockerJson::from).collect()
}

#[derive(Serialize)]
pub(super) struct BlockerJson<'a> {
    /// Empty for a reason that names no commentary.
    id: &'a str,
    title: &'a str,
    lang: &'a str,
    path: Option<&'a str>,
    reason: &'static str,
    detail: DetailJson<'a>,
    problem: String,
    what_to_do: String,
}

impl<'a> From<&'a Blocker> for BlockerJson<'a> {
    fn from(b: &'a Blocker) -> Self {
        BlockerJson {
            id: &b.id,
            title: &b.title,
            lang: &b.lang,
            path: b.path.as_deref(),
            reason: b.reason.kind(),
            detail: DetailJson::from(&b.reason),
            problem: b.problem(),
            what_to_do: b.what_to_do(),
        }
    }
}

/// The reason's own facts, by kind: an object whose fields depend on `reason`.
#[derive(Serialize)]
#[serde(untagged)]
enum DetailJson<'a> {
    Status {
        status: &'static str,
    },
    SourceLang {
        source_lang: &'a str,
    },
    Approval {
        approved_sha256: Option<String>,
        sha256: String,
    },
    Field {
        field: &'static str,
    },
    Paragraphs {
        source_lang: &'a str,
        paragraphs: usize,
        source_paragraphs: usize,
    },
    Week {
        week: String,
    },
    FileName {
        slug: &'a str,
        other: Option<&'a str>,
    },
    Message {
        message: &'a str,
    },
    Target {
        target: &'a str,
    },
    IssueFile {
        issue_file: &'a str,
    },
    Conflict {
        file: &'a str,
        copy_of: Option<&'a str>,
    },
    /// `{}`: the kind says it all.
    Nothing {},
}

impl<'a> From<&'a Reason> for DetailJson<'a> {
    fn from(reason: &'a Reason) -> Self {
        match reason {
            Reason::NotApproved { status } => DetailJson::Status {
                status: status.as_str(),
            },
            Reason::TranslationNotDone { status } => DetailJson::Status {
                status: status.as_str(),
            },
            Reason::TranslationOutdated { source_lang } => DetailJson::SourceLang { source_lang },
            Reason::ChangedSinceApproval { approved, now } => DetailJson::Approval {
                approved_sha256: approved.map(|h| h.to_hex()),
                sha256: now.to_hex(),
            },
            Reason::FieldEmpty { field } => DetailJson::Field {
                field: field.as_str(),
            },
            Reason::ParagraphsMissing {
                source_lang,
                paragraphs,
                source_paragraphs,
            } => DetailJson::Paragraphs {
                source_lang,
                paragraphs: *paragraphs,
                source_paragraphs: *source_paragraphs,
            },
            Reason::IssueTitleMissing { week } => DetailJson::Week {
                week: week.to_string(),
            },
            Reason::UnusableFileName { slug, other } => DetailJson::FileName {
                slug,
                other: other.as_deref(),
            },
            Reason::InvalidDraft { message } => DetailJson::Message { message },
            Reason::MissingLinkTarget { target } => DetailJson::Target { target },
            Reason::NoFiles { issue_file } => DetailJson::IssueFile { issue_file },
            Reason::Conflict { file, copy_of } => DetailJson::Conflict {
                file,
                copy_of: copy_of.as_deref(),
            },
            Reason::TranslationMissing | Reason::BodyEmpty | Reason::NoSection => {
                DetailJson::Nothing {}
            }
        }
    }
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
            self.print_json(&IssuesJson {
                issues: list.issues.iter().map(Into::into).collect(),
                problems: problems(&list.problems),
            });
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
            self.print_json(&MovedJson {
                id: &report.id,
                from: report.from.map(|w| w.to_string()),
                to: report.to.to_string(),
                section: &report.section,
                position: report.position + 1,
                versions: report.versions.iter().map(version_json).collect(),
                files: file_moves(&report.files),
                issue_files: &report.issue_files,
            });
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
            self.print_json(&BoardJson {
                week: board.week.to_string(),
                languages: &board.languages,
                rows: board.rows.iter().map(row_json).collect(),
                problems: problems(&board.problems),
                conflicts: board
                    .conflicts
                    .iter()
                    .map(|c| BoardConflictJson {
                        path: &c.path,
                        copy_of: c.copy_of.as_deref(),
                        id: c.id.as_deref(),
                    })
                    .collect(),
            });
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
            self.print_json(&ReadinessJson {
                week: readiness.week.to_string(),
                ready: readiness.is_ready(),
                languages: readiness
                    .languages
                    .iter()
                    .map(|l| LanguageJson {
                        lang: &l.lang,
                        ready: l.is_ready(),
                        blockers: blockers(l),
                    })
                    .collect(),
            });
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
