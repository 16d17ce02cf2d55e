//! The live preview, the search box and the translation view's XLIFF buttons: sanitizing,
//! search filters and highlights, XLIFF files written inside the workspace by default, the
//! core's refusals passed through, and paths outside the workspace refused.

use serde_json::{json, Value};

use crate::support::{sample_workspace, TestApp};
use galley_core::search::Highlighted;
use galley_desktop::dto_search::{text_parts, TextPart};

const ID: &str = "buxyr7237g";
const SOURCE: &str = "2020-W21/key-rate-cut.be.md";
const ENGLISH: &str = "2020-W21/key-rate-cut.en.md";
const RUSSIAN: &str = "2020-W21/key-rate-cut.ru.md";
const EXPORTED: &str = "exports/xliff/buxyr7237g.be-ru.xlf";

const HOSTILE: &str = "---\nid: x1\ntitle: Title <b>bold</b>\nlead: A lead\nlang: en\n---\n\n\
Text <img src=x onerror=\"window.__pwned=1\"> and <script>window.__pwned=1</script>\n\n\
[click](javascript:alert(1)) <a href=\"#\" onclick=\"alert(1)\">here</a>\n";

fn kind(error: &Value) -> &str {
    error["kind"].as_str().unwrap_or("<no kind>")
}

#[test]
fn the_preview_is_sanitized_html_of_the_body_with_title_and_lead_as_text() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let preview = app
        .invoke(
            "render_preview",
            json!({ "path": ENGLISH, "text": HOSTILE }),
        )
        .expect("the preview renders");

    let html = preview["html"].as_str().expect("html");
    assert!(html.contains("Text"), "{html}");
    assert!(html.contains("<img"), "the image itself stays: {html}");
    let lower = html.to_lowercase();
    for banned in ["<script", "onerror", "onclick", "javascript:", "__pwned"] {
        assert!(!lower.contains(banned), "`{banned}` survived: {html}");
    }
    // Title and lead are text for the UI to escape, not HTML.
    assert_eq!(preview["title"], "Title <b>bold</b>");
    assert_eq!(preview["lead"], "A lead");
}

#[test]
fn the_preview_of_unreadable_front_matter_is_the_cores_error() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke(
            "render_preview",
            json!({ "path": ENGLISH, "text": "---\nid: [unclosed\n---\nBody\n" }),
        )
        .expect_err("refused");

    assert_eq!(kind(&error), "invalid_draft", "{error}");
}

#[test]
fn the_preview_refuses_a_path_outside_the_workspace() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke(
            "render_preview",
            json!({ "path": "../elsewhere.en.md", "text": HOSTILE }),
        )
        .expect_err("refused");

    assert_eq!(kind(&error), "outside_workspace", "{error}");
}

fn search(app: &TestApp, request: Value) -> Result<Vec<Value>, Value> {
    app.invoke("search_drafts", json!({ "request": request }))
        .map(|hits| hits.as_array().cloned().unwrap_or_default())
}

fn matched_words(parts: &Value) -> Vec<String> {
    parts
        .as_array()
        .map(|parts| {
            parts
                .iter()
                .filter(|p| p["matched"] == true)
                .map(|p| p["text"].as_str().unwrap_or_default().to_lowercase())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn search_finds_the_language_version_with_its_matches_marked() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let hits = search(&app, json!({ "query": "rouble" })).expect("search succeeds");

    let hit = hits
        .iter()
        .find(|h| h["path"] == ENGLISH)
        .unwrap_or_else(|| panic!("{ENGLISH} is found: {hits:?}"));
    assert_eq!(hit["id"], ID);
    assert_eq!(hit["lang"], "en");
    assert!(
        matched_words(&hit["title"]).contains(&"rouble".to_string()),
        "{hit}"
    );
}

#[test]
fn search_filters_narrow_the_hits() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let english = search(
        &app,
        json!({ "query": "rouble", "lang": "en", "issue": "2020-W21" }),
    )
    .expect("search succeeds");
    assert!(!english.is_empty());
    assert!(english.iter().all(|h| h["lang"] == "en"), "{english:?}");

    let russian = search(&app, json!({ "query": "rouble", "lang": "ru" })).expect("search");
    assert_eq!(
        russian,
        Vec::<Value>::new(),
        "no Russian text says `rouble`"
    );

    let stranger = search(&app, json!({ "query": "rouble", "author": "Nobody" })).expect("search");
    assert_eq!(stranger, Vec::<Value>::new());

    // A cleared control sends "": it means any value.
    let cleared = search(
        &app,
        json!({ "query": "rouble", "section": "", "status": "" }),
    )
    .expect("search");
    assert_eq!(
        cleared.len(),
        search(&app, json!({ "query": "rouble" }))
            .expect("search")
            .len()
    );
}

#[test]
fn a_query_the_core_cannot_read_is_refused_with_a_sentence() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = search(&app, json!({ "query": "-rouble" })).expect_err("refused");

    assert_eq!(kind(&error), "invalid", "{error}");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("no word")),
        "{error}"
    );
}

