//! The user's own profile: their name (whom saves are attributed to), their role and the
//! language of the interface. One file per person and machine, outside any workspace: the
//! desktop app's config folder, which the CLI reads too ([`profile_path`]), so one person signs
//! versions the same way in both.

use crate::atomic::write_atomic;
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The file name callers put in their config folder.
pub const PROFILE_FILE: &str = "profile.toml";

/// The desktop app's identifier (`tauri.conf.json`), which names its config folder.
pub const APP_IDENTIFIER: &str = "org.galley.desktop";

/// Where the desktop app keeps the profile: the system's config folder (as Tauri's
/// `app_config_dir` finds it) joined with [`APP_IDENTIFIER`]. `None` when the system names no
/// home folder.
pub fn profile_path() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let config = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|home| home.join("Library/Application Support"))
    } else {
        var("XDG_CONFIG_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| var("HOME").map(|home| home.join(".config")))
    };
    config.map(|dir| dir.join(APP_IDENTIFIER).join(PROFILE_FILE))
}

/// Names longer than this are refused: they would not fit a history line anyway.
const MAX_NAME_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    /// Whom new versions are attributed to; empty until the user gives it.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub ui_language: UiLanguage,
    /// When the app syncs by itself (a missing table or key means on).
    #[serde(default)]
    pub auto_sync: AutoSync,
}

/// The moments the desktop app syncs without being asked; the app schedules them, the core
/// only syncs when told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AutoSync {
    /// When a workspace is opened.
    pub on_open: bool,
    /// After a pause in editing (a while after the last save).
    pub after_pause: bool,
    /// Before an issue is exported, so the bundle holds the team's latest.
    pub before_export: bool,
}

impl Default for AutoSync {
    fn default() -> Self {
        AutoSync {
            on_open: true,
            after_pause: true,
            before_export: true,
        }
    }
}

/// What the person mostly does in the team (shown in the app; history records only the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Author,
    Translator,
    Editor,
}

/// The languages the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UiLanguage {
    #[default]
    En,
    Ru,
    Be,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Author, Role::Translator, Role::Editor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Author => "author",
            Role::Translator => "translator",
            Role::Editor => "editor",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

impl UiLanguage {
    pub const ALL: [UiLanguage; 3] = [UiLanguage::En, UiLanguage::Ru, UiLanguage::Be];

    pub fn as_str(self) -> &'static str {
        match self {
            UiLanguage::En => "en",
            UiLanguage::Ru => "ru",
            UiLanguage::Be => "be",
        }
    }

    pub fn parse(text: &str) -> Option<UiLanguage> {
        UiLanguage::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

impl Profile {
    /// Reads the profile at `path`; a missing file is the default profile (no name yet).
    pub fn load(path: &Path) -> Result<Profile> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Profile::default()),
            Err(e) => return Err(Error::io("read", path, e)),
        };
        let profile: Profile = toml::from_str(&text).map_err(|e| {
            crate::settings::unreadable(
                path,
                &text,
                &e,
                ". Fix it or delete the file to start again",
            )
        })?;
        let name = profile.name.trim();
        if !name.is_empty() {
            check_name(name).map_err(|message| Error::InvalidSettings {
                path: path.to_path_buf(),
                message: format!("`name` {message}"),
                detail: None,
            })?;
        }
        Ok(profile)
    }

    /// Writes the profile atomically, creating the folder; a profile without a name is refused.
    pub fn save(&self, path: &Path) -> Result<()> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid(
                "your name",
                "it is empty; type the name to sign versions with",
            )
            .coded(ErrorCode::NameEmpty, []));
        }
        check_name(name)
            .map_err(|message| Error::invalid(format!("the name `{name}`"), message))?;
        let clean = Profile {
            name: name.to_string(),
            ..self.clone()
        };
        let text =
            toml::to_string(&clean).map_err(|e| Error::invalid("the profile", e.to_string()))?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
        }
        let header =
            "# Your Galley profile (this machine only): the name new versions are signed with.\n";
        write_atomic(path, format!("{header}{text}").as_bytes())
    }

    /// Whether the user has told their name yet (the app asks on first launch).
    pub fn has_name(&self) -> bool {
        !self.name.trim().is_empty()
    }
}

