//! Refusals cross IPC as data: the core's stable code and its facts by name (what the UI words
//! in the user's language), beside the English sentence; an error the shell makes itself has no
//! code, so the UI shows its sentence.

use serde_json::{json, Map, Value};

use crate::support::{sample_workspace, TestApp};

const ARMY: &str = "pxq253v3kb";
const ARMY_EN: &str = "2020-W20/army-reserve-call-up.en.md";

/// The error's code and facts, checked against what the bindings promise: the facts are
/// exactly the ones the code declares.
fn code_and_args(error: &Value) -> (&str, &Map<String, Value>) {
    let code = error["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no code: {error}"));
    let args = error["args"].as_object().expect("args");
    let known = galley_core::ErrorCode::ALL
        .iter()
        .find(|c| c.as_str() == code)
        .unwrap_or_else(|| panic!("{code} is not in ErrorCode::ALL"));
    let mut declared: Vec<&str> = known.arg_names().to_vec();
    declared.sort_unstable();
    assert_eq!(
        args.keys().map(String::as_str).collect::<Vec<_>>(),
        declared,
        "{error}"
    );
    assert!(
        !error["message"].as_str().unwrap_or_default().is_empty(),
        "{error}"
    );
    (code, args)
}

#[test]
fn a_new_commentary_with_a_bad_week_or_a_taken_name_says_which() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let bad_week = app
        .invoke(
            "create_commentary",
            json!({ "title": "x", "lang": "en", "week": "2020-W99", "section": null }),
        )
        .expect_err("no week 99");
    assert_eq!(bad_week["kind"], "invalid");
    let (code, args) = code_and_args(&bad_week);
    assert_eq!(code, "week_invalid");
    assert_eq!(args["week"], "2020-W99");

    let new = json!({ "title": "Grain exports resume", "lang": "en", "week": "2020-W21",
                      "section": "economy" });
    app.invoke("create_commentary", new.clone())
        .expect("create");
    let taken = app
        .invoke("create_commentary", new)
        .expect_err("the same name twice");
    let (code, args) = code_and_args(&taken);
    assert_eq!(code, "file_name_taken");
    assert_eq!(args["path"], "2020-W21/grain-exports-resume.en.md");

    let unknown = app
        .invoke(
            "create_commentary",
            json!({ "title": "y", "lang": "de", "week": null, "section": null }),
        )
        .expect_err("no de");
    let (code, args) = code_and_args(&unknown);
    assert_eq!(code, "language_unknown");
    assert_eq!(args["lang"], "de");
    assert_eq!(args["languages"], "be, ru, en");
}

#[test]
fn a_rename_onto_a_taken_name_or_to_an_empty_title_says_which() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let taken = app
        .invoke(
            "rename_commentary",
            json!({ "id": ARMY, "lang": "en", "title": "Nomination campaign opens",
                    "renameFiles": true }),
        )
        .expect_err("taken");
    let (code, args) = code_and_args(&taken);
    assert_eq!(code, "file_name_taken");
    assert!(
        args["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("2020-W20/nomination-campaign-opens.")),
        "{taken}"
    );
    let empty = app
        .invoke(
            "rename_commentary",
            json!({ "id": ARMY, "lang": "en", "title": "  ", "renameFiles": false }),
        )
        .expect_err("empty");
    assert_eq!(code_and_args(&empty), ("title_empty", &Map::new()));
}

#[test]
fn a_restore_onto_an_occupied_path_names_the_path() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let entry = app
        .invoke(
            "trash_commentary",
            json!({ "id": ARMY, "lang": null, "archive": false }),
        )
        .expect("trash");
    std::fs::write(workspace.path().join(ARMY_EN), "someone else's notes\n").expect("write");
    let occupied = app
        .invoke("restore_from_trash", json!({ "name": entry["name"] }))
        .expect_err("occupied");
    let (code, args) = code_and_args(&occupied);
    assert_eq!(code, "path_occupied");
    assert_eq!(args["path"], ARMY_EN);
}

#[test]
fn a_new_issue_for_a_week_that_has_one_names_the_week() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let exists = app
        .invoke("create_issue", json!({ "week": "2020-W20" }))
        .expect_err("exists");
    let (code, args) = code_and_args(&exists);
    assert_eq!(code, "issue_exists");
    assert_eq!(args["week"], "2020-W20");
}

