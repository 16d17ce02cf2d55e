// `galley sync` with a real bare repository and three clones — author, translator, editor —
// each with its own name, using nothing but Galley: every version and record travels, edits of
// different paragraphs merge, the same paragraph edited twice ends with valid drafts and both
// texts in History, and a resolution converges.

use super::support::Sample;
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const ID: &str = "pxq253v3kb";
pub(super) const SOURCE: &str = "2020-W20/army-reserve-call-up.be.md";

pub(super) struct Person {
    root: PathBuf,
    name: &'static str,
}

impl Person {
    fn galley(&self) -> Command {
        let mut cmd = Command::cargo_bin("galley").expect("galley binary");
        cmd.arg("--workspace")
            .arg(&self.root)
            .env("GALLEY_AUTHOR", self.name)
            // No git identity of the machine's: Galley signs with the person's name.
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GALLEY_WORKSPACE");
        cmd
    }

    pub(super) fn json(&self, args: &[&str]) -> Value {
        let out = self
            .galley()
            .args(args)
            .arg("--json")
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}: galley {args:?} failed: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON output")
    }

    pub(super) fn sync(&self) -> Value {
        self.json(&["sync"])
    }

    pub(super) fn save(&self, path: &str, text: &str) {
        let file = self.root.with_extension(format!("{}.md", self.name));
        std::fs::write(&file, text).expect("write");
        self.json(&["save", path, "--from", file.to_str().expect("utf-8")]);
    }

    pub(super) fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root.join(path)).expect("read")
    }

    /// The commentary's cell in `lang` of the 2020-W20 translation grid.
    fn cell(&self, lang: &str) -> Value {
        let grid = self.json(&["translate", "status", "--issue", "2020-W20"]);
        grid["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|r| r["id"] == ID))
            .and_then(|r| r["cells"].as_array())
            .and_then(|cells| cells.iter().find(|c| c["lang"] == lang))
            .cloned()
            .unwrap_or_else(|| panic!("{}: no {lang} cell", self.name))
    }

    /// How many conflicts `galley conflicts` lists.
    fn conflict_count(&self) -> Option<usize> {
        self.json(&["conflicts"])["conflicts"]
            .as_array()
            .map(Vec::len)
    }

    fn log(&self, path: &str) -> Vec<Value> {
        self.json(&["log", path])["versions"]
            .as_array()
            .expect("versions")
            .clone()
    }
}

/// A bare repository with the sample workspace shared by Anna, cloned by Bela and Cyra.
pub(super) fn team() -> (tempfile::TempDir, [Person; 3]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let remote = dir.path().join("remote.git");
    let git = std::process::Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .output()
        .expect("git");
    assert!(git.status.success());
    let url = remote.to_str().expect("utf-8").to_string();
    let sample = Sample::copy();
    let anna = Person {
        root: dir.path().join("anna"),
        name: "Anna",
    };
    copy_tree(&sample.root(), &anna.root);
    anna.json(&["sync", "--init", &url]);
    let others = ["Bela", "Cyra"].map(|name| {
        let person = Person {
            root: dir.path().join(name.to_lowercase()),
            name,
        };
        person.json(&["sync", "--init", &url]);
        person
    });
    let [bela, cyra] = others;
    (dir, [anna, bela, cyra])
}

pub(super) fn paragraph_edit(text: &str, from: &str, to: &str) -> String {
    let edited = text.replace(from, to);
    assert_ne!(edited, text, "the sample no longer has `{from}`");
    edited
}

