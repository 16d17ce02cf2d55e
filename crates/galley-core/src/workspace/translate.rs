//! Translations through the workspace: starting one, setting its status, marking source edits
//! minor, the commentary × language grid, and the source diff since a translation's base.
//! The rules live in `crate::translation`; this file reads files and history for them.

use super::folder::{entry_of, Folder, Found};
use super::Workspace;
use crate::diff::diff_texts;
use crate::draft::{lang_from_file_name, render_new, IsoWeek};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::{FrontMatterEntry, SourceStamp, TextKey, Version};
use crate::issue::{text_gap, Reason};
use crate::records::{Body, MinorMark, StatusEvent, TranslationStatus};
use crate::translation::split_paragraphs;
use crate::translation::{
    chain_of, compare_sources, source_changed, upstream_link, Comparison, GridCell, GridRow,
    Outdated, Role, SourceDiff, TranslationGrid,
};
use crate::workspace::SaveOutcome;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// The field and paragraph detail of outdated cells, by what decides it entirely: the source's
/// path (named in its errors), the hashes of its base and head texts, and the translation's
/// paragraph count. Reading a base text
/// through its delta chain is most of a grid's cost; texts never change under their hash, so
/// the detail stays right for as long as the workspace is open.
#[derive(Default)]
pub(super) struct OutdatedMemo(Mutex<HashMap<MemoKey, Detail>>);

type MemoKey = (String, ContentHash, ContentHash, usize);
/// What changed: the fields, the body's paragraphs, their words, the changes to review.
type Detail = Comparison;

/// Past this many entries the memo starts over, so a long session's memory stays bounded.
const MEMO_LIMIT: usize = 20_000;

impl OutdatedMemo {
    fn get(&self, key: &MemoKey) -> Option<Detail> {
        // A poisoned lock only means the memo is unusable: work the detail out again.
        self.0.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: MemoKey, detail: Detail) {
        if let Ok(mut memo) = self.0.lock() {
            if memo.len() >= MEMO_LIMIT {
                memo.clear();
            }
            memo.insert(key, detail);
        }
    }
}

