//! The language board of an issue and its readiness check, read from the folder model in one
//! pass.

use super::approval::Approval;
use super::folder::{Folder, Found};
use super::{IssueView, Workspace};
use crate::draft::count_words;
use crate::draft::{lang_from_file_name, IsoWeek};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::issue::{
    file_links, issue_path, readiness, Board, BoardCell, BoardConflict, BoardRow, Readiness,
    RequiredField,
};
use crate::records::EditorialStatus;
use crate::translation::{split_paragraphs, GridRow};
use std::collections::HashMap;
use std::path::Path;

impl Workspace {
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
                    notes: self.records().notes(&entry.id),
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
        let unreadable: Vec<_> = scan
            .unreadable
            .iter()
            .filter(|(rel, ..)| rel.starts_with(&prefix) && !scan.conflicted.contains(rel))
            .collect();
        if unreadable.is_empty() {
            return Ok(());
        }
        let known = self.history().known_files()?;
        for (rel, error, detail) in unreadable {
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
            // The file's own code, so the app words why it is unreadable, not only in English.
            let problem = Error::invalid(rel.clone(), error.clone());
            problems.push(match detail {
                Some(d) => problem.with_detail(d.code, d.args.clone()),
                None => problem,
            });
        }
        Ok(())
    }
}
