// The real watcher, on a real folder: other editors' saves become external versions.

use super::support::{alena_and_bela, copy_dir, draft, TempWorkspace};
use galley_core::watch::notify::{self, Config, EventHandler, RecursiveMode, Watcher, WatcherKind};
use galley_core::watch::{watch, watch_with, WatchBatch, WatchMode};
use galley_core::workspace::{TrashKind, Workspace};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

const PATH: &str = "2020-W20/army.be.md";

/// Records what one batch says changed, as the shells do; returns how many versions it made.
fn apply(ws: &mut Workspace, batch: WatchBatch) -> usize {
    ws.record_batch(&batch)
        .expect("record the batch")
        .recorded
        .len()
}

/// Feeds watcher batches to the workspace until `done` holds or the deadline passes.
fn record_until(
    ws: &mut Workspace,
    rx: &Receiver<WatchBatch>,
    done: impl Fn(&Workspace) -> bool,
) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(batch) = rx.recv_timeout(Duration::from_millis(100)) {
            apply(ws, batch);
        }
        if done(ws) {
            return true;
        }
    }
    false
}

#[test]
fn watcher_records_edits_renames_and_deletions_by_other_editors() {
    let mut t = TempWorkspace::new();
    t.ws.save(PATH, &draft("k7m2q9x4tz", "be", "Армія", "Абзац."), None)
        .expect("save");
    let (_watcher, rx) = watch(t.ws.root(), Duration::from_millis(50)).expect("watch");

    // An editor that saves by writing a temp file and renaming it over the original.
    let edited = t.read(PATH).replace("Абзац.", "Абзац пасля праўкі.");
    t.write("2020-W20/army.be.md.tmp~", &edited);
    std::fs::rename(
        t.root().join("2020-W20/army.be.md.tmp~"),
        t.root().join(PATH),
    )
    .expect("rename");
    assert!(
        record_until(&mut t.ws, &rx, |ws| ws
            .log(PATH)
            .map(|l| l.len() == 2)
            .unwrap_or(false)),
        "the rename-save was not recorded"
    );
    let head = &t.ws.log(PATH).expect("log")[0];
    assert_eq!(
        head.author, "Alena",
        "an edit in another editor is signed by this machine's user"
    );
    assert_eq!(head.origin, galley_core::history::Origin::External);

    // A new file, then the original deleted.
    t.write(
        "2020-W20/new.ru.md",
        &draft("n3wd4ft222", "ru", "Новый", "Текст."),
    );
    std::fs::remove_file(t.root().join(PATH)).expect("rm");
    assert!(
        record_until(&mut t.ws, &rx, |ws| {
            let created = ws
                .log("2020-W20/new.ru.md")
                .map(|l| l.len() == 1)
                .unwrap_or(false);
            let deleted = ws
                .log(PATH)
                .map(|l| l.first().is_some_and(|v| v.hash.is_none()))
                .unwrap_or(false);
            created && deleted
        }),
        "creation and deletion were not both recorded"
    );
}

fn version_count(root: &Path) -> i64 {
    let db = rusqlite::Connection::open(root.join(".galley/history.db")).expect("open history");
    db.query_row("SELECT count(*) FROM versions", [], |row| row.get(0))
        .expect("count")
}

fn storm_draft(id: &str, body: &str) -> String {
    format!("---\nid: {id}\nlang: en\n---\n\n{body}\n")
}

