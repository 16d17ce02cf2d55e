//! Sharing the workspace through git: sync now, where it stands, the conflicts a sync left and
//! settling one, setting sharing up, and opening a shared workspace (a clone, into a folder
//! picked in a native dialog opened here). Each command is one core call; the UI decides when
//! to sync (on open, after a pause, before an export), the core how.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime, State};

use crate::dto_shell::OpenOutcome;
use crate::dto_sync::{
    ClonePrompt, ConflictChoices, ConflictPartsView, ConflictSide, SyncConflictView, SyncOutcome,
    SyncStatus,
};
use crate::error::ErrorDto;
use crate::session::Session;
use crate::switch::switch_to;
use galley_core::workspace::clone_workspace;

/// Commits, fetches, merges, records what arrived and sends. Offline is an outcome, not an error.
#[tauri::command(async)]
pub fn sync_now(session: State<'_, Session>) -> Result<SyncOutcome, ErrorDto> {
    session.change(|ws| Ok(ws.sync()?.into()))
}

/// Where the workspace stands as of the last fetch (no network).
#[tauri::command(async)]
pub fn sync_state(session: State<'_, Session>) -> Result<SyncStatus, ErrorDto> {
    session.with(|ws| Ok(ws.sync_status()?.into()))
}

#[tauri::command(async)]
pub fn sync_conflicts(session: State<'_, Session>) -> Result<Vec<SyncConflictView>, ErrorDto> {
    session.with(|ws| Ok(ws.sync_conflicts()?.iter().map(Into::into).collect()))
}

/// Keeps one side of the conflict at `path` (a workspace-relative path the core checks) as a
/// new version; the next sync sends it.
#[tauri::command(async)]
pub fn resolve_conflict(
    session: State<'_, Session>,
    path: String,
    side: ConflictSide,
) -> Result<(), ErrorDto> {
    session.change(|ws| Ok(ws.resolve_conflict_with(&path, side == ConflictSide::Theirs)?))
}

/// The pieces the two sides of the conflict at `path` disagree on; null when they can only be
/// compared whole.
#[tauri::command(async)]
pub fn conflict_parts(
    session: State<'_, Session>,
    path: String,
) -> Result<Option<ConflictPartsView>, ErrorDto> {
    session.with(|ws| Ok(ws.conflict_parts(&path)?.map(Into::into)))
}

/// Settles the conflict at `path` piece by piece: theirs where `choices` says, ours elsewhere.
#[tauri::command(async)]
pub fn resolve_conflict_pieces(
    session: State<'_, Session>,
    path: String,
    choices: ConflictChoices,
) -> Result<(), ErrorDto> {
    session.change(|ws| Ok(ws.resolve_conflict_choosing(&path, &choices.into())?))
}

/// Makes the open workspace a repository sharing through `url` and sends what it holds.
#[tauri::command(async)]
pub fn share_workspace(session: State<'_, Session>, url: String) -> Result<SyncOutcome, ErrorDto> {
    session.change(|ws| Ok(ws.sync_init(&url)?.into()))
}

/// Asks where to put the shared workspace at `url` (native folder dialog), clones it there and
/// switches to it. `opened` is null when the user cancels.
#[tauri::command(async)]
pub fn open_shared_workspace<R: Runtime>(
    app: AppHandle<R>,
    url: String,
    prompt: ClonePrompt,
) -> Result<OpenOutcome, ErrorDto> {
    let Some(picked) = crate::commands_shell::pick_folder(&app, &prompt.title)? else {
        return Ok(OpenOutcome { opened: None });
    };
    let root = clone_into(&app, &url, &destination(&picked, &url))?;
    Ok(OpenOutcome {
        opened: Some(root.display().to_string()),
    })
}

/// Clones `url` into `folder` and makes it the open workspace (the command's work after the
/// dialog; tests call it with a temp folder).
pub fn clone_into<R: Runtime>(
    app: &AppHandle<R>,
    url: &str,
    folder: &Path,
) -> Result<PathBuf, ErrorDto> {
    let env = app.state::<Session>().env();
    // The clone is recorded and opened once here; the session opens it again as its own.
    drop(clone_workspace(url, folder, env)?);
    switch_to(app, folder, false)
}

/// An empty chosen folder takes the clone itself; otherwise it goes into a new folder there,
/// named like the repository (`…/team-digest.git` → `team-digest`).
fn destination(picked: &Path, url: &str) -> PathBuf {
    let empty = std::fs::read_dir(picked).is_ok_and(|mut entries| entries.next().is_none());
    if empty {
        return picked.to_path_buf();
    }
    picked.join(repository_name(url))
}

fn repository_name(url: &str) -> String {
    let bare = galley_core::git::without_credentials(url);
    let last = bare
        .trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\', ':'])
        .next()
        .unwrap_or("");
    let name = last.strip_suffix(".git").unwrap_or(last);
    if name.is_empty() || name.starts_with('.') {
        "shared-workspace".into()
    } else {
        name.into()
    }
}

#[cfg(test)]
mod tests {
    use super::repository_name;

    #[test]
    fn a_clone_folder_is_named_after_the_repository_never_its_credentials() {
        assert_eq!(
            repository_name("https://ala:secret@git.example.org/team/digest.git"),
            "digest"
        );
        assert_eq!(repository_name("git@example.org:team/digest"), "digest");
        assert_eq!(repository_name("/srv/git/digest.git/"), "digest");
        assert_eq!(
            repository_name("https://ala:secret@example.org"),
            "example.org"
        );
        assert_eq!(repository_name(""), "shared-workspace");
    }
}
