// Three people on three machines sharing one workspace: through a real bare git repository
// (the test runs git add/commit/pull/push itself, as a team would before `galley sync`), and
// through files copied between folders in a random order (as Syncthing would). Whatever one
// records reaches the others, and all three end with the same state.

use super::support::Sample;
use assert_cmd::Command;
use serde_json::Value;
use std::cell::RefCell;
use std::path::{Path, PathBuf};

const ID: &str = "pxq253v3kb";
const SOURCE: &str = "2020-W20/army-reserve-call-up.be.md";

/// One person's clone: their folder, their name, their own config folder.
struct Machine {
    root: PathBuf,
    author: &'static str,
    _config: tempfile::TempDir,
    /// Drafts this person edited since the last file sync (what a sync tool sends on).
    edited: RefCell<Vec<String>>,
}

impl Machine {
    fn galley(&self) -> Command {
        let mut cmd = Command::cargo_bin("galley").expect("galley binary");
        cmd.arg("--workspace")
            .arg(&self.root)
            .env("GALLEY_AUTHOR", self.author)
            .env("XDG_CONFIG_HOME", self._config.path())
            .env_remove("GALLEY_WORKSPACE");
        cmd
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self
            .galley()
            .args(args)
            .arg("--json")
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}: galley {args:?} failed: {}",
            self.author,
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON output")
    }

    fn run(&self, args: &[&str]) {
        self.json(args);
    }

    fn git(&self, args: &[&str]) -> String {
        git(&self.root, self.author, args)
    }

    /// What a person does before `galley sync` exists: commit everything, pull, push.
    fn share(&self) {
        self.git(&["add", "-A"]);
        let status = self.git(&["status", "--porcelain"]);
        if !status.trim().is_empty() {
            self.git(&["commit", "-q", "-m", "work"]);
        }
        self.git(&["pull", "-q", "--no-rebase", "--no-edit"]);
        self.git(&["push", "-q"]);
    }

    /// Pull, then let Galley look at what arrived.
    fn receive(&self) {
        self.git(&["pull", "-q", "--no-rebase", "--no-edit"]);
        self.run(&["record"]);
    }

    fn ru_cell(&self) -> Value {
        let grid = self.json(&["translate", "status", "--issue", "2020-W20"]);
        let row = grid["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["id"] == ID)
            .expect("the commentary")
            .clone();
        row["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .find(|c| c["lang"] == "ru")
            .expect("ru")
            .clone()
    }
}

fn git(dir: &Path, author: &str, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", &format!("user.name={author}")])
        .args(["-c", &format!("user.email={author}@example.org")])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A bare repository holding the sample workspace as Anna first recorded it, and three clones.
fn team() -> (tempfile::TempDir, [Machine; 3]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let remote = dir.path().join("remote.git");
    std::fs::create_dir(&remote).expect("mkdir");
    git(&remote, "x", &["init", "-q", "--bare", "-b", "main"]);
    let sample = Sample::copy();
    let first = Machine {
        root: sample.root(),
        author: "Anna",
        _config: tempfile::tempdir().expect("config"),
        edited: RefCell::default(),
    };
    first.run(&["record"]);
    first.git(&["init", "-q", "-b", "main"]);
    first.git(&["add", "-A"]);
    first.git(&["commit", "-q", "-m", "the workspace"]);
    first.git(&["push", "-q", remote.to_str().expect("utf-8"), "main"]);
    let machines = ["Anna", "Bela", "Cyra"].map(|author| {
        let root = dir.path().join(author);
        git(
            dir.path(),
            author,
            &["clone", "-q", remote.to_str().expect("utf-8"), author],
        );
        let machine = Machine {
            root,
            author,
            _config: tempfile::tempdir().expect("config"),
            edited: RefCell::default(),
        };
        machine.run(&["record"]);
        machine
    });
    (dir, machines)
}

/// The state every machine must agree on, without this machine's own version numbers.
fn shared_state(m: &Machine) -> Value {
    let mut grid = m.json(&["translate", "status"]);
    for row in grid["rows"].as_array_mut().expect("rows") {
        for cell in row["cells"].as_array_mut().expect("cells") {
            let cell = cell.as_object_mut().expect("cell");
            cell.remove("base");
            cell.remove("source_head");
            if let Some(changes) = cell.get_mut("changes").and_then(Value::as_object_mut) {
                for local in ["base", "head", "versions"] {
                    changes.remove(local);
                }
            }
        }
    }
    let board = m.json(&["issue", "board", "2020-W20"]);
    let review = m.json(&["review", "log", ID]);
    let notes = m.json(&["review", "notes", ID]);
    let log: Vec<Value> = m.json(&["log", SOURCE])["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| serde_json::json!([v["sha256"], v["author"], v["label"]]))
        .collect();
    serde_json::json!({
        "grid": grid, "board": board, "review": review, "notes": notes, "log": log,
    })
}

#[test]
fn three_clones_through_git_see_each_others_records_and_agree() {
    let (_dir, [anna, bela, cyra]) = team();

    // Bela finishes the ru translation: her status is a change git sees and carries.
    bela.run(&["translate", "set", ID, "ru", "in-progress"]);
    let done = bela.json(&["translate", "set", ID, "ru", "done"]);
    let base = done["status"]["base_sha256"].clone();
    assert!(base.is_string(), "{done}");
    assert!(
        bela.git(&["status", "--porcelain"])
            .contains(".galley/journal/"),
        "the status is in a journal git can push"
    );
    bela.share();
    cyra.receive();
    let ru = cyra.ru_cell();
    assert_eq!(ru["status"], "done", "{ru}");
    assert_eq!(ru["set_by"], "Bela", "{ru}");
    assert_eq!(ru["base_sha256"], base, "{ru}");
    assert_eq!(ru["outdated"], false, "{ru}");

    // Cyra approves (the sample has it in review) and leaves a note; Anna sees both.
    cyra.run(&["review", "set", ID, "approved"]);
    cyra.run(&[
        "review",
        "note",
        ID,
        "Check the figures in ¶3 <b>before</b> Friday",
    ]);
    cyra.share();
    anna.receive();
    let review = anna.json(&["review", "log", ID]);
    assert_eq!(review["events"][0]["status"], "approved", "{review}");
    assert_eq!(review["events"][0]["author"], "Cyra", "{review}");
    let notes = anna.json(&["review", "notes", ID]);
    assert_eq!(
        notes["notes"][1]["text"], "Check the figures in ¶3 <b>before</b> Friday",
        "{notes}"
    );

    // Anna edits the source and labels the version: ru is outdated on Bela's and Cyra's
    // machines, and the version carries Anna's name and label there.
    let path = anna.root.join(SOURCE);
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replace("Маштаб пакуль сціплы", "Маштаб пакуль вельмі сціплы");
    assert_ne!(edited, text, "the sample text changed; update the test");
    let new_text = anna.root.join("../edited.md");
    std::fs::write(&new_text, &edited).expect("write");
    anna.run(&["save", SOURCE, "--from", new_text.to_str().expect("utf-8")]);
    let head = anna.json(&["log", SOURCE])["versions"][0]["sha256"]
        .as_str()
        .expect("hash")
        .to_string();
    anna.run(&["label", &head[..10], "for translators"]);
    anna.share();
    for other in [&bela, &cyra] {
        other.receive();
        let ru = other.ru_cell();
        assert_eq!(ru["outdated"], true, "{}: {ru}", other.author);
        let log = other.json(&["log", SOURCE]);
        let newest = &log["versions"][0];
        assert_eq!(newest["sha256"], head.as_str(), "{}: {log}", other.author);
        assert_eq!(newest["author"], "Anna", "{}: {log}", other.author);
        assert_eq!(
            newest["label"], "for translators",
            "{}: {log}",
            other.author
        );
    }

    // Bela and Cyra change the en status at the same time, without seeing each other's.
    bela.run(&["translate", "set", ID, "en", "in-review"]);
    cyra.run(&["translate", "set", ID, "en", "in-progress"]);
    bela.share();
    cyra.share();
    for m in [&anna, &bela, &cyra] {
        m.receive();
    }
    let winners: Vec<(Value, Value, Value)> = [&anna, &bela, &cyra]
        .iter()
        .map(|m| {
            let grid = m.json(&["translate", "status", "--issue", "2020-W20"]);
            let en = grid["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .find(|r| r["id"] == ID)
                .and_then(|r| r["cells"].as_array())
                .and_then(|c| c.iter().find(|c| c["lang"] == "en"))
                .expect("en")
                .clone();
            (
                en["status"].clone(),
                en["set_by"].clone(),
                en["concurrent"].clone(),
            )
        })
        .collect();
    assert_eq!(winners[0], winners[1]);
    assert_eq!(winners[1], winners[2]);
    let (_, winner, concurrent) = &winners[0];
    assert!(
        concurrent.is_object(),
        "the concurrent change is named: {concurrent}"
    );
    assert_ne!(
        &concurrent["author"], winner,
        "the loser is the other person"
    );

    // Everything the three see is the same.
    let states: Vec<Value> = [&anna, &bela, &cyra]
        .iter()
        .map(|m| shared_state(m))
        .collect();
    assert_eq!(states[0], states[1], "Anna and Bela differ");
    assert_eq!(states[1], states[2], "Bela and Cyra differ");
}

#[test]
fn a_fresh_clone_commits_no_machine_files() {
    let (_dir, [_, bela, _]) = team();
    bela.run(&["translate", "set", ID, "ru", "done"]);
    std::fs::create_dir_all(bela.root.join("exports")).expect("exports");
    std::fs::write(bela.root.join("exports/2020-W20.zip"), b"zip").expect("export");
    bela.run(&["record"]);
    std::fs::write(
        bela.root
            .join(".galley/history.db.damaged-20200511T000000Z"),
        b"damaged",
    )
    .expect("salvage copy");
    bela.git(&["add", "-A"]);
    let staged = bela.git(&["diff", "--cached", "--name-only"]);
    assert!(staged.contains(".galley/journal/"), "{staged}");
    for machine_file in ["history.db", "exports/"] {
        assert!(
            !staged.contains(machine_file),
            "{machine_file} would travel: {staged}"
        );
    }
    let attributes = bela.git(&["check-attr", "merge", "--", ".galley/journal/x.jsonl"]);
    assert!(attributes.contains("merge: union"), "{attributes}");
}

/// The same week with files copied between three folders in a random order, the way a file
/// sync tool delivers them: after everything has arrived everywhere, all three agree.
#[test]
fn three_folders_synced_by_copying_files_in_random_order_converge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = Sample::copy();
    let names = ["Anna", "Bela", "Cyra"];
    let machines: Vec<Machine> = names
        .iter()
        .map(|author| {
            let root = dir.path().join(author);
            copy_tree(&sample.root(), &root);
            Machine {
                root,
                author,
                _config: tempfile::tempdir().expect("config"),
                edited: RefCell::default(),
            }
        })
        .collect();
    for m in &machines {
        m.run(&["record"]);
    }
    let mut rng = Lcg(0x5eed_2026);
    let sync = |rng: &mut Lcg| {
        // Every machine sends each of its shared files to every other, in a shuffled order,
        // each receiver looking at the folder after every few files.
        let mut deliveries = Vec::new();
        for (from, m) in machines.iter().enumerate() {
            for rel in shared_files(&m.root) {
                for to in 0..machines.len() {
                    if to != from {
                        deliveries.push((from, to, rel.clone()));
                    }
                }
            }
        }
        rng.shuffle(&mut deliveries);
        for (n, (from, to, rel)) in deliveries.into_iter().enumerate() {
            let source = machines[from].root.join(&rel);
            let target = machines[to].root.join(&rel);
            let newer = std::fs::read(&source).expect("read");
            // A sync tool keeps the newest copy; journals only grow, drafts are edited by one
            // person at a time here, so the longer journal and the edited draft win.
            let keep = match std::fs::read(&target) {
                Ok(old) if rel.ends_with(".jsonl") => newer.len() > old.len(),
                Ok(old) => old != newer && machines[from].edited.borrow().contains(&rel),
                Err(_) => true,
            };
            if keep {
                std::fs::create_dir_all(target.parent().expect("folder")).expect("mkdir");
                std::fs::write(&target, newer).expect("write");
            }
            if n % 5 == 0 {
                machines[to].run(&["record"]);
            }
        }
        for m in &machines {
            m.run(&["record"]);
            m.edited.borrow_mut().clear();
        }
    };
    let [anna, bela, cyra] = [&machines[0], &machines[1], &machines[2]];
    bela.run(&["translate", "set", ID, "ru", "done"]);
    cyra.run(&["review", "set", ID, "approved"]);
    cyra.run(&["review", "note", ID, "Looks good"]);
    sync(&mut rng);
    let path = anna.root.join(SOURCE);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("Маштаб пакуль сціплы", "Маштаб пакуль вельмі сціплы"),
    )
    .expect("edit");
    anna.edited.borrow_mut().push(SOURCE.to_string());
    anna.run(&["record"]);
    bela.run(&["translate", "set", ID, "en", "in-review"]);
    cyra.run(&["translate", "set", ID, "en", "in-progress"]);
    sync(&mut rng);
    sync(&mut rng);

    let states: Vec<Value> = machines.iter().map(shared_state).collect();
    assert_eq!(states[0], states[1], "Anna and Bela differ");
    assert_eq!(states[1], states[2], "Bela and Cyra differ");
    assert_eq!(bela.ru_cell()["outdated"], true);
    assert_eq!(cyra.ru_cell()["set_by"], "Bela");
    let log = cyra.json(&["log", SOURCE]);
    assert_eq!(log["versions"][0]["author"], "Anna", "{log}");
}

/// Drafts, issue files, settings and journals: what a sync tool moves (never history).
fn shared_files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .expect("inside")
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                stack.push(path);
            } else if !rel.contains("history.db") && !rel.contains(".galley-tmp-") {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for rel in shared_files(from) {
        let target = to.join(&rel);
        std::fs::create_dir_all(target.parent().expect("folder")).expect("mkdir");
        std::fs::copy(from.join(&rel), target).expect("copy");
    }
}

/// A small deterministic generator, so a failing order can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
