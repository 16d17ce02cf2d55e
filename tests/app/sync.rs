//! Sharing through git from the app: a real bare repository in a temp folder, two apps on the
//! mock runtime — one shares its workspace, the other opens a clone of it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use crate::support::{sample_workspace, TestApp};

const ID: &str = "pxq253v3kb";
const SOURCE: &str = "2020-W20/army-reserve-call-up.be.md";
const PHRASE: &str = "Маштаб пакуль сціплы";

/// An empty bare repository, the team's shared one.
fn bare_repository(dir: &Path) -> PathBuf {
    let bare = dir.join("team.git");
    let made = Command::new("git")
        .args(["init", "--quiet", "--bare", "-b", "main"])
        .arg(&bare)
        .status()
        .expect("run git");
    assert!(made.success(), "git init --bare");
    bare
}

fn url(bare: &Path) -> String {
    bare.display().to_string()
}

fn sync(app: &TestApp) -> Value {
    app.invoke("sync_now", json!({})).expect("sync succeeds")
}

fn assert_in_sync(status: &Value) {
    assert_eq!(status["shared"], true, "{status}");
    assert_eq!(status["toSend"], 0, "{status}");
    assert_eq!(status["toReceive"], 0, "{status}");
    assert_eq!(status["conflicts"], 0, "{status}");
}

/// A sample workspace shared through a new bare repository, and a second app on a clone of it.
struct Team {
    _dir: tempfile::TempDir,
    _first: tempfile::TempDir,
    _parked: tempfile::TempDir,
    bare: PathBuf,
    anna: TestApp,
    boris: TestApp,
}

fn team() -> Team {
    let dir = tempfile::tempdir().expect("temp dir");
    let bare = bare_repository(dir.path());
    let first = sample_workspace();
    let anna = TestApp::open(first.path());
    let shared = anna
        .invoke("share_workspace", json!({ "url": url(&bare) }))
        .expect("sharing succeeds");
    assert_eq!(shared["offline"], false, "{shared}");
    // Boris's app starts on a workspace of its own, then opens the shared one.
    let parked = sample_workspace();
    let boris = TestApp::open(parked.path());
    let clone = dir.path().join("boris");
    galley_desktop::commands_sync::clone_into(boris.handle(), &url(&bare), &clone)
        .expect("the clone opens");
    Team {
        _dir: dir,
        _first: first,
        _parked: parked,
        bare,
        anna,
        boris,
    }
}

fn edit(app: &TestApp, from: &str, to: &str) {
    let draft = app
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read the draft");
    let text = draft["text"].as_str().expect("text");
    assert!(text.contains(from), "the sample says {from}");
    let saved = app
        .invoke(
            "save_draft",
            json!({ "path": SOURCE, "text": text.replace(from, to), "loadedHash": draft["hash"] }),
        )
        .expect("save");
    assert_eq!(saved["outcome"], "saved", "{saved}");
}

/// The ru translation's status as recorded (who set what, not derived from the texts).
fn ru_status(app: &TestApp) -> Value {
    app.invoke("translation_view", json!({ "id": ID, "lang": "ru" }))
        .expect("translation view")["recordedStatus"]
        .clone()
}

#[test]
fn a_workspace_not_shared_yet_says_so_without_an_error() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let status = app.invoke("sync_state", json!({})).expect("state");

    assert_eq!(status["shared"], false, "{status}");
    let error = app
        .invoke("sync_now", json!({}))
        .expect_err("nothing to sync with");
    assert_eq!(error["kind"], "sync", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("Set up sharing")),
        "{error}"
    );
}

#[test]
fn sharing_then_syncing_reports_in_sync() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bare = bare_repository(dir.path());
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let shared = app
        .invoke("share_workspace", json!({ "url": url(&bare) }))
        .expect("sharing succeeds");
    assert!(shared["committed"].as_u64() > Some(0), "{shared}");
    let outcome = sync(&app);

    assert_eq!(outcome["offline"], false, "{outcome}");
    assert_in_sync(&outcome["status"]);
    assert_in_sync(&app.invoke("sync_state", json!({})).expect("state"));
}

#[test]
fn sync_state_counts_what_waits_to_be_sent() {
    let team = team();

    edit(&team.anna, PHRASE, "Маштаб ужо немалы");
    let status = team.anna.invoke("sync_state", json!({})).expect("state");

    assert!(status["toSend"].as_u64() >= Some(1), "{status}");
    assert_in_sync(&sync(&team.anna)["status"]);
}

#[test]
fn a_clone_opened_in_the_app_receives_a_status_and_an_edit_made_in_the_first() {
    let team = team();
    assert_in_sync(&team.boris.invoke("sync_state", json!({})).expect("state"));
    assert_eq!(ru_status(&team.boris), "done");

    edit(&team.anna, PHRASE, "Маштаб ужо немалы");
    team.anna
        .invoke(
            "set_translation_status",
            json!({ "id": ID, "lang": "ru", "status": "in-review" }),
        )
        .expect("set the status");
    sync(&team.anna);
    let received = sync(&team.boris);

    assert!(received["received"].as_u64() >= Some(1), "{received}");
    assert_in_sync(&received["status"]);
    assert_eq!(ru_status(&team.boris), "in-review", "the status travelled");
    let text = team
        .boris
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read")["text"]
        .clone();
    assert!(
        text.as_str()
            .is_some_and(|t| t.contains("Маштаб ужо немалы")),
        "{text}"
    );
}

