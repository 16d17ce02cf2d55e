//! Foundation benchmark: Galley against the peers a user would otherwise reach for, measured
//! in the same run on the same machine. Prints figures and ratios; asserts nothing about time.
//!
//!     cargo bench -p galley-cli --bench foundation
//!
//! 1. Saving a version vs a bare atomic write + SQLite WAL commit of the same text (goal ≤ 2×).
//! 2. Word diff of a 20,000-word text with 2% of words changed vs `git diff --no-index
//!    --word-diff`, both as whole processes, plus the core's in-process time (goal: faster).
//! 3. History size for 200 successive small edits of a 3,000-word text vs a `git gc`-packed
//!    repository holding the same 200 versions (goal ≤ 1.5×).

use galley_core::clock::SystemClock;
use galley_core::diff::{diff_texts, render_text, RenderStyle};
use galley_core::hash::ContentHash;
use galley_core::workspace::{Env, SaveOutcome, Workspace};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const EDITS: usize = 200;

fn main() {
    let runs = std::env::var("GALLEY_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    println!("Galley foundation benchmark ({runs} runs where repeated; medians)\n");
    save_vs_bare_write();
    diff_vs_git(runs);
    history_size_vs_git();
}

/// A deterministic word generator: Belarusian, Russian and English words mixed.
struct Words(u64);

impl Words {
    const VOCAB: &'static [&'static str] = &[
        "армія",
        "рэформа",
        "эканоміка",
        "выбары",
        "урад",
        "палітыка",
        "грамадства",
        "бяспека",
        "экономика",
        "реформа",
        "выборы",
        "правительство",
        "общество",
        "граница",
        "цены",
        "газ",
        "army",
        "reform",
        "economy",
        "election",
        "government",
        "policy",
        "society",
        "border",
        "prices",
        "analysis",
        "week",
        "trend",
        "ministry",
        "region",
        "budget",
        "report",
    ];

    fn next(&mut self) -> &'static str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        Self::VOCAB[(self.0 >> 33) as usize % Self::VOCAB.len()]
    }

    fn text(&mut self, words: usize) -> Vec<String> {
        (0..words).map(|_| self.next().to_string()).collect()
    }
}

fn render(words: &[String]) -> String {
    let mut out = String::from("---\nid: benchbench2\ntitle: Benchmark\nlang: be\n---\n\n");
    for (i, chunk) in words.chunks(100).enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&chunk.join(" "));
        out.push('.');
    }
    out.push('\n');
    out
}

