//! The editor's and History tab's commands: fields, saves with conflicts, versions, diffs,
//! labels, restores — and what they refuse.

use serde_json::{json, Value};

use crate::support::{invoke, sample_workspace, TestApp};

const PATH: &str = "2020-W21/key-rate-cut.en.md";

fn read(app: &TestApp) -> Value {
    app.invoke("read_draft", json!({ "path": PATH }))
        .expect("read succeeds")
}

fn save(app: &TestApp, text: &str, hash: &Value) -> Value {
    app.invoke(
        "save_draft",
        json!({ "path": PATH, "text": text, "loadedHash": hash }),
    )
    .expect("save succeeds")
}

fn text_of(draft: &Value) -> String {
    draft["text"].as_str().expect("text").to_string()
}

#[test]
fn saving_with_the_loaded_hash_writes_the_file_and_lists_a_new_version_first() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let edited = format!("{}\nA new closing paragraph.\n", text_of(&draft));

    let saved = save(&app, &edited, &draft["hash"]);

    assert_eq!(saved["outcome"], "saved", "{saved}");
    let on_disk = std::fs::read_to_string(workspace.path().join(PATH)).expect("read file");
    assert_eq!(on_disk, edited);
    assert_eq!(
        read(&app)["hash"],
        saved["hash"],
        "the hash to save with next"
    );
    let versions = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");
    assert_eq!(versions[0]["id"], saved["version"]["id"], "newest first");
    assert_eq!(versions[0]["origin"], "save");
}

#[test]
fn saving_the_same_text_again_is_unchanged() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);

    let result = save(&app, &text_of(&draft), &draft["hash"]);

    assert_eq!(result["outcome"], "unchanged", "{result}");
    assert_eq!(result["hash"], draft["hash"]);
}

#[test]
fn saving_over_an_external_edit_is_a_conflict_that_keeps_both_texts() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let theirs = format!("{}\nTheirs.\n", text_of(&draft));
    std::fs::write(workspace.path().join(PATH), &theirs).expect("external edit");
    let ours = format!("{}\nOurs.\n", text_of(&draft));

    let result = save(&app, &ours, &draft["hash"]);

    assert_eq!(result["outcome"], "conflict", "{result}");
    let on_disk = std::fs::read_to_string(workspace.path().join(PATH)).expect("read file");
    assert_eq!(
        on_disk, theirs,
        "the file keeps theirs until the user decides"
    );
    let diff = app
        .invoke(
            "diff_versions",
            json!({ "old": result["theirs"]["id"], "new": result["ours"]["id"] }),
        )
        .expect("diff");
    assert!(
        diff["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("+1 word"),
        "{diff}"
    );
    assert_eq!(result["theirs"]["origin"], "external");
    assert_eq!(result["ours"]["origin"], "conflict");
}

#[test]
fn editing_the_title_field_rewrites_only_that_line() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let fields = json!({
        "title": "A new title", "trend": draft["trend"], "authors": draft["authors"],
        "lead": draft["lead"], "section": draft["section"], "issue": draft["issue"],
        "tags": draft["tags"],
    });

    let edited = app
        .invoke(
            "edit_fields",
            json!({ "path": PATH, "text": draft["text"], "fields": fields }),
        )
        .expect("edit succeeds");

    let old = text_of(&draft);
    assert_eq!(edited["outcome"], "edited", "{edited}");
    let edited = edited["text"].as_str().expect("a text");
    let changed: Vec<(&str, &str)> = old
        .lines()
        .zip(edited.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("A new title"));
    assert_eq!(old.lines().count(), edited.lines().count());
}

#[test]
fn a_bad_issue_week_in_the_form_is_refused_for_the_issue_field() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let fields = json!({ "title": "T", "trend": null, "authors": [], "lead": "", "section": null,
        "issue": "2020-W99", "tags": [] });

    let result = app
        .invoke(
            "edit_fields",
            json!({ "path": PATH, "text": draft["text"], "fields": fields }),
        )
        .expect("a refused field is an outcome, not a failure");

    assert_eq!(result["outcome"], "refused", "{result}");
    assert_eq!(result["field"], "issue", "{result}");
    assert_eq!(result["error"]["kind"], "invalid", "{result}");
    let reason = result["error"]["message"].as_str().unwrap_or_default();
    assert!(
        reason.contains("2020-W99") && reason.contains("weeks 01 to"),
        "{reason}"
    );
}

