// The one model of the folder and the catch-up policy: a fresh clone's library within a budget
// with the rest read in the background, export catching up only its issue's files, and search
// recording the whole folder once per open workspace.

use super::export::ready_w21;
use super::support::{copy_dir, env, sample_drafts};
use galley_core::draft::IsoWeek;
use galley_core::workspace::{ExportOptions, View, Workspace};
use galley_core::ErrorKind;
use std::time::Duration;

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

#[test]
fn a_fresh_clones_library_shows_what_it_read_and_the_background_reads_the_rest() {
    // A clone: the team's files and `.galley` without this machine's history.
    let clone = tempfile::tempdir().expect("temp");
    copy_dir(&sample_drafts(), clone.path());
    let ws = Workspace::open(clone.path(), env("Alena")).expect("open the clone");
    let all = walkdir_drafts(clone.path());
    assert!(all > 10, "the samples have {all} drafts");

    let (listing, grid) = ws.library(Some(Duration::ZERO)).expect("library");
    assert_eq!(
        listing.pending, all,
        "no time to read: every draft is pending"
    );
    assert!(listing.drafts.is_empty());
    assert!(grid.rows.is_empty());

    let background = Workspace::open(clone.path(), env("Alena")).expect("background handle");
    let mut heard = Vec::new();
    background
        .catch_up_folder(&mut |done, total| heard.push((done, total)))
        .expect("catch up");
    assert_eq!(heard.last(), Some(&(all, all)), "{heard:?}");

    let (listing, grid) = ws.library(Some(Duration::ZERO)).expect("library");
    assert_eq!(listing.pending, 0);
    assert_eq!(listing.drafts.len(), all);
    assert_eq!(listing.drafts, ws.list().expect("list").drafts);
    assert_eq!(grid.rows, ws.translation_grid(None).expect("grid").rows);
}

#[test]
fn export_records_the_files_of_its_issue_and_leaves_the_rest_of_the_folder() {
    let mut t = ready_w21();
    let other = "2020-W20/army-reserve-call-up.be.md";
    let other_versions = t.ws.log(other).expect("log").len();
    t.write(other, &t.read(other).replace("\n\n", "\n\nДапісана.\n\n"));
    let dir = tempfile::tempdir().expect("temp");
    t.ws.export_issue(
        week("2020-W21"),
        &dir.path().join("w21.zip"),
        ExportOptions::default(),
        &mut |_| {},
    )
    .expect("export");
    assert_eq!(
        t.ws.log(other).expect("log").len(),
        other_versions,
        "a file of another week is not the export's business"
    );
    // The same edit inside the week is recorded before readiness judges it, so the approval
    // no longer matches and nothing is published.
    let inside = "2020-W21/key-rate-cut.be.md";
    let versions = t.ws.log(inside).expect("log").len();
    t.write(inside, &t.read(inside).replace("\n\n", "\n\nДапісана.\n\n"));
    let err =
        t.ws.export_issue(
            week("2020-W21"),
            &dir.path().join("again.zip"),
            ExportOptions::default(),
            &mut |_| {},
        )
        .expect_err("the approved text changed");
    assert_eq!(err.kind(), ErrorKind::NotReady);
    assert_eq!(t.ws.log(inside).expect("log").len(), versions + 1);
}

#[test]
fn search_catches_up_with_the_whole_folder_once_per_open_workspace() {
    let rel = "2020-W20/army-reserve-call-up.be.md";
    // Edited while Galley was closed.
    let mut t = ready_w21().reopen_after(|root| {
        let text = std::fs::read_to_string(root.join(rel)).expect("read");
        std::fs::write(root.join(rel), text.replace("\n\n", "\n\nДапісана.\n\n")).expect("write");
    });
    let first = t.ws.catch_up_for(View::Search).expect("catch up");
    assert_eq!(first.recorded.len(), 1, "{:?}", first.recorded);
    assert_eq!(first.recorded[0].path, rel);
    // After that the watcher keeps history current; search does not walk the folder again.
    t.write(rel, &t.read(rel).replace("Дапісана.", "Дапісана двойчы."));
    let again = t.ws.catch_up_for(View::Search).expect("catch up");
    assert!(again.recorded.is_empty(), "{:?}", again.recorded);
    // A view of that week records the files it shows.
    let board =
        t.ws.catch_up_for(View::Issue(week("2020-W20")))
            .expect("catch up");
    assert_eq!(board.recorded.len(), 1);
}

/// How many files named like drafts the folder holds (outside `.galley`).
fn walkdir_drafts(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() && !name.starts_with('.') {
                walkdir_drafts(&e.path())
            } else {
                usize::from(name.ends_with(".md") && e.path().is_file())
            }
        })
        .sum()
}

#[test]
fn a_clones_first_look_claims_nothing_even_when_an_issue_was_caught_up_first() {
    let clone = tempfile::tempdir().expect("temp");
    copy_dir(&sample_drafts(), clone.path());
    // A text the team's journals do not name, there before this machine looked.
    let text = super::support::draft("z9extra001", "be", "Не наша", "Абзац.");
    std::fs::write(clone.path().join("2020-W20/not-ours.be.md"), &text).expect("write");
    let mut ws = Workspace::open(clone.path(), env("Alena")).expect("open the clone");
    assert!(!ws.records().is_empty(), "the samples keep records");

    ws.catch_up_for(View::Issue(week("2020-W21")))
        .expect("an issue first");
    let report = ws.record_all().expect("then the whole folder");
    assert!(report
        .recorded
        .iter()
        .any(|r| r.path == "2020-W20/not-ours.be.md"));
    let hash = galley_core::hash::ContentHash::of(text.as_bytes());
    assert!(
        ws.records().version("z9extra001", "be", &hash).is_none(),
        "this machine did not make that text"
    );
}

#[test]
fn the_library_view_is_newest_issue_first_with_each_languages_cell_and_editorial_state() {
    let clone = tempfile::tempdir().expect("temp");
    copy_dir(&sample_drafts(), clone.path());
    let mut ws = Workspace::open(clone.path(), env("Alena")).expect("open");
    let view = ws.library_view(None).expect("library");
    assert_eq!(view.pending, 0);
    let weeks: Vec<_> = view.entries.iter().map(|e| e.source.issue).collect();
    let mut newest_first = weeks.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(weeks, newest_first, "newest issue first, no issue last");
    let languages = ws.settings().languages.clone();
    for entry in &view.entries {
        let cells: Vec<&str> = entry.languages.iter().map(|c| c.lang.as_str()).collect();
        assert_eq!(
            cells, languages,
            "{}: one cell per language",
            entry.source.id
        );
        assert!(entry.versions.iter().any(|v| v.path == entry.source.path));
    }

    let id = view.entries[0].source.id.clone();
    assert!(view.entries[0].editorial.is_none());
    ws.set_editorial_status(&id, galley_core::records::EditorialStatus::InReview, None)
        .expect("to review");
    let view = ws.library_view(None).expect("library again");
    let entry = view
        .entries
        .iter()
        .find(|e| e.source.id == id)
        .expect("entry");
    assert_eq!(
        entry.editorial.as_ref().map(|e| e.status),
        Some(galley_core::records::EditorialStatus::InReview)
    );
    assert_eq!(
        ws.languages_in_use(Duration::from_secs(5))
            .expect("languages")[..languages.len()],
        languages[..]
    );
}
