// `galley merge-driver`, the command git runs to merge drafts and issue files: driven directly
// with three files, and end to end through a real `git merge` in a temp repository.

use assert_cmd::Command;
use galley_core::conflict::find_markers;
use galley_core::draft::Draft;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

pub(super) const DRAFT_PATH: &str = "2020-W20/army-reform.en.md";

pub(super) fn draft(title: &str, paragraphs: &[&str]) -> String {
    format!(
        "---\nid: k7m2q9x4tz\ntitle: {title}\nlang: en\n---\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

pub(super) const BASE: [&str; 3] = [
    "The army reform stalls again as the ministry delays its plan.",
    "Reservists in the western districts are being called up.",
    "Refineries report lower margins for the third month.",
];

fn assert_valid_draft(text: &str) {
    assert!(find_markers(text).is_none(), "markers left: {text}");
    if let Err(e) = Draft::parse(Path::new("army-reform.en.md"), text.as_bytes()) {
        panic!("not a draft ({e}): {text}");
    }
}

/// Runs the driver on three files in a temp folder; returns its output and OURS afterwards.
pub(super) fn run_driver(
    kind: &str,
    path: &str,
    base: &str,
    ours: &str,
    theirs: &str,
) -> (Output, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = |name: &str, text: &str| {
        let at = dir.path().join(name);
        std::fs::write(&at, text).expect("write");
        at
    };
    let (base, ours, theirs) = (file("O", base), file("A", ours), file("B", theirs));
    let output = Command::cargo_bin("galley")
        .expect("galley binary")
        .current_dir(dir.path())
        .env_remove("GALLEY_WORKSPACE")
        .arg("merge-driver")
        .arg(kind)
        .args([&base, &ours, &theirs])
        .arg(path)
        .output()
        .expect("run");
    let merged = std::fs::read_to_string(&ours).expect("read ours");
    (output, merged)
}

#[test]
fn merge_driver_writes_a_clean_merge_into_ours_and_exits_0() {
    let ours = draft(
        "Army reform",
        &[BASE[0], "Reservists are being called up.", BASE[2]],
    );
    let theirs = draft(
        "Army reform stalls",
        &[BASE[0], BASE[1], "Refineries report losses."],
    );
    let (output, merged) = run_driver(
        "draft",
        DRAFT_PATH,
        &draft("Army reform", &BASE),
        &ours,
        &theirs,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        merged,
        draft(
            "Army reform stalls",
            &[
                BASE[0],
                "Reservists are being called up.",
                "Refineries report losses."
            ]
        )
    );
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn merge_driver_conflict_exits_1_keeps_a_valid_draft_and_reports_json() {
    let ours = draft(
        "Ours",
        &[BASE[0], "Reservists are called up in the west.", BASE[2]],
    );
    let theirs = draft(
        "Theirs",
        &[BASE[0], "Reservists are called up in the east.", "New."],
    );
    let (output, merged) = run_driver(
        "draft",
        DRAFT_PATH,
        &draft("Army reform", &BASE),
        &ours,
        &theirs,
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_valid_draft(&merged);
    assert_eq!(
        merged,
        draft(
            "Ours",
            &[BASE[0], "Reservists are called up in the west.", "New."]
        )
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    let report: Value = serde_json::from_str(lines[0]).expect("one JSON line");
    let conflict = &report["merge_conflict"];
    assert_eq!(conflict["kind"], "draft");
    assert_eq!(conflict["path"], DRAFT_PATH);
    assert_eq!(conflict["whole_file"], false);
    assert_eq!(conflict["fields"], serde_json::json!(["title"]));
    assert_eq!(conflict["paragraphs"][0]["merged_index"], 1);
    assert_eq!(
        conflict["paragraphs"][0]["theirs"],
        "Reservists are called up in the east."
    );
}

#[test]
fn merge_driver_merges_issue_files_by_structure() {
    let issue = |titles: &str| {
        format!(
            "# Weekly issue 2020-W20.\nstart = 2020-05-11\nend = 2020-05-17\n\n[title]\n{titles}"
        )
    };
    let (output, merged) = run_driver(
        "issue",
        "2020-W20/issue.toml",
        &issue("en = \"Week 20\"\n"),
        &issue("en = \"Week 20: reservists\"\n"),
        &issue("be = \"Тыдзень 20\"\nen = \"Week 20\"\n"),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        merged.contains("be = \"Тыдзень 20\"\nen = \"Week 20: reservists\"\n"),
        "{merged}"
    );
}

#[test]
fn merge_driver_takes_the_changed_side_of_files_that_are_not_text() {
    let base = "\u{0}binary";
    let (output, merged) = run_driver("draft", DRAFT_PATH, base, base, "\u{0}changed");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(merged, "\u{0}changed");
}

/// A git repository in a temp folder whose merges of drafts and issue files go through the
/// built `galley`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Tester"]);
        repo.git(&["config", "user.email", "tester@example.org"]);
        let galley = env!("CARGO_BIN_EXE_galley");
        for (name, kind) in [("galley-draft", "draft"), ("galley-issue", "issue")] {
            repo.git(&[
                "config",
                &format!("merge.{name}.driver"),
                &format!("'{galley}' merge-driver {kind} %O %A %B %P"),
            ]);
        }
        let attributes = repo.dir.path().join(".git/info/attributes");
        std::fs::create_dir_all(attributes.parent().expect("info folder")).expect("mkdir");
        std::fs::write(
            &attributes,
            "*.md merge=galley-draft\nissue.toml merge=galley-issue\n",
        )
        .expect("attributes");
        repo
    }

    fn git_output(&self, args: &[&str]) -> Output {
        std::process::Command::new("git")
            .current_dir(self.dir.path())
            .env_remove("GALLEY_WORKSPACE")
            .args(args)
            .output()
            .expect("run git")
    }

    fn git(&self, args: &[&str]) {
        let output = self.git_output(args);
        assert!(output.status.success(), "git {args:?}: {output:?}");
    }

    fn commit(&self, rel: &str, text: &str, message: &str) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).expect("read")
    }
}

#[test]
fn git_merge_through_the_driver_merges_paragraphs_and_never_leaves_markers() {
    let base = [
        BASE[0],
        BASE[1],
        BASE[2],
        "A fourth paragraph about prices in the capital.",
    ];
    let repo = Repo::new();
    repo.commit(DRAFT_PATH, &draft("Army reform", &base), "base");
    repo.git(&["checkout", "-q", "-b", "other"]);
    let rewrapped = "Refineries report lower margins\nfor the third month.";
    repo.commit(
        DRAFT_PATH,
        &draft(
            "Army reform",
            &[BASE[0], BASE[1], rewrapped, "Prices rose in the capital."],
        ),
        "theirs",
    );
    repo.git(&["checkout", "-q", "main"]);
    repo.commit(
        DRAFT_PATH,
        &draft(
            "Army reform",
            &["The army reform stalls.", BASE[1], BASE[2], base[3]],
        ),
        "ours",
    );

    repo.git(&["merge", "-q", "--no-edit", "other"]);
    let merged = repo.read(DRAFT_PATH);
    assert_eq!(
        merged,
        draft(
            "Army reform",
            &[
                "The army reform stalls.",
                BASE[1],
                rewrapped,
                "Prices rose in the capital."
            ]
        )
    );
    assert_valid_draft(&merged);

    // Now the same paragraph, changed differently on both branches.
    repo.git(&["checkout", "-q", "other"]);
    repo.git(&["merge", "-q", "--no-edit", "main"]);
    let theirs = merged.replace(BASE[1], "Reservists in the east are being called up.");
    repo.commit(DRAFT_PATH, &theirs, "theirs again");
    repo.git(&["checkout", "-q", "main"]);
    let ours = merged.replace(BASE[1], "Reservists in the west are being called up.");
    repo.commit(DRAFT_PATH, &ours, "ours again");

    let output = repo.git_output(&["merge", "--no-edit", "other"]);
    assert!(!output.status.success(), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("CONFLICT"),
        "{output:?}"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("merge_conflict"),
        "{output:?}"
    );
    let on_disk = repo.read(DRAFT_PATH);
    assert_valid_draft(&on_disk);
    assert_eq!(on_disk, ours);
    let status = repo.git_output(&["status", "--porcelain"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains(&format!("UU {DRAFT_PATH}")),
        "{status:?}"
    );
}
