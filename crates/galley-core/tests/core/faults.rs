// Fault injection: a full disk, a read-only workspace, failing fsyncs and renames, a file removed
// mid-save, and a history that cannot record. Each leaves the previous file byte-identical, no
// temp file, history unchanged, and the next save working.

use super::support::TempWorkspace;
use galley_core::faults::{Fault, FaultPlan, Op};
use galley_core::hash::ContentHash;
use galley_core::workspace::{NewDraft, SaveOutcome};
use galley_core::Error;
use galley_core::ErrorKind;
use std::path::Path;

struct Saved {
    t: TempWorkspace,
    rel: String,
    old: String,
    new: String,
    versions: usize,
}

fn saved_draft() -> Saved {
    let mut t = TempWorkspace::new();
    let (rel, _) =
        t.ws.create(&NewDraft {
            title: "Budget talks".into(),
            lang: "en".into(),
            ..NewDraft::default()
        })
        .expect("create");
    let old = t.read(&rel);
    let new = format!("{old}\nThe ministry answered on Friday.\n");
    let versions = t.ws.log(&rel).expect("log").len();
    Saved {
        t,
        rel,
        old,
        new,
        versions,
    }
}

impl Saved {
    fn save_new(&mut self) -> galley_core::Result<SaveOutcome> {
        let loaded = ContentHash::of(self.old.as_bytes());
        self.t.ws.save(&self.rel, &self.new, Some(loaded))
    }

    fn temp_files(&self) -> Vec<String> {
        let dir = self.t.root().join(&self.rel);
        let dir = dir.parent().expect("folder");
        super::support::files_in(dir)
            .into_iter()
            .filter(|n| galley_core::atomic::is_galley_temp(n))
            .collect()
    }

    /// The promise after any failed save: old bytes, no temp file, no new version, and the
    /// same save goes through once the fault is gone.
    fn assert_untouched_then_saves(&mut self) {
        assert_eq!(
            self.t.read(&self.rel),
            self.old,
            "the previous file changed"
        );
        assert_eq!(
            self.temp_files(),
            Vec::<String>::new(),
            "a temp file was left"
        );
        assert_eq!(self.t.ws.log(&self.rel).expect("log").len(), self.versions);
        match self.save_new().expect("the next save") {
            SaveOutcome::Saved(v) => assert_eq!(v.hash, Some(ContentHash::of(self.new.as_bytes()))),
            other => panic!("expected a save, got {other:?}"),
        }
        assert_eq!(self.t.read(&self.rel), self.new);
        assert_eq!(
            self.t.ws.log(&self.rel).expect("log").len(),
            self.versions + 1
        );
    }
}

fn failed_save(op: Op, fault: Fault) -> (Saved, Error) {
    failed_save_at(op, 1, fault)
}

/// A save's first create, write and flush are its journal line's (the record of the version is
/// written first); the draft file's are the second.
fn failed_draft_write(op: Op, fault: Fault) -> (Saved, Error) {
    failed_save_at(op, 2, fault)
}

fn failed_save_at(op: Op, nth: usize, fault: Fault) -> (Saved, Error) {
    let mut s = saved_draft();
    let plan = FaultPlan::new().on(op, nth, fault).install();
    let err = s.save_new().expect_err("the save must fail");
    assert_eq!(plan.fired(), 1);
    drop(plan);
    (s, err)
}

fn assert_names_file_and_remedy(err: &Error, rel: &str, problem: &str, remedy: &str) {
    let message = err.to_string();
    assert_eq!(err.kind(), ErrorKind::WriteFailed, "{message}");
    assert!(message.contains(rel), "does not name the file: {message}");
    assert!(
        message.contains(problem),
        "does not say `{problem}`: {message}"
    );
    assert!(
        message.contains(remedy),
        "does not say `{remedy}`: {message}"
    );
    assert!(message.contains("unchanged"), "{message}");
}

#[test]
fn full_disk_while_writing_keeps_the_previous_file_and_history() {
    let (mut s, err) = failed_draft_write(Op::Write, Fault::DiskFull);
    assert_names_file_and_remedy(&err, &s.rel, "the disk is full", "Free some space");
    s.assert_untouched_then_saves();
}

