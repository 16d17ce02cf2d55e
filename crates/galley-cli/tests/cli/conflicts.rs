// Conflicts through the CLI: `galley check` names each conflict (markers with both sides, a
// sync tool's copy with its original) and exits 1; `issue check` and `export` (also with
// `--only-complete`) refuse while one is left in the week and pass once it is resolved.

use super::export::ready_w21;
use super::support::Sample;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const KEY_RATE: &str = "2020-W21/key-rate-cut.be.md";
const COPY: &str = "2020-W21/key-rate-cut.be.sync-conflict-20200519-101112-7XQ2PZA.md";

fn read(sample: &Sample, rel: &str) -> String {
    std::fs::read_to_string(sample.root().join(rel)).expect("read")
}

fn write(sample: &Sample, rel: &str, text: &str) {
    std::fs::write(sample.root().join(rel), text).expect("write")
}

/// The text with `line` replaced by a conflict block between it and `theirs`.
fn with_markers(text: &str, line: &str, theirs: &str) -> String {
    assert!(text.contains(line), "{line:?}");
    text.replacen(
        line,
        &format!("<<<<<<< HEAD\n{line}\n=======\n{theirs}\n>>>>>>> hanna"),
        1,
    )
}

fn check_json(sample: &Sample) -> (Option<i32>, Value) {
    let out = sample
        .galley()
        .args(["check", "--json"])
        .output()
        .expect("run");
    let report = serde_json::from_slice(&out.stdout).expect("JSON");
    (out.status.code(), report)
}

#[test]
fn check_exits_1_naming_both_sides_of_a_conflict_in_a_body() {
    let sample = Sample::copy();
    let text = read(&sample, KEY_RATE);
    let paragraph = text.lines().rev().find(|l| !l.is_empty()).expect("a line");
    write(
        &sample,
        KEY_RATE,
        &with_markers(&text, paragraph, "Іншы тэкст."),
    );
    let (code, report) = check_json(&sample);
    assert_eq!(code, Some(1));
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "conflict_markers");
    let message = problems[0]["message"].as_str().expect("message");
    for part in [KEY_RATE, "`HEAD`", "`hanna`", "delete the marker lines"] {
        assert!(message.contains(part), "{part:?} not in {message}");
    }
    sample
        .galley()
        .arg("check")
        .assert()
        .code(1)
        .stdout(contains("All drafts are valid").not())
        .stdout(contains("`hanna`"));
}

#[test]
fn check_reports_a_sync_conflict_copy_with_its_original_and_no_new_id_advice() {
    let sample = Sample::copy();
    write(&sample, COPY, &read(&sample, KEY_RATE));
    let (code, report) = check_json(&sample);
    assert_eq!(code, Some(1));
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["kind"], "conflict_copy");
    let message = problems[0]["message"].as_str().expect("message");
    for part in [COPY, KEY_RATE, "Syncthing", "then delete the copy"] {
        assert!(message.contains(part), "{part:?} not in {message}");
    }
    assert!(!message.contains("new id"), "{message}");
    let listing = sample.json(&["list"]);
    let paths: Vec<&str> = listing["drafts"]
        .as_array()
        .expect("drafts")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(!paths.contains(&COPY), "{paths:?}");
}

#[test]
fn check_fails_naming_the_settings_file_when_it_has_conflict_markers() {
    let sample = Sample::copy();
    let rel = ".galley/settings.toml";
    let text = read(&sample, rel);
    let line = text
        .lines()
        .find(|l| l.starts_with("languages"))
        .expect("languages")
        .to_string();
    write(
        &sample,
        rel,
        &with_markers(&text, &line, "languages = [\"be\", \"en\"]"),
    );
    let out = sample.galley().arg("check").output().expect("run");
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for part in ["settings.toml, line", "`HEAD`", "`hanna`"] {
        assert!(stderr.contains(part), "{part:?} not in {stderr}");
    }
}

fn conflict_blockers(sample: &Sample) -> Vec<(String, String)> {
    let out = sample
        .galley()
        .args(["issue", "check", "2020-W21", "--json"])
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(out.status.success(), report["ready"] == true);
    report["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .flat_map(|l| l["blockers"].as_array().cloned().unwrap_or_default())
        .filter(|b| b["reason"] == "conflict")
        .map(|b| {
            (
                b["lang"].as_str().unwrap_or_default().to_string(),
                b["detail"]["file"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn issue_check_and_export_refuse_while_a_conflict_is_left_and_pass_once_it_is_resolved() {
    let sample = ready_w21();
    let issue_file = "2020-W21/issue.toml";
    let original = read(&sample, issue_file);
    let title = "en = \"Week 21: the key rate, gas and the border\"";
    let cases = [
        (COPY, read(&sample, KEY_RATE)),
        (
            issue_file,
            with_markers(&original, title, "en = \"Week 21\""),
        ),
    ];
    let dir = tempfile::tempdir().expect("temp");
    for (rel, text) in cases {
        write(&sample, rel, &text);
        let langs: Vec<(String, String)> = ["be", "ru", "en"]
            .iter()
            .map(|l| (l.to_string(), rel.to_string()))
            .collect();
        assert_eq!(conflict_blockers(&sample), langs);
        for extra in [&[][..], &["--only-complete"][..]] {
            let out = dir.path().join("refused.zip");
            sample
                .galley()
                .args(["export", "2020-W21", "--out"])
                .arg(&out)
                .args(extra)
                .assert()
                .code(1)
                .stderr(contains(rel));
            assert!(!out.exists());
        }
        // Resolved: the copy deleted, the issue file as it was.
        if rel == issue_file {
            write(&sample, rel, &original);
        } else {
            std::fs::remove_file(sample.root().join(rel)).expect("delete the copy");
        }
        assert_eq!(conflict_blockers(&sample), Vec::<(String, String)>::new());
    }
    sample
        .galley()
        .args(["export", "2020-W21", "--only-complete", "--out"])
        .arg(dir.path().join("w21.zip"))
        .assert()
        .success();
}