/// What a grid computation reads once and shares between cells.
struct GridContext<'a> {
    /// The local versions whose texts are marked minor.
    minor: HashSet<i64>,
    /// The versions of every (draft, language), read in one query for a whole grid; `None`
    /// reads them per cell (for one row that is cheaper).
    stamps: Option<HashMap<(String, String), Vec<SourceStamp>>>,
    /// Texts already read from history, by key: a source's base and head are shared by all
    /// its translations.
    texts: HashMap<TextKey, String>,
    ws: &'a Workspace,
}

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
                })?,
        };
        if from == lang {
            return Err(Error::invalid(
                format!("translating {id} from {from} into {lang}"),
                "the two languages are the same",
            ));
        }
        let source = drafts
            .iter()
            .find(|d| d.lang() == from)
            .ok_or_else(|| Error::NotFound {
                what: format!("the {from} version of commentary {id}"),
                hint: ". `galley translate status` shows which languages exist.".into(),
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
                    rel,
                    "a file appeared at this path while the translation was being started; \
                     nothing was overwritten",
                ))
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
        let translation = find_lang(&drafts, id, lang)?;
        let source_lang = translation
            .draft
            .front()
            .translation_of
            .clone()
            .ok_or_else(|| {
                Error::invalid(
                    translation.rel.clone(),
                    "it is the source language version (no `translation_of`); only \
                     translations have a status",
                )
            })?;
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

    /// The source languages, by commentary, that translations with a recorded base were made
    /// from: the versions a grid must look at.
    fn based_sources(&self) -> HashMap<String, HashSet<String>> {
        let mut wanted: HashMap<String, HashSet<String>> = HashMap::new();
        for status in self.records().statuses().filter(|s| s.base.is_some()) {
            wanted
                .entry(status.draft_id.clone())
                .or_default()
                .insert(status.source_lang.clone());
        }
        wanted
    }

    /// The local versions whose texts are marked minor now.
    fn minor_versions(&self) -> Result<HashSet<i64>> {
        let texts: Vec<(&str, &str, &ContentHash)> = self.records().minor_texts().collect();
        self.history().versions_with_texts(&texts)
    }

    /// The commentary × language grid, for the whole workspace or one issue week. Parses only
    /// the drafts whose size or modification time changed since the last grid (the rest come
    /// from `front_matter_cache`); compares versions by text keys, and reads texts only for
    /// outdated cells whose detail this workspace has not worked out before (`OutdatedMemo`).
    pub fn translation_grid(&self, issue: Option<IsoWeek>) -> Result<TranslationGrid> {
        self.translation_grid_in(&mut self.folder()?, issue)
    }

    /// [`Workspace::translation_grid`] of the folder model (its problems are taken).
    pub(super) fn translation_grid_in(
        &self,
        folder: &mut Folder,
        issue: Option<IsoWeek>,
    ) -> Result<TranslationGrid> {
        let mut grid = TranslationGrid {
            languages: self.settings().languages.clone(),
            problems: std::mem::take(&mut folder.problems),
            ..TranslationGrid::default()
        };
        let entries = folder.drafts.iter();
        let wanted = issue.map(|w| w.to_string());
        let mut order: Vec<String> = Vec::new();
        let mut by_id: HashMap<String, Vec<FrontMatterEntry>> = HashMap::new();
        for entry in entries {
            if wanted.is_some() && entry.issue != wanted {
                continue;
            }
            if !grid.languages.contains(&entry.lang) {
                grid.languages.push(entry.lang.clone());
            }
            by_id
                .entry(entry.draft_id.clone())
                .or_insert_with(|| {
                    order.push(entry.draft_id.clone());
                    Vec::new()
                })
                .push(entry.clone());
        }
        let mut context = GridContext {
            minor: self.minor_versions()?,
            // One issue's cells read their sources' versions through the index (a cost that
            // follows the issue); the whole workspace's, in one pass over every version.
            stamps: match issue {
                Some(_) => None,
                None => Some(self.history().sources_stamps(&self.based_sources())?),
            },
            texts: HashMap::new(),
            ws: self,
        };
        for id in order {
            let drafts = by_id.remove(&id).unwrap_or_default();
            let row = context.row(&id, &drafts, &grid.languages, &mut grid.problems)?;
            grid.rows.push(row);
        }
        Ok(grid)
    }

    /// One commentary's row of the grid (all its languages).
    pub fn translation_row(&self, id: &str) -> Result<GridRow> {
        self.translation_row_in(&self.folder()?, id)
    }

    /// [`Workspace::translation_row`] of the folder model.
    pub(super) fn translation_row_in(&self, folder: &Folder, id: &str) -> Result<GridRow> {
        let drafts = self.commentary_in(folder, id)?;
        let mut languages = self.settings().languages.clone();
        for d in &drafts {
            if !languages.iter().any(|l| l == d.lang()) {
                languages.push(d.lang().to_string());
            }
        }
        let mut context = GridContext {
            minor: self.minor_versions()?,
            stamps: None,
            texts: HashMap::new(),
            ws: self,
        };
        let entries: Vec<FrontMatterEntry> = drafts
            .iter()
            .map(|d| entry_of(&d.rel, &d.draft, 0, 0))
            .collect();
        context.row(id, &entries, &languages, &mut Vec::new())
    }

    /// The word-level diff of the source of the `lang` translation of `id`, from the base to
    /// the source's newest version: every change since, not only the last.
    pub fn translation_source_diff(&self, id: &str, lang: &str) -> Result<SourceDiff> {
        let drafts = self.commentary(id)?;
        let translation = find_lang(&drafts, id, lang)?;
        let what = || format!("the {lang} translation of commentary {id}");
        let source_lang = translation
            .draft
            .front()
            .translation_of
            .clone()
            .ok_or_else(|| {
                Error::invalid(
                    what(),
                    "it is the source language version, not a translation",
                )
            })?;
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
            });
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

