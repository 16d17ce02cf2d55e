//! Translation grid benchmark: 500 commentaries × 3 languages with ~20 versions each (30,000
//! versions), about a fifth of the translations outdated, some through a chain, some only by
//! minor edits. Prints the time of one `Workspace::translation_grid` call (goal: under 50 ms);
//! asserts nothing about time.
//!
//!     cargo bench -p galley-cli --bench translations

use galley_core::clock::{Clock, SystemClock};
use galley_core::history::{NewVersion, Origin};
use galley_core::records::{Body, Event, EventId, TranslationStatus};
use galley_core::workspace::{Env, Workspace};
use std::sync::Arc;
use std::time::{Duration, Instant};

const COMMENTARIES: usize = 500;
const VERSIONS: usize = 20;
const PARAGRAPHS: usize = 8;

/// A deterministic generator of words in the three languages.
struct Words(u64);

impl Words {
    const VOCAB: [&'static str; 24] = [
        "армія",
        "рэформа",
        "эканоміка",
        "выбары",
        "урад",
        "бяспека",
        "экономика",
        "реформа",
        "выборы",
        "граница",
        "цены",
        "газ",
        "army",
        "reform",
        "economy",
        "election",
        "border",
        "prices",
        "gas",
        "ministry",
        "region",
        "summer",
        "report",
        "notice",
    ];

    fn next(&mut self) -> &'static str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        Self::VOCAB[((self.0 >> 33) % Self::VOCAB.len() as u64) as usize]
    }

    fn paragraph(&mut self, words: usize) -> String {
        let mut p: Vec<&str> = (0..words).map(|_| self.next()).collect();
        p.push(".");
        p.join(" ")
    }
}

/// Another machine's journal, one event after another.
#[derive(Default)]
struct Journal {
    seq: u64,
    text: String,
}

impl Journal {
    fn push(&mut self, clock: &SystemClock, body: Body) {
        self.seq += 1;
        let event = Event {
            id: EventId {
                writer: "bench-0000001".into(),
                seq: self.seq,
            },
            clock: self.seq,
            at: clock.now(),
            author: "Bench".into(),
            body,
        };
        self.text.push_str(&event.to_line());
        self.text.push('\n');
    }
}

fn render(id: &str, lang: &str, from: Option<&str>, title: &str, body: &[String]) -> String {
    let from = from.map_or(String::new(), |f| format!("translation_of: {f}\n"));
    format!(
        "---\nid: {id}\ntitle: {title}\nauthors: [Alena Kavalchuk]\nlead: A lead.\nsection: security\n\
         issue: 2020-W{:02}\nlang: {lang}\n{from}---\n\n{}\n",
        20 + id.len() % 2,
        body.join("\n\n")
    )
}

