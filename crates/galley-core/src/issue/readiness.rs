//! The readiness check: per language, every concrete reason the issue cannot be published yet,
//! each naming the commentary, the language and what to do. Pure: it judges a [`Board`].
//!
//! This is the one rule set for publishing: `issue check`, the board and `export` (with or
//! without `--only-complete`) all ask it, so a language called ready is a language export
//! publishes. Anything the bundle would refuse (an issue without a title in the language, a
//! commentary without a section, a file name that cannot name a page) is a reason here first.

use super::board::{Board, BoardConflict, BoardRow, RequiredField};
use crate::draft::IsoWeek;
use crate::hash::ContentHash;
use crate::records::{EditorialStatus, TranslationStatus};
use crate::translation::Role;

/// Why one language version keeps the issue from being published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The commentary's editorial status is not approved.
    NotApproved { status: EditorialStatus },
    /// There is no file in this language.
    TranslationMissing,
    /// The translation's status is in progress or in review.
    TranslationNotDone { status: TranslationStatus },
    /// The translation was done, but its source (`source_lang`) changed since.
    TranslationOutdated { source_lang: String },
    /// The text changed, other than in minor ways, since the editor approved `approved` (`None`
    /// when the approval names no text in this language).
    ChangedSinceApproval {
        approved: Option<ContentHash>,
        now: ContentHash,
    },
    /// A required front matter field is empty.
    FieldEmpty { field: RequiredField },
    /// The body has no text at all.
    BodyEmpty,
    /// The translation has fewer paragraphs than its source (`source_lang`): whole paragraphs
    /// were left untranslated.
    ParagraphsMissing {
        source_lang: String,
        paragraphs: usize,
        source_paragraphs: usize,
    },
    /// The issue has no title in this language. Names no commentary.
    IssueTitleMissing { week: IsoWeek },
    /// The commentary has no section, so the issue has no place for it.
    NoSection,
    /// The file name (`slug`, without `.<lang>.md`) cannot name a page: it is not lowercase
    /// letters, digits and dashes, is reserved (`index`, `email`, `feed`), or another
    /// commentary of the issue (`other`) has it too.
    UnusableFileName { slug: String, other: Option<String> },
    /// The file fails validation.
    InvalidDraft { message: String },
    /// A relative link or image in the body points to a file the workspace does not have.
    MissingLinkTarget { target: String },
    /// The issue file (`issue_file`, workspace-relative) lists the id, but no draft has it.
    NoFiles { issue_file: String },
    /// A conflict left by git or a sync tool: `file` (workspace-relative) has merge conflict
    /// markers, or, with `copy_of`, is a conflict copy of that file. Blocks every language.
    Conflict {
        file: String,
        copy_of: Option<String>,
    },
}

impl Reason {
    /// Every tag [`Reason::kind`] gives, for shells that keep a text per reason (the app's
    /// catalogues are checked against it).
    pub const KINDS: [&'static str; 15] = [
        "not_approved",
        "translation_missing",
        "translation_not_done",
        "translation_outdated",
        "changed_since_approval",
        "field_empty",
        "body_empty",
        "paragraphs_missing",
        "issue_title_missing",
        "no_section",
        "unusable_file_name",
        "invalid_draft",
        "missing_link_target",
        "no_files",
        "conflict",
    ];

