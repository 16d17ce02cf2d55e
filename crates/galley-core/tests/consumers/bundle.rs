// The publishing bundles of both sample weeks read by real consumers: the W3C Nu HTML checker
// (vnu-jar), feedparser (absolute links required), jsonschema with the IPTC ninjs 2.1 and 3.1
// schemas, and hugo. A missing consumer fails the test with the command that installs it.

use super::bundle_samples::{issue_titles, rendered, repo_root, sample_input, w21};
use super::require;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Both sample weeks written as folders (W20 without English, which it lacks).
fn written_samples() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut roots = Vec::new();
    for (week, langs) in [
        ("2020-W20", &["be", "ru"][..]),
        ("2020-W21", &["be", "ru", "en"][..]),
    ] {
        let root = dir.path().join(week);
        rendered(&sample_input(week, langs))
            .write_dir(&root)
            .expect("write bundle");
        roots.push(root);
    }
    (dir, roots)
}

fn files_ending(roots: &[PathBuf], suffix: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, suffix, out);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for root in roots {
        walk(root, suffix, &mut out);
    }
    out.sort();
    out
}

fn run_ok(command: &mut Command, what: &str) -> String {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what} could not start: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{what} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn every_html_file_passes_the_w3c_nu_html_checker() {
    let consumers = repo_root().join("tests/consumers");
    let jar = consumers.join("node_modules/vnu-jar/build/dist/vnu.jar");
    require(
        &["java", "-version"],
        "Java (17+)",
        "apt-get install -y openjdk-17-jre-headless",
    );
    assert!(
        jar.exists(),
        "the W3C Nu HTML checker is required for this test but is not installed: cd tests/consumers && npm ci"
    );
    let (_dir, roots) = written_samples();
    let files = files_ending(&roots, ".html");
    assert_eq!(files.len(), 2 * (4 + 2) + 3 * (4 + 2));
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&files)
        .output()
        .expect("java runs");
    let report = String::from_utf8_lossy(&output.stderr);
    let parsed: serde_json::Value = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("vnu printed no JSON report ({e}):\n{report}"));
    let messages = parsed["messages"].as_array().expect("messages");
    assert!(messages.is_empty(), "vnu found errors:\n{report}");
    assert!(output.status.success(), "vnu failed:\n{report}");
}

#[test]
fn atom_parses_cleanly_in_feedparser_and_json_feed_in_jsonfeed_util() {
    require(
        &["python3", "-c", "import feedparser, jsonfeed"],
        "feedparser and jsonfeed-util",
        "pip install feedparser jsonfeed-util",
    );
    let (_dir, roots) = written_samples();
    let mut feeds = files_ending(&roots, "feed.atom");
    feeds.extend(files_ending(&roots, "feed.json"));
    assert_eq!(feeds.len(), 2 * 5);
    let out = run_ok(
        Command::new("python3")
            .arg(repo_root().join("tests/consumers/check_feeds.py"))
            .args(&feeds),
        "feedparser",
    );
    assert_eq!(out.matches(": ok (").count(), feeds.len(), "{out}");
    assert!(out.contains("atom10") && out.contains("json11"), "{out}");
}

/// Every ninjs item of the written samples in `folder` (`ninjs`, `ninjs3`) validated by
/// jsonschema against the IPTC schema `schema_file`.
fn validate_ninjs(folder: &str, schema_file: &str) {
    require(
        &["python3", "-c", "import jsonschema"],
        "jsonschema",
        "pip install jsonschema",
    );
    let (_dir, roots) = written_samples();
    let mut items = files_ending(&roots, &format!("issue.{folder}.json"));
    items.extend(files_ending(&roots, ".json").into_iter().filter(|p| {
        p.parent()
            .and_then(|d| d.file_name())
            .is_some_and(|n| n == folder)
    }));
    assert_eq!(items.len(), 2 * (4 + 1) + 3 * (4 + 1));
    // Copies of the IPTC schemas are kept in the repository (tests/schemas/ninjs, with their licence).
    let schema = repo_root().join("tests/schemas/ninjs").join(schema_file);
    assert!(
        schema.is_file(),
        "the ninjs schema is missing at {}",
        schema.display()
    );
    let out = run_ok(
        Command::new("python3")
            .arg(repo_root().join("tests/consumers/check_ninjs.py"))
            .arg(&schema)
            .args(&items),
        "ninjs validation",
    );
    assert_eq!(out.matches(": ok").count(), items.len(), "{out}");
}

#[test]
fn every_ninjs_file_validates_against_the_iptc_ninjs_2_1_schema() {
    validate_ninjs("ninjs", "ninjs-schema_2.1.json");
}

#[test]
fn every_ninjs3_file_validates_against_the_iptc_ninjs_3_1_schema() {
    validate_ninjs("ninjs3", "ninjs-schema_3.1.json");
}

const HUGO_CONFIG: &str = r#"
baseURL = "https://example.org/"
defaultContentLanguage = "be"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.be]
weight = 1
languageName = "Беларуская"
[languages.ru]
weight = 2
languageName = "Русский"
[languages.en]
weight = 3
languageName = "English"
"#;

const HUGO_SINGLE: &str = "<!DOCTYPE html><html lang=\"{{ .Lang }}\"><title>{{ .Title }}</title>\
{{ range .Translations }}<a href=\"{{ .RelPermalink }}\">{{ .Lang }}</a>{{ end }}{{ .Content }}</html>\n";
const HUGO_LIST: &str = "<!DOCTYPE html><html lang=\"{{ .Lang }}\"><title>{{ .Title }}</title>\
{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</html>\n";

#[test]
fn hugo_builds_the_markdown_sources_into_a_multilingual_site() {
    require(&["hugo", "version"], "hugo", "apt-get install -y hugo");
    let dir = tempfile::tempdir().expect("temp dir");
    let bundle_dir = dir.path().join("bundle");
    rendered(&w21()).write_dir(&bundle_dir).expect("write");
    let site = bundle_dir.join("hugo");
    std::fs::write(site.join("hugo.toml"), HUGO_CONFIG).expect("config");
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).expect("layouts");
    std::fs::write(layouts.join("single.html"), HUGO_SINGLE).expect("single");
    std::fs::write(layouts.join("list.html"), HUGO_LIST).expect("list");
    run_ok(
        Command::new("hugo")
            .arg("--source")
            .arg(&site)
            .arg("--destination")
            .arg(dir.path().join("public"))
            .arg("--quiet"),
        "hugo",
    );
    for lang in ["be", "ru", "en"] {
        let page = dir.path().join(format!(
            "public/{lang}/2020/w21/economy/key-rate-cut/index.html"
        ));
        let html = std::fs::read_to_string(&page)
            .unwrap_or_else(|e| panic!("hugo made no {lang} page at {}: {e}", page.display()));
        assert!(html.contains(&format!("lang=\"{lang}\"")));
        for other in ["be", "ru", "en"].iter().filter(|l| **l != lang) {
            assert!(
                html.contains(&format!("/{other}/2020/w21/economy/key-rate-cut/")),
                "{lang} page links its {other} translation:\n{html}"
            );
        }
        let home = std::fs::read_to_string(
            dir.path()
                .join(format!("public/{lang}/2020/w21/index.html")),
        )
        .expect("the week's page per language");
        assert!(home.contains(&issue_titles()[lang]));
    }
}
