// A temp copy of the sample workspace, and `galley` pointed at it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub struct Sample {
    pub dir: tempfile::TempDir,
}

impl Sample {
    /// Copies the repository's `drafts/` (never written to) into a temp folder.
    pub fn copy() -> Sample {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts");
        copy_dir(&source, dir.path());
        Sample { dir }
    }

    /// The sample without its team records (the journals): every translation in progress,
    /// every commentary a draft, for tests that walk the workflow from the start.
    pub fn without_records() -> Sample {
        let sample = Sample::copy();
        std::fs::remove_dir_all(sample.root().join(".galley/journal")).expect("journals");
        sample
    }

    pub fn empty() -> Sample {
        Sample {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    pub fn galley(&self) -> Command {
        let mut cmd = Command::cargo_bin("galley").expect("galley binary");
        cmd.arg("--workspace")
            .arg(self.dir.path())
            .env("GALLEY_AUTHOR", "Tester")
            .env_remove("GALLEY_WORKSPACE");
        cmd
    }

    /// Runs `galley ARGS --json` expecting success, and parses what it printed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self
            .galley()
            .args(args)
            .arg("--json")
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "galley {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON output")
    }

    /// Every file under the workspace (but the history database) with its bytes.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        walk(self.dir.path(), &mut files);
        files.retain(|(p, _)| !p.to_string_lossy().contains("history.db"));
        files.sort();
        files
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            let bytes = std::fs::read(&path).expect("read");
            out.push((path, bytes));
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("sample workspace") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else if !entry
            .file_name()
            .to_string_lossy()
            .starts_with("history.db")
        {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Adds the two paragraphs the sample's English key-rate commentary leaves out (its Belarusian
/// source has four, it has two), as an outside editor would; readiness holds it back without.
pub fn complete_key_rate_en(sample: &Sample) {
    let path = sample.root().join("2020-W21/key-rate-cut.en.md");
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str(
        "\nThe cushion is thin, though. Reserves shrank over the spring, and talks with lenders \
         are not finished.\n\nWe judge the situation unchanged; the key indicator is how \
         households behave on the currency market in June.\n",
    );
    std::fs::write(&path, text).expect("write");
}
