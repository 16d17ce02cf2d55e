//! XLIFF through the workspace: exporting one commentary's translation job for a target
//! language, and importing the translated file back as a version by the translator.
//!
//! The job is always built from the workspace as it is now: export from the newest recorded
//! versions (recording the files first if history has not seen them), import against the same
//! job rebuilt at import time, so a file whose source or translation moved on since export is
//! refused by `crate::xliff::import`. Import builds that job without recording anything: a file
//! on disk that differs from its newest version means it was edited after the export, and the
//! import is refused. Refusals change nothing on disk or in history.
//!
//! A job for a language with no file yet exports every unit as needing translation; importing
//! it creates the file next to the source (`<slug>.<lang>.md`, front matter carried over as
//! `start_translation` does) with status in progress and the exported source version as base.
//! If nothing in the file was translated, nothing is created.

use super::folder::Found;
use super::translate::{find_lang, source_of, translation_path};
use super::{SaveOutcome, VersionRef, Workspace};
use crate::draft::{render_new, update, Draft, MAX_DRAFT_BYTES};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::Version;
use crate::records::TranslationStatus;
use crate::xliff::{
    self, carry, job_words, target_units, units_of, ExportJob, ImportExpectation,
    ImportedTranslation, JobWords, SourceBase, TargetState, XliffHeader,
};
use std::path::Path;

/// An exported job: the file name to offer (`<id>.<source>-<target>.xlf`) and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffExport {
    pub file_name: String,
    pub xml: String,
    /// The job's source words per unit and by match, as CAT tools quote them.
    pub words: JobWords,
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct XliffImport {
    pub commentary: String,
    pub source_lang: String,
    pub target_lang: String,
    /// The translation's workspace-relative path (where it would be, when nothing was created).
    pub path: String,
    /// The new version when `changed`; otherwise the translation's current version, if any.
    pub version: Option<Version>,
    /// False when the file brought nothing new (nothing was written or recorded).
    pub changed: bool,
    /// True when the import created the translation's file.
    pub created: bool,
    /// True when the job carried an outdated translation onto the source as it is now and
    /// every unit that needed work came back done: the translation's base moved to the
    /// source version the job was exported from.
    pub caught_up: bool,
}

/// A draft as it is on disk, with the hash of its exact bytes.
struct OnDisk {
    rel: String,
    draft: Draft,
    version: Version,
}

/// The job and what it was built from.
struct Job {
    job: ExportJob,
    source: OnDisk,
    target: Option<OnDisk>,
    /// The translation's base, when the source changed since and the translation was carried
    /// onto the source as it is now.
    carried_from: Option<ContentHash>,
}

impl Workspace {
    /// Exports the translation job of commentary `id` into `lang` as XLIFF 1.2: the source
    /// language version's units (its newest version; the source and translation files are
    /// recorded first if history has not seen them yet) and the translation's existing units
    /// with states from its status (done → `final`, in review → `needs-review-translation`,
    /// otherwise `translated`). `lang` need not have a file yet.
    pub fn xliff_export(&mut self, id: &str, lang: &str) -> Result<XliffExport> {
        let (job, _) = self.job_to_export(id, lang)?;
        Ok(XliffExport {
            file_name: format!(
                "{}.{}-{}.xlf",
                file_name_safe(&job.commentary),
                file_name_safe(&job.source_lang),
                file_name_safe(&job.target_lang)
            ),
            xml: xliff::export(&job),
            words: job_words(&job),
        })
    }

    /// The job of commentary `id` into `lang` as an export writes it (files recorded first),
    /// and the translation's newest version (the source's when there is no translation).
    pub(super) fn job_to_export(&mut self, id: &str, lang: &str) -> Result<(ExportJob, Version)> {
        let built = self.xliff_job(id, lang, true)?;
        let newest = built.target.map_or(built.source.version, |t| t.version);
        Ok((built.job, newest))
    }

