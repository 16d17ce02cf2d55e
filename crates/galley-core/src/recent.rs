//! The list of recently opened workspaces: at most [`MAX_RECENT`] folders, most recent first,
//! each listed once. It belongs to the user, not to a workspace, so the caller says where the
//! file lives (the desktop app keeps it in its config folder). Folders that have since been
//! moved or deleted stay listed, marked missing, so the user sees why one cannot be opened.

use crate::atomic::write_atomic;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many folders the list keeps; older ones drop off the end.
pub const MAX_RECENT: usize = 10;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecentWorkspaces {
    folders: Vec<PathBuf>,
}

/// One entry as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentWorkspace {
    pub path: PathBuf,
    /// The folder no longer exists (or is not a folder) at the moment of listing.
    pub missing: bool,
}

/// The file's shape: `workspaces = ["/most/recent", ...]`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecentFile {
    #[serde(default)]
    workspaces: Vec<PathBuf>,
}

impl RecentWorkspaces {
    /// Reads the list from `file`; a file that does not exist yet is an empty list.
    pub fn load(file: &Path) -> Result<RecentWorkspaces> {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(RecentWorkspaces::default())
            }
            Err(e) => return Err(Error::io("read", file, e)),
        };
        let parsed: RecentFile = toml::from_str(&text).map_err(|e| Error::InvalidSettings {
            path: file.to_path_buf(),
            message: e.message().to_string(),
            detail: None,
        })?;
        let mut list = RecentWorkspaces::default();
        // Oldest first, so the file's first entry ends up first again; duplicates collapse.
        for folder in parsed.workspaces.iter().rev() {
            list.add(folder);
        }
        Ok(list)
    }

    /// Writes the list to `file` atomically, creating its folder if needed.
    pub fn save(&self, file: &Path) -> Result<()> {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
        }
        let text = toml::to_string(&RecentFile {
            workspaces: self.folders.clone(),
        })
        .map_err(|e| Error::InvalidSettings {
            path: file.to_path_buf(),
            message: e.to_string(),
            detail: None,
        })?;
        let header = "# Workspaces Galley opened recently, most recent first.\n";
        write_atomic(file, format!("{header}{text}").as_bytes())
    }

    /// Puts `folder` first, removing an earlier mention of it and anything beyond the limit.
    pub fn add(&mut self, folder: &Path) {
        self.folders.retain(|f| f != folder);
        self.folders.insert(0, folder.to_path_buf());
        self.folders.truncate(MAX_RECENT);
    }

    /// Forgets `folder`; returns whether it was listed.
    pub fn remove(&mut self, folder: &Path) -> bool {
        let before = self.folders.len();
        self.folders.retain(|f| f != folder);
        self.folders.len() != before
    }

    /// Whether `folder` is on the list, exactly as given (the shell opens only listed folders).
    pub fn contains(&self, folder: &Path) -> bool {
        self.folders.iter().any(|f| f == folder)
    }

    /// The folders, most recent first, each checked on disk now.
    pub fn entries(&self) -> Vec<RecentWorkspace> {
        self.folders
            .iter()
            .map(|path| RecentWorkspace {
                path: path.clone(),
                missing: !path.is_dir(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &RecentWorkspaces) -> Vec<PathBuf> {
        list.entries().into_iter().map(|e| e.path).collect()
    }

    #[test]
    fn the_folder_added_last_comes_first() {
        let mut list = RecentWorkspaces::default();
        list.add(Path::new("/a"));
        list.add(Path::new("/b"));

        assert_eq!(paths(&list), [PathBuf::from("/b"), PathBuf::from("/a")]);
    }

    #[test]
    fn adding_a_listed_folder_again_moves_it_first_without_duplicating_it() {
        let mut list = RecentWorkspaces::default();
        for folder in ["/a", "/b", "/c", "/a"] {
            list.add(Path::new(folder));
        }

        assert_eq!(paths(&list), ["/a", "/c", "/b"].map(PathBuf::from).to_vec());
    }

    #[test]
    fn only_the_ten_most_recent_folders_are_kept() {
        let mut list = RecentWorkspaces::default();
        for n in 0..15 {
            list.add(&PathBuf::from(format!("/w{n}")));
        }

        let kept = paths(&list);
        assert_eq!(kept.len(), MAX_RECENT);
        assert_eq!(kept[0], PathBuf::from("/w14"));
        assert_eq!(kept[MAX_RECENT - 1], PathBuf::from("/w5"));
    }

    #[test]
    fn a_folder_that_no_longer_exists_is_listed_as_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("moved-away");
        let mut list = RecentWorkspaces::default();
        list.add(&gone);
        list.add(dir.path());

        let entries = list.entries();
        assert_eq!(
            entries,
            [
                RecentWorkspace {
                    path: dir.path().to_path_buf(),
                    missing: false
                },
                RecentWorkspace {
                    path: gone,
                    missing: true
                },
            ]
        );
    }

    #[test]
    fn a_saved_list_loads_back_in_the_same_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config/galley/recent.toml");
        let mut list = RecentWorkspaces::default();
        for folder in ["/a", "/b", "/c"] {
            list.add(Path::new(folder));
        }

        list.save(&file).expect("save");
        let loaded = RecentWorkspaces::load(&file).expect("load");

        assert_eq!(loaded, list);
        let names: Vec<_> = std::fs::read_dir(file.parent().expect("a folder"))
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["recent.toml"], "no temp file is left behind");
    }

    #[test]
    fn a_missing_file_is_an_empty_list() {
        let dir = tempfile::tempdir().expect("temp dir");

        let list = RecentWorkspaces::load(&dir.path().join("none.toml")).expect("load");

        assert!(list.entries().is_empty());
    }

    #[test]
    fn a_hand_edited_file_is_deduplicated_and_cut_to_the_limit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("recent.toml");
        let listed: Vec<String> = ["\"/a\"", "\"/b\"", "\"/a\""]
            .into_iter()
            .map(String::from)
            .chain((0..12).map(|n| format!("\"/w{n}\"")))
            .collect();
        std::fs::write(&file, format!("workspaces = [{}]\n", listed.join(", "))).expect("write");

        let loaded = paths(&RecentWorkspaces::load(&file).expect("load"));

        assert_eq!(loaded.len(), MAX_RECENT);
        assert_eq!(loaded[..3], ["/a", "/b", "/w0"].map(PathBuf::from));
    }

    #[test]
    fn a_damaged_file_is_reported_with_its_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("recent.toml");
        std::fs::write(&file, "workspaces = 3\n").expect("write");

        let error = RecentWorkspaces::load(&file).expect_err("refused");

        assert_eq!(error.kind(), crate::ErrorKind::InvalidSettings);
        assert!(error.to_string().contains("recent.toml"), "{error}");
    }

    #[test]
    fn removing_a_folder_takes_it_off_the_list() {
        let mut list = RecentWorkspaces::default();
        list.add(Path::new("/a"));
        list.add(Path::new("/b"));

        assert!(list.remove(Path::new("/a")));
        assert!(!list.remove(Path::new("/a")));
        assert!(!list.contains(Path::new("/a")));
        assert!(list.contains(Path::new("/b")));
    }
}
