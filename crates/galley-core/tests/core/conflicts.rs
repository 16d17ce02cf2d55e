// Conflicts are never content: git's conflict markers (in a body, in front matter, in
// issue.toml, in settings.toml, from a real `git merge`) and sync tools' conflict copies
// (Syncthing, Dropbox, Nextcloud/ownCloud, Google Drive) are reported as conflicts, never
// recorded, indexed, listed or published, never called a duplicate id, and block export
// until resolved.

use super::export::ready_w21;
use super::support::{draft, TempWorkspace};
use galley_core::draft::{Draft, IsoWeek};
use galley_core::issue::Reason;
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{ExportOptions, Workspace};
use galley_core::Error;
use galley_core::ErrorKind;
use std::path::Path;
use std::process::Command;

const W21: &str = "2020-W21";
const KEY_RATE: &str = "2020-W21/key-rate-cut.be.md";

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

fn messages(problems: &[Error]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

fn assert_no_new_id_advice(problems: &[Error]) {
    for message in messages(problems) {
        assert!(!message.contains("new id"), "{message}");
    }
}

fn hits(ws: &Workspace, query: &str) -> Vec<String> {
    ws.search(&SearchRequest {
        query: query.into(),
        filters: Filters::default(),
        limit: 0,
    })
    .expect("search")
    .into_iter()
    .map(|h| h.path)
    .collect()
}

/// Wraps `line` of `text` (which must contain it) in a conflict block against `theirs`.
fn conflicted(text: &str, line: &str, theirs: &str, branch: &str) -> String {
    assert!(text.contains(line), "{line:?} not in the text");
    text.replacen(
        line,
        &format!("<<<<<<< HEAD\n{line}\n=======\n{theirs}\n>>>>>>> {branch}"),
        1,
    )
}

fn export_refusal(t: &mut TempWorkspace, only_complete: bool) -> Error {
    let out = t
        .root()
        .join("exports")
        .join(format!("{only_complete}.zip"));
    let err =
        t.ws.export_issue(
            week(W21),
            &out,
            ExportOptions { only_complete },
            &mut |_| {},
        )
        .expect_err("export refuses while a conflict is left");
    assert!(!out.exists(), "nothing is written");
    err
}

/// Every language of week 21 has a conflict blocker naming `file` (and `copy_of`), and export
/// refuses with and without `--only-complete`.
fn assert_week_blocked(t: &mut TempWorkspace, file: &str, copy_of: Option<&str>) {
    let readiness = t.ws.issue_readiness(week(W21)).expect("readiness");
    assert!(!readiness.is_ready());
    for language in &readiness.languages {
        let blocker = language
            .blockers
            .iter()
            .find(|b| matches!(&b.reason, Reason::Conflict { file: f, .. } if f == file))
            .unwrap_or_else(|| panic!("{} has no conflict blocker: {language:#?}", language.lang));
        assert_eq!(
            blocker.reason,
            Reason::Conflict {
                file: file.into(),
                copy_of: copy_of.map(str::to_string),
            }
        );
        assert_eq!(blocker.reason.kind(), "conflict");
        assert!(
            blocker.what_to_do().contains(file),
            "{}",
            blocker.what_to_do()
        );
    }
    for only_complete in [false, true] {
        let err = export_refusal(t, only_complete);
        assert_eq!(err.kind(), ErrorKind::NotReady, "{err}");
        assert!(err.to_string().contains(file), "{err}");
    }
}

fn assert_week_exports(t: &mut TempWorkspace) {
    let readiness = t.ws.issue_readiness(week(W21)).expect("readiness");
    assert!(readiness.is_ready(), "{readiness:#?}");
    let out = t.root().join("exports/w21.zip");
    let report =
        t.ws.export_issue(
            week(W21),
            &out,
            ExportOptions {
                only_complete: true,
            },
            &mut |_| {},
        )
        .expect("export once the conflict is resolved");
    assert_eq!(report.published.len(), 3);
}

// ---------------------------------------------------------------------------------------
// Markers in a draft

#[test]
fn a_body_with_conflict_markers_is_refused_naming_the_line_and_both_sides() {
    let text = conflicted(
        &draft("k7m2q9x4tz", "en", "Army reform", "Ours paragraph."),
        "Ours paragraph.",
        "Theirs paragraph.",
        "hanna-edits",
    );
    let err = Draft::parse(Path::new("2020-W20/army.en.md"), text.as_bytes())
        .expect_err("markers are refused");
    assert_eq!(err.kind(), ErrorKind::ConflictMarkers);
    let message = err.to_string();
    for part in [
        "2020-W20/army.en.md, line 11",
        "`HEAD`",
        "`hanna-edits`",
        "keep one, and delete the marker lines",
    ] {
        assert!(message.contains(part), "{part:?} not in {message}");
    }
}

#[test]
fn a_conflict_in_front_matter_is_a_conflict_not_a_yaml_error() {
    let text = conflicted(
        &draft("k7m2q9x4tz", "en", "Army reform", "Body."),
        "title: Army reform",
        "title: Army reform stalls",
        "origin/main",
    );
    let err =
        Draft::parse(Path::new("army.en.md"), text.as_bytes()).expect_err("markers are refused");
    assert!(
        matches!(&err, Error::ConflictMarkers { line: 3, ours, theirs, .. }
            if ours == "HEAD" && theirs == "origin/main"),
        "{err:?}"
    );
}

#[test]
fn a_setext_heading_underline_is_text_not_a_conflict() {
    let text = draft("k7m2q9x4tz", "en", "T", "Heading\n=======\n\nBody.");
    let parsed = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect("parses");
    assert!(parsed.body().contains("=======\n"));
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(["-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("run git")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_real_git_merge_conflict_is_reported_never_recorded_and_keeps_the_commentary_listed() {
    let mut t = TempWorkspace::new();
    let rel = "2020-W20/army.en.md";
    let base = draft(
        "k7m2q9x4tz",
        "en",
        "Army reform",
        "Reservists are called up.",
    );
    t.write(rel, &base);
    t.ws.record_all().expect("record");
    let root = t.root();
    git_ok(&root, &["init", "-q"]);
    git_ok(&root, &["checkout", "-q", "-b", "main"]);
    git_ok(&root, &["add", "-A"]);
    git_ok(&root, &["commit", "-q", "-m", "base"]);
    git_ok(&root, &["checkout", "-q", "-b", "hanna"]);
    t.write(
        rel,
        &base.replace("are called up", "are called up in the west"),
    );
    git_ok(&root, &["commit", "-q", "-am", "hanna"]);
    git_ok(&root, &["checkout", "-q", "main"]);
    t.write(
        rel,
        &base.replace("are called up", "were quietly zyxwarble called up"),
    );
    git_ok(&root, &["commit", "-q", "-am", "alena"]);
    let merge = git(&root, &["merge", "hanna"]);
    assert!(!merge.status.success(), "the merge conflicts");
    assert!(t.read(rel).contains("<<<<<<< HEAD\n"), "{}", t.read(rel));

    let head_before = t.ws.history().head("k7m2q9x4tz", "en").expect("head");
    let report = t.ws.record_all().expect("record");
    assert!(report.recorded.is_empty(), "{:?}", report.recorded);
    assert!(
        matches!(&report.problems[..], [Error::ConflictMarkers { path, ours, theirs, .. }]
            if path == Path::new(rel) && ours == "HEAD" && theirs == "hanna"),
        "{:?}",
        report.problems
    );
    let head_after = t.ws.history().head("k7m2q9x4tz", "en").expect("head");
    assert_eq!(
        head_before.map(|v| v.id),
        head_after.as_ref().map(|v| v.id),
        "no version recorded"
    );
    assert!(
        head_after.and_then(|v| v.hash).is_some(),
        "not taken as deleted"
    );

    let problems = t.ws.check().expect("check");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let message = problems[0].to_string();
    assert!(
        message.contains("`HEAD`") && message.contains("`hanna`"),
        "{message}"
    );
    assert_no_new_id_advice(&problems);

    let listing = t.ws.list().expect("list");
    let listed = listing
        .drafts
        .iter()
        .find(|d| d.path == rel)
        .expect("listed");
    assert!(listed.in_conflict);
    assert_eq!(listed.id, "k7m2q9x4tz");
    assert!(
        hits(&t.ws, "zyxwarble").is_empty(),
        "the conflicted text is not indexed"
    );
    assert!(t.ws.read(rel).is_err(), "reading it refuses");
}

#[test]
fn a_translation_keeps_its_source_while_the_source_is_in_conflict() {
    let mut t = TempWorkspace::new();
    let source = draft(
        "k7m2q9x4tz",
        "en",
        "Army reform",
        "Reservists are called up.",
    );
    t.write("2020-W20/army.en.md", &source);
    let translation = draft(
        "k7m2q9x4tz",
        "be",
        "Армейская рэформа",
        "Рэзервістаў заклікаюць.",
    )
    .replace("lang: be\n", "lang: be\ntranslation_of: en\n");
    t.write("2020-W20/army.be.md", &translation);
    t.ws.record_all().expect("record");
    t.write(
        "2020-W20/army.en.md",
        &conflicted(
            &source,
            "Reservists are called up.",
            "Reservists stay home.",
            "b",
        ),
    );
    let grid = t.ws.translation_grid(None).expect("grid");
    let row = grid
        .rows
        .iter()
        .find(|r| r.id == "k7m2q9x4tz")
        .expect("row");
    assert_eq!(row.source_lang.as_deref(), Some("en"));
    let be = row.cells.iter().find(|c| c.lang == "be").expect("be cell");
    assert!(be.status.is_some(), "{be:?}");
    let problems = messages(&grid.problems);
    assert!(
        problems.iter().all(|p| !p.contains("has no en version")),
        "{problems:?}"
    );
    assert!(
        grid.problems
            .iter()
            .any(|p| p.kind() == ErrorKind::ConflictMarkers),
        "{problems:?}"
    );
    let listing = t.ws.list().expect("list");
    let en = listing.drafts.iter().find(|d| d.lang == "en").expect("en");
    assert!(en.in_conflict);
    let be = listing.drafts.iter().find(|d| d.lang == "be").expect("be");
    assert!(!be.in_conflict);
}

#[test]
fn a_draft_with_markers_blocks_its_week_until_resolved() {
    let mut t = ready_w21();
    let original = t.read(KEY_RATE);
    t.write(
        KEY_RATE,
        &conflicted(&original, "issue: 2020-W21", "issue: 2020-W22", "feature"),
    );
    assert_week_blocked(&mut t, KEY_RATE, None);
    t.write(KEY_RATE, &original);
    assert_week_exports(&mut t);
}

// ---------------------------------------------------------------------------------------
// Markers in issue.toml and settings.toml

#[test]
fn an_issue_file_with_markers_is_reported_by_check_and_blocks_its_week_until_resolved() {
    let mut t = ready_w21();
    let rel = "2020-W21/issue.toml";
    let original = t.read(rel);
    let title = "en = \"Week 21: the key rate, gas and the border\"";
    t.write(
        rel,
        &conflicted(&original, title, "en = \"Week 21: rates and gas\"", "pavel"),
    );
    let problems = t.ws.check().expect("check");
    assert!(
        matches!(&problems[..], [Error::ConflictMarkers { path, line: 9, ours, theirs }]
            if path == Path::new(rel) && ours == "HEAD" && theirs == "pavel"),
        "{problems:?}"
    );
    let err =
        t.ws.issue(week(W21))
            .expect_err("loading the issue file refuses");
    assert_eq!(err.kind(), ErrorKind::ConflictMarkers);
    assert_week_blocked(&mut t, rel, None);
    t.write(rel, &original);
    assert!(t.ws.check().expect("check").is_empty());
    assert_week_exports(&mut t);
}

#[test]
fn a_settings_file_with_markers_refuses_to_open_naming_the_file_and_both_sides() {
    let t = TempWorkspace::new();
    let root = t.root();
    let settings = root.join(".galley/settings.toml");
    let text = std::fs::read_to_string(&settings).expect("settings");
    let line = text
        .lines()
        .find(|l| l.starts_with("languages"))
        .expect("languages line")
        .to_string();
    std::fs::write(
        &settings,
        conflicted(&text, &line, "languages = [\"be\", \"ru\"]", "origin/main"),
    )
    .expect("write");
    let err = galley_core::settings::Settings::load(&settings).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::ConflictMarkers);
    let message = err.to_string();
    assert!(message.contains("settings.toml, line"), "{message}");
    assert!(message.contains("`origin/main`"), "{message}");
    drop(t.ws);
    let opened = Workspace::open(&root, super::support::env("Alena"));
    assert_eq!(
        opened.err().map(|e| e.kind()),
        Some(ErrorKind::ConflictMarkers)
    );
}

// ---------------------------------------------------------------------------------------
// Sync tools' conflict copies

/// A copy of the key-rate commentary (same id, an edited body) named `copy`, made by `tool`:
/// reported as a conflict by record, the watcher's paths and check, never recorded, listed,
/// indexed or called a duplicate; blocks week 21 until deleted.
fn a_conflict_copy_is_a_conflict_not_a_draft(copy: &str, tool: &str) {
    let mut t = ready_w21();
    let rel = format!("{W21}/{copy}");
    let text = t
        .read(KEY_RATE)
        .replace("\n\n", "\n\nQuxbarfoo copyword.\n\n");
    t.write(&rel, &text);

    let report = t.ws.record_all().expect("record");
    assert!(report.recorded.is_empty(), "{:?}", report.recorded);
    let watched =
        t.ws.record_paths(&[t.root().join(&rel)])
            .expect("record the watcher's path");
    assert!(watched.recorded.is_empty());
    let problems = t.ws.check().expect("check");
    for problems in [&report.problems, &watched.problems, &problems] {
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].kind(), ErrorKind::ConflictCopy);
        let message = problems[0].to_string();
        for part in [rel.as_str(), KEY_RATE, tool, "then delete the copy"] {
            assert!(message.contains(part), "{part:?} not in {message}");
        }
        assert_no_new_id_advice(problems);
    }
    assert!(
        t.ws.history()
            .known_files()
            .expect("known")
            .iter()
            .all(|k| k.path != rel),
        "the copy is not a known file"
    );
    let listing = t.ws.list().expect("list");
    assert!(listing.drafts.iter().all(|d| d.path != rel));
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    assert!(
        hits(&t.ws, "Quxbarfoo").is_empty(),
        "the copy is not indexed"
    );

    assert_week_blocked(&mut t, &rel, Some(KEY_RATE));
    std::fs::remove_file(t.root().join(&rel)).expect("delete the copy");
    assert!(t.ws.check().expect("check").is_empty());
    assert_week_exports(&mut t);
}

