//! XLIFF benchmark: exporting and importing back a translation job (a) of every sample draft
//! in `drafts/` into English and (b) of one large draft, ~200 paragraphs of mixed inline
//! Markdown (emphasis, links with titles, code spans, footnote refs, escapes, hard breaks,
//! lists and quotes) repeated to about 1 MB. Prints medians; asserts nothing about time.
//!
//!     cargo bench -p galley-cli --bench xliff

use galley_core::draft::{self, Draft};
use galley_core::xliff::{export, import, units_of, ExportJob, ImportExpectation};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 15;

const PARAGRAPHS: [&str; 6] = [
    "Паводле [афіцыйнага паведамлення](https://mil.example.by/news_(2020) \"Мінабароны\"), \
     рашэнне прынята *часова*[^1]. Каманда `reform --delay` тут **ні пры чым**.",
    "> Мы не гатовыя, — сказаў намеснік міністра.\n> Гэта **не** апошняе _слова_.",
    "- першы пункт з _курсівам_ і snake_case_name\n- другі з ~~закрэсленым~~ тэкстам\n  і працягам",
    "The ministry **postponed** the *switch* to contracts, see [the note][ref] and \\*stars\\*.",
    "Радок з жорсткім пераносам  \nі далей <br/> ды <https://example.by>, 2*3*4 і ``a ` b``.",
    "1. Нумараваны пункт з ![схема](img/scheme.png)\n2. Яшчэ адзін з ***націскам***",
];

fn drafts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts")
}

fn sample_drafts() -> Vec<Draft> {
    let mut found = Vec::new();
    let mut dirs = vec![drafts_dir()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let name = PathBuf::from(path.file_name().unwrap_or_default());
                if let Ok(draft) = draft::read_draft(&path, &name) {
                    found.push(draft);
                }
            }
        }
    }
    found
}

fn large_draft() -> Draft {
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 1_000_000 {
        body.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        body.push_str("\n\n");
        i += 1;
    }
    body.push_str("[^1]: Гл. *камюніке*.\n\n[ref]: https://example.org\n");
    let text = format!(
        "---\nid: bench00001\ntitle: Рэформа *арміі*\nlead: Міністэрства **адклала** пераход.\n\
         lang: be\nissue: 2020-W20\n---\n\n{body}"
    );
    Draft::parse(Path::new("large.be.md"), text.as_bytes()).expect("the large draft parses")
}

fn job(source: &Draft) -> ExportJob {
    ExportJob {
        commentary: source.front().id.clone(),
        source_lang: source.front().lang.clone(),
        target_lang: "en".to_string(),
        source_version: "v1".to_string(),
        target_version: None,
        source: units_of(source.front(), source.body()),
        target: Vec::new(),
        restructured: false,
        left_out: Vec::new(),
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Median time to export every job, and to import each exported file back.
fn measure(jobs: &[ExportJob]) -> (Duration, Duration, usize) {
    let mut exports = Vec::new();
    let mut imports = Vec::new();
    let mut bytes = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let files: Vec<String> = jobs.iter().map(export).collect();
        exports.push(start.elapsed());
        bytes = files.iter().map(String::len).sum();
        let start = Instant::now();
        for (file, job) in files.iter().zip(jobs) {
            let expect = ImportExpectation {
                file: "bench.xlf".to_string(),
                job: job.clone(),
            };
            import(file, &expect).expect("an exported file imports");
        }
        imports.push(start.elapsed());
    }
    (median(exports), median(imports), bytes)
}

fn main() {
    println!("Galley XLIFF benchmark ({RUNS} runs; medians)\n");
    let samples: Vec<ExportJob> = sample_drafts().iter().map(job).collect();
    let large = [job(&large_draft())];
    for (name, jobs) in [
        ("sample drafts", &samples[..]),
        ("one ~1 MB draft", &large[..]),
    ] {
        let units: usize = jobs.iter().map(|j| j.source.len()).sum();
        let (export_time, import_time, bytes) = measure(jobs);
        println!(
            "{name}: {} jobs, {units} units, {bytes} bytes of XLIFF; export {:.2} ms, import {:.2} ms",
            jobs.len(),
            export_time.as_secs_f64() * 1000.0,
            import_time.as_secs_f64() * 1000.0
        );
    }
}
