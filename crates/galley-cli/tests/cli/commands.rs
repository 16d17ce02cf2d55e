// Each command on a copy of the sample workspace: output, JSON shape, exit codes.

use super::support::Sample;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn list_json_names_every_sample_draft() {
    let sample = Sample::copy();
    let listing = sample.json(&["list"]);
    let drafts = listing["drafts"].as_array().expect("drafts");
    let on_disk = sample
        .snapshot()
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "md"))
        .count();
    assert_eq!(drafts.len(), on_disk);
    assert!(
        on_disk >= 18,
        "the sample has 6+ commentaries in 3 languages"
    );
    for d in drafts {
        for field in [
            "id",
            "lang",
            "path",
            "title",
            "trend",
            "section",
            "issue",
            "authors",
            "translation_of",
            "words",
        ] {
            assert!(d.get(field).is_some(), "missing {field} in {d}");
        }
    }
    assert_eq!(listing["problems"].as_array().map(Vec::len), Some(0));
}

#[test]
fn new_prints_the_path_of_the_file_it_created() {
    let sample = Sample::copy();
    let out = sample
        .galley()
        .args([
            "new",
            "--title",
            "Water prices",
            "--lang",
            "en",
            "--issue",
            "2020-W21",
            "--section",
            "economy",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8(out.stdout).expect("utf8");
    assert_eq!(path.trim(), "2020-W21/water-prices.en.md");
    assert!(sample.root().join(path.trim()).is_file());
    sample.galley().arg("check").assert().success();
}

#[test]
fn show_prints_title_and_lead_and_json_has_the_body() {
    let sample = Sample::copy();
    let first = sample.json(&["list"])["drafts"][0].clone();
    let path = first["path"].as_str().expect("path");
    sample
        .galley()
        .args(["show", path])
        .assert()
        .success()
        .stdout(contains(first["title"].as_str().expect("title")));
    let shown = sample.json(&["show", path]);
    assert_eq!(shown["id"], first["id"]);
    assert!(shown["body"].as_str().is_some_and(|b| !b.trim().is_empty()));
}

#[test]
fn record_then_edit_then_log_diff_and_restore() {
    let sample = Sample::copy();
    let recorded = sample.json(&["record"]);
    assert!(recorded["recorded"]
        .as_array()
        .is_some_and(|r| r.len() >= 18));
    assert_eq!(
        sample.json(&["record"])["recorded"]
            .as_array()
            .map(Vec::len),
        Some(0),
        "second record is a no-op"
    );

    let path = sample.json(&["list"])["drafts"][0]["path"]
        .as_str()
        .expect("path")
        .to_string();
    let file = sample.root().join(&path);
    let original = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{original}\nAn added closing sentence.\n")).expect("edit");

    let diff = sample
        .galley()
        .args(["diff", &path, "--color", "never"])
        .output()
        .expect("diff");
    let diff_text = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff_text.contains("{+An added closing sentence.+}"),
        "{diff_text}"
    );
    assert!(diff_text.contains("+4 words"), "{diff_text}");

    sample.json(&["record"]);
    let log = sample.json(&["log", &path]);
    let versions = log["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2);
    // An edit made outside Galley on this machine is signed by this machine's user.
    assert_eq!(versions[0]["author"], "Tester");
    assert_eq!(versions[0]["origin"], "external");
    assert_eq!(versions[0]["sha256"], versions[0]["hash"]);
    let first_id = versions[1]["id"].as_i64().expect("id");

    let restored = sample.json(&["restore", &first_id.to_string()]);
    assert_eq!(restored["version"]["restored_from"], first_id);
    assert_eq!(restored["version"]["author"], "Tester");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), original);
    assert_eq!(
        sample.json(&["log", &path])["versions"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
}

#[test]
fn label_names_a_version() {
    let sample = Sample::copy();
    let recorded = sample.json(&["record"]);
    let id = recorded["recorded"][0]["version"]["id"]
        .as_i64()
        .expect("id");
    let labelled = sample.json(&["label", &id.to_string(), "sent to editor"]);
    assert_eq!(labelled["version"]["label"], "sent to editor");
}

#[test]
fn save_with_a_stale_base_is_a_conflict_that_keeps_both() {
    let sample = Sample::copy();
    sample.json(&["record"]);
    let path = sample.json(&["list"])["drafts"][0]["path"]
        .as_str()
        .expect("path")
        .to_string();
    let file = sample.root().join(&path);
    let loaded = std::fs::read_to_string(&file).expect("read");
    let base = sample.json(&["log", &path])["versions"][0]["hash"]
        .as_str()
        .expect("hash")
        .to_string();
    std::fs::write(&file, format!("{loaded}\nTheirs.\n")).expect("edit");
    let ours = format!("{loaded}\nOurs.\n");
    let out = sample
        .galley()
        .args(["save", &path, "--base", &base, "--json"])
        .write_stdin(ours)
        .output()
        .expect("save");
    assert_eq!(out.status.code(), Some(1));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(result["conflict"]["theirs"]["origin"], "external");
    assert_eq!(result["conflict"]["ours"]["origin"], "conflict");
    assert!(std::fs::read_to_string(&file)
        .expect("read")
        .ends_with("Theirs.\n"));
}

#[test]
fn check_passes_on_the_sample_warning_of_empty_required_fields_and_init_makes_a_workspace() {
    // The sample's Russian schools commentary has no trend yet: a warning, not a failure.
    Sample::copy()
        .galley()
        .arg("check")
        .assert()
        .success()
        .stdout(contains(
            "warning: 2020-W21/school-exams-on-schedule.ru.md: no `trend`; fill it in before the week is published\n\
             No problems; 1 draft with empty required fields.",
        ));
    let empty = Sample::empty();
    empty.galley().arg("init").assert().success();
    assert!(empty.root().join(".galley/settings.toml").is_file());
    empty.galley().arg("list").assert().success();
}

#[test]
fn usage_errors_exit_with_2() {
    Sample::copy().galley().arg("frobnicate").assert().code(2);
    Sample::copy()
        .galley()
        .args(["restore", "not-a-number"])
        .assert()
        .code(2);
}

#[test]
fn check_deep_reads_back_all_history_and_names_a_damaged_version() {
    let sample = Sample::copy();
    sample.json(&["record"]);
    sample.galley().args(["check", "--deep"]).assert().success();

    // Damage one stored text behind Galley's back: overwrite its compressed bytes.
    let db = rusqlite::Connection::open(sample.root().join(".galley/history.db")).expect("db");
    let (version, text_id): (i64, i64) = db
        .query_row(
            "SELECT id, text_id FROM versions WHERE text_id IS NOT NULL ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a stored text");
    db.execute(
        "UPDATE texts SET data = zeroblob(64) WHERE id = ?1",
        [text_id],
    )
    .expect("damage");
    drop(db);
    let out = sample
        .galley()
        .args(["check", "--deep", "--json"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "damage must fail the deep check"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let problems = report["problems"].as_array().expect("problems");
    let named = format!("version {version}");
    assert!(
        problems
            .iter()
            .any(|p| p["kind"] == "corrupt"
                && p["message"].as_str().is_some_and(|m| m.contains(&named))),
        "the damaged {named} is reported: {report}"
    );
    // The shallow check only reads the files, which are intact.
    sample.galley().arg("check").assert().success();
}

#[test]
fn a_damaged_history_is_reported_on_open_and_check_deep_passes_afterwards() {
    let sample = Sample::copy();
    sample.json(&["record"]);
    let before = sample.snapshot();
    let db = sample.root().join(".galley/history.db");
    let mut bytes = std::fs::read(&db).expect("read db");
    let start = (bytes.len() / 4096 / 2) * 4096;
    for b in &mut bytes[start..start + 64] {
        *b ^= 0xA5;
    }
    std::fs::write(&db, bytes).expect("damage");
    let out = sample.galley().arg("check").output().expect("run");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("The history database was damaged"), "{said}");
    assert!(said.contains("history.db.damaged-"), "{said}");
    assert!(said.contains("Saved:"), "{said}");
    // The drafts are untouched; the damaged copy sits beside the new history.
    let after: Vec<_> = sample
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(after, before);
    let out = sample
        .galley()
        .args(["check", "--deep"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("damaged"),
        "the second open finds nothing wrong"
    );
}

#[test]
fn diff_and_restore_refuse_a_version_of_another_draft_naming_both() {
    let sample = Sample::copy();
    sample.json(&["record"]);
    let en = "2020-W21/key-rate-cut.en.md";
    let other = "2020-W21/gas-price-talks-stall.en.md";
    let theirs = sample.json(&["log", other]);
    let foreign = theirs["versions"][0]["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let foreign_hash = theirs["versions"][0]["sha256"].as_str().expect("hash")[..10].to_string();
    for version in [&foreign, &foreign_hash] {
        sample
            .galley()
            .args(["diff", en, version])
            .assert()
            .code(1)
            .stderr(
                contains(format!("it is a version of {other}"))
                    .and(contains(format!("not of {en}"))),
            );
        sample
            .galley()
            .args(["restore", en, version])
            .assert()
            .code(1)
            .stderr(contains(format!("it is a version of {other}")));
    }
    let before = std::fs::read_to_string(sample.root().join(en)).expect("read");
    // The draft's own versions still work, by number or hash, with the path named.
    let ours = sample.json(&["log", en]);
    let own = ours["versions"][0]["id"].as_i64().expect("id").to_string();
    sample.galley().args(["diff", en, &own]).assert().success();
    sample.json(&["restore", en, &own]);
    assert_eq!(
        std::fs::read_to_string(sample.root().join(en)).expect("read"),
        before
    );
    sample
        .galley()
        .args(["restore", en, "zz12"])
        .assert()
        .code(2);
}

/// Runs `galley new` in `sample` with `XDG_CONFIG_HOME` at `config` and without
/// `$GALLEY_AUTHOR`, and returns who the first version is signed by.
fn first_author_with_config(sample: &Sample, config: &std::path::Path, flag: &[&str]) -> String {
    let out = sample
        .galley()
        .env_remove("GALLEY_AUTHOR")
        .env("XDG_CONFIG_HOME", config)
        .env("USER", "login-name")
        .args(flag)
        .args([
            "new",
            "--title",
            "Water prices",
            "--lang",
            "en",
            "--issue",
            "2020-W21",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8(out.stdout).expect("utf8");
    let log = sample.json(&["log", path.trim()]);
    log["versions"][0]["author"]
        .as_str()
        .expect("author")
        .to_string()
}

#[test]
fn versions_are_signed_with_the_desktop_apps_profile_name_as_in_the_app() {
    let sample = Sample::copy();
    let config = tempfile::tempdir().expect("temp dir");
    let folder = config.path().join(galley_core::profile::APP_IDENTIFIER);
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("profile.toml"), "name = \"Ганна Жук\"\n").expect("profile");
    assert_eq!(
        first_author_with_config(&sample, config.path(), &[]),
        "Ганна Жук"
    );

    let other = Sample::copy();
    assert_eq!(
        first_author_with_config(&other, config.path(), &["--author", "ci"]),
        "ci",
        "an explicit author still comes first"
    );
    let nameless = Sample::copy();
    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        first_author_with_config(&nameless, empty.path(), &[]),
        "login-name",
        "without a profile, the login name"
    );
}
