// Shared fixtures: temp workspaces on a fixed clock, and draft texts.

use galley_core::clock::FixedClock;
use galley_core::workspace::{Env, Workspace};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// 2020-05-11T00:00:00Z, the Monday of 2020-W20.
pub const MAY_11_2020: i64 = 1_589_155_200;

pub fn env(author: &str) -> Env {
    Env {
        clock: Arc::new(FixedClock::starting_at(MAY_11_2020)),
        author: author.into(),
    }
}

pub struct TempWorkspace {
    /// Held so the folder lives as long as the workspace.
    _dir: tempfile::TempDir,
    pub ws: Workspace,
}

impl TempWorkspace {
    pub fn new() -> TempWorkspace {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::init(dir.path(), env("Alena")).expect("init workspace");
        TempWorkspace { _dir: dir, ws }
    }

    /// Closes the workspace, runs `between` on its folder, and opens it again.
    pub fn reopen_after(self, between: impl FnOnce(&Path)) -> TempWorkspace {
        let root = self.root();
        let TempWorkspace { _dir, ws } = self;
        drop(ws);
        between(&root);
        let ws = Workspace::open(&root, env("Alena")).expect("reopen");
        TempWorkspace { _dir, ws }
    }

    pub fn root(&self) -> PathBuf {
        self.ws.root().to_path_buf()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).expect("read")
    }
}

pub fn draft(id: &str, lang: &str, title: &str, body: &str) -> String {
    format!("---\nid: {id}\ntitle: {title}\ntrend: unchanged\nauthors: [Alena Kavalchuk]\nsection: security\nissue: 2020-W20\nlang: {lang}\n---\n\n{body}\n")
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies a folder tree, leaving out any history database.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let dest = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else if !path.to_string_lossy().contains("history.db") {
            std::fs::copy(&path, &dest).expect("copy");
        }
    }
}

/// The repository's sample workspace `drafts/` (never written to).
pub fn sample_drafts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts")
}

impl TempWorkspace {
    /// A temp copy of the sample workspace (settings with sections, both weeks, issue files),
    /// recorded by Alena.
    pub fn samples() -> TempWorkspace {
        let mut t = TempWorkspace::new();
        copy_dir(&sample_drafts(), &t.root());
        t.ws = Workspace::open(&t.root(), env("Alena")).expect("reopen with sample settings");
        t.ws.record_all().expect("record");
        t
    }
}

/// Alena's sample workspace and Bela's copy of it, as a file-sync tool keeps them. Bela's
/// clock runs a day after Alena's, so a signature's time says whose it is.
pub fn alena_and_bela() -> (TempWorkspace, tempfile::TempDir, Workspace) {
    let alena = TempWorkspace::samples();
    let bela_dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&alena.root(), bela_dir.path());
    let bela_env = Env {
        clock: Arc::new(FixedClock::starting_at(MAY_11_2020 + 86_400)),
        author: "Bela".into(),
    };
    let mut bela = Workspace::open(bela_dir.path(), bela_env).expect("open Bela's copy");
    bela.record_all().expect("Bela's first look");
    (alena, bela_dir, bela)
}

/// The paragraphs the sample's English key-rate commentary leaves out (its Belarusian source
/// has four, it has two), so readiness holds it back until a test adds them.
pub const KEY_RATE_EN: &str = "2020-W21/key-rate-cut.en.md";
const KEY_RATE_EN_REST: &str = "\nThe cushion is thin, though. Gold and currency reserves shrank \
over the spring, talks with international lenders on urgent financing are not finished, and a \
summer before an election traditionally makes Belarusians want to keep their savings in \
dollars.\n\nWe judge the situation unchanged: the cut is a sensible step, but it does not shift \
the balance of risks. The key indicator for the coming weeks is how households behave on the \
currency market in June.\n";

/// Saves the sample's English key-rate commentary with every paragraph its source has.
pub fn complete_key_rate_en(ws: &mut Workspace) {
    let old = std::fs::read_to_string(ws.root().join(KEY_RATE_EN)).expect("read");
    let new = format!("{old}{KEY_RATE_EN_REST}");
    let loaded = galley_core::hash::ContentHash::of(old.as_bytes());
    ws.save(KEY_RATE_EN, &new, Some(loaded)).expect("save");
}
