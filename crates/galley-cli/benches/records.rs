//! Records benchmark: what the team's journals cost. Prints one table; asserts nothing.
//!
//!     cargo bench -p galley-cli --bench records                      # 100,000 events, 20,000 drafts
//!     cargo bench -p galley-cli --bench records -- --quick           # 10,000 events, 300 drafts
//!     GALLEY_BENCH_QUICK=1 cargo test -p galley-cli --bench records  # the same, test profile (CI)
//!
//! (a) Reading and folding events from 10 writers (version records, translation statuses
//! linked by `prev`, editorial statuses, notes, labels, minor marks), against merely parsing
//! the same lines into `serde_json::Value`, in the same run: goal ≤ 2× and under 100 ms.
//! (b) Opening a workspace of drafts whose journals hold a version record per draft and the
//! translations' statuses, against the same workspace with its journal folder moved away, in
//! the same run: goal ≤ 1.1×. Deterministic: a fixed-seed generator, no clock in the data.

use galley_core::clock::SystemClock;
use galley_core::hash::ContentHash;
use galley_core::records::{
    read_journal, Body, EditorialStatus, Event, EventId, Records, TranslationStatus, VersionOrigin,
};
use galley_core::workspace::{Env, Workspace};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use time::OffsetDateTime;

const WRITERS: usize = 10;
const LANGS: [&str; 3] = ["be", "ru", "en"];
const RUNS: usize = 7;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Row {
    what: String,
    galley: String,
    peer: String,
    ratio: String,
    goal: &'static str,
}

