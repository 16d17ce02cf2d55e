// The app's everyday actions on commentaries: new ones, rename, delete and archive into a
// trash inside the workspace, and restoring them with their history continuing.

use super::support::{alena_and_bela, copy_dir, TempWorkspace};
use galley_core::draft::IsoWeek;
use galley_core::history::Origin;
use galley_core::workspace::{NewDraft, TrashEntry, TrashKind, Workspace};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

const ARMY: &str = "pxq253v3kb";
const NOMINATION: &str = "y65qx5zuzq";
const ARMY_FILES: [&str; 3] = [
    "2020-W20/army-reserve-call-up.be.md",
    "2020-W20/army-reserve-call-up.en.md",
    "2020-W20/army-reserve-call-up.ru.md",
];

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

fn listed(t: &TempWorkspace, id: &str) -> Option<(String, usize)> {
    let issue = t.ws.issue(week("2020-W20")).expect("issue").issue;
    issue.position_of(id).map(|(s, i)| (s.to_string(), i))
}

#[test]
fn a_new_commentary_names_its_week_and_section_and_refuses_an_unknown_section() {
    let mut t = TempWorkspace::samples();
    let (rel, version) =
        t.ws.create(&NewDraft {
            title: "Grain exports resume".into(),
            lang: "en".into(),
            issue: Some(week("2020-W21")),
            section: Some("economy".into()),
            ..NewDraft::default()
        })
        .expect("create");
    assert_eq!(rel, "2020-W21/grain-exports-resume.en.md");
    let front = t.ws.read(&rel).expect("read").front().clone();
    assert_eq!(front.section.as_deref(), Some("economy"));
    assert_eq!(front.issue, Some(week("2020-W21")));
    assert_eq!(version.draft_id, front.id);
    let err =
        t.ws.create(&NewDraft {
            title: "Elsewhere".into(),
            lang: "en".into(),
            section: Some("sport".into()),
            ..NewDraft::default()
        })
        .expect_err("unknown section");
    assert!(err.to_string().contains("the section `sport`"), "{err}");
    assert!(!t.root().join("unfiled/elsewhere.en.md").exists());
}

#[test]
fn deleting_moves_every_language_version_into_the_trash_and_restoring_continues_history() {
    let mut t = TempWorkspace::samples();
    let before = t.ws.log(ARMY_FILES[0]).expect("log").len();
    let texts: Vec<String> = ARMY_FILES.iter().map(|f| t.read(f)).collect();
    let entry = t.ws.trash(ARMY, None, TrashKind::Deleted).expect("trash");
    assert_eq!(entry.files, ARMY_FILES);
    assert_eq!(entry.section.as_deref(), Some("security"));
    assert_eq!(entry.position, Some(0));
    for rel in ARMY_FILES {
        assert!(!t.root().join(rel).exists(), "{rel} left the folder");
        let kept = t.root().join(".galley/trash").join(&entry.name).join(rel);
        assert!(kept.is_file(), "{rel} is in the trash");
    }
    assert!(t
        .ws
        .list()
        .expect("list")
        .drafts
        .iter()
        .all(|d| d.id != ARMY));
    assert_eq!(listed(&t, ARMY), None, "the issue file no longer lists it");
    // History keeps the texts and records the deletion.
    let log = t.ws.log(ARMY_FILES[0]).expect("log of a deleted file");
    assert_eq!(log.len(), before + 1);
    assert_eq!(log[0].hash, None);
    assert_eq!(t.ws.trash_entries().expect("entries"), vec![entry.clone()]);

    let restored = t.ws.restore_from_trash(&entry.name).expect("restore");
    assert_eq!(restored.id, ARMY);
    for (rel, text) in ARMY_FILES.iter().zip(&texts) {
        assert_eq!(&t.read(rel), text, "{rel} is back byte for byte");
    }
    let log = t.ws.log(ARMY_FILES[0]).expect("log");
    assert_eq!(log.len(), before + 2, "one history, continued");
    assert_eq!(log[0].origin, Origin::Restore { from: log[2].id });
    assert_eq!(log[0].hash, log[2].hash);
    assert_eq!(listed(&t, ARMY), Some(("security".into(), 0)));
    let issue_file = t.read("2020-W20/issue.toml");
    assert!(
        issue_file.contains("\"pxq253v3kb\", # Прызыў з запасу пашырылі на заходнія раёны"),
        "{issue_file}"
    );
    assert!(t.ws.trash_entries().expect("entries").is_empty());
    assert!(!t.root().join(".galley/trash").join(&entry.name).exists());
    // A rescan finds nothing new: the restore was recorded as it is on disk.
    assert!(t.ws.record_all().expect("record").recorded.is_empty());
}

