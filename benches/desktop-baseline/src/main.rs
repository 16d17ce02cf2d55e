//! A window showing one local page; the page calls `ready` once it has loaded, and that prints
//! the marker scripts/bench-desktop waits for.

#[tauri::command]
fn ready() {
    eprintln!("baseline: ready");
}

fn main() {
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("baseline: the window could not be started: {error}");
        std::process::exit(1);
    }
}