    /// Imports a translated XLIFF file (`file_name` names it in errors): checks it against the
    /// job as it would be exported now, writes the translation (creating its file if needed)
    /// through the same path as `save`, attributed to the workspace's author, and sets the
    /// status to in progress if it had none. A file that changes nothing records nothing.
    pub fn xliff_import(&mut self, xml: &str, file_name: &str) -> Result<XliffImport> {
        let header = xliff::header(xml, file_name)?;
        self.import_job(&header, file_name, |expect| xliff::import(xml, expect))
    }

    /// Imports a translated job, whichever file format `read` parses (XLIFF or PO): checks
    /// it against the job as it would be exported now and writes it (see [`Self::xliff_import`]).
    pub(super) fn import_job(
        &mut self,
        header: &XliffHeader,
        file_name: &str,
        read: impl FnOnce(&ImportExpectation) -> Result<ImportedTranslation>,
    ) -> Result<XliffImport> {
        self.check_versions_belong(header, file_name)?;
        let built = self.xliff_job(&header.commentary, &header.target_lang, false)?;
        let expect = ImportExpectation {
            file: file_name.to_string(),
            job: built.job.clone(),
        };
        let imported = read(&expect)?;
        let job = built.job;
        let mut result = XliffImport {
            commentary: job.commentary.clone(),
            source_lang: job.source_lang.clone(),
            target_lang: job.target_lang.clone(),
            path: String::new(),
            version: None,
            changed: false,
            created: false,
            caught_up: false,
        };
        match built.target {
            Some(target) => {
                result.path = target.rel.clone();
                let (version, changed) = self.import_into(&target, &built.source, &imported)?;
                result.version = Some(version);
                result.changed = changed;
                if built.carried_from.is_some() && imported.pending.is_empty() {
                    self.catch_up(&job, built.source.version.hash)?;
                    result.caught_up = true;
                } else if changed {
                    let status = self.records().status(&job.commentary, &job.target_lang);
                    if status.is_none_or(|e| e.status == TranslationStatus::Missing) {
                        self.set_translation_status(
                            &job.commentary,
                            &job.target_lang,
                            TranslationStatus::InProgress,
                            None,
                        )?;
                    }
                }
            }
            None => {
                let source = &built.source;
                result.path = translation_path(&source.rel, &job.source_lang, &job.target_lang);
                if nothing_translated(&imported) {
                    return Ok(result);
                }
                let mut front = source.draft.front().clone();
                front.title = String::new();
                front.lead = String::new();
                front.lang = job.target_lang.clone();
                front.translation_of = Some(job.source_lang.clone());
                let (front, body) = xliff::apply(&front, source.draft.body(), &imported);
                let text = render_new(&front, &body);
                Draft::parse(Path::new(&result.path), text.as_bytes())?;
                let version = match self.save(&result.path, &text, None)? {
                    SaveOutcome::Saved(version) => version,
                    _ => return Err(appeared(&result.path)),
                };
                self.set_status_record(
                    &job.commentary,
                    &job.target_lang,
                    TranslationStatus::InProgress,
                    &job.source_lang,
                    source.version.hash,
                    None,
                )?;
                result.version = Some(version);
                result.changed = true;
                result.created = true;
            }
        }
        Ok(result)
    }

    /// Moves the translation's base to the source text the job was exported from, keeping its
    /// status (in progress when it had none): every change since the old base was handled.
    fn catch_up(&mut self, job: &ExportJob, source: Option<ContentHash>) -> Result<()> {
        let status = self
            .records()
            .status(&job.commentary, &job.target_lang)
            .map(|e| e.status)
            .filter(|s| *s != TranslationStatus::Missing)
            .unwrap_or(TranslationStatus::InProgress);
        self.set_status_record(
            &job.commentary,
            &job.target_lang,
            status,
            &job.source_lang,
            source,
            None,
        )?;
        Ok(())
    }

