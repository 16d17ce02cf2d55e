// The README's "JSON output" section is the CLI's documented interface: what `galley --json`
// prints has exactly the fields the README lists, at every level the output fills in, for every
// shape the README documents (the merge driver's report sits in the commands table). The
// output types live beside the code that prints them (`src/output/*.rs`).

use super::support::{complete_key_rate_en, Sample};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A documented shape: an object's fields (each with its shape, if the README gives one), a
/// list of a shape, a shape the README names (`[version…]`), or a value it does not break down.
#[derive(Debug, Clone)]
enum Shape {
    Object(BTreeMap<String, Shape>),
    List(Box<Shape>),
    Named(String),
    Value,
}

/// Reads the README's notation, e.g. `{drafts: [{id, lang}], problems: [{kind, message}]}`;
/// quotes (the commands table writes `{"merge_conflict": {"kind"}}`) are ignored.
fn parse(text: &str) -> Shape {
    let chars: Vec<char> = text.chars().filter(|c| *c != '"').collect();
    let mut at = 0;
    shape(&chars, &mut at)
}

fn shape(c: &[char], at: &mut usize) -> Shape {
    skip_spaces(c, at);
    match c.get(*at) {
        Some('{') => {
            *at += 1;
            let mut fields = BTreeMap::new();
            loop {
                skip_spaces(c, at);
                match c.get(*at) {
                    Some('}') | None => {
                        *at += 1;
                        return object(fields);
                    }
                    Some(',') => *at += 1,
                    _ => {
                        let start = *at;
                        while c
                            .get(*at)
                            .is_some_and(|ch| ch.is_alphanumeric() || *ch == '_')
                        {
                            *at += 1;
                        }
                        let name: String = c[start..*at].iter().collect();
                        assert!(!name.is_empty(), "a field name at {start} in {c:?}");
                        skip_spaces(c, at);
                        let value = if c.get(*at) == Some(&':') {
                            *at += 1;
                            shape(c, at)
                        } else {
                            Shape::Value
                        };
                        fields.insert(name, value);
                    }
                }
            }
        }
        Some('[') => {
            *at += 1;
            let inner = shape(c, at);
            while c.get(*at).is_some_and(|ch| *ch != ']') {
                *at += 1;
            }
            *at += 1;
            Shape::List(Box::new(inner))
        }
        _ => {
            let start = *at;
            while c.get(*at).is_some_and(|ch| !matches!(ch, ',' | '}' | ']')) {
                *at += 1;
            }
            let word: String = c[start..*at].iter().collect();
            match word.trim().strip_suffix('…') {
                Some(name) if !name.is_empty() && name.chars().all(char::is_alphabetic) => {
                    Shape::Named(name.to_string())
                }
                _ => Shape::Value,
            }
        }
    }
}

/// `{LANG: TEXT}` is a map keyed by language, not an object with a field `LANG`.
fn object(fields: BTreeMap<String, Shape>) -> Shape {
    let placeholder = |name: &String| name.chars().all(|c| c.is_ascii_uppercase());
    if fields.len() == 1 && fields.keys().all(placeholder) {
        return Shape::Value;
    }
    Shape::Object(fields)
}

fn skip_spaces(c: &[char], at: &mut usize) {
    while c.get(*at).is_some_and(|ch| ch.is_whitespace()) {
        *at += 1;
    }
}

impl Shape {
    /// The shape at `path` (`rows[].cells`: `[]` steps into a list's items).
    fn at(mut self, path: &str) -> Shape {
        std::mem::replace(self.at_mut(path), Shape::Value)
    }

    /// The shape with the one at `path` replaced: for a field the README documents in words
    /// or elsewhere (`{version}` is a version).
    fn with(mut self, path: &str, shape: Shape) -> Shape {
        *self.at_mut(path) = shape;
        self
    }

    /// Both shapes' fields: `translate diff` is the `diff` document plus its own fields.
    fn plus(self, other: Shape) -> Shape {
        match (self, other) {
            (Shape::Object(mut a), Shape::Object(b)) => {
                a.extend(b);
                Shape::Object(a)
            }
            (a, b) => panic!("only objects add up: {a:?} + {b:?}"),
        }
    }