fn main() {
    // Build in memory-backed storage when there is one: the setup is 30,000 durable commits.
    let dir = tempfile::Builder::new()
        .tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .expect("temp dir");
    let clock = Arc::new(SystemClock);
    let env = Env {
        clock: clock.clone(),
        author: "Bench".into(),
    };
    let mut ws = Workspace::init(dir.path(), env).expect("workspace");
    // Statuses and minor marks are journal lines: written as another machine's journal.
    let mut journal = Journal::default();
    let history = ws.history();
    let mut words = Words(7);
    let started = Instant::now();
    let (mut outdated_direct, mut minor_only, mut chained) = (0, 0, 0);
    for n in 0..COMMENTARIES {
        let id = format!("c{n:05}{}", if n % 2 == 0 { "" } else { "x" });
        let week = 20 + id.len() % 2;
        let folder = format!("2020-W{week:02}");
        let mut bodies: Vec<Vec<String>> = ["be", "ru", "en"]
            .iter()
            .map(|_| (0..PARAGRAPHS).map(|_| words.paragraph(50)).collect())
            .collect();
        // en is translated from ru for a third of the commentaries: a chain be → ru → en.
        let en_from = if n % 3 == 0 { "ru" } else { "be" };
        let sources = [None, Some("be"), Some(en_from)];
        let mut heads = [0i64; 3];
        let mut ru_base_early = None;
        for v in 0..VERSIONS {
            for (l, lang) in ["be", "ru", "en"].iter().enumerate() {
                let p = (v * 3 + l) % PARAGRAPHS;
                bodies[l][p] = words.paragraph(50);
                let path = format!("{folder}/commentary-{n}.{lang}.md");
                let text = render(&id, lang, sources[l], "Title", &bodies[l]);
                let version = history
                    .record(NewVersion {
                        draft_id: &id,
                        lang,
                        path: &path,
                        text: Some(&text),
                        author: "Bench",
                        at: clock.now(),
                        label: None,
                        origin: Origin::Save,
                    })
                    .expect("record");
                heads[l] = version.id;
                if v == VERSIONS - 1 {
                    let abs = dir.path().join(&path);
                    std::fs::create_dir_all(abs.parent().expect("folder")).expect("mkdir");
                    std::fs::write(abs, &text).expect("write");
                }
            }
            if v == VERSIONS - 3 {
                ru_base_early = Some(heads[0]);
            }
        }
        // ru: done at the head, or (every fifth) at an older be version: outdated; every
        // tenth of those, the later be versions are marked minor: not outdated.
        let ru_base = if n % 5 == 0 {
            if n % 10 == 0 {
                minor_only += 1;
                for later in heads[0] - 5..=heads[0] {
                    if let Ok(v) = history.version(later) {
                        if v.lang == "be" && v.draft_id == id && Some(later) > ru_base_early {
                            journal.push(
                                &clock,
                                Body::Minor {
                                    commentary: id.clone(),
                                    lang: "be".into(),
                                    sha256: v.hash.expect("a text"),
                                    minor: true,
                                    prev: None,
                                },
                            );
                        }
                    }
                }
            } else {
                outdated_direct += 1;
                if en_from == "ru" {
                    chained += 1;
                }
            }
            ru_base_early
        } else {
            Some(heads[0])
        };
        for (lang, source, base) in [
            ("ru", "be", ru_base),
            (
                "en",
                en_from,
                Some(if en_from == "ru" { heads[1] } else { heads[0] }),
            ),
        ] {
            let base = base
                .and_then(|b| history.version(b).ok())
                .and_then(|v| v.hash);
            journal.push(
                &clock,
                Body::Translation {
                    commentary: id.clone(),
                    lang: lang.into(),
                    status: TranslationStatus::Done,
                    source_lang: source.into(),
                    base,
                    prev: None,
                    note: None,
                },
            );
        }
    }
    let stats = history.stats().expect("stats");
    let journal_dir = ws.journal_dir();
    std::fs::create_dir_all(&journal_dir).expect("journal folder");
    std::fs::write(journal_dir.join("bench-0000001.jsonl"), journal.text).expect("journal");
    ws.refresh_records().expect("records");
    println!(
        "Translation grid benchmark: {COMMENTARIES} commentaries × 3 languages, {} versions \
         (built in {:.1} s)",
        stats.versions,
        started.elapsed().as_secs_f64()
    );
    println!(
        "  set up: {outdated_direct} ru translations outdated ({chained} of them with en \
         downstream), {minor_only} changed only by minor versions\n"
    );

    let runs = std::env::var("GALLEY_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    for (label, issue) in [
        ("whole workspace", None),
        ("one issue (2020-W20)", Some("2020-W20")),
    ] {
        let issue = issue.map(|w| w.parse().expect("week"));
        let mut times: Vec<Duration> = Vec::new();
        let mut outdated = 0;
        let mut rows = 0;
        // Run 0 parses every draft (the front matter cache is empty or stale); the others
        // parse none: what a user sees on a second look, or after editing a few files.
        for _ in 0..=runs {
            let start = Instant::now();
            let grid = ws.translation_grid(issue).expect("grid");
            times.push(start.elapsed());
            rows = grid.rows.len();
            outdated = grid
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| c.is_outdated())
                .count();
        }
        let first = times.remove(0);
        times.sort();
        println!(
            "  grid, {label}: {rows} rows, {outdated} outdated cells — first call {:.1} ms, \
             then median {:.1} ms, best {:.1} ms ({runs} runs; goal < 50 ms)",
            first.as_secs_f64() * 1000.0,
            times[times.len() / 2].as_secs_f64() * 1000.0,
            times[0].as_secs_f64() * 1000.0
        );
    }
}
