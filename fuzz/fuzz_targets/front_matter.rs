//! Fuzzes `galley_core::invariants::check_front_matter`; a broken promise panics so libFuzzer
//! records the input under `fuzz/artifacts/front_matter/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_front_matter(data) {
        panic!("{violation}");
    }
});
