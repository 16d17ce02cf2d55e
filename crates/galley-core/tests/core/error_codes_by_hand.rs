// Errors as data for what a user gets wrong by hand or meets from outside: a draft's front
// matter, the settings file, a search, a name, an XLIFF file, an export target and git's own
// refusals carry a code and their facts, while the English sentence is the one it always was.

use super::error_codes::{args, data};
use super::support::TempWorkspace;
use galley_core::draft::Draft;
use galley_core::git::{failed, GitOutput};
use galley_core::search::{match_expression, Filters};
use galley_core::settings::Settings;
use galley_core::workspace::{SETTINGS_FILE, STATE_DIR};
use galley_core::ErrorKind;
use std::path::Path;

const ARMY: &str = "pxq253v3kb";
const NOMINATION: &str = "y65qx5zuzq";

/// The code and the facts after `path` of the refusal of `text` as the draft `a.en.md`.
fn draft_refusal(text: &str) -> (Option<&'static str>, Vec<(&'static str, String)>) {
    let err = Draft::parse(Path::new("2020-W20/a.en.md"), text.as_bytes()).expect_err(text);
    assert_eq!(err.kind(), ErrorKind::InvalidDraft, "{err}");
    let (code, mut facts) = data(&err);
    assert_eq!(
        facts.remove(0),
        ("path", "2020-W20/a.en.md".to_string()),
        "{err}"
    );
    (code, facts)
}

/// A draft's text, the code of its refusal, and the facts after `path`.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

#[test]
fn each_refusal_of_a_front_matter_has_its_code_line_and_facts() {
    let cases: &[Case] = &[
        (
            "# no front matter\n",
            "draft_no_front_matter",
            &[("line", "1")],
        ),
        (
            "---\nid: x\nlang: en\n",
            "draft_front_matter_unclosed",
            &[("line", "1")],
        ),
        (
            "---\nid: x\n...\n---\n",
            "draft_document_end",
            &[("line", "3")],
        ),
        (
            "---\nid: &a x\nlang: en\n---\n",
            "draft_yaml_anchor",
            &[("line", "2")],
        ),
        (
            "---\nid: !t x\nlang: en\n---\n",
            "draft_yaml_tag",
            &[("line", "2")],
        ),
        (
            "---\n- id\n---\n",
            "draft_not_mapping",
            &[("line", "2"), ("found", "list")],
        ),
        (
            "---\nlang: en\n---\n",
            "draft_field_missing",
            &[("line", "1"), ("field", "id")],
        ),
        (
            "---\nid: x\n---\n",
            "draft_field_missing",
            &[("line", "1"), ("field", "lang")],
        ),
        (
            "---\nid: x\nlang: en\nid: y\n---\n",
            "draft_key_twice",
            &[("line", "4"), ("key", "id"), ("first_line", "2")],
        ),
        (
            "---\nid: a b\nlang: en\n---\n",
            "draft_id_has_space",
            &[("line", "1"), ("id", "a b")],
        ),
        (
            "---\nid: x\nlang: e1\n---\n",
            "draft_language_tag_invalid",
            &[("line", "3"), ("field", "lang"), ("lang", "e1")],
        ),
        (
            "---\nid: x\nlang: be\n---\n",
            "draft_lang_not_file_name",
            &[("line", "3"), ("lang", "be"), ("file_lang", "en")],
        ),
        (
            "---\nid: x\nlang: en\ntranslation_of: en\n---\n",
            "draft_translation_of_itself",
            &[("line", "4"), ("lang", "en")],
        ),
        (
            "---\nid: x\nlang: en\ntitle: [a, b]\n---\n",
            "draft_field_not_text",
            &[("line", "4"), ("field", "title"), ("found", "list")],
        ),
        (
            "---\nid: x\nlang: en\nauthors:\n  - a\n  - [b]\n---\n",
            "draft_item_not_text",
            &[("line", "6"), ("field", "authors"), ("found", "list")],
        ),
        (
            "---\nid: x\nlang: en\ntags:\n  a: b\n---\n",
            "draft_field_not_list",
            &[("line", "5"), ("field", "tags")],
        ),
        (
            "---\nid: x\nlang: en\ntrend: up\n---\n",
            "draft_trend_invalid",
            &[
                ("line", "4"),
                ("trend", "up"),
                ("trends", "improved, unchanged, deteriorated"),
            ],
        ),
    ];
    for (text, code, facts) in cases {
        assert_eq!(draft_refusal(text), (Some(*code), args(facts)), "{text}");
    }
}

