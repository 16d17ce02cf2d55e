//! Atomic file replacement: write a temp file beside the target, fsync it, rename it over the
//! target, fsync the folder. A crash leaves the old file or the new one, never a torn one.
//! Temp files carry a marker so scans skip them and `clean_stray_temps` can remove leftovers.

use crate::error::{Error, Result};
use crate::faults::{self, Op};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Galley's temp files are named `.<target name>.galley-tmp-<random>`.
pub const TEMP_MARKER: &str = ".galley-tmp-";

pub fn is_galley_temp(file_name: &str) -> bool {
    file_name.starts_with('.') && file_name.contains(TEMP_MARKER)
}

/// Replaces `path` with `bytes` atomically. On failure the error is `Error::WriteFailed`: the
/// old file is untouched and no temp file is left, except when only the final folder flush
/// failed (`replaced: true`), where the new content is already in place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid(path.display().to_string(), "it names no file"))?
        .to_string_lossy();
    let temp = dir.join(format!(".{name}{TEMP_MARKER}{}", random_suffix()));
    let failed = |step: &'static str, replaced: bool| {
        move |source| Error::WriteFailed {
            path: path.to_path_buf(),
            step,
            replaced,
            source,
        }
    };
    if let Err((step, source)) = write_then_rename(&temp, path, bytes) {
        // The target is untouched; don't leave the half-written temp file behind.
        let _ = fs::remove_file(&temp);
        return Err(failed(step, false)(source));
    }
    sync_dir(dir).map_err(failed("flush the folder to disk", true))
}

/// The steps of an atomic write; an error carries the step that failed.
fn write_then_rename(
    temp: &Path,
    target: &Path,
    bytes: &[u8],
) -> Result<(), (&'static str, io::Error)> {
    let step = |name: &'static str| move |e: io::Error| (name, e);
    faults::check(Op::Create, temp).map_err(step("create a temporary file"))?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(step("create a temporary file"))?;
    faults::check(Op::Write, temp).map_err(step("write"))?;
    file.write_all(bytes).map_err(step("write"))?;
    faults::check(Op::Fsync, temp).map_err(step("flush to disk"))?;
    file.sync_all().map_err(step("flush to disk"))?;
    drop(file);
    faults::check(Op::Rename, target).map_err(step("replace the file"))?;
    fs::rename(temp, target).map_err(step("replace the file"))
}

/// Appends `line` and a newline to the append-only file at `path` (created if missing) and
/// flushes it to disk. A file whose last line was cut short by a crash first gets the newline it
/// lacks, so the fragment stays a line of its own; a failed write is cut back off, so the file
/// never ends in half a line written here.
pub fn append_line(path: &Path, line: &str) -> Result<()> {
    let failed = |step: &'static str| {
        move |source| Error::WriteFailed {
            path: path.to_path_buf(),
            step,
            replaced: false,
            source,
        }
    };
    let created = !path.exists();
    faults::check(Op::Create, path).map_err(failed("open the file"))?;
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(failed("open the file"))?;
    let len = file.metadata().map_err(failed("open the file"))?.len();
    let mut bytes = Vec::with_capacity(line.len() + 2);
    if len > 0 && !ends_with_newline(&mut file, len).map_err(failed("read the file"))? {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    let written = faults::check(Op::Write, path)
        .and_then(|()| file.write_all(&bytes))
        .map_err(failed("write"))
        .and_then(|()| {
            faults::check(Op::Fsync, path)
                .and_then(|()| file.sync_all())
                .map_err(failed("flush to disk"))
        });
    if let Err(e) = written {
        let _ = file.set_len(len);
        return Err(e);
    }
    if created {
        if let Some(dir) = path.parent() {
            sync_dir(dir).map_err(failed("flush the folder to disk"))?;
        }
    }
    Ok(())
}

fn ends_with_newline(file: &mut File, len: u64) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Moves the file at `from` to `to` (same file system, `to` must not exist: checked by the
/// caller) and flushes both folders, so the move is durable: a crash leaves the file at one
/// name or the other, never both or neither.
pub fn rename_durable(from: &Path, to: &Path) -> Result<()> {
    let failed = |step: &'static str, replaced: bool| {
        move |source| Error::WriteFailed {
            path: to.to_path_buf(),
            step,
            replaced,
            source,
        }
    };
    faults::check(Op::Rename, to).map_err(failed("move the file", false))?;
    fs::rename(from, to).map_err(failed("move the file", false))?;
    for dir in [to.parent(), from.parent()].into_iter().flatten() {
        sync_dir(dir).map_err(failed("flush the folder to disk", true))?;
    }
    Ok(())
}

/// Makes the rename itself durable. Directories can't be opened this way on Windows.
fn sync_dir(dir: &Path) -> io::Result<()> {
    faults::check(Op::SyncDir, dir)?;
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all())?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

pub(crate) fn random_suffix() -> String {
    let mut buf = [0u8; 6];
    if getrandom::fill(&mut buf).is_err() {
        // Uniqueness only has to hold within one folder for the life of one write.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        buf.copy_from_slice(&nanos.to_le_bytes()[..6]);
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// Removes Galley temp files left by a crash anywhere under `root` (hidden folders skipped,
/// except that the temp files themselves are hidden). Returns what it removed.
pub fn clean_stray_temps(root: &Path) -> Result<Vec<PathBuf>> {
    let mut removed = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| Error::io("list", &dir, e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() && !name.starts_with('.') {
                stack.push(entry.path());
            } else if kind.is_file() && is_galley_temp(&name) {
                fs::remove_file(entry.path()).map_err(|e| Error::io("remove", entry.path(), e))?;
                removed.push(entry.path());
            }
        }
    }
    Ok(removed)
}
