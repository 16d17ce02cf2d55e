//! The workspace the window shows. Opening may have failed: the error is kept so the UI can
//! show it (kind + message) instead of the app refusing to start. The workspace can be replaced
//! while the app runs (Open workspace…, Open recent, a second launch with `--workspace`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::ErrorDto;
use galley_core::workspace::{Env, Workspace};

pub struct Session {
    env: Env,
    opened: Mutex<Opened>,
}

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
        let mut guard = self.opened.lock().map_err(|_| ErrorDto {
            kind: "internal".into(),
            message: "an earlier command failed while using the workspace; restart Galley.".into(),
        })?;
        match &mut guard.workspace {
            Ok(workspace) => f(workspace),
            Err(error) => Err(error.clone()),
        }
    }
}
