//! Watching the workspace folder for edits made by other programs. The watcher only reports
//! *which paths* may have changed (or that events were lost); deciding what changed is the
//! reconciler's job, by content hash, so a missed or duplicated event can never corrupt history.

use crate::error::{Error, Result};
use notify::event::{EventKind, ModifyKind};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
pub use notify_debouncer_full::notify;
use notify_debouncer_full::{new_debouncer_opt, DebounceEventResult, NoCache};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
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

/// How the folder is being watched, for the shells to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMode {
    /// The operating system reports each change as it happens.
    Native,
    /// The OS watch could not be set up (typically the inotify watch limit); the folder is
    /// scanned every `interval` instead. `reason` is a sentence for the user.
    Polling { interval: Duration, reason: String },
}

/// How often the polling fallback scans the folder.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

/// How long a burst of activity is gathered into one batch, the same in every shell: short
/// enough to feel immediate, long enough to see an editor's save as one change.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// Set to `poll` to scan the folder instead of asking the OS (a network share, a test).
pub const POLL_VARIABLE: &str = "GALLEY_WATCH";

/// Keeps the watch alive; dropping it stops watching and closes the receiver.
pub struct FolderWatcher {
    _debouncer: Box<dyn std::any::Any + Send>,
    mode: WatchMode,
}

impl FolderWatcher {
    pub fn mode(&self) -> &WatchMode {
        &self.mode
    }
}

impl WatchMode {
    /// What a user should hear about this mode: nothing when the OS reports changes, and why
    /// changes show up a little late when the folder is scanned instead.
    pub fn notice(&self) -> Option<String> {
        match self {
            WatchMode::Native => None,
            WatchMode::Polling { interval, reason } => Some(format!(
                "checking the folder for changes every {} s instead of being notified: {reason}",
                interval.as_secs_f32()
            )),
        }
    }
}

/// How both shells watch a workspace: natively with [`DEBOUNCE`], falling back to polling
/// when the OS cannot, or polling from the start when `GALLEY_WATCH=poll` asks for it.
pub fn watch_workspace(root: &Path) -> Result<(FolderWatcher, Receiver<WatchBatch>)> {
    if std::env::var(POLL_VARIABLE).is_ok_and(|v| v == "poll") {
        let reason = format!("{POLL_VARIABLE}=poll asks for it");
        watch_polling(root, DEBOUNCE, POLL_INTERVAL, &reason)
    } else {
        watch(root, DEBOUNCE)
    }
}

/// Starts watching `root` recursively. Activity inside hidden folders (Galley's own `.galley`,
/// `.git`) is ignored, except the team's journals (`.galley/journal/*.jsonl`: records arriving
/// from other machines) and trash and archive entries (`entry.toml`: who deleted what left the
/// folder); hidden *files* are kept, since editors save through hidden temp files.
/// When the OS cannot watch the whole tree (more folders than `fs.inotify.max_user_watches`
/// allows, or no inotify instance left), falls back to polling; see [`FolderWatcher::mode`].
pub fn watch(root: &Path, debounce: Duration) -> Result<(FolderWatcher, Receiver<WatchBatch>)> {
    watch_with::<RecommendedWatcher>(root, debounce, POLL_INTERVAL)
}

/// Polls from the start, for folders the OS cannot report on (network shares), or when asked.
pub fn watch_polling(
    root: &Path,
    debounce: Duration,
    interval: Duration,
    reason: &str,
) -> Result<(FolderWatcher, Receiver<WatchBatch>)> {
    let (tx, rx) = channel();
    let watcher = polling(root, debounce, interval, reason.to_string(), tx)?;
    Ok((watcher, rx))
}

