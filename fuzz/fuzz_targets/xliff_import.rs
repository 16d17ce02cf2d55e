//! Fuzzes `galley_core::invariants::check_xliff_import`; a broken promise panics so libFuzzer
//! records the input under `fuzz/artifacts/xliff_import/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_xliff_import(data) {
        panic!("{violation}");
    }
});