    /// A file whose commentary or languages were edited still names the versions it was
    /// exported from: say so plainly rather than "the source moved on".
    fn check_versions_belong(&self, header: &XliffHeader, file_name: &str) -> Result<()> {
        let versions = [
            (Some(&header.source_version), &header.source_lang),
            (header.target_version.as_ref(), &header.target_lang),
        ];
        for (version, lang) in versions {
            let Some(id) = version.and_then(|v| v.parse::<i64>().ok()) else {
                continue;
            };
            let Ok(found) = self.history().version(id) else {
                continue;
            };
            if found.draft_id != header.commentary || !found.lang.eq_ignore_ascii_case(lang) {
                return Err(Error::invalid(
                    format!("the XLIFF file {file_name}"),
                    format!(
                        "it says it is commentary {} in `{lang}`, but the version {id} it was \
                         exported from is commentary {} in `{}`: the file was made for another \
                         commentary or language (or its header was edited)",
                        header.commentary, found.draft_id, found.lang
                    ),
                )
                .coded(
                    ErrorCode::XliffVersionElsewhere,
                    [("file", file_name.to_string()), ("version", id.to_string())],
                ));
            }
        }
        Ok(())
    }

    /// Writes an imported translation into the existing `target`; returns its version and
    /// whether it changed.
    fn import_into(
        &mut self,
        target: &OnDisk,
        source: &OnDisk,
        imported: &ImportedTranslation,
    ) -> Result<(Version, bool)> {
        let draft = &target.draft;
        // A translation started empty has no layout of its own: lay it out like the source.
        let has_paragraphs = units_of(draft.front(), draft.body()).len() > 2;
        let template = if has_paragraphs || imported.paragraphs.is_empty() {
            draft.body()
        } else {
            source.draft.body()
        };
        let (front, body) = xliff::apply(draft.front(), template, imported);
        let text = update(draft, &front, &body);
        Draft::parse(Path::new(&target.rel), text.as_bytes())?;
        let loaded = ContentHash::of(draft.text().as_bytes());
        match self.save(&target.rel, &text, Some(loaded))? {
            SaveOutcome::Saved(version) => Ok((version, true)),
            SaveOutcome::Unchanged(version) => {
                Ok((version.unwrap_or(target.version.clone()), false))
            }
            SaveOutcome::Conflict { .. } => Err(Error::invalid(
                target.rel.clone(),
                "it changed on disk during the import; both texts are now versions in its \
                 history. Export the job again",
            )
            .coded(
                ErrorCode::ChangedDuringAction,
                [("path", target.rel.clone())],
            )),
        }
    }

    /// The job of commentary `id` into `lang` as it stands now. With `record`, the files are
    /// recorded first; without, a file that differs from its newest version is refused.
    fn xliff_job(&mut self, id: &str, lang: &str, record: bool) -> Result<Job> {
        self.settings().require_language(lang)?;
        let drafts = self.commentary(id)?;
        let target = drafts.iter().find(|d| d.lang() == lang);
        let source_lang = match target {
            Some(t) => t.draft.front().translation_of.clone().ok_or_else(|| {
                Error::invalid(
                    t.rel.clone(),
                    format!(
                        "it is the source language version of commentary {id}; export a \
                         translation job into another language"
                    ),
                )
                .coded(
                    ErrorCode::XliffIntoSource,
                    [("id", id.to_string()), ("lang", lang.to_string())],
                )
            })?,
            None => source_of(&drafts)
                .map(|d| d.lang().to_string())
                .ok_or_else(|| {
                    Error::invalid(
                        format!("commentary {id}"),
                        "it has no source language version (every file has `translation_of`)",
                    )
                    .coded(ErrorCode::NoSourceVersion, [("id", id.to_string())])
                })?,
        };
        let source = find_lang(&drafts, id, &source_lang)?;
        if record {
            let mut paths = vec![self.root().join(&source.rel)];
            paths.extend(target.map(|t| self.root().join(&t.rel)));
            self.record_paths(&paths)?;
        }
        let source = self.on_disk(id, source)?;
        let target = target.map(|t| self.on_disk(id, t)).transpose()?;
        let source_units = units_of(source.draft.front(), source.draft.body());
        let mut carried_from = None;
        let (targets, restructured, left_out) = match &target {
            Some(t) => {
                let status = self.records().status(id, lang).map(|e| e.status);
                let state = match status {
                    Some(TranslationStatus::Done) => TargetState::Final,
                    Some(TranslationStatus::InReview) => TargetState::NeedsReview,
                    _ => TargetState::Translated,
                };
                let (front, body) = (t.draft.front(), t.draft.body());
                match self.source_base(id, lang, &source)? {
                    Some((base, hash)) => {
                        carried_from = Some(hash);
                        let carried = carry(&source_units, &base, front, body, state);
                        (carried.targets, carried.restructured, carried.left_out)
                    }
                    None => (
                        target_units(&source_units, front, body, state),
                        false,
                        Vec::new(),
                    ),
                }
            }
            None => (Vec::new(), false, Vec::new()),
        };
        let job = ExportJob {
            commentary: id.to_string(),
            source_lang,
            target_lang: lang.to_string(),
            source_version: source.version.id.to_string(),
            target_version: target.as_ref().map(|t| t.version.id.to_string()),
            source: source_units,
            target: targets,
            restructured,
            left_out,
        };
        Ok(Job {
            job,
            source,
            target,
            carried_from,
        })
    }

