// Exporting an issue through the workspace, on a copy of the sample drafts: refusal with every
// readiness reason, `only_complete`, folder and zip, byte-identical zips across exports and
// reopenings, the manifest against history, and the targets that are refused.

use super::support::{complete_key_rate_en, env, TempWorkspace};
use galley_core::bundle::Progress;
use galley_core::draft::{update, IsoWeek, Trend};
use galley_core::hash::ContentHash;
use galley_core::issue::Reason;
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::workspace::{ExportOptions, ExportReport, SaveOutcome, Workspace};
use galley_core::Error;
use galley_core::ErrorKind;
use std::io::Read;
use std::path::Path;

const W20_IDS: [&str; 4] = ["pxq253v3kb", "y65qx5zuzq", "kbf25qzwae", "o4vglt6rud"];
const W21_IDS: [&str; 4] = ["buxyr7237g", "nilo7qho2j", "ej7l6fa6hg", "puar22az3t"];
const NOMINATION: &str = "y65qx5zuzq";

fn week(text: &str) -> IsoWeek {
    text.parse().expect("week")
}

/// Approves every commentary in `ids` and marks every existing translation done.
pub(super) fn approve_and_finish(t: &mut TempWorkspace, ids: &[&str]) {
    for id in ids {
        // The sample's records have some commentaries in review already.
        let now = t.ws.records().editorial(id).map(|e| e.status);
        if now.is_none_or(|s| s == EditorialStatus::Draft) {
            t.ws.set_editorial_status(id, EditorialStatus::InReview, None)
                .expect("to review");
        }
        if now != Some(EditorialStatus::Approved) {
            t.ws.set_editorial_status(id, EditorialStatus::Approved, None)
                .expect("approve");
        }
        let row = t.ws.translation_row(id).expect("row");
        for cell in row
            .cells
            .iter()
            .filter(|c| c.translation_of.is_some() && c.path.is_some())
        {
            t.ws.set_translation_status(id, &cell.lang, TranslationStatus::Done, None)
                .expect("done");
        }
    }
}

/// Week 21, ready in every language.
pub(super) fn ready_w21() -> TempWorkspace {
    let mut t = TempWorkspace::samples();
    let rel = "2020-W21/school-exams-on-schedule.ru.md";
    let draft = t.ws.read(rel).expect("read");
    let mut front = draft.front().clone();
    front.trend = Some(Trend::Unchanged);
    let text = update(&draft, &front, draft.body());
    let outcome =
        t.ws.save(rel, &text, Some(ContentHash::of(draft.text().as_bytes())))
            .expect("save");
    assert!(matches!(outcome, SaveOutcome::Saved(_)), "{outcome:?}");
    complete_key_rate_en(&mut t.ws);
    approve_and_finish(&mut t, &W21_IDS);
    let readiness = t.ws.issue_readiness(week("2020-W21")).expect("readiness");
    assert!(readiness.is_ready(), "{readiness:#?}");
    t
}

fn export(t: &mut TempWorkspace, w: &str, out: &Path, only_complete: bool) -> ExportReport {
    t.ws.export_issue(week(w), out, ExportOptions { only_complete }, &mut |_| {})
        .expect("export")
}

fn zip_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("read entry");
            (file.name().to_string(), data)
        })
        .collect()
}

#[test]
fn an_unready_week_is_refused_with_every_reason_and_nothing_is_written() {
    let mut t = TempWorkspace::samples();
    let out = tempfile::tempdir().expect("temp").path().join("w21");
    let readiness = t.ws.issue_readiness(week("2020-W21")).expect("readiness");
    let err =
        t.ws.export_issue(
            week("2020-W21"),
            &out,
            ExportOptions::default(),
            &mut |_| {},
        )
        .expect_err("not ready");
    assert_eq!(err.kind(), ErrorKind::NotReady);
    let message = err.to_string();
    let blockers: Vec<_> = readiness
        .languages
        .iter()
        .flat_map(|l| &l.blockers)
        .collect();
    assert!(blockers.len() >= 13, "{blockers:#?}");
    for b in blockers {
        let line = format!("{}: {} ", b.lang, b.id);
        assert!(message.contains(&line), "no line for {line} in {message}");
        assert!(message.contains(&b.what_to_do()), "{message}");
    }
    assert!(message.contains("`trend` is empty"), "{message}");
    assert!(!out.exists());
}

