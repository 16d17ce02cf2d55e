use galley_desktop::bindings::{typescript_declarations, BINDINGS_PATH};

use crate::support::repo_root;

#[test]
fn committed_typescript_bindings_match_the_rust_dtos() {
    let path = repo_root().join(BINDINGS_PATH);
    let generated = typescript_declarations();
    if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write the bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{BINDINGS_PATH} is out of date with the Rust DTOs; run `UPDATE_BINDINGS=1 cargo test --test app bindings` \
         and commit the result.\n--- generated ---\n{generated}"
    );
}
