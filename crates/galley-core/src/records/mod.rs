//! The team's records: what one role tells the others (translation statuses and their bases,
//! minor marks, editorial statuses, notes, labels, who made each version), kept as append-only
//! journals inside the workspace, one per writer, so any file transport moves them and a git
//! merge can only add lines. Pure: the workspace (`workspace/journal.rs`) reads and appends
//! the files; this module parses lines (`event`, `read`) and folds them (`fold`).
//!
//! Invariant: records name texts by SHA-256 and events by `<writer>.<n>`, never by a local
//! row id; the state is a pure function of the set of events.

mod event;
mod fold;
mod read;
mod status;

pub use event::{is_writer_name, Body, Event, EventId, VersionOrigin, FORMAT, MAX_LINE};
pub use fold::{
    Concurrent, EditorialEvent, EditorialNote, HandledMark, LabelRecord, MinorMark, Records,
    StatusEvent, VersionRecord,
};
pub use read::{read_journal, writer_of, JournalFile, LineProblem, JOURNAL_EXTENSION};
pub use status::{EditorialStatus, TranslationStatus};
