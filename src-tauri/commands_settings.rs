//! The Settings view's commands: the user's profile (kept in the app's config folder, never a
//! path from the webview) and the workspace's shared languages and sections.

use tauri::State;

use crate::dto_settings::{ProfileInput, ProfileView, SettingsSaved, WorkspaceSettings};
use crate::error::ErrorDto;
use crate::profile_store::ProfileStore;
use crate::session::Session;

#[tauri::command(async)]
pub fn get_profile(store: State<'_, ProfileStore>) -> Result<ProfileView, ErrorDto> {
    let profile = store.profile()?;
    Ok(ProfileView::new(&profile, store.login(), store.author()?))
}

/// Saves the profile; versions saved from now on are signed with its name.
#[tauri::command(async)]
pub fn set_profile(
    store: State<'_, ProfileStore>,
    session: State<'_, Session>,
    profile: ProfileInput,
) -> Result<ProfileView, ErrorDto> {
    // A profile that failed to load is replaced whole, its auto-sync settings with the defaults.
    let current = store.profile().unwrap_or_default();
    let saved = store.save(profile.into_profile(&current))?;
    store.apply_to(&session)?;
    Ok(ProfileView::new(&saved, store.login(), store.author()?))
}

#[tauri::command(async)]
pub fn get_workspace_settings(session: State<'_, Session>) -> Result<WorkspaceSettings, ErrorDto> {
    session.with(|ws| Ok(ws.settings().into()))
}

/// Replaces the workspace's languages and sections (checked by the core; written only if changed).
#[tauri::command(async)]
pub fn update_workspace_settings(
    session: State<'_, Session>,
    settings: WorkspaceSettings,
) -> Result<SettingsSaved, ErrorDto> {
    session.change(|ws| {
        let changed = ws.update_settings(settings.into())?;
        Ok(SettingsSaved {
            changed,
            settings: ws.settings().into(),
        })
    })
}
