//! Fuzzes `galley_core::invariants::check_po_import`; a broken promise panics so libFuzzer
//! records the input under `fuzz/artifacts/po_import/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_po_import(data) {
        panic!("{violation}");
    }
});
