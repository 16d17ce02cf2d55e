use serde_json::{json, Value};

use crate::support::{invoke, sample_drafts, sample_workspace, TestApp};

fn front_matter_value(text: &str, key: &str) -> Option<String> {
    let front = text.strip_prefix("---\n")?.split("\n---\n").next()?;
    front.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
        Some(value.trim_matches('"').trim_matches('\'').to_string())
    })
}

#[test]
fn listing_groups_every_sample_draft_under_its_commentary() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let library = app
        .invoke("list_commentaries", json!({}))
        .expect("list succeeds");

    let commentaries = library["commentaries"].as_array().expect("an array");
    let drafts = sample_drafts();
    assert!(!drafts.is_empty(), "the sample workspace has drafts");
    for (path, text) in &drafts {
        let id = front_matter_value(text, "id").expect("every sample draft has an id");
        let row = commentaries.iter().find(|c| c["id"] == id.as_str());
        let row = row.unwrap_or_else(|| panic!("commentary {id} is listed"));
        let versions = row["versions"].as_array().expect("versions");
        assert!(
            versions.iter().any(|v| v["path"] == path.as_str()),
            "{path} is a version of {id}"
        );
        if front_matter_value(text, "translation_of").is_none() {
            let field = |key: &str| Some(row[key].as_str().unwrap_or_default().to_string());
            assert_eq!(
                field("title"),
                front_matter_value(text, "title"),
                "{id}: the source's title"
            );
            assert_eq!(
                field("sourceLang"),
                front_matter_value(text, "lang"),
                "{id}"
            );
        }
    }
    let ids: std::collections::BTreeSet<_> = drafts
        .iter()
        .filter_map(|(_, text)| front_matter_value(text, "id"))
        .collect();
    assert_eq!(commentaries.len(), ids.len(), "one row per commentary id");
    assert_eq!(library["problems"], json!([]));
}

#[test]
fn workspace_info_names_the_opened_folder_and_the_digest_languages() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let info = app
        .invoke("open_workspace_info", json!({}))
        .expect("info succeeds");

    assert_eq!(info["root"], workspace.path().display().to_string());
    let languages = info["languages"].as_array().expect("languages");
    assert_eq!(languages[..3], [json!("be"), json!("ru"), json!("en")]);
}

#[test]
fn reading_a_draft_returns_its_front_matter_and_body() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let (path, text) = sample_drafts().into_iter().next().expect("a sample draft");

    let draft = app
        .invoke("read_draft", json!({ "path": path }))
        .expect("read succeeds");

    assert_eq!(draft["path"], path.as_str());
    assert_eq!(
        Some(draft["title"].as_str().unwrap_or_default().to_string()),
        front_matter_value(&text, "title")
    );
    assert_eq!(
        Some(draft["lang"].as_str().unwrap_or_default().to_string()),
        front_matter_value(&text, "lang")
    );
    let body = draft["body"].as_str().expect("a body");
    assert!(
        !body.is_empty() && text.ends_with(body),
        "the body is the text after the front matter"
    );
}

#[test]
fn reading_a_missing_draft_fails_with_kind_code_args_and_message() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke("read_draft", json!({ "path": "2099-W01/nothing.en.md" }))
        .expect_err("fails");

    let kind = error["kind"].as_str().expect("a kind");
    assert!(kind == "not_found" || kind == "io", "kind was {kind}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("nothing.en.md")),
        "{error}"
    );
    assert_eq!(
        error.as_object().map(|o| o.len()),
        Some(4),
        "only kind, code, args and message: {error}"
    );
    assert_eq!(error["code"], "draft_not_found", "{error}");
    assert_eq!(error["args"], json!({ "path": "2099-W01/nothing.en.md" }));
}

#[test]
fn a_folder_that_is_not_a_workspace_is_reported_by_every_command() {
    let empty = tempfile::tempdir().expect("temp dir");
    let app = TestApp::open(empty.path());

    for (cmd, args) in [
        ("open_workspace_info", json!({})),
        ("list_commentaries", json!({})),
        ("read_draft", json!({ "path": "a.md" })),
    ] {
        let error = app.invoke(cmd, args).expect_err("fails");
        assert_eq!(error["kind"], "no_workspace", "{cmd}: {error}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&empty.path().display().to_string()),
            "{cmd}: {message}"
        );
    }
}

#[test]
fn a_window_other_than_main_may_not_call_the_commands() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let other = app.window("other");

    let refused = invoke(&other, "list_commentaries", json!({}));

    assert!(
        matches!(refused, Err(Value::String(_))),
        "the ACL refuses it: {refused:?}"
    );
}

#[test]
fn the_main_window_may_not_call_a_registered_plugin_command_it_was_not_granted() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    // The dialog plugin is registered (Rust opens the dialogs) but the window has no grant.
    for cmd in [
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:dialog|message",
    ] {
        let refused = app.invoke(cmd, json!({ "options": {} }));
        let message = match &refused {
            Err(Value::String(message)) => message.clone(),
            other => panic!("{cmd}: the ACL refuses it, got {other:?}"),
        };
        assert!(message.contains("not allowed"), "{cmd}: {message}");
    }
    // The same window may call Galley's own commands.
    assert!(app.invoke("list_commentaries", json!({})).is_ok());
}

#[test]
fn reading_outside_the_workspace_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke("read_draft", json!({ "path": "../outside.en.md" }))
        .expect_err("refused");

    assert_eq!(error["kind"], "outside_workspace", "{error}");
}

#[test]
fn workspace_info_lists_the_sections_of_the_settings() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let info = app
        .invoke("open_workspace_info", json!({}))
        .expect("info succeeds");

    let settings =
        std::fs::read_to_string(workspace.path().join(".galley/settings.toml")).expect("settings");
    let keys: Vec<&str> = settings
        .lines()
        .filter_map(|l| l.strip_prefix("key = \"")?.strip_suffix('"'))
        .collect();
    let listed: Vec<&str> = info["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["key"].as_str())
        .collect();
    assert_eq!(listed, keys);
}