    /// The reason's own facts by name, for a shell to put into its own words (absent optional
    /// facts are left out). Statuses and fields are their stable tags (`in-review`, `trend`).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = Vec::new();
        match self {
            Reason::NotApproved { status } => args.push(("status", status.as_str().to_string())),
            Reason::TranslationNotDone { status } => {
                args.push(("status", status.as_str().to_string()))
            }
            Reason::TranslationOutdated { source_lang } => {
                args.push(("source_lang", source_lang.clone()))
            }
            Reason::ChangedSinceApproval { approved, now } => {
                if let Some(approved) = approved {
                    args.push(("approved", approved.short()));
                }
                args.push(("now", now.short()));
            }
            Reason::FieldEmpty { field } => args.push(("field", field.as_str().to_string())),
            Reason::ParagraphsMissing {
                source_lang,
                paragraphs,
                source_paragraphs,
            } => {
                args.push(("source_lang", source_lang.clone()));
                args.push(("paragraphs", paragraphs.to_string()));
                args.push(("source_paragraphs", source_paragraphs.to_string()));
            }
            Reason::IssueTitleMissing { week } => args.push(("week", week.to_string())),
            Reason::UnusableFileName { slug, other } => {
                args.push(("slug", slug.clone()));
                if let Some(other) = other {
                    args.push(("other", other.clone()));
                }
            }
            Reason::InvalidDraft { message } => args.push(("message", message.clone())),
            Reason::MissingLinkTarget { target } => args.push(("target", target.clone())),
            Reason::NoFiles { issue_file } => args.push(("issue_file", issue_file.clone())),
            Reason::Conflict { file, copy_of } => {
                args.push(("file", file.clone()));
                if let Some(copy_of) = copy_of {
                    args.push(("copy_of", copy_of.clone()));
                }
            }
            Reason::TranslationMissing | Reason::BodyEmpty | Reason::NoSection => {}
        }
        args
    }

    /// The stable tag for JSON and the UI.
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::NotApproved { .. } => "not_approved",
            Reason::TranslationMissing => "translation_missing",
            Reason::TranslationNotDone { .. } => "translation_not_done",
            Reason::TranslationOutdated { .. } => "translation_outdated",
            Reason::ChangedSinceApproval { .. } => "changed_since_approval",
            Reason::FieldEmpty { .. } => "field_empty",
            Reason::BodyEmpty => "body_empty",
            Reason::ParagraphsMissing { .. } => "paragraphs_missing",
            Reason::IssueTitleMissing { .. } => "issue_title_missing",
            Reason::NoSection => "no_section",
            Reason::UnusableFileName { .. } => "unusable_file_name",
            Reason::InvalidDraft { .. } => "invalid_draft",
            Reason::MissingLinkTarget { .. } => "missing_link_target",
            Reason::NoFiles { .. } => "no_files",
            Reason::Conflict { .. } => "conflict",
        }
    }
}

/// One reason, for one commentary in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocker {
    /// The commentary id.
    pub id: String,
    /// The commentary's title in this language, else its source title, else empty.
    pub title: String,
    pub lang: String,
    /// The language version's file, when it has one.
    pub path: Option<String>,
    pub reason: Reason,
}

impl Blocker {
    /// What the problem is, as a sentence.
    pub fn problem(&self) -> String {
        let lang = &self.lang;
        match &self.reason {
            Reason::NotApproved { status } => {
                format!(
                    "the commentary is not approved (it is {})",
                    status_words(*status)
                )
            }
            Reason::TranslationMissing => format!("there is no {lang} version"),
            Reason::TranslationNotDone { status } => {
                format!(
                    "the {lang} translation is {}",
                    status.as_str().replace('-', " ")
                )
            }
            Reason::TranslationOutdated { source_lang } => {
                format!("the {lang} translation is outdated: its {source_lang} source changed since it was done")
            }
            Reason::ChangedSinceApproval {
                approved: Some(approved),
                ..
            } => format!(
                "the {lang} text changed since it was approved (approved text {})",
                approved.short()
            ),
            Reason::ChangedSinceApproval { approved: None, .. } => {
                format!("the {lang} text is not the one approved: the approval names no {lang} text")
            }
            Reason::FieldEmpty { field } => format!("`{}` is empty", field.as_str()),
            Reason::BodyEmpty => format!("the {lang} text has no body"),
            Reason::ParagraphsMissing {
                source_lang,
                paragraphs,
                source_paragraphs,
            } => format!(
                "the {lang} text has {paragraphs} paragraph{} where its {source_lang} source has {source_paragraphs}",
                if *paragraphs == 1 { "" } else { "s" }
            ),
            Reason::IssueTitleMissing { week } => {
                format!("issue {week} has no {lang} title")
            }
            Reason::NoSection => "the commentary has no section".to_string(),
            Reason::UnusableFileName { slug, other: None } => format!(
                "its file name `{slug}` cannot name a page (it must be lowercase letters, digits and dashes, and not index, email or feed)"
            ),
            Reason::UnusableFileName {
                slug,
                other: Some(other),
            } => format!("its file name `{slug}` is also commentary {other}'s"),
            Reason::InvalidDraft { message } => format!("the draft is invalid: {message}"),
            Reason::MissingLinkTarget { target } => {
                format!("the text links to `{target}`, which is not in the workspace")
            }
            Reason::NoFiles { .. } => {
                "the issue file lists it, but no draft has this id".to_string()
            }
            Reason::Conflict {
                file,
                copy_of: None,
            } => format!("{file} has merge conflict markers, so it has two texts"),
            Reason::Conflict {
                file,
                copy_of: Some(original),
            } => format!("{file} is a sync tool's conflict copy of {original}"),
        }
    }

