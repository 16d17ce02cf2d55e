//! Fuzzes `galley_core::invariants::check_markdown_html`; a broken promise panics so libFuzzer
//! records the input under `fuzz/artifacts/markdown_html/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_markdown_html(data) {
        panic!("{violation}");
    }
});
