//! Weekly issues through the workspace: reading and writing issue files, moving commentaries,
//! the editorial workflow, the language board and the readiness check. The rules live in
//! `crate::issue`; this file reads the folder and history for them.

use super::approval::Approval;
use super::folder::{Folder, Found};
use super::translate::source_of;
use super::{SaveOutcome, Workspace};
use crate::atomic::write_atomic;
use crate::draft::count_words;
use crate::draft::{lang_from_file_name, update, IsoWeek};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::Version;
use crate::issue::{
    adopt, arrange, file_links, insert, issue_path, readiness, remove, ArrangedSection, Board,
    BoardCell, BoardConflict, BoardRow, Issue, Readiness, RequiredField,
};
use crate::records::{Body, EditorialEvent, EditorialNote, EditorialStatus};
use crate::translation::{split_paragraphs, GridRow};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use time::Date;

/// One place up or down within a section ([`Workspace::step_commentary`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
}

impl Step {
    fn word(self) -> &'static str {
        match self {
            Step::Up => "up",
            Step::Down => "down",
        }
    }
}

/// An issue as shown: its file (or the defaults when it has none) and the commentaries in
/// publication order.
#[derive(Debug)]
pub struct IssueView {
    pub issue: Issue,
    /// Workspace-relative path of the issue file.
    pub path: String,
    /// Whether the issue file exists (else `issue` holds the defaults).
    pub exists: bool,
    pub sections: Vec<ArrangedSection>,
}

/// One line of `galley issue list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueSummary {
    pub week: IsoWeek,
    pub has_file: bool,
    pub start: Date,
    pub end: Date,
    pub titles: BTreeMap<String, String>,
    /// Commentaries with files.
    pub commentaries: usize,
}

/// Issues in the workspace, and issue files that could not be read.
#[derive(Debug, Default)]
pub struct IssueList {
    pub issues: Vec<IssueSummary>,
    pub problems: Vec<Error>,
}

/// What `move_commentary` did.
#[derive(Debug, Clone)]
pub struct MoveReport {
    pub id: String,
    /// The issue its front matter named before.
    pub from: Option<IsoWeek>,
    pub to: IsoWeek,
    pub section: String,
    /// 0-based position within the section in the issue file.
    pub position: usize,
    /// The new versions of its language versions (none when the front matter already agreed).
    pub versions: Vec<Version>,
    /// Files moved into the week's folder, as (from, to), workspace-relative.
    pub files: Vec<(String, String)>,
    /// Issue files written (workspace-relative).
    pub issue_files: Vec<String>,
}

impl Workspace {
    /// Every issue: weeks with an issue file and weeks some draft's front matter names.
    pub fn issues(&self) -> Result<IssueList> {
        let scan = self.folder()?;
        let mut weeks = scan.weeks();
        weeks.extend(self.issue_file_weeks()?);
        let mut list = IssueList::default();
        for week in weeks {
            match self.view_with(week, &scan) {
                Ok(view) => list.issues.push(IssueSummary {
                    week,
                    has_file: view.exists,
                    start: view.issue.start,
                    end: view.issue.end,
                    titles: view.issue.titles.clone(),
                    commentaries: view
                        .sections
                        .iter()
                        .flat_map(|s| &s.entries)
                        .filter(|e| e.has_files())
                        .count(),
                }),
                Err(e) => list.problems.push(e),
            }
        }
        Ok(list)
    }

