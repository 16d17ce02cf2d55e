// The hostile-input corpus (tests/fixtures/hostile/cases.toml): every case gets its stated
// outcome, never a panic, and nothing outside its temp workspace changes.

use super::support::env;
use galley_core::bundle::markdown_to_html;
use galley_core::workspace::{NewDraft, Workspace};
use galley_core::Error;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[allow(dead_code)] // read by people: what the case is
    what: String,
    feed: String,
    input: Option<String>,
    file: Option<String>,
    #[serde(default)]
    place: BTreeMap<String, String>,
    symlink: Option<[String; 2]>,
    bytes: Option<u64>,
    expect: String,
    kind: Option<String>,
    phrase: Option<String>,
    #[allow(dead_code)] // read by people: what the checks below it mean
    holds: Option<String>,
    created: Option<String>,
    recorded: Option<usize>,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
}

/// What a case that was not refused produced, for its `safe` checks.
#[derive(Default)]
struct Facts {
    created: Option<String>,
    recorded: usize,
    html: Option<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A workspace in `parent/ws` holding the XLIFF job's source (recorded as version 1), with
/// the bait draft `parent/outside.en.md` beside it.
struct Scene {
    parent: tempfile::TempDir,
    ws: Workspace,
}

impl Scene {
    fn new() -> Scene {
        let parent = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            parent.path().join("outside.en.md"),
            fixture("outside-bait.en.md"),
        )
        .expect("bait");
        let mut ws = Workspace::init(&parent.path().join("ws"), env("Alena")).expect("init");
        let source = ws.root().join("2020-W20/xsrc.be.md");
        std::fs::create_dir_all(source.parent().expect("folder")).expect("mkdir");
        std::fs::write(&source, fixture("xliff-source.be.md")).expect("source");
        let report = ws.record_all().expect("record the source");
        assert_eq!(
            report.recorded[0].version.id, 1,
            "the XLIFF jobs name version 1"
        );
        Scene { parent, ws }
    }

    fn parent(&self) -> PathBuf {
        self.parent.path().canonicalize().expect("canonical parent")
    }

    /// Every entry under the parent folder except the workspace: path, kind, size, bytes.
    fn snapshot_outside(&self) -> Vec<(PathBuf, bool, Vec<u8>)> {
        let root = self.parent();
        let ws = self.ws.root().to_path_buf();
        let mut out = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("list").flatten() {
                let path = entry.path();
                if path == ws {
                    continue;
                }
                let meta = std::fs::symlink_metadata(&path).expect("stat");
                if meta.is_dir() {
                    stack.push(path.clone());
                }
                let bytes = if meta.is_file() {
                    std::fs::read(&path).expect("read")
                } else {
                    Vec::new()
                };
                out.push((path, meta.is_dir(), bytes));
            }
        }
        out.sort();
        out
    }
}

fn symlink(scene: &Scene, link: &str, target: &str) {
    let at = scene.ws.root().join(link);
    std::fs::create_dir_all(at.parent().expect("folder")).expect("mkdir");
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, &at).expect("symlink");
    #[cfg(not(unix))]
    let _ = (target, at);
}

fn valid_draft() -> String {
    "---\nid: h0stile001\ntitle: Hostile\nlang: en\n---\n\nBody.\n".to_string()
}

