//! Archive benchmark: search, indexing and browsing at archive scale, against bare FTS5 and
//! ripgrep on the same text, measured in the same run. Prints one table; asserts nothing.
//!
//!     cargo bench -p galley-cli --bench archive                      # 20,000 language versions
//!     GALLEY_BENCH_QUICK=1 cargo bench -p galley-cli --bench archive # 1,000, for CI
//!
//! The archive is deterministic: commentaries in be/ru/en-like text (~1,500 words each, words
//! built from each language's syllables with a skewed frequency, so some words are common and
//! most are rare), every language version with a few versions in history. `rg` must be on
//! PATH for its row (`apt-get install ripgrep`); without it the row says so.

use galley_core::clock::SystemClock;
use galley_core::hash::ContentHash;
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{Env, Workspace};
use rusqlite::Connection;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const LANGS: [&str; 3] = ["be", "ru", "en"];
const SECTIONS: [&str; 4] = ["security", "economy", "society", "foreign"];
const AUTHORS: [&str; 5] = [
    "Alena Kavalchuk",
    "Ivan Petrou",
    "Maria Sidarava",
    "John Smith",
    "Olga Novik",
];
const TRENDS: [&str; 3] = ["improved", "unchanged", "deteriorated"];
const WORDS_PER_DRAFT: usize = 1500;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards 0: a few words are common, most are rare.
    fn skewed(&mut self, n: usize) -> usize {
        let x = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((x * x * x) * n as f64) as usize
    }
}

/// A vocabulary per language, made of that language's syllables.
fn vocabulary(lang: &str, rng: &mut Rng) -> Vec<String> {
    let syllables: &[&str] = match lang {
        "be" => &[
            "ба", "ве", "ду", "жы", "за", "кі", "ла", "мо", "ны", "пра", "ро", "сў", "та", "ўі",
            "ць", "шчы", "дзе", "ля", "нё", "ге", "ўся", "рэ", "ва", "ка",
        ],
        "ru" => &[
            "ба", "ве", "ду", "жи", "за", "ки", "ла", "мо", "ны", "про", "ро", "съ", "та", "ёл",
            "ть", "щи", "де", "ля", "нё", "ге", "вся", "ре", "ва", "ка",
        ],
        _ => &[
            "ba", "ve", "du", "ri", "za", "ki", "la", "mo", "ny", "pro", "ro", "st", "ta", "el",
            "th", "ch", "de", "le", "ne", "ge", "wa", "re", "va", "ka",
        ],
    };
    (0..8000)
        .map(|_| {
            let n = 1 + rng.below(4);
            (0..n)
                .map(|_| syllables[rng.below(syllables.len())])
                .collect()
        })
        .collect()
}

fn words(vocab: &[String], rng: &mut Rng, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(if i % 100 == 0 { '\n' } else { ' ' });
            if i % 100 == 0 {
                out.push('\n');
            }
        }
        out.push_str(&vocab[rng.skewed(vocab.len())]);
    }
    out
}

struct Archive {
    files: Vec<(String, String)>,
}

fn archive(count: usize) -> (Archive, Vec<Vec<String>>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let vocabs: Vec<Vec<String>> = LANGS.iter().map(|l| vocabulary(l, &mut rng)).collect();
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let commentary = i / 3;
        let lang_index = i % 3;
        let lang = LANGS[lang_index];
        let vocab = &vocabs[lang_index];
        let week = 1 + commentary % 52;
        let year = 2015 + (commentary / 52) % 10;
        let issue = format!("{year}-W{week:02}");
        let text = format!(
            "---\nid: c{commentary:07}\ntitle: {}\ntrend: {}\nauthors: [{}]\nlead: {}\n\
             section: {}\nissue: {issue}\nlang: {lang}\n---\n\n{}\n",
            words(vocab, &mut rng, 6),
            TRENDS[commentary % 3],
            AUTHORS[commentary % 5],
            words(vocab, &mut rng, 25),
            SECTIONS[commentary % 4],
            words(vocab, &mut rng, WORDS_PER_DRAFT),
        );
        files.push((format!("{issue}/c{commentary:07}.{lang}.md"), text));
    }
    (Archive { files }, vocabs)
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

