// Importing an archive: inference where safe, a report where not, and idempotence.

use super::support::TempWorkspace;
use galley_core::history::Origin;
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{ImportCounts, ImportOptions, ImportOutcome, ImportReport};
use galley_core::ErrorKind;
use std::path::Path;

fn archive(dir: &Path) {
    let files: [(&str, &[u8]); 6] = [
        // No front matter: language from the name, title from the heading, issue from the path.
        (
            "2020/05/13/army.be.md",
            "# Рэформа войска\n\nМіністэрства абароны маўчыць.\n".as_bytes(),
        ),
        // Its Russian version: same commentary, so the same id.
        (
            "2020/05/13/army.ru.md",
            "# Реформа армии\n\nМинистерство обороны молчит.\n".as_bytes(),
        ),
        // Front matter without id or lang; date gives the issue; --lang gives the language.
        (
            "notes/prices.md",
            "---\ntitle: Prices\ndate: 2021-01-20\n---\nInflation slowed.\n".as_bytes(),
        ),
        // Bad: not UTF-8.
        ("broken/latin1.en.md", b"caf\xe9 au lait\n"),
        // Bad: a trend Galley does not know.
        (
            "broken/trend.en.md",
            "---\ntrend: sideways\n---\n# T\n\nText.\n".as_bytes(),
        ),
        // Not Markdown: ignored.
        ("notes/readme.txt", b"not a draft"),
    ];
    for (rel, bytes) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
}

fn import(t: &mut TempWorkspace, dir: &Path) -> ImportReport {
    let options = ImportOptions {
        default_lang: Some("en".into()),
        mapping: None,
    };
    t.ws.import_dir(dir, &options, &mut |_, _| {})
        .expect("import")
}

fn outcome_of<'r>(report: &'r ImportReport, ends_with: &str) -> &'r ImportOutcome {
    &report
        .files
        .iter()
        .find(|f| f.source.ends_with(ends_with))
        .unwrap_or_else(|| panic!("no {ends_with} in the report"))
        .outcome
}

