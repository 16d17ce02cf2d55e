// `galley translate …` on a copy of the sample workspace: the grid, start, set, diff, minor.

use super::support::Sample;
use predicates::str::contains;

const ID: &str = "pxq253v3kb";
const BE: &str = "2020-W20/army-reserve-call-up.be.md";

fn cell<'a>(grid: &'a serde_json::Value, id: &str, lang: &str) -> &'a serde_json::Value {
    let row = grid["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == id)
        .expect("row");
    row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["lang"] == lang)
        .expect("cell")
}

/// Edits the second paragraph of the Belarusian source, as another editor would.
fn edit_second_paragraph(sample: &Sample) {
    let path = sample.root().join(BE);
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replace("прызыў з запасу", "прызыў");
    assert_ne!(edited, text);
    std::fs::write(&path, edited).expect("write");
}

#[test]
fn status_json_has_a_cell_per_language_with_the_documented_fields() {
    let sample = Sample::copy();
    let grid = sample.json(&["translate", "status"]);
    assert_eq!(grid["languages"], serde_json::json!(["be", "ru", "en"]));
    let ru = cell(&grid, ID, "ru");
    for field in [
        "lang",
        "role",
        "path",
        "status",
        "translation_of",
        "base",
        "source_head",
        "outdated",
        "changes",
        "via",
        "chain",
        "set_by",
        "set_at",
        "note",
        "base_sha256",
        "concurrent",
    ] {
        assert!(ru.get(field).is_some(), "missing {field} in {ru}");
    }
    // The sample's records: ru was translated from an earlier text of the source, which has
    // not arrived on this machine; it shows as done by its translator, and outdated.
    assert_eq!(ru["status"], "done");
    assert_eq!(ru["set_by"], "Hanna Zhuk");
    assert_eq!(ru["outdated"], true, "{ru}");
    assert!(ru["changes"]["base"].is_null(), "{ru}");
    assert_eq!(cell(&grid, ID, "be")["role"], "source");
}

#[test]
fn done_then_a_source_edit_flags_the_paragraph_and_the_diff_shows_it() {
    let sample = Sample::copy();
    let set = sample.json(&["translate", "set", ID, "ru", "done", "--note", "checked"]);
    assert_eq!(set["status"]["status"], "done");
    assert_eq!(set["status"]["author"], "Tester");
    assert_eq!(
        set["status"]["base_sha256"].as_str().map(str::len),
        Some(64)
    );

    edit_second_paragraph(&sample);
    let grid = sample.json(&["translate", "status", "--issue", "2020-W20"]);
    let ru = cell(&grid, ID, "ru");
    assert_eq!(ru["outdated"], true);
    assert_eq!(ru["note"], "checked");
    assert_eq!(ru["changes"]["fields"], serde_json::json!(["body"]));
    let paragraphs = ru["changes"]["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), 1, "{paragraphs:?}");
    assert_eq!(paragraphs[0]["kind"], "changed");
    assert_eq!(paragraphs[0]["translation"], 2);

    sample
        .galley()
        .args(["translate", "diff", ID, "ru", "--color", "never"])
        .assert()
        .success()
        .stdout(contains("[-з запасу-]"));
}

#[test]
fn start_prints_the_new_path_and_refuses_a_second_time() {
    let sample = Sample::copy();
    let listing = sample.json(&["list"]);
    let id = listing["drafts"]
        .as_array()
        .expect("drafts")
        .iter()
        .find(|d| d["path"] == "2020-W20/nomination-campaign-opens.be.md")
        .map(|d| d["id"].as_str().expect("id").to_string())
        .expect("sample draft");
    sample
        .galley()
        .args(["translate", "start", &id, "--lang", "en"])
        .assert()
        .success()
        .stdout("2020-W20/nomination-campaign-opens.en.md\n");
    assert!(sample
        .root()
        .join("2020-W20/nomination-campaign-opens.en.md")
        .is_file());
    sample
        .galley()
        .args(["translate", "start", &id, "--lang", "en"])
        .assert()
        .code(1)
        .stderr(contains("already has a version in en"));
}

#[test]
fn a_minor_mark_keeps_the_translation_current_and_undo_reverts_it() {
    let sample = Sample::copy();
    sample.json(&["translate", "set", ID, "ru", "done"]);
    edit_second_paragraph(&sample);
    sample.json(&["record"]);
    let log = sample.json(&["log", BE]);
    let head = log["versions"][0]["id"].as_i64().expect("head id");

    let mark = sample.json(&["translate", "minor", &head.to_string()]);
    assert_eq!(mark["minor"]["minor"], true);
    let grid = sample.json(&["translate", "status"]);
    assert_eq!(cell(&grid, ID, "ru")["outdated"], false);

    sample.json(&["translate", "minor", &head.to_string(), "--undo"]);
    let grid = sample.json(&["translate", "status"]);
    assert_eq!(cell(&grid, ID, "ru")["outdated"], true);
}

#[test]
fn an_unknown_status_is_a_clear_error_that_changes_nothing() {
    let sample = Sample::without_records();
    let before = sample.snapshot();
    sample
        .galley()
        .args(["translate", "set", ID, "ru", "finished"])
        .assert()
        .code(1)
        .stderr(contains("in-progress, in-review, done"));
    assert_eq!(sample.snapshot(), before);
    let grid = sample.json(&["translate", "status"]);
    assert!(cell(&grid, ID, "ru")["set_by"].is_null());
}
