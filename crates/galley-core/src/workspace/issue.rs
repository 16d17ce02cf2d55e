//! Weekly issues through the workspace: reading and writing issue files and their titles. Moves
//! are `moves.rs`, the editorial workflow `editorial.rs`, the board and readiness `board.rs`;
//! the rules live in `crate::issue`.

use super::folder::Folder;
use super::rename::check_title;
use super::Workspace;
use crate::atomic::write_atomic;
use crate::draft::IsoWeek;
use crate::error::{Error, ErrorCode, Result};
use crate::issue::{adopt, arrange, issue_path, ArrangedSection, Issue};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use time::Date;

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
            )
            .coded(ErrorCode::IssueExists, [("week", week.to_string())]));
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
        check_title(title, || format!("the {lang} title of issue {week}"))
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

    pub(super) fn view_with(&self, week: IsoWeek, scan: &Folder) -> Result<IssueView> {
        let (issue, exists) = self.load_issue(week)?;
        Ok(self.view_of(week, scan, issue, exists))
    }

    pub(super) fn view_of(
        &self,
        week: IsoWeek,
        scan: &Folder,
        issue: Issue,
        exists: bool,
    ) -> IssueView {
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
    pub(super) fn issue_ours_side(&self, week: IsoWeek) -> Option<Issue> {
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

    pub(super) fn section_keys(&self) -> Vec<String> {
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
            )
            .coded(
                ErrorCode::SectionUnknown,
                [
                    ("section", section.to_string()),
                    ("sections", keys.join(", ")),
                ],
            ));
        }
        Ok(())
    }
}
