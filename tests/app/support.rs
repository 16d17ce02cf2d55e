use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};

use galley_desktop::watcher::CHANGED_EVENT;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Listener, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the sample workspace `drafts/` (tests never write into the original).
pub fn sample_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temp dir");
    copy_dir(&repo_root().join("drafts"), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read the sample workspace") {
        let entry = entry.expect("read dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The sample drafts as (relative path, text), read straight from the files.
pub fn sample_drafts() -> Vec<(String, String)> {
    let root = repo_root().join("drafts");
    let mut found = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path
                    .strip_prefix(&root)
                    .expect("inside root")
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push((rel, std::fs::read_to_string(&path).expect("read draft")));
            }
        }
    }
    found.sort();
    found
}

/// The app as `run` builds it (real config, capabilities and ACL), on the mock runtime.
pub struct TestApp {
    app: App<MockRuntime>,
    pub main: WebviewWindow<MockRuntime>,
    /// Holds the recent-workspaces list (never the user's own config folder).
    config: tempfile::TempDir,
}

impl TestApp {
    pub fn open(workspace: &Path) -> TestApp {
        let app = galley_desktop::builder(mock_builder(), galley_desktop::open_session(workspace))
            .build(galley_desktop::context())
            .expect("build the mock app");
        let config = tempfile::tempdir().expect("create a temp dir");
        app.manage(galley_desktop::recent::RecentStore::at(
            config.path().join("recent.toml"),
        ));
        let main = window(&app, "main");
        TestApp { app, main, config }
    }

    /// Where this app keeps its recent-workspaces list.
    pub fn recent_file(&self) -> PathBuf {
        self.config.path().join("recent.toml")
    }

    pub fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        window(&self.app, label)
    }

    pub fn handle(&self) -> &tauri::AppHandle<MockRuntime> {
        self.app.handle()
    }

    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.main, cmd, args)
    }
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, WebviewUrl::default())
        .build()
        .expect("build a mock window")
}

pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("a valid url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request)
        .map(|body| body.deserialize::<Value>().expect("a JSON response"))
}

/// Starts the watcher (`setup`, which starts it in the real app, runs only with an event loop)
/// and hears every `workspace-changed` payload.
pub fn watched(app: &TestApp) -> Receiver<Value> {
    galley_desktop::watcher::start(app.handle());
    let (tx, rx) = channel::<Value>();
    app.handle().listen(CHANGED_EVENT, move |event| {
        let _ = tx.send(serde_json::from_str(event.payload()).unwrap_or(Value::Null));
    });
    rx
}
