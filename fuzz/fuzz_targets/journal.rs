//! Fuzzes `galley_core::invariants::check_journal`: arbitrary bytes read as a journal file
//! from another machine; a broken promise panics so libFuzzer records the input under
//! `fuzz/artifacts/journal/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_journal(data) {
        panic!("{violation}");
    }
});