/// [`watch`] with the native watcher `W` and the polling interval chosen by the caller: the
/// seam that lets tests make the native watch fail the way a full inotify table does.
pub fn watch_with<W: Watcher + Send + 'static>(
    root: &Path,
    debounce: Duration,
    poll_interval: Duration,
) -> Result<(FolderWatcher, Receiver<WatchBatch>)> {
    let (tx, rx) = channel();
    let mut native = debouncer::<W>(root, debounce, tx.clone(), notify::Config::default())?;
    let watcher = match native.watch(root, RecursiveMode::Recursive) {
        Ok(()) => FolderWatcher {
            _debouncer: Box::new(native),
            mode: WatchMode::Native,
        },
        Err(e) if can_poll_instead(&e) => {
            // Dropping the native watcher releases the watches it did add.
            drop(native);
            polling(root, debounce, poll_interval, fallback_reason(&e), tx)?
        }
        Err(e) => return Err(watch_error(e)),
    };
    Ok((watcher, rx))
}

fn debouncer<W: Watcher + Send + 'static>(
    root: &Path,
    debounce: Duration,
    tx: Sender<WatchBatch>,
    config: notify::Config,
) -> Result<notify_debouncer_full::Debouncer<W, NoCache>> {
    let root_owned = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let batch = batch_from(&root_owned, result);
        if !batch.paths.is_empty() || batch.rescan {
            let _ = tx.send(batch);
        }
    };
    new_debouncer_opt::<_, W, NoCache>(debounce, None, handler, NoCache, config)
        .map_err(watch_error)
}

fn polling(
    root: &Path,
    debounce: Duration,
    interval: Duration,
    reason: String,
    tx: Sender<WatchBatch>,
) -> Result<FolderWatcher> {
    // The poller's times have whole-second resolution: an edit in the same second as the
    // previous scan would go unseen without comparing contents.
    let config = notify::Config::default()
        .with_poll_interval(interval)
        .with_compare_contents(true);
    let mut poller = debouncer::<PollWatcher>(root, debounce, tx, config)?;
    poller
        .watch(root, RecursiveMode::Recursive)
        .map_err(watch_error)?;
    Ok(FolderWatcher {
        _debouncer: Box::new(poller),
        mode: WatchMode::Polling { interval, reason },
    })
}

/// Failures of the OS watch that scanning can work around (a missing folder cannot be).
fn can_poll_instead(e: &notify::Error) -> bool {
    !matches!(e.kind, notify::ErrorKind::PathNotFound)
}

fn fallback_reason(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::MaxFilesWatch => "the folder has more subfolders than the system \
            lets one program watch (raise fs.inotify.max_user_watches to watch it natively)"
            .to_string(),
        _ => format!("the system could not watch the folder ({e})"),
    }
}

fn batch_from(root: &Path, result: DebounceEventResult) -> WatchBatch {
    let mut batch = WatchBatch::default();
    match result {
        Ok(events) => {
            for event in events {
                batch.rescan |= event.need_rescan();
                let arrived = matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
                );
                for path in &event.paths {
                    if in_hidden_folder(root, path)
                        && !is_journal(root, path)
                        && !crate::workspace::is_trash_entry(root, path)
                    {
                        continue;
                    }
                    batch.paths.insert(path.clone());
                    // Files written into a new folder before the OS watch on it was added
                    // are never reported; take whatever the folder holds now.
                    if arrived && path.is_dir() {
                        files_under(path, &mut batch.paths);
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

/// A journal of the team's records, which travels with the workspace like a draft.
fn is_journal(root: &Path, path: &Path) -> bool {
    let journals = root
        .join(crate::workspace::STATE_DIR)
        .join(crate::workspace::JOURNAL_DIR);
    path.parent() == Some(journals.as_path())
        && path
            .extension()
            .is_some_and(|e| e == crate::records::JOURNAL_EXTENSION)
}

fn files_under(dir: &Path, out: &mut BTreeSet<PathBuf>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            match entry.file_type() {
                Ok(kind) if kind.is_dir() && !hidden => stack.push(entry.path()),
                Ok(kind) if kind.is_file() => {
                    out.insert(entry.path());
                }
                _ => {}
            }
        }
    }
}

fn watch_error(e: notify_debouncer_full::notify::Error) -> Error {
    Error::Watch {
        message: format!("{e}. External edits will not be noticed until `galley record` runs."),
    }
}
