//! Approval is of texts: an approval names the SHA-256 of each language version the editor
//! read, and a language whose text moved on since is "changed since approval" until the
//! editor approves again — or every change since was marked minor by its author. Pure: the
//! workspace hands in the approved text and the language's versions.

use crate::hash::ContentHash;

/// What an approval says of one language version on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellApproval {
    /// The text approved in this language; `None` when the approval names none (the language
    /// was added after it, or an old approval has no record of it).
    pub approved: Option<ContentHash>,
    /// The text now differs from the approved one by a change that is not minor.
    pub changed: bool,
}

/// Whether the text now (`newest_first[0]`, when history has caught up) differs from
/// `approved` by a change that counts: walking the language's versions from the newest back to
/// the approved text, any text that is not marked minor (or a deletion) counts. `newest_first`
/// holds each version's text (`None` for a deletion) and whether that text is marked minor.
/// When the approved text is not among them, only a fully minor history keeps the approval.
pub fn changed_since(
    approved: &ContentHash,
    now: &ContentHash,
    newest_first: &[(Option<ContentHash>, bool)],
) -> bool {
    if approved == now {
        return false;
    }
    for (text, minor) in newest_first {
        match text {
            Some(text) if text == approved => return false,
            Some(_) if *minor => {}
            _ => return true,
        }
    }
    true
}
