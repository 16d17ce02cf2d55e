//! Tests for the draft module: byte-exact round trips over fixtures, minimal updates, every
//! refusal with its line and field, hostile input, and render → parse round trips.

use galley_core::draft::{
    is_draft_file_name, lang_from_file_name, new_id, read_draft, render_new, update, Draft,
    FrontMatter, IsoWeek, Trend, MAX_DRAFT_BYTES,
};
use galley_core::Error;
use galley_core::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use time::macros::date;

const FIXTURES: [&str; 4] = [
    "2020-W20/army-reform.en.md",
    "2020-W20/army-reform.be.md",
    "2020-W20/army-reform.ru.md",
    "2020-W20/commentary-notes.en.md",
];

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/drafts")
        .join(name)
}

fn fixture(name: &str) -> (Vec<u8>, Draft) {
    let bytes = std::fs::read(fixture_path(name)).expect("fixture is readable");
    let draft = Draft::parse(Path::new(name), &bytes).expect("fixture parses");
    (bytes, draft)
}

fn parse(name: &str, text: &str) -> Result<Draft, Error> {
    Draft::parse(Path::new(name), text.as_bytes())
}

/// Parses `text` expecting `InvalidDraft`; returns (line, field, message).
fn refusal(name: &str, text: &str) -> (usize, String, String) {
    match parse(name, text) {
        Err(Error::InvalidDraft {
            path,
            line,
            field,
            message,
            ..
        }) => {
            assert_eq!(path, Path::new(name));
            (line, field, message)
        }
        other => panic!("expected InvalidDraft, got {other:?}"),
    }
}

fn minimal(extra: &str) -> String {
    format!("---\nid: k7m2q9x4tz\nlang: en\n{extra}---\nBody.\n")
}

// ---------------------------------------------------------------------------------------
// Round trips over fixtures

#[test]
fn every_fixture_keeps_its_exact_text_and_updates_to_itself_unchanged() {
    for name in FIXTURES {
        let (bytes, draft) = fixture(name);
        assert_eq!(draft.text().as_bytes(), &bytes[..], "{name}");
        let again = update(&draft, draft.front(), draft.body());
        assert_eq!(again.as_bytes(), &bytes[..], "{name}");
    }
}

#[test]
fn english_fixture_reads_every_known_field() {
    let (_, draft) = fixture(FIXTURES[0]);
    let expected = FrontMatter {
        id: "k7m2q9x4tz".into(),
        title: "Army reform stalls again".into(),
        trend: Some(Trend::Deteriorated),
        authors: vec!["Alena Kavalchuk".into(), "Piotr Sidarenka".into()],
        lead: "One paragraph summary folded over two lines.".into(),
        section: Some("security".into()),
        issue: Some("2020-W20".parse().expect("valid week")),
        tags: vec!["army".into(), "reform".into()],
        lang: "en".into(),
        translation_of: Some("be".into()),
    };
    assert_eq!(draft.front(), &expected);
    assert_eq!(draft.body(), "\nBody in Markdown...\n\n* a list\n");
    assert_eq!(draft.front_matter_lines(), 14);
    assert_eq!(draft.path(), Path::new(FIXTURES[0]));
}

#[test]
fn crlf_fixture_reads_cyrillic_values_and_a_literal_block_without_carriage_returns() {
    let (_, draft) = fixture(FIXTURES[1]);
    let front = draft.front();
    assert_eq!(front.title, "Рэформа войска зноў спынілася");
    assert_eq!(front.authors, ["Алена Кавальчук", "Пётр Сідарэнка"]);
    assert_eq!(front.lead, "Першы радок.\nДругі радок.\n");
    assert_eq!(front.section.as_deref(), Some("бяспека"));
    assert_eq!(front.translation_of, None);
    assert_eq!(draft.body(), "\r\nТэкст артыкула.\r\n");
}

#[test]
fn bom_fixture_keeps_the_bom_and_reads_a_single_author_as_a_list() {
    let (_, draft) = fixture(FIXTURES[2]);
    assert!(draft.text().starts_with('\u{feff}'));
    let front = draft.front();
    assert_eq!(front.title, "Реформа армии: снова стоп");
    assert_eq!(front.authors, ["Алена Кавальчук"]);
    assert_eq!(front.lead, "Одна «цитата» и всё.");
    assert_eq!(draft.body(), "Текст без пустой строки.");
}

