//! The issue board's commands on the sample's week 21: the board, moves (one refused),
//! editorial status, and export to the default zip with progress events.

use std::sync::mpsc::channel;

use serde_json::{json, Value};
use tauri::Listener;

use crate::support::{sample_workspace, TestApp};
use galley_desktop::dto_board::EXPORT_PROGRESS_EVENT;

const WEEK: &str = "2020-W21";
const W21_IDS: [&str; 4] = ["buxyr7237g", "nilo7qho2j", "ej7l6fa6hg", "puar22az3t"];
const SCHOOLS: &str = "puar22az3t";
const SCHOOLS_BE: &str = "2020-W21/school-exams-on-schedule.be.md";

fn board(app: &TestApp) -> Value {
    app.invoke("issue_board", json!({ "week": WEEK }))
        .expect("the board")
}

/// (section key, commentary ids) in the board's order, empty sections included.
fn sections(board: &Value) -> Vec<(String, Vec<String>)> {
    let as_str = |v: &Value| v.as_str().unwrap_or_default().to_string();
    board["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| {
            let ids = s["rows"].as_array().expect("rows").iter();
            (as_str(&s["key"]), ids.map(|r| as_str(&r["id"])).collect())
        })
        .collect()
}

fn row<'a>(board: &'a Value, id: &str) -> &'a Value {
    board["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["rows"].as_array().into_iter().flatten())
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} is on the board: {board}"))
}

fn blockers<'a>(board: &'a Value, lang: &str) -> Vec<&'a Value> {
    board["readiness"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| l["lang"] == lang)
        .flat_map(|l| l["blockers"].as_array().into_iter().flatten())
        .collect()
}

fn set_status(app: &TestApp, id: &str, status: &str) -> Result<Value, Value> {
    app.invoke(
        "set_editorial_status",
        json!({ "week": WEEK, "id": id, "status": status }),
    )
}

/// Approves every commentary of the week and finishes the one Belarusian translation, so
/// Belarusian is ready and the other languages are not.
fn make_belarusian_ready(app: &TestApp) {
    for id in W21_IDS {
        set_status(app, id, "in-review").expect("to review");
        set_status(app, id, "approved").expect("approve");
    }
    app.invoke(
        "set_translation_status",
        json!({ "id": "ej7l6fa6hg", "lang": "be", "status": "done" }),
    )
    .expect("the be translation is done");
}

#[test]
fn the_board_shows_the_issue_sections_in_order_then_the_unused_ones_with_a_cell_per_language() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let board = board(&app);

    assert_eq!(board["week"], WEEK);
    assert_eq!(board["start"], "2020-05-18");
    assert_eq!(board["end"], "2020-05-24");
    assert_eq!(
        board["titles"]["en"],
        "Week 21: the key rate, gas and the border"
    );
    let order: Vec<(String, Vec<String>)> = sections(&board);
    let keys: Vec<&str> = order.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "economy",
            "foreign-policy",
            "security",
            "society",
            "politics"
        ]
    );
    assert_eq!(order[0].1, ["buxyr7237g"]);
    assert!(order[4].1.is_empty(), "politics is offered, empty");
    let cells = row(&board, "buxyr7237g")["cells"].clone();
    assert_eq!(cells[0]["lang"], "be");
    assert_eq!(cells[0]["state"], "source");
    assert_eq!(cells[1]["state"], "done");
    assert_eq!(cells[0]["path"], "2020-W21/key-rate-cut.be.md");
    assert_eq!(row(&board, SCHOOLS)["editorial"], "draft");
}

#[test]
fn every_readiness_reason_names_its_commentary_language_file_and_what_to_do() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let board = board(&app);

    let en = blockers(&board, "en");
    let outstanding = en
        .iter()
        .find(|b| b["kind"] == "translation_not_done")
        .expect("the en translation of the gas talks commentary is not done");
    assert_eq!(outstanding["id"], "nilo7qho2j");
    assert_eq!(outstanding["path"], "2020-W21/gas-price-talks-stall.en.md");
    assert!(outstanding["whatToDo"]
        .as_str()
        .is_some_and(|t| t.contains("done")));
    let ru = blockers(&board, "ru");
    assert!(ru
        .iter()
        .any(|b| b["kind"] == "field_empty" && b["id"] == SCHOOLS));
    assert!(board["readiness"]
        .as_array()
        .expect("languages")
        .iter()
        .all(|l| l["ready"] == false));
}

