// The real watcher, on a real folder: other editors' saves become external versions.

use super::support::{draft, TempWorkspace};
use galley_core::watch::{watch, WatchBatch};
use galley_core::workspace::Workspace;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

const PATH: &str = "2020-W20/army.be.md";

/// Feeds watcher batches to the workspace until `done` holds or the deadline passes.
fn record_until(
    ws: &mut Workspace,
    rx: &Receiver<WatchBatch>,
    done: impl Fn(&Workspace) -> bool,
) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(batch) = rx.recv_timeout(Duration::from_millis(100)) {
            let paths: Vec<_> = batch.paths.into_iter().collect();
            if batch.rescan {
                ws.record_all().expect("record all");
            } else {
                ws.record_paths(&paths).expect("record paths");
            }
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
    assert_eq!(head.author, "external");

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