/// 200 successive versions, each changing a few words of the previous one.
fn successive_versions(words: usize) -> Vec<String> {
    let mut gen = Words(7);
    let mut text = gen.text(words);
    let mut versions = Vec::with_capacity(EDITS);
    for _ in 0..EDITS {
        for _ in 0..3 {
            let at = (gen.0 >> 20) as usize % text.len();
            text[at] = gen.next().to_string();
            gen.next();
        }
        versions.push(render(&text));
    }
    versions
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// A new workspace on the system clock, saving as "bench".
fn bench_workspace(dir: &Path) -> Workspace {
    let env = Env {
        clock: Arc::new(SystemClock),
        author: "bench".into(),
    };
    Workspace::init(dir, env).expect("workspace")
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn save_vs_bare_write() {
    let versions = successive_versions(3_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = bench_workspace(dir.path());
    let path = "2020-W20/bench.be.md";
    let mut loaded: Option<ContentHash> = None;
    let mut galley = Vec::new();
    for text in &versions {
        let start = Instant::now();
        match ws.save(path, text, loaded).expect("save") {
            SaveOutcome::Saved(_) => {}
            other => panic!("benchmark save did not save: {other:?}"),
        }
        galley.push(start.elapsed());
        loaded = Some(ContentHash::of(text.as_bytes()));
    }

    let peer_dir = tempfile::tempdir().expect("temp dir");
    let db = rusqlite_peer(peer_dir.path());
    let target = peer_dir.path().join("bench.be.md");
    let mut bare = Vec::new();
    for text in &versions {
        let start = Instant::now();
        bare_atomic_write(&target, text.as_bytes());
        db.execute(
            "INSERT INTO versions (path, text) VALUES (?1, ?2)",
            (&"bench.be.md", text.as_bytes()),
        )
        .expect("insert");
        bare.push(start.elapsed());
    }
    let (g, b) = (median(galley), median(bare));
    println!("1. Save one version of a 3,000-word draft ({EDITS} successive edits)");
    println!(
        "   galley save (validate, conflict check, atomic write, history)   {}",
        ms(g)
    );
    println!(
        "   bare atomic write + SQLite WAL insert (synchronous=FULL)        {}",
        ms(b)
    );
    println!(
        "   ratio {:.2}× (goal ≤ 2×)\n",
        g.as_secs_f64() / b.as_secs_f64()
    );
}

/// The peer's database: one table, WAL, synchronous=FULL, like Galley's.
fn rusqlite_peer(dir: &Path) -> rusqlite::Connection {
    let db = rusqlite::Connection::open(dir.join("peer.db")).expect("peer db");
    db.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        .expect("wal");
    db.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    db.execute(
        "CREATE TABLE versions (id INTEGER PRIMARY KEY, path TEXT, text BLOB)",
        [],
    )
    .expect("table");
    db
}

fn bare_atomic_write(target: &Path, bytes: &[u8]) {
    let dir = target.parent().expect("parent");
    let temp = dir.join(".bench.tmp");
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temp)
        .expect("temp");
    file.write_all(bytes).expect("write");
    file.sync_all().expect("sync");
    fs::rename(&temp, target).expect("rename");
    File::open(dir)
        .and_then(|d| d.sync_all())
        .expect("sync dir");
}

fn diff_vs_git(runs: usize) {
    let mut gen = Words(11);
    let old_words = gen.text(20_000);
    let mut new_words = old_words.clone();
    for i in (0..new_words.len()).step_by(50) {
        new_words[i] = format!("{}x", gen.next());
    }
    let (old, new) = (render(&old_words), render(&new_words));

    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = bench_workspace(dir.path());
    let path = "2020-W20/long.be.md";
    ws.save(path, &old, None).expect("save old");
    fs::write(dir.path().join(path), &new).expect("write new");
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    fs::write(&a, &old).expect("write");
    fs::write(&b, &new).expect("write");

    let core = median(
        (0..runs)
            .map(|_| time(|| render_text(&diff_texts(&old, &new), RenderStyle::Plain).len()))
            .collect(),
    );
    let stats = diff_texts(&old, &new).stats;
    let galley_bin = env!("CARGO_BIN_EXE_galley");
    let galley = median(
        (0..runs)
            .map(|_| {
                time(|| {
                    let out = Command::new(galley_bin)
                        .args(["--workspace"])
                        .arg(dir.path())
                        .args(["diff", path, "--color", "never"])
                        .output()
                        .expect("galley diff");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    out.stdout.len()
                })
            })
            .collect(),
    );
    let git = median(
        (0..runs)
            .map(|_| {
                time(|| {
                    let out = Command::new("git")
                        .args(["diff", "--no-index", "--word-diff=plain"])
                        .arg(&a)
                        .arg(&b)
                        .output()
                        .expect("git diff (is git installed?)");
                    out.stdout.len()
                })
            })
            .collect(),
    );
    println!(
        "2. Word diff, 20,000 words with 2% changed ({})",
        stats.summary()
    );
    println!(
        "   galley diff (whole process: open workspace, read version, diff, print) {}",
        ms(galley)
    );
    println!(
        "   galley core diff + render, in process                                  {}",
        ms(core)
    );
    println!(
        "   git diff --no-index --word-diff=plain (whole process)                  {}",
        ms(git)
    );
    println!(
        "   ratio galley/git {:.2}× (goal < 1×)\n",
        galley.as_secs_f64() / git.as_secs_f64()
    );
}

fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed()
}

fn history_size_vs_git() {
    let versions = successive_versions(3_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = bench_workspace(dir.path());
    let path = "2020-W20/bench.be.md";
    let mut loaded = None;
    for text in &versions {
        ws.save(path, text, loaded).expect("save");
        loaded = Some(ContentHash::of(text.as_bytes()));
    }
    ws.history().checkpoint().expect("checkpoint");
    let stats = ws.history().stats().expect("stats");
    let db_path = dir.path().join(".galley/history.db");
    let db_size = fs::metadata(&db_path).expect("db").len();
    // The history proper: the pages of the versions and texts tables and their indexes. The
    // rest of the file is one page per (mostly empty) table of other features.
    let history_pages: i64 = rusqlite::Connection::open(&db_path)
        .expect("open db")
        .query_row(
            "SELECT SUM(pgsize) FROM dbstat WHERE name IN \
             (SELECT name FROM sqlite_master WHERE tbl_name IN ('versions', 'texts'))",
            [],
            |row| row.get(0),
        )
        .expect("dbstat");

    let repo = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .current_dir(repo.path())
            .args(args)
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    for (i, text) in versions.iter().enumerate() {
        fs::write(repo.path().join("bench.be.md"), text).expect("write");
        git(&["add", "bench.be.md"]);
        git(&[
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@localhost",
            "commit",
            "-q",
            "-m",
            &format!("v{i}"),
        ]);
    }
    git(&["gc", "-q", "--aggressive"]);
    let pack_size: u64 = fs::read_dir(repo.path().join(".git/objects/pack"))
        .expect("pack dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let raw = versions.iter().map(String::len).sum::<usize>();
    println!(
        "3. History of {EDITS} successive small edits of a 3,000-word text ({} KiB raw)",
        raw / 1024
    );
    println!("   galley history (versions + texts tables, pages)  {history_pages:>8} bytes");
    println!(
        "   galley stored text bytes (compressed deltas)     {:>8} bytes",
        stats.stored_bytes
    );
    println!("   galley whole history.db file (all features)      {db_size:>8} bytes");
    println!("   git repository, gc --aggressive (pack + index)   {pack_size:>8} bytes");
    println!(
        "   ratio history/git {:.2}× (goal ≤ 1.5×); whole db file/git {:.2}×",
        history_pages as f64 / pack_size as f64,
        db_size as f64 / pack_size as f64
    );
}
