//! The team's records reaching the UI: a status set on another machine (its own copy of the
//! workspace, its own writer) arrives as a journal file; the watcher's batch reports it, and the
//! library, the board and the translation view say who set it and when — and, for two changes
//! made without seeing each other, which one was kept. A draft with merge conflict markers is
//! flagged, never read as content.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tauri::Manager;

use crate::support::{sample_workspace, watched, TestApp};
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::watch::WatchBatch;
use galley_core::workspace::{Env, Workspace};
use galley_desktop::session::Session;
use galley_desktop::watcher::{record_batch, CHANGED_EVENT};

const ID: &str = "buxyr7237g";
const WEEK: &str = "2020-W21";
const TRANSLATION: &str = "2020-W21/key-rate-cut.ru.md";

/// Another machine: its own copy of the workspace (so its own history and writer), signed by
/// `author`. Returns the folder (kept alive by the caller) and its open workspace.
fn other_machine(author: &str) -> (tempfile::TempDir, Workspace) {
    let folder = sample_workspace();
    let ws = Workspace::open(folder.path(), Env::system(author)).expect("open the other copy");
    (folder, ws)
}

/// Brings `from`'s own journal into `to`'s journal folder, as git or Syncthing would.
fn sync_journal(from: &Workspace, to: &Path) -> PathBuf {
    let name = format!("{}.jsonl", from.writer());
    let target = to.join(".galley/journal").join(&name);
    std::fs::create_dir_all(target.parent().expect("journal folder")).expect("journal folder");
    std::fs::copy(from.journal_dir().join(&name), &target).expect("copy the journal");
    target
}

/// What the watcher would do with a batch naming `path`.
fn watcher_batch(app: &TestApp, path: PathBuf) -> Value {
    let batch = WatchBatch {
        paths: [path].into_iter().collect(),
        rescan: false,
        errors: Vec::new(),
    };
    let changes = record_batch(&app.handle().state::<Session>(), &batch).expect("record");
    serde_json::to_value(changes).expect("json")
}

fn commentary(app: &TestApp) -> Value {
    let library = app.invoke("list_commentaries", json!({})).expect("list");
    library["commentaries"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["id"] == ID).cloned())
        .expect("listed")
}

fn language(commentary: &Value, lang: &str) -> Value {
    commentary["states"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["lang"] == lang).cloned())
        .expect("a state per language")
}

fn board_row(app: &TestApp) -> Value {
    let board = app
        .invoke("issue_board", json!({ "week": WEEK }))
        .expect("board");
    board["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["rows"].as_array().cloned().unwrap_or_default())
        .find(|row| row["id"] == ID)
        .expect("on the board")
}

fn board_cell(row: &Value, lang: &str) -> Value {
    row["cells"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["lang"] == lang).cloned())
        .expect("a cell per language")
}

#[test]
fn a_status_set_on_another_machine_says_who_set_it_everywhere() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    // The library is on screen, as in the app, before Maria's journal arrives.
    commentary(&app);
    let (_other, mut maria) = other_machine("Maria");
    maria
        .set_translation_status(ID, "ru", TranslationStatus::Done, None)
        .expect("Maria sets done");

    let journal = sync_journal(&maria, workspace.path());
    let batch = watcher_batch(&app, journal);
    assert_eq!(batch["recordsChanged"], true, "{batch}");

    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");
    assert_eq!(view["recordedStatus"], "done");
    assert_eq!(view["setBy"], "Maria");
    assert!(
        view["setAt"].as_str().is_some_and(|at| at.ends_with('Z')),
        "{view}"
    );
    assert_eq!(view["concurrent"], Value::Null);

    let ru = language(&commentary(&app), "ru");
    assert_eq!(ru["state"], "done");
    assert_eq!(ru["setBy"], "Maria");
    assert_eq!(ru["setAt"], view["setAt"]);

    let cell = board_cell(&board_row(&app), "ru");
    assert_eq!(cell["setBy"], "Maria");
    assert_eq!(cell["setAt"], view["setAt"]);
    // The source's state is nobody's doing.
    assert_eq!(board_cell(&board_row(&app), "be")["setBy"], Value::Null);

    // Nothing new arrived: the next batch says so.
    let again = watcher_batch(&app, workspace.path().join(TRANSLATION));
    assert_eq!(again["recordsChanged"], false, "{again}");
}

