//! Translations through the workspace: starting one, setting its status, marking source edits
//! minor, and the source diff since a translation's base. The grid is `grid.rs`; the rules live
//! in `crate::translation`; this file reads files and history for them.

use super::folder::Found;
use super::Workspace;
use crate::diff::diff_texts;
use crate::draft::{lang_from_file_name, render_new};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::Version;
use crate::issue::{text_gap, Reason};
use crate::records::{Body, MinorMark, StatusEvent, TranslationStatus};
use crate::translation::split_paragraphs;
use crate::translation::SourceDiff;
use crate::workspace::SaveOutcome;

impl Workspace {
    /// Starts translating commentary `id` into `lang` from the language `from` (by default its
    /// source language version): creates `<same folder>/<slug>.<lang>.md` with the front matter
    /// carried over, title, lead and body empty, records its first version, and sets its status
    /// to in progress with the source's newest version as base. Returns the new file's path.
    pub fn start_translation(
        &mut self,
        id: &str,
        lang: &str,
        from: Option<&str>,
    ) -> Result<(String, Version, StatusEvent)> {
        self.settings().require_language(lang)?;
        let drafts = self.commentary(id)?;
        if let Some(existing) = drafts.iter().find(|d| d.lang() == lang) {
            return Err(Error::invalid(
                existing.rel.clone(),
                format!("commentary {id} already has a version in {lang}; set its status instead"),
            )
            .coded(
                ErrorCode::LanguageExists,
                [
                    ("id", id.to_string()),
                    ("lang", lang.to_string()),
                    ("path", existing.rel.clone()),
                ],
            ));
        }
        let from = match from {
            Some(from) => from.to_string(),
            None => source_of(&drafts)
                .map(|d| d.lang().to_string())
                .ok_or_else(|| {
                    Error::invalid(
                        format!("commentary {id}"),
                        "it has no source language version (every file has `translation_of`); \
                         name the language to translate from",
                    )
                    .coded(ErrorCode::NoSourceVersion, [("id", id.to_string())])
                })?,
        };
        if from == lang {
            return Err(Error::invalid(
                format!("translating {id} from {from} into {lang}"),
                "the two languages are the same",
            )
            .coded(
                ErrorCode::TranslateSameLanguage,
                [("id", id.to_string()), ("lang", lang.to_string())],
            ));
        }
        let source = drafts.iter().find(|d| d.lang() == from).ok_or_else(|| {
            Error::language_not_found(
                id,
                &from,
                ". `galley translate status` shows which languages exist.",
            )
        })?;
        // The base must be a version: record the source file if history has not seen it yet.
        let source_abs = self.root().join(&source.rel);
        self.record_paths(&[source_abs])?;
        let base = self.text_head(id, &from, &source.rel)?;

        let rel = translation_path(&source.rel, &from, lang);
        let mut front = source.draft.front().clone();
        front.title = String::new();
        front.lead = String::new();
        front.lang = lang.to_string();
        front.translation_of = Some(from.clone());
        let text = render_new(&front, "\n");
        let version = match self.save(&rel, &text, None)? {
            SaveOutcome::Saved(version) => version,
            _ => {
                return Err(Error::invalid(
                    rel.clone(),
                    "a file appeared at this path while the translation was being started; \
                     nothing was overwritten",
                )
                .coded(ErrorCode::FileAppeared, [("path", rel)]))
            }
        };
        let event = self.set_status_record(
            id,
            lang,
            TranslationStatus::InProgress,
            &from,
            base.hash,
            None,
        )?;
        self.index_path(&rel)?;
        Ok((rel, version, event))
    }

