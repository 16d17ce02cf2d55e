//! The issue board's commands: the board itself, moves and editorial status (each returns the
//! board as it is now), and export. No command takes a path from the webview: an export goes
//! to `<workspace>/exports/<WEEK>.zip` or to what the native dialog (opened here) chose, and
//! "show in folder" opens only what this session exported.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::dto_board::{
    board_view, export_progress, export_result, parse_editorial, BoardView, ExportResult,
    ExportTarget, EXPORT_PROGRESS_EVENT,
};
use crate::error::{ErrorDto, ErrorKind};
use crate::session::Session;
use galley_core::draft::IsoWeek;
use galley_core::issue::readiness;
use galley_core::workspace::{ExportOptions, Step, Workspace};
use galley_core::ErrorKind as CoreKind;

/// Where this session's exports go and went.
#[derive(Default)]
pub struct ExportState {
    /// The dialog's last choice, for the week it was made for.
    chosen: Mutex<Option<(IsoWeek, PathBuf)>>,
    /// The last export (zip or folder): the only thing "show in folder" shows.
    last_export: Mutex<Option<PathBuf>>,
}

impl ExportState {
    fn chosen_for(&self, week: IsoWeek) -> Option<PathBuf> {
        let chosen = self.chosen.lock().ok()?;
        chosen
            .as_ref()
            .filter(|(w, _)| *w == week)
            .map(|(_, p)| p.clone())
    }
}

fn lock<T>(slot: &Mutex<T>) -> Result<MutexGuard<'_, T>, ErrorDto> {
    slot.lock().map_err(|_| {
        ErrorDto::new(
            ErrorKind::Internal,
            "an earlier export failed unexpectedly; restart Galley.",
        )
    })
}

/// Issue `week`: sections and commentaries in order, the language grid and readiness.
#[tauri::command(async)]
pub fn issue_board(session: State<'_, Session>, week: String) -> Result<BoardView, ErrorDto> {
    let week = parse_week(&week)?;
    session.with(|ws| board(ws, week))
}

/// Moves commentary `id` to `section` of issue `week` at `position` (0-based, counted without
/// it); reordering is a move within its section.
#[tauri::command(async)]
pub fn move_commentary(
    session: State<'_, Session>,
    week: String,
    id: String,
    section: String,
    position: u32,
) -> Result<BoardView, ErrorDto> {
    change_board(&session, &week, |ws, week| {
        ws.move_commentary(&id, week, Some(&section), Some(position as usize))
    })
}

/// Moves commentary `id` one place `up` or `down` within its section of issue `week`; the core
/// refuses a step past the section's edge (another section is `move_commentary`).
#[tauri::command(async)]
pub fn step_commentary(
    session: State<'_, Session>,
    week: String,
    id: String,
    direction: String,
) -> Result<BoardView, ErrorDto> {
    let step = match direction.as_str() {
        "up" => Step::Up,
        "down" => Step::Down,
        other => {
            return Err(ErrorDto::new(
                CoreKind::Invalid,
                format!("`{other}` is not a direction; use up or down."),
            ))
        }
    };
    change_board(&session, &week, |ws, _| ws.step_commentary(&id, step))
}

/// Sets commentary `id`'s editorial status (`draft`, `in-review`, `approved`).
#[tauri::command(async)]
pub fn set_editorial_status(
    session: State<'_, Session>,
    week: String,
    id: String,
    status: String,
) -> Result<BoardView, ErrorDto> {
    let status = parse_editorial(&status)?;
    change_board(&session, &week, |ws, _| {
        ws.set_editorial_status(&id, status, None)
    })
}

/// Sets issue `week`'s title in `lang` (writing the issue file, other titles from the
/// settings' patterns, when the week has none yet).
#[tauri::command(async)]
pub fn set_issue_title(
    session: State<'_, Session>,
    week: String,
    lang: String,
    title: String,
) -> Result<BoardView, ErrorDto> {
    change_board(&session, &week, |ws, week| {
        ws.set_issue_title(week, &lang, &title)
    })
}

/// Where an export of `week` goes by default: `<workspace>/exports/<WEEK>.zip`.
#[tauri::command(async)]
pub fn export_target(session: State<'_, Session>, week: String) -> Result<ExportTarget, ErrorDto> {
    let week = parse_week(&week)?;
    session.with(|ws| Ok(target(&default_target(ws, week), false)))
}

