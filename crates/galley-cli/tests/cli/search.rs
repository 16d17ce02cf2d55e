// `galley search`, `galley reindex` and `galley import` as processes.

use super::support::Sample;

fn write(root: &std::path::Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn import_then_search_finds_highlighted_text_with_filters() {
    let ws = Sample::empty();
    ws.galley().arg("init").assert().success();
    let archive = tempfile::tempdir().expect("dir");
    write(
        archive.path(),
        "2020/05/13/army.be.md",
        "# Рэформа войска\n\nМіністэрства абароны маўчыць.\n",
    );
    write(
        archive.path(),
        "2020/05/13/army.en.md",
        "# Army reform\n\nThe ministry of defence is silent.\n",
    );
    let report = ws.json(&["import", archive.path().to_str().expect("utf-8")]);
    assert_eq!(report["imported"], 2);

    let found = ws.json(&["search", "абароны"]);
    let hits = found["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["path"], "2020-W20/army.be.md");
    assert_eq!(
        hits[0]["snippet"]["highlights"][0].as_array().map(Vec::len),
        Some(2)
    );

    let filtered = ws.json(&["search", "reform* OR рэформ*", "--lang", "en"]);
    assert_eq!(filtered["hits"].as_array().map(Vec::len), Some(1));
    assert_eq!(filtered["hits"][0]["lang"], "en");

    let again = ws.json(&["import", archive.path().to_str().expect("utf-8")]);
    assert_eq!(again["unchanged"], 2);
    assert_eq!(again["imported"], 0);
}

#[test]
fn text_output_brackets_matches_when_piped() {
    let ws = Sample::copy();
    ws.galley().arg("record").assert().success();
    ws.galley().arg("reindex").assert().success();
    let listing = ws.json(&["list"]);
    let title = listing["drafts"][0]["title"]
        .as_str()
        .expect("a sample draft has a title")
        .split_whitespace()
        .find(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 3)
        .expect("a word in the title")
        .to_string();
    let out = ws.galley().args(["search", &title]).output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("[{title}]")), "{text}");
}

#[test]
fn bad_query_syntax_exits_1_with_a_sentence() {
    let ws = Sample::empty();
    ws.galley().arg("init").assert().success();
    let out = ws
        .galley()
        .args(["search", "\"unclosed", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    assert_eq!(err["error"]["kind"], "invalid");
    assert!(err["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("never closed")));
}