#[test]
fn comparing_two_versions_shows_the_inserted_words() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let edited = text_of(&draft).replacen("\n\n", "\n\nFreshly inserted words.\n\n", 1);
    let saved = save(&app, &edited, &draft["hash"]);
    let versions = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");
    let older = versions[1]["id"].clone();

    let diff = app
        .invoke(
            "diff_versions",
            json!({ "old": older, "new": saved["version"]["id"] }),
        )
        .expect("diff");

    let inserted: String = diff["hunks"]
        .as_array()
        .expect("hunks")
        .iter()
        .flat_map(|h| h["paragraphs"].as_array().cloned().unwrap_or_default())
        .flat_map(|p| p["spans"].as_array().cloned().unwrap_or_default())
        .filter(|s| s["kind"] == "insert")
        .map(|s| s["new"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(inserted.contains("Freshly inserted words"), "{diff}");
    assert_eq!(diff["wordsAdded"], 3);
}

#[test]
fn labelling_and_restoring_add_to_history_without_rewriting_it() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let original = text_of(&draft);
    save(&app, &format!("{original}\nLater text.\n"), &draft["hash"]);
    let versions = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");
    let first = versions[1]["id"].clone();

    let labelled = app
        .invoke(
            "label_version",
            json!({ "id": first, "label": "before the edit" }),
        )
        .expect("label");
    let restored = app
        .invoke("restore_version", json!({ "id": first }))
        .expect("restore");

    assert_eq!(labelled["label"], "before the edit");
    assert_eq!(restored["origin"], "restore");
    assert_eq!(restored["restoredFrom"], first);
    let on_disk = std::fs::read_to_string(workspace.path().join(PATH)).expect("read file");
    assert_eq!(on_disk, original);
    let after = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");
    assert_eq!(after.as_array().map(Vec::len), Some(3), "{after}");
}

#[test]
fn writing_commands_refuse_paths_outside_the_workspace() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let text = "---\nid: x\nlang: en\n---\n";
    let fields = json!({ "title": "T", "trend": null, "authors": [], "lead": "", "section": null,
        "issue": null, "tags": [] });

    for (cmd, args) in [
        (
            "save_draft",
            json!({ "path": "../escape.en.md", "text": text, "loadedHash": null }),
        ),
        (
            "edit_fields",
            json!({ "path": "../escape.en.md", "text": text, "fields": fields }),
        ),
        ("list_versions", json!({ "path": "../../etc/passwd" })),
    ] {
        let error = app.invoke(cmd, args).expect_err("refused");
        assert_eq!(error["kind"], "outside_workspace", "{cmd}: {error}");
    }
    assert!(!workspace.path().join("../escape.en.md").exists());
}

#[test]
fn a_malformed_loaded_hash_is_refused_before_anything_is_written() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);

    let error = app
        .invoke(
            "save_draft",
            json!({ "path": PATH, "text": "changed", "loadedHash": "not-a-hash" }),
        )
        .expect_err("refused");

    assert_eq!(error["kind"], "invalid");
    assert_eq!(read(&app)["hash"], draft["hash"]);
}

#[test]
fn another_window_may_not_save() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let other = app.window("other");

    let refused = invoke(
        &other,
        "save_draft",
        json!({ "path": PATH, "text": "x", "loadedHash": draft["hash"] }),
    );

    assert!(matches!(refused, Err(Value::String(_))), "{refused:?}");
    assert_eq!(read(&app)["text"], draft["text"]);
}

#[test]
fn a_form_edit_shows_in_history_as_a_field_change_not_yaml() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = read(&app);
    let lead = format!("{} Now longer.", draft["lead"].as_str().unwrap_or_default());
    let fields = json!({
        "title": draft["title"], "trend": draft["trend"], "authors": draft["authors"],
        "lead": lead, "section": draft["section"], "issue": draft["issue"], "tags": draft["tags"],
    });
    let edited = app
        .invoke(
            "edit_fields",
            json!({ "path": PATH, "text": draft["text"], "fields": fields }),
        )
        .expect("edit");
    let saved = save(&app, edited["text"].as_str().expect("text"), &draft["hash"]);
    let versions = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");

    let diff = app
        .invoke(
            "diff_versions",
            json!({ "old": versions[1]["id"], "new": saved["version"]["id"] }),
        )
        .expect("diff");

    let fields = diff["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 1, "{diff}");
    assert_eq!(fields[0]["key"], "lead");
    assert_eq!(fields[0]["old"], draft["lead"]);
    assert_eq!(fields[0]["new"], lead.as_str());
    assert!(fields[0]["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .any(|s| s["kind"] == "insert"
            && s["new"]
                .as_str()
                .unwrap_or_default()
                .contains("Now longer.")));
    assert_eq!(
        diff["hunks"].as_array().map(Vec::len),
        Some(0),
        "the body did not change: {diff}"
    );
}

#[test]
fn a_file_copied_into_the_workspace_starts_as_an_existing_file() {
    let workspace = sample_workspace();
    let path = "2020-W21/copied-in.en.md";
    std::fs::write(
        workspace.path().join(path),
        "---\nid: copiedin01\nlang: en\ntitle: Copied in\n---\n\nText.\n",
    )
    .expect("write");
    let app = TestApp::open(workspace.path());
    let draft = app
        .invoke("read_draft", json!({ "path": path }))
        .expect("read");
    let text = format!("{}More.\n", text_of(&draft));
    app.invoke(
        "save_draft",
        json!({ "path": path, "text": text, "loadedHash": draft["hash"] }),
    )
    .expect("save");

    let versions = app
        .invoke("list_versions", json!({ "path": path }))
        .expect("log");

    let origins: Vec<&Value> = versions
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| &v["origin"])
        .collect();
    assert_eq!(origins, [&json!("save"), &json!("found")], "{versions}");
}