#[test]
fn only_complete_publishes_the_ready_languages_and_reports_the_others() {
    let mut t = TempWorkspace::samples();
    approve_and_finish(&mut t, &W20_IDS);
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w20");
    let err =
        t.ws.export_issue(
            week("2020-W20"),
            &out,
            ExportOptions::default(),
            &mut |_| {},
        )
        .expect_err("en is missing");
    assert!(err.to_string().contains("--only-complete"), "{err}");

    let report = export(&mut t, "2020-W20", &out, true);
    assert_eq!(report.published, vec!["be", "ru"]);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].lang, "en");
    assert!(report.skipped[0]
        .blockers
        .iter()
        .any(|b| b.id == NOMINATION && b.reason == Reason::TranslationMissing));
    assert!(out.join("be/index.html").is_file());
    assert!(out.join("ru/index.html").is_file());
    assert!(!out.join("en").exists());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("json");
    assert_eq!(manifest["languages"], serde_json::json!(["be", "ru"]));
}

#[test]
fn only_complete_still_refuses_when_no_language_is_ready() {
    let mut t = TempWorkspace::samples();
    let out = tempfile::tempdir().expect("temp").path().join("w21.zip");
    let err =
        t.ws.export_issue(
            week("2020-W21"),
            &out,
            ExportOptions {
                only_complete: true,
            },
            &mut |_| {},
        )
        .expect_err("nothing ready");
    assert!(matches!(err, Error::NotReady { .. }), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_ready_week_exports_to_a_folder_and_a_zip_holding_the_same_files() {
    let mut t = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let folder = export(&mut t, "2020-W21", &dir.path().join("w21"), false);
    let zipped = export(&mut t, "2020-W21", &dir.path().join("w21.zip"), false);
    assert_eq!(folder.published, vec!["be", "ru", "en"]);
    assert!(folder.skipped.is_empty());
    assert!(!folder.zip && zipped.zip);
    assert_eq!(folder.manifest_sha256, zipped.manifest_sha256);
    let entries = zip_entries(&std::fs::read(dir.path().join("w21.zip")).expect("zip"));
    assert_eq!(entries.len(), zipped.files);
    for (name, bytes) in &entries {
        let on_disk = std::fs::read(dir.path().join("w21").join(name)).expect("same file");
        assert!(&on_disk == bytes, "{name} differs between folder and zip");
    }
    assert_eq!(
        ContentHash::of(&std::fs::read(dir.path().join("w21/manifest.json")).expect("m")),
        folder.manifest_sha256
    );
}

#[test]
fn a_zip_in_a_missing_folder_of_the_workspace_gets_the_folder_and_its_entries_are_reported() {
    let mut t = ready_w21();
    let target = t.root().join("exports/2020-W21.zip");
    let report = export(&mut t, "2020-W21", &target, false);
    let entries = zip_entries(&std::fs::read(&target).expect("the zip was written"));
    let names: Vec<String> = entries.into_iter().map(|(name, _)| name).collect();
    assert_eq!(report.paths, names);
    assert_eq!(report.paths.len(), report.files);
    assert!(report.paths.iter().any(|p| p == "manifest.json"));
}

#[test]
fn the_manifest_lists_every_file_and_the_head_version_of_every_text() {
    let mut t = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w21");
    let report = export(&mut t, "2020-W21", &out, false);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).expect("manifest"))
            .expect("json");
    let files = manifest["files"].as_array().expect("files");
    assert_eq!(files.len() + 1, report.files);
    for file in files {
        let path = file["path"].as_str().expect("path");
        let bytes = std::fs::read(out.join(path)).expect("listed file exists");
        assert_eq!(file["sha256"], ContentHash::of(&bytes).to_hex(), "{path}");
    }
    let texts = manifest["texts"].as_array().expect("texts");
    assert_eq!(texts.len(), 12);
    for text in texts {
        let id = text["commentary"].as_str().expect("id");
        let lang = text["lang"].as_str().expect("lang");
        let head = t.ws.history().head(id, lang).expect("head").expect("some");
        assert_eq!(text["version_id"], head.id, "{id} {lang}");
        assert_eq!(
            text["sha256"],
            head.hash.expect("text").to_hex(),
            "{id} {lang}"
        );
    }
    assert_eq!(manifest["published_at"], "2020-05-24T00:00:00Z");
}