#[test]
fn concurrent_statuses_name_both_sides_and_the_one_kept() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let (_other, mut maria) = other_machine("Maria");
    // Each sets a status without having seen the other's.
    let here = app
        .invoke(
            "set_translation_status",
            json!({ "id": ID, "lang": "ru", "status": "in-review" }),
        )
        .expect("set here");
    let me = here["setBy"].as_str().expect("signed").to_string();
    assert_ne!(me, "Maria");
    maria
        .set_translation_status(ID, "ru", TranslationStatus::Done, None)
        .expect("Maria sets done");
    maria
        .set_editorial_status(ID, EditorialStatus::InReview, None)
        .expect("Maria sends it to review");
    app.invoke(
        "set_editorial_status",
        json!({ "week": WEEK, "id": ID, "status": "in-review" }),
    )
    .expect("review here");

    watcher_batch(&app, sync_journal(&maria, workspace.path()));

    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");
    let concurrent = &view["concurrent"];
    // The fold's order decides the winner; whichever it is, both sides are named.
    let (kept, lost) = if view["setBy"] == "Maria" {
        (("Maria", "done"), (me.as_str(), "in-review"))
    } else {
        ((me.as_str(), "in-review"), ("Maria", "done"))
    };
    assert_eq!(view["setBy"], kept.0, "{view}");
    assert_eq!(view["recordedStatus"], kept.1);
    assert_eq!(concurrent["keptBy"], kept.0, "{view}");
    assert_eq!(concurrent["kept"], kept.1);
    assert_eq!(concurrent["by"], lost.0);
    assert_eq!(concurrent["status"], lost.1);

    let ru = language(&commentary(&app), "ru");
    assert_eq!(ru["concurrent"], *concurrent);
    assert_eq!(
        board_cell(&board_row(&app), "ru")["concurrent"],
        *concurrent
    );

    // The same status chosen in two places is still two changes: the notice names both.
    let row = board_row(&app);
    let editorial = &row["editorialConcurrent"];
    assert_eq!(editorial["status"], "in-review", "{row}");
    assert_eq!(editorial["kept"], "in-review");
    assert_eq!(editorial["keptBy"], row["editorialBy"]);
    assert_ne!(editorial["by"], row["editorialBy"]);
    assert_eq!(commentary(&app)["editorialConcurrent"], *editorial);
}

#[test]
fn a_label_shows_who_gave_it_and_a_concurrent_one() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let (other, mut maria) = other_machine("Maria");
    // One text on both machines: saved here, arrived there (labels follow the text's hash).
    let draft = app
        .invoke("read_draft", json!({ "path": TRANSLATION }))
        .expect("read");
    let text = format!("{}\nЕщё абзац.\n", draft["text"].as_str().expect("text"));
    let saved = app
        .invoke(
            "save_draft",
            json!({ "path": TRANSLATION, "text": text, "loadedHash": draft["hash"] }),
        )
        .expect("save");
    let newest = saved["version"]["id"].as_i64().expect("a new version");
    std::fs::write(other.path().join(TRANSLATION), &text).expect("the text arrives there");
    maria.record_all().expect("Maria's Galley records it");
    let labelled = app
        .invoke("label_version", json!({ "id": newest, "label": "sent" }))
        .expect("label");
    assert_eq!(labelled["label"], "sent");
    assert!(labelled["labelBy"].is_string(), "{labelled}");
    assert_ne!(labelled["labelBy"], "Maria");

    // Maria labels the same text on her machine (her own version of it).
    let hers = maria.log(TRANSLATION).expect("her log")[0].id;
    assert_eq!(
        maria.log(TRANSLATION).expect("her log")[0]
            .hash
            .map(|h| h.to_hex()),
        saved["version"]["hash"].as_str().map(str::to_string)
    );
    maria.set_label(hers, Some("final")).expect("her label");
    watcher_batch(&app, sync_journal(&maria, workspace.path()));

    let versions = app
        .invoke("list_versions", json!({ "path": TRANSLATION }))
        .expect("log");
    let top = &versions[0];
    let concurrent = &top["labelConcurrent"];
    assert_eq!(concurrent["keptBy"], top["labelBy"], "{top}");
    assert_eq!(concurrent["kept"], top["label"]);
    let both = [concurrent["label"].clone(), concurrent["kept"].clone()];
    assert!(
        both.contains(&json!("sent")) && both.contains(&json!("final")),
        "{top}"
    );
}