#[test]
fn a_restore_onto_a_taken_path_is_refused_and_moves_nothing() {
    let mut t = TempWorkspace::samples();
    let entry = t.ws.trash(ARMY, None, TrashKind::Deleted).expect("trash");
    t.write(ARMY_FILES[1], "someone else's notes\n");
    let err = t.ws.restore_from_trash(&entry.name).expect_err("taken");
    let message = err.to_string();
    assert!(message.contains(ARMY_FILES[1]), "{message}");
    assert!(
        message.contains("another file is at that path"),
        "{message}"
    );
    assert_eq!(t.read(ARMY_FILES[1]), "someone else's notes\n");
    assert!(!t.root().join(ARMY_FILES[0]).exists(), "nothing came back");
    assert_eq!(t.ws.trash_entries().expect("entries").len(), 1);
    assert_eq!(listed(&t, ARMY), None);
}

#[test]
fn one_translation_can_be_deleted_but_not_the_source_of_others() {
    let mut t = TempWorkspace::samples();
    let err =
        t.ws.trash(ARMY, Some("be"), TrashKind::Deleted)
            .expect_err("source");
    assert!(err.to_string().contains("delete those first"), "{err}");
    assert!(t.root().join(ARMY_FILES[0]).exists());
    let entry =
        t.ws.trash(ARMY, Some("ru"), TrashKind::Deleted)
            .expect("ru");
    assert_eq!(entry.lang.as_deref(), Some("ru"));
    assert_eq!(entry.files, [ARMY_FILES[2]]);
    assert!(t.root().join(ARMY_FILES[0]).exists());
    assert!(!t.root().join(ARMY_FILES[2]).exists());
    assert_eq!(
        listed(&t, ARMY),
        Some(("security".into(), 0)),
        "still in the issue"
    );
    t.ws.restore_from_trash(&entry.name).expect("restore ru");
    assert!(t.root().join(ARMY_FILES[2]).exists());
}

#[test]
fn archiving_keeps_the_commentary_apart_from_the_trash() {
    let mut t = TempWorkspace::samples();
    let entry =
        t.ws.trash(NOMINATION, None, TrashKind::Archived)
            .expect("archive");
    assert!(t
        .root()
        .join(".galley/archive")
        .join(&entry.name)
        .join("entry.toml")
        .is_file());
    assert!(!t.root().join(".galley/trash").exists());
    let entries = t.ws.trash_entries().expect("entries");
    assert_eq!(entries[0].kind, TrashKind::Archived);
    assert_eq!(
        entries[0].title,
        "Вылучэнне кандыдатаў пачалося без санітарных правілаў"
    );
    t.ws.restore_from_trash(&entry.name).expect("restore");
    assert_eq!(listed(&t, NOMINATION), Some(("politics".into(), 0)));
}

#[test]
fn a_restore_is_refused_while_the_folder_has_that_language_version_elsewhere() {
    let mut t = TempWorkspace::samples();
    let entry =
        t.ws.trash(ARMY, Some("en"), TrashKind::Deleted)
            .expect("en");
    let en = t.read(&format!(".galley/trash/{}/{}", entry.name, ARMY_FILES[1]));
    t.write("2020-W21/copy.en.md", &en);
    t.ws.record_all().expect("record");
    let err = t.ws.restore_from_trash(&entry.name).expect_err("duplicate");
    assert!(err.to_string().contains("2020-W21/copy.en.md"), "{err}");
    assert!(!t.root().join(ARMY_FILES[1]).exists());
}

