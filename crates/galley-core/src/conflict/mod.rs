//! Conflicts other tools leave in the folder, recognised so they are never taken for content:
//! git's conflict markers inside a text ([`find_markers`], [`sides`]) and the conflict copies
//! sync tools put beside a file ([`conflict_copy`]). Pure: text and names in, findings out.

mod copies;
mod markers;

pub use copies::{conflict_copy, conflict_copy_path, ConflictCopy, SyncTool};
pub use markers::{find_markers, sides, MarkerBlock, Markers, Sides};