#[test]
fn commented_fixture_reads_known_fields_and_lists_unknown_keys() {
    let (_, draft) = fixture(FIXTURES[3]);
    assert_eq!(draft.front().id, "k7m2q9x4tz");
    assert_eq!(draft.front().title, "Army reform: what's next");
    assert_eq!(draft.front().trend, Some(Trend::Unchanged));
    assert_eq!(
        draft.front().authors,
        ["Alena Kavalchuk", "Piotr Sidarenka"]
    );
    let keys: Vec<&str> = draft.keys().collect();
    assert_eq!(
        keys,
        [
            "id",
            "title",
            "x-editor-note",
            "trend",
            "authors",
            "seo",
            "lead",
            "lang",
            "weight"
        ]
    );
}

#[test]
fn every_prefix_of_every_fixture_is_parsed_or_refused_without_panicking() {
    for name in FIXTURES {
        let (bytes, _) = fixture(name);
        for end in 0..bytes.len() {
            let _ = Draft::parse(Path::new(name), &bytes[..end]);
        }
    }
}

// ---------------------------------------------------------------------------------------
// update

// Changed keys keep their style: the single-quoted title stays quoted, the block list a block list.
#[test]
fn update_rewrites_only_changed_keys_and_keeps_comments_and_unknown_keys() {
    let (_, draft) = fixture(FIXTURES[3]);
    let mut front = draft.front().clone();
    front.title = "Army reform: what now?".into();
    front.trend = None;
    front.authors = vec!["Alena Kavalchuk".into()];
    front.section = Some("security".into());
    front.issue = Some("2020-W21".parse().expect("valid week"));
    let out = update(&draft, &front, "\nNew body.\n");
    let expected = "---
# Edited by hand; keep this comment.
id:   k7m2q9x4tz   # trailing comment
title: 'Army reform: what now?'

x-editor-note: |
  Check the numbers
  before Friday.
authors:
- Alena Kavalchuk
seo:
  description: Something
  keywords: [a, b]

lead: >-
  One paragraph summary.
lang: en
weight: 10
section: security
issue: 2020-W21
---

New body.
";
    assert_eq!(out, expected);
    let reread = parse(FIXTURES[3], &out).expect("updated draft parses");
    assert_eq!(reread.front(), &front);
}

#[test]
fn update_of_a_crlf_file_writes_crlf_and_keeps_other_lines() {
    let (bytes, draft) = fixture(FIXTURES[1]);
    let mut front = draft.front().clone();
    front.title = "Новая назва".into();
    front.lead = "Адзін радок.".into();
    let out = update(&draft, &front, draft.body());
    let original = String::from_utf8(bytes).expect("fixture is UTF-8");
    let expected = original
        .replace(
            "title: Рэформа войска зноў спынілася\r\n",
            "title: Новая назва\r\n",
        )
        .replace(
            "lead: |\r\n  Першы радок.\r\n  Другі радок.\r\n",
            // Still a literal block (its style kept), now without a final line break.
            "lead: |-\r\n  Адзін радок.\r\n",
        );
    assert_ne!(expected, original);
    assert_eq!(out, expected);
}

#[test]
fn update_writes_multi_line_text_as_a_literal_block_and_reads_it_back() {
    let draft = parse("a.en.md", &minimal("lead: Short.\ntags: [x]\n")).expect("parses");
    let mut front = draft.front().clone();
    front.lead = "First line.\n\nThird line.".into();
    let out = update(&draft, &front, draft.body());
    let expected = "---\nid: k7m2q9x4tz\nlang: en\nlead: |-\n  First line.\n\n  Third line.\n\
                    tags: [x]\n---\nBody.\n";
    assert_eq!(out, expected);
    assert_eq!(parse("a.en.md", &out).expect("parses").front(), &front);
}

