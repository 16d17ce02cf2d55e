// `galley export` on a copy of the sample workspace: refusal with every reason on stderr,
// `--only-complete`, folder and zip, the manifest against `galley log`, and byte-identical
// zips from separate processes (a restart between exports).

use super::support::{complete_key_rate_en, Sample};
use serde_json::Value;
use std::path::Path;

pub(super) const W20_IDS: [&str; 4] = ["pxq253v3kb", "y65qx5zuzq", "kbf25qzwae", "o4vglt6rud"];
const W21_IDS: [&str; 4] = ["buxyr7237g", "nilo7qho2j", "ej7l6fa6hg", "puar22az3t"];

/// Approves each commentary and marks each of its translations done, through the CLI.
pub(super) fn approve_and_finish(sample: &Sample, ids: &[&str]) {
    for id in ids {
        for status in ["in-review", "approved"] {
            sample
                .galley()
                .args(["review", "set", id, status])
                .assert()
                .success();
        }
    }
    let grid = sample.json(&["translate", "status"]);
    for row in grid["rows"].as_array().expect("rows") {
        let id = row["id"].as_str().expect("id");
        if !ids.contains(&id) {
            continue;
        }
        for cell in row["cells"].as_array().expect("cells") {
            if cell["role"] == "translation" && !cell["path"].is_null() {
                let lang = cell["lang"].as_str().expect("lang");
                sample
                    .galley()
                    .args(["translate", "set", id, lang, "done"])
                    .assert()
                    .success();
            }
        }
    }
}

/// Week 21 made ready: the Russian schools commentary gets its trend (edited outside Galley,
/// as a user would), then everything is approved and done.
pub(super) fn ready_w21() -> Sample {
    let sample = Sample::without_records();
    let path = sample
        .root()
        .join("2020-W21/school-exams-on-schedule.ru.md");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(!text.contains("\ntrend:"), "the sample has no ru trend");
    let text = text.replacen("\nauthors:", "\ntrend: unchanged\nauthors:", 1);
    std::fs::write(&path, text).expect("write");
    complete_key_rate_en(&sample);
    sample.galley().arg("record").assert().success();
    approve_and_finish(&sample, &W21_IDS);
    let check = sample
        .galley()
        .args(["issue", "check", "2020-W21"])
        .output();
    assert!(check.expect("run").status.success(), "week 21 is not ready");
    sample
}

