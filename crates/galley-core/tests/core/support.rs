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
