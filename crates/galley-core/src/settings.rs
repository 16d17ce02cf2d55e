//! Workspace settings, kept in `.galley/settings.toml` so they travel with the workspace
//! through git (unlike history, which is per machine).

use crate::atomic::write_atomic;
use crate::error::{Error, ErrorCode, Result};
use crate::publication::Publication;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// BCP 47 tags of the language versions every commentary should have, in display order.
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// The team's names, offered as authors.
    #[serde(default)]
    pub team: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// A new week's issue title per language, as a pattern (`issue::issue_title`); a language
    /// without one uses `issue::default_title_pattern`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub issue_title: BTreeMap<String, String>,
    /// Who publishes, where, and in which words (`[publication]`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub publication: Publication,
}

fn is_default(publication: &Publication) -> bool {
    *publication == Publication::default()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: String,
    /// Display title per language tag.
    #[serde(default)]
    pub title: BTreeMap<String, String>,
}

fn default_languages() -> Vec<String> {
    ["be", "ru", "en"].map(String::from).to_vec()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            languages: default_languages(),
            team: Vec::new(),
            sections: Vec::new(),
            issue_title: BTreeMap::new(),
            publication: Publication::default(),
        }
    }
}

impl Settings {
    /// Reads the settings file; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Settings> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(Error::io("read", path, e)),
        };
        if let Some(markers) = crate::conflict::find_markers(&text) {
            return Err(Error::conflict_markers(path, &markers));
        }
        let mut settings: Settings =
            toml::from_str(&text).map_err(|e| unreadable(path, &text, &e, ""))?;
        settings
            .validate()
            .map_err(|problem| problem.into_error(path))?;
        Ok(settings)
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        self.clone()
            .validate()
            .map_err(|problem| problem.into_error(path))?;
        let text = toml::to_string_pretty(self).map_err(|e| Error::InvalidSettings {
            path: path.to_path_buf(),
            message: e.to_string(),
            detail: None,
        })?;
        let header = "# Galley workspace settings (shared through git; history is not).\n";
        write_atomic(path, format!("{header}{text}").as_bytes())
    }

    /// Refuses a language the workspace doesn't publish in, naming the ones it does.
    pub fn require_language(&self, lang: &str) -> Result<()> {
        if self.languages.iter().any(|l| l == lang) {
            return Ok(());
        }
        Err(Error::invalid(
            format!("language `{lang}`"),
            format!(
                "the workspace's languages are {}",
                self.languages.join(", ")
            ),
        )
        .coded(
            crate::ErrorCode::LanguageUnknown,
            [
                ("lang", lang.to_string()),
                ("languages", self.languages.join(", ")),
            ],
        ))
    }

    /// The pattern a new issue's `lang` title is made from.
    pub fn issue_title_pattern(&self, lang: &str) -> &str {
        self.issue_title
            .get(lang)
            .map_or_else(|| crate::issue::default_title_pattern(lang), String::as_str)
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Checks the settings and normalizes the publication's values (see
    /// [`Publication::validate`]).
    fn validate(&mut self) -> std::result::Result<(), SettingsProblem> {
        let problem = SettingsProblem::new;
        if let Err(message) = self.publication.validate() {
            let url = self.publication.base_url.clone().unwrap_or_default();
            return Err(problem(
                message,
                ErrorCode::BaseUrlInvalid,
                vec![("url", url)],
            ));
        }
        if self.languages.is_empty() {
            let message = "`languages` must name at least one language";
            return Err(problem(
                message.into(),
                ErrorCode::SettingsLanguagesEmpty,
                vec![],
            ));
        }
        for (i, lang) in self.languages.iter().enumerate() {
            if self.languages[..i].contains(lang) {
                return Err(problem(
                    format!("language `{lang}` is listed twice"),
                    ErrorCode::SettingsLanguageListedTwice,
                    vec![("lang", lang.clone())],
                ));
            }
        }
        for (lang, pattern) in &self.issue_title {
            crate::issue::check_title_pattern(pattern).map_err(|why| {
                problem(
                    format!("the `issue_title` pattern for `{lang}` is unusable: {why}"),
                    ErrorCode::SettingsTitlePatternInvalid,
                    vec![("lang", lang.clone()), ("pattern", pattern.clone())],
                )
            })?;
        }
        for (i, section) in self.sections.iter().enumerate() {
            if section.key.trim().is_empty() {
                return Err(problem(
                    format!("section {} has an empty key", i + 1),
                    ErrorCode::SettingsSectionKeyEmpty,
                    vec![("position", (i + 1).to_string())],
                ));
            }
            if self.sections[..i].iter().any(|s| s.key == section.key) {
                return Err(problem(
                    format!("section `{}` is listed twice", section.key),
                    ErrorCode::SettingsSectionListedTwice,
                    vec![("section", section.key.clone())],
                ));
            }
        }
        Ok(())
    }
}

/// Why settings were refused: the sentence, and the same as a code with its facts after the
/// file's `path` (none for a base address, whose code is also met when editing it).
struct SettingsProblem {
    message: String,
    code: ErrorCode,
    facts: Vec<(&'static str, String)>,
}

impl SettingsProblem {
    fn new(message: String, code: ErrorCode, facts: Vec<(&'static str, String)>) -> Self {
        SettingsProblem {
            message,
            code,
            facts,
        }
    }

    fn into_error(self, path: &Path) -> Error {
        let error = Error::InvalidSettings {
            path: path.to_path_buf(),
            message: self.message,
            detail: None,
        };
        let place =
            (self.code != ErrorCode::BaseUrlInvalid).then(|| ("path", path.display().to_string()));
        error.with_detail(self.code, place.into_iter().chain(self.facts).collect())
    }
}

/// A settings-like TOML file (the workspace's settings, the profile) that does not parse: the
/// parser's words with the line, coded when the line is known; `advice` ends the sentence.
pub(crate) fn unreadable(path: &Path, text: &str, e: &toml::de::Error, advice: &str) -> Error {
    let error = Error::InvalidSettings {
        path: path.to_path_buf(),
        message: format!("{}{}{advice}", e.message(), line_hint(text, e.span())),
        detail: None,
    };
    match line_of(text, e.span()) {
        Some(line) => error.coded(
            ErrorCode::SettingsUnreadable,
            [
                ("path", path.display().to_string()),
                ("line", line.to_string()),
                ("toml_says", e.message().to_string()),
            ],
        ),
        None => error,
    }
}

pub(crate) fn line_hint(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    match line_of(text, span) {
        Some(line) => format!(" (line {line})"),
        None => String::new(),
    }
}

/// The line a parser's `span` starts on, counted from 1.
pub(crate) fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> Option<usize> {
    let before = text.get(..span?.start).unwrap_or(text);
    Some(before.matches('\n').count() + 1)
}
