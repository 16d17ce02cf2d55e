// Journals from other machines are untrusted: hostile lines are refused with their file and
// line, and never stop the other lines from loading — read alone (`read_journal`), folded
// (`Records`) and in a workspace (`.galley/journal/`, `record_problems`).

use super::support::TempWorkspace;
use galley_core::hash::ContentHash;
use galley_core::records::{read_journal, JournalFile, LineProblem, Records, MAX_LINE};
use galley_core::Error;
use serde_json::{json, Value};

const MARIA: &str = "maria-0a1b2c3d";
const MARIA_FILE: &str = "maria-0a1b2c3d.jsonl";
const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(1)>";

fn text_hash() -> ContentHash {
    ContentHash::of(b"the text")
}

/// One journal line by `writer`, number `seq`, with the kind's own fields.
fn line(writer: &str, seq: u64, fields: Value) -> String {
    let mut line = json!({
        "v": 1, "id": format!("{writer}.{seq}"), "clock": seq, "at": "2020-05-14T09:30:00Z",
        "author": "Maria",
    });
    if let (Some(line), Value::Object(fields)) = (line.as_object_mut(), fields) {
        line.extend(fields);
    }
    line.to_string()
}

fn version(path: &str) -> Value {
    json!({"kind": "version", "commentary": "c1", "lang": "be", "path": path,
           "sha256": text_hash().to_hex(), "origin": "save"})
}

fn note(text: &str) -> Value {
    json!({"kind": "note", "commentary": "c1", "text": text})
}

fn label(text: &str) -> Value {
    json!({"kind": "label", "commentary": "c1", "lang": "be", "sha256": text_hash().to_hex(),
           "label": text})
}

fn status(status: &str) -> Value {
    json!({"kind": "translation", "commentary": "c1", "lang": "ru", "status": status,
           "source_lang": "be"})
}

fn journal(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn read(file: &str, text: &str) -> JournalFile {
    read_journal(file, text.as_bytes())
}

/// The problem on `line` of `file`, failing with every problem when there is none.
fn problem_at<'a>(problems: &'a [LineProblem], file: &str, line: usize) -> &'a LineProblem {
    problems
        .iter()
        .find(|p| p.file == file && p.line == line)
        .unwrap_or_else(|| panic!("no problem at {file}:{line} in {problems:?}"))
}

/// A temp workspace with `text` as `.galley/journal/<file>`, its records read again.
fn workspace_with(file: &str, text: &[u8]) -> TempWorkspace {
    let mut tw = TempWorkspace::new();
    // Journals are read on first use; this is the look before the file arrives.
    assert!(tw.ws.records().is_empty());
    let dir = tw.ws.journal_dir();
    std::fs::create_dir_all(&dir).expect("journal folder");
    std::fs::write(dir.join(file), text).expect("journal");
    assert!(
        tw.ws.refresh_records().expect("refresh"),
        "the journal is news"
    );
    tw
}

/// The workspace's problem on `line` of `file`, as its message reads, which must name both.
fn workspace_problem(tw: &TempWorkspace, file: &str, line: usize) -> String {
    let problems = tw.ws.record_problems();
    let found = problems.iter().find(|e| {
        matches!(e, Error::Journal { path, line: l, .. }
            if path.file_name().is_some_and(|n| n == file) && *l == line)
    });
    let message = found
        .unwrap_or_else(|| panic!("no problem at {file}:{line} in {problems:?}"))
        .to_string();
    assert!(
        message.contains(file) && message.contains(&format!("line {line}")),
        "{message}"
    );
    message
}

#[test]
fn a_record_naming_a_path_outside_the_workspace_is_refused_with_its_file_and_line() {
    let paths = ["../../etc/passwd", "/etc/passwd", "a/../../x"];
    let mut lines: Vec<String> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| line(MARIA, i as u64 + 1, version(p)))
        .collect();
    lines.push(line(MARIA, 4, version("2020-W20/c1.be.md")));
    let text = journal(&lines);

    let file = read(MARIA_FILE, &text);
    assert_eq!(file.events.len(), 1, "only the path inside is believed");
    for (i, path) in paths.iter().enumerate() {
        let p = problem_at(&file.problems, MARIA_FILE, i + 1);
        assert!(
            p.message.contains("outside the workspace") && p.message.contains(path),
            "{p:?}"
        );
    }

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    for line in 1..=3 {
        let message = workspace_problem(&tw, MARIA_FILE, line);
        assert!(message.contains("outside the workspace"), "{message}");
    }
    let made = tw.ws.records().version("c1", "be", &text_hash());
    assert_eq!(made.map(|r| r.path.as_str()), Some("2020-W20/c1.be.md"));
}

#[test]
fn a_ten_megabyte_line_is_refused_without_parsing_and_the_next_line_loads() {
    // A valid record padded with spaces: believed if it were parsed.
    let mut long = line(MARIA, 1, note("padded"));
    long.push_str(&" ".repeat(10 * 1024 * 1024));
    let text = journal(&[long, line(MARIA, 2, note("after"))]);

    let file = read(MARIA_FILE, &text);
    let p = problem_at(&file.problems, MARIA_FILE, 1);
    assert!(
        p.message
            .contains(&format!("more than the {MAX_LINE}-byte limit")),
        "{p:?}"
    );
    assert_eq!(file.events.len(), 1);
    assert_eq!(file.events[0].0, 2);

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    workspace_problem(&tw, MARIA_FILE, 1);
    let notes = tw.ws.records().notes("c1");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "after");
}

