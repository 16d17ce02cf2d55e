//! The statuses the records carry: a translation's (missing → in progress → in review → done)
//! and a commentary's editorial one (draft → in review → approved).

/// Where a translation stands. `Missing` is never stored: it is what a language without a file
/// shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TranslationStatus {
    Missing,
    InProgress,
    InReview,
    Done,
}

impl TranslationStatus {
    /// The name used on the command line and in JSON: `missing`, `in-progress`, `in-review`,
    /// `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            TranslationStatus::Missing => "missing",
            TranslationStatus::InProgress => "in-progress",
            TranslationStatus::InReview => "in-review",
            TranslationStatus::Done => "done",
        }
    }

    /// Reads the command-line name (underscores accepted too).
    pub fn parse(name: &str) -> Option<TranslationStatus> {
        match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "missing" => Some(TranslationStatus::Missing),
            "in-progress" => Some(TranslationStatus::InProgress),
            "in-review" => Some(TranslationStatus::InReview),
            "done" => Some(TranslationStatus::Done),
            _ => None,
        }
    }

    pub(crate) fn tag(self) -> &'static str {
        match self {
            TranslationStatus::Missing => "missing",
            TranslationStatus::InProgress => "in_progress",
            TranslationStatus::InReview => "in_review",
            TranslationStatus::Done => "done",
        }
    }

    pub(crate) fn from_tag(tag: &str) -> Option<TranslationStatus> {
        match tag {
            "in_progress" => Some(TranslationStatus::InProgress),
            "in_review" => Some(TranslationStatus::InReview),
            "done" => Some(TranslationStatus::Done),
            _ => None,
        }
    }
}

/// Where a commentary stands editorially (for all its language versions at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditorialStatus {
    Draft,
    InReview,
    Approved,
}

impl EditorialStatus {
    /// The name used on the command line and in JSON: `draft`, `in-review`, `approved`.
    pub fn as_str(self) -> &'static str {
        match self {
            EditorialStatus::Draft => "draft",
            EditorialStatus::InReview => "in-review",
            EditorialStatus::Approved => "approved",
        }
    }

    /// Reads the command-line name (underscores and spaces accepted too).
    pub fn parse(name: &str) -> Option<EditorialStatus> {
        match name
            .trim()
            .to_ascii_lowercase()
            .replace(['_', ' '], "-")
            .as_str()
        {
            "draft" => Some(EditorialStatus::Draft),
            "in-review" => Some(EditorialStatus::InReview),
            "approved" => Some(EditorialStatus::Approved),
            _ => None,
        }
    }

    /// Forward one step at a time (draft → in review → approved), back any number: approval
    /// always passes through review, and any stage can be reopened.
    pub fn can_change_to(self, to: EditorialStatus) -> bool {
        to < self || to as u8 == self as u8 + 1
    }

    /// Every status, in workflow order.
    pub const ALL: [EditorialStatus; 3] = [
        EditorialStatus::Draft,
        EditorialStatus::InReview,
        EditorialStatus::Approved,
    ];

    /// The statuses a commentary in this one can be moved to (`can_change_to`), in order.
    pub fn choices(self) -> Vec<EditorialStatus> {
        Self::ALL
            .into_iter()
            .filter(|&to| to != self && self.can_change_to(to))
            .collect()
    }

    pub(crate) fn tag(self) -> &'static str {
        match self {
            EditorialStatus::Draft => "draft",
            EditorialStatus::InReview => "in_review",
            EditorialStatus::Approved => "approved",
        }
    }

    pub(crate) fn from_tag(tag: &str) -> Option<EditorialStatus> {
        match tag {
            "draft" => Some(EditorialStatus::Draft),
            "in_review" => Some(EditorialStatus::InReview),
            "approved" => Some(EditorialStatus::Approved),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EditorialStatus::{self, Approved, Draft, InReview};

    #[test]
    fn approval_follows_review_only_and_going_back_takes_any_number_of_steps() {
        assert_eq!(Draft.choices(), vec![InReview]);
        assert_eq!(InReview.choices(), vec![Draft, Approved]);
        assert_eq!(Approved.choices(), vec![Draft, InReview]);
        assert!(EditorialStatus::ALL
            .iter()
            .all(|s| !s.choices().contains(s)));
    }
}
