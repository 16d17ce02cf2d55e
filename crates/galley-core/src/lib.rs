//! galley-core: all of Galley's domain logic, with no GUI and no Tauri.
//!
//! Module map (see ARCHITECTURE.md for the invariants):
//! - `error`     one typed error with a stable `kind()`
//! - `clock`     the injected clock
//! - `hash`      SHA-256 content addressing
//! - `draft`     Markdown + YAML front matter: parse, validate, edit without rewriting bytes
//! - `diff`      paragraph-then-word diffs with a deadline
//! - `history`   the SQLite store of versions and compact, deduplicated content

pub mod clock;
pub mod diff;
pub mod draft;
pub mod error;
pub mod hash;
pub mod history;

pub use error::{Error, Result};
