//! Properties that must hold for ANY input, checked by the fuzz targets (`fuzz/`) and by the
//! corpus replay test (`tests/core/fuzz_corpus.rs`), so a case the fuzzer found is re-checked by
//! every stable `cargo test`.
//!
//! Each check takes raw bytes, runs one entry point of the core on them and returns
//! `Err(Violation)` when a promise is broken. Refusing the input with an error is fine: the
//! promise is "a clear error or a safe result", never a panic (the fuzz targets let panics
//! through so libFuzzer reports them) and never an unsafe result.

mod front_matter;
mod html_scan;
mod journal;
mod markdown_html;
mod po_import;
// Raw path bytes and symlinks are how the gate is attacked on unix; the fuzz target runs there.
#[cfg(unix)]
mod workspace_path;
mod xliff_import;

pub use front_matter::check_front_matter;
pub use journal::{check_journal, FUZZ_JOURNAL};
pub use markdown_html::check_markdown_html;
pub use po_import::{check_po_import, seed_documents as po_seed_documents};
#[cfg(unix)]
pub use workspace_path::{check_workspace_path, make_fuzz_workspace};
pub use xliff_import::{check_xliff_import, seed_documents as xliff_seed_documents};

use std::fmt;

/// A broken promise: what was checked and what came out instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Violation {}

/// `Err(Violation)` with a formatted message unless `cond` holds.
fn ensure(cond: bool, message: impl FnOnce() -> String) -> Result<(), Violation> {
    if cond {
        Ok(())
    } else {
        Err(Violation(message()))
    }
}