#[test]
fn unreadable_yaml_keeps_the_parser_words_as_a_fact_and_the_sentence_as_it_was() {
    let text = "---\nid: x\nlang: en\ntitle: \"never closed\n---\n";
    let err = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect_err("bad yaml");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("draft_yaml_syntax"));
    let said = &facts[2].1;
    assert!(!said.is_empty(), "{facts:?}");
    assert!(
        err.to_string()
            .contains(&format!("YAML syntax error: {said}")),
        "{err}"
    );
}

#[test]
fn a_settings_file_that_cannot_be_used_says_which_and_where() {
    let t = TempWorkspace::new();
    let path = t.root().join(STATE_DIR).join(SETTINGS_FILE);
    let shown = path.display().to_string();
    let refusal = |text: &str| {
        std::fs::write(&path, text).expect("write settings");
        let err = Settings::load(&path).expect_err(text);
        assert_eq!(err.kind(), ErrorKind::InvalidSettings, "{err}");
        data(&err)
    };
    let (code, facts) = refusal("languages = ['be', 'en']\nsections = [\n");
    assert_eq!(code, Some("settings_unreadable"));
    assert_eq!(facts[..2], args(&[("path", &shown), ("line", "2")]));
    assert_eq!(
        refusal("languages = []\n"),
        (Some("settings_languages_empty"), args(&[("path", &shown)]))
    );
    assert_eq!(
        refusal("languages = ['be', 'en', 'be']\n"),
        (
            Some("settings_language_listed_twice"),
            args(&[("path", &shown), ("lang", "be")])
        )
    );
    assert_eq!(
        refusal(
            "languages = ['be']\n[[sections]]\nkey = 'economy'\n[[sections]]\nkey = 'economy'\n"
        ),
        (
            Some("settings_section_listed_twice"),
            args(&[("path", &shown), ("section", "economy")])
        )
    );
    assert_eq!(
        refusal("languages = ['be']\n[issue_title]\nbe = 'Issue {nope}'\n"),
        (
            Some("settings_title_pattern_invalid"),
            args(&[
                ("path", &shown),
                ("lang", "be"),
                ("pattern", "Issue {nope}")
            ])
        )
    );
    assert_eq!(
        refusal("languages = ['be']\n[publication]\nbase_url = 'ftp://example.org/'\n"),
        (
            Some("base_url_invalid"),
            args(&[("url", "ftp://example.org/")])
        )
    );
}

#[test]
fn a_search_that_cannot_be_read_names_the_query() {
    let refusal = |query: &str| {
        let err = match_expression(query, &Filters::default()).expect_err(query);
        assert_eq!(err.kind(), ErrorKind::Invalid);
        data(&err)
    };
    for (query, code) in [
        ("   ", "search_empty"),
        ("\"open phrase", "search_quote_unclosed"),
        ("\"a\"b", "search_quote_then_word"),
        ("a\"b", "search_quote_in_word"),
        ("OR army", "search_or_misplaced"),
        ("army OR -navy", "search_or_excluded"),
        ("army NOT", "search_not_dangling"),
        ("-army", "search_only_excluded"),
        ("re*form", "search_star_inside"),
        ("!!", "search_no_letters"),
    ] {
        assert_eq!(
            refusal(query),
            (Some(code), args(&[("query", query)])),
            "{query}"
        );
    }
    let filters = Filters {
        issue: Some("week 20".into()),
        ..Filters::default()
    };
    let err = match_expression("army", &filters).expect_err("bad week");
    assert_eq!(
        data(&err),
        (
            Some("search_filter_invalid"),
            args(&[("filter", "issue"), ("value", "week 20")])
        )
    );
}

