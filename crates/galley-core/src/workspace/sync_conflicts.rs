//! The conflicts a sync leaves: which files, both sides by hash, and how someone settles one —
//! one side whole, a text of their own, or paragraph by paragraph and field by field.
//!
//! They are this machine's state (`local_state`): a conflict is settled by saving a text, and
//! that version is what travels.

use super::Workspace;
use crate::draft::{key_block_texts, Draft};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::merge::{merge_draft_choosing, Choices, DraftMerge};
use std::path::Path;

const CONFLICTS_KEY: &str = "sync.conflicts";

/// A file both sides changed in the same place: what stays on disk is `ours` (merged with
/// every change that did not clash); `theirs` is a version in History to compare or take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConflict {
    pub path: String,
    pub ours: ContentHash,
    pub theirs: ContentHash,
    /// The text both sides started from, when known: it lets the two sides be told apart
    /// paragraph by paragraph.
    pub base: Option<ContentHash>,
}

/// What differs between the two sides of a draft in conflict, piece by piece: each piece can
/// be settled with either side ([`Workspace::resolve_conflict_choosing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictParts {
    /// Stretches of the body (usually one paragraph each), in order.
    pub paragraphs: Vec<PartSides>,
    /// Front matter keys, with each side's lines for the key (empty: that side has none).
    pub fields: Vec<(String, PartSides)>,
}

/// One piece as each side has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSides {
    pub ours: String,
    pub theirs: String,
}

impl Workspace {
    /// The conflicts a sync left for the user to settle.
    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflict>> {
        let Some(stored) = self.history().local_value(CONFLICTS_KEY)? else {
            return Ok(Vec::new());
        };
        Ok(stored.lines().filter_map(parse_line).collect())
    }

    /// Settles the conflict at `path` with one side's text: `theirs`, or the text on disk.
    pub fn resolve_conflict_with(&mut self, path: &str, theirs: bool) -> Result<()> {
        let conflict = self.conflict_at(path)?;
        let text = self.conflict_text(&conflict, theirs)?;
        self.resolve_conflict(path, &text)
    }

    /// Settles the conflict at `path` with the given text (ours, theirs, or another), saved
    /// as a new version; the next sync sends it.
    pub fn resolve_conflict(&mut self, path: &str, text: &str) -> Result<()> {
        self.conflict_at(path)?;
        let loaded = self.disk_hash(path)?;
        if let super::SaveOutcome::Conflict { .. } = self.save(path, text, loaded)? {
            return Err(Error::invalid(
                path.to_string(),
                "it changed while the conflict was being settled; look again",
            )
            .coded(ErrorCode::ChangedDuringAction, [("path", path.to_string())]));
        }
        let mut conflicts = self.sync_conflicts()?;
        conflicts.retain(|c| c.path != path);
        self.remember_conflicts_replacing(&conflicts)
    }

    /// The text of one side of a conflict.
    pub fn conflict_text(&self, conflict: &SyncConflict, theirs: bool) -> Result<String> {
        let hash = if theirs {
            conflict.theirs
        } else {
            conflict.ours
        };
        self.history().text_by_hash(&hash)
    }

