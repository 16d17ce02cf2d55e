// Publishing bundles rendered from the sample drafts (drafts/2020-W20, drafts/2020-W21),
// checked by our own reading and by real consumers: the W3C Nu HTML checker (vnu-jar),
// feedparser (absolute links required), jsonschema with the IPTC ninjs 2.1 and 3.1 schemas,
// and hugo. The sample workspace's `[publication]` settings name the publisher and the site. A missing consumer fails
// the test with the command that installs it.

use galley_core::bundle::{
    markdown_to_html, render, Bundle, BundleInput, CommentaryInput, LangText, Progress,
    SectionInput,
};
use galley_core::draft::{read_draft, IsoWeek};
use galley_core::settings::Settings;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn issue_titles() -> BTreeMap<String, String> {
    [
        ("be", "Тыднёвы агляд"),
        ("ru", "Недельный обзор"),
        ("en", "Weekly review"),
    ]
    .into_iter()
    .map(|(l, t)| (l.to_string(), t.to_string()))
    .collect()
}

/// The sample drafts of `week` as an issue publishing `languages`; version ids are made up
/// but fixed (1000 + position).
fn sample_input(week: &str, languages: &[&str]) -> BundleInput {
    let drafts = repo_root().join("drafts");
    let settings = Settings::load(&drafts.join(".galley/settings.toml")).expect("settings");
    let mut names: Vec<String> = std::fs::read_dir(drafts.join(week))
        .expect("week folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    let mut commentaries: Vec<CommentaryInput> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let path = drafts.join(week).join(name);
        let draft = read_draft(&path, Path::new(name)).expect("sample draft parses");
        let slug = name.split('.').next().expect("stem").to_string();
        let front = draft.front().clone();
        let text = LangText::from_draft(&draft, 1000 + i as i64);
        match commentaries.iter_mut().find(|c| c.slug == slug) {
            Some(c) => {
                c.versions.insert(front.lang.clone(), text);
            }
            None => commentaries.push(CommentaryInput {
                id: front.id.clone(),
                slug,
                section: front.section.clone().expect("sample has a section"),
                versions: [(front.lang.clone(), text)].into_iter().collect(),
            }),
        }
    }
    let week: IsoWeek = week.parse().expect("week");
    BundleInput {
        week,
        first_day: week.monday(),
        last_day: week.sunday(),
        publication: settings.publication.clone(),
        titles: issue_titles(),
        sections: settings
            .sections
            .iter()
            .map(|s| SectionInput {
                key: s.key.clone(),
                titles: s.title.clone(),
            })
            .collect(),
        commentaries,
        languages: languages.iter().map(|l| l.to_string()).collect(),
        published_at: BundleInput::default_published_at(week),
    }
}

fn rendered(input: &BundleInput) -> Bundle {
    render(input, &mut |_| {}).expect("render")
}

fn text(bundle: &Bundle, path: &str) -> String {
    String::from_utf8(
        bundle
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .to_vec(),
    )
    .expect("utf-8")
}

fn w21() -> BundleInput {
    sample_input("2020-W21", &["be", "ru", "en"])
}

// --- Rendering ---------------------------------------------------------------------------

#[test]
fn same_input_gives_byte_identical_zip_folder_and_files() {
    let input = w21();
    let first = rendered(&input);
    let second = rendered(&input);
    assert_eq!(first, second);
    let dir = tempfile::tempdir().expect("temp dir");
    first.write_zip(&dir.path().join("a.zip")).expect("zip a");
    second.write_zip(&dir.path().join("b.zip")).expect("zip b");
    let a = std::fs::read(dir.path().join("a.zip")).expect("read a");
    let b = std::fs::read(dir.path().join("b.zip")).expect("read b");
    assert!(a == b, "two zips of the same issue differ");
    assert!(a.len() > 1000);
}