/// Like a `git checkout` between distant branches: 1,500 drafts rewritten, 500 deleted and
/// 8,000 created in 40 folders that did not exist (10,000 changes), all at once.
#[test]
fn storm_of_ten_thousand_changes_is_recorded_exactly_once_then_the_watcher_is_quiet() {
    const EXISTING: usize = 2_000;
    const MODIFIED: usize = 1_500; // the first ones; the rest of EXISTING are deleted
    const CREATED: usize = 8_000;
    let mut t = TempWorkspace::new();
    let root = t.root();
    let old_path = |i: usize| format!("w{:02}/d{i:05}.en.md", i % 20);
    for i in 0..EXISTING {
        t.write(
            &old_path(i),
            &storm_draft(&format!("old{i:05}"), "First text."),
        );
    }
    assert_eq!(t.ws.record_all().expect("record").recorded.len(), EXISTING);
    let (_watcher, rx) = watch(&root, Duration::from_millis(200)).expect("watch");

    let started = Instant::now();
    for i in 0..EXISTING {
        let path = root.join(old_path(i));
        if i < MODIFIED {
            std::fs::write(&path, storm_draft(&format!("old{i:05}"), "Second text."))
                .expect("write");
        } else {
            std::fs::remove_file(&path).expect("delete");
        }
    }
    for i in 0..CREATED {
        t.write(
            &format!("n{:02}/c{i:05}.en.md", i / 200),
            &storm_draft(&format!("new{i:05}"), "New text."),
        );
    }
    let expected = (EXISTING + MODIFIED + (EXISTING - MODIFIED) + CREATED) as i64;
    let mut recorded = 0;
    let deadline = Instant::now() + Duration::from_secs(60);
    while version_count(&root) < expected {
        assert!(
            Instant::now() < deadline,
            "only {} of {expected} versions",
            version_count(&root)
        );
        if let Ok(batch) = rx.recv_timeout(Duration::from_millis(100)) {
            recorded += apply(&mut t.ws, batch);
        }
    }
    let settled = started.elapsed();

    // Quiet: whatever the watcher still delivers over two seconds records nothing.
    let quiet_until = Instant::now() + Duration::from_secs(2);
    let mut late_batches = 0;
    while let Some(left) = quiet_until.checked_duration_since(Instant::now()) {
        if let Ok(batch) = rx.recv_timeout(left) {
            late_batches += 1;
            assert_eq!(apply(&mut t.ws, batch), 0, "a change was recorded twice");
        }
    }
    assert_eq!(version_count(&root), expected);
    assert_eq!(recorded as i64, expected - EXISTING as i64);

    // Each file: exactly its versions, never the same text twice in a row.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..EXISTING {
        counts.insert(format!("old{i:05}"), 2);
    }
    for i in 0..CREATED {
        counts.insert(format!("new{i:05}"), 1);
    }
    for (id, want) in &counts {
        let log = t.ws.history().log(id, "en").expect("log");
        assert_eq!(log.len(), *want, "{id}: {log:?}");
        assert!(
            log.windows(2).all(|w| w[0].hash != w[1].hash),
            "{id} repeats a text"
        );
    }
    println!(
        "storm: 10,000 changes recorded exactly once in {:.1} s, then quiet ({late_batches} late batches, nothing recorded)",
        settled.as_secs_f64()
    );
}

/// A native watcher that fails the way inotify does when `fs.inotify.max_user_watches` is
/// used up (ENOSPC, which notify reports as `MaxFilesWatch`).
struct FullWatchTable;

impl Watcher for FullWatchTable {
    fn new<F: EventHandler>(_handler: F, _config: Config) -> notify::Result<Self> {
        Ok(FullWatchTable)
    }

    fn watch(&mut self, _path: &Path, _mode: RecursiveMode) -> notify::Result<()> {
        Err(notify::Error::new(notify::ErrorKind::MaxFilesWatch))
    }

    fn unwatch(&mut self, _path: &Path) -> notify::Result<()> {
        Ok(())
    }

    fn kind() -> WatcherKind {
        WatcherKind::Inotify
    }
}

#[test]
fn watcher_falls_back_to_polling_when_the_watch_limit_is_reached_and_still_records_edits() {
    let mut t = TempWorkspace::new();
    t.ws.save(PATH, &draft("k7m2q9x4tz", "be", "Армія", "Абзац."), None)
        .expect("save");
    let (watcher, rx) = watch_with::<FullWatchTable>(
        t.ws.root(),
        Duration::from_millis(50),
        Duration::from_millis(100),
    )
    .expect("a fallback, not an error");
    match watcher.mode() {
        WatchMode::Polling { reason, .. } => {
            assert!(reason.contains("max_user_watches"), "{reason}")
        }
        WatchMode::Native => panic!("the failing native watch was reported as working"),
    }

    let edited = t
        .read(PATH)
        .replace("Абзац.", "Абзац, зменены іншай праграмай.");
    t.write(PATH, &edited);
    assert!(
        record_until(&mut t.ws, &rx, |ws| ws
            .log(PATH)
            .map(|l| l.len() == 2)
            .unwrap_or(false)),
        "the polling watcher did not record the external edit"
    );
    assert_eq!(t.ws.log(PATH).expect("log")[0].author, t.ws.env().author);
    let notice = watcher.mode().notice().expect("polling is worth a notice");
    assert!(notice.contains("every 0.1 s"), "{notice}");
}