    /// Sets the status of the `lang` translation of commentary `id`, attributed to the
    /// workspace's author. `Done` makes the source's newest version the base; the other
    /// statuses keep the base they had.
    pub fn set_translation_status(
        &mut self,
        id: &str,
        lang: &str,
        status: TranslationStatus,
        note: Option<&str>,
    ) -> Result<StatusEvent> {
        let drafts = self.commentary(id)?;
        let (translation, source_lang) = find_translation(&drafts, id, lang)?;
        let source = find_lang(&drafts, id, &source_lang)?;
        let paths = [
            self.root().join(&translation.rel),
            self.root().join(&source.rel),
        ];
        self.record_paths(&paths)?;
        if status == TranslationStatus::Missing {
            return Err(Error::invalid(
                format!("the status of {id} ({lang})"),
                "`missing` is shown when a language has no file; it cannot be set",
            )
            .coded(
                ErrorCode::StatusMissingNotSettable,
                [("id", id.to_string()), ("lang", lang.to_string())],
            ));
        }
        let base = if status == TranslationStatus::Done {
            self.text_head(id, &source_lang, &source.rel)?.hash
        } else {
            self.records()
                .status(id, lang)
                .filter(|event| event.source_lang == source_lang)
                .and_then(|event| event.base)
        };
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let rel = translation.rel.clone();
        let event = self.set_status_record(id, lang, status, &source_lang, base, note)?;
        // The status is a search filter.
        self.index_path(&rel)?;
        Ok(event)
    }

    /// What keeps the `lang` text of commentary `id` from being whole, as readiness judges it
    /// (`issue::text_gap`): an empty body, or fewer paragraphs than its source. `translate set
    /// … done` warns with it; readiness blocks on it.
    pub fn text_gap(&self, id: &str, lang: &str) -> Result<Option<Reason>> {
        let drafts = self.commentary(id)?;
        let found = find_lang(&drafts, id, lang)?;
        let source = match &found.draft.front().translation_of {
            Some(source_lang) => {
                let source = find_lang(&drafts, id, source_lang)?;
                Some((
                    source_lang.as_str(),
                    split_paragraphs(source.draft.body()).len(),
                ))
            }
            None => None,
        };
        Ok(text_gap(split_paragraphs(found.draft.body()).len(), source))
    }

    /// Every status change of the `lang` version of commentary `id`, newest first.
    pub fn translation_status_log(&self, id: &str, lang: &str) -> Result<Vec<StatusEvent>> {
        Ok(self.records().status_log(id, lang))
    }

    /// Appends a status change to this writer's journal and returns it as folded.
    pub(super) fn set_status_record(
        &mut self,
        id: &str,
        lang: &str,
        status: TranslationStatus,
        source_lang: &str,
        base: Option<ContentHash>,
        note: Option<&str>,
    ) -> Result<StatusEvent> {
        self.append_record(Body::Translation {
            commentary: id.to_string(),
            lang: lang.to_string(),
            status,
            source_lang: source_lang.to_string(),
            base,
            prev: None,
            note: note.map(str::to_string),
        })?;
        self.records()
            .status(id, lang)
            .cloned()
            .ok_or_else(|| Error::Corrupt {
                what: format!("the status of {id} ({lang}) was written but cannot be read back"),
            })
    }

    /// Marks a version as minor (a typo fix that does not make translations outdated), or
    /// unmarks it; either way the marking is recorded with who and when. A mark names the
    /// version's text, so it holds on every machine.
    pub fn mark_minor(&mut self, version: i64, minor: bool) -> Result<MinorMark> {
        let found = self.history().version(version)?;
        let Some(sha256) = found.hash else {
            return Err(Error::invalid(
                format!("version {version}"),
                "it records a deletion; only a version with a text can be minor",
            )
            .coded(
                ErrorCode::VersionIsDeletion,
                [("version", version.to_string())],
            ));
        };
        self.append_record(Body::Minor {
            commentary: found.draft_id.clone(),
            lang: found.lang.clone(),
            sha256,
            minor,
            prev: None,
        })?;
        self.records()
            .minor_marks(&found.draft_id, &found.lang, &sha256)
            .into_iter()
            .next()
            .ok_or_else(|| Error::Corrupt {
                what: format!(
                    "the minor mark of version {version} was written but cannot be read back"
                ),
            })
    }