    /// The source at the base of the `lang` translation of `id`, when it differs from the
    /// source now (`source`) and its text is on this machine, with the base's hash; the
    /// changes need review unless they are only minor edits (the translation is outdated).
    fn source_base(
        &self,
        id: &str,
        lang: &str,
        source: &OnDisk,
    ) -> Result<Option<(SourceBase, ContentHash)>> {
        let row = self.translation_row(id)?;
        let Some(cell) = row.cells.iter().find(|c| c.lang == lang) else {
            return Ok(None);
        };
        let (Some(base), Some(hash)) = (cell.base, cell.base_hash) else {
            return Ok(None);
        };
        if source.version.hash == Some(hash) {
            return Ok(None);
        }
        let text = self.text_of(&VersionRef::Version(base))?;
        let draft = Draft::parse(Path::new(&source.rel), text.as_bytes())?;
        let base = SourceBase {
            units: units_of(draft.front(), draft.body()),
            review: cell.outdated.is_some(),
        };
        Ok(Some((base, hash)))
    }

    /// The file of `found` read again from disk, with its newest version, which must be
    /// exactly this text.
    fn on_disk(&self, id: &str, found: &Found) -> Result<OnDisk> {
        let abs = self.root().join(&found.rel);
        let bytes = std::fs::read(&abs).map_err(|e| Error::io("read", Path::new(&found.rel), e))?;
        if bytes.len() as u64 > MAX_DRAFT_BYTES {
            return Err(Error::TooLarge {
                path: found.rel.clone().into(),
                size: bytes.len() as u64,
                limit: MAX_DRAFT_BYTES,
            });
        }
        let draft = Draft::parse(Path::new(&found.rel), &bytes)?;
        let hash = ContentHash::of(&bytes);
        match self.history().head(id, found.lang())? {
            Some(version) if version.hash == Some(hash) => Ok(OnDisk {
                rel: found.rel.clone(),
                draft,
                version,
            }),
            _ => Err(Error::invalid(
                found.rel.clone(),
                "the file was edited after its newest recorded version, so it is not the text \
                 the XLIFF job was exported from; record it (`galley record`) and export the \
                 job again",
            )
            .coded(
                ErrorCode::XliffFileUnrecorded,
                [("path", found.rel.clone())],
            )),
        }
    }
}

fn nothing_translated(imported: &ImportedTranslation) -> bool {
    imported.title.is_none() && imported.lead.is_none() && imported.paragraphs.is_empty()
}

fn appeared(rel: &str) -> Error {
    Error::invalid(
        rel.to_string(),
        "a file appeared at this path during the import; nothing was overwritten",
    )
    .coded(ErrorCode::FileAppeared, [("path", rel.to_string())])
}

/// Letters, digits, `-` and `_` kept; anything else (path separators above all) becomes `-`.
pub(super) fn file_name_safe(part: &str) -> String {
    part.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