struct Row {
    what: String,
    galley: String,
    peer: String,
    ratio: String,
    goal: &'static str,
}

fn main() {
    let quick = std::env::var_os("GALLEY_BENCH_QUICK").is_some();
    let count = if quick { 1_000 } else { 20_000 };
    let versions = 3;
    // Every file gets its later versions in quick mode; one in ten in full mode, which keeps
    // the run under 10 minutes on 2 cores (each save is two fsynced commits).
    let every = if quick { 1 } else { 10 };
    let started = Instant::now();
    let mut rows: Vec<Row> = Vec::new();
    println!(
        "Galley archive benchmark: {count} language versions, {versions} versions of every \
         {every}th"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("ws");
    let (archive, vocabs) = archive(count);
    for (rel, text) in &archive.files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }
    let env = Env {
        clock: Arc::new(SystemClock),
        author: "bench".into(),
    };
    let mut ws = Workspace::init(&root, env).expect("init");
    let t = Instant::now();
    let recorded = ws.record_all().expect("record");
    println!(
        "  first versions: {} recorded and indexed in {:.1} s",
        recorded.recorded.len(),
        t.elapsed().as_secs_f64()
    );

    // Later versions: a few words changed, saved through Galley (which re-indexes each).
    let mut rng = Rng(42);
    let mut index_times = Vec::new();
    let mut save_times = Vec::new();
    let t = Instant::now();
    for round in 1..versions {
        for (i, (rel, text)) in archive.files.iter().enumerate().step_by(every) {
            let lang = i % 3;
            let word = &vocabs[lang][rng.below(vocabs[lang].len())];
            let new = format!("{text}\nВерсія {round}: {word}.\n");
            let old = ws.text_of(&galley_core::workspace::VersionRef::File(rel.clone()));
            let loaded = old.map(|o| ContentHash::of(o.as_bytes())).ok();
            let s = Instant::now();
            ws.save(rel, &new, loaded).expect("save");
            save_times.push(s.elapsed());
            if i % (50 * every) == 0 {
                let s = Instant::now();
                ws.index_file(rel, &new).expect("index");
                index_times.push(s.elapsed());
            }
        }
    }
    println!(
        "  later versions: {} saves in {:.1} s",
        save_times.len(),
        t.elapsed().as_secs_f64()
    );

    // Full reindex vs a bare FTS5 bulk insert of the same files.
    let t = Instant::now();
    let report = ws.reindex(&mut |_, _| {}).expect("reindex");
    let reindex = t.elapsed();
    let bare_path = dir.path().join("bare.db");
    let t = Instant::now();
    let bare = bare_bulk_insert(&bare_path, &root);
    let bare_insert = t.elapsed();
    rows.push(Row {
        what: format!("full reindex ({} files)", report.indexed),
        galley: format!("{:.2} s", reindex.as_secs_f64()),
        peer: format!("{:.2} s bare FTS5", bare_insert.as_secs_f64()),
        ratio: format!("{:.2}×", reindex.as_secs_f64() / bare_insert.as_secs_f64()),
        goal: "≤ 1.25×",
    });

    // Search: the same queries through Galley, bare FTS5, and warm rg.
    let queries = queries(&vocabs);
    let runs = if quick { 5 } else { 7 };
    let mut galley_times = Vec::new();
    let mut bare_times = Vec::new();
    for _ in 0..runs {
        for q in &queries {
            let request = SearchRequest {
                query: q.galley.clone(),
                filters: q.filters.clone(),
                limit: 20,
            };
            let s = Instant::now();
            let hits = ws.search(&request).expect("search");
            galley_times.push(s.elapsed());
            std::hint::black_box(hits);
            let s = Instant::now();
            let n = bare_search(&bare, &q.bare);
            bare_times.push(s.elapsed());
            std::hint::black_box(n);
        }
    }
    let g50 = percentile(&mut galley_times, 0.5);
    let g95 = percentile(&mut galley_times, 0.95);
    let b50 = percentile(&mut bare_times, 0.5);
    let b95 = percentile(&mut bare_times, 0.95);
    rows.push(Row {
        what: format!("search p50 ({} queries × {runs})", queries.len()),
        galley: ms(g50),
        peer: format!("{} bare FTS5", ms(b50)),
        ratio: format!("{:.2}×", g50.as_secs_f64() / b50.as_secs_f64()),
        goal: "≤ 1.5×",
    });
    rows.push(Row {
        what: "search p95".into(),
        galley: ms(g95),
        peer: format!("{} bare FTS5", ms(b95)),
        ratio: format!("{:.2}×", g95.as_secs_f64() / b95.as_secs_f64()),
        goal: "≤ 1.5×",
    });
    match rg_times(&root, &queries) {
        Some(mut rg) => {
            let r50 = percentile(&mut rg, 0.5);
            let r95 = percentile(&mut rg, 0.95);
            rows.push(Row {
                what: "search p50 vs warm rg".into(),
                galley: ms(g50),
                peer: format!("{} rg", ms(r50)),
                ratio: format!("{:.0}× faster", r50.as_secs_f64() / g50.as_secs_f64()),
                goal: "≥ 25× faster",
            });
            rows.push(Row {
                what: "search p95 vs warm rg".into(),
                galley: ms(g95),
                peer: format!("{} rg", ms(r95)),
                ratio: format!("{:.0}× faster", r95.as_secs_f64() / g95.as_secs_f64()),
                goal: "≥ 25× faster",
            });
        }
        None => rows.push(Row {
            what: "search vs warm rg".into(),
            galley: ms(g50),
            peer: "rg not found".into(),
            ratio: "-".into(),
            goal: "≥ 25× faster",
        }),
    }

    let i50 = percentile(&mut index_times, 0.5);
    let i95 = percentile(&mut index_times, 0.95);
    rows.push(Row {
        what: "re-index one draft on save p50 / p95".into(),
        galley: format!("{} / {}", ms(i50), ms(i95)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "≤ 5 ms",
    });
    let s50 = percentile(&mut save_times, 0.5);
    rows.push(Row {
        what: "whole save (write, version, index) p50".into(),
        galley: ms(s50),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });

    let mut list_times = Vec::new();
    for _ in 0..3 {
        let s = Instant::now();
        std::hint::black_box(ws.list().expect("list"));
        list_times.push(s.elapsed());
    }
    rows.push(Row {
        what: format!("list all {count} drafts (median of 3)"),
        galley: ms(percentile(&mut list_times, 0.5)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });
    let mut open_times = Vec::new();
    for (rel, _) in archive.files.iter().step_by((count / 200).max(1)) {
        let s = Instant::now();
        std::hint::black_box(ws.read(rel).expect("read"));
        open_times.push(s.elapsed());
    }
    rows.push(Row {
        what: "open one draft p50".into(),
        galley: ms(percentile(&mut open_times, 0.5)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });

    println!();
    println!(
        "| {:<42} | {:>18} | {:>24} | {:>12} | {:<13} |",
        "measure", "galley", "peer", "ratio", "goal"
    );
    println!(
        "|{}|{}|{}|{}|{}|",
        "-".repeat(44),
        "-".repeat(20),
        "-".repeat(26),
        "-".repeat(14),
        "-".repeat(15)
    );
    for r in &rows {
        println!(
            "| {:<42} | {:>18} | {:>24} | {:>12} | {:<13} |",
            r.what, r.galley, r.peer, r.ratio, r.goal
        );
    }
    println!("\nTotal time {:.0} s.", started.elapsed().as_secs_f64());
}

struct Query {
    galley: String,
    filters: Filters,
    /// The same query as a bare FTS5 MATCH over the text columns.
    bare: String,
    /// A regex for rg (case-insensitive).
    rg: String,
}

fn queries(vocabs: &[Vec<String>]) -> Vec<Query> {
    let mut out = Vec::new();
    for (lang_index, vocab) in vocabs.iter().enumerate() {
        // Common, middling and rare words (the vocabulary is skewed towards its start).
        for &i in &[0usize, 3, 40, 400, 3000, 7000] {
            let w = &vocab[i];
            out.push(Query {
                galley: w.clone(),
                filters: Filters::default(),
                bare: format!("{{title lead body}} : \"{w}\""),
                rg: format!(r"\b{w}\b"),
            });
        }
        let (a, b) = (&vocab[10], &vocab[20]);
        out.push(Query {
            galley: format!("\"{a} {b}\""),
            filters: Filters::default(),
            bare: format!("{{title lead body}} : \"{a} {b}\""),
            rg: format!(r"\b{a} {b}\b"),
        });
        let stem: String = vocab[100].chars().take(3).collect();
        out.push(Query {
            galley: format!("{stem}*"),
            filters: Filters::default(),
            bare: format!("{{title lead body}} : \"{stem}\"*"),
            rg: format!(r"\b{stem}"),
        });
        let w = &vocab[200];
        out.push(Query {
            galley: w.clone(),
            filters: Filters {
                lang: Some(LANGS[lang_index].into()),
                section: Some("economy".into()),
                ..Filters::default()
            },
            bare: format!(
                "{{title lead body}} : \"{w}\" AND lang : \"{}\" AND section : \"economy\"",
                LANGS[lang_index]
            ),
            rg: format!(r"\b{w}\b"),
        });
    }
    out
}

fn open_bare(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("bare db");
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("sync");
    conn
}

/// What a hand-written indexer would do: read each file, cut the front matter off, insert.
fn bare_bulk_insert(path: &Path, root: &Path) -> Connection {
    let mut conn = open_bare(path);
    conn.execute_batch(
        "CREATE VIRTUAL TABLE bare USING fts5(title, lead, body, lang, issue, section, authors, \
         trend, status, tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("create");
    let tx = conn.transaction().expect("tx");
    {
        let mut insert = tx
            .prepare("INSERT INTO bare VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '')")
            .expect("prepare");
        let mut stack = vec![root.to_path_buf()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).expect("list").flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if entry.path().is_dir() {
                    stack.push(entry.path());
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).expect("read");
                let (front, body) = text[4..].split_once("\n---\n").expect("front matter");
                let field = |key: &str| {
                    front
                        .lines()
                        .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(": ")))
                        .unwrap_or("")
                        .to_string()
                };
                insert
                    .execute(rusqlite::params![
                        field("title"),
                        field("lead"),
                        body,
                        field("lang"),
                        field("issue"),
                        field("section"),
                        field("authors"),
                        field("trend")
                    ])
                    .expect("insert");
            }
        }
    }
    tx.commit().expect("commit");
    conn
}

fn bare_search(conn: &Connection, expression: &str) -> usize {
    let mut stmt = conn
        .prepare_cached(
            "SELECT rowid, title, snippet(bare, 2, '[', ']', '…', 24) FROM bare \
             WHERE bare MATCH ?1 ORDER BY rank LIMIT 20",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([expression], |row| row.get::<_, String>(2))
        .expect("query");
    rows.count()
}

/// Each query as a warm `rg` process over the workspace's files (one warm-up pass first).
fn rg_times(root: &Path, queries: &[Query]) -> Option<Vec<Duration>> {
    let run = |q: &Query| {
        Command::new("rg")
            .args(["-i", "-l", "--glob", "*.md", &q.rg])
            .arg(root)
            .output()
    };
    run(queries.first()?).ok()?;
    let mut times = Vec::new();
    for q in queries {
        let s = Instant::now();
        run(q).ok()?;
        times.push(s.elapsed());
    }
    Some(times)
}
