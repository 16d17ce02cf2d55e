// Bad input gets one clear error on stderr, exit code 1, and changes nothing on disk.

use super::support::Sample;

/// Writes `bytes` as a draft into a copy of the sample, runs `galley check` and `galley record`,
/// and returns check's stderr+stdout; asserts both fail cleanly and the files are unchanged.
fn refused(name: &str, bytes: &[u8]) -> String {
    let sample = Sample::copy();
    let path = sample.root().join("2020-W20").join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = sample.snapshot();
    let check = sample.galley().arg("check").output().expect("run");
    assert_eq!(check.status.code(), Some(1), "check must fail for {name}");
    let text = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(text.contains(name), "the error must name the file: {text}");
    assert!(!text.contains("panicked"), "{text}");
    let show = sample
        .galley()
        .args(["show", &format!("2020-W20/{name}")])
        .output()
        .expect("run");
    assert_eq!(show.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&show.stderr);
    assert_eq!(stderr.lines().count(), 1, "one clear message: {stderr}");
    assert_eq!(sample.snapshot(), before, "nothing may change");
    text
}

#[test]
fn missing_front_matter_is_refused_with_line_and_field() {
    let text = refused("plain.be.md", b"Just text, no front matter.\n");
    assert!(text.contains("line 1"), "{text}");
    assert!(text.contains("---"), "{text}");
}

#[test]
fn unclosed_front_matter_is_refused() {
    let text = refused("open.be.md", b"---\nid: abcdefghij\nlang: be\n\nBody\n");
    assert!(text.contains("front matter"), "{text}");
}

#[test]
fn malformed_yaml_is_refused() {
    refused(
        "broken.be.md",
        b"---\nid: abcdefghij\nlang: be\ntitle: [unclosed\n---\nBody\n",
    );
}

#[test]
fn unknown_trend_is_refused_naming_the_allowed_values() {
    let text = refused(
        "trend.be.md",
        b"---\nid: abcdefghij\nlang: be\ntrend: sideways\n---\nBody\n",
    );
    assert!(text.contains("line 4"), "{text}");
    assert!(text.contains("deteriorated"), "{text}");
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut yaml =
        String::from("---\nid: abcdefghij\nlang: be\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..9 {
        let prev = (b'a' + i) as char;
        let next = (b'a' + i + 1) as char;
        yaml.push_str(&format!("{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    yaml.push_str("---\nBody\n");
    let text = refused("bomb.be.md", yaml.as_bytes());
    assert!(text.contains("alias") || text.contains("anchor"), "{text}");
}

#[test]
fn deep_nesting_is_refused() {
    let yaml = format!(
        "---\nid: abcdefghij\nlang: be\nx: {}{}\n---\nBody\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    refused("deep.be.md", yaml.as_bytes());
}

#[test]
fn invalid_utf8_is_refused() {
    let text = refused(
        "latin1.be.md",
        b"---\nid: abcdefghij\nlang: be\ntitle: caf\xe9\n---\nBody\n",
    );
    assert!(text.contains("UTF-8"), "{text}");
}

#[test]
fn binary_file_is_refused() {
    refused(
        "image.be.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
}

#[test]
fn fifty_megabyte_file_is_refused() {
    let mut big = b"---\nid: abcdefghij\nlang: be\n---\n".to_vec();
    big.resize(50 * 1024 * 1024, b'a');
    let text = refused("huge.be.md", &big);
    assert!(text.contains("limit"), "{text}");
}

#[test]
fn missing_workspace_is_one_clear_error() {
    let sample = Sample::empty();
    let missing = sample.root().join("nope");
    let out = assert_cmd::Command::cargo_bin("galley")
        .expect("bin")
        .arg("--workspace")
        .arg(&missing)
        .arg("list")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("nope") && stderr.contains("galley init"),
        "{stderr}"
    );
}

#[test]
fn path_outside_the_workspace_is_refused() {
    let sample = Sample::copy();
    let before = sample.snapshot();
    for path in ["../outside.be.md", "/etc/hostname"] {
        let out = sample.galley().args(["show", path]).output().expect("run");
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("outside the workspace"), "{stderr}");
        let save = sample
            .galley()
            .args(["save", path])
            .write_stdin("---\nid: abcdefghij\nlang: be\n---\n")
            .output()
            .expect("run");
        assert_eq!(save.status.code(), Some(1));
    }
    assert_eq!(sample.snapshot(), before);
}

#[test]
fn restoring_a_missing_version_is_one_clear_error() {
    let sample = Sample::copy();
    let out = sample
        .galley()
        .args(["restore", "424242"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("424242"), "{stderr}");
}