#[test]
fn update_removes_an_emptied_key_with_its_indented_lines_but_not_the_comment_after_it() {
    let text = minimal("tags:\n  - army\n  - reform\n\n# about the section\nsection: security\n");
    let draft = parse("a.en.md", &text).expect("parses");
    let mut front = draft.front().clone();
    front.tags.clear();
    front.section = None;
    let out = update(&draft, &front, draft.body());
    assert_eq!(
        out,
        "---\nid: k7m2q9x4tz\nlang: en\n\n# about the section\n---\nBody.\n"
    );
}

#[test]
fn update_writes_an_emptied_title_as_empty_quotes() {
    let draft = parse("a.en.md", &minimal("title: Old\n")).expect("parses");
    let mut front = draft.front().clone();
    front.title.clear();
    let out = update(&draft, &front, draft.body());
    assert_eq!(
        out,
        "---\nid: k7m2q9x4tz\nlang: en\ntitle: \"\"\n---\nBody.\n"
    );
}

#[test]
fn update_gives_a_body_its_own_line_when_the_file_ended_at_the_closing_line() {
    let draft = parse("a.en.md", "---\nid: k7m2q9x4tz\nlang: en\n---").expect("parses");
    assert_eq!(draft.body(), "");
    let out = update(&draft, draft.front(), "Text.\n");
    assert_eq!(out, "---\nid: k7m2q9x4tz\nlang: en\n---\nText.\n");
}

#[test]
fn update_keeps_the_bom() {
    let (_, draft) = fixture(FIXTURES[2]);
    let mut front = draft.front().clone();
    front.tags = vec!["армія".into()];
    let out = update(&draft, &front, draft.body());
    assert!(out.starts_with("\u{feff}---\n"));
    assert!(out.contains("translation_of: be\ntags: [армія]\n---\n"));
}

// ---------------------------------------------------------------------------------------
// render_new

fn full_front() -> FrontMatter {
    FrontMatter {
        id: "k7m2q9x4tz".into(),
        title: "Army reform stalls again".into(),
        trend: Some(Trend::Deteriorated),
        authors: vec!["Alena Kavalchuk".into(), "Piotr Sidarenka".into()],
        lead: "One paragraph summary.".into(),
        section: Some("security".into()),
        issue: Some("2020-W20".parse().expect("valid week")),
        tags: vec!["army".into(), "reform".into()],
        lang: "en".into(),
        translation_of: Some("be".into()),
    }
}

#[test]
fn render_new_writes_keys_in_order_and_plain_values_unquoted() {
    let out = render_new(&full_front(), "\nBody.\n");
    let expected = "---
id: k7m2q9x4tz
title: Army reform stalls again
trend: deteriorated
authors: [Alena Kavalchuk, Piotr Sidarenka]
lead: One paragraph summary.
section: security
issue: 2020-W20
tags: [army, reform]
lang: en
translation_of: be
---

Body.
";
    assert_eq!(out, expected);
}

#[test]
fn render_new_leaves_out_empty_optional_fields_but_keeps_title_and_lead() {
    let front = FrontMatter {
        id: "abc".into(),
        lang: "be".into(),
        ..FrontMatter::default()
    };
    let out = render_new(&front, "");
    assert_eq!(
        out,
        "---\nid: abc\ntitle: \"\"\nlead: \"\"\nlang: be\n---\n"
    );
    assert_eq!(parse("x.be.md", &out).expect("parses").front(), &front);
}

const TRICKY: [&str; 34] = [
    "yes",
    "No",
    "null",
    "~",
    "true",
    "a: b",
    "ends with colon:",
    "#tag",
    "a #comment",
    "  leading spaces",
    "trailing space ",
    r#"He said "no" \ and C:\path\"#,
    "'single'",
    "Рэформа: войска #1",
    "123",
    "-1.5",
    "+7",
    "0x1F",
    "1e3",
    ".5",
    "2020-05-11",
    "12:30",
    "- dash",
    "[bracket]",
    "{brace}",
    "*star",
    "&amp",
    "!bang",
    "| pipe",
    "> fold",
    "%percent",
    "@at",
    "tab\there",
    "comma, inside",
];