fn no_markers(person: &Person) {
    for rel in drafts(&person.root) {
        let text = person.read(&rel);
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("<<<<<<<") || l.starts_with(">>>>>>>")),
            "{}: conflict markers in {rel}",
            person.name
        );
    }
    let check = person.galley().arg("check").output().expect("check");
    assert!(
        check.status.success(),
        "{}: {}",
        person.name,
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn a_weeks_work_travels_through_galley_sync_alone() {
    let (_dir, [anna, bela, cyra]) = team();

    // The author writes twice before syncing: both versions travel, signed by her.
    let text = anna.read(SOURCE);
    let first = paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб пакуль вельмі сціплы");
    anna.save(SOURCE, &first);
    let second = paragraph_edit(
        &first,
        "Міністэрства абароны",
        "Міністэрства абароны Беларусі",
    );
    anna.save(SOURCE, &second);
    let sent = anna.sync();
    assert!(sent["committed"].as_u64() >= Some(2), "{sent}");
    assert_eq!(sent["state"]["to_send"], 0, "{sent}");

    // The translator receives both versions, catches up and labels nothing; the editor
    // approves and notes.
    let got = bela.sync();
    assert!(got["received"].as_u64() >= Some(2), "{got}");
    let log = bela.log(SOURCE);
    assert_eq!(log[0]["author"], "Anna");
    assert_eq!(log[1]["author"], "Anna");
    assert_eq!(log[0]["sha256"], log[0]["hash"]);
    bela.json(&["translate", "set", ID, "ru", "done"]);
    bela.sync();
    cyra.sync();
    cyra.json(&["review", "set", ID, "approved"]);
    cyra.json(&["review", "note", ID, "Ready for Friday"]);
    cyra.sync();
    anna.sync();
    bela.sync();

    let review = anna.json(&["review", "log", ID]);
    assert_eq!(review["events"][0]["author"], "Cyra");
    let ru = anna.cell("ru");
    assert_eq!(
        (ru["set_by"].as_str(), ru["outdated"].as_bool()),
        (Some("Bela"), Some(false))
    );

    // Everyone sees the same versions, statuses, board and review.
    let states: Vec<Value> = [&anna, &bela, &cyra]
        .iter()
        .map(|p| {
            let log: Vec<Value> = p
                .log(SOURCE)
                .iter()
                .map(|v| serde_json::json!([v["sha256"], v["author"], v["label"]]))
                .collect();
            serde_json::json!({
                "log": log,
                "review": p.json(&["review", "log", ID]),
                "board": p.json(&["issue", "board", "2020-W20"]),
            })
        })
        .collect();
    assert_eq!(states[0], states[1]);
    assert_eq!(states[1], states[2]);
    for person in [&anna, &bela, &cyra] {
        no_markers(person);
        assert_eq!(person.json(&["sync"])["state"]["to_send"], 0);
    }
}

#[test]
fn edits_of_different_paragraphs_and_fields_on_two_machines_merge_without_asking() {
    let (_dir, [anna, bela, cyra]) = team();
    let text = anna.read(SOURCE);
    // Anna edits the first paragraph of the lead and re-wraps nothing; Cyra edits a body
    // paragraph and a front matter field.
    anna.save(
        SOURCE,
        &paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб ужо немалы"),
    );
    let cyra_text = paragraph_edit(
        &text,
        "Геаграфія таксама красамоўная",
        "Геаграфія вельмі красамоўная",
    );
    let cyra_text = paragraph_edit(&cyra_text, "trend: deteriorated", "trend: unchanged");
    cyra.save(SOURCE, &cyra_text);
    anna.sync();
    let report = cyra.sync();
    assert_eq!(
        report["conflicts"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
    anna.sync();
    bela.sync();
    for person in [&anna, &bela, &cyra] {
        let merged = person.read(SOURCE);
        assert!(
            merged.contains("Маштаб ужо немалы"),
            "{}: {merged}",
            person.name
        );
        assert!(
            merged.contains("Геаграфія вельмі красамоўная"),
            "{}",
            person.name
        );
        assert!(merged.contains("trend: unchanged"), "{}", person.name);
        no_markers(person);
    }
    assert_eq!(anna.read(SOURCE), cyra.read(SOURCE));
}

#[test]
fn the_same_paragraph_edited_on_two_machines_keeps_both_texts_and_a_valid_draft() {
    let (_dir, [anna, _bela, cyra]) = team();
    let text = anna.read(SOURCE);
    let anna_text = paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб ужо немалы");
    let cyra_text = paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб зусім невялікі");
    anna.save(SOURCE, &anna_text);
    cyra.save(SOURCE, &cyra_text);
    anna.sync();
    let report = cyra.sync();
    let conflicts = report["conflicts"].as_array().expect("conflicts");
    assert_eq!(conflicts.len(), 1, "{report}");
    assert_eq!(conflicts[0]["path"], SOURCE);
    assert_eq!(report["state"]["conflicts"], 1);
    no_markers(&cyra);
    // Both texts are versions in History on Cyra's machine; hers is on disk.
    let hashes: Vec<Value> = cyra
        .log(SOURCE)
        .iter()
        .map(|v| v["sha256"].clone())
        .collect();
    let hash_of = |t: &str| {
        use std::fmt::Write;
        let digest = sha256(t.as_bytes());
        digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    };
    assert!(
        hashes.contains(&Value::from(hash_of(&anna_text))),
        "{hashes:?}"
    );
    assert!(
        hashes.contains(&Value::from(hash_of(&cyra_text))),
        "{hashes:?}"
    );
    assert_eq!(cyra.read(SOURCE), cyra_text);
    assert_eq!(cyra.conflict_count(), Some(1));

    // Cyra takes Anna's text; after syncing, both machines hold it and no conflict is left.
    cyra.json(&["resolve", SOURCE, "--theirs"]);
    assert_eq!(cyra.conflict_count(), Some(0));
    cyra.sync();
    anna.sync();
    assert_eq!(anna.read(SOURCE), anna_text);
    assert_eq!(cyra.read(SOURCE), anna_text);
    no_markers(&anna);
    // Anna's History has Cyra's text too.
    let anna_hashes: Vec<Value> = anna
        .log(SOURCE)
        .iter()
        .map(|v| v["sha256"].clone())
        .collect();
    assert!(
        anna_hashes.contains(&Value::from(hash_of(&cyra_text))),
        "{anna_hashes:?}"
    );
}

#[test]
fn a_conflict_is_settled_paragraph_by_paragraph_and_field_by_field() {
    let (_dir, [anna, _bela, cyra]) = team();
    let text = anna.read(SOURCE);
    let title = "title: Прызыў з запасу пашырылі на заходнія раёны";
    let second = "Сам па сабе прызыў з запасу";
    let anna_text = paragraph_edit(
        &paragraph_edit(
            &paragraph_edit(&text, second, "Сам па сабе выклік з запасу"),
            "Геаграфія таксама красамоўная",
            "Геаграфія вельмі красамоўная",
        ),
        title,
        "title: Зборы пашырылі на захад",
    );
    let cyra_text = paragraph_edit(
        &paragraph_edit(
            &paragraph_edit(&text, second, "Зразумела, прызыў з запасу"),
            "Мы ацэньваем",
            "Мы цяпер ацэньваем",
        ),
        title,
        "title: Прызыў пашырылі на захад",
    );
    anna.save(SOURCE, &anna_text);
    cyra.save(SOURCE, &cyra_text);
    anna.sync();
    cyra.sync();

    // Only what clashed is offered: the second paragraph and the title, each side's text.
    let parts = cyra.json(&["conflicts", SOURCE])["parts"].clone();
    let paragraphs = parts["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), 1, "{parts}");
    assert!(paragraphs[0]["ours"]
        .as_str()
        .is_some_and(|p| p.starts_with("Зразумела")));
    assert!(paragraphs[0]["theirs"]
        .as_str()
        .is_some_and(|p| p.starts_with("Сам па сабе выклік")));
    let fields = parts["fields"].as_array().expect("fields");
    assert_eq!(fields.len(), 1, "{parts}");
    assert_eq!(fields[0]["key"], "title");
    assert_eq!(fields[0]["theirs"], "title: Зборы пашырылі на захад");

    // Anna's paragraph, Cyra's title; every change that did not clash stays.
    cyra.json(&["resolve", SOURCE, "--theirs-in", "1"]);
    let settled = cyra.read(SOURCE);
    for kept in [
        "Сам па сабе выклік з запасу",
        "title: Прызыў пашырылі на захад",
        "Геаграфія вельмі красамоўная",
        "Мы цяпер ацэньваем",
    ] {
        assert!(settled.contains(kept), "`{kept}` missing from:\n{settled}");
    }
    assert!(!settled.contains("Зразумела"), "{settled}");
    assert_eq!(cyra.conflict_count(), Some(0));
    cyra.sync();
    anna.sync();
    assert_eq!(anna.read(SOURCE), settled);
    no_markers(&anna);

    // A piece that is not there is refused by name, and nothing changes.
    let out = cyra
        .galley()
        .args(["resolve", SOURCE, "--theirs-in", "0"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("numbered from 1"));
}

#[test]
fn sync_says_what_to_do_when_the_folder_is_not_shared_or_the_remote_is_gone() {
    let sample = Sample::copy();
    let person = Person {
        root: sample.root(),
        name: "Anna",
    };
    person
        .galley()
        .arg("sync")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("galley sync --init URL"));

    // A remote that cannot be reached: nothing fails, the commits wait.
    let (dir, [anna, _, _]) = team();
    std::fs::rename(dir.path().join("remote.git"), dir.path().join("gone.git")).expect("move");
    let text = anna.read(SOURCE);
    anna.save(
        SOURCE,
        &paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб ужо немалы"),
    );
    let report = anna.sync();
    assert_eq!(report["offline"], true, "{report}");
    assert!(report["state"]["to_send"].as_u64() >= Some(1), "{report}");
    std::fs::rename(dir.path().join("gone.git"), dir.path().join("remote.git")).expect("back");
    let report = anna.sync();
    assert_eq!(report["offline"], false, "{report}");
    assert_eq!(report["state"]["to_send"], 0, "{report}");
}

fn drafts(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() && !name.starts_with('.') {
                stack.push(path);
            } else if name.ends_with(".md") {
                out.push(
                    path.strip_prefix(root)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if !entry
            .file_name()
            .to_string_lossy()
            .starts_with("history.db")
        {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    galley_core::hash::ContentHash::of(bytes)
        .as_bytes()
        .to_owned()
}

/// Crash torture: `galley sync` killed with SIGKILL at random moments (GALLEY_SYNC_KILLS, 20
/// by default; 200 in the long run), an edit before each. A sync afterwards completes, no draft
/// holds a conflict marker, and another machine receives every text that was saved.
#[cfg(unix)]
#[test]
fn syncs_killed_at_random_moments_are_completed_by_the_next_and_lose_no_version() {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let kills: u64 = std::env::var("GALLEY_SYNC_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let (_dir, [anna, bela, _]) = team();
    let mut seed: u64 = 0x5eed_5a7c_0ffe_e000;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // How long a sync takes here, so the kills land inside one.
    let started = Instant::now();
    anna.sync();
    let lifetime = started.elapsed().as_micros().max(1) as u64 * 2;
    let mut saved = Vec::new();
    for step in 0..kills {
        let text = anna.read(SOURCE);
        let edited = format!("{text}\nStep {step} of the torture.\n");
        anna.save(SOURCE, &edited);
        saved.push(edited);
        // Bela works too, so merges happen.
        if step % 3 == 0 {
            bela.json(&["review", "note", ID, &format!("Note {step}")]);
            bela.sync();
        }
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("galley"))
            .arg("--workspace")
            .arg(&anna.root)
            .arg("sync")
            .env("GALLEY_AUTHOR", anna.name)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GALLEY_WORKSPACE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start galley sync");
        // The random moment is the experiment: the kill lands then, or the sync ended first.
        let moment = Instant::now() + Duration::from_micros(next() % lifetime);
        while Instant::now() < moment && child.try_wait().ok().flatten().is_none() {
            std::thread::yield_now();
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    let last = anna.sync();
    assert_eq!(last["state"]["to_send"], 0, "{last}");
    no_markers(&anna);
    bela.sync();
    no_markers(&bela);
    let received: Vec<Value> = bela
        .log(SOURCE)
        .iter()
        .map(|v| v["sha256"].clone())
        .collect();
    for text in &saved {
        let hash = galley_core::hash::ContentHash::of(text.as_bytes()).to_hex();
        assert!(
            received.contains(&Value::from(hash)),
            "a saved version did not travel"
        );
    }
    assert_eq!(bela.read(SOURCE), anna.read(SOURCE));
    let notes = anna.json(&["review", "notes", ID]);
    assert!(
        notes["notes"].as_array().map(Vec::len) >= Some((kills as usize).div_ceil(3)),
        "{notes}"
    );
    let fsck = std::process::Command::new("git")
        .current_dir(&anna.root)
        .args(["fsck", "--no-progress"])
        .output()
        .expect("git fsck");
    assert!(
        fsck.status.success(),
        "{}",
        String::from_utf8_lossy(&fsck.stderr)
    );
}

/// A `git daemon` serving a folder of repositories on the loopback address, stopped on drop.
#[cfg(unix)]
struct GitServer {
    child: std::process::Child,
    port: u16,
}

#[cfg(unix)]
impl GitServer {
    fn start(base: &Path, port: Option<u16>) -> GitServer {
        let port = port.unwrap_or_else(|| {
            // A free port: the OS picks one, and it is given back for the daemon.
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            probe.local_addr().expect("address").port()
        });
        // `git-daemon` itself, not `git daemon`: a wrapper process may outlive a kill of it.
        let exec_path = std::process::Command::new("git")
            .arg("--exec-path")
            .output()
            .expect("git --exec-path");
        let exec_path = String::from_utf8_lossy(&exec_path.stdout)
            .trim()
            .to_string();
        let child = std::process::Command::new(Path::new(&exec_path).join("git-daemon"))
            .arg(format!("--base-path={}", base.display()))
            .args(["--export-all", "--enable=receive-pack", "--reuseaddr"])
            .args(["--listen=127.0.0.1", &format!("--port={port}")])
            .arg(base)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("git daemon");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                std::time::Instant::now() < deadline,
                "git daemon did not start"
            );
            std::thread::yield_now();
        }
        GitServer { child, port }
    }

    fn url(&self) -> String {
        format!("git://127.0.0.1:{}/remote.git", self.port)
    }
}

#[cfg(unix)]
impl Drop for GitServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(unix)]
#[test]
fn sync_through_a_git_server_that_goes_away_mid_week_and_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let remote = dir.path().join("remote.git");
    let init = std::process::Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .output()
        .expect("git");
    assert!(init.status.success());
    let server = GitServer::start(dir.path(), None);
    let url = server.url();
    let sample = Sample::copy();
    let anna = Person {
        root: dir.path().join("anna"),
        name: "Anna",
    };
    copy_tree(&sample.root(), &anna.root);
    anna.json(&["sync", "--init", &url]);
    let bela = Person {
        root: dir.path().join("bela"),
        name: "Bela",
    };
    bela.json(&["sync", "--init", &url]);

    let text = anna.read(SOURCE);
    let edited = paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб ужо немалы");
    anna.save(SOURCE, &edited);
    assert_eq!(anna.sync()["state"]["to_send"], 0);

    // The server goes away: both keep working; syncing waits and says so.
    let port = server.port;
    drop(server);
    bela.json(&["translate", "set", ID, "ru", "in-review"]);
    let waiting = bela.sync();
    assert_eq!(waiting["offline"], true, "{waiting}");
    assert!(waiting["state"]["to_send"].as_u64() >= Some(1), "{waiting}");

    // It comes back: everything goes through.
    let _server = GitServer::start(dir.path(), Some(port));
    let back = bela.sync();
    assert_eq!(back["offline"], false, "{back}");
    assert_eq!(back["state"]["to_send"], 0, "{back}");
    assert_eq!(bela.read(SOURCE), edited);
    anna.sync();
    let ru = anna.cell("ru");
    assert_eq!(
        (ru["status"].as_str(), ru["set_by"].as_str()),
        (Some("in-review"), Some("Bela"))
    );
}

fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Mallory", "-c", "user.email=m@example.org"])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_rewritten_remote_is_refused_and_nothing_here_is_lost() {
    let (dir, [anna, bela, _]) = team();
    let text = anna.read(SOURCE);
    anna.save(
        SOURCE,
        &paragraph_edit(&text, "Маштаб пакуль сціплы", "Маштаб ужо немалы"),
    );
    anna.sync();
    bela.sync();
    // Someone force-pushes the branch back to an older commit.
    let rewriter = dir.path().join("rewriter");
    git_in(
        dir.path(),
        &[
            "clone",
            "-q",
            dir.path().join("remote.git").to_str().expect("utf-8"),
            "rewriter",
        ],
    );
    git_in(&rewriter, &["reset", "-q", "--hard", "HEAD~1"]);
    git_in(&rewriter, &["push", "-q", "--force", "origin", "main"]);
    let before = bela.read(SOURCE);
    bela.json(&["translate", "set", ID, "ru", "in-review"]);
    bela.galley()
        .arg("sync")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("rewritten"));
    assert_eq!(bela.read(SOURCE), before, "nothing here changed");
    assert!(bela.log(SOURCE).len() >= 2);
}

#[test]
fn a_commit_placing_a_link_or_this_machines_files_is_refused() {
    let (dir, [anna, bela, _]) = team();
    let hostile = dir.path().join("hostile");
    git_in(
        dir.path(),
        &[
            "clone",
            "-q",
            dir.path().join("remote.git").to_str().expect("utf-8"),
            "hostile",
        ],
    );
    std::os::unix::fs::symlink("/etc/passwd", hostile.join("2020-W20/passwd.be.md")).expect("link");
    git_in(&hostile, &["add", "-A"]);
    git_in(&hostile, &["commit", "-q", "-m", "a link"]);
    git_in(&hostile, &["push", "-q", "origin", "main"]);
    let before = anna.read(SOURCE);
    anna.galley()
        .arg("sync")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("passwd.be.md"))
        .stderr(predicates::str::contains("link"));
    assert!(!anna.root.join("2020-W20/passwd.be.md").exists());
    assert_eq!(anna.read(SOURCE), before);

    git_in(&hostile, &["rm", "-q", "2020-W20/passwd.be.md"]);
    std::fs::write(hostile.join(".galley/history.db"), b"not yours").expect("write");
    git_in(&hostile, &["add", "-f", ".galley/history.db"]);
    git_in(&hostile, &["commit", "-q", "-m", "a database"]);
    git_in(&hostile, &["push", "-q", "origin", "main"]);
    bela.galley()
        .arg("sync")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(".galley/history.db"));
}

#[test]
fn a_deletion_travels_with_its_trash_entry_and_a_teammate_can_restore_it() {
    let (_dir, [anna, bela, _]) = team();
    let text = anna.read(SOURCE);
    let deleted = anna.json(&["trash", "delete", ID]);
    let name = deleted["entry"]["name"].as_str().expect("name").to_string();
    anna.sync();
    bela.sync();
    assert!(!bela.root.join(SOURCE).exists(), "the deletion arrived");
    let listed = bela.json(&["trash", "list"]);
    assert_eq!(listed["entries"][0]["name"], name.as_str());
    assert_eq!(listed["entries"][0]["by"], "Anna");
    let log = bela.json(&["log", SOURCE]);
    assert_eq!(
        log["versions"][0]["deleted"], true,
        "Bela's history records it"
    );
    assert_eq!(
        log["versions"][0]["author"], "Anna",
        "signed by who deleted, not by Bela's machine that found it gone"
    );
    assert_eq!(anna.json(&["log", SOURCE])["versions"][0]["author"], "Anna");

    bela.json(&["trash", "restore", &name]);
    bela.sync();
    anna.sync();
    assert_eq!(anna.read(SOURCE), text, "the restore came back to Anna");
    assert_eq!(
        anna.json(&["trash", "list"])["entries"],
        serde_json::json!([])
    );
    let versions = anna.json(&["log", SOURCE]);
    let versions = versions["versions"].as_array().expect("versions");
    assert_eq!(versions[1]["deleted"], true);
    assert_eq!(
        versions[0]["sha256"], versions[2]["sha256"],
        "one history, continued"
    );
}
