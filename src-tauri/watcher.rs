//! Other programs' edits and other machines' records: the core's folder watcher runs for the
//! open workspace, each batch is recorded as versions (origin "external") and the journals are
//! read again, and the UI hears of both through one event.

use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use crate::dto_history::VersionInfo;
use crate::error::ErrorDto;
use crate::session::Session;
use galley_core::watch::{watch_workspace, FolderWatcher, WatchBatch, WatchMode};

/// The event the UI listens to; its payload is a [`FolderChanges`].
pub const CHANGED_EVENT: &str = "workspace-changed";

/// What one watcher batch recorded: new versions by other programs, and whether the team's
/// records changed (another machine's journal arrived), so every view showing statuses reloads.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FolderChanges {
    pub changes: Vec<FileChange>,
    pub records_changed: bool,
    /// Made through the app's own commands (a save, a status, a move, a sync); every view
    /// reloads, and the draft that was saved has its text already.
    pub by_app: bool,
    /// What the user should know about watching: that the folder is scanned instead of
    /// watched (changes then arrive a little late).
    pub notices: Vec<PollingNotice>,
    /// Files left alone (a draft that cannot be read, an id taken twice) and the watcher's own
    /// errors, as data the UI words in its language.
    pub problems: Vec<ErrorDto>,
}

/// The folder is checked every `seconds` instead of the system telling Galley of changes;
/// `reason` is why, in the system's words (or the setting that asked for it). The UI words the
/// rest in its language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PollingNotice {
    pub seconds: f32,
    pub reason: String,
}

impl FolderChanges {
    /// What the window hears after one of its own commands changed the workspace.
    pub fn by_app() -> FolderChanges {
        FolderChanges {
            changes: vec![],
            records_changed: false,
            by_app: true,
            notices: vec![],
            problems: vec![],
        }
    }
}

impl FolderChanges {
    /// Nothing the window shows changed, and there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && !self.records_changed
            && self.notices.is_empty()
            && self.problems.is_empty()
    }

    fn notice(notice: PollingNotice) -> FolderChanges {
        FolderChanges {
            notices: vec![notice],
            ..FolderChanges::unchanged()
        }
    }

    fn problem(problem: ErrorDto) -> FolderChanges {
        FolderChanges {
            problems: vec![problem],
            ..FolderChanges::unchanged()
        }
    }

    fn unchanged() -> FolderChanges {
        FolderChanges {
            by_app: false,
            ..FolderChanges::by_app()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileChange {
    /// Workspace-relative path of the changed draft.
    pub path: String,
    /// The version recorded for it (`hash` is `null` when the file was deleted).
    pub version: VersionInfo,
}

/// Records what `batch` touched, by the core's one rule for a batch.
pub fn record_batch(session: &Session, batch: &WatchBatch) -> Result<FolderChanges, ErrorDto> {
    session.with_mut(|ws| {
        let report = ws.record_batch(batch)?;
        let changes = report.recorded.iter().map(|r| FileChange {
            path: r.path.clone(),
            version: (&r.version).into(),
        });
        Ok(FolderChanges {
            changes: changes.collect(),
            records_changed: report.records_changed,
            by_app: false,
            notices: vec![],
            problems: report.problems.iter().map(ErrorDto::from).collect(),
        })
    })
}

/// The watch of the open workspace; replacing it drops the old one, which closes its channel and
/// so ends its thread.
#[derive(Default)]
pub struct ActiveWatch(Mutex<Option<FolderWatcher>>);

/// Starts watching the open workspace on a thread of its own, replacing the watch of a previous
/// workspace. Without a workspace there is nothing to watch; a watcher that cannot start only
/// costs the live updates, so it is reported on stderr rather than stopping the app.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    if app.try_state::<ActiveWatch>().is_none() {
        app.manage(ActiveWatch::default());
    }
    announce_commands(app);
    let active = app.state::<ActiveWatch>();
    let mut slot = match active.0.lock() {
        Ok(slot) => slot,
        Err(poisoned) => poisoned.into_inner(),
    };
    *slot = None;
    let Ok(root) = app
        .state::<Session>()
        .with(|ws| Ok(ws.root().to_path_buf()))
    else {
        return;
    };
    let (watcher, batches) = match watch_workspace(&root) {
        Ok(started) => started,
        Err(error) => {
            eprintln!("galley: not watching {}: {error}", root.display());
            tell(app, FolderChanges::problem(ErrorDto::from(&error)));
            return;
        }
    };
    if let WatchMode::Polling { interval, reason } = watcher.mode() {
        tell(
            app,
            FolderChanges::notice(PollingNotice {
                seconds: interval.as_secs_f32(),
                reason: reason.clone(),
            }),
        );
    }
    *slot = Some(watcher);
    let app = app.clone();
    std::thread::spawn(move || {
        for batch in batches {
            match record_batch_of(&app.state::<Session>(), &root, &batch) {
                Ok(changes) if changes.is_empty() => {}
                Ok(changes) => tell(&app, changes),
                Err(error) => {
                    eprintln!("galley: recording changes failed: {}", error.message);
                    tell(&app, FolderChanges::problem(error));
                }
            }
        }
    });
}

fn tell<R: Runtime>(app: &AppHandle<R>, changes: FolderChanges) {
    if let Err(error) = app.emit(CHANGED_EVENT, changes) {
        eprintln!("galley: could not tell the window about changes: {error}");
    }
}

/// The app's own changes reach the window as the same event as the folder's, so one path
/// refreshes every view whoever changed what.
fn announce_commands<R: Runtime>(app: &AppHandle<R>) {
    let handle = app.clone();
    app.state::<Session>()
        .announce_with(Box::new(move || tell(&handle, FolderChanges::by_app())));
}

/// `record_batch`, unless the session has switched away from `root` since the batch was seen:
/// a late batch of the previous workspace must not be recorded in the new one.
fn record_batch_of(
    session: &Session,
    root: &Path,
    batch: &WatchBatch,
) -> Result<FolderChanges, ErrorDto> {
    if session.with(|ws| Ok(ws.root() != root))? {
        return Ok(FolderChanges::unchanged());
    }
    record_batch(session, batch)
}
