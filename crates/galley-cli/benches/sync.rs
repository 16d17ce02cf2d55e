//! Sync benchmark: `galley sync` of one changed draft in a large archive against a plain
//! `git add -A && git commit && git pull --no-rebase && git push` of the same change in another
//! clone, in the same run (goal ≤ 1.5×); and receiving 1,000 versions made on another machine,
//! each recorded with its author (goal under 5 s). Prints figures; asserts nothing about time.
//!
//!     cargo bench -p galley-cli --bench sync              # 20,000 drafts
//!     GALLEY_BENCH_QUICK=1 cargo test -p galley-cli --bench sync   # 300 drafts, a smoke run

use galley_core::clock::SystemClock;
use galley_core::workspace::{Env, Workspace};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn env(author: &str) -> Env {
    Env {
        clock: Arc::new(SystemClock),
        author: author.into(),
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Bench",
            "-c",
            "user.email=bench@galley.invalid",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn draft(n: usize, lang: &str, extra: &str) -> String {
    format!(
        "---\nid: d{n:06}\ntitle: Commentary {n}\ntrend: unchanged\nauthors: [Alena Kavalchuk]\n\
         lead: A lead for {n}.\nsection: security\nissue: 2020-W{:02}\nlang: {lang}\n---\n\n\
         The first paragraph of commentary {n} says what happened this week.\n\n\
         The second paragraph weighs it against last month.{extra}\n",
        10 + n % 40
    )
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let quick = std::env::var_os("GALLEY_BENCH_QUICK").is_some();
    // GALLEY_BENCH_DRAFTS sizes the archive for a run in between (e.g. while profiling).
    let drafts = std::env::var("GALLEY_BENCH_DRAFTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if quick { 300 } else { 20_000 });
    let versions = if quick { 100 } else { 1_000 };
    let dir = tempfile::tempdir().expect("temp dir");
    let remote = dir.path().join("remote.git");
    std::fs::create_dir(&remote).expect("mkdir");
    git(&remote, &["init", "-q", "--bare", "-b", "main"]);
    let url = remote.to_string_lossy().to_string();

    let started = Instant::now();
    let anna = dir.path().join("anna");
    for n in 0..drafts {
        let folder = anna.join(format!("2020-W{:02}", 10 + n % 40));
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(folder.join(format!("c{n}.be.md")), draft(n, "be", "")).expect("write");
    }
    let mut ws = Workspace::init(&anna, env("Anna")).expect("init");
    ws.sync_init(&url).expect("share");
    let bela_root = dir.path().join("bela");
    let mut bela =
        galley_core::workspace::clone_workspace(&url, &bela_root, env("Bela")).expect("clone");
    let plain = dir.path().join("plain");
    git(dir.path(), &["clone", "-q", &url, "plain"]);
    println!(
        "Sync benchmark: {drafts} drafts shared through a bare repository (set up in {:.1} s)\n",
        started.elapsed().as_secs_f64()
    );

    // One changed draft: Galley against plain git, alternating.
    let (mut galley, mut peer) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        let rel = format!("2020-W{:02}/c{run}.be.md", 10 + run % 40);
        let text = draft(run, "be", &format!(" Edited in run {run}."));
        std::fs::write(anna.join(&rel), &text).expect("edit");
        let t = Instant::now();
        ws.sync().expect("sync");
        galley.push(t.elapsed());

        let plain_rel = format!("2020-W{:02}/c{}.be.md", 10 + (run + 7) % 40, run + 7);
        let text = draft(run + 7, "be", &format!(" Edited by git in run {run}."));
        let t = Instant::now();
        git(&plain, &["pull", "-q", "--no-rebase", "--no-edit"]);
        std::fs::write(plain.join(&plain_rel), &text).expect("edit");
        git(&plain, &["add", "-A"]);
        git(&plain, &["commit", "-q", "-m", "edit"]);
        git(&plain, &["pull", "-q", "--no-rebase", "--no-edit"]);
        git(&plain, &["push", "-q"]);
        peer.push(t.elapsed());
    }
    let (g, p) = (median(galley), median(peer));
    println!(
        "  one changed draft among {drafts}: galley sync {:.0} ms, git add/commit/pull/push \
         {:.0} ms: {:.2}× (goal ≤ 1.5×)",
        g.as_secs_f64() * 1000.0,
        p.as_secs_f64() * 1000.0,
        g.as_secs_f64() / p.as_secs_f64()
    );

    // Many versions made on one machine arrive on another, each with its author.
    bela.sync().expect("catch up");
    for v in 0..versions {
        let n = v % 100;
        let rel = format!("2020-W{:02}/c{n}.be.md", 10 + n % 40);
        let path = anna.join(&rel);
        let old = std::fs::read_to_string(&path).expect("read");
        let new = draft(n, "be", &format!(" Version {v}."));
        ws.save(
            &rel,
            &new,
            Some(galley_core::hash::ContentHash::of(old.as_bytes())),
        )
        .expect("save");
    }
    let t = Instant::now();
    ws.sync().expect("send");
    let sent = t.elapsed();
    let t = Instant::now();
    let report = bela.sync().expect("receive");
    let received = t.elapsed();
    let signed = bela
        .log("2020-W10/c0.be.md")
        .expect("log")
        .iter()
        .filter(|v| v.author == "Anna")
        .count();
    println!(
        "  {versions} versions made on another machine: sent in {:.1} s, received and recorded \
         {} in {:.1} s (goal under 5 s); {signed} of c0's versions signed by their author",
        sent.as_secs_f64(),
        report.received,
        received.as_secs_f64()
    );
}
