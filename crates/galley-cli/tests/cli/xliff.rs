// `galley xliff export|import` as a process on a copy of the sample workspace.

use super::support::Sample;
use predicates::str::contains;

const ID: &str = "pxq253v3kb";
const EN: &str = "2020-W20/army-reserve-call-up.en.md";

#[test]
fn export_writes_the_job_file_in_the_current_folder_and_prints_its_path() {
    let sample = Sample::copy();
    let here = tempfile::tempdir().expect("temp dir");
    sample
        .galley()
        .current_dir(here.path())
        .args(["xliff", "export", ID, "en"])
        .assert()
        .success()
        .stdout("pxq253v3kb.be-en.xlf\n");
    let xml = std::fs::read_to_string(here.path().join("pxq253v3kb.be-en.xlf")).expect("file");
    assert!(xml.contains("target-language=\"en\""));
}

#[test]
fn export_to_stdout_then_edited_import_records_a_version_by_the_translator() {
    let sample = Sample::copy();
    let out = sample
        .galley()
        .args(["xliff", "export", ID, "en", "--out", "-"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(xml.starts_with("<?xml"));
    assert_eq!(
        xml.matches("twice as many").count(),
        1,
        "only the target has English"
    );
    let edited = sample.root().join("job.xlf");
    std::fs::write(&edited, xml.replace("twice as many", "double the number")).expect("write");
    let before = std::fs::read_to_string(sample.root().join(EN)).expect("read");

    let imported = sample.json(&["xliff", "import", edited.to_str().expect("path")]);

    assert_eq!(imported["changed"], true);
    assert_eq!(imported["created"], false);
    assert_eq!(imported["path"], EN);
    assert_eq!(imported["commentary"], ID);
    assert_eq!(imported["source_lang"], "be");
    assert_eq!(imported["target_lang"], "en");
    assert_eq!(imported["version"]["author"], "Tester");
    assert_eq!(
        std::fs::read_to_string(sample.root().join(EN)).expect("read"),
        before.replace("twice as many", "double the number")
    );
}

#[test]
fn import_without_edits_prints_no_changes() {
    let sample = Sample::copy();
    let job = sample.root().join("job.xlf");
    let job = job.to_str().expect("path");
    sample
        .galley()
        .args(["xliff", "export", ID, "ru", "--out", job])
        .assert()
        .success()
        .stdout(format!("{job}\n"));
    let before = sample.snapshot();
    sample
        .galley()
        .args(["xliff", "import", job])
        .assert()
        .success()
        .stdout("No changes.\n");
    assert_eq!(sample.snapshot(), before);
}

#[test]
fn import_of_a_job_whose_source_moved_on_fails_and_changes_nothing() {
    let sample = Sample::copy();
    let job = sample.root().join("job.xlf");
    let job = job.to_str().expect("path");
    sample
        .galley()
        .args(["xliff", "export", ID, "en", "--out", job])
        .assert()
        .success();
    let be = sample.root().join("2020-W20/army-reserve-call-up.be.md");
    let text = std::fs::read_to_string(&be).expect("read");
    std::fs::write(&be, text.replace("прызыў з запасу", "прызыў")).expect("write");
    sample.galley().arg("record").assert().success();
    let before = sample.snapshot();
    sample
        .galley()
        .args(["xliff", "import", job])
        .assert()
        .code(1)
        .stderr(contains("moved on"));
    assert_eq!(sample.snapshot(), before);
}

/// The case: after the source's first paragraph moved down and its fourth changed,
/// the export pairs each unit with its own paragraph's translation and asks for review of the
/// changed one; importing it unreviewed is refused, reviewed it catches the translation up.
#[test]
fn an_outdated_translation_is_exported_along_the_paragraph_map() {
    let sample = Sample::without_records();
    sample
        .galley()
        .args(["translate", "set", ID, "en", "done"])
        .assert()
        .success();
    let be = sample.root().join("2020-W20/army-reserve-call-up.be.md");
    let text = std::fs::read_to_string(&be).expect("read");
    let (front, body) = text.split_at(text.find("\n\n").expect("body") + 2);
    let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
    paragraphs.swap(0, 1);
    paragraphs[3] = paragraphs[3].replace("як пагаршэнне", "як істотнае пагаршэнне");
    std::fs::write(&be, format!("{front}{}", paragraphs.join("\n\n"))).expect("write");
    sample.galley().arg("record").assert().success();

    let out = sample
        .galley()
        .args(["xliff", "export", ID, "en", "--out", "-"])
        .output()
        .expect("run");
    let xml = String::from_utf8(out.stdout).expect("UTF-8");
    let unit = |id: &str| {
        let at = xml.find(&format!("<trans-unit id=\"{id}\"")).expect("unit");
        xml[at..at + xml[at..].find("</trans-unit>").expect("end")].to_string()
    };
    assert!(unit("p1").contains("<target state=\"final\">Calling up reservists"));
    assert!(unit("p2").contains("<target state=\"final\">Last week the military"));
    let p4 = unit("p4");
    assert!(
        p4.contains("<target state=\"needs-review-translation\">We assess"),
        "{p4}"
    );
    assert!(
        p4.contains("<alt-trans alttranstype=\"previous-version\""),
        "{p4}"
    );
    assert!(p4.contains("як пагаршэнне"), "the previous source: {p4}");

    let job = sample.root().join("job.xlf");
    std::fs::write(&job, &xml).expect("write");
    let before = sample.snapshot();
    sample
        .galley()
        .args(["xliff", "import", job.to_str().expect("path")])
        .assert()
        .code(1)
        .stderr(contains("`p4` (changed in the source"));
    assert_eq!(sample.snapshot(), before);

    let reviewed = xml.replace("state=\"needs-review-translation\"", "state=\"translated\"");
    std::fs::write(&job, reviewed).expect("write");
    sample
        .galley()
        .args(["xliff", "import", job.to_str().expect("path")])
        .assert()
        .success()
        .stdout(contains("up to date with the be source again"));
    let en = std::fs::read_to_string(sample.root().join(EN)).expect("read");
    let en_body = &en[en.find("\n---\n").expect("front matter") + 5..];
    assert!(
        en_body.trim_start().starts_with("Calling up reservists"),
        "{en_body}"
    );
    let grid = sample.json(&["translate", "status"]);
    let row = grid["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == ID)
        .expect("row");
    let cell = row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["lang"] == "en")
        .expect("en");
    assert_eq!(cell["outdated"], false, "{cell}");
}
