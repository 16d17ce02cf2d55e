//! Where the desktop keeps the recent-workspaces list (the core's `RecentWorkspaces`): one file in
//! the app's config folder, or anywhere a test says.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use galley_core::recent::RecentWorkspaces;

/// The file's name inside the app's config folder.
pub const RECENT_FILE: &str = "recent-workspaces.toml";

pub struct RecentStore {
    file: PathBuf,
    /// Serialises read-modify-write of the file between commands and the second-launch handler.
    writing: Mutex<()>,
}

impl RecentStore {
    pub fn at(file: PathBuf) -> RecentStore {
        RecentStore {
            file,
            writing: Mutex::new(()),
        }
    }

    /// The list; a damaged file is reported on stderr and treated as empty (it is only a
    /// convenience, and the next save replaces it).
    pub fn load(&self) -> RecentWorkspaces {
        RecentWorkspaces::load(&self.file).unwrap_or_else(|error| {
            eprintln!("galley: ignoring the recent workspaces list: {error}");
            RecentWorkspaces::default()
        })
    }

    /// Puts `folder` first on the list. Failing to save costs only the list, so it is reported
    /// on stderr rather than failing the open that called it.
    pub fn remember(&self, folder: &Path) {
        let _guard = self.writing.lock();
        let mut list = self.load();
        list.add(folder);
        if let Err(error) = list.save(&self.file) {
            eprintln!("galley: could not update the recent workspaces list: {error}");
        }
    }
}