#[test]
fn markup_in_notes_and_labels_is_kept_exactly_as_plain_text() {
    let text = journal(&[
        line(MARIA, 1, note(SCRIPT)),
        line(MARIA, 2, note(IMG)),
        line(MARIA, 3, label(&format!("{IMG}{SCRIPT}"))),
    ]);
    let records = Records::fold(vec![read(MARIA_FILE, &text)]);
    assert!(records.problems().is_empty(), "{:?}", records.problems());
    let notes: Vec<String> = records.notes("c1").into_iter().map(|n| n.text).collect();
    assert_eq!(notes, [SCRIPT, IMG]);
    let label = records.label("c1", "be", &text_hash()).expect("label");
    assert_eq!(
        label.label.as_deref(),
        Some(format!("{IMG}{SCRIPT}").as_str())
    );
}

#[test]
fn an_event_id_reused_with_other_content_is_refused_on_both_lines_and_neither_is_believed() {
    let text = journal(&[
        line(MARIA, 1, status("done")),
        line(MARIA, 2, note("kept")),
        line(MARIA, 1, status("in_review")),
    ]);
    let records = Records::fold(vec![read(MARIA_FILE, &text)]);
    for line in [1, 3] {
        let p = problem_at(records.problems(), MARIA_FILE, line);
        assert!(p.message.contains("maria-0a1b2c3d.1"), "{p:?}");
        assert!(p.message.contains("neither is believed"), "{p:?}");
    }
    assert!(records.status("c1", "ru").is_none());
    assert_eq!(records.notes("c1").len(), 1);

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    workspace_problem(&tw, MARIA_FILE, 1);
    workspace_problem(&tw, MARIA_FILE, 3);
    assert!(tw.ws.records().status("c1", "ru").is_none());
}

#[test]
fn an_event_claiming_to_come_from_another_writers_journal_is_refused() {
    let text = journal(&[
        line("hanna-99999999", 1, note("forged")),
        line(MARIA, 1, note("own")),
    ]);
    let file = read(MARIA_FILE, &text);
    let p = problem_at(&file.problems, MARIA_FILE, 1);
    assert!(p.message.contains("hanna-99999999"), "{p:?}");
    assert_eq!(file.events.len(), 1);

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    let message = workspace_problem(&tw, MARIA_FILE, 1);
    assert!(message.contains("only a writer's own journal"), "{message}");
    let notes = tw.ws.records().notes("c1");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "own");
}

#[test]
fn a_journal_whose_name_is_not_a_writers_is_reported_as_a_whole_and_not_read() {
    let text = journal(&[line("bad-name", 1, note("x"))]);
    let file = read("Bad Name.jsonl", &text);
    assert!(file.events.is_empty());
    problem_at(&file.problems, "Bad Name.jsonl", 0);

    let tw = workspace_with("Bad Name.jsonl", text.as_bytes());
    let message = workspace_problem(&tw, "Bad Name.jsonl", 0);
    assert!(message.contains("not a writer's name"), "{message}");
    assert!(tw.ws.records().notes("c1").is_empty());
}

#[test]
fn a_last_line_cut_short_is_reported_as_such_and_the_lines_before_it_load() {
    let full = line(MARIA, 3, note("third"));
    let text = format!(
        "{}{}",
        journal(&[line(MARIA, 1, note("one")), line(MARIA, 2, note("two"))]),
        &full[..full.len() / 2]
    );
    let file = read(MARIA_FILE, &text);
    let p = problem_at(&file.problems, MARIA_FILE, 3);
    assert!(p.message.contains("cut short"), "{p:?}");
    assert_eq!(file.events.len(), 2);

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    let message = workspace_problem(&tw, MARIA_FILE, 3);
    assert!(message.contains("cut short"), "{message}");
    assert_eq!(tw.ws.records().notes("c1").len(), 2);
}

#[test]
fn identical_lines_repeated_by_a_union_merge_count_once_without_a_problem() {
    let lines = [line(MARIA, 1, note("once")), line(MARIA, 2, status("done"))];
    let mut merged = journal(&lines);
    merged.push_str(&journal(&lines));
    let records = Records::fold(vec![read(MARIA_FILE, &merged)]);
    assert!(records.problems().is_empty(), "{:?}", records.problems());
    assert_eq!(records.len(), 2);
    assert_eq!(records.notes("c1").len(), 1);
    let single = Records::fold(vec![read(MARIA_FILE, &journal(&lines))]);
    assert!(single.same_state(&records));
}

#[test]
fn a_line_from_a_newer_journal_format_says_to_update_galley_and_the_rest_load() {
    let newer = line(MARIA, 1, note("from the future")).replace("\"v\":1", "\"v\":2");
    let text = journal(&[newer, line(MARIA, 2, note("today"))]);
    let file = read(MARIA_FILE, &text);
    let p = problem_at(&file.problems, MARIA_FILE, 1);
    assert!(
        p.message.contains("newer Galley") && p.message.contains("update Galley"),
        "{p:?}"
    );
    assert_eq!(file.events.len(), 1);

    let tw = workspace_with(MARIA_FILE, text.as_bytes());
    let message = workspace_problem(&tw, MARIA_FILE, 1);
    assert!(message.contains("update Galley"), "{message}");
}
