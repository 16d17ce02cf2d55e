// The workspace facade: opening, saving, conflicts, restore, external edits, path safety.

use super::support::{draft, env, files_in, TempWorkspace};
use galley_core::hash::ContentHash;
use galley_core::history::Origin;
use galley_core::workspace::{NewDraft, SaveOutcome, VersionRef, Workspace};
use galley_core::ErrorKind;
use std::path::Path;

const PATH: &str = "2020-W20/army.be.md";

fn with_one_draft() -> TempWorkspace {
    let mut t = TempWorkspace::new();
    let text = draft("k7m2q9x4tz", "be", "Армія", "Першы абзац.");
    match t.ws.save(PATH, &text, None).expect("save") {
        SaveOutcome::Saved(_) => {}
        other => panic!("expected a save, got {other:?}"),
    }
    t
}

#[test]
fn init_creates_hidden_state_folder_with_settings_and_history() {
    let t = TempWorkspace::new();
    assert_eq!(
        files_in(&t.root().join(".galley")),
        [
            ".gitattributes",
            ".gitignore",
            "history.db",
            "history.db-shm",
            "history.db-wal",
            "settings.toml"
        ]
    );
    assert_eq!(t.ws.settings().languages, ["be", "ru", "en"]);
}

#[test]
fn opening_a_missing_folder_says_there_is_no_workspace() {
    let dir = tempfile::tempdir().expect("temp");
    let missing = dir.path().join("nowhere");
    let err = Workspace::open(&missing, env("a"))
        .err()
        .expect("must fail");
    assert_eq!(err.kind(), ErrorKind::NoWorkspace);
    assert!(err.to_string().contains("nowhere"), "{err}");
    let plain = Workspace::open(dir.path(), env("a"))
        .err()
        .expect("must fail");
    assert_eq!(plain.kind(), ErrorKind::NoWorkspace);
    assert!(plain.to_string().contains("galley init"), "{plain}");
}

#[test]
fn save_writes_the_file_and_records_a_version_by_the_author() {
    let t = with_one_draft();
    let log = t.ws.log(PATH).expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].author, "Alena");
    assert_eq!(log[0].origin, Origin::Save);
    assert_eq!(log[0].hash, Some(ContentHash::of(t.read(PATH).as_bytes())));
}

#[test]
fn saving_identical_text_records_nothing() {
    let mut t = with_one_draft();
    let text = t.read(PATH);
    let outcome =
        t.ws.save(PATH, &text, Some(ContentHash::of(text.as_bytes())))
            .expect("save");
    assert!(
        matches!(outcome, SaveOutcome::Unchanged(Some(_))),
        "{outcome:?}"
    );
    assert_eq!(t.ws.log(PATH).expect("log").len(), 1);
}

#[test]
fn conflicting_save_keeps_both_texts_and_leaves_theirs_on_disk() {
    let mut t = with_one_draft();
    let loaded = t.read(PATH);
    let theirs = loaded.replace("Першы абзац.", "Змена ў іншым рэдактары.");
    t.write(PATH, &theirs);
    let ours = loaded.replace("Першы абзац.", "Мая змена.");
    let outcome =
        t.ws.save(PATH, &ours, Some(ContentHash::of(loaded.as_bytes())))
            .expect("save");
    let SaveOutcome::Conflict {
        theirs: t_v,
        ours: o_v,
    } = outcome
    else {
        panic!("expected a conflict, got {outcome:?}")
    };
    assert_eq!(t.read(PATH), theirs, "the file must not be overwritten");
    assert_eq!(
        t.ws.text_of(&VersionRef::Version(t_v.id)).expect("theirs"),
        theirs
    );
    assert_eq!(
        t.ws.text_of(&VersionRef::Version(o_v.id)).expect("ours"),
        ours
    );
    assert_eq!(t_v.author, "Alena");
    assert_eq!(t_v.origin, Origin::External);
    assert_eq!(o_v.origin, Origin::Conflict);
}

