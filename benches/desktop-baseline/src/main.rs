//! A window showing one local page; the page calls `ready` once it has loaded, and that prints
//! the marker scripts/bench-desktop waits for.
//!
//! `desktop-baseline --editor FILE` shows a bare CodeMirror editor holding FILE's text instead
//! (page/editor.html), the peer of Galley's editor in the typing benchmark.

use tauri::{WebviewUrl, WebviewWindowBuilder};

/// `at`: ms since the page's navigation began (the benchmark splits the start time with it).
#[tauri::command]
fn ready(at: f64) {
    eprintln!("baseline: page marks ready={at:.0}");
    eprintln!("baseline: ready");
}

/// The text the editor page shows; empty for the plain page, which never asks.
struct BenchText(String);

#[tauri::command]
fn bench_text(text: tauri::State<'_, BenchText>) -> String {
    text.0.clone()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (page, text) = match args.as_slice() {
        [] => ("index.html", String::new()),
        [flag, file] if flag == "--editor" => match std::fs::read_to_string(file) {
            Ok(text) => ("editor.html", text),
            Err(error) => fail(&format!(
                "the text for the editor, {file}, could not be read: {error}"
            )),
        },
        _ => fail("expected no arguments, or --editor FILE"),
    };
    let app = tauri::Builder::default()
        .manage(BenchText(text))
        .invoke_handler(tauri::generate_handler![ready, bench_text])
        .setup(move |app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App(page.into()))
                .title("Baseline")
                .inner_size(1200.0, 780.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = app {
        fail(&format!("the window could not be started: {error}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("baseline: {message}");
    std::process::exit(1);
}