    /// The word-level diff of the source of the `lang` translation of `id`, from the base to
    /// the source's newest version: every change since, not only the last.
    pub fn translation_source_diff(&self, id: &str, lang: &str) -> Result<SourceDiff> {
        let drafts = self.commentary(id)?;
        let (_, source_lang) = find_translation(&drafts, id, lang)?;
        let what = || format!("the {lang} translation of commentary {id}");
        let recorded = self
            .records()
            .status(id, lang)
            .filter(|e| e.source_lang == source_lang);
        let base_hash = recorded.and_then(|e| e.base).ok_or_else(|| {
            Error::invalid(
                what(),
                "it has no base yet: set it to done (or start it with `galley translate \
                 start`) to record which source version it matches",
            )
            .coded(
                ErrorCode::TranslationNoBase,
                [("id", id.to_string()), ("lang", lang.to_string())],
            )
        })?;
        let source_path = drafts
            .iter()
            .find(|d| d.lang() == source_lang)
            .map_or_else(String::new, |d| d.rel.clone());
        let all = self.history().source_stamps(id, &source_lang)?;
        let Some(start) = all.iter().rposition(|s| s.hash == Some(base_hash)) else {
            let set = recorded.map_or_else(String::new, |e| format!(" (set by {})", e.author));
            return Err(Error::NotFound {
                what: format!(
                    "the {source_lang} text the {lang} translation of {id} was made from{set}, \
                     {},",
                    base_hash.short()
                ),
                hint: " on this machine: it has not arrived yet. Get the others' changes (sync \
                       or git pull), then compare again."
                    .into(),
                detail: None,
            }
            .coded(
                ErrorCode::SourceNotArrived,
                [
                    ("id", id.to_string()),
                    ("lang", lang.to_string()),
                    ("source_lang", source_lang.clone()),
                ],
            ));
        };
        let stamps = &all[start..];
        let base = stamps[0].id;
        let newest = stamps.iter().rev().find(|s| s.text.is_some());
        let head = newest.map_or(base, |s| s.id);
        let head_hash = newest.and_then(|s| s.hash);
        let minor = self.minor_versions()?;
        let versions = stamps
            .iter()
            .skip(1)
            .map(|s| (s.id, minor.contains(&s.id)))
            .collect();
        let old = self.text_of(&super::VersionRef::Version(base))?;
        let new = self.text_of(&super::VersionRef::Version(head))?;
        Ok(SourceDiff {
            id: id.to_string(),
            lang: lang.to_string(),
            source_lang,
            source_path,
            base,
            head,
            base_hash,
            head_hash,
            versions,
            diff: diff_texts(&old, &new),
        })
    }

    /// The newest version of (id, lang), which must have a text.
    fn text_head(&self, id: &str, lang: &str, rel: &str) -> Result<Version> {
        match self.history().head(id, lang)? {
            Some(head) if head.hash.is_some() => Ok(head),
            _ => Err(Error::invalid(
                rel.to_string(),
                "history has no text of it; run `galley record` first",
            )),
        }
    }
}

pub(super) fn source_of(drafts: &[Found]) -> Option<&Found> {
    drafts
        .iter()
        .find(|d| d.draft.front().translation_of.is_none())
}

pub(super) fn find_lang<'a>(drafts: &'a [Found], id: &str, lang: &str) -> Result<&'a Found> {
    drafts.iter().find(|d| d.lang() == lang).ok_or_else(|| {
        Error::language_not_found(
            id,
            lang,
            ". Start it with `galley translate start ID --lang LANG`.",
        )
    })
}

/// The `lang` translation of commentary `id` and the language it is translated from; the
/// source language version is refused (it has no status, base or source diff).
fn find_translation<'a>(drafts: &'a [Found], id: &str, lang: &str) -> Result<(&'a Found, String)> {
    let translation = find_lang(drafts, id, lang)?;
    let source_lang = translation.draft.front().translation_of.clone();
    let source_lang = source_lang.ok_or_else(|| {
        Error::invalid(
            translation.rel.clone(),
            "it is the source language version (no `translation_of`), not a translation; \
             only translations have a status and a base",
        )
        .coded(
            ErrorCode::NotATranslation,
            [("id", id.to_string()), ("lang", lang.to_string())],
        )
    })?;
    Ok((translation, source_lang))
}

/// `2020-W20/army.be.md` translated into en → `2020-W20/army.en.md`.
pub(super) fn translation_path(source_rel: &str, source_lang: &str, lang: &str) -> String {
    let (folder, name) = match source_rel.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, source_rel),
    };
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let slug = match lang_from_file_name(name) {
        Some(suffix) if suffix.eq_ignore_ascii_case(source_lang) => {
            &stem[..stem.len() - suffix.len() - 1]
        }
        _ => stem,
    };
    match folder {
        Some(folder) => format!("{folder}/{slug}.{lang}.md"),
        None => format!("{slug}.{lang}.md"),
    }
}
