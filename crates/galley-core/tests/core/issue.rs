// Weekly issues on a copy of the sample drafts: the issue file (round trip, errors with lines,
// hand edits), moving and reordering, the editorial workflow, the board, and one readiness
// test per reason, each naming the commentary, the language and what to do.

use super::support::{complete_key_rate_en, env, TempWorkspace};
use galley_core::draft::{update, IsoWeek, Trend};
use galley_core::hash::ContentHash;
use galley_core::issue::{file_links, Blocker, Issue, Reason, RequiredField};
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::workspace::{SaveOutcome, Step, Workspace};

const W20: &str = "2020-W20";
const W21: &str = "2020-W21";
const ARMY: &str = "pxq253v3kb";
const NOMINATION: &str = "y65qx5zuzq";
const REFINERIES: &str = "kbf25qzwae";
const KEY_RATE: &str = "buxyr7237g";
const GAS: &str = "nilo7qho2j";
const BORDER: &str = "ej7l6fa6hg";
const SCHOOLS: &str = "puar22az3t";
const W21_IDS: [&str; 4] = [KEY_RATE, GAS, BORDER, SCHOOLS];

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

/// Saves the draft at `rel` with its text changed by `change`, as the editor would.
fn edit(t: &mut TempWorkspace, rel: &str, change: impl Fn(&str) -> String) {
    let old = t.read(rel);
    let new = change(&old);
    assert_ne!(new, old, "the edit must change {rel}");
    let outcome =
        t.ws.save(rel, &new, Some(ContentHash::of(old.as_bytes())))
            .expect("save");
    assert!(matches!(outcome, SaveOutcome::Saved(_)), "{outcome:?}");
}

/// Week 21 with every commentary approved and every translation done: ready to publish.
fn ready_w21() -> TempWorkspace {
    let mut t = TempWorkspace::samples();
    complete_key_rate_en(&mut t.ws);
    // The sample's Russian schools commentary has no trend yet.
    let rel = "2020-W21/school-exams-on-schedule.ru.md";
    let draft = t.ws.read(rel).expect("read");
    let mut front = draft.front().clone();
    assert_eq!(front.trend, None);
    front.trend = Some(Trend::Unchanged);
    let text = update(&draft, &front, draft.body());
    edit(&mut t, rel, |_| text.clone());
    for id in W21_IDS {
        t.ws.set_editorial_status(id, EditorialStatus::InReview, None)
            .expect("to review");
        t.ws.set_editorial_status(id, EditorialStatus::Approved, Some("fine"))
            .expect("approve");
        let row = t.ws.translation_row(id).expect("row");
        for cell in row.cells.iter().filter(|c| c.translation_of.is_some()) {
            t.ws.set_translation_status(id, &cell.lang, TranslationStatus::Done, None)
                .expect("done");
        }
    }
    let readiness = t.ws.issue_readiness(week(W21)).expect("readiness");
    assert!(readiness.is_ready(), "{readiness:#?}");
    t
}

/// The blockers of one language of week 21.
fn blockers(t: &TempWorkspace, lang: &str) -> Vec<Blocker> {
    let readiness = t.ws.issue_readiness(week(W21)).expect("readiness");
    readiness
        .languages
        .into_iter()
        .find(|l| l.lang == lang)
        .expect("language")
        .blockers
}

/// The editor approves commentary `id` again after an edit, so a test sees only the reason
/// it is about.
fn approve_again(t: &mut TempWorkspace, id: &str) {
    t.ws.set_editorial_status(id, EditorialStatus::Approved, None)
        .expect("approve again");
}

fn only(blockers: Vec<Blocker>) -> Blocker {
    assert_eq!(blockers.len(), 1, "{blockers:#?}");
    blockers.into_iter().next().expect("one")
}

// --- the issue file ---

