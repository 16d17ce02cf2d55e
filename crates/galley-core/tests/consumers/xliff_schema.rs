// Every XLIFF file Galley exports validates against the official OASIS XLIFF 1.2 strict
// schema plus Galley's own namespace schema (tests/schemas/xliff/strict-with-galley.xsd),
// checked by xmllint (libxml2-utils, installed by scripts/setup), offline.

use galley_core::draft;
use galley_core::xliff::{export, target_units, units_of, ExportJob, TargetState, GALLEY_SCHEMA};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Validates `xml` with xmllint against the strict schema and Galley's; the error names the
/// first problems xmllint reported.
pub fn validate_strict(xml: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("job.xlf");
    std::fs::write(&path, xml).expect("write");
    let schema = repo_root().join("tests/schemas/xliff/strict-with-galley.xsd");
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(&schema)
        .arg(&path)
        .output()
        .expect("xmllint runs (libxml2-utils, installed by scripts/setup)");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn sample_jobs() -> Vec<ExportJob> {
    let mut jobs = Vec::new();
    for week in ["2020-W20", "2020-W21"] {
        let folder = repo_root().join("drafts").join(week);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("week folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for path in &files {
            let target = draft::read_draft(path, path).expect("sample parses");
            let Some(source_lang) = target.front().translation_of.clone() else {
                continue;
            };
            let name = path.file_name().and_then(|n| n.to_str()).expect("name");
            let slug = name.split('.').next().expect("slug");
            let source_path = folder.join(format!("{slug}.{source_lang}.md"));
            let source = draft::read_draft(&source_path, &source_path).expect("source");
            let units = units_of(source.front(), source.body());
            let state = TargetState::Final;
            let targets = target_units(&units, target.front(), target.body(), state);
            for (target_version, targets) in [(Some("7"), targets), (None, Vec::new())] {
                jobs.push(ExportJob {
                    commentary: source.front().id.clone(),
                    source_lang: source_lang.clone(),
                    target_lang: target.front().lang.clone(),
                    source_version: "3".to_string(),
                    target_version: target_version.map(str::to_string),
                    source: units.clone(),
                    target: targets,
                    restructured: false,
                    left_out: Vec::new(),
                });
            }
        }
    }
    jobs
}

#[test]
fn every_sample_job_validates_against_the_strict_xliff_schema() {
    let jobs = sample_jobs();
    assert!(
        jobs.len() >= 14,
        "expected the sample jobs, found {}",
        jobs.len()
    );
    for job in jobs {
        let xml = export(&job);
        validate_strict(&xml)
            .unwrap_or_else(|e| panic!("{} → {}: {e}", job.commentary, job.target_lang));
    }
}

#[test]
fn the_validation_refuses_an_undeclared_galley_attribute_and_a_bad_state() {
    let job = sample_jobs().remove(0);
    let xml = export(&job);
    let bogus = xml.replacen(
        "galley:commentary=",
        "galley:bogus=\"1\" galley:commentary=",
        1,
    );
    assert!(validate_strict(&bogus).is_err_and(|e| e.contains("bogus")));
    let bad_state = xml.replacen("state=\"final\"", "state=\"almost\"", 1);
    assert!(validate_strict(&bad_state).is_err_and(|e| e.contains("almost")));
}

#[test]
fn the_shipped_galley_schema_is_the_one_validated_with() {
    let on_disk = std::fs::read_to_string(
        repo_root().join("crates/galley-core/src/xliff/galley-xliff-1.xsd"),
    )
    .expect("schema file");
    assert_eq!(GALLEY_SCHEMA, on_disk);
}
