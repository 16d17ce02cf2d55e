// Crash torture: the real `galley` binary saves, restores and records in a child process and is
// killed with SIGKILL at a random moment of its run. After each kill the draft must hold its old
// bytes or its new ones; every few kills, and at the end, every acknowledged version must be in
// history with its SHA-256, the database must pass `PRAGMA integrity_check`, and opening the
// workspace must leave no temp file behind nor list one as a draft.
//
// GALLEY_CRASH_KILLS sets the number of kills (default 50, the CI run); GALLEY_CRASH_SEED the
// seed (the default is fixed, so a failure names a reproducible seed and step).
#![cfg(unix)]

use super::support::Sample;
use galley_core::atomic::TEMP_MARKER;
use galley_core::hash::ContentHash;
use galley_core::workspace::{Env, VersionRef, Workspace};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const TARGET: &str = "2020-W21/key-rate-cut.en.md";
const DEFAULT_KILLS: usize = 50;
const DEFAULT_SEED: u64 = 0x6a11_e7c4_a54e_d00d;
/// A full check (history, integrity, temp files) after this many kills, and at the end.
const FULL_CHECK_EVERY: usize = 10;
/// Every so many steps the command runs to the end, so there is always news to acknowledge.
const UNKILLED_EVERY: usize = 5;
const SIGKILL: i32 = 9;

#[test]
fn killed_saves_restores_and_records_never_tear_a_draft_or_lose_an_acknowledged_version() {
    let kills = env_number("GALLEY_CRASH_KILLS").map_or(DEFAULT_KILLS, |n| n as usize);
    let seed = env_number("GALLEY_CRASH_SEED").unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let mut torture = Torture::new(seed);
    torture.run(kills);
    eprintln!(
        "crash torture: seed {seed:#x}, {} kills ({} after the new text was on disk), {} runs to completion, {} versions \
         acknowledged and verified, {} kills left a temp file (removed by the next open), {:.1?}",
        torture.kills,
        torture.killed_after_write,
        torture.completed,
        torture.acknowledged.len(),
        torture.temps_left,
        started.elapsed()
    );
}

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    let value = value.trim();
    let parsed = match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={value} is not a number")))
}

/// xorshift64*: deterministic, so a seed reproduces a run's choices and delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[derive(Clone, Copy, Debug)]
enum Step {
    Save,
    Restore,
    Record,
}

const STEPS: [Step; 3] = [Step::Save, Step::Restore, Step::Record];

struct Acked {
    path: String,
    text: String,
}

struct Torture {
    sample: Sample,
    /// Texts handed to `galley save --from`, outside the workspace.
    inputs: tempfile::TempDir,
    seed: u64,
    rng: Rng,
    step: usize,
    kills: usize,
    completed: usize,
    /// Kills that left a temp file behind (each removed by the next open).
    temps_left: usize,
    /// Kills after which the draft already held its new text (the rest: its old text).
    killed_after_write: usize,
    /// Versions whose process printed them and exited 0 before any kill: id → text.
    acknowledged: BTreeMap<i64, Acked>,
    /// One full run of each step, measured; kill delays are drawn from 0..this.
    durations: [Duration; 3],
}

impl Torture {
    fn new(seed: u64) -> Torture {
        let sample = Sample::copy();
        let mut torture = Torture {
            sample,
            inputs: tempfile::tempdir().expect("temp dir"),
            seed,
            rng: Rng(seed | 1),
            step: 0,
            kills: 0,
            completed: 0,
            temps_left: 0,
            killed_after_write: 0,
            acknowledged: BTreeMap::new(),
            durations: [Duration::ZERO; 3],
        };
        let first = torture.sample.json(&["record"]);
        for entry in first["recorded"].as_array().expect("recorded list") {
            let path = entry["path"].as_str().expect("path").to_string();
            let text = std::fs::read_to_string(torture.sample.root().join(&path)).expect("read");
            torture.acknowledge(&entry["version"], &path, &text);
        }
        torture
    }

