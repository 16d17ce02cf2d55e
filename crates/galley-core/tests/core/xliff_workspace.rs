// XLIFF through the workspace, on a copy of the sample drafts: export, edit a target in the
// file, import as a version by the translator; identity round trips record nothing; a job for
// a language with no file creates it; refusals (source moved on, unrecorded edits, another
// commentary or language) leave the folder and history as they were.

use super::support::{copy_dir, env, sample_drafts, TempWorkspace};
use galley_core::records::TranslationStatus;
use galley_core::workspace::Workspace;
use std::collections::BTreeMap;
use std::path::PathBuf;

const ARMY: &str = "pxq253v3kb";
const ARMY_BE: &str = "2020-W20/army-reserve-call-up.be.md";
const ARMY_EN: &str = "2020-W20/army-reserve-call-up.en.md";
const NOMINATION: &str = "y65qx5zuzq";
const NOMINATION_EN: &str = "2020-W20/nomination-campaign-opens.en.md";

/// The sample drafts, recorded by Alena; then the workspace is reopened for the translator.
fn samples() -> TempWorkspace {
    let mut t = TempWorkspace::new();
    let drafts = sample_drafts();
    for week in ["2020-W20", "2020-W21"] {
        copy_dir(&drafts.join(week), &t.root().join(week));
    }
    t.ws.record_all().expect("record");
    t.ws = Workspace::open(&t.root(), env("Taciana")).expect("reopen");
    t
}

/// Every file outside `.galley`, every draft's log and every status: what a refusal must not
/// change.
#[derive(Debug, PartialEq)]
struct Snapshot {
    files: BTreeMap<PathBuf, Vec<u8>>,
    logs: BTreeMap<String, Vec<(i64, String)>>,
    statuses: Vec<(String, String, String)>,
}

