// `galley watch` as a process: it prints one JSON line per batch of recorded changes.

use super::support::Sample;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Watching {
    child: Child,
    lines: Receiver<serde_json::Value>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watching {
    /// The next printed batch that recorded something, within a deadline.
    fn next_recorded(&self) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line["recorded"].as_array().is_some_and(|r| !r.is_empty()) => {
                    return line
                }
                Ok(_) => continue,
                Err(_) => break,
            }
        }
        panic!("galley watch printed no recorded change in time");
    }
}

fn start(sample: &Sample) -> Watching {
    start_with(sample, None).0
}

/// Starts `galley watch`; with `mode`, as `GALLEY_WATCH=mode`, and then its stderr lines too.
fn start_with(sample: &Sample, mode: Option<&str>) -> (Watching, Receiver<String>) {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("galley"));
    command
        .arg("--workspace")
        .arg(sample.root())
        .args(["watch", "--json"])
        .env("GALLEY_AUTHOR", "Tester")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(mode) = mode {
        command.env("GALLEY_WATCH", mode);
    }
    let mut child = command.spawn().expect("spawn galley watch");
    let stderr = child.stderr.take().expect("stderr");
    let (err_tx, err_lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if err_tx.send(line).is_err() {
                break;
            }
        }
    });
    let stdout = child.stdout.take().expect("stdout");
    let (tx, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(value) = serde_json::from_str(&line) {
                if tx.send(value).is_err() {
                    break;
                }
            }
        }
    });
    (Watching { child, lines }, err_lines)
}

#[test]
fn watch_records_the_folder_then_each_external_edit() {
    let sample = Sample::copy();
    let watching = start(&sample);
    let initial = watching.next_recorded();
    assert!(
        initial["recorded"]
            .as_array()
            .is_some_and(|r| r.len() >= 18),
        "{initial}"
    );

    let path = "2020-W20/army-reserve-call-up.en.md";
    let file = sample.root().join(path);
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        format!("{text}\nA closing line added in another editor.\n"),
    )
    .expect("edit");
    let edit = watching.next_recorded();
    assert_eq!(edit["recorded"][0]["path"], path, "{edit}");
    assert_eq!(edit["recorded"][0]["change"], "modified");
    assert_eq!(edit["recorded"][0]["version"]["author"], "Tester");
}

#[test]
fn watch_by_polling_says_so_once_and_still_records_an_external_edit() {
    let sample = Sample::copy();
    let (watching, stderr) = start_with(&sample, Some("poll"));
    watching.next_recorded();
    let mut said = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(15);
    while !said
        .iter()
        .any(|l: &String| l.contains("checking the folder"))
    {
        let left = deadline.saturating_duration_since(Instant::now());
        said.push(
            stderr
                .recv_timeout(left)
                .expect("the polling notice on stderr"),
        );
    }

    let path = "2020-W20/army-reserve-call-up.en.md";
    let file = sample.root().join(path);
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\nAdded while Galley polls.\n")).expect("edit");
    let edit = watching.next_recorded();
    assert_eq!(edit["recorded"][0]["path"], path, "{edit}");
    assert_eq!(edit["recorded"][0]["version"]["author"], "Tester");
    said.extend(stderr.try_iter());
    let notices = said
        .iter()
        .filter(|l| l.contains("checking the folder"))
        .count();
    assert_eq!(notices, 1, "said once: {said:?}");
}