    fn at_mut(&mut self, path: &str) -> &mut Shape {
        let mut here = self;
        for step in path.split('.') {
            let (name, items) = step
                .strip_suffix("[]")
                .map_or((step, false), |name| (name, true));
            if !name.is_empty() {
                here = match here {
                    Shape::Object(fields) => fields
                        .get_mut(name)
                        .unwrap_or_else(|| panic!("the README's shape has no `{name}` ({path})")),
                    other => panic!("`{name}` of {other:?} ({path})"),
                };
            }
            if items {
                here = match here {
                    Shape::List(item) => item,
                    other => panic!("the README gives no list at `{name}`: {other:?}"),
                };
            }
        }
        here
    }
}

fn readme() -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("read the README");
    // Lines wrap anywhere: one space for every run of white space.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn json_section() -> String {
    let readme = readme();
    let (_, section) = readme
        .split_once("### JSON output")
        .expect("a JSON output section");
    let end = section.find(" ## ").unwrap_or(section.len());
    section[..end].to_string()
}

/// The `n`th `` `{…}` `` after `marker` in `text`.
fn shape_after(text: &str, marker: &str, n: usize) -> Shape {
    let mut at = text
        .find(marker)
        .unwrap_or_else(|| panic!("the README documents {marker}"))
        + marker.len();
    for _ in 0..n {
        at += text[at..].find("`{").expect("a documented shape") + 2;
    }
    let open = at + text[at..].find("`{").expect("a documented shape") + 1;
    let close = open + text[open..].find('`').expect("the shape's end");
    parse(&text[open..close])
}

/// The first shape after `marker` in the README's JSON output section, e.g. "`list`: ".
fn documented(marker: &str) -> Shape {
    shape_after(&json_section(), marker, 0)
}

/// The shapes the README names and uses by name (`[version…]`, `[entry…]`).
fn named(name: &str) -> Shape {
    match name {
        "version" => documented("A version: "),
        "cell" => documented("a cell is "),
        "event" => documented("with an event "),
        "note" => documented("with a note "),
        "entry" => documented("where an entry is "),
        "blocker" => documented("`issue check`: ").at("languages[].blockers[]"),
        other => panic!("the README names a shape `{other}…` this test does not know"),
    }
}

/// Each difference between the output and the documented shape, by its path.
fn differences(path: &str, shape: &Shape, value: &Value, out: &mut Vec<String>) {
    match (shape, value) {
        (Shape::Named(name), _) => differences(path, &named(name), value, out),
        (Shape::Object(fields), Value::Object(object)) => {
            let documented: BTreeSet<&String> = fields.keys().collect();
            let printed: BTreeSet<&String> = object.keys().collect();
            if documented != printed {
                out.push(format!("{path}: README {documented:?}, output {printed:?}"));
            }
            for (name, field) in fields {
                if let Some(value) = object.get(name) {
                    differences(&format!("{path}.{name}"), field, value, out);
                }
            }
        }
        (Shape::List(item), Value::Array(items)) => {
            for (i, value) in items.iter().enumerate() {
                differences(&format!("{path}[{i}]"), item, value, out);
            }
        }
        (Shape::Object(_), _) | (Shape::List(_), _) if !value.is_null() => {
            out.push(format!("{path}: README gives a structure, output {value}"))
        }
        _ => {}
    }
}

fn assert_shape(what: &str, shape: &Shape, printed: &Value) {
    let mut out = Vec::new();
    differences(what, shape, printed, &mut out);
    assert!(out.is_empty(), "{}", out.join("\n"));
}

fn assert_documented(marker: &str, printed: &Value) {
    assert_shape(marker, &documented(marker), printed);
}

/// The values at `path` (`rows[].cells[].changes`) in every item of the lists on the way.
fn values<'a>(value: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut here = vec![value];
    for step in path.split('.') {
        let (name, items) = step
            .strip_suffix("[]")
            .map_or((step, false), |name| (name, true));
        here = here.into_iter().filter_map(|v| v.get(name)).collect();
        if items {
            here = here
                .into_iter()
                .filter_map(Value::as_array)
                .flatten()
                .collect();
        }
    }
    here
}

/// The output fills in each of `paths` somewhere, so the check above reaches into them.
fn assert_filled(printed: &Value, paths: &[&str]) {
    for path in paths {
        assert!(
            values(printed, path).iter().any(|v| !v.is_null()),
            "nothing at {path}: {printed}"
        );
    }
}

