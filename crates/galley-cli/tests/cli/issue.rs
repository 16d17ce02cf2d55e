// `galley issue …` and `galley review …` on a copy of the sample workspace.

use super::support::Sample;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const KEY_RATE: &str = "buxyr7237g";
const SCHOOLS: &str = "puar22az3t";

fn ids(section: &serde_json::Value) -> Vec<String> {
    section["commentaries"]
        .as_array()
        .expect("commentaries")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn issue_list_names_both_sample_weeks_with_their_commentaries() {
    let sample = Sample::copy();
    let list = sample.json(&["issue", "list"]);
    let issues = list["issues"].as_array().expect("issues");
    let weeks: Vec<&str> = issues
        .iter()
        .map(|i| i["week"].as_str().expect("week"))
        .collect();
    assert_eq!(weeks, vec!["2020-W20", "2020-W21"]);
    assert_eq!(issues[0]["commentaries"], 4);
    assert_eq!(issues[0]["start"], "2020-05-11");
    assert_eq!(issues[0]["end"], "2020-05-17");
    assert_eq!(issues[0]["has_file"], true);
    assert_eq!(
        issues[1]["titles"]["en"],
        "Week 21: the key rate, gas and the border"
    );
}

#[test]
fn issue_show_lists_sections_and_commentaries_in_the_file_order() {
    let sample = Sample::copy();
    let view = sample.json(&["issue", "show", "2020-W21"]);
    let sections = view["sections"].as_array().expect("sections");
    let keys: Vec<&str> = sections
        .iter()
        .map(|s| s["key"].as_str().expect("key"))
        .collect();
    assert_eq!(
        keys,
        vec!["economy", "foreign-policy", "security", "society"]
    );
    assert_eq!(ids(&sections[0]), vec![KEY_RATE]);
    let first = &sections[0]["commentaries"][0];
    for field in ["id", "title", "listed", "has_files"] {
        assert!(first.get(field).is_some(), "missing {field} in {first}");
    }
    assert_eq!(view["path"], "2020-W21/issue.toml");
}

#[test]
fn issue_move_reorders_records_versions_and_keeps_every_draft_valid() {
    let sample = Sample::copy();
    let moved = sample.json(&[
        "issue",
        "move",
        SCHOOLS,
        "--to",
        "2020-W21",
        "--section",
        "economy",
        "--position",
        "1",
    ]);
    assert_eq!(moved["position"], 1);
    assert_eq!(moved["section"], "economy");
    assert_eq!(moved["versions"].as_array().expect("versions").len(), 3);
    assert_eq!(moved["versions"][0]["author"], "Tester");
    let view = sample.json(&["issue", "show", "2020-W21"]);
    assert_eq!(ids(&view["sections"][0]), vec![SCHOOLS, KEY_RATE]);
    sample
        .galley()
        .arg("check")
        .assert()
        .success()
        .stdout(contains("No problems;"));
    let log = sample.json(&["log", "2020-W21/school-exams-on-schedule.ru.md"]);
    assert_eq!(log["versions"][0]["author"], "Tester");
}

#[test]
fn issue_move_to_another_week_updates_front_matter() {
    let sample = Sample::copy();
    let moved = sample.json(&["issue", "move", KEY_RATE, "--to", "2020-W20"]);
    assert_eq!(moved["files"].as_array().expect("files").len(), 3);
    for lang in ["be", "ru", "en"] {
        let old = format!("2020-W21/key-rate-cut.{lang}.md");
        assert!(!sample.root().join(&old).exists(), "{old} is left behind");
        let log = sample.json(&["log", &format!("2020-W20/key-rate-cut.{lang}.md")]);
        let paths: Vec<&str> = log["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .map(|v| v["path"].as_str().expect("path"))
            .collect();
        assert!(
            paths.contains(&old.as_str()),
            "history follows the move: {paths:?}"
        );
    }
    let shown = sample.json(&["show", "2020-W20/key-rate-cut.en.md"]);
    assert_eq!(shown["issue"], "2020-W20");
    assert_eq!(shown["section"], "economy");
    let w20 = sample.json(&["issue", "show", "2020-W20"]);
    let economy = w20["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["key"] == "economy")
        .expect("economy")
        .clone();
    assert_eq!(ids(&economy), vec!["kbf25qzwae", KEY_RATE]);
}

#[test]
fn issue_check_exits_1_and_names_commentary_language_and_what_to_do() {
    let sample = Sample::copy();
    let out = sample
        .galley()
        .args(["issue", "check", "2020-W20", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["ready"], false);
    let en = report["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .find(|l| l["lang"] == "en")
        .expect("en");
    let missing = en["blockers"]
        .as_array()
        .expect("blockers")
        .iter()
        .find(|b| b["reason"] == "translation_missing")
        .expect("the nomination commentary has no English version");
    assert_eq!(missing["id"], "y65qx5zuzq");
    assert_eq!(missing["lang"], "en");
    assert_eq!(
        missing["what_to_do"],
        "translate it into en: `galley translate start y65qx5zuzq --lang en`"
    );
    for field in ["title", "path", "detail", "problem"] {
        assert!(missing.get(field).is_some(), "missing {field}");
    }
    sample
        .galley()
        .args(["issue", "check", "2020-W20"])
        .assert()
        .code(1)
        .stdout(contains("en: not ready"))
        .stdout(contains("→ translate it into en"));
}

#[test]
fn issue_board_has_a_cell_per_language_with_the_documented_fields() {
    let sample = Sample::copy();
    let board = sample.json(&["issue", "board", "2020-W21"]);
    assert_eq!(board["languages"], serde_json::json!(["be", "ru", "en"]));
    let row = &board["rows"][0];
    assert_eq!(row["id"], KEY_RATE);
    assert_eq!(row["editorial"], "draft");
    let cell = &row["cells"][1];
    for field in [
        "lang",
        "role",
        "path",
        "title",
        "translation",
        "translation_of",
        "outdated",
        "words",
        "empty_fields",
        "invalid",
        "missing_links",
    ] {
        assert!(cell.get(field).is_some(), "missing {field} in {cell}");
    }
    assert!(cell["words"].as_u64().is_some_and(|w| w > 50));
}

#[test]
fn review_status_and_notes_are_attributed_and_kept_between_runs() {
    let sample = Sample::copy();
    let set = sample.json(&[
        "review",
        "set",
        KEY_RATE,
        "in-review",
        "--note",
        "check figures",
    ]);
    assert_eq!(set["event"]["status"], "in-review");
    assert_eq!(set["event"]["author"], "Tester");
    sample.json(&[
        "review",
        "note",
        KEY_RATE,
        "The 2019 figure needs a source.",
    ]);
    let log = sample.json(&["review", "log", KEY_RATE]);
    assert_eq!(log["events"][0]["note"], "check figures");
    let notes = sample.json(&["review", "notes", KEY_RATE]);
    assert_eq!(notes["notes"][0]["text"], "The 2019 figure needs a source.");
    assert_eq!(notes["notes"][0]["author"], "Tester");
    let board = sample.json(&["issue", "board", "2020-W21"]);
    assert_eq!(board["rows"][0]["editorial"], "in-review");
    assert_eq!(board["rows"][0]["editorial_by"], "Tester");
}

#[test]
fn issue_move_up_and_down_stay_within_the_section() {
    let sample = Sample::copy();
    sample.json(&[
        "issue",
        "move",
        SCHOOLS,
        "--to",
        "2020-W21",
        "--section",
        "economy",
    ]);
    let stepped = sample.json(&["issue", "move", SCHOOLS, "--up"]);
    assert_eq!(
        (stepped["section"].as_str(), stepped["position"].as_u64()),
        (Some("economy"), Some(1))
    );
    assert_eq!(stepped["versions"].as_array().map(Vec::len), Some(0));
    let view = sample.json(&["issue", "show", "2020-W21"]);
    assert_eq!(ids(&view["sections"][0]), vec![SCHOOLS, KEY_RATE]);
    // First in its section: a step up is refused, never a move into the section above.
    sample
        .galley()
        .args(["issue", "move", SCHOOLS, "--up"])
        .assert()
        .code(1)
        .stderr(contains("first in section economy already").and(contains("--section KEY")));
    let after = sample.json(&["issue", "show", "2020-W21"]);
    assert_eq!(ids(&after["sections"][0]), vec![SCHOOLS, KEY_RATE]);
    sample
        .galley()
        .args(["issue", "move", SCHOOLS, "--down", "--section", "politics"])
        .assert()
        .code(2);
}

#[test]
fn review_refuses_skipping_review_and_unknown_statuses() {
    let sample = Sample::copy();
    sample
        .galley()
        .args(["review", "set", KEY_RATE, "approved"])
        .assert()
        .code(1)
        .stderr(contains("set it to in-review first"));
    sample
        .galley()
        .args(["review", "set", KEY_RATE, "published"])
        .assert()
        .code(1)
        .stderr(contains("draft, in-review, approved"));
}

#[test]
fn issue_new_writes_the_file_with_titles_and_refuses_an_existing_one() {
    let sample = Sample::copy();
    std::fs::remove_file(sample.root().join("2020-W21/issue.toml")).expect("rm");
    let view = sample.json(&[
        "issue",
        "new",
        "2020-W21",
        "--title",
        "en=Week 21",
        "--title",
        "be=Тыдзень 21",
    ]);
    assert_eq!(view["exists"], true);
    assert_eq!(view["titles"]["be"], "Тыдзень 21");
    let text = std::fs::read_to_string(sample.root().join("2020-W21/issue.toml")).expect("read");
    assert!(text.contains("en = \"Week 21\""), "{text}");
    assert!(text.contains(KEY_RATE));
    sample
        .galley()
        .args(["issue", "new", "2020-W21"])
        .assert()
        .code(1)
        .stderr(contains("exists already"));
    sample
        .galley()
        .args(["issue", "show", "2020-W99"])
        .assert()
        .code(1)
        .stderr(contains("2020 has weeks 01 to 53"));
}

#[test]
fn an_edit_after_approval_shows_on_the_board_and_in_check_with_a_diff_until_approved_again() {
    let sample = super::export::ready_w21();
    let rel = "2020-W21/key-rate-cut.ru.md";
    let path = sample.root().join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("{text}\nРедактор этого не читал.\n")).expect("write");

    let board = sample.json(&["issue", "board", "2020-W21"]);
    let row = board["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == KEY_RATE)
        .expect("row");
    let ru = row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["lang"] == "ru")
        .expect("ru");
    assert_eq!(ru["changed_since_approval"], true);
    let approved = ru["approved_sha256"].as_str().expect("approved hash");
    assert_ne!(Some(approved), ru["sha256"].as_str());
    sample
        .galley()
        .args(["issue", "board", "2020-W21"])
        .assert()
        .success()
        .stdout(contains("ru: done").and(contains("changed since approval")));

    sample
        .galley()
        .args(["issue", "check", "2020-W21"])
        .assert()
        .code(1)
        .stdout(contains(format!(
            "the ru text changed since it was approved (approved text {})",
            &approved[..12]
        )))
        .stdout(contains(format!("galley review diff {KEY_RATE} ru")));
    sample
        .galley()
        .args(["review", "diff", KEY_RATE, "ru", "--color", "never"])
        .assert()
        .success()
        .stdout(contains(rel).and(contains("Редактор этого не читал.")));

    sample
        .galley()
        .args(["review", "set", KEY_RATE, "approved"])
        .assert()
        .success();
    sample
        .galley()
        .args(["issue", "check", "2020-W21"])
        .assert()
        .success();
    sample
        .galley()
        .args(["review", "diff", KEY_RATE])
        .assert()
        .success()
        .stdout(contains(
            "No text of buxyr7237g changed since it was approved.",
        ));
}

#[test]
fn issue_title_sets_one_language_and_issue_new_fills_a_titleless_file() {
    let sample = Sample::copy();
    sample
        .galley()
        .args(["issue", "title", "2020-W21", "ru", "Ставка и газ"])
        .assert()
        .success()
        .stdout(contains("ru: Ставка и газ"));
    let text = std::fs::read_to_string(sample.root().join("2020-W21/issue.toml")).expect("read");
    assert!(text.contains("ru = \"Ставка и газ\""), "{text}");

    // A move writes a new week's file, titled from the patterns; `issue new` on a file a
    // person emptied of titles fills them instead of refusing.
    sample.json(&[
        "issue",
        "move",
        KEY_RATE,
        "--to",
        "2020-W23",
        "--section",
        "economy",
    ]);
    let w23 = sample.json(&["issue", "show", "2020-W23"]);
    assert_eq!(w23["titles"]["en"], "Week 23: June 1 – June 7, 2020");
    std::fs::write(
        sample.root().join("2020-W23/issue.toml"),
        "[[sections]]\nkey = \"economy\"\ncommentaries = [\"buxyr7237g\"]\n",
    )
    .expect("write");
    let filled = sample.json(&["issue", "new", "2020-W23", "--title", "en=Rates"]);
    assert_eq!(filled["titles"]["en"], "Rates");
    assert_eq!(filled["titles"]["be"], "Тыдзень 23: 1–7 чэрвеня 2020 г.");
    sample
        .galley()
        .args(["issue", "title", "2020-W23", "en", ""])
        .assert()
        .code(1)
        .stderr(contains("the en title of issue 2020-W23").and(contains("it is empty")));
}