#[test]
fn bundle_holds_every_format_for_every_language() {
    let bundle = rendered(&w21());
    for lang in ["be", "ru", "en"] {
        for file in [
            "index.html",
            "email.html",
            "email.txt",
            "feed.atom",
            "feed.json",
            "issue.ninjs.json",
            "issue.ninjs3.json",
            "key-rate-cut.html",
            "ninjs/key-rate-cut.json",
            "ninjs3/key-rate-cut.json",
        ] {
            assert!(
                bundle.get(&format!("{lang}/{file}")).is_some(),
                "{lang}/{file}"
            );
        }
        assert!(bundle
            .get(&format!(
                "hugo/content/2020/w21/economy/key-rate-cut/index.{lang}.md"
            ))
            .is_some());
        assert!(bundle
            .get(&format!("hugo/content/2020/w21/_index.{lang}.md"))
            .is_some());
        assert!(bundle
            .get(&format!("hugo/content/2020/w21/economy/_index.{lang}.md"))
            .is_some());
    }
    let paths: Vec<&String> = bundle.files.iter().map(|(p, _)| p).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "files are in path order");
}

#[test]
fn manifest_names_every_file_with_its_hash_and_every_text_with_its_version() {
    let input = w21();
    let bundle = rendered(&input);
    let manifest: serde_json::Value =
        serde_json::from_slice(bundle.get("manifest.json").expect("manifest")).expect("json");
    let files = manifest["files"].as_array().expect("files");
    assert_eq!(files.len(), bundle.files.len() - 1);
    for entry in files {
        let path = entry["path"].as_str().expect("path");
        let bytes = bundle.get(path).expect("listed file exists");
        assert_eq!(entry["size"].as_u64(), Some(bytes.len() as u64), "{path}");
        assert_eq!(
            entry["sha256"].as_str(),
            Some(galley_core::hash::ContentHash::of(bytes).to_hex().as_str())
        );
    }
    let texts = manifest["texts"].as_array().expect("texts");
    assert_eq!(texts.len(), input.commentaries.len() * 3);
    let key_rate = &input.commentaries[1];
    assert_eq!(key_rate.slug, "key-rate-cut");
    let ru_version = key_rate.versions["ru"].version_id;
    assert!(texts.iter().any(|t| t["slug"] == "key-rate-cut"
        && t["lang"] == "ru"
        && t["version_id"].as_i64() == Some(ru_version)));
}

#[test]
fn pages_show_localised_date_range_trend_word_byline_bold_lead_and_hreflang() {
    let bundle = rendered(&w21());
    let en = text(&bundle, "en/index.html");
    assert!(en.contains("May 18 – May 24, 2020"), "{en}");
    let ru = text(&bundle, "ru/index.html");
    assert!(ru.contains("18–24 мая 2020 г."));
    let be = text(&bundle, "be/key-rate-cut.html");
    assert!(be.contains("<html lang=\"be\">"));
    assert!(be.contains("18–24 мая 2020 г."));
    for lang in ["be", "ru", "en"] {
        assert!(be.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"../{lang}/key-rate-cut.html\">"
        )));
    }
    assert!(
        be.contains("Тэндэнцыя: "),
        "with no phrase set for be, the trend is a label and a word"
    );
    assert!(be.contains("<p class=\"lead\"><strong>"));
    assert!(be.contains("class=\"byline\""));
    assert!(
        !be.contains("http://") || !be.contains("src=\"http"),
        "no remote resources"
    );
}

#[test]
fn date_ranges_across_months_and_years_name_both_ends() {
    let mut input = w21();
    input.first_day = time::macros::date!(2020 - 12 - 28);
    input.last_day = time::macros::date!(2021 - 01 - 03);
    let bundle = rendered(&input);
    assert!(text(&bundle, "en/index.html").contains("December 28, 2020 – January 3, 2021"));
    assert!(text(&bundle, "ru/index.html").contains("28 декабря 2020 г. – 3 января 2021 г."));
    input.last_day = time::macros::date!(2020 - 12 - 31);
    input.first_day = time::macros::date!(2020 - 11 - 30);
    assert!(text(&rendered(&input), "be/index.html").contains("30 лістапада – 31 снежня 2020 г."));
}