impl GridContext<'_> {
    fn row(
        &mut self,
        id: &str,
        drafts: &[FrontMatterEntry],
        languages: &[String],
        problems: &mut Vec<Error>,
    ) -> Result<GridRow> {
        let sources: Vec<&FrontMatterEntry> = drafts
            .iter()
            .filter(|d| d.translation_of.is_none())
            .collect();
        if sources.len() > 1 {
            let paths: Vec<&str> = sources.iter().map(|d| d.path.as_str()).collect();
            problems.push(Error::invalid(
                format!("commentary {id}"),
                format!(
                    "it has {} source language versions ({}); give all but one `translation_of`",
                    sources.len(),
                    paths.join(", ")
                ),
            ));
        }
        let source = sources.first().copied();
        let title_from = source.or(drafts.first());
        let mut cells = Vec::with_capacity(languages.len());
        for lang in languages {
            let cell = match drafts.iter().find(|d| &d.lang == lang) {
                None => empty_cell(lang),
                Some(found) => self.cell(id, found, drafts, problems)?,
            };
            cells.push(cell);
        }
        for index in 0..cells.len() {
            if cells[index].role != Role::Translation {
                continue;
            }
            let chain = chain_of(&cells, &cells[index].lang);
            cells[index].via = upstream_link(&cells, &chain);
            cells[index].chain = chain;
        }
        Ok(GridRow {
            id: id.to_string(),
            title: title_from.map_or_else(String::new, |d| d.title.clone()),
            issue: title_from
                .and_then(|d| d.issue.as_deref())
                .and_then(|w| w.parse().ok()),
            source_lang: source.map(|d| d.lang.clone()),
            cells,
        })
    }

    fn cell(
        &mut self,
        id: &str,
        found: &FrontMatterEntry,
        drafts: &[FrontMatterEntry],
        problems: &mut Vec<Error>,
    ) -> Result<GridCell> {
        let front = found;
        let mut cell = GridCell {
            lang: front.lang.clone(),
            role: Role::Source,
            path: Some(found.path.clone()),
            status: None,
            recorded: None,
            translation_of: front.translation_of.clone(),
            base: None,
            base_hash: None,
            source_head: None,
            outdated: None,
            via: None,
            chain: vec![front.lang.clone()],
        };
        let Some(source_lang) = front.translation_of.clone() else {
            return Ok(cell);
        };
        cell.role = Role::Translation;
        let recorded = self.ws.records().status(id, &front.lang);
        cell.status = Some(recorded.map_or(TranslationStatus::InProgress, |e| e.status));
        cell.recorded = recorded.cloned();
        let base_hash = recorded
            .filter(|e| e.source_lang == source_lang)
            .and_then(|e| e.base);
        cell.base_hash = base_hash;
        let Some(source) = drafts.iter().find(|d| d.lang == source_lang) else {
            problems.push(Error::invalid(
                found.path.clone(),
                format!(
                    "it is a translation of {source_lang}, but commentary {id} has no \
                     {source_lang} version"
                ),
            ));
            return Ok(cell);
        };
        let Some(base_hash) = base_hash else {
            cell.source_head = self.ws.history().head(id, &source_lang)?.map(|v| v.id);
            return Ok(cell);
        };
        let key = (id.to_string(), source_lang.clone());
        let stamps = match &self.stamps {
            Some(all) => all.get(&key).cloned().unwrap_or_default(),
            None => self.ws.history().source_stamps(id, &source_lang)?,
        };
        cell.source_head = stamps.last().map(|s| s.id);
        let Some(start) = stamps.iter().rposition(|s| s.hash == Some(base_hash)) else {
            // The base text has not arrived here yet: the translation is outdated when the
            // source's newest text is another one and not minor; what changed cannot be told.
            if let Some(head) = stamps.last().filter(|h| {
                h.hash.is_some() && h.hash != Some(base_hash) && !self.minor.contains(&h.id)
            }) {
                cell.outdated = Some(Outdated {
                    source_lang: source.lang.clone(),
                    base: None,
                    head: head.id,
                    head_hash: head.hash,
                    versions: vec![head.id],
                    fields: Vec::new(),
                    paragraphs: Vec::new(),
                    words: None,
                    review: Vec::new(),
                    handled: 0,
                });
            }
            return Ok(cell);
        };
        let since = &stamps[start..];
        cell.base = Some(since[0].id);
        let versions = source_changed(since, &self.minor);
        if versions.is_empty() {
            return Ok(cell);
        }
        let mut outdated = self.outdated(since, versions, source, found)?;
        let records = self.ws.records();
        outdated.handled = outdated
            .review
            .iter()
            .filter(|r| {
                records
                    .handled(id, &front.lang, &base_hash, &r.key)
                    .is_some()
            })
            .count();
        cell.outdated = Some(outdated);
        Ok(cell)
    }

    /// Field and paragraph detail for an outdated cell: reads the base and head texts.
    fn outdated(
        &mut self,
        stamps: &[SourceStamp],
        versions: Vec<i64>,
        source: &FrontMatterEntry,
        translation: &FrontMatterEntry,
    ) -> Result<Outdated> {
        let (Some(base), Some(head)) = (stamps.first(), stamps.last()) else {
            return Err(Error::Corrupt {
                what: format!("the versions of {} since the base are missing", source.path),
            });
        };
        let (Some(base_key), Some(head_key)) = (base.text, head.text) else {
            return Err(Error::Corrupt {
                what: format!("the base or newest version of {} has no text", source.path),
            });
        };
        let history = self.ws.history();
        let translation_paragraphs = translation.paragraphs as usize;
        let memo_key = match (history.text_hash(base_key)?, history.text_hash(head_key)?) {
            (Some(base), Some(head)) => {
                Some((source.path.clone(), base, head, translation_paragraphs))
            }
            _ => None,
        };
        let outdated = |detail: Comparison| Outdated {
            source_lang: source.lang.clone(),
            base: Some(base.id),
            head: head.id,
            head_hash: head.hash,
            versions,
            fields: detail.fields,
            paragraphs: detail.paragraphs,
            words: Some(detail.words),
            review: detail.review,
            handled: 0,
        };
        if let Some(detail) = memo_key
            .as_ref()
            .and_then(|key| self.ws.outdated_memo.get(key))
        {
            return Ok(outdated(detail));
        }
        // The file on disk usually is the head: reading it is cheaper than a delta chain.
        if !self.texts.contains_key(&head_key) {
            if let Ok(on_disk) = std::fs::read_to_string(self.ws.root().join(&source.path)) {
                let key = self
                    .ws
                    .history()
                    .text_key(&ContentHash::of(on_disk.as_bytes()))?;
                if key == Some(head_key) {
                    self.texts.insert(head_key, on_disk);
                }
            }
        }
        for key in [base_key, head_key] {
            if !self.texts.contains_key(&key) {
                let text = self.ws.history().text_by_key(key)?;
                self.texts.insert(key, text);
            }
        }
        let text = |key| self.texts.get(&key).map_or("", String::as_str);
        let detail = compare_sources(
            &source.path,
            text(base_key),
            text(head_key),
            translation_paragraphs,
        )?;
        if let Some(key) = memo_key {
            self.ws.outdated_memo.put(key, detail.clone());
        }
        Ok(outdated(detail))
    }
}

fn empty_cell(lang: &str) -> GridCell {
    GridCell {
        lang: lang.to_string(),
        role: Role::Missing,
        path: None,
        status: Some(TranslationStatus::Missing),
        recorded: None,
        translation_of: None,
        base: None,
        base_hash: None,
        source_head: None,
        outdated: None,
        via: None,
        chain: vec![lang.to_string()],
    }
}

pub(super) fn source_of(drafts: &[Found]) -> Option<&Found> {
    drafts
        .iter()
        .find(|d| d.draft.front().translation_of.is_none())
}

pub(super) fn find_lang<'a>(drafts: &'a [Found], id: &str, lang: &str) -> Result<&'a Found> {
    drafts
        .iter()
        .find(|d| d.lang() == lang)
        .ok_or_else(|| Error::NotFound {
            what: format!("the {lang} version of commentary {id}"),
            hint: ". Start it with `galley translate start ID --lang LANG`.".into(),
        })
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
