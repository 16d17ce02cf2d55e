// Records from another machine carrying markup: `galley` prints them as text, and its JSON
// holds them as JSON strings, exactly as written.

use super::support::Sample;
use serde_json::json;

const ID: &str = "pxq253v3kb";
const PATH: &str = "2020-W20/army-reserve-call-up.be.md";
const NOTE: &str = "<script>alert(1)</script> & <img src=x onerror=alert(1)>";
const LABEL: &str = "<b onmouseover=\"alert(2)\">print</b>";

/// Records the sample, then puts Maria's journal in with a note and a label on PATH's text.
fn sample_with_hostile_records() -> Sample {
    let sample = Sample::without_records();
    sample.galley().arg("record").assert().success();
    let log = sample.json(&["log", PATH]);
    let sha256 = log["versions"][0]["sha256"]
        .as_str()
        .expect("the version's hash")
        .to_string();
    let line = |seq: u64, fields: serde_json::Value| {
        let mut line = json!({
            "v": 1, "id": format!("maria-0a1b2c3d.{seq}"), "clock": 100 + seq,
            "at": "2020-05-14T09:30:00Z", "author": "Maria",
        });
        if let (Some(line), serde_json::Value::Object(fields)) = (line.as_object_mut(), fields) {
            line.extend(fields);
        }
        format!("{line}\n")
    };
    let text = line(1, json!({"kind": "note", "commentary": ID, "text": NOTE}))
        + &line(
            2,
            json!({"kind": "label", "commentary": ID, "lang": "be", "sha256": sha256,
                   "label": LABEL}),
        );
    let dir = sample.root().join(".galley/journal");
    std::fs::create_dir_all(&dir).expect("journal folder");
    std::fs::write(dir.join("maria-0a1b2c3d.jsonl"), text).expect("journal");
    sample
}

fn stdout(sample: &Sample, args: &[&str]) -> String {
    let out = sample.galley().args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn review_notes_prints_markup_from_a_journal_verbatim_as_text_and_as_a_json_string() {
    let sample = sample_with_hostile_records();
    let text = stdout(&sample, &["review", "notes", ID]);
    assert!(text.contains(NOTE), "{text}");
    let raw = stdout(&sample, &["review", "notes", ID, "--json"]);
    // The JSON holds the note as a string value (quotes escaped), and it reads back exactly.
    let notes: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    let texts: Vec<&str> = notes["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(|n| n["text"].as_str())
        .collect();
    assert_eq!(texts, [NOTE]);
    assert_eq!(notes["notes"][0]["author"], "Maria");
}

#[test]
fn log_prints_a_label_with_markup_verbatim_as_text_and_escaped_in_json() {
    let sample = sample_with_hostile_records();
    let text = stdout(&sample, &["log", PATH]);
    assert!(text.contains(&format!("[{LABEL}]")), "{text}");
    let raw = stdout(&sample, &["log", PATH, "--json"]);
    assert!(
        raw.contains(r#"<b onmouseover=\"alert(2)\">print</b>"#),
        "{raw}"
    );
    let log: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    assert_eq!(log["versions"][0]["label"], LABEL);
}
