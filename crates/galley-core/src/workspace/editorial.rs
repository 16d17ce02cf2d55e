//! The editorial workflow through the workspace: statuses (approval names every text it
//! approved) and notes, recorded in this writer's journal.

use super::Workspace;
use crate::error::{Error, ErrorCode, Result};
use crate::records::{Body, EditorialEvent, EditorialNote, EditorialStatus};
use std::collections::BTreeMap;

impl Workspace {
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
            return Err(
                Error::invalid(what(), format!("it is {} already", status.as_str())).coded(
                    ErrorCode::StatusUnchanged,
                    [
                        ("id", id.to_string()),
                        ("status", status.as_str().to_string()),
                    ],
                ),
            );
        }
        if !reapproval && !current.can_change_to(status) {
            return Err(Error::invalid(
                what(),
                format!(
                    "it is {}; approval goes through review: set it to in-review first",
                    current.as_str()
                ),
            )
            .coded(
                ErrorCode::ApprovalNeedsReview,
                [
                    ("id", id.to_string()),
                    ("status", current.as_str().to_string()),
                ],
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
            )
            .coded(ErrorCode::NoteEmpty, [("id", id.to_string())]));
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
}
