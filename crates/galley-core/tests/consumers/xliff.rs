// Real XLIFF round trips through translate-toolkit and OmegaT (both must be installed: the test
// fails, it does not skip, when one is missing).

use super::require;
use super::xliff_samples::{expect, fixture, job};
use galley_core::xliff::{export, import, Unit};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn consumer_script(name: &str) -> PathBuf {
    repo_root().join("tests/consumers").join(name)
}

/// Runs a consumer script on an export of a new `be` → `en` job and imports its output.
fn through_consumer(
    script: &str,
    extra_args: &[&str],
) -> (Vec<Unit>, Vec<galley_core::xliff::ImportedUnit>) {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("q7markup01.be-en.xlf");
    let output = dir.path().join("translated.xlf");
    std::fs::write(&input, export(&job)).expect("write export");
    let run = Command::new("python3")
        .arg(consumer_script(script))
        .arg(&input)
        .arg(&output)
        .args(extra_args)
        .output()
        .expect("python3 runs");
    assert!(
        run.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let xml = std::fs::read_to_string(&output).expect("consumer output");
    let translation = import(&xml, &expect(&job)).expect("Galley imports the consumer's file");
    (job.source, translation.units)
}

/// Each unit came back translated (upper-cased outside the codes) with every code's Markdown
/// intact, except the fenced code block, which has nothing to translate.
pub(super) fn assert_translated_with_markup(
    source: &[Unit],
    units: &[galley_core::xliff::ImportedUnit],
) {
    assert_eq!(source.len(), units.len());
    for (source, unit) in source.iter().zip(units) {
        let id = source.kind.id();
        if source.text.starts_with("```") {
            assert_eq!(unit.text, source.text, "unit {id} is code");
            continue;
        }
        assert!(
            unit.translated,
            "unit {id} came back untranslated: {:?}",
            unit.text
        );
        assert_eq!(
            unit.text.to_uppercase(),
            source.text.to_uppercase(),
            "unit {id}"
        );
        assert_ne!(unit.text, source.text, "unit {id}");
    }
    let p1 = &units[2].text;
    assert!(
        p1.contains(
            "[АФІЦЫЙНАГА ПАВЕДАМЛЕННЯ](https://mil.example.by/news_(2020)?a=1&b=2 \"Мінабароны\")"
        ),
        "{p1}"
    );
    assert!(
        p1.contains("«ЧАСОВА»[^1]") && p1.contains("`reform --delay`"),
        "{p1}"
    );
    assert_eq!(
        units[3].text,
        "> МЫ НЕ ГАТОВЫЯ, — СКАЗАЎ НАМЕСНІК МІНІСТРА.\n> ГЭТА **НЕ** АПОШНЯЕ СЛОВА."
    );
    assert!(
        units[5].text.contains("![схема](img/scheme.png)"),
        "{}",
        units[5].text
    );
}

#[test]
fn translate_toolkit_round_trip_keeps_markup() {
    require(
        &["python3", "-c", "import translate.storage.xliff"],
        "translate-toolkit",
        "pip install translate-toolkit",
    );
    let (source, units) = through_consumer("ttk_roundtrip.py", &[]);
    assert_translated_with_markup(&source, &units);
}

#[test]
fn omegat_round_trip_keeps_markup() {
    require(
        &["sh", "-c", "command -v omegat"],
        "OmegaT",
        "apt-get install -y omegat",
    );
    let (source, units) = through_consumer("omegat_roundtrip.py", &["be", "en"]);
    assert_translated_with_markup(&source, &units);
}