#[test]
fn commentary_missing_a_published_language_is_refused_by_name() {
    // nomination-campaign-opens has no English version in 2020-W20.
    let err =
        render(&sample_input("2020-W20", &["be", "ru", "en"]), &mut |_| {}).expect_err("refused");
    let message = err.to_string();
    assert!(message.contains("nomination-campaign-opens"), "{message}");
    assert!(message.contains("`en`"), "{message}");
    assert!(render(&sample_input("2020-W20", &["be", "ru"]), &mut |_| {}).is_ok());
}

#[test]
fn progress_counts_up_to_its_total() {
    let mut seen: Vec<Progress> = Vec::new();
    render(&w21(), &mut |p| seen.push(p)).expect("render");
    let total = seen[0].total;
    assert_eq!(total, 3 * (4 + 1) + 1);
    assert_eq!(seen.len(), total);
    assert!(seen.iter().enumerate().all(|(i, p)| p.done == i + 1));
}

// --- Publication settings ---------------------------------------------------------------

fn json_of(bundle: &Bundle, path: &str) -> serde_json::Value {
    serde_json::from_str(&text(bundle, path)).expect("JSON")
}

#[test]
fn feeds_link_absolutely_under_the_base_url_and_are_signed_by_the_publisher() {
    let bundle = rendered(&w21());
    let atom = text(&bundle, "en/feed.atom");
    assert!(
        atom.contains("<author><name>Minsk Policy Review</name></author>"),
        "{atom}"
    );
    assert!(
        atom.contains("href=\"https://digest.example.org/en/index.html\""),
        "{atom}"
    );
    assert!(atom.contains("rel=\"self\" type=\"application/atom+xml\" href=\"https://digest.example.org/en/feed.atom\""));
    assert!(atom.contains("href=\"https://digest.example.org/en/key-rate-cut.html\""));
    assert!(
        atom.contains("<title>Weekly Security Review</title>"),
        "newsletter title"
    );
    assert!(atom.contains("<rights>© 2020 Minsk Policy Review</rights>"));
    let feed = json_of(&bundle, "ru/feed.json");
    assert_eq!(
        feed["home_page_url"],
        "https://digest.example.org/ru/index.html"
    );
    assert_eq!(feed["feed_url"], "https://digest.example.org/ru/feed.json");
    assert_eq!(feed["authors"][0]["name"], "Minsk Policy Review");
    for item in feed["items"].as_array().expect("items") {
        let url = item["url"].as_str().expect("url");
        assert!(
            url.starts_with("https://digest.example.org/ru/") && url.ends_with(".html"),
            "{url}"
        );
    }
}

#[test]
fn ninjs_items_carry_the_publisher_the_copyright_and_absolute_uris_in_both_versions() {
    let bundle = rendered(&w21());
    let v2 = json_of(&bundle, "en/ninjs/key-rate-cut.json");
    assert_eq!(v2["copyrightholder"], "Minsk Policy Review");
    assert_eq!(v2["copyrightnotice"], "© 2020 Minsk Policy Review");
    assert_eq!(v2["uri"], "https://digest.example.org/en/key-rate-cut.html");
    assert_eq!(v2["standard"]["version"], "2.1");
    let v3 = json_of(&bundle, "en/ninjs3/key-rate-cut.json");
    assert_eq!(v3["copyrightHolder"], "Minsk Policy Review");
    assert_eq!(v3["uri"], v2["uri"]);
    assert_eq!(v3["standard"]["version"], "3.1");
    assert_eq!(v3["bodies"][0]["contentType"], "text/html");
    assert_eq!(v3["altIds"], v2["altids"]);
    let issue = json_of(&bundle, "be/issue.ninjs3.json");
    assert_eq!(issue["uri"], "https://digest.example.org/be/index.html");
    assert_eq!(
        issue["associations"]
            .as_array()
            .expect("associations")
            .len(),
        4
    );
}

