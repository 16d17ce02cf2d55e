//! Writing a rendered bundle: a folder (built beside the target, then renamed into place)
//! or a zip (entries sorted, one fixed time, fixed permissions, fixed compression level), so
//! the same bundle always gives the same bytes.

use super::Bundle;
use crate::error::{Error, Result};
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The `format` value of a Galley `manifest.json`; a folder holding one may be replaced.
pub const MANIFEST_FORMAT: &str = "galley-bundle";

/// `.<name>.galley-bundle-<what>` beside `target`.
fn sibling(target: &Path, what: &str) -> Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| Error::invalid(target.display().to_string(), "it names no folder"))?;
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{}.galley-bundle-{what}", name.to_string_lossy())))
}

/// Whether `dir` holds a bundle Galley wrote (its `manifest.json` says so).
fn is_previous_bundle(dir: &Path) -> bool {
    fs::read(dir.join("manifest.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(MANIFEST_FORMAT))
}

fn remove_dir_if_present(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("remove", dir, e)),
    }
}

impl Bundle {
    /// Writes the bundle as the folder `target`. The folder may not exist yet, be empty, or
    /// hold a previous Galley bundle (which is replaced as a whole); anything else is refused
    /// so an export never mixes with or deletes someone's files. The new folder is written
    /// beside the target and renamed into place, so a failed export leaves the old one.
    pub fn write_dir(&self, target: &Path) -> Result<()> {
        let existing = match fs::read_dir(target) {
            Ok(mut entries) => Some(entries.next().is_some()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io("open the folder", target, e)),
        };
        if existing == Some(true) && !is_previous_bundle(target) {
            return Err(Error::invalid(
                format!("the export folder {}", target.display()),
                "it is not empty and is not a Galley bundle; choose an empty or new folder",
            )
            .coded(
                crate::ErrorCode::ExportFolderNotEmpty,
                [("path", target.display().to_string())],
            ));
        }
        let new = sibling(target, "new")?;
        let old = sibling(target, "old")?;
        remove_dir_if_present(&new)?;
        remove_dir_if_present(&old)?;
        let written = self.write_files(&new);
        if written.is_err() {
            let _ = fs::remove_dir_all(&new);
            written?;
        }
        if existing.is_some() {
            fs::rename(target, &old).map_err(|e| Error::io("move aside", target, e))?;
        }
        if let Err(e) = fs::rename(&new, target) {
            if existing.is_some() {
                let _ = fs::rename(&old, target);
            }
            return Err(Error::io("move into place", target, e));
        }
        remove_dir_if_present(&old)
    }

    fn write_files(&self, root: &Path) -> Result<()> {
        fs::create_dir_all(root).map_err(|e| Error::io("create", root, e))?;
        for (rel, bytes) in &self.files {
            let path = rel.split('/').fold(root.to_path_buf(), |p, c| p.join(c));
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
            }
            crate::faults::check(crate::faults::Op::Create, &path)
                .and_then(|()| crate::faults::check(crate::faults::Op::Write, &path))
                .and_then(|()| fs::write(&path, bytes))
                .map_err(|source| Error::WriteFailed {
                    path: path.clone(),
                    step: "write",
                    replaced: false,
                    source,
                })?;
        }
        Ok(())
    }

    /// The bundle as zip bytes: entries in path order, all dated `published_at` (clamped to
    /// the years zip can hold), mode 0644, Deflate at level 6.
    pub fn to_zip(&self) -> Result<Vec<u8>> {
        let zip_error =
            |e: zip::result::ZipError| Error::invalid("the bundle's zip archive", e.to_string());
        let t = self.published_at.to_offset(time::UtcOffset::UTC);
        let stamp = u16::try_from(t.year())
            .ok()
            .and_then(|year| {
                DateTime::from_date_and_time(
                    year,
                    u8::from(t.month()),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second(),
                )
                .ok()
            })
            .unwrap_or_default();
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(stamp)
            .unix_permissions(0o644);
        let mut paths: Vec<&(String, Vec<u8>)> = self.files.iter().collect();
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (path, bytes) in paths {
            zip.start_file(path.as_str(), options).map_err(zip_error)?;
            zip.write_all(bytes)
                .map_err(|e| Error::invalid("the bundle's zip archive", e.to_string()))?;
        }
        Ok(zip.finish().map_err(zip_error)?.into_inner())
    }

    /// Writes the zip to `target`, replacing it atomically.
    pub fn write_zip(&self, target: &Path) -> Result<()> {
        crate::atomic::write_atomic(target, &self.to_zip()?)
    }
}
