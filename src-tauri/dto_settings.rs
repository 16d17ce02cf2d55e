//! What the Settings view sends and receives: the user's profile and the workspace's shared
//! languages and sections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use galley_core::profile::{AutoSync, Profile, Role, UiLanguage};
use galley_core::settings::{Section, Settings};
use galley_core::settings_edit::SettingsChange;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    /// Empty until the user gives it (the app then asks).
    pub name: String,
    pub role: RoleTag,
    pub ui_language: UiLanguageTag,
    /// The login name, offered as the name on first launch.
    pub suggested_name: Option<String>,
    /// Whom new versions are signed with now (the name, or an override such as $GALLEY_AUTHOR).
    pub signs_as: String,
    pub auto_sync: AutoSyncSettings,
}

/// When the app syncs by itself (all on by default).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoSyncSettings {
    pub on_open: bool,
    pub after_pause: bool,
    pub before_export: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub name: String,
    pub role: RoleTag,
    pub ui_language: UiLanguageTag,
    /// Absent (older callers) keeps the auto-sync settings as they are.
    #[serde(default)]
    pub auto_sync: Option<AutoSyncSettings>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RoleTag {
    Author,
    Translator,
    Editor,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum UiLanguageTag {
    En,
    Ru,
    Be,
}

/// The workspace's shared settings as the Settings view edits them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceSettings {
    /// Language tags in display order.
    pub languages: Vec<String>,
    pub sections: Vec<SectionSettings>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionSettings {
    pub key: String,
    /// Title by language tag.
    pub titles: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsSaved {
    /// False when the settings were already so (nothing was written).
    pub changed: bool,
    pub settings: WorkspaceSettings,
}

impl ProfileView {
    pub fn new(profile: &Profile, suggested_name: Option<&str>, signs_as: String) -> Self {
        ProfileView {
            name: profile.name.clone(),
            role: match profile.role {
                Role::Author => RoleTag::Author,
                Role::Translator => RoleTag::Translator,
                Role::Editor => RoleTag::Editor,
            },
            ui_language: match profile.ui_language {
                UiLanguage::En => UiLanguageTag::En,
                UiLanguage::Ru => UiLanguageTag::Ru,
                UiLanguage::Be => UiLanguageTag::Be,
            },
            suggested_name: suggested_name.map(str::to_string),
            signs_as,
            auto_sync: profile.auto_sync.into(),
        }
    }
}

impl From<AutoSync> for AutoSyncSettings {
    fn from(sync: AutoSync) -> Self {
        AutoSyncSettings {
            on_open: sync.on_open,
            after_pause: sync.after_pause,
            before_export: sync.before_export,
        }
    }
}

impl From<AutoSyncSettings> for AutoSync {
    fn from(sync: AutoSyncSettings) -> Self {
        AutoSync {
            on_open: sync.on_open,
            after_pause: sync.after_pause,
            before_export: sync.before_export,
        }
    }
}

impl ProfileInput {
    /// The profile to save: `current`'s auto-sync settings unless the input names its own.
    pub fn into_profile(self, current: &Profile) -> Profile {
        Profile {
            name: self.name,
            role: match self.role {
                RoleTag::Author => Role::Author,
                RoleTag::Translator => Role::Translator,
                RoleTag::Editor => Role::Editor,
            },
            ui_language: match self.ui_language {
                UiLanguageTag::En => UiLanguage::En,
                UiLanguageTag::Ru => UiLanguage::Ru,
                UiLanguageTag::Be => UiLanguage::Be,
            },
            auto_sync: self.auto_sync.map_or(current.auto_sync, AutoSync::from),
        }
    }
}

impl From<&Settings> for WorkspaceSettings {
    fn from(settings: &Settings) -> Self {
        WorkspaceSettings {
            languages: settings.languages.clone(),
            sections: settings
                .sections
                .iter()
                .map(|s| SectionSettings {
                    key: s.key.clone(),
                    titles: s.title.clone(),
                })
                .collect(),
        }
    }
}

impl From<WorkspaceSettings> for SettingsChange {
    fn from(settings: WorkspaceSettings) -> Self {
        SettingsChange {
            languages: settings.languages,
            sections: settings
                .sections
                .into_iter()
                .map(|s| Section {
                    key: s.key,
                    title: s.titles,
                })
                .collect(),
        }
    }
}
