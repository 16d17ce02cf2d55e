//! The path gate: whatever a user or a file names, an accepted path stays inside the root.

use super::{ensure, Violation};
use crate::paths::{resolve, WorkspacePath};
use crate::workspace::slugify;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Component, Path, PathBuf};

/// Builds, under `dir`, the workspace the path check resolves against and returns its
/// canonical root: a week folder with a draft, a symlink leading outside the root, a dangling
/// symlink and a symlink loop, so the fuzzer meets the hard cases. `dir` must be empty.
pub fn make_fuzz_workspace(dir: &Path) -> std::io::Result<PathBuf> {
    let outside = dir.join("outside");
    let root = dir.join("workspace");
    std::fs::create_dir_all(&outside)?;
    std::fs::create_dir_all(root.join("2020-W20"))?;
    std::fs::write(
        root.join("2020-W20/army-reform.en.md"),
        "---\nid: a\nlang: en\n---\n",
    )?;
    std::os::unix::fs::symlink(&outside, root.join("out"))?;
    std::os::unix::fs::symlink(dir.join("missing"), root.join("dangling"))?;
    std::os::unix::fs::symlink(root.join("loop"), root.join("loop"))?;
    root.canonicalize()
}

/// Resolves `input` (as raw path bytes) and the path `create` would build from it as a slug.
/// Any accepted path must be absolute, inside `root`, made of plain names only (no `..`, `.`
/// or empty parts), with `rel` naming the same file; no symlink inside the root may lead the
/// path outside. A slug is letters, digits and single hyphens and always resolves.
pub fn check_workspace_path(root: &Path, input: &[u8]) -> Result<(), Violation> {
    let given = Path::new(OsStr::from_bytes(input));
    if let Ok(found) = resolve(root, given) {
        accepted_path_is_inside(root, &found, &format!("{given:?}"))?;
    }

    let slug = slugify(&String::from_utf8_lossy(input));
    ensure(
        slug.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !slug.starts_with('-')
            && !slug.ends_with('-')
            && !slug.contains("--")
            && slug.chars().count() <= 60,
        || format!("slugify gave {slug:?}, not letters, digits and single hyphens"),
    )?;
    if slug.is_empty() {
        return Ok(());
    }
    let rel = format!("2020-W20/{slug}.en.md");
    match resolve(root, Path::new(&rel)) {
        Ok(found) => {
            accepted_path_is_inside(root, &found, &rel)?;
            ensure(found.rel == rel, || {
                format!("the slug path {rel:?} resolved to {:?}", found.rel)
            })
        }
        Err(e) => Err(Violation(format!("the slug path {rel:?} was refused: {e}"))),
    }
}

fn accepted_path_is_inside(
    root: &Path,
    found: &WorkspacePath,
    given: &str,
) -> Result<(), Violation> {
    let abs = &found.abs;
    ensure(
        abs.is_absolute() && abs.starts_with(root) && abs != root,
        || format!("{given} resolved to {abs:?}, not a path inside {root:?}"),
    )?;
    let plain = |path: &Path| path.components().all(|c| matches!(c, Component::Normal(_)));
    let inner = abs.strip_prefix(root).unwrap_or(abs);
    ensure(plain(inner), || {
        format!("{given} resolved to {abs:?}, which has `..`, `.` or a root in it")
    })?;
    ensure(
        !found.rel.is_empty()
            && !found.rel.starts_with('/')
            && found
                .rel
                .split('/')
                .all(|p| !p.is_empty() && p != "." && p != ".."),
        || format!("{given} gave the relative path {:?}", found.rel),
    )?;
    ensure(root.join(&found.rel) == *abs, || {
        format!("{given}: rel {:?} does not name abs {abs:?}", found.rel)
    })?;
    // Following every symlink that exists along the way must not leave the root.
    let mut existing = abs.as_path();
    while std::fs::symlink_metadata(existing).is_err() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => break,
        }
    }
    if let Ok(real) = existing.canonicalize() {
        ensure(real.starts_with(root), || {
            format!(
                "{given} resolved to {abs:?}, whose existing part {existing:?} leads to {real:?}"
            )
        })?;
    }
    Ok(())
}
