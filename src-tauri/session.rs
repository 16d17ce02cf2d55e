//! The workspace the window shows. Opening may have failed: the error is kept so the UI can
//! show it (kind + message) instead of the app refusing to start. The workspace can be replaced
//! while the app runs (Open workspace…, Open recent, a second launch with `--workspace`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{ErrorDto, ErrorKind};
use galley_core::workspace::{Env, Workspace};

pub struct Session {
    env: Env,
    opened: Mutex<Opened>,
    /// Told after every change made through [`Session::change`] (the watcher installs it), so
    /// the window hears of its own changes through the same event as of everyone else's.
    announce: Mutex<Option<Announce>>,
}

/// Tells the window that the workspace changed.
pub type Announce = Box<dyn Fn() + Send + Sync>;

struct Opened {
    requested: PathBuf,
    workspace: Result<Workspace, ErrorDto>,
}

impl Session {
    pub fn open(root: &Path, env: Env) -> Session {
        let workspace = Workspace::open(root, env.clone()).map_err(ErrorDto::from);
        Session {
            env,
            opened: Mutex::new(Opened {
                requested: root.to_path_buf(),
                workspace,
            }),
            announce: Mutex::new(None),
        }
    }

    /// Whom [`Session::change`] tells after a change (replacing any earlier listener).
    pub fn announce_with(&self, announce: Announce) {
        match self.announce.lock() {
            Ok(mut slot) => *slot = Some(announce),
            Err(poisoned) => *poisoned.into_inner() = Some(announce),
        }
    }

    /// The clock and author workspaces are opened with.
    pub fn env(&self) -> Env {
        self.env.clone()
    }

    /// The folder the app was last asked to open (shown even when opening failed).
    pub fn requested(&self) -> PathBuf {
        match self.opened.lock() {
            Ok(opened) => opened.requested.clone(),
            Err(poisoned) => poisoned.into_inner().requested.clone(),
        }
    }

    /// Opens `folder` (making it a workspace first when `init` is set) and, only if that
    /// succeeds, makes it the session's workspace. Returns the workspace's root. On failure the
    /// current workspace stays open and the core's error is returned.
    pub fn switch_to(&self, folder: &Path, init: bool) -> Result<PathBuf, ErrorDto> {
        // Opened outside the lock: loading history must not stall commands on the current one.
        let workspace = if init {
            Workspace::init(folder, self.env.clone())?
        } else {
            Workspace::open(folder, self.env.clone())?
        };
        let root = workspace.root().to_path_buf();
        let mut opened = match self.opened.lock() {
            Ok(opened) => opened,
            // The old workspace is being replaced, so whatever broke it no longer matters.
            Err(poisoned) => poisoned.into_inner(),
        };
        *opened = Opened {
            requested: folder.to_path_buf(),
            workspace: Ok(workspace),
        };
        Ok(root)
    }

    /// Runs `f` on the open workspace, or returns why there is none.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Workspace) -> Result<T, ErrorDto>,
    ) -> Result<T, ErrorDto> {
        self.with_mut(|ws| f(ws))
    }

    /// Like `with`, for what writes (saves, restores, recording external changes).
    pub fn with_mut<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ErrorDto>,
    ) -> Result<T, ErrorDto> {
        let mut guard = self.opened.lock().map_err(|_| {
            ErrorDto::new(
                ErrorKind::Internal,
                "an earlier command failed while using the workspace; restart Galley.",
            )
        })?;
        match &mut guard.workspace {
            Ok(workspace) => f(workspace),
            Err(error) => Err(error.clone()),
        }
    }

    /// Like `with_mut`, for a command that changes what the views show (a save, a status, a
    /// move, a sync): once it succeeded, the window is told, after the lock is released.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, ErrorDto>,
    ) -> Result<T, ErrorDto> {
        let result = self.with_mut(f)?;
        if let Ok(slot) = self.announce.lock() {
            if let Some(announce) = slot.as_ref() {
                announce();
            }
        }
        Ok(result)
    }
}
