//! Reading one journal file. Every line stands alone: a bad line is reported with its number and
//! skipped, and never stops the lines after it from loading.

use super::event::{is_writer_name, Event};

/// The file extension of a journal.
pub const JOURNAL_EXTENSION: &str = "jsonl";

/// A line that was not believed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// The journal's file name, e.g. `hanna-3f9a1c2e.jsonl`.
    pub file: String,
    /// 1-based; 0 when the problem is the file itself.
    pub line: usize,
    pub message: String,
}

/// What one journal file holds.
#[derive(Debug, Default)]
pub struct JournalFile {
    /// The file's name, e.g. `hanna-3f9a1c2e.jsonl`.
    pub file: String,
    /// Each event with its 1-based line number.
    pub events: Vec<(usize, Event)>,
    pub problems: Vec<LineProblem>,
    /// How many lines the file has, bad ones included (the writer numbers on from here).
    pub lines: usize,
}

/// The writer a journal file speaks for: its name without `.jsonl`.
pub fn writer_of(file_name: &str) -> Option<&str> {
    file_name
        .strip_suffix(JOURNAL_EXTENSION)
        .and_then(|stem| stem.strip_suffix('.'))
        .filter(|writer| is_writer_name(writer))
}

/// Reads the bytes of the journal named `file_name`.
pub fn read_journal(file_name: &str, bytes: &[u8]) -> JournalFile {
    let mut out = JournalFile {
        file: file_name.to_string(),
        ..JournalFile::default()
    };
    let problem = |line: usize, message: String| LineProblem {
        file: file_name.to_string(),
        line,
        message,
    };
    let Some(writer) = writer_of(file_name) else {
        out.problems.push(problem(
            0,
            "the file name is not a writer's name (lowercase letters, digits, dashes) followed \
             by `.jsonl`; the file is not read"
                .into(),
        ));
        return out;
    };
    let ends_cleanly = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines = bytes.split(|b| *b == b'\n').peekable();
    let mut number = 0;
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        if last && line.is_empty() {
            break; // the newline that ends the file
        }
        number += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match Event::from_line(line, writer) {
            Ok(event) => out.events.push((number, event)),
            Err(why) if last && !ends_cleanly => out.problems.push(problem(
                number,
                format!(
                    "the last line is cut short ({why}); it was probably being written when the \
                     file was copied"
                ),
            )),
            Err(why) => out.problems.push(problem(number, why)),
        }
    }
    out.lines = number;
    out
}