/// Whom new versions are attributed to, in the app and the CLI alike: an explicit override
/// (`--author`, `$GALLEY_AUTHOR`, used by tests and scripts) first, then the profile's name, then the login name, then "unknown".
pub fn attribution(override_name: Option<&str>, profile: &Profile, login: Option<&str>) -> String {
    [override_name, Some(profile.name.as_str()), login]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|name| !name.is_empty())
        .unwrap_or("unknown")
        .to_string()
}

fn check_name(name: &str) -> std::result::Result<(), String> {
    if name.chars().any(char::is_control) {
        return Err("must be one line without control characters".into());
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(format!("is longer than {MAX_NAME_CHARS} characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna() -> Profile {
        Profile {
            name: "Ганна Жук".into(),
            role: Role::Translator,
            ui_language: UiLanguage::Be,
            auto_sync: AutoSync {
                after_pause: false,
                ..AutoSync::default()
            },
        }
    }

    #[test]
    fn a_saved_profile_loads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config/galley").join(PROFILE_FILE);

        anna().save(&path).unwrap();

        assert_eq!(Profile::load(&path).unwrap(), anna());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("role = \"translator\""), "{text}");
        assert!(text.contains("ui_language = \"be\""), "{text}");
    }

    #[test]
    fn a_missing_profile_is_the_default_one_without_a_name() {
        let dir = tempfile::tempdir().unwrap();

        let profile = Profile::load(&dir.path().join(PROFILE_FILE)).unwrap();

        assert!(!profile.has_name());
        assert_eq!(profile.ui_language, UiLanguage::En);
        assert_eq!(profile.role, Role::Author);
        assert_eq!(profile.auto_sync, AutoSync::default());
    }

    #[test]
    fn auto_sync_is_on_unless_the_profile_turns_a_moment_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PROFILE_FILE);
        std::fs::write(
            &path,
            "name = \"Ala\"\n[auto_sync]\nbefore_export = false\n",
        )
        .unwrap();

        let sync = Profile::load(&path).unwrap().auto_sync;

        assert!(
            sync.on_open && sync.after_pause && !sync.before_export,
            "{sync:?}"
        );
    }

    #[test]
    fn a_malformed_profile_is_an_error_naming_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PROFILE_FILE);
        std::fs::write(&path, "name = \"Ala\"\nrole = \"boss\"\n").unwrap();

        let error = Profile::load(&path).unwrap_err();

        assert_eq!(error.kind(), crate::ErrorKind::InvalidSettings);
        let message = error.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("line 2"), "{message}");
        assert_eq!(error.code(), Some(ErrorCode::SettingsUnreadable));
        assert_eq!(error.args()[1], ("line", "2".to_string()));
    }

    #[test]
    fn a_name_with_a_line_break_in_the_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PROFILE_FILE);
        std::fs::write(&path, "name = \"Ala\\nma kota\"\n").unwrap();

        let message = Profile::load(&path).unwrap_err().to_string();

        assert!(message.contains("one line"), "{message}");
    }

    #[test]
    fn saving_without_a_name_is_refused_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PROFILE_FILE);
        let nameless = Profile {
            name: "   ".into(),
            ..anna()
        };

        let error = nameless.save(&path).unwrap_err();

        assert_eq!(error.kind(), crate::ErrorKind::Invalid);
        assert!(!path.exists());
    }

    #[test]
    fn saving_trims_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PROFILE_FILE);

        Profile {
            name: "  Ala  ".into(),
            ..anna()
        }
        .save(&path)
        .unwrap();

        assert_eq!(Profile::load(&path).unwrap().name, "Ala");
    }

    #[test]
    fn attribution_prefers_the_override_then_the_profile_then_the_login() {
        let named = anna();
        let nameless = Profile::default();

        assert_eq!(attribution(Some("ci"), &named, Some("login")), "ci");
        assert_eq!(attribution(None, &named, Some("login")), "Ганна Жук");
        assert_eq!(attribution(Some(" "), &nameless, Some("login")), "login");
        assert_eq!(attribution(None, &nameless, None), "unknown");
    }
}