    /// What to do about it, naming the command where there is one.
    pub fn what_to_do(&self) -> String {
        let (id, lang) = (&self.id, &self.lang);
        let path = self.path.as_deref().unwrap_or("its file");
        match &self.reason {
            Reason::NotApproved { status } => {
                let next = match status {
                    EditorialStatus::Draft => "send it to review (`galley review set {id} in-review`), then approve it",
                    _ => "approve it: `galley review set {id} approved`",
                };
                next.replace("{id}", id)
            }
            Reason::TranslationMissing => {
                format!("translate it into {lang}: `galley translate start {id} --lang {lang}`")
            }
            Reason::TranslationNotDone { .. } => format!(
                "finish the {lang} translation and mark it done: `galley translate set {id} {lang} done`"
            ),
            Reason::TranslationOutdated { .. } => format!(
                "bring the {lang} translation up to date (`galley translate diff {id} {lang}` shows \
                 what changed), then mark it done again: `galley translate set {id} {lang} done`"
            ),
            Reason::ChangedSinceApproval { now, .. } => format!(
                "see what changed with `galley review diff {id} {lang}`, then approve it again \
                 (`galley review set {id} approved`), or, if the change is minor, have its author \
                 mark it: `galley translate minor {}`",
                now.short()
            ),
            Reason::FieldEmpty { field } => format!("fill in `{}` in {path}", field.as_str()),
            Reason::BodyEmpty => format!("write the text of {path}"),
            Reason::ParagraphsMissing { source_lang, .. } => format!(
                "translate every paragraph of the {source_lang} source into {path} (`galley show` the source to compare)"
            ),
            Reason::IssueTitleMissing { week } => format!(
                "give it one: `galley issue title {week} {lang} \"TITLE\"`"
            ),
            Reason::NoSection => format!(
                "give it a section: `galley issue move {id} --to WEEK --section KEY`"
            ),
            Reason::UnusableFileName { .. } => "rename its files (every language) to a name of \
                 lowercase letters, digits and dashes that no other commentary of the issue has, \
                 then `galley record`"
                .to_string(),
            Reason::InvalidDraft { .. } => {
                format!("fix {path} (`galley check` lists every problem)")
            }
            Reason::MissingLinkTarget { target } => format!(
                "add `{target}` to the workspace or correct the link in {path}"
            ),
            Reason::NoFiles { issue_file } => {
                format!("remove {id} from {issue_file} or bring its drafts back")
            }
            Reason::Conflict {
                file,
                copy_of: None,
            } => format!(
                "open {file}, compare both sides, keep one, and delete the marker lines \
                 (`<<<<<<<`, `=======`, `>>>>>>>`)"
            ),
            Reason::Conflict {
                file,
                copy_of: Some(original),
            } => format!(
                "compare {file} with {original}, keep what you want in {original}, then delete \
                 {file}"
            ),
        }
    }
}

