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
    let rows = view["rows"].as_array().expect("rows");
    assert!(rows.len() > 3, "{view}");
    assert_eq!(
        (rows[0]["part"].as_str(), rows[1]["part"].as_str()),
        (Some("title"), Some("lead"))
    );
    assert!(rows[2..]
        .iter()
        .all(|p| p["part"] == "paragraph"
            && (p["source"].is_string() || p["translation"].is_string())));
    // Words per row, counted by the core.
    assert!(
        rows.iter()
            .skip(2)
            .all(|r| r["words"].as_u64().unwrap_or(0) > 0),
        "{view}"
    );
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
    assert!(view["rows"]
        .as_array()
        .expect("rows")
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

fn view(app: &TestApp) -> Value {
    app.invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view")
}

#[test]
fn an_outdated_paragraph_is_handled_then_the_translation_marked_up_to_date_and_undone() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    app.invoke(
        "set_translation_status",
        json!({ "id": ID, "lang": "ru", "status": "done" }),
    )
    .expect("done");
    edit_source(&app);

    let before = view(&app);
    assert_eq!(before["state"], "outdated");
    assert_eq!(
        (before["toReview"].as_u64(), before["handled"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(before["allHandled"], false);
    assert!(
        before["words"]["new"].as_u64().unwrap_or(0) >= 3,
        "{before}"
    );
    let row = before["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["change"] == "added").cloned())
        .expect("the added paragraph's row");
    assert_eq!(row["needsWork"], true);
    assert!(
        row["diff"]["wordsAdded"].as_u64().unwrap_or(0) >= 3,
        "{row}"
    );

    let after = app
        .invoke(
            "mark_handled",
            json!({ "id": ID, "lang": "ru", "key": row["key"] }),
        )
        .expect("handled");
    assert_eq!(after["state"], "outdated", "handled is not up to date yet");
    assert_eq!(after["allHandled"], true);
    let handled = after["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == row["key"]).cloned())
        .expect("the row");
    assert_eq!(handled["handled"], true);

    let done = app
        .invoke(
            "set_translation_status",
            json!({ "id": ID, "lang": "ru", "status": "done" }),
        )
        .expect("up to date");
    assert_eq!(done["state"], "done");
    let undone = app
        .invoke(
            "restore_translation_status",
            json!({ "id": ID, "lang": "ru", "event": after["statusEvent"] }),
        )
        .expect("undo");
    assert_eq!(undone["state"], "outdated");
    assert_eq!(
        undone["allHandled"], true,
        "the handled mark still holds for the old base"
    );
}

#[test]
fn a_stale_or_malformed_paragraph_key_is_refused_with_a_sentence() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    for key in ["not-a-hash", &"ab".repeat(32)] {
        let error = app
            .invoke(
                "mark_handled",
                json!({ "id": ID, "lang": "ru", "key": key }),
            )
            .expect_err("refused");
        assert_eq!(error["kind"], "invalid", "{error}");
        assert!(
            error["message"]
                .as_str()
                .unwrap_or_default()
                .contains("reload"),
            "{error}"
        );
    }
}

#[test]
fn a_missing_language_is_started_from_the_app_with_the_source_front_matter() {
    let workspace = sample_workspace();
    let en = workspace.path().join("2020-W21/key-rate-cut.en.md");
    std::fs::remove_file(&en).expect("remove the en version");
    let app = TestApp::open(workspace.path());
    assert_eq!(state_of(&states(&app), "en"), "missing");

    let pane = app
        .invoke("start_translation", json!({ "id": ID, "lang": "en" }))
        .expect("start");
    assert_eq!(pane["lang"], "en");
    assert_eq!(pane["sourceLang"], "be");
    assert_eq!(pane["path"], "2020-W21/key-rate-cut.en.md");
    let text = std::fs::read_to_string(&en).expect("the new file");
    let source = std::fs::read_to_string(workspace.path().join(SOURCE)).expect("source");
    let section = source
        .lines()
        .find(|l| l.starts_with("section:"))
        .expect("section");
    assert!(
        text.contains(section) && text.contains("translation_of: be"),
        "{text}"
    );
    assert_eq!(state_of(&states(&app), "en"), "in-progress");

    let again = app
        .invoke("start_translation", json!({ "id": ID, "lang": "en" }))
        .expect_err("already there");
    assert!(
        again["message"]
            .as_str()
            .unwrap_or_default()
            .contains("already"),
        "{again}"
    );
}

#[test]
fn a_row_edit_replaces_only_its_paragraph_of_the_body() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let body = app
        .invoke(
            "replace_paragraph",
            json!({ "body": "\nАдзін.\n\nДва.\n\nТры.\n", "index": 1, "text": "Two." }),
        )
        .expect("replaced");
    assert_eq!(body, "\nАдзін.\n\nTwo.\n\nТры.\n");
}