#[test]
fn exports_of_the_same_state_are_byte_identical_even_after_reopening() {
    let mut t = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    export(&mut t, "2020-W21", &dir.path().join("a.zip"), false);
    export(&mut t, "2020-W21", &dir.path().join("b.zip"), false);
    t.ws = Workspace::open(&t.root(), env("Someone else")).expect("reopen");
    export(&mut t, "2020-W21", &dir.path().join("c.zip"), false);
    let a = std::fs::read(dir.path().join("a.zip")).expect("a");
    let b = std::fs::read(dir.path().join("b.zip")).expect("b");
    let c = std::fs::read(dir.path().join("c.zip")).expect("c");
    assert!(a == b, "two exports differ");
    assert!(a == c, "the export after reopening differs");
}

#[test]
fn an_edit_after_export_changes_the_version_ids_in_the_next_bundle() {
    let mut t = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let first = export(&mut t, "2020-W21", &dir.path().join("a.zip"), false);
    let rel = "2020-W21/key-rate-cut.be.md";
    let old = t.read(rel);
    // An edit outside Galley: the export records it first.
    t.write(rel, &old.replace("\n\n", "\n\nДапісана.\n\n"));
    let err =
        t.ws.export_issue(
            week("2020-W21"),
            &dir.path().join("b.zip"),
            ExportOptions::default(),
            &mut |_| {},
        )
        .expect_err("the be source changed, so ru and en are outdated");
    assert_eq!(err.kind(), ErrorKind::NotReady);
    // The approved be text changed too: nothing goes out until the editor approves again.
    let err =
        t.ws.export_issue(
            week("2020-W21"),
            &dir.path().join("b.zip"),
            ExportOptions {
                only_complete: true,
            },
            &mut |_| {},
        )
        .expect_err("be changed since approval");
    assert_eq!(err.kind(), ErrorKind::NotReady);
    t.ws.set_editorial_status(W21_IDS[0], EditorialStatus::Approved, None)
        .expect("approve the new text");
    let second = export(&mut t, "2020-W21", &dir.path().join("b.zip"), true);
    assert_eq!(second.published, vec!["be"]);
    assert_ne!(first.manifest_sha256, second.manifest_sha256);
}

#[test]
fn progress_counts_up_to_its_total_and_ends_with_the_write() {
    let mut t = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let mut events: Vec<Progress> = Vec::new();
    t.ws.export_issue(
        week("2020-W21"),
        &dir.path().join("w21.zip"),
        ExportOptions::default(),
        &mut |p| events.push(p),
    )
    .expect("export");
    assert!(events.len() > 12);
    let total = events[0].total;
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e.done, i + 1);
        assert_eq!(e.total, total);
    }
    let last = events.last().expect("last");
    assert_eq!(last.done, total);
    assert!(last.what.starts_with("wrote "), "{}", last.what);
}

#[test]
fn targets_inside_galley_named_like_drafts_or_folders_in_the_workspace_are_refused() {
    let mut t = ready_w21();
    let root = t.root();
    for target in [
        root.join(".galley/bundle.zip"),
        root.join(".galley/bundle"),
        root.join("2020-W21/key-rate-cut.be.md"),
        root.join("bundle"),
    ] {
        let err =
            t.ws.export_issue(
                week("2020-W21"),
                &target,
                ExportOptions::default(),
                &mut |_| {},
            )
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{target:?}: {err}");
        assert!(!target.exists() || target.is_file(), "{target:?}");
    }
    assert!(t.read("2020-W21/key-rate-cut.be.md").starts_with("---"));
    // A zip inside the workspace (not in .galley) is fine: it is not a draft.
    export(&mut t, "2020-W21", &root.join("w21.zip"), false);
}