fn feed(case: &Case, scene: &mut Scene) -> Result<Facts, Error> {
    if let Some([link, target]) = &case.symlink {
        symlink(scene, link, target);
    }
    let input = || {
        case.input
            .clone()
            .expect("an input")
            .replace("{parent}", &scene.parent().to_string_lossy())
    };
    match case.feed.as_str() {
        "path" => {
            let path = input();
            // Reading through the same argument must not panic either, whatever it says.
            let _ = scene.ws.read(&path);
            let _ = scene.ws.log(&path);
            scene.ws.save(&path, &valid_draft(), None)?;
            Ok(Facts {
                created: Some(path),
                ..Facts::default()
            })
        }
        "slug" => {
            let new = NewDraft {
                title: "Hostile".into(),
                lang: "en".into(),
                slug: Some(input()),
                ..NewDraft::default()
            };
            let (rel, _) = scene.ws.create(&new)?;
            Ok(Facts {
                created: Some(rel),
                ..Facts::default()
            })
        }
        "id" => {
            let id = input();
            let export = scene.ws.xliff_export(&id, "en").map(|_| ());
            let start = scene.ws.start_translation(&id, "ru", None).map(|_| ());
            match (export, start) {
                (Err(a), Err(b)) => {
                    assert_eq!(a.kind(), b.kind(), "both commands refuse {id:?} alike");
                    Err(a)
                }
                (a, b) => panic!("an id argument was taken: export {a:?}, start {b:?}"),
            }
        }
        "draft" | "generated" => {
            let mut placed = case.place.clone();
            if let Some(file) = &case.file {
                placed.insert(format!("2020-W20/{file}"), file.clone());
            }
            let mut paths: Vec<PathBuf> = Vec::new();
            for (rel, file) in &placed {
                let abs = scene.ws.root().join(rel);
                std::fs::create_dir_all(abs.parent().expect("folder")).expect("mkdir");
                std::fs::write(&abs, fixture(file)).expect("place");
                paths.push(abs);
            }
            if let Some(bytes) = case.bytes {
                let abs = scene.ws.root().join("2020-W20/huge.en.md");
                write_generated(&abs, bytes);
                paths.push(abs);
            }
            if let Some([link, _]) = &case.symlink {
                paths.push(scene.ws.root().join(link));
            }
            record_both_ways(&mut scene.ws, &paths)
        }
        "markdown" => {
            let name = case.file.as_deref().expect("a file");
            let md = String::from_utf8(fixture(name)).expect("Markdown fixtures are UTF-8");
            // No time bound here (a busy machine made it flaky): a quadratic renderer shows in
            // the bundle benchmark, and a hang in CI's time limit.
            let html = markdown_to_html(&md);
            Ok(Facts {
                html: Some(html),
                ..Facts::default()
            })
        }
        "xliff" => {
            let name = case.file.as_deref().expect("a file");
            let xml = String::from_utf8(fixture(name)).expect("XLIFF fixtures are UTF-8");
            let imported = scene.ws.xliff_import(&xml, name)?;
            let text = std::fs::read_to_string(scene.ws.root().join(&imported.path))
                .expect("the imported translation");
            let body = text.split("\n---\n").nth(1).unwrap_or("").to_string();
            Ok(Facts {
                recorded: usize::from(imported.changed),
                html: Some(markdown_to_html(&body)),
                ..Facts::default()
            })
        }
        other => panic!("unknown feed `{other}`"),
    }
}

/// A valid front matter, then `bytes` in all of filler, written in chunks.
fn write_generated(path: &Path, bytes: u64) {
    use std::io::Write;
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let head = valid_draft();
    file.write_all(head.as_bytes()).expect("write");
    let line = "All work and no play makes a very large draft.\n".repeat(1024);
    let mut left = bytes.saturating_sub(head.len() as u64);
    while left > 0 {
        let n = left.min(line.len() as u64) as usize;
        file.write_all(&line.as_bytes()[..n]).expect("write");
        left -= n as u64;
    }
    file.flush().expect("flush");
}

/// What the watcher does (these paths), then what start-up does (the whole folder): the second
/// must find nothing left to record and the same problems.
fn record_both_ways(ws: &mut Workspace, paths: &[PathBuf]) -> Result<Facts, Error> {
    let mut watched = ws.record_paths(paths)?;
    let full = ws.record_all()?;
    assert!(
        full.recorded.is_empty(),
        "the full scan recorded again: {:?}",
        full.recorded.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    let kinds = |problems: &[Error]| problems.iter().map(Error::kind).collect::<Vec<_>>();
    assert_eq!(kinds(&watched.problems), kinds(&full.problems));
    let listing = ws.list()?;
    assert_eq!(kinds(&listing.problems).len(), {
        // `list` reports unreadable files; duplicates and names history cannot hold are
        // `record`'s business.
        watched
            .problems
            .iter()
            .map(|p| p.to_string())
            .filter(|p| !p.contains("already has this id") && !p.contains("cannot keep history"))
            .count()
    });
    ws.check()?;
    if !watched.problems.is_empty() {
        return Err(watched.problems.remove(0));
    }
    Ok(Facts {
        recorded: watched.recorded.len(),
        ..Facts::default()
    })
}

/// Checks that hold for every HTML Galley produces from hostile text.
fn assert_html_is_inert(name: &str, html: &str) {
    const BANNED: [&str; 13] = [
        "script", "iframe", "frame", "style", "svg", "math", "object", "embed", "form", "input",
        "meta", "base", "link",
    ];
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let mut words = tag.trim_start_matches('/').split_whitespace();
        let element = words.next().unwrap_or("").to_ascii_lowercase();
        assert!(
            !BANNED.contains(&element.as_str()),
            "{name}: <{element}> survived"
        );
        for (attr, value) in attributes(tag) {
            assert!(
                !attr.starts_with("on"),
                "{name}: {attr}= survived in <{tag}>"
            );
            if attr == "style" {
                assert!(value.starts_with("text-align:"), "{name}: style={value}");
            }
            if attr == "href" || attr == "src" {
                let compact: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let scheme = compact
                    .find([':', '/', '?', '#'])
                    .filter(|&i| compact[i..].starts_with(':'))
                    .map(|i| &compact[..i]);
                assert!(
                    scheme.is_none_or(|s| ["http", "https", "mailto"].contains(&s)),
                    "{name}: {attr}=\"{value}\" survived"
                );
            }
        }
    }
}

