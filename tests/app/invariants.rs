use std::collections::BTreeSet;

use crate::support::repo_root;

/// Names of the dependencies declared in a Cargo.toml, from every dependency table.
fn dependency_names(manifest: &str) -> BTreeSet<String> {
    let value = toml::Value::Table(toml::from_str(manifest).expect("a valid Cargo.toml"));
    let mut names = BTreeSet::new();
    let mut tables = vec![&value];
    if let Some(targets) = value.get("target").and_then(|t| t.as_table()) {
        tables.extend(targets.values());
    }
    for table in tables {
        for key in ["dependencies", "dev-dependencies", "build-dependencies"] {
            if let Some(deps) = table.get(key).and_then(|d| d.as_table()) {
                for (name, spec) in deps {
                    names.insert(name.clone());
                    if let Some(package) = spec.get("package").and_then(|p| p.as_str()) {
                        names.insert(package.to_string());
                    }
                }
            }
        }
    }
    names
}

#[test]
fn the_core_crate_does_not_depend_on_tauri() {
    let manifest =
        std::fs::read_to_string(repo_root().join("crates/galley-core/Cargo.toml")).expect("read");
    let names = dependency_names(&manifest);
    assert!(
        names.contains("thiserror"),
        "the manifest was parsed: {names:?}"
    );
    let tauri: Vec<_> = names
        .iter()
        .filter(|n| n.starts_with("tauri") || n.contains("wry"))
        .collect();
    assert!(
        tauri.is_empty(),
        "galley-core must stay free of Tauri, but depends on {tauri:?}"
    );
}

#[test]
fn a_tauri_dependency_would_be_noticed() {
    let names = dependency_names(
        "[target.'cfg(unix)'.dependencies]\nui = { package = \"tauri\", version = \"2\" }\n",
    );
    assert!(names.contains("tauri"));
}

#[test]
fn the_main_window_is_granted_exactly_the_apps_own_commands() {
    let text = std::fs::read_to_string(repo_root().join("src-tauri/capabilities/main.json"))
        .expect("read");
    let capability: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .map(|p| p.as_str().unwrap_or("<not a plain identifier>").to_string())
        .collect();
    // Listening is all the window needs of Tauri's core: the watcher's event.
    let events = ["core:event:allow-listen", "core:event:allow-unlisten"];
    let expected: BTreeSet<String> = galley_desktop::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain(events.iter().map(|e| e.to_string()))
        .collect();
    assert_eq!(
        granted, expected,
        "no other core:, fs, shell or http permissions; one per command"
    );
}

/// The CLI finds the app's profile through the identifier the core knows; it must be the one
/// Tauri names the app's config folder with.
#[test]
fn the_core_knows_the_apps_identifier() {
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("tauri.conf.json")).expect("tauri.conf.json"),
    )
    .expect("valid JSON");
    assert_eq!(
        conf["identifier"].as_str(),
        Some(galley_core::profile::APP_IDENTIFIER)
    );
}