    fn run(&mut self, kills: usize) {
        for (i, step) in STEPS.into_iter().enumerate() {
            self.durations[i] = self.once(step, false);
        }
        let step_cap = kills * 4 + 20;
        while self.kills < kills {
            assert!(
                self.step < step_cap,
                "seed {:#x}: only {} kills in {} steps; the commands finish before the delays",
                self.seed,
                self.kills,
                self.step
            );
            let step = STEPS[self.step % STEPS.len()];
            let kills_before = self.kills;
            self.once(step, !self.step.is_multiple_of(UNKILLED_EVERY));
            if self.kills > kills_before && self.kills.is_multiple_of(FULL_CHECK_EVERY) {
                self.full_check();
            }
        }
        self.full_check();
    }

    /// Runs one step, killing it after a random delay when `kill`; returns how long it ran.
    fn once(&mut self, step: Step, kill: bool) -> Duration {
        self.step += 1;
        let target = self.sample.root().join(TARGET);
        let mut before = std::fs::read(&target).expect("read the target");
        let (args, after): (Vec<std::ffi::OsString>, String) = match step {
            Step::Save => {
                let text = self.next_text(&before);
                let input = self.inputs.path().join(format!("step-{}.md", self.step));
                std::fs::write(&input, &text).expect("write the input");
                let args = vec!["save".into(), TARGET.into(), "--from".into(), input.into()];
                (args, text)
            }
            Step::Restore => {
                let ids: Vec<i64> = self
                    .acknowledged
                    .iter()
                    .filter(|(_, a)| a.path == TARGET)
                    .map(|(id, _)| *id)
                    .collect();
                let id = ids[self.rng.below(ids.len() as u64) as usize];
                let text = self.acknowledged[&id].text.clone();
                (vec!["restore".into(), id.to_string().into()], text)
            }
            Step::Record => {
                // An external editor's save, complete before Galley runs.
                let text = self.next_text(&before);
                std::fs::write(&target, &text).expect("external edit");
                before = text.clone().into_bytes();
                (vec!["record".into()], text)
            }
        };
        let delay = kill.then(|| {
            let lifetime = self.durations[step as usize].as_nanos() as u64;
            Duration::from_nanos(self.rng.below(lifetime))
        });
        let run = self.spawn(&args, delay);
        let killed = run.status.signal() == Some(SIGKILL);
        if killed {
            self.kills += 1;
        } else {
            assert!(
                run.status.success(),
                "seed {:#x} step {}: galley {step:?} failed: {}",
                self.seed,
                self.step,
                String::from_utf8_lossy(&run.stderr)
            );
            self.completed += 1;
            self.acknowledge_output(step, &run.stdout, &after);
        }
        let now = std::fs::read(&target).expect("read the target after the run");
        assert!(
            now == before || now == after.as_bytes(),
            "seed {:#x} step {} ({step:?}, killed: {}): {TARGET} holds neither its previous nor \
             its new content:\n{}",
            self.seed,
            self.step,
            killed,
            String::from_utf8_lossy(&now)
        );
        if killed && now != before {
            self.killed_after_write += 1;
        }
        if killed && !temp_files(&self.sample.root()).is_empty() {
            self.temps_left += 1;
        }
        run.took
    }

    /// The current text with one more paragraph, different at each step.
    fn next_text(&mut self, current: &[u8]) -> String {
        let current = String::from_utf8(current.to_vec()).expect("the draft is UTF-8");
        let words = [
            "rates", "border", "exams", "gas", "talks", "week", "prices", "schools",
        ];
        let sentence: Vec<&str> = (0..8)
            .map(|_| words[self.rng.below(words.len() as u64) as usize])
            .collect();
        format!("{current}\nStep {}: {}.\n", self.step, sentence.join(" "))
    }

