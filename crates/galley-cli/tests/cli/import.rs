// `galley import --mapping` on an archive shaped like a migrating think tank's: trend
// sentences, bylines, section titles, leads as first paragraphs, publication dates; errors
// naming the source line once; a re-import after an edit in Galley; `check` warnings.

use super::support::Sample;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::path::Path;

const MAPPING: &str = r#"# Written once by the team: how our old site's words map onto Galley's.
lead = "first-paragraph"
authors = ["byline"]
author_separators = [", ", " and ", " и "]

[week]
key = "date"
date = "publication"

[trend]
improved = ["The situation has gotten better", "Ситуация улучшилась"]
unchanged = ["The situation has not changed", "Ситуация не изменилась"]
deteriorated = ["The situation has gotten worse", "Ситуация ухудшилась"]

[sections]
security = ["Security issues", "Вопросы безопасности"]
"#;

const EN: &str = "---
title: Army reform stalls
date: 2020-05-18
byline: Hanna Zhuk and Pavel Lysenka
trend: The situation has not changed
section: Security issues
category: analysis
---
The Ministry of Defence has said nothing new about the reform.

Parliament will return to it in autumn.
";

const RU: &str = "---
title: Реформа армии буксует
date: 2020-05-18
trend: Ситуация не изменилась
section: Вопросы безопасности
---
Министерство обороны ничего не сообщило о реформе.

Парламент вернётся к ней осенью.
";

fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(dir.path().join("2020")).expect("mkdir");
    std::fs::write(dir.path().join("2020/army-reform.en.md"), EN).expect("en");
    std::fs::write(dir.path().join("2020/army-reform.ru.md"), RU).expect("ru");
    std::fs::write(dir.path().join("mapping.toml"), MAPPING).expect("mapping");
    dir
}

fn workspace() -> Sample {
    let ws = Sample::empty();
    ws.galley().arg("init").assert().success();
    ws
}

fn import_args(archive: &Path) -> Vec<String> {
    vec![
        "import".into(),
        archive.join("2020").display().to_string(),
        "--mapping".into(),
        archive.join("mapping.toml").display().to_string(),
    ]
}

fn import_json(ws: &Sample, archive: &Path) -> serde_json::Value {
    let args = import_args(archive);
    ws.json(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn a_mapping_file_is_applied_and_reported_and_check_warns_of_what_is_still_missing() {
    let ws = workspace();
    let archive = archive();
    let report = import_json(&ws, archive.path());
    assert_eq!(report["imported"], 2, "{report:#}");
    let files = report["files"].as_array().expect("files");
    let en = files
        .iter()
        .find(|f| {
            f["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("army-reform.en.md"))
        })
        .expect("en");
    assert_eq!(en["path"], "2020-W20/army-reform.en.md");
    let notes: Vec<&str> = en["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    for expected in [
        "authors from `byline`",
        "trend `unchanged` from “The situation has not changed”",
        "section `security` from “Security issues”",
        "lead from the first paragraph",
        "keys Galley does not know, kept as they are: category",
    ] {
        assert!(notes.contains(&expected), "no `{expected}` in {notes:#?}");
    }
    let show = ws.json(&["show", "2020-W20/army-reform.en.md"]);
    assert_eq!(
        show["authors"],
        serde_json::json!(["Hanna Zhuk", "Pavel Lysenka"])
    );
    assert_eq!(show["trend"], "unchanged");
    assert_eq!(show["section"], "security");
    assert_eq!(
        show["lead"],
        "The Ministry of Defence has said nothing new about the reform."
    );
    assert_eq!(show["body"], "Parliament will return to it in autumn.\n");
    assert_eq!(
        ws.json(&["show", "2020-W20/army-reform.ru.md"])["trend"],
        "unchanged"
    );
    // The Russian version had no byline: check names it, and does not fail.
    ws.galley()
        .arg("check")
        .assert()
        .success()
        .stdout(contains(
            "warning: 2020-W20/army-reform.ru.md: no `authors`; fill it in before the week is published",
        ))
        .stdout(contains("All drafts are valid.").not());
    let check = ws.json(&["check"]);
    assert_eq!(check["ok"], true);
    assert_eq!(
        check["warnings"][0]["missing"],
        serde_json::json!(["authors"])
    );
}

#[test]
fn an_import_error_names_the_source_line_and_the_path_once() {
    let ws = workspace();
    let archive = archive();
    let bad = archive.path().join("2020/bad.en.md");
    std::fs::write(
        &bad,
        "---\ntitle: T\ndate: 2020-05-18\nsection: security\ntags: {a: b}\n---\nText.\n",
    )
    .expect("write");
    let args = import_args(archive.path());
    let output = ws.galley().args(&args).output().expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("failed"))
        .unwrap_or_else(|| panic!("no failure in {stdout}"));
    assert!(line.contains("line 5"), "{line}");
    assert_eq!(
        line.matches(&bad.display().to_string()).count(),
        1,
        "{line}"
    );
}

#[test]
fn reimport_after_an_edit_in_galley_reports_a_conflict_and_keeps_the_edit() {
    let ws = workspace();
    let archive = archive();
    import_json(&ws, archive.path());
    let path = "2020-W20/army-reform.en.md";
    let edited = std::fs::read_to_string(ws.root().join(path))
        .expect("read")
        .replace("in autumn", "in September");
    let new_text = archive.path().join("edited.md");
    std::fs::write(&new_text, &edited).expect("write");
    ws.galley()
        .args(["save", path, "--from"])
        .arg(&new_text)
        .assert()
        .success();
    std::fs::write(
        archive.path().join("2020/army-reform.en.md"),
        EN.replace("nothing new", "little"),
    )
    .expect("correct the archive");
    let args = import_args(archive.path());
    let output = ws.galley().args(&args).output().expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "conflict   {}",
            archive.path().join("2020/army-reform.en.md").display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "conflict: {path} was changed in Galley since it was imported"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("1 in conflict"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(ws.root().join(path)).expect("read"),
        edited
    );
    let log = ws.json(&["log", path]);
    let versions = log["versions"].as_array().expect("versions");
    assert_eq!(versions[1]["origin"], "import", "{log:#}");
    // The archive's text is in history: compared with the file, it has the correction.
    let diff = ws
        .galley()
        .args([
            "diff",
            path,
            &versions[1]["id"].to_string(),
            "--color",
            "never",
        ])
        .output()
        .expect("run");
    let diff = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff.contains("little") && diff.contains("September"),
        "{diff}"
    );
}

#[test]
fn a_mapping_with_a_mistake_is_refused_naming_the_file_and_line() {
    let ws = workspace();
    let archive = archive();
    std::fs::write(
        archive.path().join("mapping.toml"),
        "lead = \"first-paragraph\"\n\n[trend]\nbetter = [\"The situation has gotten better\"]\n",
    )
    .expect("write");
    let args = import_args(archive.path());
    ws.galley()
        .args(&args)
        .assert()
        .code(1)
        .stderr(contains("mapping.toml"))
        .stderr(contains("better"))
        .stderr(contains("(line 4)"));
    assert!(!ws.root().join("2020-W20").exists(), "nothing imported");
}