#[test]
fn render_new_then_parse_gives_back_values_that_need_quotes() {
    for value in TRICKY {
        let front = FrontMatter {
            title: value.into(),
            lead: value.into(),
            section: Some(value.into()),
            authors: vec![value.into(), "Plain Name".into()],
            tags: vec![value.into()],
            ..full_front()
        };
        let text = render_new(&front, "Body.\n");
        let draft = parse("2020-W20/x.en.md", &text)
            .unwrap_or_else(|e| panic!("{value:?} did not round-trip: {e}\n{text}"));
        assert_eq!(draft.front(), &front, "{value:?}\n{text}");
        assert_eq!(draft.body(), "Body.\n");
    }
}

#[test]
fn render_new_then_parse_gives_back_multi_line_and_odd_text() {
    let leads = [
        "line one\nline two",
        "line one\nline two\n",
        "ends with two newlines\n\n",
        "\nstarts with a newline",
        " indented first\nsecond",
        "trailing space \nsecond",
        "carriage\r\nreturn",
        "nul-free \u{7} bell and \u{2028} separator and \u{feff} bom",
        "---",
        "...",
        "# heading-like\n---\nnot a delimiter",
    ];
    for lead in leads {
        let front = FrontMatter {
            lead: lead.into(),
            ..full_front()
        };
        let text = render_new(&front, "");
        let draft = parse("x.en.md", &text)
            .unwrap_or_else(|e| panic!("{lead:?} did not round-trip: {e}\n{text}"));
        assert_eq!(draft.front(), &front, "{lead:?}\n{text}");
    }
}

#[test]
fn render_new_quotes_only_when_needed() {
    let front = FrontMatter {
        title: "yes".into(),
        lead: "a: b".into(),
        tags: vec!["#tag".into(), "plain".into()],
        authors: vec!["Doe, John".into()],
        ..full_front()
    };
    let out = render_new(&front, "");
    assert!(out.contains("\ntitle: \"yes\"\n"), "{out}");
    assert!(out.contains("\nlead: \"a: b\"\n"), "{out}");
    assert!(out.contains("\ntags: [\"#tag\", plain]\n"), "{out}");
    assert!(out.contains("\nauthors: [\"Doe, John\"]\n"), "{out}");
}

// ---------------------------------------------------------------------------------------
// Refusals

#[test]
fn a_file_without_opening_dashes_is_refused_on_line_1() {
    for text in [
        "",
        "Just Markdown.\n",
        "\n---\nid: a\nlang: en\n---\n",
        "# Title\n",
    ] {
        let (line, field, message) = refusal("a.en.md", text);
        assert_eq!((line, field.as_str()), (1, "front matter"), "{text:?}");
        assert!(
            message.contains("must start with a `---` line"),
            "{message}"
        );
    }
}

#[test]
fn an_unclosed_front_matter_is_refused_at_its_opening_line() {
    let (line, field, message) = refusal("a.en.md", "---\nid: a\nlang: en\n\nBody.\n");
    assert_eq!((line, field.as_str()), (1, "front matter"));
    assert!(message.contains("never closed"), "{message}");
}

#[test]
fn a_yaml_syntax_error_is_reported_at_the_parsers_line() {
    let (line, field, message) = refusal("a.en.md", &minimal("title: [unclosed, list\nx: y\n"));
    assert_eq!((line, field.as_str()), (5, "title"));
    assert!(message.starts_with("YAML syntax error"), "{message}");

    let (line, _, message) = refusal("a.en.md", "---\nid: a\n  bad: indent\nlang: en\n---\n");
    assert_eq!(line, 3, "{message}");
}

#[test]
fn front_matter_that_is_not_a_mapping_is_refused() {
    let (line, field, message) = refusal("a.en.md", "---\n\n- id\n- lang\n---\n");
    assert_eq!((line, field.as_str()), (3, "front matter"));
    assert!(message.contains("not a list"), "{message}");
    let (line, _, message) = refusal("a.en.md", "---\njust words\n---\n");
    assert_eq!(line, 2);
    assert!(message.contains("not text"), "{message}");
}

