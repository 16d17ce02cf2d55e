//! Watching the workspace folder for edits made by other programs. The watcher only reports
//! *which paths* may have changed (or that events were lost); deciding what changed is the
//! reconciler's job, by content hash, so a missed or duplicated event can never corrupt history.

use crate::error::{Error, Result};
use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// What one debounced burst of file-system activity touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WatchBatch {
    /// Absolute paths that were created, changed, removed or renamed (either side).
    pub paths: BTreeSet<PathBuf>,
    /// Events were lost (overflow or a rescan request): the whole folder must be reconciled.
    pub rescan: bool,
    /// Errors the watcher reported; the batch still asks for a rescan when there are any.
    pub errors: Vec<String>,
}

/// Keeps the OS watch alive; dropping it stops watching and closes the receiver.
pub struct FolderWatcher {
    _debouncer: Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>,
}

/// Starts watching `root` recursively. Activity inside hidden folders (Galley's own `.galley`,
/// `.git`) is ignored; hidden *files* are kept, since editors save through hidden temp files.
pub fn watch(root: &Path, debounce: Duration) -> Result<(FolderWatcher, Receiver<WatchBatch>)> {
    let (tx, rx) = channel();
    let root_owned = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let batch = batch_from(&root_owned, result);
        if !batch.paths.is_empty() || batch.rescan {
            let _ = tx.send(batch);
        }
    };
    let mut debouncer = new_debouncer(debounce, None, handler).map_err(watch_error)?;
    debouncer
        .watch(root, RecursiveMode::Recursive)
        .map_err(watch_error)?;
    Ok((
        FolderWatcher {
            _debouncer: debouncer,
        },
        rx,
    ))
}

fn batch_from(root: &Path, result: DebounceEventResult) -> WatchBatch {
    let mut batch = WatchBatch::default();
    match result {
        Ok(events) => {
            for event in events {
                batch.rescan |= event.need_rescan();
                for path in &event.paths {
                    if !in_hidden_folder(root, path) {
                        batch.paths.insert(path.clone());
                    }
                }
            }
        }
        Err(errors) => {
            batch.rescan = true;
            batch.errors = errors.iter().map(|e| e.to_string()).collect();
        }
    }
    batch
}

fn in_hidden_folder(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let mut parts: Vec<_> = rel.components().collect();
    parts.pop();
    parts
        .iter()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

fn watch_error(e: notify_debouncer_full::notify::Error) -> Error {
    Error::Watch {
        message: format!("{e}. External edits will not be noticed until `galley record` runs."),
    }
}
