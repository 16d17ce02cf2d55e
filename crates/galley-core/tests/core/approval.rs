// Approval is of texts: an edit after approval shows as "changed since approval" on the board
// and in readiness, with the diff from the approved text, until the editor approves again or
// the author marks the change minor; the manifest names the approved texts; an approval from
// an older journal (naming no texts) holds until the next edit.

use super::export::ready_w21;
use super::support::TempWorkspace;
use galley_core::draft::IsoWeek;
use galley_core::hash::ContentHash;
use galley_core::issue::{BoardCell, Reason};
use galley_core::records::EditorialStatus;
use galley_core::workspace::{ExportOptions, SaveOutcome};

const W21: &str = "2020-W21";
const KEY_RATE: &str = "buxyr7237g";
const KEY_RATE_RU: &str = "2020-W21/key-rate-cut.ru.md";
const KEY_RATE_EN: &str = "2020-W21/key-rate-cut.en.md";
const KEY_RATE_BE: &str = "2020-W21/key-rate-cut.be.md";

fn week() -> IsoWeek {
    W21.parse().expect("week")
}

/// Saves `rel` with `change` applied; returns the old and new texts' hashes and the version.
fn edit(t: &mut TempWorkspace, rel: &str, change: impl Fn(&str) -> String) -> (ContentHash, i64) {
    let old = t.read(rel);
    let new = change(&old);
    assert_ne!(new, old);
    let old_hash = ContentHash::of(old.as_bytes());
    match t.ws.save(rel, &new, Some(old_hash)).expect("save") {
        SaveOutcome::Saved(version) => (old_hash, version.id),
        other => panic!("not saved: {other:?}"),
    }
}

fn cell(t: &TempWorkspace, id: &str, lang: &str) -> BoardCell {
    let board = t.ws.issue_board(week()).expect("board");
    let row = board.rows.into_iter().find(|r| r.id == id).expect("row");
    row.cells
        .into_iter()
        .find(|c| c.lang == lang)
        .expect("cell")
}

fn reasons(t: &TempWorkspace, lang: &str) -> Vec<Reason> {
    t.ws.issue_readiness(week())
        .expect("readiness")
        .languages
        .into_iter()
        .find(|l| l.lang == lang)
        .expect("language")
        .blockers
        .into_iter()
        .map(|b| b.reason)
        .collect()
}

#[test]
fn an_edit_after_approval_is_changed_since_approval_until_the_editor_approves_again() {
    let mut t = ready_w21();
    assert!(!cell(&t, KEY_RATE, "ru").approval.expect("approved").changed);
    let (approved, _) = edit(&mut t, KEY_RATE_RU, |text| {
        text.replace("\n\n", "\n\nРедактор этого не видел.\n\n")
    });
    let now = ContentHash::of(t.read(KEY_RATE_RU).as_bytes());

    let ru = cell(&t, KEY_RATE, "ru").approval.expect("approved");
    assert!(ru.changed);
    assert_eq!(ru.approved, Some(approved));
    assert_eq!(
        reasons(&t, "ru"),
        vec![Reason::ChangedSinceApproval {
            approved: Some(approved),
            now
        }]
    );
    assert!(reasons(&t, "en").is_empty() && reasons(&t, "be").is_empty());

    let changes = t.ws.changes_since_approval(KEY_RATE, None).expect("diff");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        (changes[0].lang.as_str(), changes[0].approved),
        ("ru", Some(approved))
    );
    assert!(changes[0].approved_text_known && !changes[0].diff.is_empty());

    let out = tempfile::tempdir().expect("out");
    let report =
        t.ws.export_issue(
            week(),
            &out.path().join("w21.zip"),
            ExportOptions {
                only_complete: true,
            },
            &mut |_| {},
        )
        .expect("export the unchanged languages");
    assert_eq!(report.published, vec!["be", "en"]);

    t.ws.set_editorial_status(KEY_RATE, EditorialStatus::Approved, None)
        .expect("approve the new text");
    assert!(reasons(&t, "ru").is_empty());
    assert!(t
        .ws
        .changes_since_approval(KEY_RATE, Some("ru"))
        .expect("diff")
        .is_empty());
    let journal = std::fs::read_dir(t.ws.journal_dir())
        .expect("journals")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect::<String>();
    assert!(
        journal.contains(&format!("\"ru\":\"{}\"", now.to_hex())),
        "the approval names the ru text"
    );
    let again =
        t.ws.set_editorial_status(KEY_RATE, EditorialStatus::Approved, None)
            .expect_err("nothing changed since");
    assert!(again.to_string().contains("approved already"), "{again}");
}

