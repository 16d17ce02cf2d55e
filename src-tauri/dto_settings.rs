//! What the Settings view sends and receives: the user's profile and the workspace's shared
//! languages, sections and publication settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use galley_core::profile::{AutoSync, Profile, Role, UiLanguage};
use galley_core::publication::{Publication, TrendPhrases};
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
    pub publication: PublicationSettings,
}

/// The `[publication]` table as the Settings view edits it; an empty text means unset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicationSettings {
    pub publisher: String,
    pub base_url: String,
    pub copyright: String,
    /// Newsletter title by language tag.
    pub newsletter_titles: BTreeMap<String, String>,
    /// The sentences shown for each trend, by language tag.
    pub trend_sentences: BTreeMap<String, TrendSentences>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendSentences {
    pub improved: String,
    pub unchanged: String,
    pub deteriorated: String,
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
            publication: (&settings.publication).into(),
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
            publication: settings.publication.into(),
        }
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// Blank is unset (the core trims and checks the rest).
fn set(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

impl From<&Publication> for PublicationSettings {
    fn from(p: &Publication) -> Self {
        PublicationSettings {
            publisher: text(&p.publisher),
            base_url: text(&p.base_url),
            copyright: text(&p.copyright),
            newsletter_titles: p.newsletter_title.clone(),
            trend_sentences: p
                .trend
                .iter()
                .map(|(lang, t)| {
                    let sentences = TrendSentences {
                        improved: text(&t.improved),
                        unchanged: text(&t.unchanged),
                        deteriorated: text(&t.deteriorated),
                    };
                    (lang.clone(), sentences)
                })
                .collect(),
        }
    }
}

impl From<PublicationSettings> for Publication {
    fn from(p: PublicationSettings) -> Self {
        Publication {
            publisher: set(p.publisher),
            base_url: set(p.base_url),
            copyright: set(p.copyright),
            newsletter_title: p.newsletter_titles,
            trend: p
                .trend_sentences
                .into_iter()
                .map(|(lang, t)| {
                    let phrases = TrendPhrases {
                        improved: set(t.improved),
                        unchanged: set(t.unchanged),
                        deteriorated: set(t.deteriorated),
                    };
                    (lang, phrases)
                })
                .filter(|(_, t)| *t != TrendPhrases::default())
                .collect(),
        }
    }
}