#[test]
fn moving_a_commentary_to_another_section_updates_the_board_the_issue_file_and_its_drafts() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let moved = app
        .invoke(
            "move_commentary",
            json!({ "week": WEEK, "id": SCHOOLS, "section": "economy", "position": 0 }),
        )
        .expect("the move");

    let order = sections(&moved);
    assert_eq!(
        order[0],
        (
            "economy".to_string(),
            vec![SCHOOLS.to_string(), "buxyr7237g".to_string()]
        )
    );
    assert!(!order
        .iter()
        .any(|(k, ids)| k == "society" && !ids.is_empty()));
    let issue =
        std::fs::read_to_string(workspace.path().join("2020-W21/issue.toml")).expect("issue file");
    let economy = issue.find("key = \"economy\"").expect("economy listed");
    let schools = issue.find(SCHOOLS).expect("schools listed");
    let key_rate = issue.find("buxyr7237g").expect("key rate listed");
    assert!(economy < schools && schools < key_rate, "{issue}");
    let draft = std::fs::read_to_string(workspace.path().join(SCHOOLS_BE)).expect("draft");
    assert!(draft.contains("\nsection: economy\n"), "{draft}");
}

#[test]
fn reordering_within_a_section_is_a_move_to_a_position() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    app.invoke(
        "move_commentary",
        json!({ "week": WEEK, "id": SCHOOLS, "section": "economy", "position": 0 }),
    )
    .expect("into economy");

    let reordered = app
        .invoke(
            "move_commentary",
            json!({ "week": WEEK, "id": SCHOOLS, "section": "economy", "position": 1 }),
        )
        .expect("down one");

    assert_eq!(
        sections(&reordered)[0].1,
        ["buxyr7237g".to_string(), SCHOOLS.to_string()]
    );
}

#[test]
fn a_move_the_core_refuses_comes_back_with_its_message_and_changes_nothing() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let before = std::fs::read_to_string(workspace.path().join(SCHOOLS_BE)).expect("draft");

    let refused = app
        .invoke(
            "move_commentary",
            json!({ "week": WEEK, "id": SCHOOLS, "section": "sport", "position": 0 }),
        )
        .expect_err("no such section");

    assert_eq!(refused["kind"], "invalid");
    let message = refused["message"].as_str().expect("message");
    assert!(
        message.contains("sport") && message.contains("economy"),
        "{message}"
    );
    let after = std::fs::read_to_string(workspace.path().join(SCHOOLS_BE)).expect("draft");
    assert_eq!(before, after);
}

#[test]
fn a_malformed_week_or_unknown_status_is_refused_before_the_core_is_asked() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let week = app
        .invoke("issue_board", json!({ "week": "../../etc" }))
        .expect_err("not a week");
    assert_eq!(week["kind"], "invalid");
    assert!(week["message"]
        .as_str()
        .is_some_and(|m| m.contains("2020-W20")));
    let status = set_status(&app, SCHOOLS, "published").expect_err("not a status");
    assert_eq!(status["kind"], "invalid");
}

#[test]
fn approval_goes_through_review_and_skipping_review_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let skipped = set_status(&app, SCHOOLS, "approved").expect_err("review first");
    assert_eq!(skipped["kind"], "invalid");
    assert!(skipped["message"]
        .as_str()
        .is_some_and(|m| m.contains("in-review")));

    set_status(&app, SCHOOLS, "in-review").expect("to review");
    let approved = set_status(&app, SCHOOLS, "approved").expect("approve");
    assert_eq!(row(&approved, SCHOOLS)["editorial"], "approved");
    assert!(row(&approved, SCHOOLS)["editorialAt"].is_string());
    assert!(!blockers(&approved, "be")
        .iter()
        .any(|b| b["id"] == SCHOOLS && b["kind"] == "not_approved"));
}

#[test]
fn the_default_export_target_is_a_zip_in_the_workspace_exports_folder() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let target = app
        .invoke("export_target", json!({ "week": WEEK }))
        .expect("target");

    let root = workspace.path().canonicalize().expect("root");
    let expected = root.join("exports").join("2020-W21.zip");
    assert_eq!(target["path"], expected.display().to_string());
    assert_eq!(target["zip"], true);
    assert_eq!(target["chosen"], false);
}

