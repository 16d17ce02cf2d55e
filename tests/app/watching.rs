//! The shell's watcher: another program's edit of a draft becomes an "external" version and is
//! announced to the window with the `workspace-changed` event.

use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tauri::Listener;

use crate::support::{sample_workspace, TestApp};
use galley_desktop::watcher::CHANGED_EVENT;

const PATH: &str = "2020-W20/army-reserve-call-up.ru.md";

#[test]
fn an_external_edit_is_recorded_and_announced() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    // `setup` (which starts it in the real app) runs only with an event loop.
    galley_desktop::watcher::start(app.handle());
    let (tx, rx) = channel::<Value>();
    app.handle().listen(CHANGED_EVENT, move |event| {
        let _ = tx.send(serde_json::from_str(event.payload()).unwrap_or(Value::Null));
    });
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
