// XLIFF 1.2 export/import: identity round trips on every sample draft, inline codes,
// refusals naming the file and unit. Round trips through real CAT tools are in
// `tests/consumers/xliff.rs`.

use super::xliff_samples::{expect, fixture, job};
use galley_core::draft::{self, Draft};
use galley_core::xliff::{
    apply, export, import, units_of, ExportJob, TargetState, TargetUnit, Unit, UnitKind,
    MAX_XLIFF_BYTES,
};
use galley_core::ErrorKind;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Imports `xml` for `job` and writes it over `target` the way the workspace will.
fn imported_text(xml: &str, job: &ExportJob, target: &Draft) -> String {
    let translation = import(xml, &expect(job)).expect("import");
    let (front, body) = apply(target.front(), target.body(), &translation);
    draft::update(target, &front, &body)
}

fn sample_pairs() -> Vec<(Draft, Draft)> {
    let mut pairs = Vec::new();
    let drafts = repo_root().join("drafts");
    let mut weeks: Vec<PathBuf> = std::fs::read_dir(&drafts)
        .expect("drafts folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && !p.ends_with(".galley"))
        .collect();
    weeks.sort();
    for week in weeks {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&week)
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
            let source_path = week.join(format!("{slug}.{source_lang}.md"));
            let source = draft::read_draft(&source_path, &source_path).expect("source parses");
            pairs.push((source, target));
        }
    }
    pairs
}

#[test]
fn every_sample_translation_survives_export_then_import_unchanged() {
    let pairs = sample_pairs();
    assert!(
        pairs.len() >= 7,
        "expected the sample translations, found {}",
        pairs.len()
    );
    for (source, target) in pairs {
        let job = job(&source, &target.front().lang, Some(&target));
        let xml = export(&job);
        assert_eq!(
            imported_text(&xml, &job, &target),
            target.text(),
            "round trip of {}",
            target.path().display()
        );
    }
}

#[test]
fn markup_rich_translation_survives_export_then_import_unchanged() {
    let (source, target) = (fixture("markup.be.md"), fixture("markup.en.md"));
    let job = job(&source, "en", Some(&target));
    assert_eq!(imported_text(&export(&job), &job, &target), target.text());
}

#[test]
fn a_file_starting_with_a_byte_order_mark_imports() {
    let (source, target) = (fixture("markup.be.md"), fixture("markup.en.md"));
    let job = job(&source, "en", Some(&target));
    let xml = format!("\u{feff}{}", export(&job));
    assert_eq!(imported_text(&xml, &job, &target), target.text());
}

#[test]
fn crlf_translation_survives_export_then_import_unchanged() {
    let source = fixture("markup.be.md");
    let crlf = fixture("markup.en.md").text().replace('\n', "\r\n");
    let target = Draft::parse(Path::new("markup.en.md"), crlf.as_bytes()).expect("crlf parses");
    let job = job(&source, "en", Some(&target));
    assert_eq!(imported_text(&export(&job), &job, &target), crlf);
}

