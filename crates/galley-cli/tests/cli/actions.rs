// `galley rename` and `galley trash …` on a copy of the sample workspace.

use super::support::Sample;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const ARMY: &str = "pxq253v3kb";

#[test]
fn trash_delete_then_restore_brings_every_file_back_with_history_continuing() {
    let sample = Sample::copy();
    let be = "2020-W20/army-reserve-call-up.be.md";
    let text = std::fs::read_to_string(sample.root().join(be)).expect("read");
    let deleted = sample.json(&["trash", "delete", ARMY]);
    assert_eq!(deleted["restored"], false);
    let entry = &deleted["entry"];
    assert_eq!(entry["kind"], "deleted");
    assert_eq!(entry["id"], ARMY);
    assert_eq!(entry["section"], "security");
    assert_eq!(entry["position"], 1);
    assert_eq!(entry["by"], "Tester");
    assert_eq!(entry["files"].as_array().expect("files").len(), 3);
    assert!(!sample.root().join(be).exists());
    let name = entry["name"].as_str().expect("name").to_string();

    let list = sample.json(&["trash", "list"]);
    assert_eq!(list["entries"][0]["name"], name.as_str());
    sample
        .galley()
        .args(["trash", "list"])
        .assert()
        .success()
        .stdout(contains(name.as_str()).and(contains("deleted")));

    let restored = sample.json(&["trash", "restore", &name]);
    assert_eq!(restored["restored"], true);
    assert_eq!(
        std::fs::read_to_string(sample.root().join(be)).expect("read"),
        text
    );
    let log = sample.json(&["log", be]);
    let versions = log["versions"].as_array().expect("versions");
    assert_eq!(versions[0]["origin"], "restore");
    assert_eq!(versions[1]["deleted"], true);
    assert_eq!(versions[0]["restored_from"], versions[2]["id"]);
    assert_eq!(
        sample.json(&["trash", "list"])["entries"],
        serde_json::json!([])
    );
}

#[test]
fn trash_restore_refuses_a_taken_path_and_an_unknown_entry_with_exit_1() {
    let sample = Sample::copy();
    let deleted = sample.json(&["trash", "archive", ARMY, "--lang", "en"]);
    let name = deleted["entry"]["name"].as_str().expect("name").to_string();
    assert!(sample.root().join(".galley/archive").join(&name).is_dir());
    let en = sample.root().join("2020-W20/army-reserve-call-up.en.md");
    std::fs::write(&en, "mine\n").expect("write");
    sample
        .galley()
        .args(["trash", "restore", &name])
        .assert()
        .code(1)
        .stderr(contains("2020-W20/army-reserve-call-up.en.md").and(contains("another file")));
    assert_eq!(std::fs::read_to_string(&en).expect("read"), "mine\n");
    sample
        .galley()
        .args(["trash", "restore", "nothing-like-it"])
        .assert()
        .code(1)
        .stderr(contains("galley trash list"));
}

#[test]
fn rename_with_files_renames_every_language_version_and_reports_them() {
    let sample = Sample::copy();
    let report = sample.json(&[
        "rename",
        ARMY,
        "--lang",
        "en",
        "--title",
        "Reservists in the west",
        "--files",
    ]);
    assert_eq!(report["title"], "Reservists in the west");
    assert_eq!(report["files"].as_array().expect("files").len(), 3);
    assert_eq!(
        report["version"]["path"],
        "2020-W20/reservists-in-the-west.en.md"
    );
    for lang in ["be", "ru", "en"] {
        let rel = format!("2020-W20/reservists-in-the-west.{lang}.md");
        assert!(sample.root().join(&rel).is_file(), "{rel}");
    }
    sample
        .galley()
        .args(["rename", ARMY, "--lang", "en", "--title", ""])
        .assert()
        .code(1)
        .stderr(contains("it is empty"));
}