#[test]
fn full_disk_while_flushing_keeps_the_previous_file_and_history() {
    let (mut s, err) = failed_draft_write(Op::Fsync, Fault::DiskFull);
    assert_names_file_and_remedy(&err, &s.rel, "the disk is full", "flush to disk");
    s.assert_untouched_then_saves();
}

#[test]
fn read_only_workspace_refuses_the_temp_file_and_says_so() {
    let (mut s, err) = failed_draft_write(Op::Create, Fault::ReadOnly);
    assert_names_file_and_remedy(
        &err,
        &s.rel,
        "the disk is read-only",
        "Make the workspace writable",
    );
    s.assert_untouched_then_saves();
}

#[test]
fn failing_fsync_reports_a_disk_error_and_changes_nothing() {
    let (mut s, err) = failed_draft_write(Op::Fsync, Fault::DeviceError);
    assert_names_file_and_remedy(&err, &s.rel, "the disk reported an error", "Check the disk");
    s.assert_untouched_then_saves();
}

#[test]
fn full_disk_while_writing_the_record_refuses_the_save_and_leaves_no_half_line() {
    let journal = |s: &Saved| {
        let dir = s.t.root().join(".galley/journal");
        std::fs::read_to_string(dir.join(format!("{}.jsonl", s.t.ws.writer()))).expect("journal")
    };
    let mut s = saved_draft();
    let before = journal(&s);
    let plan = FaultPlan::new().on(Op::Write, 1, Fault::DiskFull).install();
    let err = s.save_new().expect_err("the save must fail");
    drop(plan);
    let message = err.to_string();
    assert!(message.contains(".galley/journal/"), "{message}");
    assert!(message.contains("the disk is full"), "{message}");
    assert_eq!(journal(&s), before, "the journal changed");
    s.assert_untouched_then_saves();
    assert!(journal(&s).ends_with('\n'));
}

#[test]
fn failing_rename_changes_nothing() {
    let (mut s, err) = failed_save(Op::Rename, Fault::DeviceError);
    assert_names_file_and_remedy(&err, &s.rel, "replace the file", "Check the disk");
    s.assert_untouched_then_saves();
}

#[test]
fn failing_folder_flush_says_the_text_is_saved_and_history_matches_the_file() {
    let (s, err) = failed_save(Op::SyncDir, Fault::DeviceError);
    let message = err.to_string();
    assert!(message.contains("was saved, but"), "{message}");
    assert!(message.contains("power cut"), "{message}");
    // The new text is in place, so it is recorded: file and history agree.
    assert_eq!(s.t.read(&s.rel), s.new);
    let log = s.t.ws.log(&s.rel).expect("log");
    assert_eq!(log.len(), s.versions + 1);
    assert_eq!(log[0].hash, Some(ContentHash::of(s.new.as_bytes())));
    assert_eq!(s.temp_files(), Vec::<String>::new());
}

#[test]
fn draft_removed_by_another_program_mid_save_gets_the_saved_text_and_loses_nothing() {
    let mut s = saved_draft();
    let plan = FaultPlan::new()
        .on(Op::Rename, 1, Fault::RemoveTarget)
        .install();
    let outcome = s.save_new().expect("save");
    assert_eq!(plan.fired(), 1);
    drop(plan);
    assert!(matches!(outcome, SaveOutcome::Saved(_)), "{outcome:?}");
    assert_eq!(s.t.read(&s.rel), s.new);
    let log = s.t.ws.log(&s.rel).expect("log");
    assert_eq!(log.len(), s.versions + 1);
    // The text the other program removed is still in history.
    let old = s.t.ws.history().text(log[1].id).expect("text");
    assert_eq!(old.as_deref(), Some(s.old.as_str()));
}

#[test]
fn history_commit_failing_after_the_write_puts_the_previous_file_back() {
    let (mut s, err) = failed_save(Op::Commit, Fault::DiskFull);
    assert_eq!(err.kind(), ErrorKind::Database, "{err}");
    s.assert_untouched_then_saves();
}

