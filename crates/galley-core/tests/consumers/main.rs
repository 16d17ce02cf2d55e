//! The core's tests that feed Galley's output to real consumers, one binary, built only with
//! `--features consumer-tests` (scripts/test does; scripts/setup installs the consumers), so
//! `cargo test -p galley-core` needs nothing outside Rust. Modules:
//! - bundle:          publishing bundles through vnu, feedparser, jsonschema (ninjs) and hugo
//! - xliff:           XLIFF round trips through translate-toolkit and OmegaT, markup kept
//! - xliff_alignment: export along the paragraph map; the states translate-toolkit and OmegaT see
//! - xliff_schema:    every exported file against the official strict XLIFF 1.2 XSD (xmllint)
//! - po_route:        the gettext PO route through translate-toolkit and `msgfmt --check`
//! - support, bundle_samples, xliff_samples: shared with `tests` (tests/core/)

use std::process::Command;

mod bundle;
#[path = "../core/bundle_samples.rs"]
mod bundle_samples;
mod po_route;
// Shared with `tests`, which uses the rest of it.
#[allow(dead_code)]
#[path = "../core/support.rs"]
mod support;
mod xliff;
mod xliff_alignment;
#[path = "../core/xliff_samples.rs"]
mod xliff_samples;
mod xliff_schema;

/// Fails the test, naming the command that installs `what`, when `check` does not succeed.
fn require(check: &[&str], what: &str, install: &str) {
    let ok = Command::new(check[0])
        .args(&check[1..])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "{what} is required for this test but is not installed: {install}"
    );
}
