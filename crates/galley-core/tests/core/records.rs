// The team's records in the workspace: a previous release's database moves into this writer's
// journal once; journals change the state on every open; versions and bases are named by hash.

use super::support::{copy_dir, env};
use galley_core::records::TranslationStatus;
use galley_core::workspace::Workspace;
use galley_core::ErrorKind;
use std::path::{Path, PathBuf};

const ARMY: &str = "pxq253v3kb";
const ARMY_BE: &str = "2020-W20/army-reserve-call-up.be.md";

fn legacy_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("ws");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy-schema-8");
    copy_dir(&fixture, &root);
    // `copy_dir` leaves databases behind; this test is about one.
    std::fs::copy(
        fixture.join(".galley/history.db"),
        root.join(".galley/history.db"),
    )
    .expect("copy the old database");
    (dir, root)
}

fn journal_lines(root: &Path) -> Vec<String> {
    let dir = root.join(".galley/journal");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(dir).expect("journal folder").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        lines.extend(text.lines().map(str::to_string));
    }
    lines
}

#[test]
fn a_previous_releases_records_move_into_this_writers_journal_once() {
    let (_dir, root) = legacy_copy();
    assert!(!root.join(".galley/journal").exists());
    let ws = Workspace::open(&root, env("Hanna")).expect("open the old workspace");

    // Statuses with their bases (now hashes), who set them and the note.
    let ru = ws.records().status(ARMY, "ru").expect("ru status");
    assert_eq!(
        (ru.status, ru.author.as_str()),
        (TranslationStatus::Done, "Hanna")
    );
    let first = ws.version(1).expect("version 1");
    assert_eq!(ru.base, first.hash, "the base is version 1's text");
    let en = ws.records().status(ARMY, "en").expect("en status");
    assert_eq!(
        (en.status, en.author.as_str(), en.note.as_deref()),
        (TranslationStatus::InReview, "Ales", Some("check the terms"))
    );
    // The editorial log, the note (its markup kept as text), labels and the minor mark.
    let log = ws.editorial_log(ARMY).expect("log");
    let statuses: Vec<_> = log
        .iter()
        .map(|e| (e.status.as_str(), e.author.as_str()))
        .collect();
    assert_eq!(statuses, [("approved", "Maria"), ("in-review", "Maria")]);
    let notes = ws.editorial_notes(ARMY).expect("notes");
    assert_eq!(
        notes[0].text,
        "Lead is strong; check the figures in ¶3 <b>before</b> Friday"
    );
    let versions = ws.log(ARMY_BE).expect("log");
    let labels: Vec<_> = versions.iter().map(|v| (v.id, v.label.clone())).collect();
    assert!(
        labels.contains(&(1, Some("first draft".into()))),
        "{labels:?}"
    );
    assert!(
        labels.contains(&(25, Some("sent to translators".into()))),
        "{labels:?}"
    );
    let saved = versions.iter().find(|v| v.id == 25).expect("25");
    assert_eq!(saved.author, "Alena", "who saved a version travels too");
    let minor = ws.version(24).expect("24").hash.expect("text");
    assert!(ws.records().is_minor(ARMY, "be", &minor));
    // ru matched version 1; 24 is minor, so only Alena's save 25 makes it outdated.
    let row = ws.translation_row(ARMY).expect("row");
    let ru_cell = row.cells.iter().find(|c| c.lang == "ru").expect("ru");
    assert_eq!(
        ru_cell.outdated.as_ref().map(|o| o.versions.clone()),
        Some(vec![25])
    );

    // Once: opening again (and by someone else) writes nothing more.
    let lines = journal_lines(&root);
    assert!(lines.len() >= 8, "{lines:?}");
    drop(ws);
    let again = Workspace::open(&root, env("Pavel")).expect("reopen");
    assert_eq!(journal_lines(&root), lines);
    assert_eq!(again.records().len(), lines.len());
}

#[test]
fn a_migration_interrupted_after_the_journal_was_written_does_not_write_it_twice() {
    let (_dir, root) = legacy_copy();
    let ws = Workspace::open(&root, env("Hanna")).expect("open");
    let lines = journal_lines(&root);
    drop(ws);
    // As if the process died between writing the journal and noting it in the database.
    let db = rusqlite::Connection::open(root.join(".galley/history.db")).expect("db");
    db.execute("DELETE FROM local_state WHERE key = 'records_migrated'", [])
        .expect("forget");
    drop(db);
    let ws = Workspace::open(&root, env("Hanna")).expect("open again");
    assert_eq!(journal_lines(&root), lines);
    assert_eq!(ws.records().len(), lines.len());
}

#[test]
fn a_bad_journal_line_is_reported_by_check_with_file_and_line_and_the_rest_loads() {
    let (_dir, root) = legacy_copy();
    Workspace::open(&root, env("Hanna")).expect("migrate");
    let foreign = root.join(".galley/journal/maria-0b1c2d3e.jsonl");
    std::fs::write(
        &foreign,
        concat!(
            r#"{"v":1,"id":"maria-0b1c2d3e.1","clock":100,"at":"2020-05-14T09:30:00Z","author":"Maria","kind":"note","commentary":"pxq253v3kb","text":"<script>alert(1)</script>"}"#,
            "\n",
            r#"{"v":1,"id":"maria-0b1c2d3e.2","clock":101,"at":"2020-05-14T09:31:00Z","author":"Maria","kind":"version","commentary":"pxq253v3kb","lang":"be","path":"../../etc/passwd","sha256":"2152e8609e281ee271124b1b42e3d07e81ec7f6a55458811727de01a757a05f8","origin":"save"}"#,
            "\n",
            r#"{"v":1,"id":"hanna-00000000.1","clock":102,"at":"2020-05-14T09:32:00Z","author":"Hanna","kind":"note","commentary":"pxq253v3kb","text":"forged"}"#,
            "\n",
        ),
    )
    .expect("write");
    let ws = Workspace::open(&root, env("Hanna")).expect("open");
    let problems: Vec<String> = ws
        .check()
        .expect("check")
        .iter()
        .filter(|e| e.kind() == ErrorKind::Journal)
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].contains("maria-0b1c2d3e.jsonl, line 2"),
        "{}",
        problems[0]
    );
    assert!(
        problems[0].contains("outside the workspace"),
        "{}",
        problems[0]
    );
    assert!(problems[1].contains("line 3"), "{}", problems[1]);
    assert!(
        problems[1].contains("another writer") || problems[1].contains("claims"),
        "{}",
        problems[1]
    );
    let notes = ws.editorial_notes(ARMY).expect("notes");
    assert_eq!(
        notes.last().map(|n| n.text.as_str()),
        Some("<script>alert(1)</script>")
    );
}