    /// The pieces the two sides of the draft at `path` disagree on, or `None` when they can
    /// only be compared whole (not a draft, or the text they started from is not here).
    pub fn conflict_parts(&self, path: &str) -> Result<Option<ConflictParts>> {
        let conflict = self.conflict_at(path)?;
        let Some(merge) = self.remerge(&conflict, &Choices::default())? else {
            return Ok(None);
        };
        let DraftMerge::Conflict {
            ours_text,
            theirs_text,
            paragraphs,
            fields,
            ..
        } = merge
        else {
            return Ok(None);
        };
        if paragraphs.is_empty() && fields.is_empty() {
            return Ok(None);
        }
        let blocks = |text: &str| {
            Draft::parse(Path::new(path), text.as_bytes())
                .map(|d| key_block_texts(&d))
                .unwrap_or_default()
        };
        let (ours_blocks, theirs_blocks) = (blocks(&ours_text), blocks(&theirs_text));
        let block_of = |blocks: &[(String, String)], key: &str| {
            blocks
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, b)| b.trim_end().to_string())
                .unwrap_or_default()
        };
        Ok(Some(ConflictParts {
            paragraphs: paragraphs
                .into_iter()
                .map(|p| PartSides {
                    ours: p.ours,
                    theirs: p.theirs,
                })
                .collect(),
            fields: fields
                .into_iter()
                .map(|key| {
                    let sides = PartSides {
                        ours: block_of(&ours_blocks, &key),
                        theirs: block_of(&theirs_blocks, &key),
                    };
                    (key, sides)
                })
                .collect(),
        }))
    }

    /// Settles the conflict at `path` piece by piece: theirs where `choices` says, ours
    /// everywhere else (the pieces as [`Workspace::conflict_parts`] numbers them).
    pub fn resolve_conflict_choosing(&mut self, path: &str, choices: &Choices) -> Result<()> {
        let conflict = self.conflict_at(path)?;
        let Some(merge) = self.remerge(&conflict, choices)? else {
            return Err(Error::invalid(
                path.to_string(),
                "its two sides can only be compared whole; keep one side, or save a text of \
                 your own",
            )
            .coded(ErrorCode::ConflictWholeOnly, [("path", path.to_string())]));
        };
        let text = match merge {
            DraftMerge::Clean(text) => text,
            DraftMerge::Conflict {
                merged_with_ours,
                paragraphs,
                fields,
                ..
            } => {
                let unknown_paragraph = choices
                    .theirs_paragraphs
                    .iter()
                    .find(|&&n| n >= paragraphs.len())
                    .map(|n| format!("paragraph {}", n + 1));
                let unknown_field = choices
                    .theirs_fields
                    .iter()
                    .find(|key| !fields.contains(key))
                    .map(|key| format!("the field `{key}`"));
                if let Some(piece) = unknown_paragraph.or(unknown_field) {
                    return Err(Error::invalid(
                        path.to_string(),
                        format!(
                            "its sides do not disagree on {piece}; `galley conflicts {path}` \
                             lists the pieces to choose from"
                        ),
                    )
                    .coded(
                        ErrorCode::ConflictPieceUnknown,
                        [("path", path.to_string())],
                    ));
                }
                merged_with_ours
            }
        };
        self.resolve_conflict(path, &text)
    }

    /// Merges the two sides again from the text they started from, taking theirs where
    /// `choices` says. Ours already holds every change of theirs that did not clash, so what
    /// is left to choose is exactly what clashed. `None` without a base or for a non-draft.
    fn remerge(&self, conflict: &SyncConflict, choices: &Choices) -> Result<Option<DraftMerge>> {
        let Some(base) = conflict.base.filter(|_| conflict.path.ends_with(".md")) else {
            return Ok(None);
        };
        let Ok(base) = self.history().text_by_hash(&base) else {
            return Ok(None);
        };
        let ours = self.conflict_text(conflict, false)?;
        let theirs = self.conflict_text(conflict, true)?;
        Ok(Some(merge_draft_choosing(&base, &ours, &theirs, choices)))
    }

    /// The conflict at `path`, refusing a path outside the workspace as such.
    fn conflict_at(&self, path: &str) -> Result<SyncConflict> {
        crate::paths::resolve(self.root(), Path::new(path))?;
        self.sync_conflicts()?
            .into_iter()
            .find(|c| c.path == path)
            .ok_or_else(|| {
                Error::NotFound {
                    what: format!("a conflict at {path}"),
                    hint: ". `galley conflicts` lists them.".into(),
                    detail: None,
                }
                .coded(ErrorCode::ConflictNotFound, [("path", path.to_string())])
            })
    }

    pub(super) fn remember_conflicts(&self, new: &[SyncConflict]) -> Result<()> {
        let mut all = self.sync_conflicts()?;
        for conflict in new {
            all.retain(|c| c.path != conflict.path);
            all.push(conflict.clone());
        }
        self.remember_conflicts_replacing(&all)
    }

    fn remember_conflicts_replacing(&self, all: &[SyncConflict]) -> Result<()> {
        let text: Vec<String> = all.iter().map(format_line).collect();
        self.history()
            .set_local_value(CONFLICTS_KEY, &text.join("\n"))
    }
}

/// `ours TAB theirs TAB base-or-empty TAB path`; lines without the base (an earlier release)
/// still read.
fn format_line(c: &SyncConflict) -> String {
    let base = c.base.map(|b| b.to_hex()).unwrap_or_default();
    format!(
        "{}\t{}\t{base}\t{}",
        c.ours.to_hex(),
        c.theirs.to_hex(),
        c.path
    )
}

fn parse_line(line: &str) -> Option<SyncConflict> {
    let mut parts = line.splitn(3, '\t');
    let ours = ContentHash::from_hex(parts.next()?)?;
    let theirs = ContentHash::from_hex(parts.next()?)?;
    let rest = parts.next()?;
    let (base, path) = match rest.split_once('\t') {
        Some((base, path)) => (ContentHash::from_hex(base), path),
        None => (None, rest),
    };
    Some(SyncConflict {
        path: path.to_string(),
        ours,
        theirs,
        base,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_lines_read_back_with_and_without_a_base() {
        let hash = |s: &str| ContentHash::of(s.as_bytes());
        let with = SyncConflict {
            path: "2020-W10/a b.ru.md".into(),
            ours: hash("o"),
            theirs: hash("t"),
            base: Some(hash("b")),
        };
        let without = SyncConflict {
            base: None,
            ..with.clone()
        };
        assert_eq!(parse_line(&format_line(&with)), Some(with.clone()));
        assert_eq!(parse_line(&format_line(&without)), Some(without.clone()));
        let legacy = format!(
            "{}\t{}\t{}",
            with.ours.to_hex(),
            with.theirs.to_hex(),
            with.path
        );
        assert_eq!(parse_line(&legacy), Some(without));
    }
}