#[test]
fn good_files_are_imported_with_inferred_fields_and_bad_ones_reported() {
    let source = tempfile::tempdir().expect("dir");
    archive(source.path());
    let mut t = TempWorkspace::new();
    let report = import(&mut t, source.path());
    assert_eq!(report.files.len(), 5, "the .txt file is not considered");
    assert_eq!(
        report.counts(),
        ImportCounts {
            imported: 3,
            updated: 0,
            unchanged: 0,
            conflicts: 0,
            failed: 2
        }
    );

    let ImportOutcome::Imported { path, version } = outcome_of(&report, "army.be.md") else {
        panic!("army.be.md was not imported");
    };
    assert_eq!(path, "2020-W20/army.be.md");
    assert_eq!(version.origin, Origin::Import);
    let be = t.ws.read(path).expect("read");
    assert_eq!(be.front().title, "Рэформа войска");
    assert_eq!(be.front().lang, "be");
    let ru = t.ws.read("2020-W20/army.ru.md").expect("read ru");
    assert_eq!(
        ru.front().id,
        be.front().id,
        "language versions share an id"
    );

    let prices = t.ws.read("2021-W03/prices.en.md").expect("read prices");
    assert_eq!(prices.front().lang, "en");
    assert_eq!(prices.front().title, "Prices");

    match outcome_of(&report, "latin1.en.md") {
        ImportOutcome::Failed(e) => assert_eq!(e.kind(), ErrorKind::NotText),
        other => panic!("{other:?}"),
    }
    match outcome_of(&report, "trend.en.md") {
        ImportOutcome::Failed(e) => assert!(e.to_string().contains("trend"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn imported_drafts_are_searchable() {
    let source = tempfile::tempdir().expect("dir");
    archive(source.path());
    let mut t = TempWorkspace::new();
    import(&mut t, source.path());
    let hits =
        t.ws.search(&SearchRequest {
            query: "абароны".into(),
            filters: Filters::default(),
            limit: 0,
        })
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "2020-W20/army.be.md");
}

#[test]
fn importing_twice_changes_nothing_and_a_changed_source_is_a_new_version() {
    let source = tempfile::tempdir().expect("dir");
    archive(source.path());
    let mut t = TempWorkspace::new();
    import(&mut t, source.path());
    let versions = t.ws.history().stats().expect("stats").versions;

    let again = import(&mut t, source.path());
    assert_eq!(
        again.counts(),
        ImportCounts {
            imported: 0,
            updated: 0,
            unchanged: 3,
            conflicts: 0,
            failed: 2
        }
    );
    assert_eq!(t.ws.history().stats().expect("stats").versions, versions);
    assert!(!t.root().join("2020-W20/army-2.be.md").exists());

    // The archive was corrected; nobody touched the draft in the workspace: a new version.
    std::fs::write(
        source.path().join("notes/prices.md"),
        "---\ntitle: Prices\ndate: 2021-01-20\n---\nInflation rose.\n",
    )
    .expect("edit");
    let third = import(&mut t, source.path());
    assert_eq!(third.counts().updated, 1, "{:?}", third.counts());
    assert!(t.read("2021-W03/prices.en.md").contains("Inflation rose."));
    let log = t.ws.log("2021-W03/prices.en.md").expect("log");
    assert_eq!(log[0].origin, Origin::Import);
}

#[test]
fn reimport_after_an_edit_in_galley_keeps_the_edit_and_records_the_archive_text_as_a_version() {
    let source = tempfile::tempdir().expect("dir");
    archive(source.path());
    let mut t = TempWorkspace::new();
    import(&mut t, source.path());
    let path = "2021-W03/prices.en.md";
    // An author edits the imported draft in Galley.
    let edited = t.read(path).replace("slowed", "slowed a lot");
    let loaded = galley_core::hash::ContentHash::of(t.read(path).as_bytes());
    t.ws.save(path, &edited, Some(loaded)).expect("save");
    // Then the archive is corrected and imported again.
    std::fs::write(
        source.path().join("notes/prices.md"),
        "---\ntitle: Prices\ndate: 2021-01-20\n---\nInflation rose.\n",
    )
    .expect("edit");
    let report = import(&mut t, source.path());
    assert_eq!(report.counts().conflicts, 1, "{:?}", report.counts());
    assert_eq!(report.counts().updated, 0);
    let file = report
        .files
        .iter()
        .find(|f| f.source.ends_with("prices.md"))
        .expect("prices in the report");
    let ImportOutcome::Conflict {
        path: kept_path,
        kept,
        archive,
    } = &file.outcome
    else {
        panic!("{:?}", file.outcome);
    };
    assert_eq!(kept_path, path);
    let note = file
        .notes
        .iter()
        .find(|n| n.starts_with("conflict:"))
        .expect("a note");
    assert!(
        note.contains(path) && note.contains(&archive.id.to_string()),
        "{note}"
    );
    assert_eq!(t.read(path), edited, "the workspace's text stays on disk");
    let archived =
        t.ws.history()
            .text(archive.id)
            .expect("text")
            .expect("text");
    assert!(archived.contains("Inflation rose."), "{archived}");
    assert_eq!(archive.origin, Origin::Import);
    let log = t.ws.log(path).expect("log");
    assert_eq!(log[0].id, kept.id, "the kept text is the newest version");
    assert_eq!(
        t.ws.history().text(log[0].id).expect("text").as_deref(),
        Some(edited.as_str())
    );
    // Nothing left to do on the next run, and the edit survives it.
    let again = import(&mut t, source.path());
    assert_eq!(again.counts().conflicts, 0);
    assert_eq!(t.read(path), edited);
    // The folder agrees with history: recording finds nothing new.
    assert!(t.ws.record_all().expect("record").recorded.is_empty());
}

/// How a migrating team's archive looks: trend sentences, a `byline:` key, section titles,
/// the lead as the first paragraph, a publication `date:` and keys Galley does not know.
const THINK_TANK_EN: &str = "---
title: Reservists are called up for the second time this year
date: 2020-05-18
byline: Hanna Zhuk, Pavel Lysenka
trend: The situation has gotten worse.
section: Security issues
slug: reservists-called-up
---
The Ministry of Defence has called up reservists again, citing the exercises.

The call-up covers three regions:

- Hrodna
- Brest
- Viciebsk
";

const MAPPING: &str = r#"
lead = "first-paragraph"
authors = ["byline"]
author_separators = [", ", " and "]

[week]
key = "date"
date = "publication"

[trend]
improved = ["The situation has gotten better"]
unchanged = ["The situation has not changed"]
deteriorated = ["The situation has gotten worse", "Ситуация ухудшилась"]

[sections]
security = ["Security issues", "Вопросы безопасности"]
"#;

fn import_mapped(t: &mut TempWorkspace, dir: &Path) -> ImportReport {
    let options = ImportOptions {
        default_lang: None,
        mapping: Some(toml::from_str(MAPPING).expect("mapping")),
    };
    t.ws.import_dir(dir, &options, &mut |_, _| {})
        .expect("import")
}

#[test]
fn a_mapping_turns_trend_sentences_bylines_titles_and_the_first_paragraph_into_fields() {
    let source = tempfile::tempdir().expect("dir");
    let name = "reservists-are-called-up-for-the-second-time-this-year-in-three-regions.en.md";
    std::fs::write(source.path().join(name), THINK_TANK_EN).expect("write");
    let mut t = TempWorkspace::new();
    let report = import_mapped(&mut t, source.path());
    let file = &report.files[0];
    let ImportOutcome::Imported { path, .. } = &file.outcome else {
        panic!("{:?}", file.outcome);
    };
    // Published Monday 18 May (2020-W21): the issue covers the week before.
    assert_eq!(
        path,
        "2020-W20/reservists-are-called-up-for-the-second-time-this-year-in.en.md"
    );
    let draft = t.ws.read(path).expect("read");
    let front = draft.front();
    assert_eq!(front.trend, Some(galley_core::draft::Trend::Deteriorated));
    assert_eq!(front.authors, vec!["Hanna Zhuk", "Pavel Lysenka"]);
    assert_eq!(front.section.as_deref(), Some("security"));
    assert_eq!(
        front.lead,
        "The Ministry of Defence has called up reservists again, citing the exercises."
    );
    assert!(
        draft
            .body()
            .starts_with("The call-up covers three regions:"),
        "{}",
        draft.body()
    );
    for expected in [
        "authors from `byline`",
        "trend `deteriorated` from “The situation has gotten worse.”",
        "section `security` from “Security issues”",
        "lead from the first paragraph",
        "keys Galley does not know, kept as they are: slug",
        "file name shortened at a word boundary to reservists-are-called-up-for-the-second-time-this-year-in.en.md",
    ] {
        assert!(file.notes.iter().any(|n| n == expected), "no `{expected}` in {:#?}", file.notes);
    }
    assert!(
        file.notes
            .iter()
            .any(|n| n.starts_with("issue 2020-W20 from `date` 2020-05-18")),
        "{:#?}",
        file.notes
    );
}

#[test]
fn an_error_names_the_line_in_the_source_file_not_counting_added_lines() {
    let source = tempfile::tempdir().expect("dir");
    // Line 5 is the bad one; import adds lang, id and issue lines above the file's own.
    std::fs::write(
        source.path().join("bad.en.md"),
        "---\ntitle: T\ndate: 2020-05-18\ntrend: The situation has not changed\nauthors: {a: b}\n---\nText.\n",
    )
    .expect("write");
    std::fs::write(
        source.path().join("odd-trend.en.md"),
        "---\ntitle: T\n\ntrend: Nobody knows\n---\nText.\n",
    )
    .expect("write");
    let mut t = TempWorkspace::new();
    let report = import_mapped(&mut t, source.path());
    let error = |name: &str| match &report
        .files
        .iter()
        .find(|f| f.source.ends_with(name))
        .expect("in report")
        .outcome
    {
        ImportOutcome::Failed(e) => e.to_string(),
        other => panic!("{other:?}"),
    };
    let bad = error("bad.en.md");
    assert!(bad.contains("line 5"), "{bad}");
    assert_eq!(bad.matches("bad.en.md").count(), 1, "the path once: {bad}");
    let odd = error("odd-trend.en.md");
    assert!(
        odd.contains("line 4") && odd.contains("“Nobody knows”"),
        "{odd}"
    );
}