fn main() {
    let quick = std::env::var_os("GALLEY_BENCH_QUICK").is_some()
        || std::env::args().any(|a| a == "--quick");
    let (events, drafts) = if quick {
        (10_000, 300)
    } else {
        (100_000, 20_000)
    };
    let started = Instant::now();
    println!(
        "Galley records benchmark: {events} events from {WRITERS} writers; a workspace of \
         {drafts} drafts"
    );
    let mut rows = Vec::new();
    fold_rows(events, &mut rows);
    open_rows(drafts, &mut rows);

    println!();
    println!(
        "| {:<46} | {:>18} | {:>30} | {:>8} | {:<16} |",
        "measure", "galley", "peer", "ratio", "goal"
    );
    println!(
        "|{}|{}|{}|{}|{}|",
        "-".repeat(48),
        "-".repeat(20),
        "-".repeat(32),
        "-".repeat(10),
        "-".repeat(18)
    );
    for r in &rows {
        println!(
            "| {:<46} | {:>18} | {:>30} | {:>8} | {:<16} |",
            r.what, r.galley, r.peer, r.ratio, r.goal
        );
    }
    println!("\nTotal time {:.0} s.", started.elapsed().as_secs_f64());
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn hash(n: usize) -> ContentHash {
    ContentHash::of(format!("text {n}").as_bytes())
}

fn writer(index: usize) -> String {
    format!(
        "writer{index}-{:08x}",
        0x3f9a_1c2e_u32.wrapping_mul(index as u32 + 1)
    )
}

/// The events the team writes, one writer's Galley after another, each line's clock one more
/// than the largest it had seen (every 20th event concurrent with the one before).
struct Team {
    rng: Rng,
    clock: u64,
    seqs: Vec<u64>,
    /// The last event about each thing, for `prev`.
    last: HashMap<String, EventId>,
    lines: Vec<Vec<String>>,
}

impl Team {
    fn new(seed: u64) -> Team {
        Team {
            rng: Rng(seed),
            clock: 0,
            seqs: vec![0; WRITERS],
            last: HashMap::new(),
            lines: vec![Vec::new(); WRITERS],
        }
    }

    fn write(
        &mut self,
        who: usize,
        thing: Option<String>,
        body: impl FnOnce(Option<EventId>) -> Body,
    ) {
        if self.seqs.iter().sum::<u64>() % 20 != 0 {
            self.clock += 1;
        }
        self.seqs[who] += 1;
        let id = EventId {
            writer: writer(who),
            seq: self.seqs[who],
        };
        let prev = thing.as_ref().and_then(|t| self.last.get(t).cloned());
        let event = Event {
            id: id.clone(),
            clock: self.clock.max(1),
            at: OffsetDateTime::UNIX_EPOCH + time::Duration::minutes(self.clock as i64),
            author: format!("Writer {who}"),
            body: body(prev),
        };
        if let Some(thing) = thing {
            self.last.insert(thing, id);
        }
        self.lines[who].push(event.to_line());
    }

    /// Each writer's journal: file name and bytes.
    fn journals(&self) -> Vec<(String, Vec<u8>)> {
        self.lines
            .iter()
            .enumerate()
            .map(|(who, lines)| {
                let mut text = lines.join("\n");
                text.push('\n');
                (format!("{}.jsonl", writer(who)), text.into_bytes())
            })
            .collect()
    }
}

/// A realistic mix: a third version records, a third translation statuses, the rest editorial
/// statuses, notes, labels and minor marks, over `count / 20` commentaries.
fn mixed_journals(count: usize) -> Vec<(String, Vec<u8>)> {
    let mut team = Team::new(0x9e37_79b9_7f4a_7c15);
    let commentaries = (count / 20).max(1);
    for n in 0..count {
        let who = team.rng.below(WRITERS);
        let c = team.rng.below(commentaries);
        let commentary = format!("c{c:07}");
        let lang = LANGS[team.rng.below(3)];
        let roll = team.rng.below(100);
        let path = format!("2020-W{:02}/c{c:07}.{lang}.md", 1 + c % 52);
        let text = hash(n);
        let status = [
            TranslationStatus::InProgress,
            TranslationStatus::InReview,
            TranslationStatus::Done,
        ][team.rng.below(3)];
        let editorial = [
            EditorialStatus::Draft,
            EditorialStatus::InReview,
            EditorialStatus::Approved,
        ][team.rng.below(3)];
        match roll {
            0..=34 => team.write(who, None, |_| Body::Version {
                commentary,
                lang: lang.into(),
                path,
                sha256: text,
                origin: if roll < 30 {
                    VersionOrigin::Save
                } else {
                    VersionOrigin::External
                },
            }),
            35..=64 => {
                let lang = if lang == "be" { "ru" } else { lang };
                team.write(who, Some(format!("t {commentary} {lang}")), |prev| {
                    Body::Translation {
                        commentary,
                        lang: lang.into(),
                        status,
                        source_lang: "be".into(),
                        base: Some(hash(c)),
                        prev,
                        note: roll
                            .is_multiple_of(5)
                            .then(|| "Names checked against the source.".into()),
                    }
                })
            }
            65..=74 => team.write(who, Some(format!("e {commentary}")), |prev| {
                Body::Editorial {
                    commentary,
                    status: editorial,
                    prev,
                    note: None,
                    versions: std::collections::BTreeMap::new(),
                }
            }),
            75..=84 => team.write(who, None, |_| Body::Note {
                commentary,
                text: "The 2019 figure needs a source; please check with the desk.".into(),
            }),
            85..=89 => {
                let sha256 = hash(c);
                team.write(who, Some(format!("l {commentary} {lang}")), |prev| {
                    Body::Label {
                        commentary,
                        lang: lang.into(),
                        sha256,
                        label: Some("sent to print".into()),
                        prev,
                    }
                })
            }
            _ => {
                let sha256 = hash(c);
                team.write(who, Some(format!("m {commentary} {lang}")), |prev| {
                    Body::Minor {
                        commentary,
                        lang: lang.into(),
                        sha256,
                        minor: roll.is_multiple_of(2),
                        prev,
                    }
                })
            }
        }
    }
    team.journals()
}

fn fold(journals: &[(String, Vec<u8>)]) -> Records {
    Records::fold(
        journals
            .iter()
            .map(|(name, bytes)| read_journal(name, bytes))
            .collect(),
    )
}

/// (a) `read_journal` + `Records::fold` against parsing each line into a JSON value.
fn fold_rows(count: usize, rows: &mut Vec<Row>) {
    let journals = mixed_journals(count);
    let bytes: usize = journals.iter().map(|(_, b)| b.len()).sum();
    let check = fold(&journals);
    println!(
        "  {} events in {:.1} MiB folded to {} ({} problems)",
        count,
        bytes as f64 / 1048576.0,
        check.len(),
        check.problems().len()
    );
    let mut galley = Vec::new();
    let mut parse = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        std::hint::black_box(fold(&journals));
        galley.push(t.elapsed());
        let t = Instant::now();
        let mut values = Vec::with_capacity(count);
        for (_, text) in &journals {
            for line in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
                values.push(serde_json::from_slice::<serde_json::Value>(line).ok());
            }
        }
        std::hint::black_box(values);
        parse.push(t.elapsed());
    }
    let (g, p) = (median(galley), median(parse));
    rows.push(Row {
        what: format!("read + fold {count} events, {WRITERS} writers"),
        galley: ms(g),
        peer: format!("{} serde_json::Value", ms(p)),
        ratio: format!("{:.2}×", g.as_secs_f64() / p.as_secs_f64()),
        goal: "≤ 2×",
    });
    rows.push(Row {
        what: "read + fold under 100 ms".into(),
        galley: if g < Duration::from_millis(100) {
            "yes".into()
        } else {
            "no".into()
        },
        peer: "-".into(),
        ratio: "-".into(),
        goal: "< 100 ms",
    });
}