#[test]
fn a_change_its_author_marks_minor_keeps_the_approval_and_the_manifest_names_both_texts() {
    let mut t = ready_w21();
    let (approved, version) = edit(&mut t, KEY_RATE_EN, |text| {
        text.replacen("The decision", "The  decision", 1)
    });
    assert!(cell(&t, KEY_RATE, "en").approval.expect("approved").changed);
    t.ws.mark_minor(version, true).expect("minor");
    assert!(!cell(&t, KEY_RATE, "en").approval.expect("approved").changed);
    assert!(reasons(&t, "en").is_empty());

    let out = tempfile::tempdir().expect("out");
    let dir = out.path().join("bundle");
    t.ws.export_issue(week(), &dir, ExportOptions::default(), &mut |_| {})
        .expect("export");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let text = manifest["texts"]
        .as_array()
        .expect("texts")
        .iter()
        .find(|x| x["commentary"] == KEY_RATE && x["lang"] == "en")
        .expect("en text");
    let now = ContentHash::of(t.read(KEY_RATE_EN).as_bytes());
    assert_eq!(text["sha256"], now.to_hex());
    assert_eq!(text["approved_sha256"], approved.to_hex());

    // A later change that is not minor counts, even though the one before it was minor.
    edit(&mut t, KEY_RATE_EN, |text| {
        format!("{text}\nA new closing line.\n")
    });
    assert!(cell(&t, KEY_RATE, "en").approval.expect("approved").changed);
}

#[test]
fn an_approval_from_an_older_journal_holds_until_the_next_edit() {
    let mut t = TempWorkspace::samples();
    let before = ContentHash::of(t.read(KEY_RATE_BE).as_bytes());
    // An approval as an older Galley wrote it: no texts named, after every version so far.
    t.write(
        ".galley/journal/older-editor.jsonl",
        &format!(
            "{{\"v\":1,\"id\":\"older-editor.1\",\"clock\":1000,\"at\":\"2020-05-20T10:00:00Z\",\
             \"author\":\"Older Editor\",\"kind\":\"editorial\",\"commentary\":\"{KEY_RATE}\",\
             \"status\":\"approved\"}}\n\
             {{\"v\":1,\"id\":\"older-editor.2\",\"clock\":1001,\"at\":\"2020-05-20T10:00:00Z\",\
             \"author\":\"Older Editor\",\"kind\":\"editorial\",\"commentary\":\"{KEY_RATE}\",\
             \"status\":\"approved\",\"versions\":{{\"be\":\"not-a-hash\"}}}}\n"
        ),
    );
    t.ws.refresh_records().expect("refresh");
    let problems = t.ws.record_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].to_string().contains("versions"),
        "{}",
        problems[0]
    );

    let be = cell(&t, KEY_RATE, "be").approval.expect("approved");
    assert!(!be.changed);
    assert_eq!(be.approved, Some(before));
    edit(&mut t, KEY_RATE_BE, |text| format!("{text}\nДадатак.\n"));
    let be = cell(&t, KEY_RATE, "be").approval.expect("approved");
    assert!(be.changed);
    assert_eq!(be.approved, Some(before));
}

#[test]
fn an_approval_line_round_trips_its_texts_and_an_older_line_reads_without_them() {
    use galley_core::records::{Body, Event, EventId};
    let be = ContentHash::of(b"be text");
    let ru = ContentHash::of(b"ru text");
    let event = Event {
        id: EventId::parse("maria-1a2b.4").expect("id"),
        clock: 9,
        at: time::macros::datetime!(2020-05-20 10:00 UTC),
        author: "Maria".into(),
        body: Body::Editorial {
            commentary: KEY_RATE.into(),
            status: EditorialStatus::Approved,
            prev: None,
            note: None,
            versions: [("be".to_string(), be), ("ru".to_string(), ru)].into(),
        },
    };
    let line = event.to_line();
    assert!(
        line.contains(&format!("\"versions\":{{\"be\":\"{}\"", be.to_hex())),
        "{line}"
    );
    assert_eq!(Event::from_line(line.as_bytes(), "maria-1a2b"), Ok(event));

    let older = format!(
        "{{\"v\":1,\"id\":\"maria-1a2b.1\",\"clock\":1,\"at\":\"2020-05-20T10:00:00Z\",\
         \"author\":\"Maria\",\"kind\":\"editorial\",\"commentary\":\"{KEY_RATE}\",\
         \"status\":\"approved\"}}"
    );
    let read = Event::from_line(older.as_bytes(), "maria-1a2b").expect("older line");
    assert!(matches!(read.body, Body::Editorial { versions, .. } if versions.is_empty()));
}
