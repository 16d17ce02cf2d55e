//! Archive benchmark: search, indexing and browsing at archive scale, against bare FTS5 and
//! ripgrep on the same text, measured in the same run. Prints one table; asserts nothing.
//!
//!     cargo bench -p galley-cli --bench archive                      # 20,000 language versions
//!     cargo bench -p galley-cli --bench archive -- --quick           # 300, a smoke run
//!     GALLEY_BENCH_QUICK=1 cargo test -p galley-cli --bench archive  # the same, test profile (CI)
//!
//! The archive is deterministic: commentaries in be/ru/en-like text (~1,500 words each, words
//! built from each language's syllables with a skewed frequency, so some words are common and
//! most are rare), every language version with a few versions in history. The peers run in the
//! same process run: bare FTS5 (in process, on the same text), `rg` and `galley search` (whole
//! processes), `git diff --no-index --word-diff`, `git gc --aggressive`, `inotifywait -r`
//! (`scripts/setup` installs them); a missing peer's row says so.

use galley_core::clock::SystemClock;
use galley_core::diff::{render_text, RenderStyle};
use galley_core::draft::IsoWeek;
use galley_core::hash::ContentHash;
use galley_core::records::EditorialStatus;
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{Env, ExportOptions, Workspace, LIBRARY_BUDGET};
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
    let quick = std::env::var_os("GALLEY_BENCH_QUICK").is_some()
        || std::env::args().any(|a| a == "--quick");
    let count = if quick { 300 } else { 20_000 };
    let versions = 3;
    // One file in three gets its later versions in quick mode; one in ten in full mode, which
    // keeps the run under 10 minutes on 2 cores (each save is two fsynced commits).
    let every = if quick { 3 } else { 10 };
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
    // The same versions as git commits, for the history size row: one commit per round, of
    // the first 1,000 language versions (`git gc --aggressive` of the whole archive alone
    // would take longer than the whole benchmark may).
    let sample: Vec<String> = archive
        .files
        .iter()
        .take(1_000)
        .map(|(rel, _)| rel.clone())
        .collect();
    let git = GitPeer::new(dir.path(), &root, sample);
    git.commit_all("first versions");
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
        git.commit_all(&format!("round {round}"));
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

    search_rows(&ws, &bare, &root, &vocabs, quick, &mut rows);

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
        what: "whole save (write, version) p50".into(),
        galley: ms(s50),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });

    rows.push(history_size_row(&ws, &git));
    rows.push(word_diff_row(&mut ws, &vocabs[0], dir.path()));
    rows.push(watcher_row(&root));
    browse_rows(&mut ws, &archive, dir.path(), &mut rows);

    println!();
    println!(
        "| {:<44} | {:>20} | {:>26} | {:>12} | {:<13} |",
        "measure", "galley", "peer", "ratio", "goal"
    );
    println!(
        "|{}|{}|{}|{}|{}|",
        "-".repeat(46),
        "-".repeat(22),
        "-".repeat(28),
        "-".repeat(14),
        "-".repeat(15)
    );
    for r in &rows {
        println!(
            "| {:<44} | {:>20} | {:>26} | {:>12} | {:<13} |",
            r.what, r.galley, r.peer, r.ratio, r.goal
        );
    }
    println!("\nTotal time {:.0} s.", started.elapsed().as_secs_f64());
}

/// Search: the same queries through Galley in process, bare FTS5 in process, warm `rg` as a
/// process, and `galley search` as a process (the fair process-to-process comparison).
fn search_rows(
    ws: &Workspace,
    bare: &Connection,
    root: &Path,
    vocabs: &[Vec<String>],
    quick: bool,
    rows: &mut Vec<Row>,
) {
    let queries = queries(vocabs);
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
            let n = bare_search(bare, &q.bare);
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
    let Some(mut rg) = rg_times(root, &queries) else {
        rows.push(Row {
            what: "search vs warm rg".into(),
            galley: ms(g50),
            peer: "rg not found".into(),
            ratio: "-".into(),
            goal: "≥ 25× faster",
        });
        return;
    };
    let r50 = percentile(&mut rg, 0.5);
    let r95 = percentile(&mut rg, 0.95);
    rows.push(Row {
        what: "search p50, in process vs warm rg".into(),
        galley: ms(g50),
        peer: format!("{} rg", ms(r50)),
        ratio: format!("{:.0}× faster", r50.as_secs_f64() / g50.as_secs_f64()),
        goal: "≥ 25× faster",
    });
    rows.push(Row {
        what: "search p95, in process vs warm rg".into(),
        galley: ms(g95),
        peer: format!("{} rg", ms(r95)),
        ratio: format!("{:.0}× faster", r95.as_secs_f64() / g95.as_secs_f64()),
        goal: "≥ 25× faster",
    });
    let mut process = galley_process_times(root, &queries);
    let p50 = percentile(&mut process, 0.5);
    rows.push(Row {
        what: "search p50, `galley search` process vs rg".into(),
        galley: ms(p50),
        peer: format!("{} rg", ms(r50)),
        ratio: format!("{:.0}× faster", r50.as_secs_f64() / p50.as_secs_f64()),
        goal: "≥ 25× faster",
    });
}