#[test]
fn a_syncthing_conflict_copy_is_a_conflict_not_a_draft() {
    a_conflict_copy_is_a_conflict_not_a_draft(
        "key-rate-cut.be.sync-conflict-20200519-101112-7XQ2PZA.md",
        "Syncthing",
    );
}

#[test]
fn a_dropbox_conflicted_copy_is_a_conflict_not_a_draft() {
    a_conflict_copy_is_a_conflict_not_a_draft(
        "key-rate-cut.be (Hanna’s conflicted copy 2020-05-19).md",
        "Dropbox",
    );
}

#[test]
fn a_nextcloud_conflicted_copy_is_a_conflict_not_a_draft() {
    a_conflict_copy_is_a_conflict_not_a_draft(
        "key-rate-cut.be (conflicted copy 2020-05-19 101112).md",
        "Nextcloud or ownCloud",
    );
}

#[test]
fn an_owncloud_conflict_copy_is_a_conflict_not_a_draft() {
    a_conflict_copy_is_a_conflict_not_a_draft(
        "key-rate-cut.be_conflict-20200519-101112.md",
        "Nextcloud or ownCloud",
    );
}

#[test]
fn a_google_drive_numbered_copy_is_a_conflict_not_a_draft() {
    a_conflict_copy_is_a_conflict_not_a_draft("key-rate-cut.be (1).md", "Google Drive");
}

#[test]
fn conflict_copies_of_issue_and_settings_files_are_reported_by_check() {
    let mut t = ready_w21();
    let issue_copy = "2020-W21/issue (Hanna's conflicted copy).toml";
    let settings_copy = ".galley/settings.sync-conflict-20200519-101112-7XQ2PZA.toml";
    t.write(issue_copy, &t.read("2020-W21/issue.toml"));
    t.write(settings_copy, &t.read(".galley/settings.toml"));
    let problems = t.ws.check().expect("check");
    let found: Vec<(String, String)> = problems
        .iter()
        .filter_map(|p| match p {
            Error::ConflictCopy { path, original, .. } => Some((
                path.to_string_lossy().into_owned(),
                original.to_string_lossy().into_owned(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (issue_copy.to_string(), "2020-W21/issue.toml".to_string()),
            (
                settings_copy.to_string(),
                ".galley/settings.toml".to_string()
            ),
        ]
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_week_blocked(&mut t, issue_copy, Some("2020-W21/issue.toml"));
}