/// `name="value"` pairs of one serialized tag (ammonia always quotes with `"`).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_ascii_lowercase();
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap_or(after.len());
        out.push((name, after[..end].to_string()));
        rest = after.get(end + 1..).unwrap_or("");
    }
    out
}

fn check_outcome(case: &Case, outcome: Result<Facts, Error>) -> Result<(), String> {
    match (case.expect.as_str(), outcome) {
        ("error", Err(e)) => {
            let kind = case.kind.as_deref().unwrap_or("");
            let phrase = case.phrase.as_deref().unwrap_or("");
            if e.kind().as_str() != kind || !e.to_string().contains(phrase) {
                return Err(format!(
                    "wanted {kind} containing {phrase:?}, got {}: {e}",
                    e.kind()
                ));
            }
            Ok(())
        }
        ("error", Ok(_)) => Err("wanted an error, the input was taken".into()),
        ("safe", Err(e)) => Err(format!("wanted a safe result, got {}: {e}", e.kind())),
        ("safe", Ok(facts)) => {
            if let Some(created) = &case.created {
                if facts.created.as_ref() != Some(created) {
                    return Err(format!("created {:?}, not {created}", facts.created));
                }
            }
            if let Some(recorded) = case.recorded {
                if facts.recorded != recorded {
                    return Err(format!("recorded {}, not {recorded}", facts.recorded));
                }
            }
            if let Some(html) = &facts.html {
                assert_html_is_inert(&case.name, html);
                let lower = html.to_ascii_lowercase();
                if let Some(bad) = case
                    .absent
                    .iter()
                    .find(|a| lower.contains(&a.to_lowercase()))
                {
                    return Err(format!("{bad:?} is in the HTML: {}", preview(html)));
                }
                if let Some(gone) = case.present.iter().find(|p| !html.contains(p.as_str())) {
                    return Err(format!("{gone:?} is not in the HTML: {}", preview(html)));
                }
            }
            Ok(())
        }
        (other, _) => Err(format!("unknown expectation `{other}`")),
    }
}

fn preview(html: &str) -> String {
    html.chars().take(400).collect()
}

fn run_case(case: &Case) -> Result<(), String> {
    let mut scene = Scene::new();
    let before = scene.snapshot_outside();
    let outcome = feed(case, &mut scene);
    check_outcome(case, outcome)?;
    if scene.snapshot_outside() != before {
        return Err("something outside the workspace changed".into());
    }
    let bait = scene.ws.history().log("outside001", "en").expect("log");
    if !bait.is_empty() {
        return Err("the bait draft outside the workspace was read into history".into());
    }
    if Path::new("/etc/galley-hostile.en.md").exists() {
        return Err("a file was written to /etc".into());
    }
    Ok(())
}

#[test]
fn every_hostile_case_gets_its_outcome_without_panic_or_writes_outside() {
    let text = std::fs::read_to_string(corpus_dir().join("cases.toml")).expect("cases.toml");
    let corpus: Corpus = toml::from_str(&text).expect("cases.toml parses");
    let mut failures = Vec::new();
    let (mut errors, mut safe) = (0, 0);
    for case in &corpus.case {
        match catch_unwind(AssertUnwindSafe(|| run_case(case))) {
            Ok(Ok(())) if case.expect == "error" => errors += 1,
            Ok(Ok(())) => safe += 1,
            Ok(Err(why)) => failures.push(format!("{}: {why}", case.name)),
            Err(_) => failures.push(format!("{}: panicked", case.name)),
        }
    }
    println!(
        "hostile corpus: {} cases ran ({errors} refused with the expected error, {safe} safe), {} failed",
        corpus.case.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        corpus.case.len() >= 35,
        "the corpus keeps at least 35 cases"
    );
}