    /// The weeks with an issue file.
    pub(super) fn issue_file_weeks(&self) -> Result<BTreeSet<IsoWeek>> {
        let mut weeks = BTreeSet::new();
        let entries =
            std::fs::read_dir(self.root()).map_err(|e| Error::io("list", self.root(), e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Ok(week) = name.parse::<IsoWeek>() {
                if entry.path().join(crate::issue::ISSUE_FILE).is_file() {
                    weeks.insert(week);
                }
            }
        }
        Ok(weeks)
    }

    /// One issue: its file (or the defaults) and its commentaries in publication order.
    pub fn issue(&self, week: IsoWeek) -> Result<IssueView> {
        self.view_with(week, &self.folder()?)
    }

    /// Creates the issue file of `week` with the given titles (language → title; the other
    /// languages' come from the settings' `issue_title` patterns), listing the commentaries
    /// that already name the week. An issue file without titles (as a move writes one) gets
    /// them; one that has titles is refused, pointing to `galley issue title`.
    pub fn create_issue(
        &mut self,
        week: IsoWeek,
        titles: BTreeMap<String, String>,
    ) -> Result<IssueView> {
        let (mut issue, exists) = self.load_issue(week)?;
        if exists && !issue.titles.is_empty() {
            return Err(Error::invalid(
                issue_path(week),
                format!(
                    "it exists already, with titles; change one with `galley issue title {week} \
                     LANG TEXT`, or edit the file"
                ),
            ));
        }
        for (lang, title) in &titles {
            self.check_issue_title(week, lang, title)?;
        }
        issue.titles = titles
            .into_iter()
            .map(|(lang, title)| (lang, title.trim().to_string()))
            .collect();
        self.fill_titles(&mut issue);
        self.save_issue(&issue)?;
        self.issue(week)
    }

    /// Sets issue `week`'s title in `lang` (creating the issue file, with the other languages'
    /// titles from the settings' patterns, when the week has none yet).
    pub fn set_issue_title(&mut self, week: IsoWeek, lang: &str, title: &str) -> Result<IssueView> {
        self.check_issue_title(week, lang, title)?;
        let (mut issue, exists) = self.load_issue(week)?;
        if !exists {
            self.fill_titles(&mut issue);
        }
        issue
            .titles
            .insert(lang.to_string(), title.trim().to_string());
        self.save_issue(&issue)?;
        self.issue(week)
    }

    /// A title must be one line of text in one of the workspace's languages.
    fn check_issue_title(&self, week: IsoWeek, lang: &str, title: &str) -> Result<()> {
        self.settings().require_language(lang)?;
        let what = || format!("the {lang} title of issue {week}");
        if title.trim().is_empty() {
            return Err(Error::invalid(what(), "it is empty; write the title"));
        }
        if title.contains(['\n', '\r']) {
            return Err(Error::invalid(
                what(),
                "it spans several lines; keep a title on one line",
            ));
        }
        Ok(())
    }

    /// Gives `issue` a title, from the settings' pattern, in every language it has none in.
    fn fill_titles(&self, issue: &mut Issue) {
        for lang in &self.settings().languages {
            if !issue.titles.contains_key(lang) {
                let pattern = self.settings().issue_title_pattern(lang);
                let title = crate::issue::issue_title(pattern, issue, lang);
                issue.titles.insert(lang.clone(), title);
            }
        }
    }

    /// Writes `issue` to its file, listing every commentary the issue shows (so positions in
    /// the file are the positions shown). Returns whether the file was written: a file that
    /// already says the same is left byte for byte as it is.
    pub fn save_issue(&mut self, issue: &Issue) -> Result<bool> {
        for lang in issue.titles.keys() {
            self.settings().require_language(lang)?;
        }
        let scan = self.folder()?;
        let mut issue = issue.clone();
        let members = scan.members(issue.week, &issue);
        let arranged = arrange(&issue, &members, &self.section_keys());
        adopt(&mut issue, &arranged);
        self.write_issue(&issue, &scan)
    }

    /// Moves commentary `id` to section `to_section` (default: its current one) of issue
    /// `to_week`, at `position` (0-based; default or past the end: last). Reordering within an
    /// issue is a move to the same week. Updates `issue:` and `section:` in every language
    /// version (each change a version) and the issue file(s).
    pub fn move_commentary(
        &mut self,
        id: &str,
        to_week: IsoWeek,
        to_section: Option<&str>,
        position: Option<usize>,
    ) -> Result<MoveReport> {
        let drafts = self.commentary(id)?;
        let main = source_of(&drafts).unwrap_or(&drafts[0]);
        let from = main.draft.front().issue;
        let section = match to_section {
            Some(section) => section.trim().to_string(),
            None => main.draft.front().section.clone().ok_or_else(|| {
                Error::invalid(
                    format!("moving commentary {id}"),
                    "it has no section yet; name one with --section",
                )
            })?,
        };
        self.check_section(&section)?;
        let file_moves = self.plan_file_moves(&drafts, to_week)?;

        // Front matter first: if a file changed under us, no issue file has been touched.
        let mut versions = Vec::new();
        for found in &drafts {
            let mut front = found.draft.front().clone();
            if front.issue == Some(to_week) && front.section.as_deref() == Some(&section) {
                continue;
            }
            front.issue = Some(to_week);
            front.section = Some(section.clone());
            let text = update(&found.draft, &front, found.draft.body());
            let loaded = ContentHash::of(found.draft.text().as_bytes());
            match self.save(&found.rel, &text, Some(loaded))? {
                SaveOutcome::Saved(version) => versions.push(version),
                SaveOutcome::Unchanged(_) => {}
                SaveOutcome::Conflict { .. } => {
                    return Err(Error::invalid(
                        found.rel.clone(),
                        "it changed on disk during the move; both texts are kept as versions. \
                         Check it, then move the commentary again",
                    ))
                }
            }
        }

        self.move_files(&file_moves)?;

        let scan = self.folder()?;
        let mut issue_files = Vec::new();
        if let Some(from) = from.filter(|w| *w != to_week) {
            let (mut old, exists) = self.load_issue(from)?;
            if exists && remove(&mut old, id) && self.write_issue(&old, &scan)? {
                issue_files.push(issue_path(from));
            }
        }
        let (mut issue, _) = self.load_issue(to_week)?;
        let members = scan.members(to_week, &issue);
        let arranged = arrange(&issue, &members, &self.section_keys());
        adopt(&mut issue, &arranged);
        remove(&mut issue, id);
        insert(&mut issue, id, &section, position);
        if self.write_issue(&issue, &scan)? {
            issue_files.push(issue_path(to_week));
        }
        let position = issue.position_of(id).map_or(0, |(_, i)| i);
        Ok(MoveReport {
            id: id.to_string(),
            from,
            to: to_week,
            section,
            position,
            versions,
            files: file_moves,
            issue_files,
        })
    }

    /// Moves commentary `id` one place up or down within its section of its issue. A step never
    /// leaves the section: at its edge it is refused, since changing the section rewrites
    /// `section:` in every language version and is its own, named move ([`Self::move_commentary`]).
    pub fn step_commentary(&mut self, id: &str, step: Step) -> Result<MoveReport> {
        let drafts = self.commentary(id)?;
        let main = source_of(&drafts).unwrap_or(&drafts[0]);
        let what = format!("moving commentary {id} {}", step.word());
        let (Some(week), Some(section)) =
            (main.draft.front().issue, main.draft.front().section.clone())
        else {
            return Err(Error::invalid(
                what,
                "it has no issue or section yet; give it both: `galley issue move ID --to WEEK --section KEY`",
            ));
        };
        let scan = self.folder()?;
        let (issue, _) = self.load_issue(week)?;
        let members = scan.members(week, &issue);
        let arranged = arrange(&issue, &members, &self.section_keys());
        let ids: Vec<&str> = arranged
            .iter()
            .find(|s| s.key.as_deref() == Some(section.as_str()))
            .map(|s| s.entries.iter().map(|e| e.id.as_str()).collect())
            .unwrap_or_default();
        let Some(index) = ids.iter().position(|i| *i == id) else {
            return Err(Error::invalid(
                what,
                format!("issue {week} does not show it in section {section}; run `galley record`, then try again"),
            ));
        };
        let target = match step {
            Step::Up => index.checked_sub(1),
            Step::Down => Some(index + 1).filter(|i| *i < ids.len()),
        };
        let Some(position) = target else {
            let edge = match step {
                Step::Up => "first",
                Step::Down => "last",
            };
            return Err(Error::invalid(
                what,
                format!(
                    "it is {edge} in section {section} already; moving it into another section is \
                     its own step: `galley issue move {id} --to {week} --section KEY`"
                ),
            ));
        };
        self.move_commentary(id, week, Some(&section), Some(position))
    }

    /// Where each of a commentary's files goes when it moves to `week`: into the week's
    /// folder, keeping its name. Files already there, and files in folders that are neither a
    /// week's nor `unfiled` (a layout the team chose), stay. Refuses, before anything changes,
    /// when a file of that name is in the week's folder already.
    fn plan_file_moves(&self, drafts: &[Found], week: IsoWeek) -> Result<Vec<(String, String)>> {
        let folder = week.to_string();
        let mut moves = Vec::new();
        for found in drafts {
            let (parent, name) = found.rel.rsplit_once('/').unwrap_or(("", &found.rel));
            let ours =
                parent.is_empty() || parent == "unfiled" || parent.parse::<IsoWeek>().is_ok();
            if !ours || parent == folder {
                continue;
            }
            let to = format!("{folder}/{name}");
            let target = self.resolve(Path::new(&to))?;
            if target.abs.exists() {
                return Err(Error::invalid(
                    format!("moving {} to {to}", found.rel),
                    "a file of that name is in the week's folder already; rename one of them, \
                     then move the commentary again",
                ));
            }
            moves.push((found.rel.clone(), target.rel));
        }
        Ok(moves)
    }

    /// Moves the files as one operation: a move that fails puts the ones already made back.
    /// Then records both names of each, so history sees renames and every version follows.
    pub(super) fn move_files(&mut self, moves: &[(String, String)]) -> Result<()> {
        let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
        for (from, to) in moves {
            let from = self.resolve(Path::new(from))?.abs;
            let to = self.resolve(Path::new(to))?.abs;
            if let Some(folder) = to.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| Error::io("create the folder", folder, e))?;
            }
            if let Err(e) = crate::atomic::rename_durable(&from, &to) {
                for (back_from, back_to) in done.iter().rev() {
                    // Best effort: each file is whole under one name or the other either way.
                    let _ = crate::atomic::rename_durable(back_to, back_from);
                }
                return Err(e);
            }
            done.push((from, to));
        }
        let paths: Vec<PathBuf> = done.into_iter().flat_map(|(a, b)| [a, b]).collect();
        if !paths.is_empty() {
            self.record_paths(&paths)?;
        }
        Ok(())
    }

    /// Sets commentary `id`'s editorial status, attributed to the workspace's author. Forward
    /// one step at a time (approval passes through review), back any number. An approval
    /// names the text of every language version as it is now; an approved commentary whose
    /// texts changed since can be approved again.
    pub fn set_editorial_status(
        &mut self,
        id: &str,
        status: EditorialStatus,
        note: Option<&str>,
    ) -> Result<EditorialEvent> {
        let drafts = self.commentary(id)?;
        self.refresh_records()?;
        let current = self
            .records()
            .editorial(id)
            .map_or(EditorialStatus::Draft, |e| e.status);
        let what = || format!("the editorial status of commentary {id}");
        let versions = if status == EditorialStatus::Approved {
            self.texts_to_approve(&drafts)?
        } else {
            BTreeMap::new()
        };
        let reapproval = current == EditorialStatus::Approved
            && status == EditorialStatus::Approved
            && self.changed_since_approval(id, &drafts)?;
        if current == status && !reapproval {
            return Err(Error::invalid(
                what(),
                format!("it is {} already", status.as_str()),
            ));
        }
        if !reapproval && !current.can_change_to(status) {
            return Err(Error::invalid(
                what(),
                format!(
                    "it is {}; approval goes through review: set it to in-review first",
                    current.as_str()
                ),
            ));
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.append_record(Body::Editorial {
            commentary: id.to_string(),
            status,
            prev: None,
            note: note.map(str::to_string),
            versions,
        })?;
        self.records()
            .editorial(id)
            .cloned()
            .ok_or_else(|| Error::Corrupt {
                what: format!("the editorial status of {id} was written but cannot be read back"),
            })
    }

    /// Every editorial status change of commentary `id`, newest first.
    pub fn editorial_log(&self, id: &str) -> Result<Vec<EditorialEvent>> {
        Ok(self.records().editorial_log(id))
    }

    /// Adds an editorial note (never published) to commentary `id`, by the workspace's author.
    pub fn add_editorial_note(&mut self, id: &str, text: &str) -> Result<EditorialNote> {
        self.commentary(id)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid(
                format!("the editorial note on {id}"),
                "it is empty; write what the note says",
            ));
        }
        let event = self.append_record(Body::Note {
            commentary: id.to_string(),
            text: text.to_string(),
        })?;
        Ok(EditorialNote {
            id: event.id.to_string(),
            draft_id: id.to_string(),
            author: event.author,
            at: event.at,
            text: text.to_string(),
        })
    }

    /// Commentary `id`'s editorial notes, oldest first.
    pub fn editorial_notes(&self, id: &str) -> Result<Vec<EditorialNote>> {
        Ok(self.records().notes(id))
    }

    /// The language board of issue `week`: commentaries (in publication order) × the
    /// workspace's languages, with editorial and translation status, outdated flags, word
    /// counts and what the readiness check needs.
    pub fn issue_board(&self, week: IsoWeek) -> Result<Board> {
        self.board_in(&mut self.folder()?, week)
    }

    /// [`Workspace::issue_board`] of the folder model, in one pass: only the week's
    /// commentaries are read in full (its problems are taken).
    pub(super) fn board_in(&self, scan: &mut Folder, week: IsoWeek) -> Result<Board> {
        let mut conflicts = Vec::new();
        let mut conflict_problems = Vec::new();
        let (issue, exists) = match self.load_issue(week) {
            Ok(loaded) => loaded,
            // The board shows the issue file's "ours" side while its conflict blocks export.
            Err(e @ Error::ConflictMarkers { .. }) => {
                let Some(ours) = self.issue_ours_side(week) else {
                    return Err(e);
                };
                conflicts.push(BoardConflict {
                    path: issue_path(week),
                    copy_of: None,
                    id: None,
                });
                conflict_problems.push(e);
                (ours, true)
            }
            Err(e) => return Err(e),
        };
        let view = self.view_of(week, scan, issue, exists);
        let prefix = format!("{week}/");
        let week_text = week.to_string();
        for rel in &scan.conflicted {
            // Whose it is and which week its "ours" side names, when that side reads.
            let ours = scan.drafts.iter().find(|d| &d.path == rel);
            if rel.starts_with(&prefix)
                || ours.is_some_and(|d| d.issue.as_ref() == Some(&week_text))
            {
                conflicts.push(BoardConflict {
                    path: rel.clone(),
                    copy_of: None,
                    id: ours.map(|d| d.draft_id.clone()),
                });
            }
        }
        for (rel, copy) in &scan.copies {
            if rel.starts_with(&prefix) {
                let id = scan
                    .drafts
                    .iter()
                    .find(|d| d.path == copy.original)
                    .map(|d| d.draft_id.clone());
                conflicts.push(BoardConflict {
                    path: rel.clone(),
                    copy_of: Some(copy.original.clone()),
                    id,
                });
                conflict_problems.push(Error::conflict_copy(rel.clone(), copy.clone()));
            }
        }
        conflicts.sort_by(|a, b| a.path.cmp(&b.path));
        let languages = self.settings().languages.clone();
        let grid = self.translation_grid_in(scan, Some(week))?;
        let mut problems = grid.problems;
        problems.extend(conflict_problems);
        let mut grid_rows: HashMap<String, GridRow> =
            grid.rows.into_iter().map(|r| (r.id.clone(), r)).collect();
        let editorial = self.records().editorials();
        let mut rows = Vec::new();
        for section in &view.sections {
            for entry in &section.entries {
                if !entry.has_files() {
                    rows.push(BoardRow::without_files(
                        entry,
                        section.key.clone(),
                        &languages,
                    ));
                    continue;
                }
                let grid_row = match grid_rows.remove(&entry.id) {
                    Some(row) => row,
                    // Listed here while its front matter names another week.
                    None => self.translation_row_in(scan, &entry.id)?,
                };
                let found = self.read_commentary(scan, &entry.id, true);
                let versions: Vec<&Found> = found.iter().collect();
                let event = editorial.get(&entry.id).cloned();
                let approval = self.approval(&entry.id);
                let cells = languages
                    .iter()
                    .map(|lang| {
                        self.board_cell(lang, &entry.id, &grid_row, &versions, approval.as_ref())
                    })
                    .collect::<Result<Vec<_>>>()?;
                rows.push(BoardRow {
                    id: entry.id.clone(),
                    title: entry.title.clone(),
                    section: section.key.clone(),
                    listed: entry.listed,
                    readable: true,
                    editorial: event.as_ref().map_or(EditorialStatus::Draft, |e| e.status),
                    editorial_event: event,
                    cells,
                });
            }
        }
        self.add_unreadable(week, scan, &mut rows, &mut problems)?;
        Ok(Board {
            week,
            languages,
            rows,
            problems,
            conflicts,
            titles: view.issue.titles.clone(),
        })
    }

    /// Issue `week` as shown (its file, or the defaults) with its board, from one look at the
    /// folder.
    pub fn issue_with_board(&self, week: IsoWeek) -> Result<(IssueView, Board)> {
        let mut folder = self.folder()?;
        let view = self.view_with(week, &folder)?;
        let board = self.board_in(&mut folder, week)?;
        Ok((view, board))
    }

    /// Per language, every reason issue `week` cannot be published yet.
    pub fn issue_readiness(&self, week: IsoWeek) -> Result<Readiness> {
        Ok(readiness(&self.issue_board(week)?))
    }

    fn board_cell(
        &self,
        lang: &str,
        id: &str,
        row: &GridRow,
        versions: &[&Found],
        approval: Option<&Approval>,
    ) -> Result<BoardCell> {
        let grid_cell = row.cells.iter().find(|c| c.lang == lang);
        let found = versions.iter().find(|d| d.lang() == lang);
        let (Some(grid_cell), Some(found)) = (grid_cell, found) else {
            return Ok(BoardCell::missing(lang));
        };
        let sha256 = ContentHash::of(found.draft.text().as_bytes());
        let approval = approval
            .map(|a| self.cell_approval(a, id, lang, &sha256))
            .transpose()?;
        let front = found.draft.front();
        let empty_fields = RequiredField::ALL
            .into_iter()
            .filter(|field| match field {
                RequiredField::Title => front.title.trim().is_empty(),
                RequiredField::Lead => front.lead.trim().is_empty(),
                RequiredField::Authors => front.authors.iter().all(|a| a.trim().is_empty()),
                RequiredField::Trend => front.trend.is_none(),
            })
            .collect();
        let mut invalid = Vec::new();
        if let Some(section) = &front.section {
            if self.check_section(section).is_err() {
                invalid.push(format!(
                    "`{section}` is not a section of this workspace ({})",
                    self.section_keys().join(", ")
                ));
            }
        }
        Ok(BoardCell {
            lang: lang.to_string(),
            role: grid_cell.role,
            path: Some(found.rel.clone()),
            title: front.title.clone(),
            translation: grid_cell.status,
            translation_of: grid_cell.translation_of.clone(),
            outdated: grid_cell.is_outdated(),
            words: Some(count_words(found.draft.body())),
            paragraphs: Some(split_paragraphs(found.draft.body()).len()),
            slug: Some(found.slug()),
            sha256: Some(sha256),
            approval,
            empty_fields,
            invalid,
            missing_links: self.missing_links(&found.rel, found.draft.body()),
        })
    }

    /// The relative link targets in `body` (of the draft at `rel`) with no file behind them.
    fn missing_links(&self, rel: &str, body: &str) -> Vec<String> {
        let folder = rel.rsplit_once('/').map_or("", |(folder, _)| folder);
        file_links(body)
            .into_iter()
            .filter(|target| {
                let joined = match target.strip_prefix('/') {
                    Some(from_root) => from_root.to_string(),
                    None if folder.is_empty() => target.clone(),
                    None => format!("{folder}/{target}"),
                };
                match self.resolve(Path::new(&joined)) {
                    Ok(found) => !found.abs.exists(),
                    Err(_) => true,
                }
            })
            .collect()
    }

    /// Files of the week's folder that could not be read: on their commentary's row when
    /// history knows whose they are, else as a row of their own named by the file.
    fn add_unreadable(
        &self,
        week: IsoWeek,
        scan: &Folder,
        rows: &mut Vec<BoardRow>,
        problems: &mut Vec<Error>,
    ) -> Result<()> {
        let prefix = format!("{week}/");
        let unreadable: Vec<&(String, String)> = scan
            .unreadable
            .iter()
            .filter(|(rel, _)| rel.starts_with(&prefix) && !scan.conflicted.contains(rel))
            .collect();
        if unreadable.is_empty() {
            return Ok(());
        }
        let known = self.history().known_files()?;
        for (rel, error) in unreadable {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            let identity = known.iter().find(|k| &k.path == rel);
            let lang = identity
                .map(|k| k.lang.clone())
                .or_else(|| lang_from_file_name(name).map(str::to_string))
                .unwrap_or_default();
            let id = identity.map_or_else(
                || name.split('.').next().unwrap_or(name).to_string(),
                |k| k.draft_id.clone(),
            );
            let row_index = match rows.iter().position(|r| r.id == id) {
                Some(index) => index,
                None => {
                    rows.push(BoardRow {
                        title: Some(String::new()),
                        readable: false,
                        editorial: self
                            .records()
                            .editorial(&id)
                            .map_or(EditorialStatus::Draft, |e| e.status),
                        ..BoardRow::without_files(
                            &crate::issue::Entry {
                                id: id.clone(),
                                title: None,
                                listed: false,
                            },
                            None,
                            &self.settings().languages,
                        )
                    });
                    rows.len() - 1
                }
            };
            if let Some(cell) = rows[row_index].cells.iter_mut().find(|c| c.lang == lang) {
                cell.path = Some(rel.clone());
                cell.invalid.push(error.clone());
            }
            problems.push(Error::invalid(rel.clone(), error.clone()));
        }
        Ok(())
    }

    pub(super) fn view_with(&self, week: IsoWeek, scan: &Folder) -> Result<IssueView> {
        let (issue, exists) = self.load_issue(week)?;
        Ok(self.view_of(week, scan, issue, exists))
    }

    fn view_of(&self, week: IsoWeek, scan: &Folder, issue: Issue, exists: bool) -> IssueView {
        let members = scan.members(week, &issue);
        let sections = arrange(&issue, &members, &self.section_keys());
        IssueView {
            path: issue_path(week),
            issue,
            exists,
            sections,
        }
    }

    /// What the "ours" side of `week`'s issue file (which has conflict markers) says, when
    /// it reads as an issue. Only for showing; never written back.
    fn issue_ours_side(&self, week: IsoWeek) -> Option<Issue> {
        let path = issue_path(week);
        let target = self.resolve(Path::new(&path)).ok()?;
        let text = std::fs::read_to_string(&target.abs).ok()?;
        let sides = crate::conflict::sides(&text)?;
        Issue::parse(&path, week, &sides.ours).ok()
    }

    /// The issue file of `week`, or the defaults when there is none (`false`).
    pub(super) fn load_issue(&self, week: IsoWeek) -> Result<(Issue, bool)> {
        let path = issue_path(week);
        let target = self.resolve(Path::new(&path))?;
        match std::fs::read_to_string(&target.abs) {
            Ok(text) => Ok((Issue::parse(&path, week, &text)?, true)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Issue::new(week), false)),
            Err(e) => Err(Error::io("read", &path, e)),
        }
    }

    /// Writes the issue file unless what is there already says the same. A week's first
    /// issue file gets titles from the settings' patterns when it has none.
    pub(super) fn write_issue(&self, issue: &Issue, scan: &Folder) -> Result<bool> {
        let mut issue = issue.clone();
        match self.load_issue(issue.week) {
            Ok((current, true)) if current == issue => return Ok(false),
            Ok((_, false)) if issue.titles.is_empty() => self.fill_titles(&mut issue),
            _ => {}
        }
        let target = self.resolve(Path::new(&issue_path(issue.week)))?;
        if let Some(folder) = target.abs.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| Error::io("create the folder", folder, e))?;
        }
        let text = issue.render(&|id| scan.title_of(id));
        write_atomic(&target.abs, text.as_bytes())?;
        Ok(true)
    }

    fn section_keys(&self) -> Vec<String> {
        self.settings()
            .sections
            .iter()
            .map(|s| s.key.clone())
            .collect()
    }

    pub(super) fn check_section(&self, section: &str) -> Result<()> {
        let keys = self.section_keys();
        if section.is_empty() || (!keys.is_empty() && !keys.iter().any(|k| k == section)) {
            return Err(Error::invalid(
                format!("the section `{section}`"),
                format!("the workspace's sections are {}", keys.join(", ")),
            ));
        }
        Ok(())
    }
}