#[test]
fn a_journal_arriving_is_announced_by_the_watcher() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let rx = watched(&app);
    let (_other, mut maria) = other_machine("Maria");
    maria
        .set_translation_status(ID, "ru", TranslationStatus::InReview, None)
        .expect("Maria sets in review");

    // The OS watch may start a moment after the app; copy again until it is heard.
    let deadline = Instant::now() + Duration::from_secs(20);
    let announced = loop {
        sync_journal(&maria, workspace.path());
        if let Ok(payload) = rx.recv_timeout(Duration::from_millis(500)) {
            if payload["recordsChanged"] == true {
                break payload;
            }
        }
        assert!(
            Instant::now() < deadline,
            "no {CHANGED_EVENT} with recordsChanged within 20 s"
        );
    };
    assert_eq!(announced["changes"], json!([]), "{announced}");
    let view = app
        .invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("view");
    assert_eq!(view["setBy"], "Maria");
}

#[test]
fn a_draft_with_conflict_markers_is_flagged_and_never_read_as_a_draft() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let file = workspace.path().join(TRANSLATION);
    let text = std::fs::read_to_string(&file).expect("read");
    let merged = format!("{text}\n<<<<<<< HEAD\nНаш абзац.\n=======\nИх абзац.\n>>>>>>> other\n");
    std::fs::write(&file, merged).expect("write the merge result");

    let listed = commentary(&app);
    assert_eq!(listed["inConflict"], true, "{listed}");
    let version = listed["versions"]
        .as_array()
        .and_then(|all| all.iter().find(|v| v["lang"] == "ru").cloned())
        .expect("still listed by its ours side");
    assert_eq!(version["inConflict"], true);
    assert_eq!(version["path"], TRANSLATION);

    let read = app
        .invoke("read_draft", json!({ "path": TRANSLATION }))
        .expect_err("markers are not content");
    assert_eq!(read["kind"], "conflict_markers", "{read}");
    assert!(
        read["message"]
            .as_str()
            .is_some_and(|m| m.contains("keep one")),
        "{read}"
    );

    let board = app
        .invoke("issue_board", json!({ "week": WEEK }))
        .expect("board");
    assert_eq!(board["conflicts"][0]["path"], TRANSLATION, "{board}");
    assert_eq!(board["conflicts"][0]["id"], ID);
    assert_eq!(board_row(&app)["inConflict"], true);
    let reasons: Vec<&Value> = board["readiness"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|l| l["blockers"].as_array().into_iter().flatten())
        .filter(|b| b["kind"] == "conflict")
        .collect();
    assert_eq!(reasons.len(), 3, "every language is blocked: {board}");
    assert!(reasons.iter().all(|b| b["problem"]
        .as_str()
        .is_some_and(|p| p.contains("conflict markers"))
        && b["whatToDo"]
            .as_str()
            .is_some_and(|w| w.contains("delete the marker lines"))));
}
