//! Keeping every path inside the workspace. The shells pass user-supplied paths straight in;
//! this is the one place that decides whether they may be touched.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// A path inside the workspace: absolute on disk, and relative with `/` separators (the form
/// stored in history and shown to users).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspacePath {
    pub abs: PathBuf,
    pub rel: String,
}

/// Resolves `given` (relative to the workspace root, or absolute) to a path inside `root`.
/// `root` must be canonical. Refuses `..` escapes and symlinked folders that lead outside.
pub fn resolve(root: &Path, given: &Path) -> Result<WorkspacePath> {
    let outside = || Error::OutsideWorkspace {
        path: given.to_path_buf(),
        root: root.to_path_buf(),
    };
    let joined = if given.is_absolute() {
        given.to_path_buf()
    } else {
        root.join(given)
    };
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                if !normal.pop() {
                    return Err(outside());
                }
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Follow symlinks in the deepest existing ancestor, so a link can't smuggle us out.
    let mut existing = normal.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Err(outside()),
        }
    }
    let mut abs = existing
        .canonicalize()
        .map_err(|e| Error::io("resolve", existing, e))?;
    for name in rest.iter().rev() {
        abs.push(name);
    }
    let rel_path = abs.strip_prefix(root).map_err(|_| outside())?;
    if rel_path.as_os_str().is_empty() {
        return Err(Error::invalid(
            given.display().to_string(),
            "it is the workspace folder itself, not a file in it",
        ));
    }
    // `rel` is how history names the file, so it must name exactly this file: a name that is
    // not UTF-8 would be changed by a lossy conversion (and two such names could collide).
    let Some(rel_text) = rel_path.to_str() else {
        return Err(Error::invalid(
            given.display().to_string(),
            "the path is not valid UTF-8 text; rename the file or folder",
        ));
    };
    let rel = rel_text.replace(std::path::MAIN_SEPARATOR, "/");
    Ok(WorkspacePath { abs, rel })
}
