//! Approvals of texts through the workspace: what an approval names for each language version
//! on the board, the texts an approval records, and the diff from the approved text. The rule
//! (`issue::changed_since`) is pure; this file reads the records and history for it.

use super::folder::Found;
use super::Workspace;
use crate::diff::{diff_texts, Diff};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::issue::{changed_since, CellApproval};
use crate::records::{EditorialEvent, EditorialStatus};
use std::collections::BTreeMap;

/// A commentary's approval as the board judges it: the event and the texts it approved.
pub(super) struct Approval {
    pub event: EditorialEvent,
    pub texts: BTreeMap<String, ContentHash>,
}

/// One language version changed since its commentary was approved.
#[derive(Debug, Clone)]
pub struct ApprovalChange {
    pub lang: String,
    /// The file now.
    pub path: String,
    /// The approved text; `None` when the approval names none in this language.
    pub approved: Option<ContentHash>,
    pub now: ContentHash,
    /// From the approved text to the file now; against an empty text when there is no
    /// approved text, or when this machine does not have it.
    pub diff: Diff,
    /// False when the approved text is named but this machine's history does not have it yet.
    pub approved_text_known: bool,
}

impl Workspace {
    /// Commentary `id`'s approval, when its editorial status is approved.
    pub(super) fn approval(&self, id: &str) -> Option<Approval> {
        let event = self
            .records()
            .editorial(id)
            .filter(|e| e.status == EditorialStatus::Approved)?
            .clone();
        let texts = self.records().approved_texts(&event);
        Some(Approval { event, texts })
    }

    /// What `approval` says of the `lang` text `now` of commentary `id`.
    pub(super) fn cell_approval(
        &self,
        approval: &Approval,
        id: &str,
        lang: &str,
        now: &ContentHash,
    ) -> Result<CellApproval> {
        let records = self.records();
        let minor = |text: &ContentHash| records.is_minor(id, lang, text);
        let Some(approved) = approval.texts.get(lang) else {
            // An approval that names its texts but not this language did not approve it. An
            // old one that names none approved what was there before it: only a text a
            // journal records as made after it (and not minor) is a change.
            let changed = if approval.event.versions.is_empty() {
                records
                    .version(id, lang, now)
                    .is_some_and(|v| v.clock > approval.event.clock)
                    && !minor(now)
            } else {
                true
            };
            return Ok(CellApproval {
                approved: None,
                changed,
            });
        };
        let history: Vec<(Option<ContentHash>, bool)> = self
            .history()
            .log(id, lang)?
            .into_iter()
            .map(|v| (v.hash, v.hash.as_ref().is_some_and(minor)))
            .collect();
        let mut newest_first = history;
        // The text on disk may be newer than history (not yet recorded): it leads the walk.
        if newest_first.first().map(|(h, _)| h.as_ref()) != Some(Some(now)) {
            newest_first.insert(0, (Some(*now), minor(now)));
        }
        Ok(CellApproval {
            approved: Some(*approved),
            changed: changed_since(approved, now, &newest_first),
        })
    }

    /// The texts an approval of commentary `id` names: every language file's SHA-256 as it is
    /// on disk, recorded first so each is a version history can show.
    pub(super) fn texts_to_approve(
        &mut self,
        drafts: &[Found],
    ) -> Result<BTreeMap<String, ContentHash>> {
        let paths: Vec<_> = drafts.iter().map(|d| self.root().join(&d.rel)).collect();
        self.record_paths(&paths)?;
        Ok(drafts
            .iter()
            .map(|d| {
                (
                    d.lang().to_string(),
                    ContentHash::of(d.draft.text().as_bytes()),
                )
            })
            .collect())
    }

    /// Whether an approved commentary's texts moved on since (so approving again means
    /// something).
    pub(super) fn changed_since_approval(&self, id: &str, drafts: &[Found]) -> Result<bool> {
        let Some(approval) = self.approval(id) else {
            return Ok(false);
        };
        for found in drafts {
            let now = ContentHash::of(found.draft.text().as_bytes());
            if self
                .cell_approval(&approval, id, found.lang(), &now)?
                .changed
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The language versions of commentary `id` (only `lang`, when given) that changed since
    /// it was approved, each with the diff from the approved text to the file now. Refuses when
    /// the commentary is not approved.
    pub fn changes_since_approval(
        &mut self,
        id: &str,
        lang: Option<&str>,
    ) -> Result<Vec<ApprovalChange>> {
        let drafts = self.commentary(id)?;
        let paths: Vec<_> = drafts.iter().map(|d| self.root().join(&d.rel)).collect();
        self.record_paths(&paths)?;
        if let Some(lang) = lang {
            super::translate::find_lang(&drafts, id, lang)?;
        }
        let approval = self.approval(id).ok_or_else(|| {
            Error::invalid(
                format!("commentary {id}"),
                "it is not approved, so nothing changed since an approval; `galley review log` \
                 shows its editorial history",
            )
        })?;
        let mut changes = Vec::new();
        for found in drafts.iter().filter(|d| lang.is_none_or(|l| d.lang() == l)) {
            let now = ContentHash::of(found.draft.text().as_bytes());
            let judged = self.cell_approval(&approval, id, found.lang(), &now)?;
            if !judged.changed {
                continue;
            }
            let old = match &judged.approved {
                Some(hash) => self.history().text_by_hash(hash).ok(),
                None => None,
            };
            changes.push(ApprovalChange {
                lang: found.lang().to_string(),
                path: found.rel.clone(),
                approved: judged.approved,
                now,
                approved_text_known: judged.approved.is_none() || old.is_some(),
                diff: diff_texts(old.as_deref().unwrap_or(""), found.draft.text()),
            });
        }
        Ok(changes)
    }
}
