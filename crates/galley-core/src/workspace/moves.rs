//! Moving commentaries between and within issues and sections: the issue files and every
//! language version's `issue:`/`section:` and file place, together.

use super::folder::Found;
use super::translate::source_of;
use super::{SaveOutcome, Workspace};
use crate::draft::{update, IsoWeek};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::Version;
use crate::issue::{adopt, arrange, insert, issue_path, remove};
use std::path::{Path, PathBuf};

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
                .coded(ErrorCode::NoSection, [("id", id.to_string())])
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
                    )
                    .coded(
                        ErrorCode::ChangedDuringAction,
                        [("path", found.rel.clone())],
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
            )
            .coded(ErrorCode::NoSection, [("id", id.to_string())]));
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
            )
            .coded(
                ErrorCode::MoveAtEdge,
                [
                    ("id", id.to_string()),
                    ("edge", edge.to_string()),
                    ("section", section),
                ],
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
                )
                .coded(ErrorCode::FileNameTaken, [("path", to)]));
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
}