#[test]
fn a_name_that_cannot_be_created_names_the_part_refused() {
    let refusal = |rel: &str| data(&galley_core::paths::check_new_name(rel).expect_err(rel));
    assert_eq!(
        refusal("2020-W20/notes."),
        (Some("name_ends_with_dot"), args(&[("name", "notes.")]))
    );
    assert_eq!(
        refusal("2020-W20/a?b.en.md"),
        (
            Some("name_forbidden_char"),
            args(&[("name", "a?b.en.md"), ("char", "U+003F")])
        )
    );
    assert_eq!(
        refusal("aux.be.md"),
        (Some("name_reserved"), args(&[("name", "aux.be.md")]))
    );
    let long = "a".repeat(201);
    assert_eq!(
        refusal(&long),
        (
            Some("name_too_long"),
            args(&[("name", &long), ("size", "201"), ("limit", "200")])
        )
    );
}

#[test]
fn an_xliff_file_for_another_job_or_cut_short_is_refused_with_its_code() {
    let mut t = TempWorkspace::samples();
    let export = t.ws.xliff_export(ARMY, "en").expect("export");
    let file = export.file_name.as_str();
    let cut = &export.xml[..export.xml.find("<body>").expect("a body")];
    let err = t.ws.xliff_import(cut, file).expect_err("cut short");
    assert_eq!(
        data(&err),
        (Some("xliff_cut_short"), args(&[("file", file)]))
    );

    let err = t.ws.xliff_import("<html/>", file).expect_err("not XLIFF");
    assert_eq!(
        data(&err),
        (Some("xliff_not_a_job"), args(&[("file", file)]))
    );

    let other = export
        .xml
        .replace("target-language=\"en\"", "target-language=\"ru\"");
    assert_ne!(other, export.xml, "the job names its target language");
    // Its header still names the English version it was made from: that is what is wrong.
    let err = t.ws.xliff_import(&other, file).expect_err("other language");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("xliff_version_elsewhere"), "{err}");
    assert_eq!(facts[0], ("file", file.to_string()));

    let unit = export.xml.replace("id=\"p1\"", "id=\"p99\"");
    let err = t.ws.xliff_import(&unit, file).expect_err("extra unit");
    assert_eq!(
        data(&err),
        (
            Some("xliff_unit_extra"),
            args(&[("file", file), ("unit", "p99")])
        )
    );
    assert!(err.to_string().contains("an extra unit"), "{err}");
}

#[test]
fn an_export_folder_inside_the_workspace_is_refused_with_its_code() {
    let mut t = TempWorkspace::samples();
    let inside = t.root().join("out");
    let err =
        t.ws.export_issue(
            "2020-W20".parse().expect("week"),
            &inside,
            Default::default(),
            &mut |_| {},
        )
        .expect_err("inside");
    assert_eq!(
        data(&err),
        (
            Some("export_target_in_workspace"),
            args(&[("path", &inside.display().to_string())])
        )
    );
}

#[test]
fn git_refusing_keeps_its_own_words_as_a_fact() {
    let out = GitOutput {
        ok: false,
        stdout: String::new(),
        stderr: "remote: GH006: Protected branch update failed\n".into(),
    };
    let err = failed(&["push", "origin"], &out);
    assert_eq!(err.kind(), ErrorKind::Sync);
    assert_eq!(
        data(&err),
        (
            Some("sync_git_failed"),
            args(&[
                ("command", "git push origin"),
                ("git_says", "remote: GH006: Protected branch update failed"),
            ])
        )
    );
}

