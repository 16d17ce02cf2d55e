//! Weekly issues: which commentaries go out in which week, in which order, and whether each
//! language of the issue can be published.
//!
//! - An issue is an ISO week. Its file, `<WEEK>/issue.toml` (`file`), holds the date range, a
//!   title per language and the ordered sections with their ordered commentary ids. The file is
//!   the truth for order; a commentary's front matter (`issue:`, `section:`) is the truth for
//!   membership, so a hand-edited file never loses a commentary (`arrange`).
//! - The editorial workflow (draft → in review → approved, and back) is recorded per commentary
//!   in history (`crate::history::EditorialStatus`).
//! - Approval is of texts (`approval`): a later edit that is not minor shows as "changed since
//!   approval" on the board and blocks the language until the editor approves again.
//! - The language board (`board`) is the commentary × language grid the readiness check
//!   (`readiness`) judges: a typed [`Reason`] per blocker, naming commentary, language and what
//!   to do.
//!
//! This module is pure; `workspace/issue.rs` reads the folder and history for it.

mod approval;
mod arrange;
mod board;
mod file;
mod links;
mod readiness;
mod title;

pub use crate::records::{EditorialEvent, EditorialNote, EditorialStatus};
pub use approval::{changed_since, CellApproval};
pub use arrange::{adopt, arrange, insert, remove, ArrangedSection, Entry, Member};
pub use board::{Board, BoardCell, BoardConflict, BoardRow, RequiredField};
pub use file::{issue_path, Issue, IssueSection, ISSUE_FILE};
pub use links::file_links;
pub use readiness::{readiness, text_gap, Blocker, LanguageReadiness, Readiness, Reason};
pub use title::{check_title_pattern, default_title_pattern, issue_title, PLACEHOLDERS};