#[test]
fn restore_brings_back_old_text_as_a_new_version() {
    let mut t = with_one_draft();
    let first = t.ws.log(PATH).expect("log")[0].clone();
    let v1 = t.read(PATH);
    let v2 = v1.replace("Першы абзац.", "Другая рэдакцыя.");
    t.ws.save(PATH, &v2, Some(ContentHash::of(v1.as_bytes())))
        .expect("save");
    let restored = t.ws.restore(first.id).expect("restore");
    assert_eq!(t.read(PATH), v1);
    assert_eq!(restored.origin, Origin::Restore { from: first.id });
    let log = t.ws.log(PATH).expect("log");
    assert_eq!(log.len(), 3, "history is never rewritten");
    assert_eq!(log[0].id, restored.id);
}

#[test]
fn restoring_an_unknown_version_changes_nothing() {
    let mut t = with_one_draft();
    let before = t.read(PATH);
    let err = t.ws.restore(999).expect_err("must fail");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(t.read(PATH), before);
}

#[test]
fn external_edit_is_recorded_as_external_by_record_all() {
    let mut t = with_one_draft();
    let edited = t.read(PATH).replace("Першы", "Новы");
    t.write(PATH, &edited);
    let report = t.ws.record_all().expect("record");
    assert_eq!(report.recorded.len(), 1);
    assert_eq!(report.recorded[0].version.author, "Alena");
    assert!(
        t.ws.record_all().expect("again").recorded.is_empty(),
        "recording twice changes nothing"
    );
}