#[test]
fn a_batch_with_watcher_errors_rescans_the_folder_and_reports_the_errors() {
    let mut t = TempWorkspace::new();
    t.ws.save(PATH, &draft("k7m2q9x4tz", "be", "Армія", "Абзац."), None)
        .expect("save");
    // An edit the batch does not name: only a rescan can find it.
    let edited = t
        .read(PATH)
        .replace("Абзац.", "Абзац, зменены, калі падзеі згубіліся.");
    t.write(PATH, &edited);
    let batch = WatchBatch {
        paths: Default::default(),
        rescan: true,
        errors: vec!["the event queue overflowed".into()],
    };
    let report = t.ws.record_batch(&batch).expect("record the batch");
    assert_eq!(
        report.recorded.len(),
        1,
        "the rescan found the unnamed edit"
    );
    let said: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|p| p.contains("the event queue overflowed")),
        "{said:?}"
    );
    assert_eq!(WatchMode::Native.notice(), None);
}

#[test]
fn a_journal_arriving_from_another_machine_is_seen_by_the_watcher_and_read() {
    let mut t = TempWorkspace::new();
    t.ws.save(PATH, &draft("k7m2q9x4tz", "be", "Армія", "Абзац."), None)
        .expect("save");
    let (_watcher, rx) = watch(t.ws.root(), Duration::from_millis(50)).expect("watch");
    // Maria's laptop approved the commentary; a sync tool drops her journal in.
    let journal = t.root().join(".galley/journal/maria-0b1c2d3e.jsonl");
    std::fs::write(
        &journal,
        concat!(
            r#"{"v":1,"id":"maria-0b1c2d3e.1","clock":50,"at":"2020-05-14T09:30:00Z","author":"Maria","kind":"editorial","commentary":"k7m2q9x4tz","status":"in_review"}"#,
            "\n"
        ),
    )
    .expect("write");
    let mut changed = false;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && !changed {
        if let Ok(batch) = rx.recv_timeout(Duration::from_millis(100)) {
            let paths: Vec<_> = batch.paths.into_iter().collect();
            changed = t.ws.record_paths(&paths).expect("record").records_changed;
        }
    }
    assert!(changed, "the watcher never reported the journal");
    let status = t.ws.records().editorial("k7m2q9x4tz").expect("status");
    assert_eq!(status.author, "Maria");
}

#[test]
fn a_trash_entry_arriving_after_the_removal_is_seen_by_the_watcher_and_signs_the_deletion() {
    let (mut alena, bela_dir, mut bela) = alena_and_bela();
    let army = "2020-W20/army-reserve-call-up.en.md";
    let entry = alena
        .ws
        .trash("pxq253v3kb", Some("en"), TrashKind::Deleted)
        .expect("Alena deletes the English version");
    let (_watcher, rx) = watch(bela_dir.path(), Duration::from_millis(50)).expect("watch");
    // A file-sync tool removes the file from Bela's folder before the entry arrives.
    std::fs::remove_file(bela_dir.path().join(army)).expect("remove");
    let newest = |ws: &Workspace| ws.log(army).ok().and_then(|log| log.into_iter().next());
    assert!(
        record_until(&mut bela, &rx, |ws| newest(ws)
            .is_some_and(|v| v.hash.is_none() && v.author == "Bela")),
        "the removal was not recorded as Bela's finding"
    );
    copy_dir(
        &alena.root().join(".galley/trash"),
        &bela_dir.path().join(".galley/trash"),
    );
    assert!(
        record_until(&mut bela, &rx, |ws| newest(ws).is_some_and(|v| v
            .hash
            .is_none()
            && v.author == "Alena"
            && v.at == entry.at)),
        "the arriving entry did not sign the deletion: {:?}",
        newest(&bela)
    );
}