#[test]
fn an_unready_issue_is_refused_with_the_reasons_and_nothing_is_written() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let refused = app
        .invoke(
            "export_issue",
            json!({ "week": WEEK, "onlyComplete": false, "chosen": false }),
        )
        .expect_err("not ready");

    assert_eq!(refused["kind"], "not_ready");
    assert!(refused["message"]
        .as_str()
        .is_some_and(|m| m.contains("ej7l6fa6hg")));
    assert!(!workspace.path().join("exports").exists());
}

#[test]
fn exporting_the_complete_languages_writes_the_default_zip_and_reports_progress() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    make_belarusian_ready(&app);
    let (tx, rx) = channel::<Value>();
    app.handle().listen(EXPORT_PROGRESS_EVENT, move |event| {
        let _ = tx.send(serde_json::from_str(event.payload()).unwrap_or(Value::Null));
    });

    let exported = app
        .invoke(
            "export_issue",
            json!({ "week": WEEK, "onlyComplete": true, "chosen": false }),
        )
        .expect("export");

    assert_eq!(exported["published"], json!(["be"]));
    assert_eq!(exported["skipped"], json!(["ru", "en"]));
    assert_eq!(exported["zip"], true);
    let zip = workspace.path().join("exports/2020-W21.zip");
    let bytes = std::fs::read(&zip).expect("the zip is written");
    let files = exported["files"].as_array().expect("files");
    assert!(files.iter().any(|f| f == "manifest.json"), "{exported}");
    // Zip local headers hold each entry's name as is.
    for file in files {
        let name = file.as_str().expect("a name").as_bytes();
        assert!(
            bytes.windows(name.len()).any(|w| w == name),
            "{file} is in the zip"
        );
    }
    let progress: Vec<Value> = rx.try_iter().collect();
    let last = progress.last().expect("progress events");
    assert_eq!(last["week"], WEEK);
    assert_eq!(last["done"], last["total"]);
    assert!(progress.len() > 2, "{progress:?}");
}

#[test]
fn exporting_to_a_chosen_place_needs_a_choice_first() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    make_belarusian_ready(&app);

    let refused = app
        .invoke(
            "export_issue",
            json!({ "week": WEEK, "onlyComplete": true, "chosen": true }),
        )
        .expect_err("nothing chosen");

    assert_eq!(refused["kind"], "invalid");
    assert!(!workspace.path().join("exports").exists());
}

#[test]
fn show_in_folder_is_refused_until_this_session_exported_something() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let refused = app
        .invoke("show_export_folder", json!({}))
        .expect_err("nothing exported");

    assert_eq!(refused["kind"], "invalid");
}

#[test]
fn the_library_shows_each_commentarys_editorial_status() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let editorial_of = |app: &TestApp| {
        let library = app.invoke("list_commentaries", json!({})).expect("list");
        library["commentaries"]
            .as_array()
            .expect("commentaries")
            .iter()
            .find(|c| c["id"] == SCHOOLS)
            .map(|c| c["editorial"].clone())
            .expect("the commentary is listed")
    };
    let before = editorial_of(&app);

    let next = if before == "in-review" {
        "approved"
    } else {
        "in-review"
    };
    set_status(&app, SCHOOLS, next).expect("the status changes");

    assert_eq!(editorial_of(&app), next);
}

#[test]
fn an_issue_title_is_set_from_the_board_and_a_blank_one_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());

    let titled = app
        .invoke(
            "set_issue_title",
            json!({ "week": WEEK, "lang": "ru", "title": "Ставка и газ" }),
        )
        .expect("the title");

    assert_eq!(titled["titles"]["ru"], "Ставка и газ");
    let issue =
        std::fs::read_to_string(workspace.path().join("2020-W21/issue.toml")).expect("issue file");
    assert!(issue.contains("ru = \"Ставка и газ\""), "{issue}");
    let refused = app
        .invoke(
            "set_issue_title",
            json!({ "week": WEEK, "lang": "ru", "title": "  " }),
        )
        .expect_err("blank");
    assert_eq!(refused["kind"], "invalid");
    assert!(refused["message"]
        .as_str()
        .is_some_and(|m| m.contains("it is empty")));
}