fn export_json(sample: &Sample, week: &str, out: &Path, extra: &[&str]) -> Value {
    let output = sample
        .galley()
        .args(["export", week, "--out"])
        .arg(out)
        .args(extra)
        .arg("--json")
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn export_of_an_unready_week_exits_1_and_prints_every_reason() {
    let sample = Sample::without_records();
    let out = sample.dir.path().join("w21.zip");
    let check = sample
        .galley()
        .args(["issue", "check", "2020-W21", "--json"])
        .output()
        .expect("run");
    let readiness: Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let output = sample
        .galley()
        .args(["export", "2020-W21", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut count = 0;
    for lang in readiness["languages"].as_array().expect("languages") {
        for b in lang["blockers"].as_array().expect("blockers") {
            let line = format!(
                "{}: {} ({}): {}; {}",
                b["lang"].as_str().expect("lang"),
                b["id"].as_str().expect("id"),
                b["title"].as_str().expect("title"),
                b["problem"].as_str().expect("problem"),
                b["what_to_do"].as_str().expect("what to do"),
            );
            assert!(stderr.contains(&line), "missing `{line}` in:\n{stderr}");
            count += 1;
        }
    }
    assert!(count >= 13, "{count} reasons");
    assert!(stderr.contains("`trend` is empty"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn only_complete_publishes_the_ready_languages_and_lists_the_others() {
    let sample = Sample::without_records();
    approve_and_finish(&sample, &W20_IDS);
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w20-out");
    sample
        .galley()
        .args(["export", "2020-W20", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "en: y65qx5zuzq (Вылучэнне кандыдатаў пачалося без санітарных правілаў): there is no en version",
        ));
    let report = export_json(&sample, "2020-W20", &out, &["--only-complete"]);
    assert_eq!(report["published"], serde_json::json!(["be", "ru"]));
    assert_eq!(report["format"], "folder");
    assert_eq!(report["skipped"][0]["lang"], "en");
    assert_eq!(
        report["skipped"][0]["blockers"][0]["reason"],
        "translation_missing"
    );
    assert!(out.join("be/index.html").is_file());
    assert!(!out.join("en").exists());

    // The text form names the language left out and what to do.
    let text = sample
        .galley()
        .args(["export", "2020-W20", "--only-complete", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(stdout.contains("Left out en:"), "{stdout}");
    assert!(
        stdout.contains("galley translate start y65qx5zuzq --lang en"),
        "{stdout}"
    );
}

#[test]
fn a_ready_week_exports_a_folder_whose_manifest_matches_the_files_and_galley_log() {
    let sample = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w21-out");
    let report = export_json(&sample, "2020-W21", &out, &[]);
    assert_eq!(report["published"], serde_json::json!(["be", "ru", "en"]));
    assert_eq!(report["skipped"], serde_json::json!([]));
    let manifest_bytes = std::fs::read(out.join("manifest.json")).expect("manifest");
    let manifest: Value = serde_json::from_slice(&manifest_bytes).expect("JSON");
    let files = manifest["files"].as_array().expect("files");
    assert_eq!(report["files"], files.len() + 1);
    for file in files {
        let path = file["path"].as_str().expect("path");
        let bytes = std::fs::read(out.join(path)).expect("listed file exists");
        assert_eq!(
            file["sha256"],
            galley_core::hash::ContentHash::of(&bytes).to_hex(),
            "{path}"
        );
    }
    let texts = manifest["texts"].as_array().expect("texts");
    assert_eq!(texts.len(), 12);
    for text in texts {
        let draft = format!(
            "2020-W21/{}.{}.md",
            text["slug"].as_str().expect("slug"),
            text["lang"].as_str().expect("lang")
        );
        let log = sample.json(&["log", &draft]);
        let head = &log["versions"][0];
        assert_eq!(text["version_id"], head["id"], "{draft}");
        assert_eq!(text["sha256"], head["hash"], "{draft}");
    }
}

#[test]
fn zips_from_separate_runs_of_the_same_state_are_byte_identical() {
    let sample = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let first = export_json(&sample, "2020-W21", &dir.path().join("a.zip"), &[]);
    assert_eq!(first["format"], "zip");
    // A new process opens the workspace again: the same state gives the same bytes.
    let second = export_json(&sample, "2020-W21", &dir.path().join("b.zip"), &[]);
    assert_eq!(first["manifest_sha256"], second["manifest_sha256"]);
    let a = std::fs::read(dir.path().join("a.zip")).expect("a");
    let b = std::fs::read(dir.path().join("b.zip")).expect("b");
    assert!(a == b, "the zips differ");
    assert!(a.starts_with(b"PK"));
    // Exporting over the same zip again leaves the same bytes.
    export_json(&sample, "2020-W21", &dir.path().join("a.zip"), &[]);
    assert!(std::fs::read(dir.path().join("a.zip")).expect("a again") == a);
}

#[test]
fn an_export_into_the_galley_folder_or_a_folder_in_the_workspace_is_refused() {
    let sample = ready_w21();
    let target = sample.root().join(".galley/w21.zip");
    sample
        .galley()
        .args(["export", "2020-W21", "--out"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(".galley folder"));
    assert!(!target.exists());
    let folder = sample.root().join("w21-bundle");
    sample
        .galley()
        .args(["export", "2020-W21", "--out"])
        .arg(&folder)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("taken for drafts"));
    assert!(!folder.exists());
}

#[test]
fn an_export_without_a_base_url_names_the_setting_and_makes_no_broken_feed() {
    let sample = ready_w21();
    let settings = sample.root().join(".galley/settings.toml");
    let text = std::fs::read_to_string(&settings).expect("settings");
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("base_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(text, without, "the sample sets a base URL");
    std::fs::write(&settings, without).expect("write");
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w21-out");
    let output = sample
        .galley()
        .args(["export", "2020-W21", "--out"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "Feeds (feed.atom, feed.json): not made; set `base_url` under [publication] in .galley/settings.toml"
        ),
        "{stdout}"
    );
    assert!(out.join("en/index.html").is_file());
    assert!(!out.join("en/feed.atom").exists() && !out.join("en/email.html").exists());
    let report = export_json(&sample, "2020-W21", &out, &[]);
    assert_eq!(report["not_made"].as_array().map(Vec::len), Some(3));
    assert_eq!(report["not_made"][0]["format"], "feeds");
    assert_eq!(
        report["not_made"][0]["missing"],
        serde_json::json!(["base_url"])
    );
}

#[test]
fn an_exported_week_is_signed_by_the_publisher_with_absolute_feed_links() {
    let sample = ready_w21();
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("w21-out");
    let report = export_json(&sample, "2020-W21", &out, &[]);
    assert_eq!(report["not_made"], serde_json::json!([]));
    let feed: Value =
        serde_json::from_slice(&std::fs::read(out.join("en/feed.json")).expect("feed"))
            .expect("JSON");
    assert_eq!(feed["authors"][0]["name"], "Minsk Policy Review");
    assert_eq!(feed["feed_url"], "https://digest.example.org/en/feed.json");
    let ninjs: Value = serde_json::from_slice(
        &std::fs::read(out.join("ru/ninjs3/key-rate-cut.json")).expect("ninjs 3"),
    )
    .expect("JSON");
    assert_eq!(ninjs["copyrightHolder"], "Minsk Policy Review");
}

const HUGO_CONFIG: &str = r#"
baseURL = "https://digest.example.org/"
defaultContentLanguage = "be"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.be]
weight = 1
[languages.ru]
weight = 2
[languages.en]
weight = 3
"#;
const HUGO_SINGLE: &str = "<!DOCTYPE html><html lang=\"{{ .Lang }}\"><title>{{ .Title }}</title>\
<p class=\"section\">{{ .Parent.Title }}</p>\
{{ range .Translations }}<a href=\"{{ .RelPermalink }}\">{{ .Lang }}</a>{{ end }}{{ .Content }}</html>\n";
const HUGO_LIST: &str = "<!DOCTYPE html><html lang=\"{{ .Lang }}\"><title>{{ .Title }}</title>\
{{ range .Translations }}<a href=\"{{ .RelPermalink }}\">{{ .Lang }}</a>{{ end }}\
{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</html>\n";

/// Copies every file under `from` into `to`, refusing to overwrite one: weeks must not collide.
fn copy_without_overwriting(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_without_overwriting(&entry.path(), &target);
        } else {
            assert!(
                !target.exists(),
                "two weeks both write {}",
                target.display()
            );
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn two_weeks_exported_into_one_hugo_site_build_an_archive_with_language_links_and_sections() {
    let hugo = std::process::Command::new("hugo").arg("version").output();
    assert!(
        hugo.is_ok_and(|o| o.status.success()),
        "hugo is required for this test but is not installed: apt-get install -y hugo"
    );
    let sample = ready_w21();
    approve_and_finish(&sample, &W20_IDS);
    let dir = tempfile::tempdir().expect("temp");
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("content")).expect("content");
    std::fs::write(site.join("hugo.toml"), HUGO_CONFIG).expect("config");
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).expect("layouts");
    std::fs::write(layouts.join("single.html"), HUGO_SINGLE).expect("single");
    std::fs::write(layouts.join("list.html"), HUGO_LIST).expect("list");
    let mut pages = Vec::new();
    for (week, extra) in [
        ("2020-W20", &["--only-complete"][..]),
        ("2020-W21", &[][..]),
    ] {
        let out = dir.path().join(week);
        let report = export_json(&sample, week, &out, extra);
        let langs: Vec<String> = report["published"]
            .as_array()
            .expect("published")
            .iter()
            .map(|l| l.as_str().expect("lang").to_string())
            .collect();
        for path in report["paths"].as_array().expect("paths") {
            let path = path.as_str().expect("path");
            if let Some(page) = path.strip_prefix("hugo/content/") {
                if page.contains("/index.") && !page.contains("/_index.") {
                    pages.push((page.to_string(), langs.clone()));
                }
            }
        }
        copy_without_overwriting(&out.join("hugo/content"), &site.join("content"));
    }
    assert_eq!(
        pages.len(),
        4 * 2 + 4 * 3,
        "every commentary page of both weeks"
    );
    run_hugo(&site, &dir.path().join("public"));
    for (page, langs) in &pages {
        // `2020/w21/economy/key-rate-cut/index.en.md` → `en/2020/w21/economy/key-rate-cut/`
        let (folder, name) = page.rsplit_once('/').expect("folder");
        let lang = name.trim_start_matches("index.").trim_end_matches(".md");
        let html = std::fs::read_to_string(
            dir.path()
                .join(format!("public/{lang}/{folder}/index.html")),
        )
        .unwrap_or_else(|e| panic!("hugo made no page for {page}: {e}"));
        for other in langs.iter().filter(|l| *l != lang) {
            assert!(
                html.contains(&format!("href=\"/{other}/{folder}/\"")),
                "{page} links its {other} version:\n{html}"
            );
        }
        let section_page = folder.rsplit_once('/').expect("section").0;
        let section = std::fs::read_to_string(
            dir.path()
                .join(format!("public/{lang}/{section_page}/index.html")),
        )
        .expect("the week's section page");
        assert!(
            section.contains(&format!("href=\"/{lang}/{folder}/\"")),
            "{section}"
        );
        let index =
            std::fs::read_to_string(site.join(format!("content/{section_page}/_index.{lang}.md")))
                .expect("the section's index");
        let title = index
            .lines()
            .find_map(|l| l.strip_prefix("title = \""))
            .and_then(|t| t.strip_suffix('"'))
            .expect("the section has a title");
        assert!(
            html.contains(&format!("<p class=\"section\">{title}</p>")),
            "{page} is in its section {title}:\n{html}"
        );
    }
    let year = std::fs::read_to_string(dir.path().join("public/be/2020/index.html")).expect("year");
    assert!(
        year.contains("href=\"/be/2020/w20/\"") && year.contains("href=\"/be/2020/w21/\""),
        "{year}"
    );
    let week =
        std::fs::read_to_string(dir.path().join("public/ru/2020/w21/index.html")).expect("week");
    assert!(
        week.contains("href=\"/en/2020/w21/\""),
        "the week links its translations: {week}"
    );
}

fn run_hugo(site: &Path, public: &Path) {
    let output = std::process::Command::new("hugo")
        .arg("--source")
        .arg(site)
        .arg("--destination")
        .arg(public)
        .arg("--quiet")
        .output()
        .expect("hugo runs");
    assert!(
        output.status.success(),
        "hugo failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
