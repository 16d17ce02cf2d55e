//! Merging the issue file with the folder: the file orders what it lists; commentaries whose
//! front matter names the issue but that the file does not list are never lost — they come last
//! in their section (sections the file does not name follow, in the settings' order).

use super::file::{Issue, IssueSection};

/// A commentary as the folder shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    /// The source language version's title (or any version's, if there is no source).
    pub title: String,
    /// The section its front matter names.
    pub section: Option<String>,
    /// Whether its front matter names this issue (a listed commentary may name another).
    pub in_issue: bool,
}

/// A section of the issue as shown: the file's sections first, then any others members name;
/// commentaries without a section come last under `key: None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrangedSection {
    pub key: Option<String>,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// `None` when no draft has this id.
    pub title: Option<String>,
    /// Listed in the issue file (otherwise placed by its front matter).
    pub listed: bool,
}

impl Entry {
    pub fn has_files(&self) -> bool {
        self.title.is_some()
    }
}

/// The issue's sections and commentaries in publication order. `members` are the commentaries
/// whose front matter names the issue plus any the file lists, in a stable order (by path);
/// `section_order` is the settings' section keys.
pub fn arrange(
    issue: &Issue,
    members: &[Member],
    section_order: &[String],
) -> Vec<ArrangedSection> {
    let find = |id: &str| members.iter().find(|m| m.id == id);
    let mut sections: Vec<ArrangedSection> = issue
        .sections
        .iter()
        .map(|s| ArrangedSection {
            key: Some(s.key.clone()),
            entries: s
                .commentaries
                .iter()
                .map(|id| Entry {
                    id: id.clone(),
                    title: find(id).map(|m| m.title.clone()),
                    listed: true,
                })
                .collect(),
        })
        .collect();
    let mut extra: Vec<ArrangedSection> = Vec::new();
    for member in members {
        if !member.in_issue || issue.position_of(&member.id).is_some() {
            continue;
        }
        let entry = Entry {
            id: member.id.clone(),
            title: Some(member.title.clone()),
            listed: false,
        };
        match sections.iter_mut().find(|s| s.key == member.section) {
            Some(section) => section.entries.push(entry),
            None => match extra.iter_mut().find(|s| s.key == member.section) {
                Some(section) => section.entries.push(entry),
                None => extra.push(ArrangedSection {
                    key: member.section.clone(),
                    entries: vec![entry],
                }),
            },
        }
    }
    // Settings order first, then unknown keys alphabetically, then no section at all.
    extra.sort_by_key(|s| match &s.key {
        Some(key) => match section_order.iter().position(|k| k == key) {
            Some(i) => (0, i, String::new()),
            None => (1, 0, key.clone()),
        },
        None => (2, 0, String::new()),
    });
    sections.extend(extra);
    sections
}

/// Writes the arrangement into the issue, so positions in the file equal positions on screen
/// (commentaries without a section stay out: the file has nowhere to put them).
pub fn adopt(issue: &mut Issue, arranged: &[ArrangedSection]) {
    issue.sections = arranged
        .iter()
        .filter_map(|s| {
            s.key.as_ref().map(|key| IssueSection {
                key: key.clone(),
                commentaries: s.entries.iter().map(|e| e.id.clone()).collect(),
            })
        })
        .collect();
}

/// Takes `id` out of every section. Returns whether it was listed.
pub fn remove(issue: &mut Issue, id: &str) -> bool {
    let mut found = false;
    for section in &mut issue.sections {
        let before = section.commentaries.len();
        section.commentaries.retain(|c| c != id);
        found |= section.commentaries.len() != before;
    }
    found
}

/// Puts `id` into section `key` at `position` (0-based; past the end means last), creating the
/// section at the end if the issue has none by that key. `id` must not be listed already.
pub fn insert(issue: &mut Issue, id: &str, key: &str, position: Option<usize>) {
    let index = match issue.sections.iter().position(|s| s.key == key) {
        Some(index) => index,
        None => {
            issue.sections.push(IssueSection {
                key: key.to_string(),
                commentaries: Vec::new(),
            });
            issue.sections.len() - 1
        }
    };
    let list = &mut issue.sections[index].commentaries;
    let at = position.unwrap_or(list.len()).min(list.len());
    list.insert(at, id.to_string());
}
