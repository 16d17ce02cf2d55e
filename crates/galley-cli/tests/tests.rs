//! The `galley` CLI driven as a process. Modules:
//! - actions:   `galley rename` and `galley trash` delete/archive/list/restore
//! - commands:  each command's output and exit code on a copy of the sample workspace
//! - bad_input: one clear error (exit 1) and nothing changed, for each kind of bad input
//! - conflicts: `galley check`, `issue check` and `export` on git conflict markers and sync copies
//! - issue:     `galley issue` list/show/new/move/board/check and `galley review`
//! - translate: `galley translate` status grid, start, set, diff, minor
//! - search:    `galley search`, `reindex` and `import`: hits, filters, highlights, errors
//! - import:    `galley import --mapping`: mapped fields reported, source lines in errors,
//!   a re-import after an edit in Galley is a conflict keeping the edit; `check` warnings
//! - xliff:     `galley xliff` and `galley po` export and import, identity, refusal, word
//!   counts checked against pocount
//! - crash:     SIGKILLed saves, restores and records tear no draft and lose no version
//! - watch:     `galley watch` as a long-running process printing JSON lines
//! - sync:      `galley sync` alone between three clones: versions and records travel, conflicts
//!   keep both texts and a valid draft, offline waits
//! - team:      three clones through a bare git repository, and three folders synced by
//!   copying files in random order: records travel and every machine agrees
mod cli;
