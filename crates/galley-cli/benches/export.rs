//! Export benchmark: a weekly issue of 10 commentaries × 3 languages (the 2020-W21 sample
//! drafts, repeated under new ids) rendered into every format and written as a zip, against
//! `pandoc -f markdown -t html -s` converting ONE of those commentaries as a whole process.
//! Prints the median of each and the ratio (goal: the whole export beats that one pandoc
//! call); asserts nothing about time.
//!
//!     cargo bench -p galley-cli --bench export

use galley_core::bundle::{render, BundleInput, CommentaryInput, LangText, SectionInput};
use galley_core::draft::{Draft, IsoWeek};
use galley_core::publication::Publication;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const COMMENTARIES: usize = 10;
const RUNS: usize = 15;
const LANGS: [&str; 3] = ["be", "ru", "en"];
const SAMPLES: [&str; 4] = [
    "gas-price-talks-stall",
    "key-rate-cut",
    "school-exams-on-schedule",
    "southern-border-patrols",
];

fn drafts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts/2020-W21")
}

fn load(slug: &str, lang: &str) -> Result<Draft, String> {
    let path = drafts_dir().join(format!("{slug}.{lang}.md"));
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Draft::parse(&path, &bytes).map_err(|e| e.to_string())
}

fn input() -> Result<BundleInput, String> {
    let week: IsoWeek = "2020-W21"
        .parse()
        .map_err(|e: galley_core::Error| e.to_string())?;
    let mut commentaries = Vec::new();
    for i in 0..COMMENTARIES {
        let sample = SAMPLES[i % SAMPLES.len()];
        let mut versions = BTreeMap::new();
        let mut section = String::new();
        for lang in LANGS {
            let draft = load(sample, lang)?;
            section = draft.front().section.clone().unwrap_or_default();
            versions.insert(
                lang.to_string(),
                LangText::from_draft(&draft, (i * 3) as i64),
            );
        }
        commentaries.push(CommentaryInput {
            id: format!("bench{i:05}"),
            slug: format!("{sample}-{i}"),
            section,
            versions,
        });
    }
    let sections = [
        "security",
        "politics",
        "economy",
        "foreign-policy",
        "society",
    ]
    .iter()
    .map(|key| SectionInput {
        key: key.to_string(),
        titles: BTreeMap::new(),
    })
    .collect();
    Ok(BundleInput {
        week,
        first_day: week.monday(),
        last_day: week.sunday(),
        publication: Publication {
            publisher: Some("Weekly Review".into()),
            base_url: Some("https://example.org/".into()),
            ..Publication::default()
        },
        titles: LANGS
            .iter()
            .map(|l| (l.to_string(), format!("Weekly review ({l})")))
            .collect(),
        sections,
        commentaries,
        languages: LANGS.iter().map(|l| l.to_string()).collect(),
        published_at: BundleInput::default_published_at(week),
    })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> Result<(), String> {
    let input = input()?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let zip = dir.path().join("bundle.zip");
    let mut export_times = Vec::new();
    let mut files = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let bundle = render(&input, &mut |_| {}).map_err(|e| e.to_string())?;
        bundle.write_zip(&zip).map_err(|e| e.to_string())?;
        export_times.push(start.elapsed());
        files = bundle.files.len();
    }
    let zip_size = std::fs::metadata(&zip).map_err(|e| e.to_string())?.len();

    let source = dir.path().join("one.en.md");
    std::fs::write(&source, load(SAMPLES[0], "en")?.text()).map_err(|e| e.to_string())?;
    let out = dir.path().join("one.html");
    let mut pandoc_times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new("pandoc")
            .args(["-f", "markdown", "-t", "html", "-s"])
            .arg(&source)
            .arg("-o")
            .arg(&out)
            .status()
            .map_err(|e| format!("pandoc could not start ({e}): apt-get install -y pandoc"))?;
        if !status.success() {
            return Err(format!("pandoc failed: {status}"));
        }
        pandoc_times.push(start.elapsed());
    }
    let export = median(export_times);
    let pandoc = median(pandoc_times);
    println!(
        "export of {COMMENTARIES} commentaries × {} languages ({files} files, zip {zip_size} bytes): {:.2} ms (median of {RUNS})",
        LANGS.len(),
        export.as_secs_f64() * 1000.0
    );
    println!(
        "pandoc converting one commentary to HTML (whole process): {:.2} ms (median of {RUNS})",
        pandoc.as_secs_f64() * 1000.0
    );
    println!(
        "ratio export / one pandoc call: {:.3} (goal: below 1)",
        export.as_secs_f64() / pandoc.as_secs_f64()
    );
    Ok(())
}
