//! App-level tests of the desktop package (one binary). Modules:
//! - `support`     a mock-runtime app over a temp copy of the sample workspace
//! - `actions`     new commentary and issue, rename, delete/archive into the trash, restore
//! - `commands`    the IPC commands through Tauri's invoke system and the real capability
//! - `errors`      refusals cross IPC as a code with named facts; the shell's own have none
//! - `editing`     fields, saves and conflicts, versions, diffs, labels, restores
//! - `translating` the translation view, statuses, source diffs, minor marks, library states
//! - `settings`    the profile signing new versions, the workspace's languages and sections
//! - `preview`     the live preview's sanitizing, search with filters, XLIFF export/import
//! - `watching`    external edits become versions and an event
//! - `board`       the issue board: sections, moves, editorial status, readiness, export
//! - `records`     statuses and labels set on another machine: who and when, concurrent
//!   changes, the watcher announcing a journal, drafts with conflict markers
//! - `bindings`    ui/src/ipc/bindings.ts matches the Rust DTOs
//! - `invariants`  structural rules: the core stays free of Tauri, the capability grants
//!   only the app's commands
//! - `launch`      command-line parsing
//! - `menu`        the native menu in the UI's language (labels sent by the UI, English at start)
//! - `spelling`    the spell checker's dictionary for each draft language
//! - `paths`       every command taking a path refuses one outside the workspace
//! - `shell`       switching workspaces: open recent (only listed folders), the recent list
//! - `sync`        sharing through a real bare repository: share, sync, clone, conflicts, offline

mod actions;
mod bindings;
mod board;
mod commands;
mod editing;
mod errors;
mod invariants;
mod launch;
mod menu;
mod paths;
mod preview;
mod records;
mod settings;
mod shell;
mod spelling;
mod support;
mod sync;
mod tidy;
mod translating;
mod watching;
