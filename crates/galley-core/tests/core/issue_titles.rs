// Issues edit cleanly: a move takes every language file into the new week's folder (history
// following), a new week's issue file gets titles from the settings' patterns, `issue new`
// fills a title-less issue, and one title can be set at a time.

use super::support::TempWorkspace;
use galley_core::draft::IsoWeek;
use galley_core::faults::{Fault, FaultPlan, Op};
use galley_core::workspace::Workspace;

const ARMY: &str = "pxq253v3kb";
const NOMINATION: &str = "y65qx5zuzq";

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

/// The sample with `extra` appended to its settings.
fn samples_with_settings(extra: &str) -> TempWorkspace {
    let mut t = TempWorkspace::samples();
    let path = t.root().join(".galley/settings.toml");
    let mut text = std::fs::read_to_string(&path).expect("settings");
    text = format!("{extra}\n{text}");
    std::fs::write(&path, text).expect("write settings");
    t.ws = Workspace::open(&t.root(), super::support::env("Alena")).expect("reopen");
    t
}

#[test]
fn a_week_first_written_by_a_move_gets_titles_from_the_patterns() {
    let mut t = samples_with_settings("issue_title = { en = \"Digest {year}/{week} ({start})\" }");
    t.ws.move_commentary(ARMY, week("2020-W22"), None, None)
        .expect("move");
    let view = t.ws.issue(week("2020-W22")).expect("issue");
    assert!(view.exists);
    assert_eq!(view.issue.titles["en"], "Digest 2020/22 (2020-05-25)");
    assert_eq!(view.issue.titles["ru"], "Неделя 22: 25–31 мая 2020 г.");
    assert_eq!(view.issue.titles["be"], "Тыдзень 22: 25–31 мая 2020 г.");
    for lang in ["be", "ru", "en"] {
        let rel = format!("2020-W22/army-reserve-call-up.{lang}.md");
        assert!(t.root().join(&rel).is_file(), "{rel}");
    }
}

#[test]
fn a_translation_started_after_a_move_goes_to_the_new_week_folder() {
    let mut t = TempWorkspace::samples();
    t.ws.move_commentary(NOMINATION, week("2020-W21"), None, None)
        .expect("move");
    let (rel, _, _) =
        t.ws.start_translation(NOMINATION, "en", None)
            .expect("start");
    assert_eq!(rel, "2020-W21/nomination-campaign-opens.en.md");
    assert!(!t
        .root()
        .join("2020-W20/nomination-campaign-opens.be.md")
        .exists());
}

#[test]
fn a_move_onto_a_file_of_the_same_name_changes_nothing() {
    let mut t = TempWorkspace::samples();
    t.write(
        "2020-W21/army-reserve-call-up.ru.md",
        "---\nid: someoneelse\ntitle: Другое\nlang: ru\n---\n\nТекст.\n",
    );
    let before = t.read("2020-W20/army-reserve-call-up.be.md");
    let err =
        t.ws.move_commentary(ARMY, week("2020-W21"), None, None)
            .expect_err("name taken");
    assert!(
        err.to_string()
            .contains("a file of that name is in the week's folder already"),
        "{err}"
    );
    assert_eq!(t.read("2020-W20/army-reserve-call-up.be.md"), before);
}

#[test]
fn issue_new_fills_a_titleless_issue_and_refuses_one_with_titles() {
    let mut t = TempWorkspace::samples();
    t.write(
        "2020-W21/issue.toml",
        "[[sections]]\nkey = \"economy\"\ncommentaries = [\"buxyr7237g\"]\n",
    );
    let titles = [("en".to_string(), "  The rate and the gas  ".to_string())].into();
    let view = t.ws.create_issue(week("2020-W21"), titles).expect("fill");
    assert_eq!(view.issue.titles["en"], "The rate and the gas");
    assert_eq!(view.issue.titles["be"], "Тыдзень 21: 18–24 мая 2020 г.");
    assert!(t.read("2020-W21/issue.toml").contains("buxyr7237g"));
    let again =
        t.ws.create_issue(week("2020-W21"), Default::default())
            .expect_err("has titles");
    assert!(
        again
            .to_string()
            .contains("galley issue title 2020-W21 LANG TEXT"),
        "{again}"
    );
}

#[test]
fn one_title_is_set_and_a_blank_or_foreign_one_is_refused() {
    let mut t = TempWorkspace::samples();
    let view =
        t.ws.set_issue_title(week("2020-W21"), "ru", "Ставка и газ")
            .expect("set");
    assert_eq!(view.issue.titles["ru"], "Ставка и газ");
    assert_eq!(
        view.issue.titles["en"],
        "Week 21: the key rate, gas and the border"
    );
    let blank =
        t.ws.set_issue_title(week("2020-W21"), "ru", "  ")
            .expect_err("blank");
    assert!(blank.to_string().contains("it is empty"), "{blank}");
    let foreign =
        t.ws.set_issue_title(week("2020-W21"), "de", "Woche")
            .expect_err("de");
    assert!(foreign.to_string().contains("be, ru, en"), "{foreign}");
    // A week without an issue file gets one, with the other titles from the patterns.
    let view =
        t.ws.set_issue_title(week("2020-W30"), "en", "Summer")
            .expect("new week");
    assert_eq!(view.issue.titles["en"], "Summer");
    assert_eq!(view.issue.titles["ru"], "Неделя 30: 20–26 июля 2020 г.");
}

#[test]
fn a_pattern_with_an_unknown_placeholder_is_refused_naming_it() {
    let t = TempWorkspace::samples();
    let path = t.root().join(".galley/settings.toml");
    let text = std::fs::read_to_string(&path).expect("settings");
    std::fs::write(
        &path,
        format!("issue_title = {{ en = \"Week {{number}}\" }}\n{text}"),
    )
    .expect("write");
    let Err(err) = Workspace::open(&t.root(), super::support::env("Alena")) else {
        panic!("a settings file with a bad pattern opened");
    };
    let message = err.to_string();
    assert!(
        message.contains("`issue_title` pattern for `en`") && message.contains("`{number}`"),
        "{message}"
    );
}

#[test]
fn a_move_that_fails_midway_puts_the_files_back_and_can_be_run_again() {
    let mut t = TempWorkspace::samples();
    let root = t.root();
    let file =
        |folder: &str, lang: &str| root.join(format!("{folder}/army-reserve-call-up.{lang}.md"));
    // The three front matter saves rename their temp files first; the fifth rename is the
    // second file's move.
    let plan = FaultPlan::new()
        .on(Op::Rename, 5, Fault::DiskFull)
        .install();
    let err =
        t.ws.move_commentary(ARMY, week("2020-W21"), None, None)
            .expect_err("the disk is full");
    assert_eq!(plan.fired(), 1);
    drop(plan);
    assert!(err.to_string().contains("could not move the file"), "{err}");
    for lang in ["be", "ru", "en"] {
        assert!(
            file("2020-W20", lang).is_file(),
            "{lang} is back in its folder"
        );
        assert!(!file("2020-W21", lang).exists(), "{lang} is not half moved");
    }

    let report =
        t.ws.move_commentary(ARMY, week("2020-W21"), None, None)
            .expect("the move, again");
    assert_eq!(report.files.len(), 3);
    for lang in ["be", "ru", "en"] {
        assert!(file("2020-W21", lang).is_file() && !file("2020-W20", lang).exists());
    }
    assert!(t.ws.check().expect("check").is_empty());
}