#[test]
fn units_are_title_lead_and_one_per_paragraph_with_fences_kept_whole() {
    let source = fixture("markup.be.md");
    let units = units_of(source.front(), source.body());
    let ids: Vec<String> = units.iter().map(|u| u.kind.id()).collect();
    assert_eq!(
        ids,
        ["title", "lead", "p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    );
    assert_eq!(units[0].text, "Рэформа *арміі* зноў спыняецца");
    assert!(units[6].text.starts_with("```text") && units[6].text.ends_with("```"));
    assert_eq!(UnitKind::from_id("p12"), Some(UnitKind::Paragraph(12)));
    assert_eq!(UnitKind::from_id("p0"), None);
}

#[test]
fn export_protects_markdown_as_inline_codes_and_prefills_targets() {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let xml = export(&job);
    assert!(xml.contains(r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2""#));
    assert!(xml.contains(r#"source-language="be" target-language="en" datatype="x-markdown""#));
    assert!(xml.contains(r#"galley:commentary="q7markup01" galley:source-version="src-v3""#));
    assert!(xml.contains(
        r#"<source>Рэформа <g id="1" ctype="italic" galley:open="*" galley:close="*">арміі</g> зноў спыняецца</source>"#
    ));
    assert!(xml.contains(r#"<target state="needs-translation">Рэформа <g id="1""#));
    assert!(xml.contains(r#"ctype="x-code" galley:md="`reform --delay`"/>"#));
    assert!(xml.contains(r#"ctype="x-footnote" galley:md="[^1]"/>"#));
    assert!(xml.contains(r#"<x id="1" ctype="x-block" galley:md="&gt; "/>Мы не гатовыя"#));
    assert!(xml.contains(r#"ctype="lb" galley:md="\n&gt; "/>Гэта"#));
    assert!(xml.contains(
        r#"<source>Міністэрства абароны <g id="1" ctype="bold" galley:open="**" galley:close="**">адклала</g> пераход"#
    ));
}

#[test]
fn a_new_translation_imported_untouched_translates_nothing() {
    let source = fixture("markup.be.md");
    let job = job(&source, "ru", None);
    let translation = import(&export(&job), &expect(&job)).expect("import");
    assert_eq!(translation.title, None);
    assert_eq!(translation.lead, None);
    assert!(translation.paragraphs.is_empty());
    assert!(translation.units.iter().all(|u| !u.translated));
}

#[test]
fn an_edited_target_comes_back_with_its_markup() {
    let source = fixture("markup.be.md");
    let job = job(&source, "en", None);
    let xml = export(&job).replace(
        r#"<target state="needs-translation">Рэформа <g id="1" ctype="italic" galley:open="*" galley:close="*">арміі</g> зноў спыняецца</target>"#,
        r#"<target state="translated">The <g id="1">army</g> reform stalls again</target>"#,
    );
    let translation = import(&xml, &expect(&job)).expect("import");
    assert_eq!(
        translation.title.as_deref(),
        Some("The *army* reform stalls again")
    );
    assert!(translation.units[0].translated);
    assert_eq!(translation.units[0].state, "translated");
}

fn refusal(xml: &str, job: &ExportJob) -> String {
    let error = import(xml, &expect(job)).expect_err("import must refuse");
    assert_eq!(error.kind(), ErrorKind::Invalid);
    let message = error.to_string();
    assert!(message.contains("job.xlf"), "names the file: {message}");
    message
}

fn be_job() -> (ExportJob, String) {
    let (source, target) = (fixture("markup.be.md"), fixture("markup.en.md"));
    let job = job(&source, "en", Some(&target));
    let xml = export(&job);
    (job, xml)
}

#[test]
fn a_file_for_another_commentary_or_language_is_refused() {
    let (job, xml) = be_job();
    let other = ExportJob {
        commentary: "zzzzzzzzzz".to_string(),
        ..job.clone()
    };
    assert!(refusal(&xml, &other).contains("commentary `q7markup01`, not `zzzzzzzzzz`"));
    let other = ExportJob {
        target_lang: "ru".to_string(),
        ..job.clone()
    };
    assert!(refusal(&xml, &other).contains("target-language is `en`"));
    let other = ExportJob {
        source_lang: "ru".to_string(),
        ..job
    };
    assert!(refusal(&xml, &other).contains("source-language is `be`"));
}

#[test]
fn a_file_whose_source_moved_on_since_export_is_refused() {
    let (job, xml) = be_job();
    let now = ExportJob {
        source_version: "src-v4".to_string(),
        ..job.clone()
    };
    let message = refusal(&xml, &now);
    assert!(
        message.contains("source moved on since export"),
        "{message}"
    );
    let now = ExportJob {
        target_version: Some("tgt-v8".to_string()),
        ..job
    };
    assert!(refusal(&xml, &now).contains("translation changed in Galley since export"));
}

#[test]
fn missing_extra_and_repeated_units_are_refused() {
    let (job, xml) = be_job();
    let start = xml.find(r#"<trans-unit id="p2""#).expect("p2");
    let end = start + xml[start..].find("</trans-unit>").expect("end") + "</trans-unit>".len();
    let unit = &xml[start..end];
    let without = xml.replace(unit, "");
    assert!(refusal(&without, &job).contains("unit(s) `p2` are missing"));
    let twice = xml.replace(unit, &format!("{unit}{unit}"));
    assert!(refusal(&twice, &job).contains("unit `p2` more than once"));
    let extra = xml.replace(
        unit,
        &format!("{unit}{}", unit.replace(r#"id="p2""#, r#"id="p99""#)),
    );
    assert!(refusal(&extra, &job).contains("unit `p99` that is not part of this job"));
    let odd = xml.replace(
        unit,
        &format!("{unit}{}", unit.replace(r#"id="p2""#, r#"id="body""#)),
    );
    assert!(refusal(&odd, &job).contains("unit `body`"));
}

/// The `<target>` element of unit `id` in `xml`, as a range.
fn target_of(xml: &str, id: &str) -> std::ops::Range<usize> {
    let unit = xml
        .find(&format!(r#"<trans-unit id="{id}""#))
        .expect("unit");
    let start = unit + xml[unit..].find("<target").expect("target");
    let end = start + xml[start..].find("</target>").expect("end") + "</target>".len();
    start..end
}

fn with_target(xml: &str, id: &str, target: &str) -> String {
    let range = target_of(xml, id);
    format!("{}{target}{}", &xml[..range.start], &xml[range.end..])
}

#[test]
fn broken_inline_codes_are_refused_naming_the_unit() {
    let (job, xml) = be_job();
    // The title of markup.en.md: "Army *reform* stalls again", one paired code.
    let cases = [
        (
            r#"<target>Army reform stalls again</target>"#,
            "is missing from the target",
        ),
        (
            r#"<target>Army <g id="1">re</g><g id="1">form</g></target>"#,
            "appears more than once",
        ),
        (
            r#"<target>Army <g id="7">reform</g></target>"#,
            "id `7` that is not in the source",
        ),
        (
            r#"<target>Army <x id="1"/>reform</target>"#,
            "was changed: it must be <g id=\"1\">",
        ),
        (
            r#"<target>Army <mrk mtype="x">reform</mrk></target>"#,
            "contains a <mrk> element",
        ),
    ];
    for (target, expected) in cases {
        let message = refusal(&with_target(&xml, "title", target), &job);
        assert!(message.contains("unit `title`"), "{message}");
        assert!(message.contains(expected), "{target}: {message}");
    }
    let unbalanced = with_target(&xml, "title", r#"<target>Army <g id="1">reform</target>"#);
    assert!(refusal(&unbalanced, &job).contains("not well-formed"));
}

#[test]
fn malformed_and_hostile_xml_is_refused() {
    let (job, xml) = be_job();
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file>&lol2;</file></xliff>"#;
    assert!(refusal(laughs, &job).contains("DOCTYPE"));
    let external = xml.replacen(
        "<xliff",
        "<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<xliff",
        1,
    );
    assert!(refusal(&external, &job).contains("DOCTYPE"));
    let undeclared = with_target(
        &xml,
        "title",
        "<target>&x; Army <g id=\"1\">reform</g></target>",
    );
    assert!(refusal(&undeclared, &job).contains("entity &x;"));
    let half = (0..=xml.len() / 2)
        .rev()
        .find(|&i| xml.is_char_boundary(i))
        .unwrap_or(0);
    assert!(refusal(&xml[..half], &job).contains("ends before"));
    assert!(refusal("<xliff version=\"1.2\"><file></xliff>", &job).contains("not well-formed"));
    assert!(refusal("<html/>", &job).contains("not XLIFF 1.2"));
    let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
    assert!(refusal(&deep, &job).contains("nested more than"));
    let huge = format!("{xml}<!--{}-->", " ".repeat(MAX_XLIFF_BYTES));
    assert!(refusal(&huge, &job).contains("byte limit"));
}

/// Inline Markdown of every kind the recognizer sees, mixed deterministically.
fn generated_paragraphs(seed: u64, count: usize) -> Vec<String> {
    const PARTS: &[&str] = &[
        "Рэформа",
        "army",
        " ",
        " ",
        "*",
        "**",
        "_",
        "~~",
        "`",
        "[",
        "]",
        "](https://x.org/a_(b) \"Загаловак\")",
        "![схема](img/s.png)",
        "[^1]",
        "\\",
        "\\*",
        "<br/>",
        "<span title=\"a>b\">",
        "</span>",
        "<https://x.org>",
        "&amp;",
        "\n",
        "  \n",
        "\\\n",
        "\n> ",
        "\n- ",
        "# ",
        "| ",
        "snake_case",
        "“",
        ".",
    ];
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    (0..count)
        .map(|_| {
            let len = next() % 24 + 1;
            let text: String = (0..len).map(|_| PARTS[next() % PARTS.len()]).collect();
            // A unit is one paragraph: no blank line inside, none around.
            let text = text.replace("\n\n", "\n");
            text.trim_matches(['\n', ' ']).to_string()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn generated_inline_markdown_survives_export_then_import_byte_for_byte() {
    let mut sources = generated_paragraphs(7, 300);
    let mut targets = generated_paragraphs(11, 300);
    let count = sources.len().min(targets.len());
    sources.truncate(count);
    targets.truncate(count);
    let job = ExportJob {
        commentary: "q7gen0001".to_string(),
        source_lang: "be".to_string(),
        target_lang: "en".to_string(),
        source_version: "src-v1".to_string(),
        target_version: Some("tgt-v1".to_string()),
        source: sources
            .iter()
            .enumerate()
            .map(|(i, text)| Unit::new(UnitKind::Paragraph(i + 1), text))
            .collect(),
        target: targets
            .iter()
            .enumerate()
            .map(|(i, text)| TargetUnit {
                kind: UnitKind::Paragraph(i + 1),
                text: text.clone(),
                state: TargetState::Translated,
                previous_source: None,
            })
            .collect(),
        restructured: false,
        left_out: Vec::new(),
    };
    let translation = import(&export(&job), &expect(&job)).expect("an exported file imports");
    assert_eq!(translation.units.len(), targets.len());
    for (unit, target) in translation.units.iter().zip(&targets) {
        assert_eq!(&unit.text, target, "unit {}", unit.kind.id());
    }
}