/// A draft with front matter like the archive's and a short body.
fn draft_text(i: usize, rng: &mut Rng) -> (String, String) {
    let commentary = i / 3;
    let lang = LANGS[i % 3];
    let issue = format!(
        "{}-W{:02}",
        2015 + (commentary / 52) % 10,
        1 + commentary % 52
    );
    let words = [
        "армія",
        "рэформа",
        "выбары",
        "урад",
        "граница",
        "цены",
        "border",
        "prices",
    ];
    let body: Vec<&str> = (0..150).map(|_| words[rng.below(words.len())]).collect();
    let translation = if lang == "be" {
        String::new()
    } else {
        "translation_of: be\n".into()
    };
    let text = format!(
        "---\nid: c{commentary:07}\ntitle: Commentary {commentary}\ntrend: unchanged\n\
         authors: [Alena Kavalchuk]\nlead: A lead.\nsection: security\nissue: {issue}\n\
         lang: {lang}\n{translation}---\n\n{}\n",
        body.join(" ")
    );
    (format!("{issue}/c{commentary:07}.{lang}.md"), text)
}

/// (b) Opening (and listing) a workspace with its journals, against the same workspace with
/// the journal folder moved away.
fn open_rows(count: usize, rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("ws");
    let mut rng = Rng(42);
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let (rel, text) = draft_text(i, &mut rng);
        let path = root.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &text).expect("write");
        files.push((rel, text));
    }
    let env = || Env {
        clock: Arc::new(SystemClock),
        author: "bench".into(),
    };
    let t = Instant::now();
    let mut ws = Workspace::init(&root, env()).expect("init");
    ws.record_all().expect("record");
    drop(ws);
    println!(
        "  {count} drafts recorded in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    // The team's journals: who made each text, and each translation's statuses.
    let mut team = Team::new(7);
    for (i, (rel, text)) in files.iter().enumerate() {
        let who = i % WRITERS;
        let commentary = format!("c{:07}", i / 3);
        let lang = LANGS[i % 3];
        let sha256 = ContentHash::of(text.as_bytes());
        let body_commentary = commentary.clone();
        team.write(who, None, |_| Body::Version {
            commentary: body_commentary,
            lang: lang.into(),
            path: rel.clone(),
            sha256,
            origin: VersionOrigin::Save,
        });
        if lang != "be" {
            for status in [TranslationStatus::InProgress, TranslationStatus::Done] {
                let commentary = commentary.clone();
                team.write(
                    (who + 1) % WRITERS,
                    Some(format!("{commentary} {lang}")),
                    |prev| Body::Translation {
                        commentary,
                        lang: lang.into(),
                        status,
                        source_lang: "be".into(),
                        base: Some(sha256),
                        prev,
                        note: None,
                    },
                );
            }
        }
    }
    let journal_dir = root.join(".galley/journal");
    std::fs::create_dir_all(&journal_dir).expect("journal folder");
    for (name, bytes) in team.journals() {
        std::fs::write(journal_dir.join(name), bytes).expect("journal");
    }
    let away = dir.path().join("journal-away");
    let open = || Workspace::open(&root, env()).expect("open");
    let events = open().records().len();
    println!("  journals: {events} events");

    // Alternating, so both sides see the same caches.
    let (mut with, mut without, mut with_list, mut without_list) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Journals are read on first use: what the first command that needs a record pays.
    let mut with_records = Vec::new();
    for _ in 0..RUNS {
        for present in [true, false] {
            if !present {
                std::fs::rename(&journal_dir, &away).expect("move the journals away");
            }
            let t = Instant::now();
            let ws = open();
            let opened = t.elapsed();
            let listing = ws.list().expect("list");
            let listed = t.elapsed();
            std::hint::black_box(listing);
            std::hint::black_box(ws.records().len());
            let recorded = t.elapsed();
            drop(ws);
            if present {
                with.push(opened);
                with_list.push(listed);
                with_records.push(recorded);
            } else {
                std::fs::rename(&away, &journal_dir).expect("bring the journals back");
                without.push(opened);
                without_list.push(listed);
            }
        }
    }
    for (what, with, without) in [
        ("open", median(with), median(without)),
        (
            "open + list",
            median(with_list.clone()),
            median(without_list),
        ),
    ] {
        rows.push(Row {
            what: format!("{what}, {count} drafts, {events} records"),
            galley: ms(with),
            peer: format!("{} without journals", ms(without)),
            ratio: format!("{:.2}×", with.as_secs_f64() / without.as_secs_f64()),
            goal: "≤ 1.1×",
        });
    }
    let (first_use, list_only) = (median(with_records), median(with_list));
    rows.push(Row {
        what: format!("open + list + first use of the {events} records"),
        galley: ms(first_use),
        peer: format!("{} open + list", ms(list_only)),
        ratio: format!("{:.2}×", first_use.as_secs_f64() / list_only.as_secs_f64()),
        goal: "(shown)",
    });
}
