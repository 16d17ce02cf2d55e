// The reconciler's plan is pure: folder state + what history knew in, actions out.

use galley_core::hash::ContentHash;
use galley_core::history::KnownFile;
use galley_core::reconcile::{plan, Action, Change, DiskFile, DiskState};

fn known(path: &str, id: &str, text: &str) -> KnownFile {
    KnownFile {
        path: path.into(),
        draft_id: id.into(),
        lang: "be".into(),
        hash: ContentHash::of(text.as_bytes()),
        size: text.len() as u64,
        mtime_ns: 1,
    }
}

fn disk(path: &str, id: &str, text: &str, mtime_ns: i64) -> DiskFile {
    DiskFile {
        path: path.into(),
        state: DiskState::Draft {
            draft_id: id.into(),
            lang: "be".into(),
            hash: ContentHash::of(text.as_bytes()),
            size: text.len() as u64,
            mtime_ns,
        },
    }
}

fn summary(actions: &[Action]) -> Vec<String> {
    actions
        .iter()
        .map(|a| match a {
            Action::Record {
                file,
                change: Change::Created,
            } => format!("create {}", file.path),
            Action::Record {
                file,
                change: Change::Modified,
            } => format!("modify {}", file.path),
            Action::Record {
                file,
                change: Change::Renamed { from },
            } => format!("rename {from} -> {}", file.path),
            Action::Delete { file } => format!("delete {}", file.path),
            Action::Refresh { file } => format!("refresh {}", file.path),
        })
        .collect()
}

#[test]
fn unchanged_folder_plans_nothing() {
    let p = plan(
        &[disk("a.be.md", "a", "x", 1)],
        &[known("a.be.md", "a", "x")],
    );
    assert!(p.actions.is_empty(), "{:?}", p.actions);
}

#[test]
fn touched_file_with_same_content_is_refreshed_not_versioned() {
    let p = plan(
        &[disk("a.be.md", "a", "x", 99)],
        &[known("a.be.md", "a", "x")],
    );
    assert_eq!(summary(&p.actions), ["refresh a.be.md"]);
}

#[test]
fn changed_content_is_recorded_as_modified() {
    let p = plan(
        &[disk("a.be.md", "a", "y", 1)],
        &[known("a.be.md", "a", "x")],
    );
    assert_eq!(summary(&p.actions), ["modify a.be.md"]);
}

#[test]
fn new_file_is_created_and_missing_file_deleted() {
    let p = plan(
        &[disk("b.be.md", "b", "y", 1)],
        &[known("a.be.md", "a", "x")],
    );
    assert_eq!(summary(&p.actions), ["create b.be.md", "delete a.be.md"]);
}

#[test]
fn same_id_at_a_new_path_is_a_rename_even_with_edits() {
    let p = plan(
        &[disk("w/b.be.md", "a", "edited", 1)],
        &[known("a.be.md", "a", "x")],
    );
    assert_eq!(summary(&p.actions), ["rename a.be.md -> w/b.be.md"]);
}

#[test]
fn copied_file_is_a_duplicate_and_the_known_one_keeps_its_identity() {
    let p = plan(
        &[
            disk("a.be.md", "a", "x", 1),
            disk("0-copy.be.md", "a", "x", 1),
        ],
        &[known("a.be.md", "a", "x")],
    );
    assert!(p.actions.is_empty(), "{:?}", p.actions);
    assert_eq!(
        p.duplicates,
        [("0-copy.be.md".to_string(), "a.be.md".to_string())]
    );
}

#[test]
fn invalid_file_is_left_alone_not_deleted() {
    let p = plan(
        &[DiskFile {
            path: "a.be.md".into(),
            state: DiskState::Invalid,
        }],
        &[known("a.be.md", "a", "x")],
    );
    assert!(p.actions.is_empty(), "{:?}", p.actions);
}

#[test]
fn changed_id_in_place_deletes_the_old_identity_and_creates_the_new() {
    let p = plan(
        &[disk("a.be.md", "z", "x2", 1)],
        &[known("a.be.md", "a", "x")],
    );
    assert_eq!(summary(&p.actions), ["create a.be.md", "delete a.be.md"]);
}

#[test]
fn swapped_files_are_two_renames() {
    let p = plan(
        &[disk("a.be.md", "b", "B", 1), disk("b.be.md", "a", "A", 1)],
        &[known("a.be.md", "a", "A"), known("b.be.md", "b", "B")],
    );
    assert_eq!(
        summary(&p.actions),
        ["rename b.be.md -> a.be.md", "rename a.be.md -> b.be.md"]
    );
}