    fn spawn(&self, args: &[std::ffi::OsString], kill_after: Option<Duration>) -> Run {
        let started = Instant::now();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("galley"))
            .arg("--workspace")
            .arg(self.sample.root())
            .args(args)
            .arg("--json")
            .env("GALLEY_AUTHOR", "Tester")
            .env_remove("GALLEY_WORKSPACE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start galley");
        let status = match kill_after {
            Some(delay) => {
                // The random delay is the experiment: it picks the moment of the crash.
                std::thread::sleep(delay);
                // SIGKILL on Unix; harmless if the process has just exited on its own.
                let _ = child.kill();
                child.wait().expect("reap galley")
            }
            None => wait_with_deadline(&mut child, Duration::from_secs(60)),
        };
        let took = started.elapsed();
        let mut stdout = Vec::new();
        let mut stderr = Vec::new();
        if let Some(mut out) = child.stdout.take() {
            out.read_to_end(&mut stdout).expect("read stdout");
        }
        if let Some(mut err) = child.stderr.take() {
            err.read_to_end(&mut stderr).expect("read stderr");
        }
        Run {
            status,
            stdout,
            stderr,
            took,
        }
    }

    fn acknowledge_output(&mut self, step: Step, stdout: &[u8], text: &str) {
        let json: serde_json::Value = serde_json::from_slice(stdout).unwrap_or_else(|e| {
            panic!(
                "seed {:#x} step {}: galley {step:?} printed no JSON ({e}): {}",
                self.seed,
                self.step,
                String::from_utf8_lossy(stdout)
            )
        });
        match step {
            Step::Save | Step::Restore => self.acknowledge(&json["version"], TARGET, text),
            Step::Record => {
                for entry in json["recorded"].as_array().expect("recorded list") {
                    assert_eq!(entry["path"], TARGET, "only the target changed");
                    self.acknowledge(&entry["version"], TARGET, text);
                }
            }
        }
    }

    fn acknowledge(&mut self, version: &serde_json::Value, path: &str, text: &str) {
        let id = version["id"].as_i64().expect("version id");
        let printed = version["hash"].as_str().expect("version hash");
        assert_eq!(
            printed,
            ContentHash::of(text.as_bytes()).to_hex(),
            "seed {:#x} step {}: version {id} was printed with the hash of another text",
            self.seed,
            self.step
        );
        let acked = Acked {
            path: path.to_string(),
            text: text.to_string(),
        };
        self.acknowledged.insert(id, acked);
    }

    fn full_check(&mut self) {
        let root = self.sample.root();
        let at = format!("seed {:#x} step {}", self.seed, self.step);
        let db = root.join(".galley").join("history.db");
        let conn = rusqlite::Connection::open(&db).expect("open the history database");
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .expect("run integrity_check");
        assert_eq!(verdict, "ok", "{at}: PRAGMA integrity_check");
        drop(conn);

        let ws = Workspace::open(&root, Env::system("Checker"))
            .unwrap_or_else(|e| panic!("{at}: the workspace does not open: {e}"));
        let left = temp_files(&root);
        assert!(
            left.is_empty(),
            "{at}: temp files survive an open: {left:?}"
        );
        let listing = ws.list().expect("list");
        assert!(listing.problems.is_empty(), "{at}: {:?}", listing.problems);
        let temps_listed: Vec<_> = listing
            .drafts
            .iter()
            .filter(|d| d.path.contains(TEMP_MARKER))
            .collect();
        assert!(temps_listed.is_empty(), "{at}: temp files listed as drafts");

        let in_log: BTreeSet<i64> = ws.log(TARGET).expect("log").iter().map(|v| v.id).collect();
        for (id, acked) in &self.acknowledged {
            let expected = ContentHash::of(acked.text.as_bytes()).to_hex();
            let version = ws
                .history()
                .version(*id)
                .unwrap_or_else(|e| panic!("{at}: acknowledged version {id} is gone: {e}"));
            assert_eq!(
                version.hash.map(|h| h.to_hex()),
                Some(expected.clone()),
                "{at}: version {id} records another hash"
            );
            let text = ws
                .text_of(&VersionRef::Version(*id))
                .unwrap_or_else(|e| panic!("{at}: version {id} has no text: {e}"));
            assert_eq!(
                ContentHash::of(text.as_bytes()).to_hex(),
                expected,
                "{at}: version {id}'s stored text does not match its SHA-256"
            );
            if acked.path == TARGET {
                assert!(
                    in_log.contains(id),
                    "{at}: version {id} missing from the log"
                );
            }
        }
    }
}

struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    took: Duration,
}

fn wait_with_deadline(child: &mut Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("poll galley") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("galley did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Every Galley temp file under `root`, hidden folders included.
fn temp_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("list a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if entry.file_name().to_string_lossy().contains(TEMP_MARKER) {
                found.push(path);
            }
        }
    }
    found
}
