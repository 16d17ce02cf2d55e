//! The workspace the window shows. Opening may have failed: the error is kept so the UI can
//! show it (kind + message) instead of the app refusing to start.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::ErrorDto;
use galley_core::workspace::{Env, Workspace};

pub struct Session {
    requested: PathBuf,
    workspace: Mutex<Result<Workspace, ErrorDto>>,
}

impl Session {
    pub fn open(root: &Path, env: Env) -> Session {
        let workspace = Workspace::open(root, env).map_err(ErrorDto::from);
        Session {
            requested: root.to_path_buf(),
            workspace: Mutex::new(workspace),
        }
    }

    /// The folder the app was asked to open (shown even when opening failed).
    pub fn requested(&self) -> &Path {
        &self.requested
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
        let mut guard = self.workspace.lock().map_err(|_| ErrorDto {
            kind: "internal".into(),
            message: "an earlier command failed while using the workspace; restart Galley.".into(),
        })?;
        match &mut *guard {
            Ok(workspace) => f(workspace),
            Err(error) => Err(error.clone()),
        }
    }
}