#[test]
fn sample_issue_file_renders_back_to_the_same_bytes() {
    let t = TempWorkspace::samples();
    let text = t.read("2020-W20/issue.toml");
    let issue = Issue::parse("2020-W20/issue.toml", week(W20), &text).expect("parse");
    assert_eq!(issue.start.to_string(), "2020-05-11");
    assert_eq!(issue.end.to_string(), "2020-05-17");
    assert_eq!(issue.titles["en"], "Week 20: reservists and seaborne crude");
    let view = t.ws.issue(week(W20)).expect("view");
    let titles: std::collections::HashMap<String, String> = view
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .map(|e| (e.id.clone(), e.title.clone().unwrap_or_default()))
        .collect();
    assert_eq!(issue.render(&|id| titles.get(id).cloned()), text);
    let w21 = t.read("2020-W21/issue.toml");
    let view = t.ws.issue(week(W21)).expect("view");
    let titles: std::collections::HashMap<String, String> = view
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .map(|e| (e.id.clone(), e.title.clone().unwrap_or_default()))
        .collect();
    assert_eq!(view.issue.render(&|id| titles.get(id).cloned()), w21);
}

#[test]
fn a_new_issue_covers_monday_to_sunday() {
    let issue = Issue::new(week("2021-W01"));
    assert_eq!(issue.start.to_string(), "2021-01-04");
    assert_eq!(issue.end.to_string(), "2021-01-10");
    let text = issue.render(&|_| None);
    assert_eq!(
        Issue::parse("x", week("2021-W01"), &text).expect("parse"),
        issue
    );
}

#[test]
fn a_commentary_listed_twice_is_refused_naming_file_and_line() {
    let text = "start = 2020-05-11\n\n[[sections]]\nkey = \"a\"\ncommentaries = [\"x1\"]\n\n[[sections]]\nkey = \"b\"\ncommentaries = [\n  \"x2\",\n  \"x1\",\n]\n";
    let err = Issue::parse("2020-W20/issue.toml", week(W20), text).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with("2020-W20/issue.toml, line 11"),
        "{message}"
    );
    assert!(
        message.contains("commentary x1 is listed twice"),
        "{message}"
    );
}

#[test]
fn an_unknown_key_and_a_bad_date_are_refused_with_their_lines() {
    let err = Issue::parse(
        "w/issue.toml",
        week(W20),
        "start = 2020-05-11\nsecton = 1\n",
    )
    .expect_err("unknown key");
    assert!(err.to_string().starts_with("w/issue.toml, line 2"), "{err}");
    let err = Issue::parse("w/issue.toml", week(W20), "\nend = 2020-05-11T10:00:00\n")
        .expect_err("not a date");
    assert!(err.to_string().starts_with("w/issue.toml, line 2"), "{err}");
    let err = Issue::parse(
        "w/issue.toml",
        week(W20),
        "start = 2020-05-17\nend = 2020-05-11\n",
    )
    .expect_err("end before start");
    assert!(err.to_string().contains("before its start"), "{err}");
}