#[test]
fn rename_save_by_another_editor_is_one_external_version() {
    let mut t = with_one_draft();
    let edited = t.read(PATH).replace("Першы", "Перайменаваны");
    // What many editors do: write a temp file, then rename it over the original.
    t.write("2020-W20/.army.be.md.swp", &edited);
    std::fs::rename(
        t.root().join("2020-W20/.army.be.md.swp"),
        t.root().join(PATH),
    )
    .expect("rename");
    let abs = [
        t.root().join("2020-W20/.army.be.md.swp"),
        t.root().join(PATH),
    ];
    let report = t.ws.record_paths(&abs).expect("record");
    assert_eq!(report.recorded.len(), 1, "{:?}", report.recorded);
    assert_eq!(t.ws.log(PATH).expect("log")[0].author, t.ws.env().author);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn moving_a_file_is_recorded_as_a_rename_and_deleting_it_as_a_deletion() {
    let mut t = with_one_draft();
    let moved = "2020-W21/army.be.md";
    std::fs::create_dir_all(t.root().join("2020-W21")).expect("mkdir");
    std::fs::rename(t.root().join(PATH), t.root().join(moved)).expect("mv");
    let report = t.ws.record_paths(&[t.root().join(moved)]).expect("record");
    assert_eq!(report.recorded.len(), 1, "{:?}", report.recorded);
    assert_eq!(t.ws.log(moved).expect("log").len(), 2);
    std::fs::remove_file(t.root().join(moved)).expect("rm");
    let report = t.ws.record_all().expect("record");
    assert_eq!(report.recorded.len(), 1);
    assert_eq!(report.recorded[0].version.hash, None);
    let log = t.ws.log(moved).expect("log of a deleted file");
    assert_eq!(log.len(), 3);
    assert!(
        t.ws.text_of(&VersionRef::Version(log[1].id)).is_ok(),
        "deleted text stays in history"
    );
}

#[test]
fn invalid_save_is_refused_and_writes_nothing() {
    let mut t = with_one_draft();
    let before = t.read(PATH);
    let bad = before.replace("trend: unchanged", "trend: sideways");
    let err =
        t.ws.save(PATH, &bad, Some(ContentHash::of(before.as_bytes())))
            .expect_err("must fail");
    assert_eq!(err.kind(), ErrorKind::InvalidDraft);
    assert!(err.to_string().contains("trend"), "{err}");
    assert_eq!(t.read(PATH), before);
    assert_eq!(
        files_in(&t.root().join("2020-W20")),
        ["army.be.md"],
        "no temp file left behind"
    );
}

#[test]
fn paths_outside_the_workspace_are_refused() {
    let mut t = with_one_draft();
    for path in ["../escape.be.md", "/etc/passwd", "2020-W20/../../x.be.md"] {
        let err = t.ws.read(path).expect_err("read must fail");
        assert_eq!(err.kind(), ErrorKind::OutsideWorkspace, "{path}: {err}");
        let text = draft("zzzzzzzzzz", "be", "x", "y");
        let err = t.ws.save(path, &text, None).expect_err("save must fail");
        assert_eq!(err.kind(), ErrorKind::OutsideWorkspace, "{path}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_leading_outside_is_refused() {
    let t = with_one_draft();
    let outside = tempfile::tempdir().expect("temp");
    std::os::unix::fs::symlink(outside.path(), t.root().join("link")).expect("symlink");
    let err =
        t.ws.resolve(Path::new("link/x.be.md"))
            .expect_err("must fail");
    assert_eq!(err.kind(), ErrorKind::OutsideWorkspace);
}

#[test]
fn stray_temp_files_are_cleaned_on_open_and_never_listed() {
    let t = with_one_draft();
    t.write("2020-W20/.army.be.md.galley-tmp-abc123", "torn half");
    assert_eq!(t.ws.list().expect("list").drafts.len(), 1);
    let root = t.root();
    drop(t.ws);
    let ws = Workspace::open(&root, env("b")).expect("reopen");
    assert_eq!(files_in(&root.join("2020-W20")), ["army.be.md"]);
    assert_eq!(ws.list().expect("list").drafts.len(), 1);
}

#[test]
fn create_makes_a_valid_draft_in_the_issue_folder() {
    let mut t = TempWorkspace::new();
    let new = NewDraft {
        title: "Рэформа арміі".into(),
        lang: "be".into(),
        issue: Some("2020-W20".parse().expect("week")),
        section: Some("security".into()),
        ..NewDraft::default()
    };
    let (path, version) = t.ws.create(&new).expect("create");
    assert_eq!(path, "2020-W20/рэформа-арміі.be.md");
    let read = t.ws.read(&path).expect("read back");
    assert_eq!(read.front().title, "Рэформа арміі");
    assert_eq!(
        version.hash,
        Some(ContentHash::of(t.read(&path).as_bytes()))
    );
    let again = t.ws.create(&new).expect_err("second create must fail");
    assert_eq!(again.kind(), ErrorKind::Invalid);
}

#[test]
fn check_reports_duplicates_and_unknown_languages() {
    let t = with_one_draft();
    t.write("2020-W20/copy.be.md", &t.read(PATH));
    t.write(
        "2020-W20/army.de.md",
        &draft("k7m2q9x4tz", "de", "Armee", "Text."),
    );
    let problems = t.ws.check().expect("check");
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{text:?}");
    assert!(
        text.iter().any(|p| p.contains("same id and language")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|p| p.contains("`de` is not one of the workspace's languages")),
        "{text:?}"
    );
}

#[test]
fn diff_between_a_version_and_the_file_shows_word_changes() {
    let t = with_one_draft();
    let first = t.ws.log(PATH).expect("log")[0].id;
    t.write(
        PATH,
        &t.read(PATH).replace("Першы абзац.", "Першы доўгі абзац."),
    );
    let diff =
        t.ws.diff(&VersionRef::Version(first), &VersionRef::File(PATH.into()))
            .expect("diff");
    assert_eq!(diff.stats.words_added, 1);
    assert_eq!(diff.stats.words_removed, 0);
}

#[test]
fn listing_groups_language_versions_into_commentaries_with_the_source_first_found() {
    let t = TempWorkspace::samples();
    let listing = t.ws.list().expect("list");
    let commentaries = listing.commentaries();
    assert_eq!(commentaries.len(), 8, "the sample has 8 commentaries");
    let gas = commentaries
        .iter()
        .find(|c| c.source.id == "nilo7qho2j")
        .expect("gas talks");
    assert_eq!(
        gas.source.lang, "be",
        "be is the original; ru and en are translations"
    );
    let langs: Vec<&str> = gas.versions.iter().map(|d| d.lang.as_str()).collect();
    assert_eq!(langs.len(), 3, "{langs:?}");
    let volunteers = commentaries
        .iter()
        .find(|c| c.source.id == "o4vglt6rud")
        .expect("volunteers");
    assert_eq!(
        volunteers.source.lang, "ru",
        "this one was written in Russian"
    );
    let nomination = commentaries
        .iter()
        .find(|c| c.source.id == "y65qx5zuzq")
        .expect("nomination");
    assert_eq!(
        nomination.versions.len(),
        2,
        "its English version is missing"
    );
}

fn listed_title(t: &TempWorkspace) -> String {
    let listing = t.ws.list().expect("list");
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    listing.drafts[0].title.clone()
}

#[test]
fn listing_rereads_a_file_whose_size_or_time_changed() {
    let t = with_one_draft();
    assert_eq!(listed_title(&t), "Армія");
    t.write(PATH, &t.read(PATH).replace("Армія", "Войска"));
    assert_eq!(listed_title(&t), "Войска");
    let listed = &t.ws.list().expect("list").drafts[0];
    assert_eq!(
        (listed.id.as_str(), listed.lang.as_str(), listed.words),
        ("k7m2q9x4tz", "be", 2)
    );
}

#[test]
fn an_edit_that_keeps_size_and_time_is_listed_once_history_records_it() {
    let mut t = with_one_draft();
    assert_eq!(listed_title(&t), "Армія");
    let abs = t.root().join(PATH);
    let before = std::fs::metadata(&abs)
        .expect("meta")
        .modified()
        .expect("mtime");
    // Same length in bytes, and the old modification time put back: invisible to the cache.
    t.write(PATH, &t.read(PATH).replace("Армія", "Армея"));
    std::fs::File::options()
        .write(true)
        .open(&abs)
        .and_then(|f| f.set_modified(before))
        .expect("set mtime");
    assert_eq!(listed_title(&t), "Армія", "the cache cannot see this edit");
    t.ws.record_paths(&[abs]).expect("record");
    assert_eq!(listed_title(&t), "Армея");
}

#[test]
fn a_deleted_file_leaves_the_listing() {
    let t = with_one_draft();
    assert_eq!(t.ws.list().expect("list").drafts.len(), 1);
    std::fs::remove_file(t.root().join(PATH)).expect("delete");
    assert!(t.ws.list().expect("list").drafts.is_empty());
}

#[test]
fn the_first_version_of_a_file_found_on_disk_is_an_existing_file_and_later_edits_are_external() {
    let mut t = TempWorkspace::new();
    let text = draft("k7m2q9x4tz", "be", "Армія", "Першы абзац.");
    t.write(PATH, &text);
    t.ws.record_all().expect("record");
    t.write(PATH, &text.replace("Першы", "Другі"));
    t.ws.record_all().expect("record");

    let log = t.ws.log(PATH).expect("log");
    let origins: Vec<Origin> = log.iter().map(|v| v.origin).collect();
    assert_eq!(origins, [Origin::External, Origin::Found]);
}

#[test]
fn a_draft_made_in_galley_starts_with_a_save_by_its_maker() {
    let mut t = TempWorkspace::new();
    let (rel, _) =
        t.ws.create(&NewDraft {
            title: "Budget talks".into(),
            lang: "en".into(),
            ..NewDraft::default()
        })
        .expect("create");
    let log = t.ws.log(&rel).expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].origin, Origin::Save);
    assert_eq!(log[0].author, "Alena");
}