#[test]
fn highlight_ranges_count_characters_not_bytes() {
    let highlighted = Highlighted {
        text: "Рубель і rouble".into(),
        ranges: vec![0..6, 9..15],
    };

    let part = |text: &str, matched| TextPart {
        text: text.into(),
        matched,
    };
    assert_eq!(
        text_parts(&highlighted),
        vec![
            part("Рубель", true),
            part(" і ", false),
            part("rouble", true)
        ]
    );
}

fn export(app: &TestApp) -> Value {
    app.invoke(
        "xliff_export",
        json!({ "id": ID, "lang": "ru", "choose": false }),
    )
    .expect("export succeeds")
}

#[test]
fn xliff_export_writes_into_the_workspaces_exports_folder_by_default() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let saved = export(&app);

    assert_eq!(saved["path"], EXPORTED);
    assert_eq!(saved["fileName"], "buxyr7237g.be-ru.xlf");
    let xml = std::fs::read_to_string(workspace.path().join(EXPORTED)).expect("the file exists");
    assert!(
        xml.contains("urn:oasis:names:tc:xliff:document:1.2"),
        "{xml}"
    );
}

#[test]
fn importing_the_unchanged_export_changes_nothing() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    export(&app);
    let before = std::fs::read(workspace.path().join(RUSSIAN)).expect("read");

    let imported = app
        .invoke("xliff_import", json!({ "path": EXPORTED }))
        .expect("import succeeds");

    assert_eq!(imported["path"], RUSSIAN);
    assert_eq!(imported["changed"], false);
    assert_eq!(
        std::fs::read(workspace.path().join(RUSSIAN)).expect("read"),
        before
    );
}

#[test]
fn importing_a_job_whose_source_moved_on_is_refused_with_the_cores_error() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    export(&app);
    let source = app
        .invoke("read_draft", json!({ "path": SOURCE }))
        .expect("read the source");
    let edited = format!("{}\nНовы абзац.\n", source["text"].as_str().expect("text"));
    app.invoke(
        "save_draft",
        json!({ "path": SOURCE, "text": edited, "loadedHash": source["hash"] }),
    )
    .expect("save the source");
    let before = std::fs::read(workspace.path().join(RUSSIAN)).expect("read");

    let error = app
        .invoke("xliff_import", json!({ "path": EXPORTED }))
        .expect_err("refused");

    assert_eq!(kind(&error), "invalid", "{error}");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(EXPORTED),
        "the message names the file: {message}"
    );
    assert_eq!(
        std::fs::read(workspace.path().join(RUSSIAN)).expect("read"),
        before,
        "a refusal writes nothing"
    );
}

#[test]
fn xliff_import_refuses_a_path_outside_the_workspace() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    export(&app);
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let outside = elsewhere.path().join("job.xlf");
    std::fs::copy(workspace.path().join(EXPORTED), &outside).expect("copy");

    for path in [outside.display().to_string(), "../job.xlf".to_string()] {
        let error = app
            .invoke("xliff_import", json!({ "path": path }))
            .expect_err("refused");
        assert_eq!(kind(&error), "outside_workspace", "{path}: {error}");
    }
}

#[test]
fn xliff_export_of_an_unknown_language_is_the_cores_error() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let error = app
        .invoke(
            "xliff_export",
            json!({ "id": ID, "lang": "../../x", "choose": false }),
        )
        .expect_err("refused");

    assert_ne!(kind(&error), "<no kind>");
    assert!(
        !workspace.path().join("exports").exists(),
        "nothing written"
    );
}

/// Typed trend and status keep the spellings on the wire: each hit's trend is its file's
/// front-matter trend, and a status is one of the records' names.
#[test]
fn search_hits_carry_trend_and_status_in_their_file_spellings() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let hits = search(&app, json!({ "query": "gas" })).expect("search succeeds");
    assert!(!hits.is_empty());
    for hit in &hits {
        let path = hit["path"].as_str().expect("a path");
        let text = std::fs::read_to_string(workspace.path().join(path)).expect("read the hit");
        let trend = text
            .lines()
            .find_map(|l| l.strip_prefix("trend: "))
            .map(str::trim);
        assert_eq!(hit["trend"].as_str(), trend, "{path}: {hit}");
        let status = hit["status"].as_str();
        assert!(
            status.is_none_or(|s| ["missing", "in-progress", "in-review", "done"].contains(&s)),
            "{path}: {hit}"
        );
    }
    assert!(
        hits.iter().any(|h| h["trend"].is_string()),
        "some hit has a trend: {hits:?}"
    );
    assert!(
        hits.iter().any(|h| h["status"].is_string()),
        "some hit has a status: {hits:?}"
    );
}

#[test]
fn the_editor_counts_words_as_the_core_does_in_any_script() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let count = |text: &str| {
        app.invoke("count_words", json!({ "text": text }))
            .expect("counted")
    };
    assert_eq!(count("Рэформа арміі — 2020 *stalls*!"), 4);
    assert_eq!(count("a well-known сям'я"), 3);
    assert_eq!(count("  "), 0);
}
