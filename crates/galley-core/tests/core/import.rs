// Importing an archive: inference where safe, a report where not, and idempotence.

use super::support::TempWorkspace;
use galley_core::history::Origin;
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{ImportOptions, ImportOutcome, ImportReport};
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
    assert_eq!(report.counts(), (3, 0, 0, 2));

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
        ImportOutcome::Failed(e) => assert_eq!(e.kind(), "not_text"),
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
    assert_eq!(again.counts(), (0, 0, 3, 2));
    assert_eq!(t.ws.history().stats().expect("stats").versions, versions);
    assert!(!t.root().join("2020-W20/army-2.be.md").exists());

    std::fs::write(
        source.path().join("notes/prices.md"),
        "---\ntitle: Prices\ndate: 2021-01-20\n---\nInflation rose.\n",
    )
    .expect("edit");
    // Someone edited the imported draft in the workspace meanwhile: that text is kept.
    let edited = t
        .read("2021-W03/prices.en.md")
        .replace("slowed", "slowed a lot");
    t.write("2021-W03/prices.en.md", &edited);
    let third = import(&mut t, source.path());
    assert_eq!(third.counts(), (0, 1, 2, 2));
    assert!(t.read("2021-W03/prices.en.md").contains("Inflation rose."));
    let log = t.ws.log("2021-W03/prices.en.md").expect("log");
    assert_eq!(log[0].origin, Origin::Import);
    let kept =
        t.ws.history()
            .text(log[1].id)
            .expect("text")
            .expect("not a deletion");
    assert!(kept.contains("slowed a lot"), "{kept}");
}
