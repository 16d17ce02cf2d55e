//! The shell's watcher: another program's edit of a draft becomes an "external" version and is
//! announced to the window with the `workspace-changed` event.

use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::support::{sample_workspace, watched, TestApp};
use galley_desktop::watcher::CHANGED_EVENT;
use serde_json::{json, Value};

const PATH: &str = "2020-W20/army-reserve-call-up.ru.md";

#[test]
fn an_external_edit_is_recorded_and_announced() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);
    let file = workspace.path().join(PATH);
    let edited = format!(
        "{}\nAdded elsewhere.\n",
        std::fs::read_to_string(&file).expect("read")
    );

    // The OS watch may start a moment after the app; write again until it is heard.
    let deadline = Instant::now() + Duration::from_secs(20);
    let announced = loop {
        std::fs::write(&file, &edited).expect("external write");
        if let Ok(payload) = rx.recv_timeout(Duration::from_millis(500)) {
            break payload;
        }
        assert!(
            Instant::now() < deadline,
            "no {CHANGED_EVENT} event within 20 s"
        );
    };

    let change = &announced["changes"][0];
    assert_eq!(change["path"], PATH, "{announced}");
    assert_eq!(change["version"]["origin"], "external");
    let versions = app
        .invoke("list_versions", json!({ "path": PATH }))
        .expect("log");
    assert_eq!(versions[0]["id"], change["version"]["id"]);
}

/// Waits (with a deadline, never a sleep) for an announced change that `wanted` accepts.
fn heard(rx: &Receiver<Value>, wanted: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            !left.is_zero(),
            "no matching {CHANGED_EVENT} event within 20 s"
        );
        if let Ok(payload) = rx.recv_timeout(left) {
            if wanted(&payload) {
                return payload;
            }
        }
    }
}

#[test]
fn a_change_made_through_a_command_or_the_core_on_disk_is_announced_the_same_way() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);

    // This window: a board action answers with the board and tells every view.
    app.invoke(
        "set_editorial_status",
        json!({ "week": "2020-W20", "id": "pxq253v3kb", "status": "draft" }),
    )
    .expect("back to draft");
    let ours = heard(&rx, |p| p["byApp"] == true);
    assert_eq!(ours["changes"], json!([]), "{ours}");
    // A refused change changes nothing, so nothing is announced for it.
    app.invoke(
        "set_editorial_status",
        json!({ "week": "2020-W20", "id": "no-such-id", "status": "approved" }),
    )
    .expect_err("an unknown id is refused");
    assert!(
        rx.try_recv().is_err(),
        "a refused command announced a change"
    );

    // The CLI (the core on the same folder, as another process would): its record reaches the
    // window as a folder change, and the board the window reloads shows it.
    let mut cli = galley_core::workspace::Workspace::open(
        workspace.path(),
        galley_core::workspace::Env::system("cli"),
    )
    .expect("open as the CLI does");
    cli.set_editorial_status(
        "pxq253v3kb",
        galley_core::records::EditorialStatus::InReview,
        None,
    )
    .expect("send to review from the CLI");
    let theirs = heard(&rx, |p| p["byApp"] == false);
    assert_eq!(theirs["recordsChanged"], true, "{theirs}");
    let board = app
        .invoke("issue_board", json!({ "week": "2020-W20" }))
        .expect("board");
    let row = board["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["rows"].as_array().cloned().unwrap_or_default())
        .find(|r| r["id"] == "pxq253v3kb")
        .expect("the row");
    assert_eq!(row["editorial"], "in-review", "{row}");
}

#[test]
fn an_editorial_note_added_in_the_app_is_announced_so_the_board_and_editor_reload() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);
    app.invoke(
        "add_editorial_note",
        json!({ "id": "pxq253v3kb", "text": "Source the third paragraph." }),
    )
    .expect("a note");
    let ours = heard(&rx, |p| p["byApp"] == true);
    assert_eq!(ours["changes"], json!([]), "{ours}");
}

#[test]
fn saving_the_source_is_announced_and_the_library_then_says_the_translation_is_outdated() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);
    let ru_state = |app: &TestApp| {
        let library = app.invoke("list_commentaries", json!({})).expect("library");
        let commentary = library["commentaries"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["id"] == "pxq253v3kb")
            .cloned()
            .expect("the commentary");
        let states = commentary["states"].as_array().cloned().unwrap_or_default();
        states
            .into_iter()
            .find(|s| s["lang"] == "ru")
            .map(|s| s["state"].clone())
            .expect("a ru state")
    };
    app.invoke(
        "set_translation_status",
        json!({ "id": "pxq253v3kb", "lang": "ru", "status": "done" }),
    )
    .expect("ru done");
    heard(&rx, |p| p["byApp"] == true);
    assert_eq!(ru_state(&app), "done");

    let source = "2020-W20/army-reserve-call-up.be.md";
    let draft = app
        .invoke("read_draft", json!({ "path": source }))
        .expect("read the source");
    let text = format!(
        "{}\nA new paragraph in the source.\n",
        draft["text"].as_str().expect("text")
    );
    app.invoke(
        "save_draft",
        json!({ "path": source, "text": text, "loadedHash": draft["hash"] }),
    )
    .expect("save the source");

    let announced = heard(&rx, |p| p["byApp"] == true);
    assert_eq!(announced["changes"], json!([]), "{announced}");
    assert_eq!(ru_state(&app), "outdated");
}

#[test]
fn a_draft_another_program_broke_is_announced_as_a_coded_problem() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);
    let file = workspace.path().join(PATH);

    // The OS watch may start a moment after the app; write again until the problem is heard.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut attempt = 0;
    let problem = loop {
        attempt += 1;
        let broken = format!("---\nid: x\nlang: ru\nid: y\n---\nAttempt {attempt}.\n");
        std::fs::write(&file, broken).expect("external write");
        if let Ok(payload) = rx.recv_timeout(Duration::from_millis(500)) {
            if let Some(problem) = payload["problems"].as_array().and_then(|p| p.first()) {
                break problem.clone();
            }
        }
        assert!(
            Instant::now() < deadline,
            "no problem announced within 20 s"
        );
    };

    assert_eq!(problem["kind"], "invalid_draft", "{problem}");
    assert_eq!(problem["code"], "draft_key_twice", "{problem}");
    assert_eq!(problem["args"]["path"], PATH);
    assert_eq!(problem["args"]["line"], "4");
    assert_eq!(problem["args"]["key"], "id");
}