#[test]
fn commentaries_missing_from_a_hand_edited_file_come_last_in_their_section() {
    let t = TempWorkspace::samples();
    // Keeps only the army commentary, adds a comment and its own spacing.
    t.write(
        "2020-W20/issue.toml",
        "# my notes\n[[sections]]\nkey = \"society\"\ncommentaries = []\n\n[[sections]]\nkey=\"security\"\ncommentaries=[\"pxq253v3kb\"]\n",
    );
    let view = t.ws.issue(week(W20)).expect("view");
    type Shown<'a> = (Option<&'a str>, Vec<(&'a str, bool)>);
    let order: Vec<Shown> = view
        .sections
        .iter()
        .map(|s| {
            (
                s.key.as_deref(),
                s.entries
                    .iter()
                    .map(|e| (e.id.as_str(), e.listed))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        order,
        vec![
            (Some("society"), vec![("o4vglt6rud", false)]),
            (Some("security"), vec![(ARMY, true)]),
            (Some("politics"), vec![(NOMINATION, false)]),
            (Some("economy"), vec![(REFINERIES, false)]),
        ]
    );
}

#[test]
fn saving_an_issue_that_says_the_same_leaves_a_hand_formatted_file_untouched() {
    let mut t = TempWorkspace::samples();
    let hand = "# hand-written\nstart=2020-05-11\n[[sections]]\nkey = \"security\"\ncommentaries = [\"pxq253v3kb\"]\n[[sections]]\nkey = \"politics\"\ncommentaries = [\"y65qx5zuzq\"]\n[[sections]]\nkey = \"economy\"\ncommentaries = [\"kbf25qzwae\"]\n[[sections]]\nkey = \"society\"\ncommentaries = [\"o4vglt6rud\"]\n";
    t.write("2020-W20/issue.toml", hand);
    let issue = t.ws.issue(week(W20)).expect("view").issue;
    assert!(!t.ws.save_issue(&issue).expect("save"));
    assert_eq!(t.read("2020-W20/issue.toml"), hand);

    let mut retitled = issue.clone();
    retitled.titles.insert("en".into(), "Week \"20\"".into());
    assert!(t.ws.save_issue(&retitled).expect("save"));
    let reread = t.ws.issue(week(W20)).expect("view").issue;
    assert_eq!(reread, retitled);
}

#[test]
fn creating_an_issue_lists_the_commentaries_that_name_the_week() {
    let mut t = TempWorkspace::samples();
    std::fs::remove_file(t.root().join("2020-W21/issue.toml")).expect("rm");
    let titles = [("en".to_string(), "Week 21".to_string())].into();
    let view = t.ws.create_issue(week(W21), titles).expect("create");
    assert!(view.exists);
    let text = t.read("2020-W21/issue.toml");
    for id in W21_IDS {
        assert!(text.contains(&format!("\"{id}\"")), "{id} in {text}");
    }
    assert!(view
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .all(|e| e.listed));
    let again =
        t.ws.create_issue(week(W21), Default::default())
            .expect_err("exists");
    assert!(again.to_string().contains("exists already"), "{again}");
}

// --- moving and reordering ---

#[test]
fn moving_to_another_week_updates_every_language_version_and_both_issue_files() {
    let mut t = TempWorkspace::samples();
    let logs_before: Vec<usize> = ["be", "ru", "en"]
        .iter()
        .map(|l| t.ws.history().log(ARMY, l).expect("log").len())
        .collect();
    let report =
        t.ws.move_commentary(ARMY, week(W21), Some("security"), Some(0))
            .expect("move");
    assert_eq!(report.from, Some(week(W20)));
    assert_eq!(report.versions.len(), 3);
    assert_eq!(
        report.issue_files,
        vec![
            "2020-W20/issue.toml".to_string(),
            "2020-W21/issue.toml".to_string()
        ]
    );
    for (i, lang) in ["be", "ru", "en"].iter().enumerate() {
        let old = format!("2020-W20/army-reserve-call-up.{lang}.md");
        let rel = format!("2020-W21/army-reserve-call-up.{lang}.md");
        assert!(!t.root().join(&old).exists(), "{old} moved");
        assert!(report.files.contains(&(old.clone(), rel.clone())));
        let draft = t.ws.read(&rel).expect("still a valid draft");
        assert_eq!(draft.front().issue, Some(week(W21)));
        assert_eq!(draft.front().section.as_deref(), Some("security"));
        // History follows the rename: the file's log holds its versions under the old name.
        let log = t.ws.log(&rel).expect("log");
        assert!(log.len() > logs_before[i], "{lang}: the move is in the log");
        assert_eq!(
            (log[0].path.as_str(), log[0].author.as_str()),
            (rel.as_str(), "Alena")
        );
        assert!(
            log.iter().any(|v| v.path == old),
            "{lang}: older versions kept"
        );
    }
    assert_eq!(report.files.len(), 3);
    assert!(t.ws.check().expect("check").is_empty());
    let w20 = t.ws.issue(week(W20)).expect("w20");
    assert!(w20
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .all(|e| e.id != ARMY));
    let w21 = t.ws.issue(week(W21)).expect("w21");
    let security = w21
        .sections
        .iter()
        .find(|s| s.key.as_deref() == Some("security"))
        .expect("security");
    let ids: Vec<&str> = security.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec![ARMY, BORDER]);
}

#[test]
fn reordering_within_a_week_touches_only_the_issue_file() {
    let mut t = TempWorkspace::samples();
    let before = t.read("2020-W21/key-rate-cut.be.md");
    let report =
        t.ws.move_commentary(SCHOOLS, week(W21), Some("economy"), Some(0))
            .expect("move to economy");
    assert_eq!(
        report.versions.len(),
        3,
        "section changed in every language"
    );
    let report =
        t.ws.move_commentary(SCHOOLS, week(W21), None, Some(5))
            .expect("to the end");
    assert!(report.versions.is_empty(), "front matter already agreed");
    assert_eq!(report.position, 1);
    let view = t.ws.issue(week(W21)).expect("view");
    let economy: Vec<&str> = view.sections[0]
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(view.sections[0].key.as_deref(), Some("economy"));
    assert_eq!(economy, vec![KEY_RATE, SCHOOLS]);
    assert_eq!(t.read("2020-W21/key-rate-cut.be.md"), before);
    assert!(t.ws.check().expect("check").is_empty());
}

/// The ids of section `key` of week `w`, in publication order.
fn section_ids(t: &TempWorkspace, w: &str, key: &str) -> Vec<String> {
    let view = t.ws.issue(week(w)).expect("view");
    view.sections
        .iter()
        .find(|s| s.key.as_deref() == Some(key))
        .map(|s| s.entries.iter().map(|e| e.id.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn a_step_up_or_down_stays_within_the_section_and_touches_only_the_issue_file() {
    let mut t = TempWorkspace::samples();
    t.ws.move_commentary(SCHOOLS, week(W21), Some("economy"), Some(1))
        .expect("two in economy");
    assert_eq!(section_ids(&t, W21, "economy"), vec![KEY_RATE, SCHOOLS]);
    let before = t.read("2020-W21/school-exams-on-schedule.ru.md");

    let report = t.ws.step_commentary(SCHOOLS, Step::Up).expect("up");
    assert_eq!((report.section.as_str(), report.position), ("economy", 0));
    assert!(
        report.versions.is_empty(),
        "no language file changes on a step"
    );
    assert_eq!(section_ids(&t, W21, "economy"), vec![SCHOOLS, KEY_RATE]);
    t.ws.step_commentary(SCHOOLS, Step::Down).expect("down");
    assert_eq!(section_ids(&t, W21, "economy"), vec![KEY_RATE, SCHOOLS]);
    assert_eq!(t.read("2020-W21/school-exams-on-schedule.ru.md"), before);
}

#[test]
fn a_step_past_the_edge_of_its_section_is_refused_and_changes_nothing() {
    let mut t = TempWorkspace::samples();
    // Week 20 has one commentary per section: a step up would have crossed into the section above.
    let issue_file = t.read("2020-W20/issue.toml");
    let draft = t.read("2020-W20/nomination-campaign-opens.be.md");
    for step in [Step::Up, Step::Down] {
        let err = t.ws.step_commentary(NOMINATION, step).expect_err("edge");
        let text = err.to_string();
        assert!(text.contains("in section politics already"), "{text}");
        assert!(
            text.contains("--section KEY"),
            "names the move that does: {text}"
        );
    }
    assert_eq!(t.read("2020-W20/issue.toml"), issue_file);
    assert_eq!(t.read("2020-W20/nomination-campaign-opens.be.md"), draft);
    assert_eq!(section_ids(&t, W20, "politics"), vec![NOMINATION]);
}

#[test]
fn moving_to_a_section_the_settings_do_not_know_changes_nothing() {
    let mut t = TempWorkspace::samples();
    let before = t.read("2020-W21/issue.toml");
    let err =
        t.ws.move_commentary(KEY_RATE, week(W21), Some("sport"), None)
            .expect_err("unknown section");
    assert!(err.to_string().contains("security, politics"), "{err}");
    assert_eq!(t.read("2020-W21/issue.toml"), before);
}

// --- editorial workflow ---

#[test]
fn editorial_changes_are_attributed_and_survive_reopening() {
    let mut t = TempWorkspace::samples();
    t.ws.set_editorial_status(KEY_RATE, EditorialStatus::InReview, Some("please check"))
        .expect("review");
    t.ws.add_editorial_note(KEY_RATE, "Check the 2019 figure.")
        .expect("note");
    t.ws = Workspace::open(&t.root(), env("Pavel")).expect("reopen");
    t.ws.set_editorial_status(KEY_RATE, EditorialStatus::Approved, None)
        .expect("approve");
    t.ws.add_editorial_note(KEY_RATE, "Figure checked.")
        .expect("note");

    let log = t.ws.editorial_log(KEY_RATE).expect("log");
    let seen: Vec<(EditorialStatus, &str, Option<&str>)> = log
        .iter()
        .map(|e| (e.status, e.author.as_str(), e.note.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (EditorialStatus::Approved, "Pavel", None),
            (EditorialStatus::InReview, "Alena", Some("please check")),
        ]
    );
    let notes: Vec<(String, String)> =
        t.ws.editorial_notes(KEY_RATE)
            .expect("notes")
            .into_iter()
            .map(|n| (n.author, n.text))
            .collect();
    assert_eq!(
        notes,
        vec![
            ("Alena".to_string(), "Check the 2019 figure.".to_string()),
            ("Pavel".to_string(), "Figure checked.".to_string()),
        ]
    );
}

#[test]
fn board_rows_carry_their_editorial_notes_oldest_first() {
    let mut t = TempWorkspace::samples();
    t.ws.add_editorial_note(KEY_RATE, "Check the 2019 figure.")
        .expect("note");
    t.ws.add_editorial_note(KEY_RATE, "Figure checked.")
        .expect("note");
    let board = t.ws.issue_board(week(W21)).expect("board");
    let notes_of = |id: &str| -> Vec<String> {
        board
            .rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.notes.iter().map(|n| n.text.clone()).collect())
            .unwrap_or_else(|| panic!("{id} is on the board"))
    };
    assert_eq!(
        notes_of(KEY_RATE),
        vec!["Check the 2019 figure.", "Figure checked."]
    );
    assert!(board
        .rows
        .iter()
        .filter(|r| r.id != KEY_RATE)
        .all(|r| r.notes.is_empty()));
}

#[test]
fn approval_goes_through_review_and_a_blank_note_is_refused() {
    let mut t = TempWorkspace::samples();
    let err =
        t.ws.set_editorial_status(GAS, EditorialStatus::Approved, None)
            .expect_err("skips review");
    assert!(
        err.to_string().contains("set it to in-review first"),
        "{err}"
    );
    let err =
        t.ws.set_editorial_status(GAS, EditorialStatus::Draft, None)
            .expect_err("already draft");
    assert!(err.to_string().contains("draft already"), "{err}");
    assert!(t.ws.add_editorial_note(GAS, "  ").is_err());
    assert!(t.ws.add_editorial_note("nosuchid00", "x").is_err());
    assert!(t.ws.editorial_log(GAS).expect("log").is_empty());
}

// --- the board ---

#[test]
fn the_board_has_a_row_per_commentary_in_order_with_words_and_statuses() {
    let mut t = TempWorkspace::samples();
    t.ws.set_translation_status(GAS, "ru", TranslationStatus::InReview, None)
        .expect("status");
    let board = t.ws.issue_board(week(W21)).expect("board");
    assert_eq!(board.languages, vec!["be", "ru", "en"]);
    let ids: Vec<&str> = board.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec![KEY_RATE, GAS, BORDER, SCHOOLS]);
    let gas = &board.rows[1];
    assert_eq!(gas.editorial, EditorialStatus::Draft);
    assert_eq!(gas.cells[1].translation, Some(TranslationStatus::InReview));
    assert_eq!(gas.cells[0].translation, None, "be is the source");
    assert_eq!(gas.cells[2].translation_of.as_deref(), Some("ru"));
    for cell in &gas.cells {
        assert!(cell.words.is_some_and(|w| w > 50), "{cell:?}");
        assert!(!cell.outdated);
    }
}

// --- readiness: one test per reason ---

#[test]
fn a_commentary_not_approved_blocks_every_language() {
    let mut t = ready_w21();
    t.ws.set_editorial_status(KEY_RATE, EditorialStatus::InReview, Some("one more look"))
        .expect("back to review");
    for lang in ["be", "ru", "en"] {
        let blocker = only(blockers(&t, lang));
        assert_eq!(blocker.id, KEY_RATE);
        assert_eq!(blocker.lang, lang);
        assert!(!blocker.title.is_empty());
        assert_eq!(
            blocker.reason,
            Reason::NotApproved {
                status: EditorialStatus::InReview
            }
        );
        assert_eq!(
            blocker.what_to_do(),
            format!("approve it: `galley review set {KEY_RATE} approved`")
        );
    }
}

#[test]
fn a_missing_translation_names_the_language_and_how_to_start_it() {
    let mut t = ready_w21();
    std::fs::remove_file(t.root().join("2020-W21/key-rate-cut.en.md")).expect("rm");
    t.ws.record_all().expect("record");
    let blocker = only(blockers(&t, "en"));
    assert_eq!(
        (blocker.id.as_str(), blocker.lang.as_str()),
        (KEY_RATE, "en")
    );
    assert_eq!(
        blocker.title,
        "Нацбанк зноў зніжае стаўку, рубель трымаецца"
    );
    assert_eq!(blocker.reason, Reason::TranslationMissing);
    assert_eq!(
        blocker.what_to_do(),
        format!("translate it into en: `galley translate start {KEY_RATE} --lang en`")
    );
    assert!(blockers(&t, "ru").is_empty());
}

#[test]
fn a_translation_not_done_says_to_finish_and_mark_it() {
    let mut t = ready_w21();
    t.ws.set_translation_status(SCHOOLS, "ru", TranslationStatus::InReview, None)
        .expect("status");
    let blocker = only(blockers(&t, "ru"));
    assert_eq!(
        (blocker.id.as_str(), blocker.lang.as_str()),
        (SCHOOLS, "ru")
    );
    assert_eq!(
        blocker.reason,
        Reason::TranslationNotDone {
            status: TranslationStatus::InReview
        }
    );
    assert_eq!(
        blocker.what_to_do(),
        format!(
            "finish the ru translation and mark it done: `galley translate set {SCHOOLS} ru done`"
        )
    );
}

#[test]
fn an_outdated_translation_points_to_the_source_diff() {
    let mut t = ready_w21();
    edit(&mut t, "2020-W21/key-rate-cut.be.md", |text| {
        format!("{text}\nДадатковы абзац пра інфляцыю.\n")
    });
    approve_again(&mut t, KEY_RATE);
    for lang in ["ru", "en"] {
        let blocker = only(blockers(&t, lang));
        assert_eq!(
            (blocker.id.as_str(), blocker.lang.as_str()),
            (KEY_RATE, lang)
        );
        assert_eq!(
            blocker.reason,
            Reason::TranslationOutdated {
                source_lang: "be".into()
            }
        );
        assert!(
            blocker
                .what_to_do()
                .contains(&format!("`galley translate diff {KEY_RATE} {lang}`")),
            "{}",
            blocker.what_to_do()
        );
    }
    assert!(blockers(&t, "be").is_empty());
}

#[test]
fn an_empty_required_field_names_the_field_and_the_file() {
    let mut t = ready_w21();
    let rel = "2020-W21/gas-price-talks-stall.en.md";
    let draft = t.ws.read(rel).expect("read");
    let mut front = draft.front().clone();
    front.lead = String::new();
    front.trend = None;
    let text = update(&draft, &front, draft.body());
    edit(&mut t, rel, |_| text.clone());
    approve_again(&mut t, GAS);
    let found = blockers(&t, "en");
    let reasons: Vec<&Reason> = found.iter().map(|b| &b.reason).collect();
    assert_eq!(
        reasons,
        vec![
            &Reason::FieldEmpty {
                field: RequiredField::Lead
            },
            &Reason::FieldEmpty {
                field: RequiredField::Trend
            },
        ]
    );
    assert!(found.iter().all(|b| b.id == GAS && b.lang == "en"));
    assert_eq!(found[0].what_to_do(), format!("fill in `lead` in {rel}"));
}

#[test]
fn a_draft_failing_validation_is_named_by_the_id_history_knows() {
    let t = ready_w21();
    let rel = "2020-W21/southern-border-patrols.en.md";
    let text = t.read(rel).replace("trend: ", "trend: sideways # was: ");
    t.write(rel, &text);
    let blocker = only(blockers(&t, "en"));
    assert_eq!((blocker.id.as_str(), blocker.lang.as_str()), (BORDER, "en"));
    let Reason::InvalidDraft { message } = &blocker.reason else {
        panic!("{blocker:?}");
    };
    assert!(message.contains("trend"), "{message}");
    assert_eq!(
        blocker.what_to_do(),
        format!("fix {rel} (`galley check` lists every problem)")
    );
}

#[test]
fn a_link_to_a_missing_file_names_the_target_until_the_file_exists() {
    let mut t = ready_w21();
    let rel = "2020-W21/school-exams-on-schedule.ru.md";
    edit(&mut t, rel, |text| {
        format!("{text}\n![Карта](maps/exam%20centres.png \"карта\") и [сайт](https://example.org/x).\n")
    });
    approve_again(&mut t, SCHOOLS);
    let blocker = only(blockers(&t, "ru"));
    assert_eq!(
        (blocker.id.as_str(), blocker.lang.as_str()),
        (SCHOOLS, "ru")
    );
    assert_eq!(
        blocker.reason,
        Reason::MissingLinkTarget {
            target: "maps/exam centres.png".into()
        }
    );
    assert_eq!(
        blocker.what_to_do(),
        format!("add `maps/exam centres.png` to the workspace or correct the link in {rel}")
    );
    t.write("2020-W21/maps/exam centres.png", "png");
    assert!(blockers(&t, "ru").is_empty());
}

#[test]
fn a_listed_id_without_files_blocks_every_language() {
    let t = ready_w21();
    let text = t
        .read("2020-W21/issue.toml")
        .replace("\"ej7l6fa6hg\",", "\"ej7l6fa6hg\",\n    \"gone000000\",");
    t.write("2020-W21/issue.toml", &text);
    for lang in ["be", "ru", "en"] {
        let blocker = only(blockers(&t, lang));
        assert_eq!(
            (blocker.id.as_str(), blocker.lang.as_str()),
            ("gone000000", lang)
        );
        assert_eq!(
            blocker.reason,
            Reason::NoFiles {
                issue_file: "2020-W21/issue.toml".into()
            }
        );
        assert_eq!(
            blocker.what_to_do(),
            "remove gone000000 from 2020-W21/issue.toml or bring its drafts back"
        );
    }
}

#[test]
fn the_sample_week_20_is_not_ready_and_says_why_per_language() {
    let t = TempWorkspace::samples();
    let readiness = t.ws.issue_readiness(week(W20)).expect("readiness");
    assert!(!readiness.is_ready());
    let en = &readiness.languages[2];
    assert!(en
        .blockers
        .iter()
        .any(|b| b.id == NOMINATION && b.reason == Reason::TranslationMissing));
}

// --- links (pure) ---

#[test]
fn only_relative_links_outside_code_are_file_links() {
    let body =
        "See [a](img/a.png), [web](https://x.org/a.png), [mail](mailto:a@b.c), [top](#top).\n\
                `[no](code.png)` and ![b](<../b c.png> \"t\").\n\
                ```\n[no](fenced.png)\n```\n\
                [ref]: /files/r.pdf#page=2\n\
                [^1]: A footnote, not a link.\n";
    assert_eq!(
        file_links(body),
        vec!["img/a.png", "../b c.png", "/files/r.pdf"]
    );
}
