//! galley-core: all of Galley's domain logic, with no GUI and no Tauri.
//!
//! Module map (see ARCHITECTURE.md for the invariants):
//! - `error`     one typed error with a stable `kind()`
//! - `clock`     the injected clock
//! - `hash`      SHA-256 content addressing
//! - `conflict`  git conflict markers and sync tools' conflict copies, found so they are never content
//! - `draft`     Markdown + YAML front matter: parse, validate, edit without rewriting bytes
//! - `diff`      paragraph-then-word diffs with a deadline
//! - `merge`     three-way merges of drafts (paragraphs, fields) and issue files, never leaving markers
//! - `history`   the SQLite store of versions and compact, deduplicated content
//! - `atomic`    crash-safe file replacement and temp-file hygiene
//! - `git`       running the system git safely (no hooks, no prompts, no credentials in messages)
//! - `faults`    the seam tests use to make Galley's writes fail (full disk, read-only, EIO)
//! - `paths`     the one gate that keeps paths inside the workspace
//! - `search`    full-text search: safe query building, index columns, highlighted snippets
//! - `settings`  `.galley/settings.toml`: languages, sections, team
//! - `settings_edit` the Settings view's changes, written back keeping the file's comments and layout
//! - `profile`   the user's own profile (name, role, UI language), outside any workspace
//! - `recent`    the user's recently opened workspaces (a small file the caller places)
//! - `records`   the team's records: journal lines, their checks, the deterministic fold
//! - `reconcile` the pure plan that turns folder state into history operations
//! - `watch`     debounced notifications of external edits
//! - `issue`     weekly issues: the issue file, order, language board, readiness
//! - `translation` language versions: status, base, outdated fields and paragraphs, chains
//! - `workspace` the facade the CLI and the desktop shell call
//! - `po`        the gettext PO route for the same jobs: placeables as short tags, fuzzy + previous msgid
//! - `xliff`     XLIFF 1.2 export/import of translation jobs, Markdown protected as inline codes
//! - `bundle`    publishing bundles: HTML pages, email, feeds, ninjs, Hugo sources, manifest, zip
//! - `invariants` what must hold for any input; the fuzz targets and the corpus replay check it

pub mod atomic;
pub mod bundle;
pub mod clock;
pub mod conflict;
pub mod diff;
pub mod draft;
pub mod error;
pub mod faults;
pub mod git;
pub mod hash;
pub mod history;
pub mod import_map;
pub mod invariants;
pub mod issue;
pub mod merge;
pub mod paths;
pub mod plural;
pub mod po;
pub mod profile;
pub mod publication;
pub mod recent;
pub mod reconcile;
pub mod records;
pub mod search;
pub mod settings;
pub mod settings_edit;
pub mod translation;
pub mod watch;
pub mod workspace;
pub mod xliff;

pub use error::{Detail, Error, ErrorCode, ErrorKind, Result};
