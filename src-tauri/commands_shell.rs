//! The shell's IPC commands: open a workspace (native folder dialog, opened from Rust), reopen a
//! recent one (only folders on the recent list), list the recent ones, the UI's readiness, the
//! menus' labels in the UI's language and the spell checker's language.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State, Webview};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::dto_shell::{InitPrompt, OpenOutcome, RecentEntry};
use crate::error::{ErrorDto, ErrorKind};
use crate::recent::RecentStore;
use crate::spelling::{self, Dictionaries, SpellingView};
use crate::switch::switch_to;
use galley_core::workspace::STATE_DIR;
use galley_core::ErrorKind as CoreKind;

/// With this set to 1, `ui_ready` prints a marker on stderr (scripts/bench-desktop times it).
pub const READY_MARKER_ENV: &str = "GALLEY_READY_MARKER";
pub const READY_MARKER: &str = "galley: ui ready";

/// The recent workspaces, most recent first; missing folders are marked.
#[tauri::command(async)]
pub fn list_recent(recent: State<'_, RecentStore>) -> Vec<RecentEntry> {
    recent
        .load()
        .entries()
        .iter()
        .map(RecentEntry::from)
        .collect()
}

/// Asks for a folder with the native dialog; a folder that is not a workspace yet is offered
/// to be made one (asked natively, in the UI's words). `opened` is null when the user cancels.
#[tauri::command(async)]
pub fn open_workspace<R: Runtime>(
    app: AppHandle<R>,
    prompt: InitPrompt,
) -> Result<OpenOutcome, ErrorDto> {
    let Some(folder) = pick_folder(&app, &prompt.title)? else {
        return Ok(OpenOutcome { opened: None });
    };
    let init = !folder.join(STATE_DIR).is_dir();
    if init && !confirm_init(&app, &prompt, &folder) {
        return Ok(OpenOutcome { opened: None });
    }
    opened(switch_to(&app, &folder, init))
}

/// Reopens a folder from the recent list. Any other path is refused: the webview may not
/// point the app at arbitrary folders.
#[tauri::command(async)]
pub fn open_recent<R: Runtime>(
    app: AppHandle<R>,
    recent: State<'_, RecentStore>,
    path: String,
) -> Result<OpenOutcome, ErrorDto> {
    let folder = PathBuf::from(&path);
    if !recent.load().contains(&folder) {
        return Err(ErrorDto::new(CoreKind::Invalid, format!(
                "{path} is not in the list of recent workspaces; open it with File ▸ Open Workspace…"
            )));
    }
    opened(switch_to(&app, &folder, false))
}

/// The UI calls this once its first screen is drawn, with the page's timing marks (ms since
/// the page's navigation began), which the benchmark prints to show where a start's time went.
#[tauri::command]
pub fn ui_ready(marks: Vec<(String, f64)>) {
    if ready_marker_wanted() {
        let marks: Vec<String> = marks
            .iter()
            .map(|(name, at)| format!("{name}={at:.0}"))
            .collect();
        eprintln!("galley: page marks {}", marks.join(" "));
        eprintln!("{READY_MARKER}");
    }
}

/// Whether the benchmark asked for the ready marker and the timing lines beside it.
pub fn ready_marker_wanted() -> bool {
    std::env::var_os(READY_MARKER_ENV).is_some_and(|v| v == "1")
}

/// File ▸ Quit, after the UI saved the open draft.
#[tauri::command]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

fn confirm_init<R: Runtime>(app: &AppHandle<R>, prompt: &InitPrompt, folder: &Path) -> bool {
    app.dialog()
        .message(
            prompt
                .question
                .replace("{folder}", &folder.display().to_string()),
        )
        .title(&prompt.title)
        .kind(MessageDialogKind::Info)
        .buttons(MessageDialogButtons::OkCancelCustom(
            prompt.confirm.clone(),
            prompt.cancel.clone(),
        ))
        .blocking_show()
}

fn opened(switched: Result<PathBuf, ErrorDto>) -> Result<OpenOutcome, ErrorDto> {
    switched.map(|root| OpenOutcome {
        opened: Some(root.display().to_string()),
    })
}

/// A folder chosen in the native dialog (opened from Rust: the webview never names one), or
/// `None` when the user cancels.
pub(crate) fn pick_folder<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
) -> Result<Option<std::path::PathBuf>, ErrorDto> {
    let Some(picked) = app.dialog().file().set_title(title).blocking_pick_folder() else {
        return Ok(None);
    };
    picked.into_path().map(Some).map_err(|error| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("the chosen folder cannot be used: {error}"),
        )
    })
}

/// The menu bar in the UI's language: `labels` are the catalogue's `menu_<id>` messages by menu
/// id (see menu.rs); an id without one stays English.
#[tauri::command]
pub fn set_menu_labels<R: Runtime>(
    app: AppHandle<R>,
    labels: HashMap<String, String>,
) -> Result<(), ErrorDto> {
    crate::menu::relabel(&app, &labels).map_err(|error| {
        ErrorDto::new(
            ErrorKind::Unavailable,
            format!("The menus could not be shown in the chosen language: {error}"),
        )
    })
}

/// The editor opened a draft in `lang`: the spell checker checks that language (or nothing when
/// `enabled` is false), and the answer says whether it can.
#[tauri::command]
pub fn set_spelling<R: Runtime>(
    webview: Webview<R>,
    dictionaries: State<'_, Dictionaries>,
    lang: String,
    enabled: bool,
) -> Result<SpellingView, ErrorDto> {
    let view = dictionaries.choose(&lang, enabled);
    spelling::apply(&webview, view.languages()).map_err(|error| {
        ErrorDto::new(
            ErrorKind::Unavailable,
            format!("The spell checker could not be switched to {lang}: {error}"),
        )
    })?;
    Ok(view)
}
