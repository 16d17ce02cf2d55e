//! Journals arrive from other machines: any bytes read as a journal are loaded line by line
//! without a panic, every problem names the file and one of its lines, a bad line never hides a
//! good one, and the fold does not depend on the order or repetition of lines.

use super::{ensure, Violation};
use crate::records::{read_journal, Event, JournalFile, Records, MAX_LINE};

/// The name every input is read under; its events' ids must be `hanna.<n>`.
pub const FUZZ_JOURNAL: &str = "hanna.jsonl";

/// Reads `input` as the journal `hanna.jsonl` and checks:
/// - each line read on its own gives the same event (or the same refusal) as in the whole file,
///   so a bad line never stops the others, and problems carry the file and a line number
///   within the file's line count;
/// - the good lines alone read without a problem and give the same events;
/// - the good lines folded in reverse, shuffled or twice over (a union merge) give the same
///   state;
/// - every believed event written back as a line reads as itself;
/// - a line longer than `MAX_LINE` is refused for its length alone, one at the limit is not;
/// - under a name that is not a writer's, nothing is read and the file itself (line 0) is
///   the problem.
pub fn check_journal(input: &[u8]) -> Result<(), Violation> {
    let lines = lines_of(input);
    let whole = read_journal(FUZZ_JOURNAL, input);
    ensure(whole.lines == lines.len(), || {
        format!(
            "the reader counted {} lines in a file of {}",
            whole.lines,
            lines.len()
        )
    })?;
    problems_are_placed(&whole, &whole.problems)?;
    ensure(!whole.problems.iter().any(|p| p.line == 0), || {
        "a file with a writer's name was refused as a whole".to_string()
    })?;

    // Each line alone: the events and the refused lines must be exactly the whole file's.
    let mut good_lines = Vec::new();
    let mut expected = Vec::new();
    let mut bad = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let alone = read_journal(FUZZ_JOURNAL, &with_newline(line));
        match (alone.events.len(), alone.problems.len()) {
            (1, 0) => {
                good_lines.push(*line);
                expected.extend(alone.events.into_iter().map(|(_, e)| (number, e)));
            }
            (0, 1) => bad.push(number),
            (0, 0) => {} // blank
            (e, p) => {
                return Err(Violation(format!(
                    "line {number} read alone gave {e} events and {p} problems"
                )))
            }
        }
    }
    ensure(whole.events == expected, || {
        format!(
            "the whole file's events {:?} differ from its lines' read one by one {:?}",
            ids(&whole.events),
            ids(&expected)
        )
    })?;
    let refused: Vec<usize> = whole.problems.iter().map(|p| p.line).collect();
    ensure(refused == bad, || {
        format!("the whole file refused lines {refused:?}, one by one {bad:?}")
    })?;

    // Without its bad lines the file reads cleanly, with the same events.
    let clean = read_journal(FUZZ_JOURNAL, &joined(&good_lines));
    ensure(clean.problems.is_empty(), || {
        format!("the good lines alone gave problems: {:?}", clean.problems)
    })?;
    let events = |file: &JournalFile| file.events.iter().map(|(_, e)| e.clone()).collect();
    let clean_events: Vec<Event> = events(&clean);
    ensure(clean_events == events(&whole), || {
        "removing the bad lines changed the good events".to_string()
    })?;

    // The fold: problems placed, and the same state whatever the order or repetition of lines.
    let folded = Records::fold(vec![read_journal(FUZZ_JOURNAL, input)]);
    problems_are_placed(&whole, folded.problems())?;
    let reference = fold_lines(&good_lines);
    ensure(reference.same_state(&folded), || {
        "the bad lines changed what the good ones fold to".to_string()
    })?;
    let mut reversed = good_lines.clone();
    reversed.reverse();
    let mut shuffled = good_lines.clone();
    shuffle(&mut shuffled, seed(input));
    let twice: Vec<&[u8]> = good_lines.iter().chain(&good_lines).copied().collect();
    for (order, lines) in [
        ("reversed", &reversed),
        ("shuffled", &shuffled),
        ("repeated", &twice),
    ] {
        let other = fold_lines(lines);
        ensure(reference.same_state(&other), || {
            format!("the good lines {order} fold to another state")
        })?;
        if order != "repeated" {
            ensure(other.problems().len() == reference.problems().len(), || {
                format!("the good lines {order} gave another number of problems")
            })?;
        }
    }

    for event in &clean_events {
        let line = event.to_line();
        let again = Event::from_line(line.as_bytes(), "hanna");
        ensure(again.as_ref() == Ok(event), || {
            format!(
                "event {} written back as {line:?} reads as {again:?}",
                event.id
            )
        })?;
    }

    if let Some(first) = good_lines.first() {
        line_limit_holds(first)?;
    }

    let misnamed = read_journal("Hanna Copy.jsonl", input);
    ensure(
        misnamed.events.is_empty()
            && misnamed.problems.len() == 1
            && misnamed.problems[0].line == 0
            && misnamed.problems[0].file == "Hanna Copy.jsonl",
        || format!("a misnamed journal gave {:?}", misnamed.problems),
    )
}

