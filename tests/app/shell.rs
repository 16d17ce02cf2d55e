//! The shell's workspace switching: only folders on the recent list can be opened from the
//! webview; a switch replaces the session, announces itself, and the watcher follows it.

use std::path::Path;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tauri::{Listener, Manager};

use crate::support::{sample_workspace, TestApp};
use galley_core::recent::RecentWorkspaces;
use galley_desktop::recent::RecentStore;
use galley_desktop::switch::SWITCHED_EVENT;
use galley_desktop::watcher::CHANGED_EVENT;

fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path)
        .expect("canonical path")
        .display()
        .to_string()
}

fn opened_root(app: &TestApp) -> Value {
    app.invoke("open_workspace_info", json!({}))
        .expect("info succeeds")["root"]
        .clone()
}

fn remember(app: &TestApp, folder: &Path) {
    app.handle()
        .state::<RecentStore>()
        .remember(Path::new(&canonical(folder)));
}

/// An initialised workspace with one draft of its own, unlike the sample's.
fn other_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    galley_core::workspace::Workspace::init(
        dir.path(),
        galley_core::workspace::Env::system("test"),
    )
    .expect("init");
    std::fs::write(
        dir.path().join("only-one.en.md"),
        "---\nid: only-one\nlang: en\ntitle: The only commentary\n---\nText.\n",
    )
    .expect("write a draft");
    dir
}

#[test]
fn open_recent_refuses_a_folder_that_is_not_on_the_recent_list() {
    let first = sample_workspace();
    let elsewhere = sample_workspace();
    let app = TestApp::open(first.path());

    let error = app
        .invoke(
            "open_recent",
            json!({ "path": canonical(elsewhere.path()) }),
        )
        .expect_err("refused");

    assert_eq!(error["kind"], "invalid", "{error}");
    assert_eq!(
        opened_root(&app),
        canonical(first.path()),
        "still the first"
    );
}

#[test]
fn opening_a_recent_workspace_switches_the_session_and_the_listing_shows_it() {
    let first = sample_workspace();
    let second = other_workspace();
    let app = TestApp::open(first.path());
    remember(&app, second.path());
    let (tx, rx) = channel::<String>();
    app.handle().listen(SWITCHED_EVENT, move |event| {
        let _ = tx.send(event.payload().to_string());
    });

    let outcome = app
        .invoke("open_recent", json!({ "path": canonical(second.path()) }))
        .expect("opens");

    assert_eq!(outcome["opened"], canonical(second.path()));
    let library = app
        .invoke("list_commentaries", json!({}))
        .expect("list succeeds");
    let ids: Vec<&str> = library["commentaries"]
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["only-one"]);
    assert_eq!(opened_root(&app), canonical(second.path()));
    let announced = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("a workspace-switched event");
    assert_eq!(
        serde_json::from_str::<String>(&announced).ok(),
        Some(canonical(second.path()))
    );
}

#[test]
fn a_recent_folder_that_is_not_a_workspace_is_refused_and_the_current_one_stays_open() {
    let first = sample_workspace();
    let plain = tempfile::tempdir().expect("temp dir");
    let app = TestApp::open(first.path());
    remember(&app, plain.path());

    let error = app
        .invoke("open_recent", json!({ "path": canonical(plain.path()) }))
        .expect_err("refused");

    assert_eq!(error["kind"], "no_workspace", "{error}");
    assert_eq!(opened_root(&app), canonical(first.path()));
    assert!(
        !plain.path().join(".galley").exists(),
        "reopening never initialises a folder"
    );
}

#[test]
fn the_recent_list_is_most_recent_first_and_marks_missing_folders() {
    let first = sample_workspace();
    let gone = tempfile::tempdir().expect("temp dir");
    let gone_path = canonical(gone.path());
    let app = TestApp::open(first.path());
    remember(&app, gone.path());
    drop(gone);
    let second = other_workspace();
    remember(&app, second.path());

    let listed = app.invoke("list_recent", json!({})).expect("list");

    assert_eq!(
        listed,
        json!([
            { "path": canonical(second.path()), "missing": false },
            { "path": gone_path, "missing": true },
        ])
    );
}

#[test]
fn a_switch_puts_the_new_workspace_first_in_the_recent_file() {
    let first = sample_workspace();
    let second = other_workspace();
    let app = TestApp::open(first.path());
    remember(&app, second.path());
    remember(&app, first.path());

    app.invoke("open_recent", json!({ "path": canonical(second.path()) }))
        .expect("opens");

    let saved = RecentWorkspaces::load(&app.recent_file()).expect("load");
    let first_listed = saved.entries().into_iter().next().map(|e| e.path);
    assert_eq!(
        first_listed.map(|p| p.display().to_string()),
        Some(canonical(second.path()))
    );
}

#[test]
fn after_a_switch_the_watcher_follows_the_new_workspace() {
    let first = sample_workspace();
    let second = other_workspace();
    let app = TestApp::open(first.path());
    galley_desktop::watcher::start(app.handle());
    remember(&app, second.path());
    app.invoke("open_recent", json!({ "path": canonical(second.path()) }))
        .expect("opens");
    let (tx, rx) = channel::<Value>();
    app.handle().listen(CHANGED_EVENT, move |event| {
        let _ = tx.send(serde_json::from_str(event.payload()).unwrap_or(Value::Null));
    });
    let file = second.path().join("only-one.en.md");
    let edited =
        "---\nid: only-one\nlang: en\ntitle: The only commentary\n---\nEdited elsewhere.\n";

    // The OS watch may start a moment after the switch; write again until it is heard.
    let deadline = Instant::now() + Duration::from_secs(20);
    let announced = loop {
        std::fs::write(&file, edited).expect("external write");
        if let Ok(payload) = rx.recv_timeout(Duration::from_millis(500)) {
            break payload;
        }
        assert!(
            Instant::now() < deadline,
            "no {CHANGED_EVENT} event within 20 s"
        );
    };

    assert_eq!(
        announced["changes"][0]["path"], "only-one.en.md",
        "{announced}"
    );
}