#[test]
fn history_refusing_the_version_leaves_the_file_and_history_consistent() {
    let mut s = saved_draft();
    let db = s.t.root().join(".galley/history.db");
    refuse_versions(&db, true);
    let err = s.save_new().expect_err("the history refuses");
    assert_eq!(err.kind(), ErrorKind::Database, "{err}");
    assert!(err.to_string().contains("history database"), "{err}");
    refuse_versions(&db, false);
    s.assert_untouched_then_saves();
}

/// Adds (or drops) a trigger that makes every insert into `versions` fail, as a read-only or
/// broken database would, through a second connection like another process.
fn refuse_versions(db: &Path, on: bool) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let sql = if on {
        "CREATE TRIGGER refuse BEFORE INSERT ON versions BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;"
    } else {
        "DROP TRIGGER refuse;"
    };
    conn.execute_batch(sql).expect("trigger");
}

#[test]
fn settings_save_on_a_full_disk_keeps_the_previous_settings() {
    let t = TempWorkspace::new();
    let path = t.root().join(".galley/settings.toml");
    let before = std::fs::read(&path).expect("read");
    let mut settings = t.ws.settings().clone();
    settings.languages.push("pl".into());
    let plan = FaultPlan::new().on(Op::Write, 1, Fault::DiskFull).install();
    let err = settings.save(&path).expect_err("full disk");
    drop(plan);
    assert!(err.to_string().contains("settings.toml"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    settings.save(&path).expect("saves once there is space");
}

#[test]
fn read_only_folder_for_real_refuses_the_save_unless_running_as_root() {
    use std::os::unix::fs::PermissionsExt;
    let mut s = saved_draft();
    let dir =
        s.t.root()
            .join(&s.rel)
            .parent()
            .expect("folder")
            .to_path_buf();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = dir.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        eprintln!("skipped the chmod 0555 check: running as root, permissions do not stop writes (the injected EROFS test covers it)");
        return;
    }
    let err = s.save_new().expect_err("read-only folder");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_names_file_and_remedy(&err, &s.rel, "not allowed to write", "permissions");
    s.assert_untouched_then_saves();
}

#[test]
fn real_full_disk_on_a_small_tmpfs_keeps_the_previous_file() {
    let mount = tempfile::tempdir().expect("temp dir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(mount.path())
        .output();
    match mounted {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            eprintln!(
                "skipped the real full-disk test: mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
            return;
        }
        Err(e) => {
            eprintln!("skipped the real full-disk test: cannot run mount: {e}");
            return;
        }
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let _unmount = Unmount(mount.path());
    let root = mount.path().join("ws");
    let mut ws =
        galley_core::workspace::Workspace::init(&root, super::support::env("Alena")).expect("init");
    let (rel, _) = ws
        .create(&NewDraft {
            title: "Budget".into(),
            lang: "en".into(),
            ..NewDraft::default()
        })
        .expect("create");
    let old = std::fs::read_to_string(root.join(&rel)).expect("read");
    let versions = ws.log(&rel).expect("log").len();
    // Fill the disk, leaving less room than the new text needs.
    let filler = mount.path().join("filler");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let chunk = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut file, &chunk).is_ok() {}
    drop(file);
    let new = format!("{old}\n{}\n", "word ".repeat(40_000));
    let err = ws
        .save(&rel, &new, Some(ContentHash::of(old.as_bytes())))
        .expect_err("the disk is full");
    assert!(err.to_string().contains("full"), "{err}");
    assert_eq!(std::fs::read_to_string(root.join(&rel)).expect("read"), old);
    assert_eq!(ws.log(&rel).expect("log").len(), versions);
    std::fs::remove_file(&filler).expect("free space");
    let saved = ws
        .save(&rel, &new, Some(ContentHash::of(old.as_bytes())))
        .expect("save");
    assert!(matches!(saved, SaveOutcome::Saved(_)));
    drop(ws);
}
