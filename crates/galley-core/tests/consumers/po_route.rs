// The gettext PO route: the same jobs as XLIFF as PO files, round-tripped through
// translate-toolkit (a translator's edits merged with `pomerge`, tags checked by `pofilter`)
// and checked by gettext's `msgfmt --check`; markup survives as placeables, outdated units
// come fuzzy with the previous msgid. The tools are installed by scripts/setup; the tests
// fail, never skip, without them.

use super::xliff::assert_translated_with_markup;
use super::xliff_alignment::{
    body_paragraphs, outdated_job, repo_root, target_rel, Texts, BE_EN, EN_RU, ID,
};
use super::xliff_samples::{expect, fixture, job};
use galley_core::po::{self, Revision};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn revision() -> Revision {
    Revision {
        date: "2020-05-11 09:30+0000".to_string(),
        translator: "Taciana".to_string(),
    }
}

/// `msgfmt --check` on a PO text: gettext's own reading, header and format checks.
fn msgfmt_check(text: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("job.po");
    std::fs::write(&path, text).expect("write");
    let out = Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(&path)
        .output()
        .expect("msgfmt runs (gettext, installed by scripts/setup)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "msgfmt --check: {stderr}\n{text}"
    );
}

/// Runs tests/consumers/po_roundtrip.py on `text`; returns what translate-toolkit saw, how many
/// units pofilter flagged, and the merged file.
fn through_toolkit(text: &str, extra: &[&str]) -> (Vec<Value>, u64, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (input, output) = (dir.path().join("job.po"), dir.path().join("merged.po"));
    std::fs::write(&input, text).expect("write");
    let out = Command::new("python3")
        .arg(repo_root().join("tests/consumers/po_roundtrip.py"))
        .args([&input, &output])
        .args(extra)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "po_roundtrip.py (translate-toolkit is installed by scripts/setup): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let units = report["units"].as_array().expect("units").clone();
    let failures = report["pofilter_failures"].as_u64().expect("count");
    (
        units,
        failures,
        std::fs::read_to_string(Path::new(&output)).expect("merged"),
    )
}

#[test]
fn po_round_trip_through_translate_toolkit_keeps_markup() {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let text = po::export(&job, &revision()).expect("export");
    msgfmt_check(&text);
    assert!(text.contains("msgctxt \"p1\""), "{text}");
    let (seen, failures, merged) = through_toolkit(&text, &[]);
    assert_eq!(seen.len(), job.source.len());
    assert!(seen
        .iter()
        .all(|u| u["translated"] == false && u["fuzzy"] == false));
    assert_eq!(failures, 0, "pofilter found a lost tag");
    msgfmt_check(&merged);
    let translation = po::import(&merged, &expect(&job)).expect("Galley imports the merged file");
    assert_translated_with_markup(&job.source, &translation.units);
}

#[test]
fn a_dropped_tag_is_flagged_by_pofilter_and_refused_by_galley() {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let text = po::export(&job, &revision()).expect("export");
    let (_, failures, merged) = through_toolkit(&text, &["--drop-tag"]);
    assert_eq!(failures, 1);
    let error = po::import(&merged, &expect(&job))
        .expect_err("refused")
        .to_string();
    assert!(
        error.contains("the PO file job.xlf") && error.contains("is missing"),
        "{error}"
    );
}

#[test]
fn an_outdated_translation_comes_fuzzy_with_the_previous_msgid_and_catches_up() {
    for t in [&BE_EN, &EN_RU] {
        outdated_through_po(t);
    }
}

fn outdated_through_po(t: &Texts) {
    // C moved to the front, A stays, B edited, a paragraph added, D removed.
    let now = [t.base[2], t.base[0], t.edited_b, t.added];
    let (mut w, _) = outdated_job(t, &now);
    let export = w.ws.po_export(ID, t.target_lang).expect("export");
    let name = format!("{ID}.{}-{}.po", t.source_lang, t.target_lang);
    assert_eq!(export.file_name, name);
    msgfmt_check(&export.text);
    // D was removed: its translation is named in the header comments.
    let note = "# Paragraph 4 of the source the translation was made from was removed";
    assert!(export.text.contains(note) && export.text.contains(t.translation[3]));
    let (seen, failures, merged) = through_toolkit(&export.text, &[]);
    assert_eq!(failures, 0);
    let flags: Vec<(&str, bool, bool)> = seen
        .iter()
        .map(|u| {
            let id = u["id"].as_str().expect("id");
            (id, u["fuzzy"] == true, u["translated"] == true)
        })
        .collect();
    assert_eq!(
        flags,
        [
            ("title", false, true),
            ("lead", false, true),
            ("p1", false, true),
            ("p2", false, true),
            ("p3", true, false),
            ("p4", false, false),
        ]
    );
    assert_eq!(seen[4]["previous"], t.base[1]);
    assert!(seen
        .iter()
        .filter(|u| u["id"] != "p3")
        .all(|u| u["previous"].is_null()));
    msgfmt_check(&merged);

    let result = w.ws.po_import(&merged, "merged.po").expect("import");
    assert!(result.changed && result.caught_up, "{result:?}");
    let expected = [
        t.translation[2].to_uppercase(),
        t.translation[0].to_uppercase(),
        t.translation[1].to_uppercase(),
        t.added.to_uppercase(),
    ];
    assert_eq!(body_paragraphs(&w.read(&target_rel(t))), expected);
}

#[test]
fn an_unreviewed_fuzzy_unit_in_a_restructured_job_is_refused() {
    let t = &BE_EN;
    let (mut w, _) = outdated_job(t, &[t.base[2], t.base[0], t.edited_b, t.added]);
    let export = w.ws.po_export(ID, "en").expect("export");
    let before = w.read(&target_rel(t));
    let error =
        w.ws.po_import(&export.text, "job.po")
            .expect_err("refused")
            .to_string();
    assert!(error.contains("the PO file job.po"), "{error}");
    assert!(
        error.contains("`p3` (changed in the source") && error.contains("`p4` (new"),
        "{error}"
    );
    assert_eq!(w.read(&target_rel(t)), before);
}

#[test]
fn po_files_that_are_not_this_job_are_refused_with_a_reason() {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let text = po::export(&job, &revision()).expect("export");
    let refusal = |text: &str| {
        po::import(text, &expect(&job))
            .expect_err("refused")
            .to_string()
    };
    let other = text.replace("X-Galley-Commentary: ", "X-Galley-Commentary: x");
    assert!(refusal(&other).contains("not `"), "{}", refusal(&other));
    let moved = text.replace(
        "X-Galley-Source-Version: src-v3",
        "X-Galley-Source-Version: 2",
    );
    assert!(refusal(&moved).contains("moved on"));
    let extra = format!("{text}\nmsgctxt \"p99\"\nmsgid \"x\"\nmsgstr \"y\"\n");
    assert!(refusal(&extra).contains("`p99`"));
    let plural = format!("{text}\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n");
    assert!(refusal(&plural).contains("plural"));
}