#[test]
fn list_prints_the_documented_shape() {
    let sample = Sample::copy();
    std::fs::write(
        sample.root().join("2020-W21/broken.en.md"),
        "no front matter\n",
    )
    .expect("write a broken draft");
    let listed = sample.json(&["list"]);
    assert!(listed["drafts"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(
        listed["problems"].as_array().is_some_and(|p| !p.is_empty()),
        "{listed}"
    );
    assert_documented("`list`: ", &listed);
}

#[test]
fn check_prints_the_documented_shape() {
    let sample = Sample::copy();
    let path = sample.root().join("2020-W21/key-rate-cut.en.md");
    let text = std::fs::read_to_string(&path).expect("read a draft");
    let without_lead: String = text
        .lines()
        .filter(|l| !l.starts_with("lead:") && !l.starts_with("  "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, without_lead).expect("write");
    let checked = sample.json(&["check"]);
    assert!(
        checked["warnings"]
            .as_array()
            .is_some_and(|w| !w.is_empty()),
        "{checked}"
    );
    assert_documented("`check`: ", &checked);
}

#[test]
fn errors_print_the_documented_shape() {
    let sample = Sample::copy();
    let out = sample
        .galley()
        .args(["show", "2099-W01/nothing.en.md", "--json"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let error: Value = serde_json::from_slice(&out.stderr).expect("JSON on stderr");
    assert_documented("Errors (stderr): ", &error);
}

#[test]
fn the_readme_notation_is_read_as_written() {
    let shape = parse("{a, b: [{c, d}], e: {f}}");
    let mut out = Vec::new();
    let value = serde_json::json!({ "a": 1, "b": [{ "c": 1, "d": 2 }, { "c": 1 }], "e": { "f": 1, "g": 2 } });
    differences("x", &shape, &value, &mut out);
    assert_eq!(out.len(), 2, "{out:?}");
}

#[test]
fn the_readme_notation_names_shapes_and_maps() {
    let shape = parse(r#"{"v": [version…], titles: {LANG: TEXT}, hunks: […]}"#);
    let Shape::Object(fields) = &shape else {
        panic!("{shape:?}")
    };
    assert!(
        matches!(&fields["v"], Shape::List(item) if matches!(**item, Shape::Named(ref n) if n == "version"))
    );
    assert!(matches!(fields["titles"], Shape::Value));
    assert!(matches!(&fields["hunks"], Shape::List(item) if matches!(**item, Shape::Value)));
    // A version missing a documented field is a difference.
    let mut out = Vec::new();
    let value = serde_json::json!({ "v": [{ "id": 1 }], "titles": { "en": "A" }, "hunks": [] });
    differences("x", &shape, &value, &mut out);
    assert_eq!(out.len(), 1, "{out:?}");
}

/// `galley ARGS --json`'s document on standard output, whatever the exit code (`issue check`
/// exits 1 for a week that is not ready, and still prints it).
fn printed(sample: &Sample, args: &[&str]) -> Value {
    let out = sample
        .galley()
        .args(args)
        .arg("--json")
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "galley {args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn list(item: Shape) -> Shape {
    Shape::List(Box::new(item))
}

fn version() -> Shape {
    named("version")
}

fn concurrent() -> Shape {
    documented("`concurrent` is null, or ")
}

fn status_event() -> Shape {
    documented("A status event: ").with("concurrent", concurrent())
}

fn append(sample: &Sample, path: &str, text: &str) {
    let path = sample.root().join(path);
    let mut now = std::fs::read_to_string(&path).expect("read");
    now.push_str(text);
    std::fs::write(&path, now).expect("write");
}

#[test]
fn history_commands_print_the_documented_shapes() {
    let sample = Sample::copy();
    let en = "2020-W21/key-rate-cut.en.md";
    complete_key_rate_en(&sample);
    std::fs::write(
        sample.root().join("2020-W21/broken.en.md"),
        "no front matter\n",
    )
    .expect("write a broken draft");
    let recorded = sample.json(&["record"]);
    assert_filled(&recorded, &["recorded[].version", "problems[]"]);
    let shape = documented("`record`, `watch`: ").with("recorded[].version", version());
    assert_shape("record", &shape, &recorded);

    let log = sample.json(&["log", en]);
    assert_filled(&log, &["versions[]"]);
    assert_documented("`log`: ", &log);
    let oldest = values(&log, "versions[].id")
        .last()
        .map(|id| id.to_string())
        .expect("a version");
    assert_documented("`show`: ", &sample.json(&["show", en]));
    append(&sample, en, "\nA line not recorded yet.\n");
    let diff = sample.json(&["diff", en, &oldest]);
    assert_filled(&diff, &["hunks[]"]);
    assert_documented("`diff`: ", &diff);

    let one = documented("`restore`, `label`: ").with("version", version());
    assert_shape("label", &one, &sample.json(&["label", &oldest, "sent"]));
    assert_shape("restore", &one, &sample.json(&["restore", en, &oldest]));
    let created = sample.json(&["new", "--title", "A new piece", "--lang", "en"]);
    let shape = documented("`new`: ").with("version", version());
    assert_shape("new", &shape, &created);

    // `save`: a version, unchanged, or a conflict with the text on disk.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(sample.root().join(en)).expect("read");
    let save = |text: String, extra: &[&str]| {
        let file = dir.path().join("text.md");
        std::fs::write(&file, text).expect("write");
        let mut args = vec!["save", en, "--from", file.to_str().expect("utf-8")];
        args.extend(extra);
        printed(&sample, &args)
    };
    let section = json_section();
    let saved = save(format!("{text}\nOne more line.\n"), &[]);
    let shape = shape_after(&section, "`save`: ", 0).with("version", version());
    assert_shape("save", &shape, &saved);
    let unchanged = save(format!("{text}\nOne more line.\n"), &[]);
    assert_shape("save", &shape_after(&section, "`save`: ", 1), &unchanged);
    let stale = "0".repeat(64);
    let conflict = save(format!("{text}\nAnother.\n"), &["--base", &stale]);
    let shape = shape_after(&section, "`save`: ", 2)
        .with("conflict.theirs", version())
        .with("conflict.ours", version());
    assert_filled(&conflict, &["conflict.theirs", "conflict.ours"]);
    assert_shape("save", &shape, &conflict);
}

#[test]
fn translation_commands_print_the_documented_shapes() {
    // Translations marked done here, so their base texts are in this machine's history.
    let sample = Sample::without_records();
    sample.json(&["record"]);
    for (id, lang) in [
        ("buxyr7237g", "ru"),
        ("nilo7qho2j", "ru"),
        ("nilo7qho2j", "en"),
    ] {
        sample.json(&["translate", "set", id, lang, "done"]);
    }
    // The Belarusian sources change: their translations fall behind, and the English gas
    // commentary, translated from the Russian, falls behind through it.
    let added = "\nA paragraph the translations do not have yet.\n";
    append(&sample, "2020-W21/key-rate-cut.be.md", added);
    append(&sample, "2020-W21/gas-price-talks-stall.be.md", added);
    sample.json(&["record"]);

    let grid = sample.json(&["translate", "status"]);
    assert_filled(
        &grid,
        &[
            "rows[].cells[].changes.paragraphs[]",
            "rows[].cells[].changes.words",
            "rows[].cells[].via",
        ],
    );
    let changes = documented("). `changes` is ")
        .with("paragraphs", list(documented("and each paragraph ")))
        .with("words", documented("also changed. `words` is "));
    let cell = named("cell")
        .with("changes", changes)
        .with("via", documented("then `via` is "))
        .with("concurrent", concurrent());
    let shape = documented("`translate status`: ").with("rows[].cells[]", cell);
    assert_shape("translate status", &shape, &grid);

    let started = sample.json(&["translate", "start", "y65qx5zuzq", "--lang", "en"]);
    let shape = documented("`translate start`: ")
        .with("version", version())
        .with("status", status_event());
    assert_shape("translate start", &shape, &started);
    let set = sample.json(&["translate", "set", "y65qx5zuzq", "en", "in-review"]);
    let shape = documented("`translate set`: ").with("status", status_event());
    assert_shape("translate set", &shape, &set);

    let source_diff = sample.json(&["translate", "diff", "buxyr7237g", "ru"]);
    assert_filled(&source_diff, &["hunks[]", "versions[]"]);
    let shape = documented("`diff`: ").plus(documented("`translate diff`: "));
    assert_shape("translate diff", &shape, &source_diff);
    let head = source_diff["head"].to_string();
    let minor = sample.json(&["translate", "minor", &head]);
    assert_documented("`translate minor`: ", &minor);
}

#[test]
fn translation_job_commands_print_the_documented_shapes() {
    let sample = Sample::copy();
    append(
        &sample,
        "2020-W21/key-rate-cut.be.md",
        "\nA paragraph the translations do not have yet.\n",
    );
    sample.json(&["record"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let words = documented("goes to stderr); `words` is ");
    let exported_shape = documented("`xliff export`, `po export`: ").with("words", words.clone());
    for (command, file) in [("xliff", "job.xlf"), ("po", "job.po")] {
        let file = dir.path().join(file);
        let file = file.to_str().expect("utf-8");
        let exported = sample.json(&[command, "export", "buxyr7237g", "ru", "--out", file]);
        assert_filled(&exported, &["words.units[]"]);
        assert_shape(command, &exported_shape, &exported);
        let imported = sample.json(&[command, "import", file]);
        assert_filled(&imported, &["version"]);
        let shape = documented("`xliff import`, `po import`: ").with("version", version());
        assert_shape(command, &shape, &imported);
    }
    // With `--out -` the file goes to standard output and the word counts to standard error.
    let out = sample
        .galley()
        .args([
            "xliff",
            "export",
            "buxyr7237g",
            "en",
            "--out",
            "-",
            "--json",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let counts: Value = serde_json::from_slice(&out.stderr).expect("JSON on stderr");
    assert_shape("xliff export --out -", &words, &counts);
}

/// Every blocker's `detail` has the fields the README gives for its `reason` (none when it
/// gives none).
fn assert_details(check: &Value) {
    let section = json_section();
    let start = section.find("`issue check`: ").expect("issue check");
    let bullet = &section[start..start + section[start..].find(" - ").expect("the next bullet")];
    let mut seen = 0;
    for blocker in values(check, "languages[].blockers[]") {
        let reason = blocker["reason"].as_str().expect("a reason");
        let named = format!("`{reason}`");
        let at = bullet
            .find(&named)
            .unwrap_or_else(|| panic!("the README does not list the reason {reason}"))
            + named.len();
        let rest = &bullet[at..];
        let shape = if rest.starts_with(" (`{") || rest.starts_with(" (detail `{") {
            shape_after(rest, " (", 0)
        } else {
            Shape::Object(BTreeMap::new())
        };
        assert_shape(&format!("detail of {reason}"), &shape, &blocker["detail"]);
        seen += 1;
    }
    assert!(seen > 0, "no blockers: {check}");
}

#[test]
fn issue_commands_print_the_documented_shapes() {
    let sample = Sample::copy();
    // A sync tool's conflict copy: the board lists it, readiness blocks on it.
    std::fs::copy(
        sample.root().join("2020-W21/key-rate-cut.ru.md"),
        sample
            .root()
            .join("2020-W21/key-rate-cut.ru (conflicted copy).md"),
    )
    .expect("copy");
    let issues = sample.json(&["issue", "list"]);
    assert_filled(&issues, &["issues[]"]);
    assert_documented("`issue list`: ", &issues);
    let shown = sample.json(&["issue", "show", "2020-W21"]);
    assert_filled(&shown, &["sections[].commentaries[]"]);
    assert_documented("`issue show`, `issue new`: ", &shown);

    let board = sample.json(&["issue", "board", "2020-W21"]);
    assert_filled(&board, &["rows[].cells[]", "conflicts[]"]);
    assert_documented("`issue board`: ", &board);
    for week in ["2020-W20", "2020-W21"] {
        let check = printed(&sample, &["issue", "check", week]);
        assert_documented("`issue check`: ", &check);
        assert_details(&check);
    }

    let new = sample.json(&["issue", "new", "2020-W22"]);
    assert_documented("`issue show`, `issue new`: ", &new);
    let moved = sample.json(&["issue", "move", "buxyr7237g", "--to", "2020-W22"]);
    assert_filled(&moved, &["versions[]", "files[]", "issue_files[]"]);
    assert_documented("`issue move`: ", &moved);
}

#[test]
fn review_commands_print_the_documented_shapes() {
    let sample = Sample::copy();
    let event = documented("`review set`: ").with("event", named("event"));
    for status in ["in-review", "approved"] {
        let set = sample.json(&["review", "set", "buxyr7237g", status]);
        assert_shape("review set", &event, &set);
    }
    let log = sample.json(&["review", "log", "buxyr7237g"]);
    assert_filled(&log, &["events[]"]);
    let shape = documented("`review log`: ");
    assert_shape("review log", &shape, &log);

    append(
        &sample,
        "2020-W21/key-rate-cut.en.md",
        "\nA late addition.\n",
    );
    let changes = sample.json(&["review", "diff", "buxyr7237g"]);
    assert_filled(&changes, &["changes[].diff.hunks[]"]);
    let shape = documented("`review diff`: ").with("changes[].diff", documented("`diff`: "));
    assert_shape("review diff", &shape, &changes);

    let note = sample.json(&["review", "note", "buxyr7237g", "Check the figures."]);
    let shape = documented("`review note`: ").with("note", named("note"));
    assert_shape("review note", &shape, &note);
    let notes = sample.json(&["review", "notes", "buxyr7237g"]);
    assert_filled(&notes, &["notes[]"]);
    assert_documented("`review notes`: ", &notes);
}

#[test]
fn rename_and_trash_print_the_documented_shapes() {
    let sample = Sample::copy();
    let renamed = sample.json(&[
        "rename",
        "buxyr7237g",
        "--lang",
        "en",
        "--title",
        "Rates cut again",
        "--files",
    ]);
    assert_filled(&renamed, &["version", "files[]"]);
    let shape = documented("`rename`: ").with("version", version());
    assert_shape("rename", &shape, &renamed);

    let one = documented("`trash delete`, `trash archive`, `trash restore`: ")
        .with("entry", named("entry"));
    let deleted = sample.json(&["trash", "delete", "nilo7qho2j"]);
    assert_shape("trash delete", &one, &deleted);
    let archived = sample.json(&["trash", "archive", "puar22az3t"]);
    assert_shape("trash archive", &one, &archived);
    let listed = sample.json(&["trash", "list"]);
    assert_filled(&listed, &["entries[]"]);
    assert_documented("`trash list`: ", &listed);
    let name = deleted["entry"]["name"].as_str().expect("an entry name");
    let restored = sample.json(&["trash", "restore", name]);
    assert_shape("trash restore", &one, &restored);
}

#[test]
fn search_and_import_print_the_documented_shapes() {
    let sample = Sample::copy();
    assert_documented("`reindex`: ", &sample.json(&["reindex"]));
    let hits = sample.json(&["search", "рубель"]);
    assert_filled(&hits, &["hits[]"]);
    let highlighted = documented("`title` and `snippet` are ");
    let shape = documented("`search`: ")
        .with("hits[].title", highlighted.clone())
        .with("hits[].snippet", highlighted);
    assert_shape("search", &shape, &hits);

    let archive = tempfile::tempdir().expect("temp dir");
    let piece = archive.path().join("old.md");
    let write = |text: &str| std::fs::write(&piece, text).expect("write");
    write("---\ntitle: An old piece\nlang: en\ndate: 2019-03-01\n---\nIts text.\n");
    std::fs::write(archive.path().join("broken.md"), "---\ntitle: [\n---\nx\n").expect("write");
    let shape = documented("`import`: ")
        .with("files[].version", version())
        .with("files[].kept", version())
        .with("files[].error", documented("then `error` is "));
    let source = archive.path().to_str().expect("utf-8");
    let first = printed(&sample, &["import", source]);
    assert_filled(&first, &["files[].version", "files[].error"]);
    assert_shape("import", &shape, &first);
    // Edited on both sides since: the archive's text goes to history, the workspace's stays.
    let path = first["files"]
        .as_array()
        .and_then(|files| files.iter().find_map(|f| f["path"].as_str()))
        .expect("the imported path")
        .to_string();
    append(&sample, &path, "\nEdited in the workspace.\n");
    sample.json(&["record"]);
    write("---\ntitle: An old piece\nlang: en\ndate: 2019-03-01\n---\nIts text, revised.\n");
    let again = printed(&sample, &["import", source]);
    assert_filled(&again, &["files[].kept"]);
    assert_shape("import", &shape, &again);
}

#[test]
fn export_prints_the_documented_shape() {
    let sample = Sample::without_records();
    super::export::approve_and_finish(&sample, &super::export::W20_IDS);
    // Without a base URL the feeds are not made, and the report says so.
    let settings = sample.root().join(".galley/settings.toml");
    let text = std::fs::read_to_string(&settings).expect("settings");
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("base_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&settings, without).expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("w20");
    let exported = sample.json(&[
        "export",
        "2020-W20",
        "--only-complete",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_filled(&exported, &["skipped[].blockers[]", "not_made[]"]);
    assert_documented("`export`: ", &exported);
}

#[test]
fn sync_prints_the_documented_shape() {
    let sample = Sample::copy();
    let dir = tempfile::tempdir().expect("temp dir");
    let remote = dir.path().join("remote.git");
    let git = std::process::Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .output()
        .expect("git");
    assert!(git.status.success(), "{git:?}");
    let url = format!("file://{}", remote.display());
    let out = sample
        .galley()
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["sync", "--init", &url, "--json"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let synced: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_filled(&synced, &["state.last_synced"]);
    let shape = documented("`sync`: ");
    assert_shape("sync", &shape, &synced);
    let conflicts =
        documented("also `galley conflicts`: ").with("conflicts", shape.at("conflicts"));
    assert_shape("conflicts", &conflicts, &sample.json(&["conflicts"]));
}

#[test]
fn a_sync_conflict_and_its_resolution_print_the_documented_shapes() {
    use super::sync::{paragraph_edit, team, SOURCE};
    let (_dir, [anna, _bela, cyra]) = team();
    let text = anna.read(SOURCE);
    let second = "Сам па сабе прызыў з запасу";
    let title = "title: Прызыў з запасу пашырылі на заходнія раёны";
    let anna_text = paragraph_edit(&text, second, "Сам па сабе выклік з запасу");
    let cyra_text = paragraph_edit(
        &paragraph_edit(&text, second, "Зразумела, прызыў з запасу"),
        title,
        "title: Прызыў пашырылі на захад",
    );
    let anna_text = paragraph_edit(&anna_text, title, "title: Зборы пашырылі на захад");
    anna.save(SOURCE, &anna_text);
    cyra.save(SOURCE, &cyra_text);
    anna.sync();
    let synced = cyra.sync();
    assert_filled(&synced, &["conflicts[]"]);
    let sync = documented("`sync`: ");
    assert_shape("sync", &sync, &synced);
    let listed = cyra.json(&["conflicts"]);
    let shape = documented("also `galley conflicts`: ").with("conflicts", sync.at("conflicts"));
    assert_shape("conflicts", &shape, &listed);

    let parts = cyra.json(&["conflicts", SOURCE]);
    assert_filled(&parts, &["parts.paragraphs[]", "parts.fields[]"]);
    assert_documented("`galley conflicts PATH`: ", &parts);
    let resolved = cyra.json(&["resolve", SOURCE, "--theirs-in", "1"]);
    assert_documented("`resolve`: ", &resolved);

    // Both change the same status and the same editorial state at once: the one that loses is
    // named as `concurrent` beside the one that won.
    anna.json(&["translate", "set", "pxq253v3kb", "en", "in-review"]);
    cyra.json(&["translate", "set", "pxq253v3kb", "en", "in-progress"]);
    anna.json(&["review", "set", "pxq253v3kb", "approved"]);
    cyra.json(&["review", "set", "pxq253v3kb", "draft"]);
    cyra.sync();
    anna.sync();
    let grid = anna.json(&["translate", "status", "--issue", "2020-W20"]);
    assert_filled(&grid, &["rows[].cells[].concurrent"]);
    let cell = named("cell").with("concurrent", concurrent());
    let shape = documented("`translate status`: ").with("rows[].cells[]", cell);
    assert_shape("translate status", &shape, &grid);
    let log = anna.json(&["review", "log", "pxq253v3kb"]);
    assert_filled(&log, &["events[].concurrent"]);
    let event = named("event").with("concurrent", concurrent());
    let shape = documented("`review log`: ").with("events[]", event);
    assert_shape("review log", &shape, &log);
}

#[test]
fn init_prints_the_documented_shape() {
    let sample = Sample::empty();
    assert_documented("`init`: ", &sample.json(&["init"]));
}

#[test]
fn the_merge_driver_reports_the_documented_shape() {
    use super::merge_driver::{draft, run_driver, BASE, DRAFT_PATH};
    let ours = draft(
        "Ours",
        &[BASE[0], "Reservists are called up in the west.", BASE[2]],
    );
    let theirs = draft(
        "Theirs",
        &[BASE[0], "Reservists are called up in the east.", BASE[2]],
    );
    let (output, _) = run_driver("draft", DRAFT_PATH, &draft("Base", &BASE), &ours, &theirs);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stderr).expect("one JSON line");
    assert_filled(&report, &["merge_conflict.paragraphs[]"]);
    let shape = shape_after(&readme(), "standard error gets one JSON line, ", 0);
    assert_shape("merge-driver", &shape, &report);
}
