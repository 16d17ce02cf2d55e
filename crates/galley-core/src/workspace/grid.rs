//! The commentary × language grid: every language version's role, status and whether (and
//! where) it is outdated, read from the folder model and history in one pass.

use super::folder::{entry_of, Folder};
use super::Workspace;
use crate::draft::IsoWeek;
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::{FrontMatterEntry, SourceStamp, TextKey};
use crate::records::TranslationStatus;
use crate::translation::{
    chain_of, compare_sources, source_changed, upstream_link, Comparison, GridCell, GridRow,
    Outdated, Role, TranslationGrid,
};
use std::collections::{HashMap, HashSet};

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
    pub(super) fn minor_versions(&self) -> Result<HashSet<i64>> {
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
