//! What the Settings view sends and receives: the user's profile and the workspace's shared
//! languages and sections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use galley_core::profile::{Profile, Role, UiLanguage};
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
}

#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    pub name: String,
    pub role: RoleTag,
    pub ui_language: UiLanguageTag,
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
        }
    }
}

impl From<ProfileInput> for Profile {
    fn from(input: ProfileInput) -> Profile {
        Profile {
            name: input.name,
            role: match input.role {
                RoleTag::Author => Role::Author,
                RoleTag::Translator => Role::Translator,
                RoleTag::Editor => Role::Editor,
            },
            ui_language: match input.ui_language {
                UiLanguageTag::En => UiLanguage::En,
                UiLanguageTag::Ru => UiLanguage::Ru,
                UiLanguageTag::Be => UiLanguage::Be,
            },
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