#[test]
fn an_entry_naming_a_path_outside_the_workspace_is_refused() {
    let mut t = TempWorkspace::samples();
    let entry =
        t.ws.trash(ARMY, Some("en"), TrashKind::Deleted)
            .expect("en");
    let manifest = format!(".galley/trash/{}/entry.toml", entry.name);
    let text = t
        .read(&manifest)
        .replace(ARMY_FILES[1], "../elsewhere.en.md");
    t.write(&manifest, &text);
    assert!(t.ws.restore_from_trash(&entry.name).is_err());
    assert!(t.ws.restore_from_trash("../x").is_err());
    assert!(
        t.ws.trash_entries().expect("entries").is_empty(),
        "a bad entry is not listed"
    );
}

#[test]
fn renaming_sets_one_title_and_renames_every_file_keeping_history() {
    let mut t = TempWorkspace::samples();
    let before = t.ws.log(ARMY_FILES[1]).expect("log").len();
    let report =
        t.ws.rename_commentary(
            ARMY,
            "en",
            "Reservists called up in the west",
            Some("Reservists west"),
        )
        .expect("rename");
    assert_eq!(report.files.len(), 3);
    let en = "2020-W20/reservists-west.en.md";
    assert_eq!(
        t.ws.read(en).expect("read").front().title,
        "Reservists called up in the west"
    );
    for lang in ["be", "ru"] {
        assert!(t
            .root()
            .join(format!("2020-W20/reservists-west.{lang}.md"))
            .is_file());
    }
    for rel in ARMY_FILES {
        assert!(!t.root().join(rel).exists());
    }
    // The English file's history follows it: its earlier versions, the move to the new name
    // (same text), then the title change; never a deletion and a new draft.
    let log = t.ws.log(en).expect("log");
    assert_eq!(log.len(), before + 2);
    assert!(log.iter().all(|v| v.hash.is_some()), "no deletion recorded");
    assert_eq!((log[0].path.as_str(), log[1].path.as_str()), (en, en));
    assert_eq!(log[1].hash, log[2].hash);
    assert_eq!(log[2].path, ARMY_FILES[1]);
    assert!(t.ws.record_all().expect("record").recorded.is_empty());
}

#[test]
fn a_rename_onto_a_taken_name_or_to_an_empty_title_changes_nothing() {
    let mut t = TempWorkspace::samples();
    let err =
        t.ws.rename_commentary(ARMY, "en", "New title", Some("nomination campaign opens"))
            .expect_err("taken");
    assert!(err.to_string().contains("exists already"), "{err}");
    let err =
        t.ws.rename_commentary(ARMY, "en", "  ", None)
            .expect_err("empty");
    assert!(err.to_string().contains("it is empty"), "{err}");
    for rel in ARMY_FILES {
        assert!(t.root().join(rel).exists());
    }
    assert_eq!(
        t.ws.read(ARMY_FILES[1]).expect("read").front().title,
        "Reserve call-up widened to western districts"
    );
}

#[test]
fn moving_to_another_week_updates_both_issue_files() {
    let mut t = TempWorkspace::samples();
    t.ws.move_commentary(ARMY, week("2020-W21"), None, None)
        .expect("move");
    assert_eq!(listed(&t, ARMY), None);
    let w21 = t.ws.issue(week("2020-W21")).expect("issue").issue;
    assert_eq!(
        w21.position_of(ARMY).map(|(s, _)| s.to_string()),
        Some("security".into())
    );
    assert!(t
        .root()
        .join("2020-W21/army-reserve-call-up.en.md")
        .is_file());
}