#[test]
fn an_edit_after_approval_shows_on_the_cell_until_the_commentary_is_approved_again() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    set_status(&app, SCHOOLS, "in-review").expect("to review");
    let approved = set_status(&app, SCHOOLS, "approved").expect("approve");
    let be = |board: &Value| row(board, SCHOOLS)["cells"][0].clone();
    assert_eq!(be(&approved)["changedSinceApproval"], false);

    let path = workspace.path().join(SCHOOLS_BE);
    let text = std::fs::read_to_string(&path).expect("draft");
    std::fs::write(&path, format!("{text}\nДапісана пасля адабрэння.\n")).expect("edit");
    let changed = board(&app);
    assert_eq!(be(&changed)["lang"], "be");
    assert_eq!(be(&changed)["changedSinceApproval"], true);
    assert!(blockers(&changed, "be")
        .iter()
        .any(|b| b["id"] == SCHOOLS && b["kind"] == "changed_since_approval"));

    set_status(&app, SCHOOLS, "in-review").expect("back to review");
    let again = set_status(&app, SCHOOLS, "approved").expect("approve the new text");
    assert_eq!(be(&again)["changedSinceApproval"], false);
}

#[test]
fn a_step_stays_within_its_section_and_a_step_past_the_edge_is_refused() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let before = sections(&board(&app));
    let draft = std::fs::read_to_string(workspace.path().join(SCHOOLS_BE)).expect("draft");
    let alone = before
        .iter()
        .find(|(_, ids)| ids.len() == 1 && ids[0] == SCHOOLS)
        .map(|(key, _)| key.clone())
        .expect("schools alone in its section");

    for direction in ["up", "down"] {
        let refused = app
            .invoke(
                "step_commentary",
                json!({ "week": WEEK, "id": SCHOOLS, "direction": direction }),
            )
            .expect_err("the edge of its section");
        let message = refused["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("section {alone} already")),
            "{message}"
        );
    }
    assert_eq!(sections(&board(&app)), before);
    let after = std::fs::read_to_string(workspace.path().join(SCHOOLS_BE)).expect("draft");
    assert_eq!(after, draft, "section: untouched");

    app.invoke(
        "move_commentary",
        json!({ "week": WEEK, "id": SCHOOLS, "section": "economy", "position": 1 }),
    )
    .expect("into economy, last");
    let stepped = app
        .invoke(
            "step_commentary",
            json!({ "week": WEEK, "id": SCHOOLS, "direction": "up" }),
        )
        .expect("one up");
    assert_eq!(
        sections(&stepped)[0].1,
        [SCHOOLS.to_string(), "buxyr7237g".to_string()]
    );
}

#[test]
fn a_note_added_in_the_app_is_signed_read_back_and_shown_on_its_board_row() {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let added = app
        .invoke(
            "add_editorial_note",
            json!({ "id": SCHOOLS, "text": "  Check the exam dates.  " }),
        )
        .expect("a note");
    assert_eq!(added["text"], "Check the exam dates.", "{added}");
    assert!(
        added["author"].as_str().is_some_and(|a| !a.is_empty()),
        "{added}"
    );
    app.invoke(
        "add_editorial_note",
        json!({ "id": SCHOOLS, "text": "Dates checked." }),
    )
    .expect("a second note");

    let texts = |notes: &Value| -> Vec<String> {
        notes
            .as_array()
            .expect("notes")
            .iter()
            .map(|n| n["text"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let read = app
        .invoke("editorial_notes", json!({ "id": SCHOOLS }))
        .expect("the notes");
    assert_eq!(texts(&read), ["Check the exam dates.", "Dates checked."]);
    let board = board(&app);
    assert_eq!(texts(&row(&board, SCHOOLS)["notes"]), texts(&read));
    assert_eq!(
        texts(&row(&board, "buxyr7237g")["notes"]),
        Vec::<String>::new()
    );

    // A blank note and an unknown commentary are refused with a sentence; nothing is added.
    let blank = app
        .invoke(
            "add_editorial_note",
            json!({ "id": SCHOOLS, "text": "   " }),
        )
        .expect_err("a blank note");
    assert!(
        blank["message"]
            .as_str()
            .unwrap_or_default()
            .contains("empty"),
        "{blank}"
    );
    app.invoke(
        "add_editorial_note",
        json!({ "id": "nosuchid00", "text": "x" }),
    )
    .expect_err("an unknown commentary");
    let read = app
        .invoke("editorial_notes", json!({ "id": SCHOOLS }))
        .expect("the notes");
    assert_eq!(texts(&read).len(), 2);
}
