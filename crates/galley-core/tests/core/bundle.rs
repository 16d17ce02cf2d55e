// Publishing bundles rendered from the sample drafts (drafts/2020-W20, drafts/2020-W21),
// checked by our own reading. The sample workspace's `[publication]` settings name the
// publisher and the site. Real consumers read the same bundles in `tests/consumers/bundle.rs`.

use super::bundle_samples::{rendered, sample_input, w21};
use galley_core::bundle::{markdown_to_html, render, Bundle, Progress};

fn text(bundle: &Bundle, path: &str) -> String {
    String::from_utf8(
        bundle
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .to_vec(),
    )
    .expect("utf-8")
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