#[test]
fn a_deletion_that_fails_midway_puts_everything_back() {
    use galley_core::faults::{Fault, FaultPlan, Op};
    let mut t = TempWorkspace::samples();
    let issue_before = t.read("2020-W20/issue.toml");
    // The issue file's and the entry's atomic writes rename first; the fourth rename is the
    // second file's move into the trash.
    let plan = FaultPlan::new()
        .on(Op::Rename, 4, Fault::DiskFull)
        .install();
    let err =
        t.ws.trash(ARMY, None, TrashKind::Deleted)
            .expect_err("the disk is full");
    assert_eq!(plan.fired(), 1);
    drop(plan);
    assert!(err.to_string().contains("could not move the file"), "{err}");
    for rel in ARMY_FILES {
        assert!(t.root().join(rel).is_file(), "{rel} is back in place");
    }
    assert_eq!(
        t.read("2020-W20/issue.toml"),
        issue_before,
        "the issue file as it was"
    );
    assert!(t.ws.trash_entries().expect("entries").is_empty());
    let leftovers = std::fs::read_dir(t.root().join(".galley/trash"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(leftovers, 0, "no half-made entry");
    assert!(
        t.ws.record_all().expect("record").recorded.is_empty(),
        "history saw no deletion"
    );
}

#[test]
fn a_restore_that_fails_midway_leaves_the_entry_whole() {
    use galley_core::faults::{Fault, FaultPlan, Op};
    let mut t = TempWorkspace::samples();
    let entry = t.ws.trash(ARMY, None, TrashKind::Deleted).expect("trash");
    let issue_before = t.read("2020-W20/issue.toml");
    // The issue file's atomic write renames first; the third rename is the second file's.
    let plan = FaultPlan::new()
        .on(Op::Rename, 3, Fault::DiskFull)
        .install();
    t.ws.restore_from_trash(&entry.name)
        .expect_err("the disk is full");
    assert_eq!(plan.fired(), 1);
    drop(plan);
    for rel in ARMY_FILES {
        assert!(!t.root().join(rel).exists(), "{rel} stayed in the trash");
    }
    assert_eq!(t.read("2020-W20/issue.toml"), issue_before);
    assert_eq!(t.ws.trash_entries().expect("entries"), vec![entry.clone()]);
    t.ws.restore_from_trash(&entry.name)
        .expect("the next try restores it");
    assert!(t.root().join(ARMY_FILES[1]).is_file());
}

/// A file Bela removes by hand: no trash entry will ever explain it.
const BY_HAND: &str = "2020-W20/nomination-campaign-opens.ru.md";

/// Alena and Bela's copies of the samples, after Alena deleted the army commentary (her
/// reconciler recorded it); the entry she made.
fn alena_deleted_army() -> (TempWorkspace, tempfile::TempDir, Workspace, TrashEntry) {
    let (mut alena, bela_dir, bela) = alena_and_bela();
    let entry = alena
        .ws
        .trash(ARMY, None, TrashKind::Deleted)
        .expect("trash");
    assert_eq!(entry.by, "Alena");
    alena.ws.record_all().expect("Alena's reconciler");
    (alena, bela_dir, bela, entry)
}

/// What a file-sync tool does on Bela's machine when Alena deleted the army commentary: its
/// files leave his folder (returned, as a watcher would name them) ...
fn army_files_leave(bela: &Path) -> Vec<PathBuf> {
    let gone: Vec<PathBuf> = ARMY_FILES.iter().map(|rel| bela.join(rel)).collect();
    for abs in &gone {
        std::fs::remove_file(abs).expect("remove");
    }
    gone
}

/// ... and her trash entry arrives (its `entry.toml` returned).
fn trash_entry_arrives(alena: &Path, bela: &Path, entry: &TrashEntry) -> PathBuf {
    copy_dir(&alena.join(".galley/trash"), &bela.join(".galley/trash"));
    bela.join(".galley/trash")
        .join(&entry.name)
        .join("entry.toml")
}

/// Every army file's newest version in `ws` is its deletion, signed `author` at `at`.
fn army_deletions_signed(ws: &Workspace, author: &str, at: OffsetDateTime) {
    for rel in ARMY_FILES {
        let log = ws.log(rel).expect("log of a deleted file");
        assert_eq!(log[0].hash, None, "{rel}'s newest version is its deletion");
        assert_eq!(
            (log[0].author.as_str(), log[0].at),
            (author, at),
            "{rel}'s deletion is signed by {author}"
        );
    }
}

#[test]
fn a_deletion_is_signed_by_who_deleted_also_where_a_file_sync_tool_brings_it() {
    let (alena, bela_dir, mut bela, entry) = alena_deleted_army();
    army_files_leave(bela_dir.path());
    trash_entry_arrives(&alena.root(), bela_dir.path(), &entry);
    bela.record_all()
        .expect("Bela's reconciler records the deletion");

    army_deletions_signed(&alena.ws, "Alena", entry.at);
    army_deletions_signed(&bela, "Alena", entry.at);
    // A file that leaves without a trash entry (removed by hand) is the finder's record.
    std::fs::remove_file(bela_dir.path().join(BY_HAND)).expect("remove");
    bela.record_all().expect("record");
    let log = bela.log(BY_HAND).expect("log");
    assert_eq!((log[0].hash, log[0].author.as_str()), (None, "Bela"));
}

#[test]
fn a_deletion_delivered_before_its_trash_entry_is_signed_by_who_deleted_once_the_entry_arrives() {
    let (alena, bela_dir, mut bela, entry) = alena_deleted_army();
    // The removal arrives first, beside a file Bela removes by hand: nothing explains either
    // yet, so Bela's reconciler signs both as their finder.
    let mut gone = army_files_leave(bela_dir.path());
    std::fs::remove_file(bela_dir.path().join(BY_HAND)).expect("remove");
    gone.push(bela_dir.path().join(BY_HAND));
    bela.record_paths(&gone).expect("Bela records the removals");
    let lengths: Vec<usize> = ARMY_FILES
        .iter()
        .map(|rel| bela.log(rel).expect("log").len())
        .collect();
    for rel in ARMY_FILES {
        let found = &bela.log(rel).expect("log")[0];
        assert_eq!((found.hash, found.author.as_str()), (None, "Bela"), "{rel}");
        assert!(
            found.at > entry.at,
            "{rel} is dated when Bela found it gone"
        );
    }

    // The entry arrives; the watcher names its `entry.toml`.
    let manifest = trash_entry_arrives(&alena.root(), bela_dir.path(), &entry);
    let report = bela
        .record_paths(&[manifest])
        .expect("Bela records the entry");
    assert!(report.recorded.is_empty(), "{:?}", report.recorded);
    assert!(
        report.records_changed,
        "History has to show the new signature"
    );

    army_deletions_signed(&bela, "Alena", entry.at);
    let after: Vec<usize> = ARMY_FILES
        .iter()
        .map(|rel| bela.log(rel).expect("log").len())
        .collect();
    assert_eq!(after, lengths, "no version added or lost");
    let log = bela.log(BY_HAND).expect("log");
    assert_eq!((log[0].hash, log[0].author.as_str()), (None, "Bela"));
    // A rescan finds nothing more to sign.
    let again = bela.record_all().expect("rescan");
    assert!(!again.records_changed && again.recorded.is_empty());
    army_deletions_signed(&bela, "Alena", entry.at);
}

#[test]
fn a_trash_entry_delivered_before_the_removal_signs_the_deletion() {
    let (alena, bela_dir, mut bela, entry) = alena_deleted_army();
    trash_entry_arrives(&alena.root(), bela_dir.path(), &entry);
    let early = bela.record_all().expect("the entry alone records nothing");
    assert!(early.recorded.is_empty(), "{:?}", early.recorded);
    army_files_leave(bela_dir.path());
    bela.record_all().expect("Bela records the removal");
    army_deletions_signed(&bela, "Alena", entry.at);
}

#[test]
fn a_deletion_a_sync_already_shared_keeps_the_signature_it_was_shared_with() {
    let (alena, bela_dir, mut bela, entry) = alena_deleted_army();
    // Bela also shares the workspace through git: his first sync commits what he has.
    let remote = tempfile::tempdir().expect("temp dir");
    let bare = std::process::Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(remote.path())
        .output()
        .expect("git");
    assert!(bare.status.success(), "{bare:?}");
    bela.sync_init(remote.path().to_str().expect("utf-8"))
        .expect("Bela shares the workspace");
    // The removal arrives before the entry, and a sync commits the deletion as Bela's.
    let gone = army_files_leave(bela_dir.path());
    bela.record_paths(&gone).expect("Bela records the removal");
    bela.sync().expect("Bela's sync commits the deletion");
    let shared: Vec<_> = ARMY_FILES
        .iter()
        .map(|rel| bela.log(rel).expect("log")[0].clone())
        .collect();
    assert!(shared.iter().all(|v| v.author == "Bela"), "{shared:?}");

    let manifest = trash_entry_arrives(&alena.root(), bela_dir.path(), &entry);
    let report = bela.record_paths(&[manifest]).expect("the entry arrives");
    assert!(!report.records_changed);
    bela.record_all().expect("a rescan");
    for (rel, before) in ARMY_FILES.iter().zip(&shared) {
        assert_eq!(&bela.log(rel).expect("log")[0], before, "{rel}");
    }
}
