//! XLIFF buttons of the translation view. The job is written to `<workspace>/exports/xliff/`
//! by default; a file elsewhere is only ever chosen in a native dialog opened here, never a
//! path sent by the webview. Paths the webview sends are workspace-relative and resolved by
//! the core, which refuses any outside the workspace.

use std::io::Read;
use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::dto_xliff::{XliffImported, XliffSaved};
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::atomic::write_atomic;
use galley_core::xliff::MAX_XLIFF_BYTES;
use galley_core::Error;

/// Where exported jobs go unless the user picks another place.
pub const XLIFF_EXPORT_DIR: &str = "exports/xliff";

/// Exports commentary `id`'s job into `lang`. With `choose`, a native save dialog picks the
/// file (`null` when cancelled); otherwise it goes to `exports/xliff/` in the workspace.
#[tauri::command(async)]
pub fn xliff_export<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    id: String,
    lang: String,
    choose: bool,
) -> Result<Option<XliffSaved>, ErrorDto> {
    let (export, default) = session.with_mut(|ws| {
        let export = ws.xliff_export(&id, &lang)?;
        let rel = format!("{XLIFF_EXPORT_DIR}/{}", export.file_name);
        Ok((export, ws.resolve(Path::new(&rel))?))
    })?;
    let (abs, shown) = if choose {
        // The lock is released: other commands run while the dialog is open.
        let picked = app
            .dialog()
            .file()
            .add_filter("XLIFF", &["xlf", "xliff"])
            .set_file_name(&export.file_name)
            .blocking_save_file();
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        let shown = path.display().to_string();
        (path, shown)
    } else {
        (default.abs, default.rel)
    };
    write_file(&abs, export.xml.as_bytes())?;
    Ok(Some(XliffSaved {
        path: shown,
        file_name: export.file_name,
    }))
}

/// Imports a translated job: the workspace-relative `path`, or (when `null`) a file picked in
/// a native open dialog (`null` result when cancelled). The core checks it against the job as
/// it stands now and refuses, changing nothing, when it does not fit.
#[tauri::command(async)]
pub fn xliff_import<R: Runtime>(
    app: AppHandle<R>,
    session: State<'_, Session>,
    path: Option<String>,
) -> Result<Option<XliffImported>, ErrorDto> {
    let (abs, name) = match path {
        Some(rel) => {
            let target = session.with(|ws| Ok(ws.resolve(Path::new(&rel))?))?;
            (target.abs, target.rel)
        }
        None => {
            let picked = app
                .dialog()
                .file()
                .add_filter("XLIFF", &["xlf", "xliff"])
                .blocking_pick_file();
            let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
                return Ok(None);
            };
            let name = path.display().to_string();
            (path, name)
        }
    };
    let xml = read_xliff(&abs, &name)?;
    session.change(|ws| Ok(Some((&ws.xliff_import(&xml, &name)?).into())))
}

fn write_file(abs: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(dir) = abs.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create the folder",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    write_atomic(abs, bytes)
}

/// The file's text; reads at most one byte past the core's limit so it can refuse a huge file
/// without loading it.
fn read_xliff(abs: &Path, name: &str) -> Result<String, Error> {
    let io = |source| Error::Io {
        action: "read",
        path: PathBuf::from(name),
        source,
    };
    let file = std::fs::File::open(abs).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_XLIFF_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_XLIFF_BYTES {
        // Cut mid-character, maybe: the core refuses it for its size, not its encoding.
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: PathBuf::from(name),
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}
