// A damaged history database: the startup check finds it, moves it aside, salvages every
// version that still verifies, rebuilds the indexes from the files and says what it did.

use super::support::{env, TempWorkspace};
use galley_core::hash::ContentHash;
use galley_core::workspace::Workspace;
use std::path::{Path, PathBuf};

/// The sample workspace with a few saves more, closed so the database file holds everything.
fn recorded_samples() -> (TempWorkspace, usize) {
    let mut t = TempWorkspace::samples();
    let drafts = t.ws.list().expect("list").drafts;
    for draft in drafts.iter().take(4) {
        for round in 0..3 {
            let old = t.read(&draft.path);
            let new = format!("{old}\nAn added paragraph, round {round}.\n");
            t.ws.save(&draft.path, &new, Some(ContentHash::of(old.as_bytes())))
                .expect("save");
        }
    }
    t.ws.history().checkpoint().expect("checkpoint");
    let versions = t.ws.history().stats().expect("stats").versions as usize;
    (t, versions)
}

fn db_path(root: &Path) -> PathBuf {
    root.join(".galley/history.db")
}

/// Every draft file (not Galley's state) with its bytes.
fn draft_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.ends_with(".galley") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("inside")
                    .display()
                    .to_string();
                out.push((rel, std::fs::read(&path).expect("read")));
            }
        }
    }
    out.sort();
    out
}

/// Reopens `t`'s folder after `damage` was done to its closed database; also returns the
/// draft files as they were before.
fn reopen_after(
    t: TempWorkspace,
    damage: impl FnOnce(&Path),
) -> (TempWorkspace, Vec<(String, Vec<u8>)>) {
    let mut before = Vec::new();
    let t = t.reopen_after(|root| {
        before = draft_files(root);
        damage(&db_path(root));
    });
    (t, before)
}

/// Damages the middle one of the pages holding stored texts (they carry zstd frames), so the
/// damage hits history, not the schema, wherever the schema's pages happen to lie.
fn flip_middle_page(db: &Path) {
    let mut bytes = std::fs::read(db).expect("read db");
    let pages = bytes.len() / 4096;
    assert!(
        pages >= 4,
        "the test needs a history of several pages, got {pages}"
    );
    const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
    let text_pages: Vec<usize> = (1..pages)
        .filter(|p| {
            bytes[p * 4096..(p + 1) * 4096]
                .windows(4)
                .any(|w| w == ZSTD_MAGIC)
        })
        .collect();
    assert!(
        text_pages.len() >= 2,
        "too few pages of texts: {text_pages:?}"
    );
    let start = text_pages[text_pages.len() / 2] * 4096;
    for b in &mut bytes[start..start + 64] {
        *b ^= 0xA5;
    }
    std::fs::write(db, bytes).expect("write db");
}

fn assert_recovered_consistently(t: &TempWorkspace, before: &[(String, Vec<u8>)]) {
    let recovery = t.ws.recovery().expect("the damage was found and reported");
    let report = recovery.to_string();
    eprintln!("{report}");
    assert!(report.contains("was damaged"), "{report}");
    assert!(report.contains("history.db.damaged-"), "{report}");
    assert!(
        recovery.salvage.damaged_copy.is_file(),
        "the damaged copy is kept"
    );
    // The drafts were not touched.
    assert_eq!(draft_files(&t.root()), before);
    // Everything in the new history verifies, and every draft's current text is its head.
    assert_eq!(
        t.ws.history().verify(&mut |_, _| {}).expect("verify").len(),
        0
    );
    for draft in t.ws.list().expect("list").drafts {
        let head = t.ws.log(&draft.path).expect("log");
        let text = t.ws.history().text(head[0].id).expect("head text");
        assert_eq!(
            text.as_deref(),
            Some(t.read(&draft.path).as_str()),
            "{}",
            draft.path
        );
    }
    assert!(t.ws.check().expect("check").is_empty());
}

#[test]
fn a_sound_history_opens_without_a_recovery() {
    let (t, _) = recorded_samples();
    let t = t.reopen_after(|_| {});
    assert!(t.ws.recovery().is_none());
}

#[test]
fn bit_flips_in_the_middle_of_the_history_are_found_and_salvaged_at_open() {
    let (t, versions) = recorded_samples();
    let (t, before) = reopen_after(t, flip_middle_page);
    assert_recovered_consistently(&t, &before);
    let recovery = t.ws.recovery().expect("recovery");
    let salvage = &recovery.salvage;
    assert!(salvage.versions_saved > 0, "{salvage:?}");
    // Only drafts whose newest version was lost are recorded again, not every file.
    assert!(
        recovery.files_recorded <= salvage.versions_lost.len(),
        "{recovery:?}"
    );
    assert!(
        salvage.versions_saved + salvage.versions_lost.len() <= versions,
        "{salvage:?}"
    );
}

#[test]
fn a_truncated_history_is_found_and_what_survives_is_salvaged() {
    let (t, versions) = recorded_samples();
    let (t, before) = reopen_after(t, |db| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(db)
            .expect("open db");
        let len = file.metadata().expect("meta").len();
        file.set_len(len / 2).expect("truncate");
    });
    assert_recovered_consistently(&t, &before);
    let salvage = &t.ws.recovery().expect("recovery").salvage;
    assert!(salvage.versions_saved <= versions, "{salvage:?}");
}

#[test]
fn a_history_file_that_is_not_a_database_is_replaced_and_the_files_recorded() {
    let (t, _) = recorded_samples();
    let (t, before) = reopen_after(t, |db| {
        std::fs::write(db, vec![0x5Au8; 8192]).expect("overwrite");
    });
    assert_recovered_consistently(&t, &before);
    let recovery = t.ws.recovery().expect("recovery");
    assert_eq!(recovery.salvage.versions_saved, 0);
    assert_eq!(
        recovery.files_recorded,
        before.iter().filter(|(p, _)| p.ends_with(".md")).count()
    );
}

#[test]
fn after_a_salvage_the_next_open_finds_nothing_wrong() {
    let (t, _) = recorded_samples();
    let (t, _) = reopen_after(t, flip_middle_page);
    assert!(t.ws.recovery().is_some());
    let t = t.reopen_after(|_| {});
    assert!(t.ws.recovery().is_none());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn opening_unchecked_leaves_a_damaged_history_in_place_and_the_next_checked_open_salvages_it() {
    // A closed copy of a recorded workspace, with a page of its history flipped.
    let copy = tempfile::tempdir().expect("temp dir");
    let (t, _) = recorded_samples();
    let _t = t.reopen_after(|root| copy_dir(root, copy.path()));
    let root = copy.path();
    flip_middle_page(&db_path(root));
    let damaged_copies = || {
        std::fs::read_dir(root.join(".galley"))
            .expect("read .galley")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
            .count()
    };

    // A quick reading command does not run the check: nothing is moved or salvaged.
    let unchecked = Workspace::open_unchecked(root, env("Alena")).expect("opens");
    assert!(unchecked.recovery().is_none());
    drop(unchecked);
    assert_eq!(damaged_copies(), 0);

    // Any checked open (writing commands, `galley check`, the app) finds and salvages it.
    let checked = Workspace::open(root, env("Alena")).expect("opens");
    assert!(checked.recovery().is_some());
    assert_eq!(damaged_copies(), 1);
}