#[test]
fn the_newsletter_links_absolutely_and_is_signed_by_the_publisher() {
    let mut input = w21();
    for text in input.commentaries[0].versions.values_mut() {
        text.body
            .push_str("\n\nSee [the chart](charts/rate.html) and [the note](#top).\n");
    }
    let bundle = rendered(&input);
    let html = text(&bundle, "en/email.html");
    assert!(
        html.contains("href=\"https://digest.example.org/en/key-rate-cut.html\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"https://digest.example.org/en/charts/rate.html\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"#top\""),
        "a link inside the mail stays"
    );
    assert!(html.contains("Minsk Policy Review · "), "signature");
    let plain = text(&bundle, "en/email.txt");
    assert!(
        plain.ends_with("-- \nMinsk Policy Review\n© 2020 Minsk Policy Review\n"),
        "{plain}"
    );
    assert!(plain.contains("https://digest.example.org/en/key-rate-cut.html\n"));
}

#[test]
fn nothing_in_the_bundle_is_signed_by_the_software() {
    let bundle = rendered(&w21());
    for (path, bytes) in &bundle.files {
        let content = String::from_utf8_lossy(bytes);
        for signature in ["\"Galley\"", ">Galley<", "-- \nGalley", "Galley ·"] {
            assert!(!content.contains(signature), "{path} contains {signature}");
        }
    }
}

#[test]
fn formats_whose_settings_are_unset_are_left_out_and_named_with_the_settings() {
    let mut input = w21();
    input.publication.base_url = None;
    let bundle = rendered(&input);
    for (path, _) in &bundle.files {
        for made_without in ["feed.", "email.", "ninjs"] {
            assert!(
                !path.contains(made_without),
                "{path} was made without a base URL"
            );
        }
    }
    assert!(
        bundle.get("en/index.html").is_some(),
        "pages need no settings"
    );
    assert!(
        !text(&bundle, "en/index.html").contains("feed.atom"),
        "pages do not point to a feed that is not there"
    );
    assert_eq!(bundle.left_out.len(), 3);
    let messages: Vec<String> = bundle.left_out.iter().map(|l| l.message()).collect();
    assert!(
        messages[0].starts_with(
            "Feeds (feed.atom, feed.json): not made; set `base_url` under [publication]"
        ),
        "{messages:?}"
    );
    let manifest = json_of(&bundle, "manifest.json");
    assert_eq!(manifest["left_out"], serde_json::json!(messages));
    input.publication.publisher = None;
    let both = rendered(&input);
    assert!(both.left_out[2]
        .message()
        .contains("set `publisher` and `base_url`"));
}

#[test]
fn pages_show_the_section_the_teams_trend_sentence_and_plural_labels() {
    let bundle = rendered(&w21());
    let en = text(&bundle, "en/key-rate-cut.html");
    assert!(en.contains("<p class=\"section\">Economy</p>"), "{en}");
    let ru_index = text(&bundle, "ru/index.html");
    assert!(
        ru_index.contains("<p class=\"count\">4 комментария</p>"),
        "{ru_index}"
    );
    assert!(text(&bundle, "en/index.html").contains("<p class=\"count\">4 commentaries</p>"));
    let ru = text(&bundle, "ru/key-rate-cut.html");
    assert!(ru.contains("<p class=\"section\">Экономика</p>"));
    let mut one_author = w21();
    let mut two_authors = w21();
    for text in one_author.commentaries[1].versions.values_mut() {
        text.front.authors = vec!["Hanna Zhuk".into()];
    }
    for text in two_authors.commentaries[1].versions.values_mut() {
        text.front.authors = vec!["Hanna Zhuk".into(), "Pavel Lysenka".into()];
    }
    let one = rendered(&one_author);
    let two = rendered(&two_authors);
    for (lang, single, several) in [
        ("ru", "Автор", "Авторы"),
        ("be", "Аўтар", "Аўтары"),
        ("en", "By", "By"),
    ] {
        let path = format!("{lang}/key-rate-cut.html");
        assert!(
            text(&one, &path).contains(&format!("<p class=\"byline\">{single}: Hanna Zhuk</p>")),
            "{lang}"
        );
        assert!(
            text(&two, &path).contains(&format!(
                "<p class=\"byline\">{several}: Hanna Zhuk, Pavel Lysenka</p>"
            )),
            "{lang}"
        );
    }
}

#[test]
fn the_trend_sentence_replaces_the_word_where_the_team_set_one() {
    let mut input = w21();
    for text in input.commentaries[1].versions.values_mut() {
        text.front.trend = Some(galley_core::draft::Trend::Unchanged);
    }
    let bundle = rendered(&input);
    let en = text(&bundle, "en/key-rate-cut.html");
    assert!(
        en.contains("</span> The situation has not changed</p>"),
        "{en}"
    );
    assert!(!en.contains("Trend: unchanged"));
    assert!(text(&bundle, "ru/key-rate-cut.html").contains("</span> Ситуация не изменилась</p>"));
    assert!(text(&bundle, "be/key-rate-cut.html").contains("</span> Тэндэнцыя: без зменаў</p>"));
    assert!(text(&bundle, "en/email.txt").contains("The situation has not changed\n"));
}

// --- Sanitizing ----------------------------------------------------------------------------

const HOSTILE: &str = "Hello <script>alert('x')</script> world.\n\n\
<img src=\"a.png\" onerror=\"alert(1)\">\n\n\
[click](javascript:alert(1)) and [also](JaVaScRiPt:alert(2)) and <a href=\"javascript:alert(3)\" onclick=\"alert(4)\">raw</a>\n\n\
<script>\nalert(5)\n</script>\n\n\
[ref link][bad]\n\n[bad]: javascript:alert(6)\n\n\
![remote](https://tracker.example/pixel.png) and ![local](chart.png)\n\n\
<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>\n";

#[test]
fn scripts_event_handlers_and_javascript_urls_reach_no_file_of_the_bundle() {
    let mut input = w21();
    for text in input.commentaries[0].versions.values_mut() {
        text.body.push_str("\n\n");
        text.body.push_str(HOSTILE);
    }
    let bundle = rendered(&input);
    for (path, bytes) in &bundle.files {
        let lower = String::from_utf8_lossy(bytes).to_lowercase();
        for needle in [
            "<script",
            "javascript:",
            "onerror",
            "onclick",
            "<iframe",
            "display:none",
        ] {
            assert!(!lower.contains(needle), "{path} contains {needle}");
        }
        assert!(!lower.contains("src=\"https://tracker"), "{path}");
    }
    let page = text(&bundle, "en/gas-price-talks-stall.html");
    assert!(
        page.contains("<img src=\"chart.png\" alt=\"local\">"),
        "relative image kept"
    );
    assert!(
        page.contains("href=\"https://tracker.example/pixel.png\""),
        "remote image is a link"
    );
}

#[test]
fn markdown_to_html_renders_tables_footnotes_and_strikethrough() {
    let html =
        markdown_to_html("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~old~~ new[^n]\n\n[^n]: Note.\n");
    assert!(html.contains("<table>"), "{html}");
    assert!(
        html.contains("<td style=\"text-align: right\">2</td>"),
        "{html}"
    );
    assert!(html.contains("<del>old</del>"), "{html}");
    assert!(html.contains("<a href=\"#fn-1\""), "{html}");
    assert!(html.contains("id=\"fn-1\""), "{html}");
    assert!(!markdown_to_html("<p style=\"background:url(x)\">a</p>").contains("url("));
}

// --- Writing -------------------------------------------------------------------------------

#[test]
fn write_dir_replaces_a_previous_bundle_but_refuses_a_folder_with_other_files() {
    let bundle = rendered(&w21());
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    bundle.write_dir(&out).expect("new folder");
    std::fs::write(out.join("stale.txt"), "old").expect("write");
    bundle.write_dir(&out).expect("previous bundle is replaced");
    assert!(
        !out.join("stale.txt").exists(),
        "the old bundle went as a whole"
    );
    assert_eq!(
        std::fs::read(out.join("en/index.html")).expect("read"),
        bundle.get("en/index.html").expect("index")
    );
    let other = dir.path().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("notes.txt"), "mine").expect("write");
    let err = bundle.write_dir(&other).expect_err("refused");
    assert!(err.to_string().contains("not a Galley bundle"), "{err}");
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).expect("kept"),
        "mine"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temp folders left: {names:?}");
}

// --- Real consumers ------------------------------------------------------------------------

fn require(check: &[&str], what: &str, install: &str) {
    let ok = Command::new(check[0])
        .args(&check[1..])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "{what} is required for this test but is not installed: {install}"
    );
}

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
