//! Keeping every path inside the workspace. The shells pass user-supplied paths straight in;
//! this is the one place that decides whether they may be touched.

use crate::error::{Error, ErrorCode, Result};
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
    // No file system allows NUL in a name; the OS would refuse it later with a vaguer error.
    if given.as_os_str().as_encoded_bytes().contains(&0) {
        return Err(Error::invalid(
            format!("the path {:?}", given.to_string_lossy()),
            "it contains a NUL character, which no file name may contain",
        )
        .coded(
            ErrorCode::PathHasNul,
            [("path", given.to_string_lossy().replace('\0', "\\0"))],
        ));
    }
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
        )
        .coded(
            ErrorCode::PathIsWorkspace,
            [("path", given.display().to_string())],
        ));
    }
    // `rel` is how history names the file, so it must name exactly this file: a name that is
    // not UTF-8 would be changed by a lossy conversion (and two such names could collide).
    let Some(rel_text) = rel_path.to_str() else {
        return Err(Error::invalid(
            given.display().to_string(),
            "the path is not valid UTF-8 text; rename the file or folder",
        )
        .coded(
            ErrorCode::PathNotUtf8,
            [("path", given.display().to_string())],
        ));
    };
    let rel = rel_text.replace(std::path::MAIN_SEPARATOR, "/");
    Ok(WorkspacePath { abs, rel })
}

/// The longest file or folder name Galley creates, in bytes: file systems allow 255, and the
/// temp file written beside a draft while saving adds about 25.
pub const MAX_NAME_BYTES: usize = 200;

/// Refuses a workspace-relative path (`/`-separated) that Galley should not *create*, because
/// the file could not travel to a colleague's machine or would mislead a reader: a name longer
/// than [`MAX_NAME_BYTES`], a name Windows reserves (`CON`, `aux.be.md`, `LPT1`…), a name
/// ending in a dot or space (Windows drops them), characters Windows forbids, control
/// characters, and bidirectional overrides that make a name display as something else
/// (`evil\u{202e}dm.be.md`). Existing files are read whatever their names.
pub fn check_new_name(rel: &str) -> Result<()> {
    for part in rel.split('/') {
        // The name as a fact: escaped, so a control character or an override shows as code.
        let name = || ("name", part.escape_debug().to_string());
        let refuse = |why: &str| Error::invalid(format!("the name `{}`", part.escape_debug()), why);
        if part.len() > MAX_NAME_BYTES {
            return Err(refuse(&format!(
                "it is {} bytes long; file and folder names may be at most {MAX_NAME_BYTES} bytes",
                part.len()
            ))
            .coded(
                ErrorCode::NameTooLong,
                [
                    name(),
                    ("size", part.len().to_string()),
                    ("limit", MAX_NAME_BYTES.to_string()),
                ],
            ));
        }
        if part.ends_with(['.', ' ']) {
            return Err(
                refuse("it ends with a dot or a space, which Windows silently removes")
                    .coded(ErrorCode::NameEndsWithDot, [name()]),
            );
        }
        if let Some(c) = part.chars().find(|c| is_forbidden_in_name(*c)) {
            let char = format!("U+{:04X}", u32::from(c));
            return Err(refuse(&format!(
                "it contains the character {char}, which file names may not contain (control \
                 characters, direction overrides and < > : \" \\ | ? *)"
            ))
            .coded(ErrorCode::NameForbiddenChar, [name(), ("char", char)]));
        }
        let stem = part.split('.').next().unwrap_or(part).trim_end();
        if is_reserved_device_name(stem) {
            return Err(refuse(
                "Windows reserves this name for a device, so the file could not be opened there",
            )
            .coded(ErrorCode::NameReserved, [name()]));
        }
    }
    Ok(())
}

fn is_forbidden_in_name(c: char) -> bool {
    c.is_control()
        || matches!(c, '<' | '>' | ':' | '"' | '\\' | '|' | '?' | '*')
        // Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI).
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn is_reserved_device_name(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" => true,
        _ => ["COM", "LPT"].iter().any(|prefix| {
            upper
                .strip_prefix(prefix)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
        }),
    }
}
