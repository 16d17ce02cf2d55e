//! Galley's desktop shell: a thin Tauri adapter over `galley-core`.
//!
//! Module map:
//! - `launch`    which workspace to open (`--workspace DIR` or the checkout's sample `drafts/`)
//! - `session`   the opened workspace, or why it could not be opened
//! - `commands`  the IPC commands (names in command_names.rs, one permission each)
//! - `commands_board`, `dto_board`  the issue board and export
//! - `commands_preview`, `commands_search`, `commands_xliff`  the live preview, the search box,
//!   the translation view's XLIFF buttons (native dialogs opened from Rust)
//! - `dto`, `dto_history`, `dto_translation`, `dto_preview`, `dto_search`, `dto_xliff`  what the commands return; `error` how errors cross IPC (`{kind, message}`)
//! - `watcher`   other programs' edits: recorded, then announced as an event
//! - `commands_settings`, `dto_settings`, `profile_store`  the Settings view: the user's profile
//!   (signs new versions) and the workspace's languages and sections
//! - `bindings`  the TypeScript twins of the DTOs (ui/src/ipc/bindings.ts)

pub mod bindings;
mod command_names;
pub mod commands;
pub mod commands_board;
pub mod commands_preview;
pub mod commands_search;
pub mod commands_settings;
pub mod commands_xliff;
pub mod dto;
pub mod dto_board;
pub mod dto_history;
pub mod dto_preview;
pub mod dto_search;
pub mod dto_settings;
pub mod dto_translation;
pub mod dto_xliff;
pub mod error;
pub mod launch;
pub mod profile_store;
pub mod session;
pub mod watcher;

use std::path::Path;

use tauri::Runtime;

pub use command_names::COMMANDS;
use galley_core::workspace::Env;
pub use session::Session;

/// Opens the workspace at `root` with the system clock and the login name as author (the
/// profile's name replaces it in `setup`, see `profile_store`).
pub fn open_session(root: &Path) -> Session {
    Session::open(root, Env::system(author()))
}

fn author() -> String {
    std::env::var("GALLEY_AUTHOR")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// The app without its runtime: shared by `run` and the mock-runtime tests.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, session: Session) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(session)
        .manage(commands_board::ExportState::default())
        .manage(commands_search::SearchReady::default())
        .setup(|app| {
            watcher::start(app.handle());
            profile_store::install(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::open_workspace_info,
            commands::list_commentaries,
            commands::read_draft,
            commands::edit_fields,
            commands::save_draft,
            commands::list_versions,
            commands::diff_versions,
            commands::label_version,
            commands::restore_version,
            commands::translation_view,
            commands::set_translation_status,
            commands::translation_source_diff,
            commands::mark_minor,
            commands_settings::get_profile,
            commands_settings::set_profile,
            commands_settings::get_workspace_settings,
            commands_settings::update_workspace_settings,
            commands_board::issue_board,
            commands_board::move_commentary,
            commands_board::set_editorial_status,
            commands_board::export_target,
            commands_board::choose_export_target,
            commands_board::export_issue,
            commands_board::show_export_folder,
            commands_preview::render_preview,
            commands_search::search_drafts,
            commands_xliff::xliff_export,
            commands_xliff::xliff_import,
        ])
}

/// The compiled-in configuration, capabilities and front end.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

pub fn run() {
    let root = launch::workspace_from_args(std::env::args().skip(1))
        .unwrap_or_else(launch::default_workspace);
    let app = builder(tauri::Builder::default(), open_session(&root));
    if let Err(error) = app.run(context()) {
        eprintln!("galley: the window could not be started: {error}");
        std::process::exit(1);
    }
}
