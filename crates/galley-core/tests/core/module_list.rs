// The module lists in `tests/tests.rs` and `tests/consumers/main.rs` name every module their
// target declares, so a reader finds each test file from the list.

use std::path::Path;

fn declared_modules(file: &str) -> Vec<String> {
    std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .lines()
        .filter_map(|l| l.trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

fn listed_modules(file: &str) -> String {
    std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .lines()
        .filter_map(|l| l.strip_prefix("//! - "))
        .map(|l| l.split(':').next().unwrap_or_default().to_string() + ",")
        .collect()
}

fn check(list: &str, modules: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = listed_modules(&root.join(list).to_string_lossy());
    let declared = declared_modules(&root.join(modules).to_string_lossy());
    assert!(declared.len() > 5, "{modules} declares {declared:?}");
    let missing: Vec<&String> = declared
        .iter()
        .filter(|m| {
            !listed
                .split([',', ' '])
                .any(|name| name.trim() == m.as_str())
        })
        .collect();
    assert!(missing.is_empty(), "{list} does not describe {missing:?}");
}

#[test]
fn the_core_tests_list_names_every_module() {
    check("tests/tests.rs", "tests/core/mod.rs");
}

#[test]
fn the_consumer_tests_list_names_every_module() {
    check("tests/consumers/main.rs", "tests/consumers/main.rs");
}
