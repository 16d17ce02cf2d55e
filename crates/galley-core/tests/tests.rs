//! The core's integration tests, one binary. Modules:
//! - actions:    new commentaries, rename, delete and archive into the trash, restore
//! - approval:   approval of texts: changed since approval, re-approval, minor changes, old journals
//! - error_codes: refusals as a stable code with named facts; the English sentence unchanged
//! - error_codes_by_hand: the codes of what users write by hand or meet from outside (front
//!   matter, the settings file, searches, names, XLIFF files, export targets, git, the board)
//! - diff:       word-level diffs, fixtures in Cyrillic and Latin, the deadline
//! - conflicts:  git conflict markers and sync tools' conflict copies: reported, never content
//! - draft:      front matter parsing, byte-exact round trips, hostile input
//! - history:    versions, dedup, compact storage, hash verification, migrations
//! - import:     importing an archive: inferred fields, reported failures, idempotence
//! - readiness_rules: one rule set: check and export agree on many generated workspace states
//! - reconcile:  the pure plan from folder state and known files
//! - workspace:  open/init, saves, conflicts, restore, external edits, path safety
//! - watch:      the real watcher turning other editors' saves into versions
//! - translation: start, status and base, outdated fields/paragraphs, minor edits, chains
//! - xliff:      XLIFF export/import, identity round trips, inline codes, refusals
//! - xliff_workspace: XLIFF export/import through the workspace, versions, refusals changing nothing
//! - bundle:     publishing bundles: formats, determinism, sanitizing, writing
//! - issue:      issue.toml, moves, the editorial log, the language board, readiness reasons
//! - issue_titles: moves take every file to the new week; titles from patterns, `issue title`
//! - draft_edit: the editor form's field edits, rewriting only changed keys
//! - export:     galley export: readiness refusals, --only-complete, identical zips, manifest
//! - settings:   changing languages and sections: only real changes written, refusals naming drafts
//! - records:    the team's records: a previous release's database moved into a journal once,
//!   bad lines reported by `check`
//! - hostile_journals: untrusted journal lines refused with file and line, never stopping the rest
//! - search:     full-text search, filters, snippets, the index following the folder
//! - fuzz_corpus: replays fuzz/corpus and fuzz/regressions through galley_core::invariants
//! - faults:     a full disk, a read-only folder, failing fsyncs and renames: nothing half-written
//! - hostile:    the hostile-input corpus: each case gets its stated outcome, never a panic
//! - recovery:   a damaged history database found, moved aside, salvaged, indexes rebuilt
//! - translation_view: paragraphs paired by position, rows marked where the source changed
//! - folder:     the one model of the folder: a fresh clone's library, export scoped to its week
//! - translation_handled: "done with this paragraph": rows, counts, stale marks, undo, teammates
//! - module_list: this list names every module of `core/`
//! - support, bundle_samples, xliff_samples: shared fixtures (temp workspaces, a fixed clock,
//!   sample bundles and XLIFF jobs; the last two shared with the `consumers` target)
//!
//! Tests that run real consumers (vnu, hugo, OmegaT, translate-toolkit, gettext, xmllint) are in
//! the `consumers` target (`tests/consumers/main.rs`, `--features consumer-tests`).
mod core;
