//! Every command that takes a path refuses one outside the workspace. The list of such commands
//! is read from the sources, so a new command with a `path` argument is covered (or this test
//! fails and says which command it could not call).

use serde_json::json;

use crate::support::{repo_root, sample_workspace, TestApp};

/// Commands whose path names a workspace folder rather than a file in the open one, with the
/// error kind they give a path that is not on the recent list (they never open arbitrary paths).
const FOLDER_COMMANDS: &[(&str, &str)] = &[("open_recent", "invalid")];

/// Names of `#[tauri::command]` functions in src-tauri/commands*.rs with a `path` parameter.
fn commands_taking_a_path() -> Vec<String> {
    let mut found = Vec::new();
    let dir = repo_root().join("src-tauri");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read src-tauri")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("commands") && name.ends_with(".rs")
        })
        .collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("read a commands file");
        for block in source.split("#[tauri::command").skip(1) {
            let Some(after_fn) = block.split_once("pub fn ").map(|(_, rest)| rest) else {
                continue;
            };
            let Some((name, rest)) = after_fn.split_once('(') else {
                continue;
            };
            let params = rest.split_once(") ->").map_or(rest, |(params, _)| params);
            if params.split(',').any(|p| p.trim().starts_with("path:")) {
                let name = name.split('<').next().unwrap_or(name);
                found.push(name.trim().to_string());
            }
        }
    }
    found
}

#[test]
fn the_source_scan_finds_the_commands_known_to_take_a_path() {
    let found = commands_taking_a_path();
    for known in [
        "read_draft",
        "save_draft",
        "list_versions",
        "render_preview",
        "xliff_import",
    ] {
        assert!(found.iter().any(|f| f == known), "{known} in {found:?}");
    }
}

#[test]
fn every_command_taking_a_path_refuses_one_outside_the_workspace() {
    let workspace = sample_workspace();
    let elsewhere = tempfile::tempdir().expect("a second temp dir");
    let outside_file = elsewhere.path().join("outside.en.md");
    std::fs::write(
        &outside_file,
        "---\nid: outside\nlang: en\n---\nnot yours\n",
    )
    .expect("write");
    let app = TestApp::open(workspace.path());
    let fields = json!({ "title": "T", "trend": null, "authors": [], "lead": "", "section": null,
        "issue": null, "tags": [] });

    let commands = commands_taking_a_path();
    for cmd in &commands {
        for path in [
            "../escape.en.md".to_string(),
            "2020-W20/../../escape.en.md".to_string(),
            outside_file.display().to_string(),
        ] {
            // A superset of every path command's other arguments; unused ones are ignored.
            let args = json!({ "path": path, "text": "---\nid: x\nlang: en\n---\n",
                "fields": fields, "loadedHash": null, "side": "ours",
                "choices": { "theirsParagraphs": [], "theirsFields": [] } });
            let error = app
                .invoke(cmd, args)
                .expect_err(&format!("{cmd} refuses {path}"));
            let expected = FOLDER_COMMANDS
                .iter()
                .find(|(name, _)| name == cmd)
                .map_or("outside_workspace", |(_, kind)| kind);
            assert_eq!(error["kind"], expected, "{cmd} {path}: {error}");
        }
    }
    assert!(!workspace.path().join("../escape.en.md").exists());
    assert_eq!(
        std::fs::read_to_string(&outside_file).expect("read"),
        "---\nid: outside\nlang: en\n---\nnot yours\n"
    );
}
