//! A folder the cache has not seen (a freshly cloned archive) read in the background: the
//! library shows what the core read within its budget (`LIBRARY_BUDGET`), and a thread reads
//! the rest on a handle of its own (`Workspace::catch_up_folder`), telling the window
//! `catch-up-progress`, then `workspace-changed` so the library reloads whole.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use crate::session::Session;
use crate::watcher::{FolderChanges, CHANGED_EVENT};
use galley_core::workspace::Workspace;

/// The event the UI listens to; its payload is a [`CatchUpProgress`].
pub const PROGRESS_EVENT: &str = "catch-up-progress";

/// How far the background reading of the folder has come.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatchUpProgress {
    /// Drafts read (or found unchanged in the cache) so far.
    pub done: u32,
    /// Drafts in the folder.
    pub total: u32,
}

/// The workspace whose folder is being read, if any (one reader per workspace).
#[derive(Default)]
pub struct CatchUpState(Mutex<Option<PathBuf>>);

/// Starts reading `root`'s uncached drafts on a thread, unless that is under way already.
/// A failure only costs the wait (the next listing reads the rest), so it goes to stderr.
pub fn start<R: Runtime>(app: &AppHandle<R>, root: PathBuf) {
    if app.try_state::<CatchUpState>().is_none() {
        app.manage(CatchUpState::default());
    }
    {
        let state = app.state::<CatchUpState>();
        let mut running = match state.0.lock() {
            Ok(running) => running,
            Err(poisoned) => poisoned.into_inner(),
        };
        if running.as_ref() == Some(&root) {
            return;
        }
        *running = Some(root.clone());
    }
    let env = app.state::<Session>().env();
    let app = app.clone();
    std::thread::spawn(move || {
        let read = Workspace::open_unchecked(&root, env).and_then(|ws| {
            ws.catch_up_folder(&mut |done, total| {
                let progress = CatchUpProgress {
                    done: u32::try_from(done).unwrap_or(u32::MAX),
                    total: u32::try_from(total).unwrap_or(u32::MAX),
                };
                // A courtesy: a window that cannot hear it must not stop the reading.
                let _ = app.emit(PROGRESS_EVENT, progress);
            })
        });
        if let Err(error) = read {
            eprintln!("galley: reading {} failed: {error}", root.display());
        }
        let state = app.state::<CatchUpState>();
        if let Ok(mut running) = state.0.lock() {
            *running = None;
        }
        // The app's own doing: every view reloads, the open draft (whose file did not change)
        // is left alone.
        if let Err(error) = app.emit(CHANGED_EVENT, FolderChanges::by_app()) {
            eprintln!("galley: could not tell the window the library is whole: {error}");
        }
    });
}