#[test]
fn a_conflict_is_listed_and_taking_a_side_clears_it() {
    let team = team();
    edit(&team.anna, PHRASE, "Маштаб ужо немалы");
    edit(&team.boris, PHRASE, "Маштаб вельмі вялікі");
    sync(&team.anna);

    let outcome = sync(&team.boris);

    assert_eq!(outcome["conflicts"][0]["path"], SOURCE, "{outcome}");
    assert_eq!(outcome["status"]["conflicts"], 1, "{outcome}");
    let listed = team
        .boris
        .invoke("sync_conflicts", json!({}))
        .expect("list");
    assert_eq!(listed[0]["path"], SOURCE, "{listed}");
    let theirs = listed[0]["theirs"].clone();
    let versions = team
        .boris
        .invoke("list_versions", json!({ "path": SOURCE }))
        .expect("versions");
    assert!(
        versions
            .as_array()
            .is_some_and(|all| all.iter().any(|v| v["hash"] == theirs)),
        "the other side's text is a version in History: {versions}"
    );

    team.boris
        .invoke(
            "resolve_conflict",
            json!({ "path": SOURCE, "side": "theirs" }),
        )
        .expect("resolved");

    assert_eq!(
        team.boris
            .invoke("sync_conflicts", json!({}))
            .expect("list"),
        json!([])
    );
    let text = team
        .boris
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read")["text"]
        .clone();
    assert!(
        text.as_str()
            .is_some_and(|t| t.contains("Маштаб ужо немалы")),
        "{text}"
    );
    let error = team
        .boris
        .invoke(
            "resolve_conflict",
            json!({ "path": SOURCE, "side": "ours" }),
        )
        .expect_err("nothing left to resolve");
    assert_eq!(error["kind"], "not_found", "{error}");
}

#[test]
fn a_conflict_is_settled_piece_by_piece() {
    let team = team();
    // The lead clashes; a paragraph of the body clashes; Anna also changes another paragraph.
    edit(&team.anna, PHRASE, "Маштаб ужо немалы");
    edit(&team.anna, "Геаграфія таксама", "Геаграфія вельмі");
    edit(&team.anna, "Сам па сабе прызыў", "Сам па сабе выклік");
    edit(&team.boris, PHRASE, "Маштаб вельмі вялікі");
    edit(&team.boris, "Сам па сабе прызыў", "Зразумела, прызыў");
    sync(&team.anna);
    sync(&team.boris);

    let parts = team
        .boris
        .invoke("conflict_parts", json!({ "path": SOURCE }))
        .expect("parts");
    assert_eq!(
        parts["paragraphs"].as_array().map(Vec::len),
        Some(1),
        "{parts}"
    );
    assert!(
        parts["paragraphs"][0]["theirs"]
            .as_str()
            .is_some_and(|p| p.starts_with("Сам па сабе выклік")),
        "{parts}"
    );
    assert_eq!(parts["fields"][0]["key"], "lead", "{parts}");

    // Boris keeps his paragraph and takes Anna's lead.
    team.boris
        .invoke(
            "resolve_conflict_pieces",
            json!({ "path": SOURCE, "choices": { "theirsParagraphs": [], "theirsFields": ["lead"] } }),
        )
        .expect("settled");

    let text = team
        .boris
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read")["text"]
        .as_str()
        .expect("text")
        .to_string();
    for kept in ["Маштаб ужо немалы", "Зразумела, прызыў", "Геаграфія вельмі"]
    {
        assert!(text.contains(kept), "`{kept}` missing:\n{text}");
    }
    let status = team.boris.invoke("sync_state", json!({})).expect("state");
    assert_eq!(status["conflicts"], 0, "{status}");
    assert!(
        status["lastSynced"].is_string(),
        "the last sync is remembered: {status}"
    );
    let error = team
        .boris
        .invoke(
            "resolve_conflict_pieces",
            json!({ "path": SOURCE, "choices": { "theirsParagraphs": [0], "theirsFields": [] } }),
        )
        .expect_err("nothing left to settle");
    assert_eq!(error["kind"], "not_found", "{error}");
}

#[test]
fn an_unreachable_remote_is_offline_not_an_error() {
    let team = team();
    let gone = team.bare.with_extension("gone");
    std::fs::rename(&team.bare, &gone).expect("take the remote away");
    edit(&team.anna, PHRASE, "Маштаб ужо немалы");

    let outcome = sync(&team.anna);

    assert_eq!(outcome["offline"], true, "{outcome}");
    assert!(outcome["status"]["toSend"].as_u64() >= Some(1), "{outcome}");
    std::fs::rename(&gone, &team.bare).expect("bring it back");
    let outcome = sync(&team.anna);
    assert_eq!(outcome["offline"], false, "{outcome}");
    assert_in_sync(&outcome["status"]);
}

#[test]
fn an_unreachable_repository_when_sharing_is_offline_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let shared = app
        .invoke(
            "share_workspace",
            json!({ "url": url(&dir.path().join("missing.git")) }),
        )
        .expect("no error");

    assert_eq!(shared["offline"], true, "{shared}");
    assert_eq!(shared["status"]["shared"], true, "{shared}");
}
