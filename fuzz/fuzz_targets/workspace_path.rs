//! Fuzzes `galley_core::invariants::check_workspace_path` against a workspace made once per
//! process under the temp folder (with symlinks leading out); a broken promise panics so
//! libFuzzer records the input under `fuzz/artifacts/workspace_path/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("galley-fuzz-path-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        match galley_core::invariants::make_fuzz_workspace(&dir) {
            Ok(root) => root,
            Err(e) => panic!("cannot make the fuzz workspace in {}: {e}", dir.display()),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    if let Err(violation) = galley_core::invariants::check_workspace_path(root(), data) {
        panic!("{violation}");
    }
});