#[test]
fn anchors_and_aliases_are_refused() {
    let (line, field, message) = refusal("a.en.md", &minimal("title: &t Title\nlead: *t\n"));
    assert_eq!((line, field.as_str()), (4, "title"));
    assert!(
        message.contains("anchors and aliases are not allowed"),
        "{message}"
    );
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused_at_its_first_anchor_quickly() {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip("abcdefgh".chars())
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let text = minimal(&yaml);
    let started = Instant::now();
    let (line, field, message) = refusal("a.en.md", &text);
    // Generous: the point is that nothing is expanded (a billion strings would take minutes).
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!((line, field.as_str()), (4, "a"));
    assert!(
        message.contains("anchors and aliases are not allowed"),
        "{message}"
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_quickly_without_overflowing_the_stack() {
    let flow = format!("deep: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let block = format!("deep:\n  {}a\n", "- ".repeat(10_000));
    let mapping = format!("deep: {}1{}\n", "{a: ".repeat(10_000), "}".repeat(10_000));
    for yaml in [flow, block, mapping] {
        let started = Instant::now();
        let (line, field, message) = refusal("a.en.md", &minimal(&yaml));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(field, "deep");
        assert!((4..=5).contains(&line), "line {line}");
        assert!(message.contains("nested more than 8 levels"), "{message}");
    }
}

#[test]
fn nesting_of_exactly_eight_levels_is_accepted_and_nine_is_refused() {
    // The top-level mapping is level 1, so seven lists make eight levels.
    let eight = minimal(&format!("x: {}a{}\n", "[".repeat(7), "]".repeat(7)));
    assert!(parse("a.en.md", &eight).is_ok());
    let nine = minimal(&format!("x: {}a{}\n", "[".repeat(8), "]".repeat(8)));
    assert_eq!(refusal("a.en.md", &nine).1, "x");
}

#[test]
fn a_repeated_key_is_refused_at_its_second_occurrence() {
    let (line, field, message) = refusal("a.en.md", &minimal("title: One\ntitle: Two\n"));
    assert_eq!((line, field.as_str()), (5, "title"));
    assert!(
        message.contains("appears twice (first on line 4)"),
        "{message}"
    );
    let (line, field, _) = refusal("a.en.md", &minimal("seo:\n  a: 1\n  a: 2\n"));
    assert_eq!((line, field.as_str()), (6, "seo"));
}

#[test]
fn missing_id_or_lang_is_refused() {
    let (line, field, _) = refusal("a.md", "---\nlang: en\ntitle: T\n---\n");
    assert_eq!((line, field.as_str()), (1, "id"));
    let (line, field, _) = refusal("a.md", "---\nid: abc\ntitle: T\n---\n");
    assert_eq!((line, field.as_str()), (1, "lang"));
    let (_, field, _) = refusal("a.md", "---\nid:\nlang: en\n---\n");
    assert_eq!(field, "id");
    let (_, field, _) = refusal("a.md", "---\n---\n");
    assert_eq!(field, "id");
}

#[test]
fn values_of_the_wrong_type_are_refused_at_their_line() {
    let cases = [
        ("title: [a, b]\n", "title", "must be text, not a list"),
        ("lead:\n  x: y\n", "lead", "must be text, not a mapping"),
        ("authors:\n  a: b\n", "authors", "not a mapping"),
        ("tags: [a, [b]]\n", "tags", "must be text, not a list"),
        ("tags:\n  -\n  - b\n", "tags", "not empty"),
    ];
    for (yaml, expected_field, expected_message) in cases {
        let (line, field, message) = refusal("a.en.md", &minimal(yaml));
        assert_eq!(field, expected_field, "{yaml}");
        assert!((4..=6).contains(&line), "{yaml}: line {line}");
        assert!(message.contains(expected_message), "{yaml}: {message}");
    }
}

#[test]
fn an_unknown_trend_is_refused_with_the_allowed_values() {
    let (line, field, message) = refusal("a.en.md", &minimal("trend: better\n"));
    assert_eq!((line, field.as_str()), (4, "trend"));
    assert!(
        message.contains("improved, unchanged, deteriorated"),
        "{message}"
    );
}

#[test]
fn a_week_that_does_not_exist_is_refused() {
    let (line, field, message) = refusal("a.en.md", &minimal("issue: 2021-W53\n"));
    assert_eq!((line, field.as_str()), (4, "issue"));
    assert!(message.contains("2021 has weeks 01 to 52"), "{message}");
    let (_, field, message) = refusal("a.en.md", &minimal("issue: May 2020\n"));
    assert_eq!(field, "issue");
    assert!(message.contains("2020-W20"), "{message}");
}

#[test]
fn lang_must_match_the_file_name_suffix() {
    let (line, field, message) = refusal("2020-W20/army.be.md", &minimal(""));
    assert_eq!((line, field.as_str()), (3, "lang"));
    assert!(message.contains("file name says `be`"), "{message}");
    assert!(parse("2020-W20/army.md", &minimal("")).is_ok());
}

#[test]
fn a_malformed_lang_is_refused() {
    let (line, field, _) = refusal("a.md", "---\nid: abc\nlang: english language\n---\n");
    assert_eq!((line, field.as_str()), (3, "lang"));
}

#[test]
fn a_translation_of_its_own_language_is_refused() {
    let (line, field, message) = refusal("a.en.md", &minimal("translation_of: en\n"));
    assert_eq!((line, field.as_str()), (4, "translation_of"));
    assert!(
        message.contains("cannot be a translation of `en` itself"),
        "{message}"
    );
}

#[test]
fn tags_and_a_second_document_are_refused() {
    let (_, field, message) = refusal("a.en.md", &minimal("title: !!str 12\n"));
    assert_eq!(field, "title");
    assert!(message.contains("tags"), "{message}");
    let (line, _, message) = refusal("a.en.md", &minimal("--- x: y\n"));
    assert_eq!(line, 4);
    assert_eq!(message, "the front matter must be a single YAML document");
}

#[test]
fn front_matter_that_cannot_be_edited_line_by_line_is_refused() {
    let cases = [
        (
            "---\n{id: a, lang: en}\n---\n",
            2,
            "not as one `{…}` mapping",
        ),
        (
            "---\n{\nid: a,\nlang: en}\n---\n",
            2,
            "not as one `{…}` mapping",
        ),
        (
            "---\n  id: a\n  lang: en\n---\n",
            2,
            "must start at the beginning",
        ),
        (
            "---\nid: a\nlang: en\n...\n---\n",
            4,
            "a `...` line ends the YAML early",
        ),
    ];
    for (text, expected_line, expected_message) in cases {
        let (line, field, message) = refusal("a.en.md", text);
        assert_eq!(
            (line, field.as_str()),
            (expected_line, "front matter"),
            "{text:?}"
        );
        assert!(message.contains(expected_message), "{text:?}: {message}");
    }
}

#[test]
fn a_lone_carriage_return_in_front_matter_is_refused() {
    let (line, field, _) = refusal("a.en.md", "---\nid: abc\rlang: en\n---\n");
    assert_eq!((line, field.as_str()), (2, "front matter"));
}

#[test]
fn invalid_utf8_is_not_text_and_names_the_byte_offset() {
    let mut bytes = b"---\nid: abc\nti".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\n---\n");
    match Draft::parse(Path::new("a.en.md"), &bytes) {
        Err(e @ Error::NotText { .. }) => {
            assert_eq!(e.kind(), ErrorKind::NotText);
            assert!(e.to_string().contains("byte offset 14"), "{e}");
        }
        other => panic!("expected NotText, got {other:?}"),
    }
}

#[test]
fn a_file_with_nul_bytes_is_not_text() {
    let bytes = b"---\nid: abc\nlang: en\n---\n\x00\x01\x02binary";
    let err = Draft::parse(Path::new("a.en.md"), bytes).expect_err("binary is refused");
    assert_eq!(err.kind(), ErrorKind::NotText);
}

#[test]
fn read_draft_refuses_a_50_mb_file_from_its_size_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.en.md");
    let file = std::fs::File::create(&path).expect("create");
    let size = 50 * 1024 * 1024;
    file.set_len(size).expect("sparse file");
    match read_draft(&path, Path::new("2020-W20/huge.en.md")) {
        // The reported size is the file's, not the read limit + 1: it came from metadata.
        Err(Error::TooLarge {
            path,
            size: reported,
            limit,
        }) => {
            assert_eq!(path, Path::new("2020-W20/huge.en.md"));
            assert_eq!(reported, size);
            assert_eq!(limit, MAX_DRAFT_BYTES);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn read_draft_reads_a_file_and_names_it_by_its_display_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.en.md");
    std::fs::write(&path, minimal("title: T\n")).expect("write");
    let draft = read_draft(&path, Path::new("2020-W20/a.en.md")).expect("reads");
    assert_eq!(draft.path(), Path::new("2020-W20/a.en.md"));
    assert_eq!(draft.front().title, "T");
    let missing = read_draft(&dir.path().join("nope.md"), Path::new("nope.md"));
    assert_eq!(missing.expect_err("missing file").kind(), ErrorKind::Io);
}

// ---------------------------------------------------------------------------------------
// Names, ids, weeks, trends

#[test]
fn draft_file_names_exclude_hidden_editor_galley_temp_and_conflict_copy_files() {
    for name in ["army.en.md", "a.md", "Рэформа.be.md"] {
        assert!(is_draft_file_name(name), "{name}");
    }
    for name in [
        ".hidden.md",
        ".#army.en.md",
        "#army.en.md#",
        "army.en.md~",
        "army.en.md.swp",
        ".army.en.md.swp",
        "~$army.md",
        ".army.en.md.galley-tmp-x7k2",
        "army.en.md.galley-tmp-x7k2.md",
        "army.txt",
        ".md",
        "army.MD",
        "army.en.sync-conflict-20200511-101112-ABCDEFG.md",
        "army.en (Hanna's conflicted copy).md",
        "army.en (1).md",
    ] {
        assert!(!is_draft_file_name(name), "{name}");
    }
}

#[test]
fn the_language_suffix_is_read_from_the_file_name() {
    assert_eq!(lang_from_file_name("slug.be.md"), Some("be"));
    assert_eq!(lang_from_file_name("a.b.en-GB.md"), Some("en-GB"));
    assert_eq!(lang_from_file_name("slug.md"), None);
    assert_eq!(lang_from_file_name("report.v2.md"), None);
    assert_eq!(lang_from_file_name(".en.md"), None);
    assert_eq!(lang_from_file_name("slug.en.txt"), None);
}

#[test]
fn new_ids_are_ten_unambiguous_lowercase_characters_and_differ() {
    let a = new_id();
    let b = new_id();
    assert_eq!(a.len(), 10);
    assert!(
        a.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()),
        "{a}"
    );
    assert!(!a.contains(['i', 'l', 'o', 'u']), "{a}");
    assert_ne!(a, b);
}

#[test]
fn iso_weeks_exist_only_when_the_year_has_them() {
    let w53: IsoWeek = "2020-W53".parse().expect("2020 has 53 weeks");
    assert_eq!(w53.to_string(), "2020-W53");
    assert_eq!(w53.monday(), date!(2020 - 12 - 28));
    assert_eq!(w53.sunday(), date!(2021 - 01 - 03));
    assert!("2021-W53".parse::<IsoWeek>().is_err());
    for bad in [
        "2020-W00",
        "2020-W5",
        "2020-w20",
        "2020-20",
        "20-W20",
        "2020-W20 ",
        "２０２０-W20",
    ] {
        assert!(bad.parse::<IsoWeek>().is_err(), "{bad}");
    }
}

#[test]
fn an_iso_week_knows_its_days_and_the_week_containing_a_date() {
    let week: IsoWeek = "2020-W20".parse().expect("valid");
    assert_eq!((week.year(), week.week()), (2020, 20));
    assert_eq!(week.monday(), date!(2020 - 05 - 11));
    assert_eq!(week.sunday(), date!(2020 - 05 - 17));
    assert_eq!(IsoWeek::containing(date!(2020 - 05 - 17)), week);
    assert_eq!(
        IsoWeek::containing(date!(2021 - 01 - 01)).to_string(),
        "2020-W53"
    );
}

#[test]
fn trends_parse_from_their_lowercase_names_only() {
    for trend in [Trend::Improved, Trend::Unchanged, Trend::Deteriorated] {
        assert_eq!(
            trend.as_str().parse::<Trend>().expect("own name parses"),
            trend
        );
    }
    let err = "Improved"
        .parse::<Trend>()
        .expect_err("capitalised is refused");
    assert!(
        err.to_string()
            .contains("improved, unchanged, deteriorated"),
        "{err}"
    );
}