/// Each query once as a whole `galley search` process (open the workspace, check the index,
/// search, print), after one warm-up run.
fn galley_process_times(root: &Path, queries: &[Query]) -> Vec<Duration> {
    let run = |q: &Query| {
        let out = Command::new(env!("CARGO_BIN_EXE_galley"))
            .arg("--workspace")
            .arg(root)
            .args(["search", &q.galley, "--limit", "20"])
            .args(q.filters.lang.iter().flat_map(|l| ["--lang", l.as_str()]))
            .args(
                q.filters
                    .section
                    .iter()
                    .flat_map(|s| ["--section", s.as_str()]),
            )
            .output()
            .expect("galley search");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    if let Some(q) = queries.first() {
        run(q);
    }
    queries
        .iter()
        .map(|q| {
            let s = Instant::now();
            run(q);
            s.elapsed()
        })
        .collect()
}

/// The archive's versions as a git repository beside the workspace (its own git dir; the
/// work tree is the workspace, `.galley` excluded).
struct GitPeer {
    git_dir: std::path::PathBuf,
    work_tree: std::path::PathBuf,
    /// The workspace paths the repository tracks.
    paths: Vec<String>,
}

impl GitPeer {
    fn new(dir: &Path, work_tree: &Path, paths: Vec<String>) -> GitPeer {
        let peer = GitPeer {
            git_dir: dir.join("peer.git"),
            work_tree: work_tree.to_path_buf(),
            paths,
        };
        peer.git(&["init", "-q"]);
        std::fs::write(peer.git_dir.join("info/exclude"), ".galley/\n").expect("exclude");
        peer
    }

    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .arg("--git-dir")
            .arg(&self.git_dir)
            .arg("--work-tree")
            .arg(&self.work_tree)
            .args(["-c", "user.name=bench", "-c", "user.email=bench@localhost"])
            .args(args)
            .output()
            .expect("git (is git installed?)");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn commit_all(&self, message: &str) {
        let mut add = vec!["add", "--"];
        add.extend(self.paths.iter().map(String::as_str));
        self.git(&add);
        self.git(&["commit", "-q", "-m", message]);
    }

    /// Packs the repository with `git gc --aggressive`; the pack and index sizes in bytes.
    fn packed_size(&self) -> (u64, Duration) {
        let t = Instant::now();
        self.git(&["gc", "-q", "--aggressive"]);
        let took = t.elapsed();
        let size = std::fs::read_dir(self.git_dir.join("objects/pack"))
            .expect("pack dir")
            .filter_map(|e| e.ok())
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        (size, took)
    }
}

/// Every version of the sampled language versions: the bytes Galley stores for their texts
/// (zstd-compressed deltas) against a git repository of the same versions packed with
/// `git gc --aggressive` (pack + index; it also holds trees and commits, as Galley's version
/// rows are left out).
fn history_size_row(ws: &Workspace, git: &GitPeer) -> Row {
    ws.history().checkpoint().expect("checkpoint");
    let db = Connection::open(ws.root().join(".galley/history.db")).expect("open db");
    let mut stored = db
        .prepare(
            "SELECT coalesce(sum(length(data)), 0) FROM texts WHERE id IN \
             (SELECT text_id FROM versions WHERE path = ?1)",
        )
        .expect("prepare");
    let galley: i64 = git
        .paths
        .iter()
        .map(|p| {
            stored
                .query_row([p], |row| row.get::<_, i64>(0))
                .expect("sum")
        })
        .sum();
    let (pack, took) = git.packed_size();
    println!("  git gc --aggressive took {:.1} s", took.as_secs_f64());
    Row {
        what: format!("history, {} drafts × all versions", git.paths.len()),
        galley: mib(galley as u64),
        peer: format!("{} git gc --aggressive", mib(pack)),
        ratio: format!("{:.2}×", galley as f64 / pack as f64),
        goal: "≤ 1.0×",
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Word diff of one large draft (20,000 words, 2% of them changed) against its last version:
/// Galley in process (read the file and the version from history, diff, render as text) vs
/// `git diff --no-index --word-diff=plain` on the same two texts as files (a whole process).
fn word_diff_row(ws: &mut Workspace, vocab: &[String], dir: &Path) -> Row {
    let mut rng = Rng(7);
    let words: Vec<&str> = (0..20_000)
        .map(|_| vocab[rng.skewed(vocab.len())].as_str())
        .collect();
    let mut changed = words.clone();
    for i in (0..changed.len()).step_by(50) {
        changed[i] = &vocab[rng.below(vocab.len())];
    }
    let text = |w: &[&str]| {
        let paragraphs: Vec<String> = w.chunks(100).map(|c| c.join(" ")).collect();
        format!(
            "---\nid: large\ntitle: Large\nlang: be\n---\n\n{}\n",
            paragraphs.join("\n\n")
        )
    };
    let (old, new) = (text(&words), text(&changed));
    let rel = "bench/large.be.md";
    ws.save(rel, &old, None).expect("save large");
    std::fs::write(ws.root().join(rel), &new).expect("edit large");
    let (a, b) = (dir.join("old.md"), dir.join("new.md"));
    std::fs::write(&a, &old).expect("write");
    std::fs::write(&b, &new).expect("write");
    let runs = 15;
    let mut galley = Vec::new();
    let mut git = Vec::new();
    for _ in 0..runs {
        let s = Instant::now();
        let diff = ws.diff_file(rel, None, None).expect("diff");
        std::hint::black_box(render_text(&diff, RenderStyle::Plain));
        galley.push(s.elapsed());
        let s = Instant::now();
        let out = Command::new("git")
            .args(["diff", "--no-index", "--word-diff=plain"])
            .arg(&a)
            .arg(&b)
            .output()
            .expect("git diff");
        std::hint::black_box(out.stdout.len());
        git.push(s.elapsed());
    }
    let g = percentile(&mut galley, 0.5);
    let p = percentile(&mut git, 0.5);
    Row {
        what: "word diff, 20,000 words, 2% changed (median)".into(),
        galley: format!("{} in process", ms(g)),
        peer: format!("{} git --word-diff", ms(p)),
        ratio: format!("{:.2}×", g.as_secs_f64() / p.as_secs_f64()),
        goal: "≤ 0.75×",
    }
}

/// Starting to watch the whole archive: Galley's watcher (in process, until every folder is
/// watched) vs `inotifywait -r` (a process, until it reports "Watches established").
fn watcher_row(root: &Path) -> Row {
    let runs = 5;
    let mut galley = Vec::new();
    for _ in 0..runs {
        let s = Instant::now();
        let watching = galley_core::watch::watch(root, Duration::from_millis(200)).expect("watch");
        galley.push(s.elapsed());
        drop(watching);
    }
    let g = percentile(&mut galley, 0.5);
    let mut peer = Vec::new();
    for _ in 0..runs {
        match inotifywait_setup(root) {
            Some(took) => peer.push(took),
            None => {
                return Row {
                    what: "watch the whole archive (median)".into(),
                    galley: ms(g),
                    peer: "inotifywait not found".into(),
                    ratio: "-".into(),
                    goal: "≤ 1.5×",
                }
            }
        }
    }
    let p = percentile(&mut peer, 0.5);
    Row {
        what: "watch the whole archive (median)".into(),
        galley: format!("{} in process", ms(g)),
        peer: format!("{} inotifywait -r", ms(p)),
        ratio: format!("{:.2}×", g.as_secs_f64() / p.as_secs_f64()),
        goal: "≤ 1.5×",
    }
}

fn inotifywait_setup(root: &Path) -> Option<Duration> {
    use std::io::{BufRead, BufReader};
    let s = Instant::now();
    let mut child = Command::new("inotifywait")
        .args(["-r", "-m", "-e", "modify,create,delete,move"])
        .arg(root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    // It prints "Watches established." once every folder is watched (not with -q).
    let stderr = child.stderr.take()?;
    let mut established = None;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if line.contains("Watches established") {
            established = Some(s.elapsed());
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    established
}

/// Browsing at archive scale: the library list, opening a draft, the diff of a draft against
/// its last version, and exporting one issue as a zip.
fn browse_rows(ws: &mut Workspace, archive: &Archive, dir: &Path, rows: &mut Vec<Row>) {
    let count = archive.files.len();
    let mut list_times = Vec::new();
    for _ in 0..4 {
        let s = Instant::now();
        std::hint::black_box(ws.list().expect("list"));
        list_times.push(s.elapsed());
    }
    let first = list_times[0];
    let warm = percentile(&mut list_times[1..], 0.5);
    rows.push(Row {
        what: format!("list all {count} drafts (cached; first call)"),
        galley: format!("{} ({})", ms(warm), ms(first)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });
    rows.extend(fresh_clone_rows(ws.root(), dir, first));
    let sample: Vec<&String> = archive
        .files
        .iter()
        .map(|(rel, _)| rel)
        .step_by((count / 200).max(1))
        .collect();
    let mut open_times = Vec::new();
    let mut diff_times = Vec::new();
    for rel in &sample {
        let s = Instant::now();
        std::hint::black_box(ws.read(rel).expect("read"));
        open_times.push(s.elapsed());
        let s = Instant::now();
        std::hint::black_box(ws.diff_file(rel, None, None).expect("diff"));
        diff_times.push(s.elapsed());
    }
    rows.push(Row {
        what: "open one draft p50".into(),
        galley: ms(percentile(&mut open_times, 0.5)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });
    rows.push(Row {
        what: "diff one draft with its last version p50".into(),
        galley: ms(percentile(&mut diff_times, 0.5)),
        peer: "-".into(),
        ratio: "-".into(),
        goal: "",
    });
    // The first issue's commentaries, approved so the export publishes them.
    let week = &archive.files[0].0[..8];
    let ids: std::collections::BTreeSet<String> = archive
        .files
        .iter()
        .filter(|(rel, _)| rel.starts_with(week))
        .filter_map(|(rel, _)| rel.split('/').nth(1)?.split('.').next().map(str::to_string))
        .collect();
    for id in &ids {
        ws.set_editorial_status(id, EditorialStatus::InReview, None)
            .expect("review");
        ws.set_editorial_status(id, EditorialStatus::Approved, None)
            .expect("approve");
    }
    let week: IsoWeek = week.parse().expect("week");
    let titles = LANGS
        .iter()
        .map(|l| (l.to_string(), format!("Issue {week}")))
        .collect();
    ws.create_issue(week, titles).expect("issue file");
    // What an export cost before it was scoped to its issue: catching up the whole folder.
    let s = Instant::now();
    ws.record_all().expect("record");
    let whole_folder = s.elapsed();
    let s = Instant::now();
    let report = ws.export_issue(
        week,
        &dir.join("export.zip"),
        ExportOptions {
            only_complete: true,
        },
        &mut |_| {},
    );
    let took = s.elapsed();
    rows.push(Row {
        what: format!("export one issue ({} commentaries) as zip", ids.len()),
        galley: match report {
            Ok(_) => ms(took),
            Err(e) => format!("refused: {e}"),
        },
        peer: format!("{} record all", ms(whole_folder)),
        ratio: format!("{:.2}×", took.as_secs_f64() / whole_folder.as_secs_f64()),
        goal: "≤ 500 ms",
    });
}

/// The library of a freshly cloned archive (the files and `.galley` without `history.db`):
/// Galley shows what it read within `LIBRARY_BUDGET` and reads the rest in the background,
/// against the first full `list` (`whole`, which fills the whole front-matter cache first).
fn fresh_clone_rows(root: &Path, dir: &Path, whole: Duration) -> Vec<Row> {
    let clone = dir.join("clone");
    copy_without_history(root, &clone);
    let env = Env {
        clock: Arc::new(SystemClock),
        author: "bench".into(),
    };
    let s = Instant::now();
    let ws = Workspace::open(&clone, env).expect("open the clone");
    let (listing, grid) = ws.library(Some(LIBRARY_BUDGET)).expect("library");
    let shown = s.elapsed();
    std::hint::black_box(grid);
    let s = Instant::now();
    ws.catch_up_folder(&mut |_, _| {}).expect("catch up");
    let background = s.elapsed();
    let total = ws.list().expect("list").drafts.len();
    vec![
        Row {
            what: format!("fresh clone: library shown ({total} drafts)"),
            galley: format!("{:.2} s", shown.as_secs_f64()),
            peer: format!("{:.2} s first list", whole.as_secs_f64()),
            ratio: format!("{:.2}×", shown.as_secs_f64() / whole.as_secs_f64()),
            goal: "≤ 3 s",
        },
        Row {
            what: "fresh clone: the rest, in the background".into(),
            galley: format!(
                "{:.2} s ({} read)",
                background.as_secs_f64(),
                listing.pending
            ),
            peer: "-".into(),
            ratio: "-".into(),
            goal: "",
        },
    ]
}

/// Copies the workspace as a clone has it: everything but the per-machine history.
fn copy_without_history(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("history.db") || name == ".git" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().expect("file type").is_dir() {
            copy_without_history(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
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
