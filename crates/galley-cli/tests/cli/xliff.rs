// `galley xliff export|import` and `galley po export|import` as a process on a copy of the
// sample workspace; the word counts they report, checked against translate-toolkit's pocount.

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
        .stdout(predicates::str::starts_with(
            "pxq253v3kb.be-en.xlf\nSource words: ",
        ));
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
        .stdout(predicates::str::starts_with(format!("{job}\n")));
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

/// pocount's word counts of a PO file: (translated, fuzzy, untranslated) source words.
fn pocount(path: &std::path::Path) -> (u64, u64, u64) {
    let out = std::process::Command::new("pocount")
        .arg("--csv")
        .arg(path)
        .output()
        .expect("pocount runs (translate-toolkit, installed by scripts/setup)");
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let row: Vec<&str> = lines.last().expect("a row").split(',').collect();
    let column = |name: &str| -> u64 {
        let at = header.iter().position(|h| *h == name).expect(name);
        row[at].trim().parse().expect("a number")
    };
    (
        column("Translated Source Words"),
        column("Fuzzy Source Words"),
        column("Untranslated Source Words"),
    )
}

#[test]
fn po_export_word_counts_match_pocount() {
    let sample = Sample::without_records();
    sample
        .galley()
        .args(["translate", "set", ID, "en", "done"])
        .assert()
        .success();
    let be = sample.root().join("2020-W20/army-reserve-call-up.be.md");
    let text = std::fs::read_to_string(&be).expect("read");
    let edited = text.replace(
        "Мы ацэньваем сітуацыю як пагаршэнне",
        "Мы ацэньваем сітуацыю як істотнае пагаршэнне",
    );
    std::fs::write(
        &be,
        edited.replace("\n\n[^1]", "\n\nНовы абзац пра зборы.\n\n[^1]"),
    )
    .expect("write");
    sample.galley().arg("record").assert().success();
    for (id, lang) in [(ID, "en"), ("y65qx5zuzq", "en")] {
        let path = sample.root().join(format!("{id}-{lang}.po"));
        let report = sample.json(&[
            "po",
            "export",
            id,
            lang,
            "--out",
            path.to_str().expect("path"),
        ]);
        let words = &report["words"];
        let (translated, fuzzy, untranslated) = pocount(&path);
        assert_eq!(words["unchanged"], translated, "{id} {lang}: {words}");
        assert_eq!(words["changed"], fuzzy, "{id} {lang}: {words}");
        assert_eq!(words["new"], untranslated, "{id} {lang}: {words}");
        assert!(
            words["to_translate"].as_u64() > Some(0),
            "{id} {lang}: {words}"
        );
    }
    // `translate status` quotes the same words for the outdated translation.
    let job = sample.root().join("job.xlf");
    let export = sample.json(&[
        "xliff",
        "export",
        ID,
        "en",
        "--out",
        job.to_str().expect("path"),
    ]);
    let grid = sample.json(&["translate", "status"]);
    let row = grid["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == ID)
        .expect("row");
    let en = row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["lang"] == "en")
        .expect("en");
    assert_eq!(
        en["changes"]["words"]["changed"], export["words"]["changed"],
        "{en}"
    );
    assert_eq!(
        en["changes"]["words"]["new"], export["words"]["new"],
        "{en}"
    );
    assert!(export["words"]["changed"].as_u64() > Some(0), "{export}");
    // pocount reads the XLIFF file the same way: approved units are translated, the rest
    // (changed ones for review, new ones with the source copied in) fuzzy.
    let (translated, fuzzy, untranslated) = pocount(&job);
    let words = &export["words"];
    assert_eq!(words["unchanged"], translated, "{words}");
    assert_eq!(words["to_translate"], fuzzy, "{words}");
    assert_eq!(untranslated, 0);
}

#[test]
fn po_export_then_import_of_a_new_language_creates_the_translation() {
    let sample = Sample::copy();
    let job = sample.root().join("job.po");
    let job_path = job.to_str().expect("path");
    let out = sample
        .galley()
        .args(["po", "export", "y65qx5zuzq", "en", "--out", job_path])
        .output()
        .expect("run");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        stdout.starts_with(&format!("{job_path}\nSource words: ")),
        "{stdout}"
    );
    assert!(stdout.contains("  title  new"), "{stdout}");
    let text = std::fs::read_to_string(&job).expect("read");
    let title = text.find("msgctxt \"title\"").expect("title entry");
    let empty = title + text[title..].find("msgstr \"\"").expect("empty msgstr");
    let translated = format!(
        "{}msgstr \"The nomination campaign opens\"{}",
        &text[..empty],
        &text[empty + "msgstr \"\"".len()..]
    );
    std::fs::write(&job, translated).expect("write");
    let imported = sample.json(&["po", "import", job_path]);
    assert_eq!(imported["created"], true);
    let path = sample.root().join(imported["path"].as_str().expect("path"));
    let written = std::fs::read_to_string(path).expect("the new translation");
    assert!(
        written.contains("title: The nomination campaign opens"),
        "{written}"
    );
    assert!(written.contains("translation_of: be"), "{written}");
}