/// Opens the native dialog: a folder (the bundle goes into `<chosen>/<WEEK>`) or a zip file.
/// `null` when the user cancelled.
#[tauri::command(async)]
pub fn choose_export_target<R: Runtime>(
    app: AppHandle<R>,
    exports: State<'_, ExportState>,
    week: String,
    zip: bool,
) -> Result<Option<ExportTarget>, ErrorDto> {
    let week = parse_week(&week)?;
    let Some(dialog) = app.try_state::<tauri_plugin_dialog::Dialog<R>>() else {
        return Err(ErrorDto::new(
            ErrorKind::Unavailable,
            "the folder dialog is not available in this build; export to the default \
                      place inside the workspace.",
        ));
    };
    let picked = if zip {
        dialog
            .file()
            .add_filter("Zip", &["zip"])
            .set_file_name(format!("{week}.zip"))
            .blocking_save_file()
    } else {
        dialog.file().blocking_pick_folder()
    };
    let Some(picked) = picked else {
        return Ok(None);
    };
    let picked = picked.into_path().map_err(|e| {
        ErrorDto::new(
            CoreKind::Invalid,
            format!("the chosen place cannot be used as a path ({e}); choose another."),
        )
    })?;
    let path = chosen_path(picked, week, zip);
    *lock(&exports.chosen)? = Some((week, path.clone()));
    Ok(Some(target(&path, true)))
}

/// Exports issue `week` to the default place, or with `chosen` to the dialog's choice.
/// Progress arrives as `export-progress` events.
#[tauri::command(async)]
pub fn export_issue<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    exports: State<'_, ExportState>,
    week: String,
    only_complete: bool,
    chosen: bool,
) -> Result<ExportResult, ErrorDto> {
    let week = parse_week(&week)?;
    let chosen = if chosen {
        Some(exports.chosen_for(week).ok_or_else(|| {
            ErrorDto::new(
                CoreKind::Invalid,
                format!("no place was chosen for issue {week}; choose one or use the default."),
            )
        })?)
    } else {
        None
    };
    let result = session.change(|ws| {
        let out = chosen.unwrap_or_else(|| default_target(ws, week));
        let name = week.to_string();
        let report = ws.export_issue(week, &out, ExportOptions { only_complete }, &mut |step| {
            // Progress is a courtesy: a window that cannot hear it must not stop the export.
            let _ = app.emit(EXPORT_PROGRESS_EVENT, export_progress(&name, &step));
        })?;
        Ok(export_result(&report))
    })?;
    *lock(&exports.last_export)? = Some(PathBuf::from(&result.path));
    Ok(result)
}

/// Shows this session's last export (the zip or the bundle folder) selected in the system's
/// file manager.
#[tauri::command(async)]
pub fn show_export_folder(exports: State<'_, ExportState>) -> Result<(), ErrorDto> {
    let exported = lock(&exports.last_export)?.clone().ok_or_else(|| {
        ErrorDto::new(
            CoreKind::Invalid,
            "nothing was exported in this session yet; export the issue first.",
        )
    })?;
    tauri_plugin_opener::reveal_item_in_dir(&exported).map_err(|e| {
        ErrorDto::new(
            CoreKind::Io,
            format!(
                "could not show {} in the file manager: {e}",
                exported.display()
            ),
        )
    })
}

/// Makes `edit` to issue `week` (as the webview names it) and returns the board as it is
/// after it: every change made on the board answers with the whole board.
fn change_board<T>(
    session: &Session,
    week: &str,
    edit: impl FnOnce(&mut Workspace, IsoWeek) -> galley_core::Result<T>,
) -> Result<BoardView, ErrorDto> {
    let week = parse_week(week)?;
    session.change(|ws| {
        edit(ws, week)?;
        board(ws, week)
    })
}

fn board(ws: &Workspace, week: IsoWeek) -> Result<BoardView, ErrorDto> {
    let (view, board) = ws.issue_with_board(week)?;
    let keys: Vec<String> = ws
        .settings()
        .sections
        .iter()
        .map(|s| s.key.clone())
        .collect();
    Ok(board_view(
        &view,
        &board,
        &readiness(&board),
        &keys,
        ws.records(),
    ))
}

fn parse_week(week: &str) -> Result<IsoWeek, ErrorDto> {
    Ok(week.parse::<IsoWeek>()?)
}

/// `<workspace>/exports/<WEEK>.zip`: inside the workspace a bundle must be a zip, since a
/// folder's Markdown sources would be read as drafts (the core refuses that).
fn default_target(ws: &Workspace, week: IsoWeek) -> PathBuf {
    ws.root().join("exports").join(format!("{week}.zip"))
}

/// A picked folder gets a subfolder named by the week; a zip name gets `.zip` if it lacks it.
fn chosen_path(picked: PathBuf, week: IsoWeek, zip: bool) -> PathBuf {
    if !zip {
        return picked.join(week.to_string());
    }
    let has_zip = picked
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if has_zip {
        picked
    } else {
        let mut name = picked.into_os_string();
        name.push(".zip");
        PathBuf::from(name)
    }
}

fn target(path: &Path, chosen: bool) -> ExportTarget {
    ExportTarget {
        path: path.display().to_string(),
        zip: path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip")),
        chosen,
    }
}
