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

#[test]
fn the_source_diff_says_plainly_when_the_base_text_has_not_arrived() {
    // The sample's ru translation names a source text this machine has never had.
    let sample = Sample::copy();
    sample.galley().arg("record").assert().success();
    sample
        .galley()
        .args(["translate", "diff", ID, "ru"])
        .assert()
        .code(1)
        .stderr(contains("has not arrived yet"))
        .stderr(contains("Hanna Zhuk"));
    let grid = sample.json(&["translate", "status", "--issue", "2020-W20"]);
    let ru = cell(&grid, ID, "ru");
    assert_eq!(
        (ru["status"].as_str(), ru["outdated"].as_bool()),
        (Some("done"), Some(true))
    );
}

#[test]
fn a_version_is_named_by_a_prefix_of_its_hash_in_diff_minor_label_and_restore() {
    let sample = Sample::without_records();
    sample.json(&["translate", "set", ID, "ru", "done"]);
    edit_second_paragraph(&sample);
    sample.json(&["record"]);
    let log = sample.json(&["log", BE]);
    let newest = log["versions"][0]["sha256"]
        .as_str()
        .expect("hash")
        .to_string();
    let oldest = log["versions"][1]["sha256"]
        .as_str()
        .expect("hash")
        .to_string();
    let diff = sample.json(&["diff", BE, &oldest[..8], &newest[..8]]);
    assert!(diff["paragraphs_changed"].as_u64() > Some(0), "{diff}");
    let minor = sample.json(&["translate", "minor", &newest[..12]]);
    assert_eq!(minor["minor"]["sha256"], newest.as_str());
    assert_eq!(minor["minor"]["version"], log["versions"][0]["id"]);
    let labelled = sample.json(&["label", &newest[..7], "checked"]);
    assert_eq!(labelled["version"]["label"], "checked");
    let restored = sample.json(&["restore", &oldest[..10]]);
    assert_eq!(restored["version"]["sha256"], oldest.as_str());
    sample
        .galley()
        .args(["restore", "zz12"])
        .assert()
        .code(2)
        .stderr(contains("six or more hex digits"));
    sample
        .galley()
        .args(["restore", "abcdef0123"])
        .assert()
        .code(1)
        .stderr(contains("starts with abcdef0123"));
}

/// Keeps the front matter of the draft at `rel` and replaces its body.
fn replace_body(sample: &Sample, rel: &str, body: &str) {
    let path = sample.root().join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    let end = text[4..].find("\n---\n").expect("front matter end") + 4 + 5;
    std::fs::write(&path, format!("{}\n{body}", &text[..end])).expect("write");
}

fn blocker_kinds(sample: &Sample, week: &str, lang: &str, id: &str) -> Vec<String> {
    let out = sample
        .galley()
        .args(["issue", "check", week, "--json"])
        .output()
        .expect("run");
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    check["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .find(|l| l["lang"] == lang)
        .expect("language")["blockers"]
        .as_array()
        .expect("blockers")
        .iter()
        .filter(|b| b["id"] == id)
        .map(|b| b["reason"].as_str().expect("reason").to_string())
        .collect()
}

#[test]
fn done_on_a_translation_without_a_body_warns_and_check_holds_it_back() {
    let sample = Sample::copy();
    replace_body(&sample, "2020-W20/army-reserve-call-up.ru.md", "");
    sample
        .galley()
        .args(["translate", "set", ID, "ru", "done"])
        .assert()
        .success()
        .stderr(contains(
            "warning: pxq253v3kb is marked done, but the ru text has no body",
        ));
    assert!(blocker_kinds(&sample, "2020-W20", "ru", ID).contains(&"body_empty".to_string()));
}

#[test]
fn done_on_a_translation_missing_paragraphs_warns_with_both_counts() {
    let sample = Sample::copy();
    replace_body(
        &sample,
        "2020-W20/army-reserve-call-up.en.md",
        "Only the first paragraph.\n\nAnd the second.\n",
    );
    sample
        .galley()
        .args(["translate", "set", ID, "en", "done"])
        .assert()
        .success()
        .stderr(contains(
            "the en text has 2 paragraphs where its be source has 5",
        ));
    let kinds = blocker_kinds(&sample, "2020-W20", "en", ID);
    assert!(
        kinds.contains(&"paragraphs_missing".to_string()),
        "{kinds:?}"
    );
    // A whole translation marked done gets no warning.
    sample
        .galley()
        .args(["translate", "set", ID, "ru", "done"])
        .assert()
        .success()
        .stderr(predicates::str::is_empty());
}

#[test]
fn status_counts_the_changes_a_teammate_marked_handled() {
    use galley_core::hash::ContentHash;
    use galley_core::translation::split_paragraphs;
    let sample = Sample::copy();
    let set = sample.json(&["translate", "set", ID, "ru", "done"]);
    let base = set["status"]["base_sha256"]
        .as_str()
        .expect("base")
        .to_string();
    edit_second_paragraph(&sample);
    let grid = sample.json(&["translate", "status", "--issue", "2020-W20"]);
    let changes = &cell(&grid, ID, "ru")["changes"];
    assert_eq!(
        (changes["to_review"].as_u64(), changes["handled"].as_u64()),
        (Some(1), Some(0))
    );

    // The translator's "done with this paragraph", arrived in their journal: it names the
    // source paragraph as it is now by its SHA-256, and the base.
    let source = std::fs::read_to_string(sample.root().join(BE)).expect("source");
    let body = source.splitn(3, "---\n").nth(2).expect("body");
    let paragraph = split_paragraphs(body)
        .into_iter()
        .find(|p| p.contains("прызыў") && !p.contains("прызыў з запасу"))
        .expect("the edited paragraph");
    let line = serde_json::json!({
        "v": 1, "id": "maria-0c11aaaa.1", "clock": 1_000_000, "at": "2020-05-15T10:00:00Z",
        "author": "Maria", "kind": "handled", "commentary": ID, "lang": "ru",
        "sha256": ContentHash::of(paragraph.as_bytes()).to_hex(), "base": base,
    });
    std::fs::write(
        sample.root().join(".galley/journal/maria-0c11aaaa.jsonl"),
        format!("{line}\n"),
    )
    .expect("journal");

    let grid = sample.json(&["translate", "status", "--issue", "2020-W20"]);
    let ru = cell(&grid, ID, "ru");
    assert_eq!(ru["outdated"], true, "handled is not up to date: {ru}");
    assert_eq!(ru["changes"]["handled"], 1, "{ru}");
    sample
        .galley()
        .args(["translate", "status", "--issue", "2020-W20"])
        .assert()
        .success()
        .stdout(contains("[1 of 1 handled]"));
}