#[test]
fn a_refused_field_carries_the_code_of_its_reason() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = app
        .invoke("read_draft", json!({ "path": ARMY_EN }))
        .expect("read");
    let fields = json!({ "title": "T", "trend": null, "authors": [], "lead": "", "section": null,
        "issue": "2020-W99", "tags": [] });
    let result = app
        .invoke(
            "edit_fields",
            json!({ "path": ARMY_EN, "text": draft["text"], "fields": fields }),
        )
        .expect("a refused field is an outcome");
    let (code, args) = code_and_args(&result["error"]);
    assert_eq!(code, "week_invalid");
    assert_eq!(args["week"], "2020-W99");
}

#[test]
fn an_error_the_shell_makes_itself_has_no_code() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let refused = app
        .invoke(
            "step_commentary",
            json!({ "week": "2020-W20", "id": ARMY, "direction": "sideways" }),
        )
        .expect_err("no such direction");
    assert_eq!(refused["kind"], "invalid");
    assert_eq!(refused["code"], Value::Null);
    assert_eq!(refused["args"], json!({}));
    assert!(refused["message"]
        .as_str()
        .is_some_and(|m| m.contains("sideways")));
}

#[test]
fn a_sync_of_a_workspace_not_shared_yet_names_the_folder() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let refused = app.invoke("sync_now", json!({})).expect_err("not shared");
    assert_eq!(refused["kind"], "sync");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "sync_not_shared");
    let folder = std::path::Path::new(args["path"].as_str().expect("path"));
    assert_eq!(
        folder.canonicalize().ok(),
        workspace.path().canonicalize().ok()
    );
}

#[test]
fn removing_a_language_drafts_use_names_it_and_counts_them() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let mut settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");
    settings["languages"] = json!(["be", "en"]);
    let refused = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect_err("ru is in use");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "language_in_use");
    assert_eq!(args["lang"], "ru");
    let count: usize = args["count"]
        .as_str()
        .and_then(|c| c.parse().ok())
        .expect("a count");
    let ru_drafts = crate::support::sample_drafts()
        .iter()
        .filter(|(path, _)| path.ends_with(".ru.md"))
        .count();
    assert_eq!(count, ru_drafts);
    let named = args["paths"].as_str().expect("paths");
    assert!(
        !named.is_empty() && named.split(", ").all(|p| p.ends_with(".ru.md")),
        "{named}"
    );
}

#[test]
fn a_save_whose_front_matter_repeats_a_key_names_the_lines() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let draft = app
        .invoke("read_draft", json!({ "path": ARMY_EN }))
        .expect("read");
    let refused = app
        .invoke(
            "save_draft",
            json!({ "path": ARMY_EN, "text": "---\nid: x\nlang: en\nid: y\n---\n",
                    "loadedHash": draft["hash"] }),
        )
        .expect_err("a key twice");
    assert_eq!(refused["kind"], "invalid_draft");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "draft_key_twice");
    assert_eq!(args["path"], ARMY_EN);
    assert_eq!(args["line"], "4");
    assert_eq!(args["key"], "id");
    assert_eq!(args["first_line"], "2");
}

#[test]
fn a_search_with_an_open_quote_names_the_query() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let refused = app
        .invoke(
            "search_drafts",
            json!({ "request": { "query": "\"army reserve" } }),
        )
        .expect_err("never closed");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "search_quote_unclosed");
    assert_eq!(args["query"], "\"army reserve");
}

#[test]
fn an_xliff_file_cut_short_names_the_file() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rel = "exports/xliff/cut.xlf";
    std::fs::create_dir_all(workspace.path().join("exports/xliff")).expect("folder");
    std::fs::write(
        workspace.path().join(rel),
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file",
    )
    .expect("write");
    let refused = app
        .invoke("xliff_import", json!({ "path": rel }))
        .expect_err("cut short");
    assert_eq!(refused["kind"], "invalid");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "xliff_cut_short");
    assert_eq!(args["file"], rel);
}

#[test]
fn a_publication_address_that_is_not_a_site_names_it() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let mut settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");
    settings["publication"]["baseUrl"] = json!("ftp://example.org/digest/");
    let refused = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect_err("not http");
    let (code, args) = code_and_args(&refused);
    assert_eq!(code, "base_url_invalid");
    assert_eq!(args["url"], "ftp://example.org/digest/");
}
