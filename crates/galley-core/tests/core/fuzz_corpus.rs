//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/`) and regression inputs
//! (`fuzz/regressions/<target>/`) through the same checks the fuzz targets run, so every
//! stable `cargo test` re-proves what the fuzzer explored, without nightly or libFuzzer.

use galley_core::invariants::{
    check_front_matter, check_journal, check_markdown_html, check_po_import, check_xliff_import,
    po_seed_documents, xliff_seed_documents, Violation,
};
#[cfg(unix)]
use galley_core::invariants::{check_workspace_path, make_fuzz_workspace};
use galley_core::ErrorKind;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every input of `target`, corpus then regressions, sorted by path.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for kind in ["corpus", "regressions"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_file() {
                let bytes = std::fs::read(&path).expect("corpus file is readable");
                found.push((path, bytes));
            }
        }
    }
    found.sort();
    found
}

/// Runs `check` on every input of `target`; fails naming each input that broke a promise or
/// panicked. Returns how many inputs ran.
fn replay(target: &str, minimum: usize, check: impl Fn(&[u8]) -> Result<(), Violation>) {
    let inputs = inputs(target);
    assert!(
        inputs.len() >= minimum,
        "fuzz/corpus/{target} has {} inputs, fewer than the {minimum} committed",
        inputs.len()
    );
    let mut failures = Vec::new();
    for (path, bytes) in &inputs {
        match catch_unwind(AssertUnwindSafe(|| check(bytes))) {
            Ok(Ok(())) => {}
            Ok(Err(violation)) => failures.push(format!("{}: {violation}", path.display())),
            Err(_) => failures.push(format!("{}: panicked", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("{target}: {} corpus inputs replayed", inputs.len());
}

#[test]
fn front_matter_corpus_parses_or_is_refused_and_round_trips() {
    replay("front_matter", 20, check_front_matter);
}

#[cfg(unix)]
#[test]
fn workspace_path_corpus_never_resolves_outside_the_root() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = make_fuzz_workspace(dir.path()).expect("fuzz workspace");
    replay("workspace_path", 20, |input| {
        check_workspace_path(&root, input)
    });
}

#[test]
fn markdown_html_corpus_renders_without_script_handlers_or_unsafe_urls() {
    replay("markdown_html", 20, check_markdown_html);
}

#[test]
fn xliff_import_corpus_is_refused_or_fits_the_job_within_bounds() {
    replay("xliff_import", 10, check_xliff_import);
}

#[test]
fn po_import_corpus_is_refused_or_fits_the_job_within_bounds() {
    replay("po_import", 10, check_po_import);
}

/// Every exported PO seed, cut short at each line and with each line left out, doubled or
/// stripped of its closing quote, is refused or imported within the same promise.
#[test]
fn mangled_po_jobs_are_refused_or_fit_the_job() {
    for seed in po_seed_documents().expect("seed jobs build") {
        check_po_import(seed.as_bytes()).expect("an exported file passes the import check");
        let lines: Vec<&str> = seed.lines().collect();
        for at in 0..lines.len() {
            let mut variants = vec![
                lines[..at].join("\n"),
                [&lines[..at], &lines[at + 1..]].concat().join("\n"),
                [&lines[..=at], &lines[at..]].concat().join("\n"),
            ];
            let mut cut = lines.clone();
            let stripped = lines[at].trim_end_matches('"');
            cut[at] = stripped;
            variants.push(cut.join("\n"));
            for variant in variants {
                check_po_import(variant.as_bytes())
                    .unwrap_or_else(|v| panic!("line {at}: {v}\n{variant}"));
            }
        }
    }
}

#[test]
fn journal_corpus_loads_line_by_line_with_placed_problems_and_an_order_free_fold() {
    replay("journal", 20, check_journal);
}

/// With `GALLEY_WRITE_FUZZ_SEEDS=1` also writes the files into the corpus as seeds
/// (`fuzz/seeds.py` derives the hostile XLIFF seeds from them).
#[test]
fn exported_xliff_seeds_import_cleanly() {
    let seeds = xliff_seed_documents().expect("seed jobs build");
    assert_eq!(seeds.len(), 2);
    for (index, seed) in seeds.iter().enumerate() {
        assert!(seed.contains("<trans-unit id=\"p1\""), "{seed}");
        check_xliff_import(seed.as_bytes()).expect("an exported file passes the import check");
        if std::env::var_os("GALLEY_WRITE_FUZZ_SEEDS").is_some() {
            let dir = fuzz_dir().join("corpus/xliff_import");
            std::fs::create_dir_all(&dir).expect("corpus folder");
            std::fs::write(dir.join(format!("seed-export-{index}.xlf")), seed).expect("seed");
        }
    }
}

/// With `GALLEY_WRITE_FUZZ_SEEDS=1` also writes the PO seeds into the corpus.
#[test]
fn exported_po_seeds_import_cleanly() {
    let seeds = po_seed_documents().expect("seed jobs build");
    assert_eq!(seeds.len(), 2);
    for (index, seed) in seeds.iter().enumerate() {
        assert!(seed.contains("msgctxt \"p1\""), "{seed}");
        check_po_import(seed.as_bytes()).expect("an exported file passes the import check");
        if std::env::var_os("GALLEY_WRITE_FUZZ_SEEDS").is_some() {
            let dir = fuzz_dir().join("corpus/po_import");
            std::fs::create_dir_all(&dir).expect("corpus folder");
            std::fs::write(dir.join(format!("seed-export-{index}.po")), seed).expect("seed");
        }
    }
}

// Findings of the fuzzer, as plain facts (their inputs are in fuzz/regressions/ too).

#[test]
fn a_path_whose_name_is_not_utf8_is_refused_rather_than_renamed_in_history() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = make_fuzz_workspace(dir.path()).expect("fuzz workspace");
    let name = std::ffi::OsStr::from_bytes(b"2020-W20/caf\xe9.en.md");
    let error = galley_core::paths::resolve(&root, Path::new(name)).expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::Invalid);
    assert!(error.to_string().contains("not valid UTF-8"), "{error}");
}

#[test]
fn an_empty_literal_block_reads_as_empty_and_survives_an_update_of_another_key() {
    use galley_core::draft::{update, Draft, FrontMatter};
    let text = "---\nid: k7m2q9x4tz\nlang: en\nlead: |\n \n---\nBody.\n";
    let draft = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect("parses");
    assert_eq!(draft.front().lead, "");
    let retitled = FrontMatter {
        title: "New".to_string(),
        ..draft.front().clone()
    };
    let updated = update(&draft, &retitled, draft.body());
    let again = Draft::parse(Path::new("a.en.md"), updated.as_bytes()).expect("parses");
    assert_eq!(again.front(), &retitled);
}

#[test]
fn update_takes_a_continuation_line_holding_a_vertical_tab_with_its_value() {
    use galley_core::draft::{update, Draft, FrontMatter};
    let text = "---\nid: k7m2q9x4tz\ntitle: Schools keep\n \u{b}\nlang: en\n---\nBody.\n";
    let draft = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect("parses");
    let retitled = FrontMatter {
        title: "New".to_string(),
        ..draft.front().clone()
    };
    let updated = update(&draft, &retitled, draft.body());
    assert_eq!(
        updated,
        "---\nid: k7m2q9x4tz\ntitle: New\nlang: en\n---\nBody.\n"
    );
}

#[test]
fn a_list_item_with_a_word_starting_with_a_hyphen_is_quoted_and_reads_back() {
    use galley_core::draft::{render_new, Draft, FrontMatter};
    let front = FrontMatter {
        id: "k7m2q9x4tz".to_string(),
        lang: "en".to_string(),
        authors: vec!["i now -".to_string(), "a -b".to_string(), "x ?".to_string()],
        ..FrontMatter::default()
    };
    let text = render_new(&front, "Body.\n");
    assert!(
        text.contains("authors: [\"i now -\", \"a -b\", \"x ?\"]"),
        "{text}"
    );
    let again = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect("parses");
    assert_eq!(again.front(), &front);
}

#[test]
fn a_record_time_past_year_9999_in_utc_is_refused_with_its_line_rather_than_shown() {
    use galley_core::records::read_journal;
    let line = "{\"v\":1,\"id\":\"hanna.1\",\"clock\":1,\"at\":\"9999-12-31T23:59:59-01:00\",\
                \"author\":\"Hanna\",\"kind\":\"note\",\"commentary\":\"a\",\"text\":\"x\"}\n";
    let file = read_journal("hanna.jsonl", line.as_bytes());
    assert!(file.events.is_empty());
    assert_eq!(file.problems.len(), 1);
    assert_eq!(file.problems[0].line, 1);
    assert!(
        file.problems[0]
            .message
            .contains("between years 0 and 9999"),
        "{:?}",
        file.problems[0]
    );
}
