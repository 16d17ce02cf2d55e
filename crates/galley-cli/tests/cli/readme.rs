// The README's "JSON output" section is the CLI's documented interface: for the commands whose
// documents are types (`output/documents.rs`), what `galley --json` prints has exactly the
// fields the README lists, at every level the output fills in.

use super::support::Sample;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A documented shape: an object's fields (each with its shape, if the README gives one), a
/// list of a shape, or a value the README does not break down.
#[derive(Debug)]
enum Shape {
    Object(BTreeMap<String, Shape>),
    List(Box<Shape>),
    Value,
}

/// Reads the README's notation, e.g. `{drafts: [{id, lang}], problems: [{kind, message}]}`.
fn parse(text: &str) -> Shape {
    let chars: Vec<char> = text.chars().collect();
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
                        return Shape::Object(fields);
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
            while c.get(*at).is_some_and(|ch| !matches!(ch, ',' | '}' | ']')) {
                *at += 1;
            }
            Shape::Value
        }
    }
}

fn skip_spaces(c: &[char], at: &mut usize) {
    while c.get(*at).is_some_and(|ch| ch.is_whitespace()) {
        *at += 1;
    }
}

/// The first `{…}` after the README's bullet that starts with `prefix`, e.g. "- `list`: ".
fn documented(prefix: &str) -> Shape {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("read the README");
    let section = readme
        .split_once("### JSON output")
        .map(|(_, rest)| rest)
        .expect("a JSON output section");
    let bullet = section
        .split("\n- ")
        .find(|b| b.starts_with(prefix))
        .unwrap_or_else(|| panic!("the README documents {prefix}"));
    let text = bullet.replace('\n', " ");
    let open = text.find("`{").expect("a documented shape") + 1;
    let close = open + text[open..].find('`').expect("the shape's end");
    parse(&text[open..close])
}

/// Each difference between the output and the documented shape, by its path.
fn differences(path: &str, shape: &Shape, value: &Value, out: &mut Vec<String>) {
    match (shape, value) {
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

fn assert_documented(prefix: &str, printed: &Value) {
    let mut out = Vec::new();
    differences(prefix, &documented(prefix), printed, &mut out);
    assert!(out.is_empty(), "{}", out.join("\n"));
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
