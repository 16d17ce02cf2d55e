//! What the app was asked to open: `--workspace DIR`, or the sample workspace of this checkout.

use std::path::{Path, PathBuf};

/// The sample workspace in the repository the app was built from.
pub fn default_workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("drafts")
}

/// Reads `--workspace DIR` (or `--workspace=DIR`) from the arguments after the program name.
/// Unknown arguments are ignored: WebKit and the WebDriver may pass their own.
pub fn workspace_from_args(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    let mut chosen = None;
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            chosen = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.strip_prefix("--workspace=") {
            chosen = Some(PathBuf::from(dir));
        }
    }
    chosen
}

/// `folder` as an absolute, canonical path: relative ones are taken from `cwd` (a second
/// launch's working folder). A folder that does not exist is left as joined.
pub fn absolute_in(cwd: &Path, folder: &Path) -> PathBuf {
    let joined = cwd.join(folder);
    std::fs::canonicalize(&joined).unwrap_or(joined)
}
