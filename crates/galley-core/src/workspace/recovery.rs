//! What opening a workspace did about a damaged history database, as a report a person can
//! read: what was wrong, where the damaged file went, what was saved and what was lost.

use super::Workspace;
use crate::error::Result;
use crate::history::Salvage;
use std::fmt;

/// The history was damaged and has been rebuilt; see `Workspace::recovery`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub salvage: Salvage,
    /// Files whose current text was not in the salvaged history and was recorded again.
    pub files_recorded: usize,
    /// Files the rebuild could not read (each a problem `galley check` also reports).
    pub files_unreadable: usize,
}

impl Workspace {
    /// `Some` when opening found the history database damaged and rebuilt it.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// After a salvage: rebuilds the known files and the search index from the folder, and
    /// records every file whose current text the salvaged history lacks.
    pub(super) fn rebuild_after_salvage(&mut self, salvage: Salvage) -> Result<()> {
        self.know_files_matching_heads()?;
        let recorded = self.record_all()?;
        self.reindex(&mut |_, _| {})?;
        self.recovery = Some(Recovery {
            salvage,
            files_recorded: recorded.recorded.len(),
            files_unreadable: recorded.problems.len(),
        });
        Ok(())
    }
}

impl Workspace {
    /// Known files start empty in a fresh history: enter every file whose text is already its
    /// salvaged head, so the rescan records only what history really lacks.
    fn know_files_matching_heads(&mut self) -> Result<()> {
        for rel in super::folder::draft_paths(self.root())? {
            let abs = self.root().join(&rel);
            let Ok(draft) = crate::draft::read_draft(&abs, std::path::Path::new(&rel)) else {
                continue;
            };
            let front = draft.front();
            let hash = crate::hash::ContentHash::of(draft.text().as_bytes());
            let head = self.history().head(&front.id, &front.lang)?;
            if head.is_some_and(|h| h.hash == Some(hash) && h.path == rel) {
                let target = self.resolve(std::path::Path::new(&rel))?;
                let file = self.known_file(&target, front, hash)?;
                self.history().upsert_known_file(&file)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Recovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.salvage;
        writeln!(f, "The history database was damaged ({}).", s.problem)?;
        writeln!(
            f,
            "It was moved aside to {} and a new history was made; your drafts were not touched.",
            s.damaged_copy.display()
        )?;
        writeln!(
            f,
            "Saved: {} versions (each verified against its SHA-256) and {} workflow records.",
            s.versions_saved, s.records_saved
        )?;
        if s.versions_unknown {
            writeln!(
                f,
                "Lost: the versions the damaged history held could not be listed, so how many \
                 were lost is unknown; {} keeps them for a specialist.",
                s.damaged_copy.display()
            )?;
        } else if s.versions_lost.is_empty() && s.records_lost == 0 {
            writeln!(f, "Lost: nothing.")?;
        } else {
            let ids: Vec<String> = s
                .versions_lost
                .iter()
                .take(20)
                .map(i64::to_string)
                .collect();
            let more = if s.versions_lost.len() > 20 {
                ", …"
            } else {
                ""
            };
            writeln!(
                f,
                "Lost: {} versions{} and {} workflow records.",
                s.versions_lost.len(),
                if ids.is_empty() {
                    String::new()
                } else {
                    format!(" (ids {}{more})", ids.join(", "))
                },
                s.records_lost
            )?;
        }
        write!(
            f,
            "The current text of every draft is in the new history ({} files recorded again). \
             Run `galley check --deep` to confirm.",
            self.files_recorded
        )
    }
}