fn snapshot(t: &TempWorkspace) -> Snapshot {
    let mut files = BTreeMap::new();
    let mut pending = vec![t.root()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.ends_with(".galley") {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                let rel = path.strip_prefix(t.root()).expect("inside").to_path_buf();
                files.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut logs = BTreeMap::new();
    for rel in files
        .keys()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let rel = rel.to_string_lossy().replace('\\', "/");
        let log = t.ws.log(&rel).expect("log");
        logs.insert(rel, log.into_iter().map(|v| (v.id, v.author)).collect());
    }
    let statuses =
        t.ws.records()
            .statuses()
            .map(|e| (e.draft_id.clone(), e.lang.clone(), e.id.clone()))
            .collect();
    Snapshot {
        files,
        logs,
        statuses,
    }
}

/// The content of unit `unit`'s `<target>` element (its start tag excluded).
fn target_range(xml: &str, unit: &str) -> std::ops::Range<usize> {
    let at = xml
        .find(&format!("<trans-unit id=\"{unit}\""))
        .expect("unit in file");
    let open = at + xml[at..].find("<target").expect("target");
    let start = open + xml[open..].find('>').expect("tag end") + 1;
    let end = start + xml[start..].find("</target>").expect("target end");
    start..end
}

/// `xml` with `old` replaced by `new` inside unit `unit`'s target (exactly once there).
fn edit_target(xml: &str, unit: &str, old: &str, new: &str) -> String {
    let range = target_range(xml, unit);
    let target = &xml[range.clone()];
    assert_eq!(target.matches(old).count(), 1, "`{old}` once in {unit}");
    format!(
        "{}{}{}",
        &xml[..range.start],
        target.replace(old, new),
        &xml[range.end..]
    )
}

#[test]
fn edited_target_becomes_a_version_by_the_translator_with_markup_intact() {
    let mut t = samples();
    let before = t.read(ARMY_EN);
    let versions_before = t.ws.log(ARMY_EN).expect("log").len();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    assert_eq!(export.file_name, "pxq253v3kb.be-en.xlf");
    let xml = edit_target(&export.xml, "p1", "twice as many", "double the number");

    let imported = t.ws.xliff_import(&xml, &export.file_name).expect("import");

    assert!(imported.changed && !imported.created);
    assert_eq!(imported.path, ARMY_EN);
    assert_eq!(
        t.read(ARMY_EN),
        before.replace("twice as many", "double the number"),
        "only the edited words changed; emphasis, footnote and links are intact"
    );
    let log = t.ws.log(ARMY_EN).expect("log");
    assert_eq!(log.len(), versions_before + 1);
    assert_eq!(log[0].author, "Taciana");
    assert_eq!(Some(log[0].id), imported.version.map(|v| v.id));
    let status = t.ws.records().status(ARMY, "en").cloned();
    assert_eq!(
        status.map(|e| e.status),
        Some(TranslationStatus::InProgress),
        "a translation with no status gets in progress"
    );
}

#[test]
fn import_keeps_a_status_that_was_set() {
    let mut t = samples();
    t.ws.set_translation_status(ARMY, "en", TranslationStatus::Done, None)
        .expect("done");
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    assert!(
        export.xml.contains("state=\"final\""),
        "done exports as final"
    );
    let xml = edit_target(&export.xml, "p2", "routine", "ordinary");
    t.ws.xliff_import(&xml, &export.file_name).expect("import");
    let status = t.ws.records().status(ARMY, "en").cloned();
    assert_eq!(status.map(|e| e.status), Some(TranslationStatus::Done));
}

#[test]
fn export_then_import_without_edits_records_nothing() {
    let mut t = samples();
    for (id, lang) in [(ARMY, "en"), (ARMY, "ru"), (NOMINATION, "en")] {
        let export = t.ws.xliff_export(id, lang).expect("export");
        let before = snapshot(&t);
        let imported =
            t.ws.xliff_import(&export.xml, &export.file_name)
                .expect("import");
        assert!(!imported.changed, "{id} {lang}");
        assert_eq!(snapshot(&t), before, "{id} {lang}");
    }
    assert!(!t.root().join(NOMINATION_EN).exists());
}

#[test]
fn import_for_a_language_without_file_creates_the_translation() {
    let mut t = samples();
    let export = t.ws.xliff_export(NOMINATION, "en").expect("export");
    assert!(!export.xml.contains("state=\"translated\""));
    let title = target_range(&export.xml, "title");
    let xml = format!(
        "{}Nomination campaign opens{}",
        &export.xml[..title.start],
        &export.xml[title.end..]
    );

    let imported = t.ws.xliff_import(&xml, &export.file_name).expect("import");

    assert!(imported.created && imported.changed);
    assert_eq!(imported.path, NOMINATION_EN);
    let draft = t.ws.read(NOMINATION_EN).expect("new file parses");
    assert_eq!(draft.front().title, "Nomination campaign opens");
    assert_eq!(draft.front().lang, "en");
    assert_eq!(draft.front().translation_of.as_deref(), Some("be"));
    assert_eq!(draft.front().lead, "", "untranslated units stay empty");
    let be_head =
        t.ws.log("2020-W20/nomination-campaign-opens.be.md")
            .expect("log")[0]
            .hash;
    let status = t.ws.records().status(NOMINATION, "en").cloned();
    let status = status.expect("a status");
    assert_eq!(status.status, TranslationStatus::InProgress);
    assert_eq!(status.base, be_head);
    assert_eq!(t.ws.log(NOMINATION_EN).expect("log")[0].author, "Taciana");
}

#[test]
fn import_is_refused_when_the_source_moved_on_since_export() {
    let mut t = samples();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    let xml = edit_target(&export.xml, "p1", "twice as many", "double the number");
    let be = t.read(ARMY_BE);
    t.write(ARMY_BE, &be.replace("Гродзенскай", "Гродзенскай вобласці"));
    t.ws.record_all().expect("record");
    let before = snapshot(&t);

    let err =
        t.ws.xliff_import(&xml, &export.file_name)
            .expect_err("refused");

    assert!(err.to_string().contains("moved on"), "{err}");
    assert_eq!(snapshot(&t), before);
}

#[test]
fn import_is_refused_when_a_file_was_edited_but_not_recorded() {
    let mut t = samples();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    let xml = edit_target(&export.xml, "p1", "twice as many", "double the number");
    for path in [ARMY_BE, ARMY_EN] {
        let original = t.read(path);
        t.write(path, &format!("{original}\nOne more line.\n"));
        let before = snapshot(&t);
        let err =
            t.ws.xliff_import(&xml, &export.file_name)
                .expect_err("refused");
        assert!(err.to_string().contains(path), "{err}");
        assert_eq!(snapshot(&t), before, "{path}");
        t.write(path, &original);
    }
}

#[test]
fn import_is_refused_for_another_commentary_or_language() {
    let mut t = samples();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    let xml = edit_target(&export.xml, "p1", "twice as many", "double the number");
    let before = snapshot(&t);
    let cases = [
        (
            "galley:commentary=\"pxq253v3kb\"",
            "galley:commentary=\"y65qx5zuzq\"",
            "made for another commentary or language",
        ),
        (
            "galley:commentary=\"pxq253v3kb\"",
            "galley:commentary=\"nosuchone1\"",
            "made for another commentary or language",
        ),
        (
            "target-language=\"en\"",
            "target-language=\"ru\"",
            "made for another commentary or language",
        ),
        (
            "source-language=\"be\"",
            "source-language=\"ru\"",
            "made for another commentary or language",
        ),
        (
            "target-language=\"en\"",
            "target-language=\"de\"",
            "made for another commentary or language",
        ),
    ];
    for (old, new, message) in cases {
        assert!(xml.contains(old), "{old}");
        let other = xml.replace(old, new);
        let err = t.ws.xliff_import(&other, &export.file_name).expect_err(new);
        assert!(err.to_string().contains(message), "{new}: {err}");
        assert_eq!(snapshot(&t), before, "{new}");
    }
}

#[test]
fn import_is_refused_when_the_translation_changed_in_galley_since_export() {
    let mut t = samples();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    let en = t.read(ARMY_EN);
    t.write(ARMY_EN, &en.replace("routine", "ordinary"));
    t.ws.record_all().expect("record");
    let before = snapshot(&t);
    let err =
        t.ws.xliff_import(&export.xml, &export.file_name)
            .expect_err("refused");
    assert!(err.to_string().contains("changed in Galley"), "{err}");
    assert_eq!(snapshot(&t), before);
}

#[test]
fn import_into_a_started_empty_translation_lays_paragraphs_out_like_the_source() {
    let mut t = samples();
    t.ws.start_translation(NOMINATION, "en", None)
        .expect("start");
    let export = t.ws.xliff_export(NOMINATION, "en").expect("export");
    let mut xml = export.xml.clone();
    for (unit, text) in [
        ("p1", "The campaign has begun."),
        ("p2", "The rules <g id=\"1\">stayed</g> the same."),
    ] {
        let range = target_range(&xml, unit);
        xml = format!("{}{text}{}", &xml[..range.start], &xml[range.end..]);
    }

    let imported = t.ws.xliff_import(&xml, &export.file_name).expect("import");

    assert!(imported.changed && !imported.created);
    let draft = t.ws.read(NOMINATION_EN).expect("parses");
    assert_eq!(
        draft.body(),
        "\nThe campaign has begun.\n\nThe rules *stayed* the same.\n"
    );
    assert_eq!(
        draft.front().title,
        "",
        "the untranslated title stays empty"
    );
}
