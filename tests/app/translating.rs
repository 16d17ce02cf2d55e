//! The translation view's commands: paragraphs beside the source, status, the source diff since
//! the base, minor marks — and the library's per-language states.

use serde_json::{json, Value};

use crate::support::{sample_workspace, TestApp};

const ID: &str = "buxyr7237g";
const SOURCE: &str = "2020-W21/key-rate-cut.be.md";

fn states(app: &TestApp) -> Value {
    let library = app
        .invoke("list_commentaries", json!({}))
        .expect("list succeeds");
    library["commentaries"]
        .as_array()
        .and_then(|rows| rows.iter().find(|c| c["id"] == ID).cloned())
        .map(|row| row["states"].clone())
        .expect("the commentary is listed")
}

fn state_of(states: &Value, lang: &str) -> Value {
    states
        .as_array()
        .and_then(|all| all.iter().find(|s| s["lang"] == lang))
        .map(|s| s["state"].clone())
        .unwrap_or(Value::Null)
}

fn edit_source(app: &TestApp) {
    let source = app
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read the source");
    let text = source["text"].as_str().expect("text");
    let edited = format!("{text}\nНовы абзац у арыгінале.\n");
    let saved = app
        .invoke(
            "save_draft",
            json!({ "path": SOURCE, "text": edited, "loadedHash": source["hash"] }),
        )
        .expect("save the source");
    assert_eq!(saved["outcome"], "saved");
}

#[test]
fn the_view_pairs_source_and_translation_paragraphs() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");

    assert_eq!(view["sourceLang"], "be");
    assert_eq!(view["sourcePath"], SOURCE);
    let pairs = view["pairs"].as_array().expect("pairs");
    assert!(pairs.len() > 1, "{view}");
    assert!(pairs
        .iter()
        .all(|p| p["source"].is_string() || p["translation"].is_string()));
}

#[test]
fn setting_a_status_changes_the_library_state_and_a_source_edit_outdates_it() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    assert_eq!(state_of(&states(&app), "be"), "source");

    let view = app
        .invoke(
            "set_translation_status",
            json!({ "id": ID, "lang": "ru", "status": "done" }),
        )
        .expect("set status");
    assert_eq!(view["state"], "done");
    assert_eq!(state_of(&states(&app), "ru"), "done");

    edit_source(&app);
    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");
    assert_eq!(view["state"], "outdated", "{view}");
    assert_eq!(view["recordedStatus"], "done");
    assert_eq!(state_of(&states(&app), "ru"), "outdated");
    let changes = app
        .invoke("translation_source_diff", json!({ "id": ID, "lang": "ru" }))
        .expect("source diff");
    assert!(
        changes["diff"]["wordsAdded"].as_u64().unwrap_or(0) >= 4,
        "{changes}"
    );
    assert!(view["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .any(|p| p["change"] == "added"));

    for version in view["outdatedVersions"].as_array().expect("versions") {
        app.invoke("mark_minor", json!({ "version": version, "minor": true }))
            .expect("mark minor");
    }
    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");
    assert_eq!(
        view["state"], "done",
        "a minor change does not outdate: {view}"
    );
}

#[test]
fn an_unknown_status_or_a_source_language_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke(
            "set_translation_status",
            json!({ "id": ID, "lang": "ru", "status": "finished" }),
        )
        .expect_err("refused");
    assert_eq!(error["kind"], "invalid");
    assert!(error["message"]
        .as_str()
        .unwrap_or_default()
        .contains("finished"));

    let error = app
        .invoke("translation_view", json!({ "id": ID, "lang": "be" }))
        .expect_err("the source has no translation view");
    assert_eq!(error["kind"], "invalid");
}
