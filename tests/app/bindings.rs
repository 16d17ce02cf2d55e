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

/// The shell's kind for each core kind has the core's code, and no two kinds share a code, so
/// the UI's `ErrorKind` union and `ERROR_KINDS` say exactly what crosses IPC.
#[test]
fn error_kinds_keep_the_core_codes_and_are_listed_once() {
    use galley_desktop::error::ErrorKind;
    for core_kind in galley_core::ErrorKind::ALL {
        let wire = serde_json::to_value(ErrorKind::from(core_kind)).expect("serializes");
        assert_eq!(wire, serde_json::Value::from(core_kind.as_str()));
        assert_eq!(ErrorKind::from(core_kind), ErrorKind::Core(core_kind));
    }
    let all = ErrorKind::all();
    let codes: std::collections::HashSet<String> = all
        .iter()
        .map(|k| serde_json::to_string(k).expect("serializes"))
        .collect();
    assert_eq!(codes.len(), all.len(), "two kinds share a code");
    assert_eq!(
        all.len(),
        galley_core::ErrorKind::ALL.len() + ErrorKind::SHELL_ONLY.len()
    );
    for kind in ErrorKind::SHELL_ONLY {
        assert!(
            !galley_core::ErrorKind::ALL
                .into_iter()
                .any(|core_kind| core_kind.as_str() == kind.as_str()),
            "{kind:?} has the code of one of the core's kinds"
        );
    }
}
