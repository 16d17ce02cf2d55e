//! The core's integration tests, one binary. Modules:
//! - diff:      word-level diffs, fixtures in Cyrillic and Latin, the deadline
//! - draft:     front matter parsing, byte-exact round trips, hostile input
//! - history:   versions, dedup, compact storage, hash verification, migrations
mod core;
