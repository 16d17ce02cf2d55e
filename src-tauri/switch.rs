//! Switching the window to another workspace: the session opens it, the recent list and its
//! menu learn of it, the watcher follows it, and the UI hears `workspace-switched` and reloads.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::error::ErrorDto;
use crate::recent::RecentStore;
use crate::session::Session;
use crate::{menu, watcher};

/// The event the UI listens to; its payload is the new workspace's root.
pub const SWITCHED_EVENT: &str = "workspace-switched";

/// Opens `folder` (making it a workspace first when `init` is set) in place of the current one.
/// On failure nothing changes and the core's error is returned.
pub fn switch_to<R: Runtime>(
    app: &AppHandle<R>,
    folder: &Path,
    init: bool,
) -> Result<PathBuf, ErrorDto> {
    let root = app.state::<Session>().switch_to(folder, init)?;
    if let Some(recent) = app.try_state::<RecentStore>() {
        recent.remember(&root);
    }
    watcher::start(app);
    menu::show_recent(app);
    if let Err(error) = app.emit(SWITCHED_EVENT, root.display().to_string()) {
        eprintln!("galley: could not tell the window about the new workspace: {error}");
    }
    Ok(root)
}
