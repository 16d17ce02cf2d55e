//! Claims ARCHITECTURE.md makes about the shell, checked in its source (in the style of
//! rust-analyzer's tidy tests): "commands are thin: one core call each".

use crate::support::repo_root;

/// Workspace methods that read what is already open rather than doing work: the folder's root,
/// its settings, the folded records, and checking a path argument lies inside the workspace.
const ACCESSORS: [&str; 4] = ["root", "settings", "records", "resolve"];

/// Each `#[tauri::command]` function in `source`: its name and its body.
fn commands(source: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[tauri::command") {
        rest = &rest[at..];
        let name_at = rest.find("fn ").expect("a command is a function") + 3;
        let name: String = rest[name_at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        // The body starts at the first `{` after the parameter list closes.
        let params_end = rest[name_at..].find(")").expect("parameters") + name_at;
        let open = rest[params_end..].find('{').expect("a body") + params_end;
        let mut depth = 0;
        let mut end = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                end = open + i;
                break;
            }
        }
        found.push((name, rest[open..=end].to_string()));
        rest = &rest[end..];
    }
    found
}

/// The workspace methods `body` calls that do work (accessors left out).
fn core_calls(body: &str) -> Vec<String> {
    body.match_indices("ws.")
        .filter(|(at, _)| {
            !body[..*at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .filter_map(|(at, _)| {
            let method: String = body[at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            body[at + 3 + method.len()..]
                .starts_with('(')
                .then_some(method)
        })
        .filter(|method| !ACCESSORS.contains(&method.as_str()))
        .collect()
}

#[test]
fn every_command_makes_at_most_one_core_call() {
    let dir = repo_root().join("src-tauri");
    let mut seen = 0;
    let mut thick = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src-tauri") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("commands") && name.ends_with(".rs")) {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("read");
        for (command, body) in commands(&source) {
            seen += 1;
            let calls = core_calls(&body);
            if calls.len() > 1 {
                thick.push(format!("{name}: {command} calls {}", calls.join(", ")));
            }
        }
    }
    assert!(
        seen > 40,
        "only {seen} commands were found: the scan is broken"
    );
    assert!(
        thick.is_empty(),
        "commands must make one core call each (put the rule in the core):\n{}",
        thick.join("\n")
    );
}

#[test]
fn a_command_with_two_core_calls_would_be_noticed() {
    let source = r#"
        #[tauri::command(async)]
        pub fn thick(session: State<'_, Session>, id: String) -> Result<View, ErrorDto> {
            session.change(|ws| {
                ws.set_status(&id)?;
                let root = ws.root();
                Ok(ws.view(&id, root)?.into())
            })
        }
        #[tauri::command]
        pub fn thin(text: String) -> u32 { count(&text) }
    "#;
    let found = commands(source);
    assert_eq!(found.len(), 2);
    assert_eq!(core_calls(&found[0].1), ["set_status", "view"]);
    assert!(core_calls(&found[1].1).is_empty());
}