#[test]
fn the_board_names_an_unreadable_draft_by_its_own_code() {
    let t = TempWorkspace::samples();
    let rel = "2020-W20/army-reserve-call-up.en.md";
    let text = t.read(rel).replacen("lang: en", "lang: en\nlang: en", 1);
    t.write(rel, &text);
    let board =
        t.ws.issue_board("2020-W20".parse().expect("week"))
            .expect("board");
    let problem = board
        .problems
        .iter()
        .find(|p| p.to_string().starts_with(rel))
        .unwrap_or_else(|| panic!("{rel} is a problem: {:?}", board.problems));
    let (code, facts) = data(problem);
    assert_eq!(code, Some("draft_key_twice"), "{problem}");
    assert_eq!(facts[0], ("path", rel.to_string()));
    assert_eq!(facts[2], ("key", "lang".to_string()));
}

#[test]
fn translating_into_the_same_language_or_settling_a_settled_conflict_says_which() {
    let mut t = TempWorkspace::samples();
    let err =
        t.ws.start_translation(NOMINATION, "de", Some("de"))
            .expect_err("de into de");
    // The workspace has no `de`: that is refused first, by its own code.
    assert_eq!(err.code().map(|c| c.as_str()), Some("language_unknown"));
    let err =
        t.ws.start_translation(NOMINATION, "en", Some("en"))
            .expect_err("en into en");
    assert_eq!(
        data(&err),
        (
            Some("translate_same_language"),
            args(&[("id", NOMINATION), ("lang", "en")])
        )
    );
    let rel = "2020-W20/army-reserve-call-up.en.md";
    let err = t.ws.resolve_conflict(rel, "text").expect_err("no conflict");
    assert_eq!(
        data(&err),
        (Some("conflict_not_found"), args(&[("path", rel)]))
    );
}

#[test]
fn an_issue_file_written_by_hand_is_refused_with_its_code_and_line() {
    use galley_core::issue::Issue;
    let week: galley_core::draft::IsoWeek = "2020-W20".parse().expect("week");
    let path = "2020-W20/issue.toml";
    let refusal = |text: &str| data(&Issue::parse(path, week, text).expect_err(text));
    let twice = "[[sections]]\nkey = \"a\"\ncommentaries = [\"x1\"]\n\n[[sections]]\nkey = \"b\"\ncommentaries = [\n  \"x1\",\n]\n";
    assert_eq!(
        refusal(twice),
        (
            Some("issue_file_id_twice"),
            args(&[
                ("path", path),
                ("line", "8"),
                ("id", "x1"),
                ("section", "a")
            ])
        )
    );
    assert_eq!(
        refusal("\nend = 2020-05-11T10:00:00\n"),
        (
            Some("issue_file_date_invalid"),
            args(&[
                ("path", path),
                ("line", "2"),
                ("date", "2020-05-11T10:00:00")
            ])
        )
    );
    assert_eq!(
        refusal("start = 2020-05-17\nend = 2020-05-11\n"),
        (
            Some("issue_file_dates_reversed"),
            args(&[
                ("path", path),
                ("start", "2020-05-17"),
                ("end", "2020-05-11")
            ])
        )
    );
    let (code, facts) = refusal("start = 2020-05-11\nsecton = 1\n");
    assert_eq!(code, Some("issue_file_unreadable"));
    assert_eq!(facts[..2], args(&[("path", path), ("line", "2")]));
}

#[test]
fn a_copy_with_the_same_id_is_left_alone_naming_the_file_that_has_it() {
    let mut t = TempWorkspace::samples();
    let original = "2020-W20/army-reserve-call-up.en.md";
    let copy = "2020-W20/army-reserve-call-up-copy.en.md";
    t.write(copy, &t.read(original));
    let report = t.ws.record_all().expect("record");
    let problem = report
        .problems
        .iter()
        .find(|p| p.code().is_some_and(|c| c.as_str() == "draft_id_taken"))
        .unwrap_or_else(|| panic!("a duplicate is reported: {:?}", report.problems));
    let (_, facts) = data(problem);
    let paths = [facts[0].1.as_str(), facts[1].1.as_str()];
    assert!(
        paths.contains(&copy) && paths.contains(&original),
        "{facts:?}"
    );
    assert_eq!(problem.kind(), ErrorKind::InvalidDraft);
}