/// The lines as the reader numbers them: split at `\n`, the newline ending the file is not a
/// line of its own.
fn lines_of(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn with_newline(line: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line);
    bytes.push(b'\n');
    bytes
}

fn joined(lines: &[&[u8]]) -> Vec<u8> {
    lines.iter().flat_map(|l| with_newline(l)).collect()
}

fn fold_lines(lines: &[&[u8]]) -> Records {
    Records::fold(vec![read_journal(FUZZ_JOURNAL, &joined(lines))])
}

fn problems_are_placed(
    file: &JournalFile,
    problems: &[crate::records::LineProblem],
) -> Result<(), Violation> {
    for p in problems {
        ensure(p.file == FUZZ_JOURNAL && p.line <= file.lines, || {
            format!(
                "a problem names {}:{} in a file of {} lines: {}",
                p.file, p.line, file.lines, p.message
            )
        })?;
        ensure(!p.message.trim().is_empty(), || {
            format!("line {} was refused without a reason", p.line)
        })?;
    }
    Ok(())
}

/// A good line padded with spaces (JSON allows them) to exactly the limit still reads; one
/// byte more and it is refused for its length, before any parsing.
fn line_limit_holds(line: &[u8]) -> Result<(), Violation> {
    if line.len() > MAX_LINE {
        return Err(Violation(format!(
            "a line of {} bytes was believed",
            line.len()
        )));
    }
    let mut padded = line.to_vec();
    padded.resize(MAX_LINE, b' ');
    let at_limit = read_journal(FUZZ_JOURNAL, &with_newline(&padded));
    ensure(at_limit.events.len() == 1, || {
        format!(
            "a good line padded to {MAX_LINE} bytes was refused: {:?}",
            at_limit.problems
        )
    })?;
    padded.push(b' ');
    let over = read_journal(FUZZ_JOURNAL, &with_newline(&padded));
    ensure(
        over.events.is_empty()
            && over.problems.len() == 1
            && over.problems[0].line == 1
            && over.problems[0].message.starts_with("the line is ")
            && over.problems[0].message.contains("-byte limit"),
        || format!("a line over the limit gave {:?}", over.problems),
    )
}

fn ids(events: &[(usize, Event)]) -> Vec<(usize, String)> {
    events.iter().map(|(n, e)| (*n, e.id.to_string())).collect()
}

/// A seed from the input, so a failing shuffle is the same on every replay.
fn seed(input: &[u8]) -> u64 {
    input.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    }) | 1
}

/// Fisher–Yates with xorshift: enough to vary the order, no dependency.
fn shuffle<T>(items: &mut [T], mut state: u64) {
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
