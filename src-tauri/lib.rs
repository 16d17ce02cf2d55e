//! Galley's desktop shell: a thin Tauri adapter over `galley-core`.
//!
//! Module map:
//! - `launch`    which workspace to open (`--workspace DIR` or the checkout's sample `drafts/`)
//! - `session`   the opened workspace, or why it could not be opened
//! - `commands`  the IPC commands (names in command_names.rs, one permission each)
//! - `commands_board`, `dto_board`  the issue board and export
//! - `commands_notes`  editorial notes on a commentary: read them, add one
//! - `commands_translation`  the translation editor: start a language, done with a paragraph, undo
//! - `commands_preview`, `commands_search`, `commands_xliff`  the live preview, the search box,
//!   the translation view's XLIFF buttons (native dialogs opened from Rust)
//! - `dto`, `dto_history`, `dto_translation`, `dto_records`, `dto_preview`, `dto_search`, `dto_xliff`  what the commands return (`dto_records`: who set a status or label, concurrent changes); `error` how errors cross IPC (`{kind, message}`)
//! - `watcher`   other programs' edits: recorded, then announced as an event
//! - `commands_settings`, `dto_settings`, `profile_store`  the Settings view: the user's profile
//!   (signs new versions) and the workspace's languages and sections
//! - `bindings`  the TypeScript twins of the DTOs (ui/src/ipc/bindings.ts)
//! - `commands_shell`, `dto_shell`  open a workspace (native dialog), recent ones, readiness,
//!   the menus' labels, the spell checker's language
//! - `commands_sync`, `dto_sync`  sharing through git: sync, its state, conflicts, setting
//!   sharing up, opening a shared workspace (a clone; the folder picked natively)
//! - `events`    every event emitted to the window, listed once (exported to TS)
//! - `switch`    replacing the open workspace (session, watcher, recent list, event)
//! - `recent`    where the recent-workspaces list is kept; `menu` the native menu bar
//! - `spelling`  the webview's spell checker in the open draft's language
//! - `rendering` whether WebKitGTK composites (not on a machine without a GPU)

pub mod bindings;
pub mod catch_up;
#[macro_use]
mod command_names;
pub mod commands;
pub mod commands_actions;
pub mod commands_board;
pub mod commands_notes;
pub mod commands_preview;
pub mod commands_search;
pub mod commands_settings;
pub mod commands_shell;
pub mod commands_sync;
pub mod commands_translation;
pub mod commands_xliff;
pub mod dto;
pub mod dto_actions;
pub mod dto_board;
pub mod dto_history;
pub mod dto_preview;
pub mod dto_records;
pub mod dto_search;
pub mod dto_settings;
pub mod dto_shell;
pub mod dto_sync;
pub mod dto_translation;
pub mod dto_xliff;
pub mod error;
pub mod events;
pub mod launch;
pub mod menu;
pub mod profile_store;
pub mod recent;
pub mod rendering;
pub mod session;
pub mod spelling;
pub mod switch;
pub mod watcher;

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};

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

/// `generate_handler!` over the one list in command_names.rs.
macro_rules! invoke_handler {
    ($($module:ident :: $command:ident),* $(,)?) => {
        tauri::generate_handler![$($module::$command),*]
    };
}

/// The app without its runtime: shared by `run` and the mock-runtime tests.
pub fn builder<R: Runtime>(builder: tauri::Builder<R>, session: Session) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(session)
        .manage(commands_board::ExportState::default())
        .setup(|app| {
            watcher::start(app.handle());
            profile_store::install(app.handle());
            Ok(())
        })
        .invoke_handler(with_commands!(invoke_handler))
}

/// The compiled-in configuration, capabilities and front end.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Tests set this to 1 so a test's app is never handed off to a Galley that is still running.
pub const ALLOW_SECOND_INSTANCE_ENV: &str = "GALLEY_ALLOW_SECOND_INSTANCE";

pub fn run() {
    let started = std::time::Instant::now();
    rendering::choose();
    let root = launch::workspace_from_args(std::env::args().skip(1))
        .unwrap_or_else(launch::default_workspace);
    // Single instance first: a second launch must hand off before anything else starts.
    let mut app = tauri::Builder::default();
    if std::env::var_os(ALLOW_SECOND_INSTANCE_ENV).is_none_or(|v| v != "1") {
        app = app.plugin(tauri_plugin_single_instance::init(second_launch));
    }
    let session = open_session(&root);
    let opened_after = started.elapsed();
    let app = builder(app, session)
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .menu(menu::build)
        .on_menu_event(menu::forward_event)
        .build(context());
    let app = match app {
        Ok(app) => app,
        Err(error) => {
            eprintln!("galley: the window could not be started: {error}");
            std::process::exit(1);
        }
    };
    app.manage(recent::RecentStore::at(recent_file(app.handle())));
    app.manage(spelling::Dictionaries::system());
    if let Ok(opened) = app
        .state::<Session>()
        .with(|ws| Ok(ws.root().to_path_buf()))
    {
        app.state::<recent::RecentStore>().remember(&opened);
    }
    menu::show_recent(app.handle());
    if commands_shell::ready_marker_wanted() {
        // The process's share of a start, beside the page's marks `ui_ready` prints.
        eprintln!(
            "galley: process marks workspace={} window={}",
            opened_after.as_millis(),
            started.elapsed().as_millis()
        );
    }
    app.run(|_, _| {});
}

/// The recent list lives in the app's config folder (or the temp folder when there is none).
fn recent_file<R: Runtime>(app: &AppHandle<R>) -> PathBuf {
    let dir = app.path().app_config_dir().unwrap_or_else(|error| {
        eprintln!("galley: no config folder ({error}); recent workspaces kept in the temp folder");
        std::env::temp_dir().join("galley")
    });
    dir.join(recent::RECENT_FILE)
}

/// Galley was launched again: bring this window forward; a `--workspace` for another folder
/// is put on the recent list and handed to the UI, which saves its draft and then opens it.
fn second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    let Some(folder) = launch::workspace_from_args(args.into_iter().skip(1)) else {
        return;
    };
    let folder = launch::absolute_in(Path::new(&cwd), &folder);
    let current = app
        .state::<Session>()
        .with(|ws| Ok(ws.root().to_path_buf()));
    if current.is_ok_and(|root| root == folder) {
        return;
    }
    app.state::<recent::RecentStore>().remember(&folder);
    menu::show_recent(app);
    menu::send(
        app,
        dto_shell::MenuAction {
            action: "open-recent".into(),
            path: Some(folder.display().to_string()),
        },
    );
}