fn status_words(status: EditorialStatus) -> &'static str {
    match status {
        EditorialStatus::Draft => "a draft",
        EditorialStatus::InReview => "in review",
        EditorialStatus::Approved => "approved",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageReadiness {
    pub lang: String,
    /// In publication order of the commentaries.
    pub blockers: Vec<Blocker>,
}

impl LanguageReadiness {
    pub fn is_ready(&self) -> bool {
        self.blockers.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub week: IsoWeek,
    /// One per language of the board, in its order.
    pub languages: Vec<LanguageReadiness>,
}

impl Readiness {
    /// Every language can be published.
    pub fn is_ready(&self) -> bool {
        self.languages.iter().all(LanguageReadiness::is_ready)
    }
}

/// Judges the board.
pub fn readiness(board: &Board) -> Readiness {
    let slugs = row_slugs(board);
    let languages = board
        .languages
        .iter()
        .enumerate()
        .map(|(index, lang)| LanguageReadiness {
            lang: lang.clone(),
            blockers: title_blocker(board, lang)
                .into_iter()
                .chain(
                    board
                        .conflicts
                        .iter()
                        .map(|conflict| conflict_blocker(board, conflict, lang)),
                )
                .chain(
                    board
                        .rows
                        .iter()
                        .flat_map(|row| row_blockers(board.week, row, index, lang, &slugs)),
                )
                .collect(),
        })
        .collect();
    Readiness {
        week: board.week,
        languages,
    }
}

/// Whether a language version's body is whole: not empty, and — for a translation — with as
/// many paragraphs as its source (`source`: its language and paragraph count). The one rule
/// behind readiness and the warning of `translate set … done`.
pub fn text_gap(paragraphs: usize, source: Option<(&str, usize)>) -> Option<Reason> {
    if paragraphs == 0 {
        return Some(Reason::BodyEmpty);
    }
    match source {
        Some((source_lang, source_paragraphs)) if source_paragraphs > paragraphs => {
            Some(Reason::ParagraphsMissing {
                source_lang: source_lang.to_string(),
                paragraphs,
                source_paragraphs,
            })
        }
        _ => None,
    }
}

/// The issue needs a title in every language it is published in.
fn title_blocker(board: &Board, lang: &str) -> Option<Blocker> {
    let has_title = board.titles.get(lang).is_some_and(|t| !t.trim().is_empty());
    (!has_title).then(|| Blocker {
        id: String::new(),
        title: board.week.to_string(),
        lang: lang.to_string(),
        path: Some(super::file::issue_path(board.week)),
        reason: Reason::IssueTitleMissing { week: board.week },
    })
}

/// The file name each row's pages are named by: its source's, else its first file's.
fn row_slugs(board: &Board) -> Vec<(String, String)> {
    board
        .rows
        .iter()
        .filter_map(|row| {
            let slug = row
                .cells
                .iter()
                .find(|c| c.role == Role::Source && c.slug.is_some())
                .or_else(|| row.cells.iter().find(|c| c.slug.is_some()))
                .and_then(|c| c.slug.clone())?;
            Some((row.id.clone(), slug))
        })
        .collect()
}

/// Why the row's file name cannot name its pages, if it cannot.
fn slug_reason(row: &BoardRow, slugs: &[(String, String)]) -> Option<Reason> {
    let (_, slug) = slugs.iter().find(|(id, _)| *id == row.id)?;
    if !crate::bundle::is_publishable_slug(slug) {
        return Some(Reason::UnusableFileName {
            slug: slug.clone(),
            other: None,
        });
    }
    slugs
        .iter()
        .find(|(id, other)| *id != row.id && other == slug)
        .map(|(other, _)| Reason::UnusableFileName {
            slug: slug.clone(),
            other: Some(other.clone()),
        })
}

/// A conflict blocks every language; it is named by its commentary when the board knows it.
fn conflict_blocker(board: &Board, conflict: &BoardConflict, lang: &str) -> Blocker {
    let id = conflict.id.clone().unwrap_or_default();
    let title = board
        .rows
        .iter()
        .find(|row| !id.is_empty() && row.id == id)
        .and_then(|row| row.title.clone())
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| conflict.path.clone());
    Blocker {
        id,
        title,
        lang: lang.to_string(),
        path: Some(conflict.path.clone()),
        reason: Reason::Conflict {
            file: conflict.path.clone(),
            copy_of: conflict.copy_of.clone(),
        },
    }
}

fn row_blockers(
    week: IsoWeek,
    row: &BoardRow,
    index: usize,
    lang: &str,
    slugs: &[(String, String)],
) -> Vec<Blocker> {
    let cell = row.cells.get(index).filter(|c| c.lang == lang);
    let title = cell
        .map(|c| c.title.clone())
        .filter(|t| !t.trim().is_empty())
        .or_else(|| row.title.clone())
        .unwrap_or_default();
    let path = cell.and_then(|c| c.path.clone());
    let blocker = |reason: Reason| Blocker {
        id: row.id.clone(),
        title: title.clone(),
        lang: lang.to_string(),
        path: path.clone(),
        reason,
    };
    if row.title.is_none() {
        return vec![blocker(Reason::NoFiles {
            issue_file: super::file::issue_path(week),
        })];
    }
    if !row.readable {
        let invalid = cell.map(|c| c.invalid.clone()).unwrap_or_default();
        return invalid
            .into_iter()
            .map(|message| blocker(Reason::InvalidDraft { message }))
            .collect();
    }
    let mut out = Vec::new();
    if row.editorial != EditorialStatus::Approved {
        out.push(blocker(Reason::NotApproved {
            status: row.editorial,
        }));
    }
    if row.section.is_none() {
        out.push(blocker(Reason::NoSection));
    }
    if let Some(reason) = slug_reason(row, slugs) {
        out.push(blocker(reason));
    }
    let Some(cell) = cell else {
        out.push(blocker(Reason::TranslationMissing));
        return out;
    };
    if let (Some(approval), Some(now)) = (&cell.approval, cell.sha256) {
        if approval.changed {
            out.push(blocker(Reason::ChangedSinceApproval {
                approved: approval.approved,
                now,
            }));
        }
    }
    // A translation still being worked on, or behind its source, is told so; whether its
    // text is whole is asked once it claims to be done and current.
    let mut claims_whole = true;
    match (cell.role, cell.translation) {
        (Role::Missing, _) if cell.invalid.is_empty() => {
            out.push(blocker(Reason::TranslationMissing));
        }
        (Role::Translation, Some(status)) if status != TranslationStatus::Done => {
            out.push(blocker(Reason::TranslationNotDone { status }));
            claims_whole = false;
        }
        (Role::Translation, _) if cell.outdated => {
            out.push(blocker(Reason::TranslationOutdated {
                source_lang: cell.translation_of.clone().unwrap_or_default(),
            }));
            claims_whole = false;
        }
        _ => {}
    }
    for message in &cell.invalid {
        out.push(blocker(Reason::InvalidDraft {
            message: message.clone(),
        }));
    }
    for field in &cell.empty_fields {
        out.push(blocker(Reason::FieldEmpty { field: *field }));
    }
    if let Some(paragraphs) = cell.paragraphs.filter(|_| claims_whole) {
        let source = cell.translation_of.as_deref().and_then(|source_lang| {
            let source = row.cells.iter().find(|c| c.lang == source_lang)?;
            Some((source_lang, source.paragraphs?))
        });
        if let Some(reason) = text_gap(paragraphs, source) {
            out.push(blocker(reason));
        }
    }
    for target in &cell.missing_links {
        out.push(blocker(Reason::MissingLinkTarget {
            target: target.clone(),
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// One of each reason. The match below has no wildcard, so a new reason fails to compile
    /// here until it has an example (and so a place in `KINDS`, checked next).
    fn examples() -> Vec<Reason> {
        let hash = ContentHash::of(b"text");
        let all = vec![
            Reason::NotApproved {
                status: EditorialStatus::Draft,
            },
            Reason::TranslationMissing,
            Reason::TranslationNotDone {
                status: TranslationStatus::InProgress,
            },
            Reason::TranslationOutdated {
                source_lang: "be".into(),
            },
            Reason::ChangedSinceApproval {
                approved: Some(hash),
                now: hash,
            },
            Reason::FieldEmpty {
                field: RequiredField::Trend,
            },
            Reason::BodyEmpty,
            Reason::ParagraphsMissing {
                source_lang: "be".into(),
                paragraphs: 1,
                source_paragraphs: 2,
            },
            Reason::IssueTitleMissing {
                week: "2020-W21".parse().expect("week"),
            },
            Reason::NoSection,
            Reason::UnusableFileName {
                slug: "index".into(),
                other: None,
            },
            Reason::InvalidDraft {
                message: "bad".into(),
            },
            Reason::MissingLinkTarget {
                target: "a.png".into(),
            },
            Reason::NoFiles {
                issue_file: "2020-W21/issue.toml".into(),
            },
            Reason::Conflict {
                file: "a.md".into(),
                copy_of: None,
            },
        ];
        for reason in &all {
            match reason {
                Reason::NotApproved { .. }
                | Reason::TranslationMissing
                | Reason::TranslationNotDone { .. }
                | Reason::TranslationOutdated { .. }
                | Reason::ChangedSinceApproval { .. }
                | Reason::FieldEmpty { .. }
                | Reason::BodyEmpty
                | Reason::ParagraphsMissing { .. }
                | Reason::IssueTitleMissing { .. }
                | Reason::NoSection
                | Reason::UnusableFileName { .. }
                | Reason::InvalidDraft { .. }
                | Reason::MissingLinkTarget { .. }
                | Reason::NoFiles { .. }
                | Reason::Conflict { .. } => {}
            }
        }
        all
    }

    #[test]
    fn kinds_lists_every_reason_once() {
        let kinds: BTreeSet<&str> = examples().iter().map(Reason::kind).collect();
        let listed: BTreeSet<&str> = Reason::KINDS.into_iter().collect();
        assert_eq!(listed.len(), Reason::KINDS.len(), "a kind is listed twice");
        assert_eq!(kinds, listed);
    }

    #[test]
    fn args_name_the_facts_the_sentence_uses() {
        let missing = Reason::ParagraphsMissing {
            source_lang: "be".into(),
            paragraphs: 1,
            source_paragraphs: 3,
        };
        assert_eq!(
            missing.args(),
            vec![
                ("source_lang", "be".to_string()),
                ("paragraphs", "1".to_string()),
                ("source_paragraphs", "3".to_string())
            ]
        );
        let field = Reason::FieldEmpty {
            field: RequiredField::Trend,
        };
        assert_eq!(field.args(), vec![("field", "trend".to_string())]);
        let copy = Reason::Conflict {
            file: "a (1).md".into(),
            copy_of: Some("a.md".into()),
        };
        assert_eq!(copy.args().len(), 2);
        assert!(Reason::NoSection.args().is_empty());
    }
}
