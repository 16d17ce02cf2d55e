//! The everyday actions through IPC: a new commentary and issue, rename, delete and archive
//! into the workspace's trash, restore; each announced to the window like every change.

use std::time::{Duration, Instant};

use crate::support::{sample_workspace, watched, TestApp};
use galley_desktop::watcher::CHANGED_EVENT;
use serde_json::{json, Value};

const ARMY: &str = "pxq253v3kb";

fn library_ids(app: &TestApp) -> Vec<String> {
    let library = app.invoke("list_commentaries", json!({})).expect("library");
    library["commentaries"]
        .as_array()
        .expect("commentaries")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

/// `err`'s message contains `words`.
fn assert_says(err: &Value, words: &str) {
    let message = err["message"].as_str().expect("message");
    assert!(message.contains(words), "{err}");
}

#[test]
fn a_new_commentary_appears_in_the_library_and_opens() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let grain = json!({ "title": "Grain exports resume", "lang": "en", "week": "2020-W21",
                        "section": "economy" });
    let created = app
        .invoke("create_commentary", grain.clone())
        .expect("create");
    assert_eq!(created["path"], "2020-W21/grain-exports-resume.en.md");
    let id = created["id"].as_str().expect("id");
    assert!(library_ids(&app).iter().any(|i| i == id));
    let draft = app
        .invoke("read_draft", json!({ "path": created["path"] }))
        .expect("read");
    assert!(draft["text"]
        .as_str()
        .expect("text")
        .contains("section: economy"));

    let err = app
        .invoke("create_commentary", grain)
        .expect_err("the same name twice");
    assert_eq!(err["kind"], "invalid");
    assert_says(&err, "exists already");
    let err = app
        .invoke(
            "create_commentary",
            json!({ "title": "x", "lang": "en", "week": "2020-W99", "section": null }),
        )
        .expect_err("a malformed week");
    assert_says(&err, "2020-W99");
}

#[test]
fn a_new_issue_gets_its_file_and_an_existing_one_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let path = app
        .invoke("create_issue", json!({ "week": "2020-W23" }))
        .expect("new issue");
    assert_eq!(path, "2020-W23/issue.toml");
    assert!(workspace.path().join("2020-W23/issue.toml").is_file());
    let err = app
        .invoke("create_issue", json!({ "week": "2020-W20" }))
        .expect_err("exists");
    assert_says(&err, "exists already");
}

#[test]
fn delete_then_restore_goes_through_the_trash_and_is_announced() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);

    let entry = app
        .invoke(
            "trash_commentary",
            json!({ "id": ARMY, "lang": null, "archive": false }),
        )
        .expect("delete");
    assert_eq!(entry["archived"], false);
    assert_eq!(entry["files"].as_array().expect("files").len(), 3);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "no {CHANGED_EVENT} for the deletion");
        if rx.recv_timeout(left).is_ok_and(|p| p["byApp"] == true) {
            break;
        }
    }
    assert!(!library_ids(&app).iter().any(|i| i == ARMY));
    let trash = app.invoke("list_trash", json!({})).expect("trash");
    assert_eq!(trash[0]["name"], entry["name"]);

    app.invoke("restore_from_trash", json!({ "name": entry["name"] }))
        .expect("restore");
    assert!(library_ids(&app).iter().any(|i| i == ARMY));
    assert_eq!(
        app.invoke("list_trash", json!({})).expect("trash"),
        json!([])
    );
    let versions = app
        .invoke(
            "list_versions",
            json!({ "path": "2020-W20/army-reserve-call-up.be.md" }),
        )
        .expect("versions");
    assert_eq!(versions[0]["origin"], "restore", "{}", versions[0]);
    assert_eq!(
        versions[1]["hash"],
        Value::Null,
        "the deletion stays in history"
    );
    assert_eq!(versions[0]["restoredFrom"], versions[2]["id"]);

    let err = app
        .invoke("restore_from_trash", json!({ "name": "../../etc" }))
        .expect_err("not an entry");
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn rename_with_files_returns_the_new_path() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let path = app
        .invoke(
            "rename_commentary",
            json!({ "id": ARMY, "lang": "en", "title": "Reservists in the west",
                    "renameFiles": true }),
        )
        .expect("rename");
    assert_eq!(path, "2020-W20/reservists-in-the-west.en.md");
    assert!(workspace
        .path()
        .join("2020-W20/reservists-in-the-west.ru.md")
        .is_file());
    let same = app
        .invoke(
            "rename_commentary",
            json!({ "id": ARMY, "lang": "ru", "title": "Призыв на западе", "renameFiles": false }),
        )
        .expect("title only");
    assert_eq!(same, "2020-W20/reservists-in-the-west.ru.md");
}
