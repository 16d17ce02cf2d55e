//! Changing the workspace's shared settings (languages, sections) from the app, refusing a
//! change that would leave drafts pointing at a language or section that no longer exists.

use super::{Workspace, SETTINGS_FILE, STATE_DIR};
use crate::atomic::write_atomic;
use crate::error::{Error, ErrorCode, Result};
use crate::settings::Settings;
use crate::settings_edit::{removed, rewrite, SettingsChange};

/// How many draft paths an error names before it says "and N more".
const NAMED_DRAFTS: usize = 5;

impl Workspace {
    /// Applies `change` to `.galley/settings.toml` (as it is on disk now) and returns whether the
    /// file changed: an identical change writes nothing. Removing a language or section that
    /// drafts still use is refused, naming them.
    pub fn update_settings(&mut self, change: SettingsChange) -> Result<bool> {
        let path = self.root().join(STATE_DIR).join(SETTINGS_FILE);
        let current = Settings::load(&path)?;
        let wanted = current.with_change(change)?;
        if wanted == current {
            self.settings = current;
            return Ok(false);
        }
        self.refuse_orphans(&current, &wanted)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Error::io("read", &path, e)),
        };
        write_atomic(&path, rewrite(&text, &current, &wanted)?.as_bytes())?;
        self.settings = wanted;
        Ok(true)
    }

    fn refuse_orphans(&self, current: &Settings, wanted: &Settings) -> Result<()> {
        let gone_languages = removed(&current.languages, &wanted.languages);
        let keys = |s: &Settings| s.sections.iter().map(|x| x.key.clone()).collect::<Vec<_>>();
        let (current_keys, wanted_keys) = (keys(current), keys(wanted));
        let gone_sections = removed(&current_keys, &wanted_keys);
        if gone_languages.is_empty() && gone_sections.is_empty() {
            return Ok(());
        }
        let listing = self.list()?;
        for lang in gone_languages {
            let users: Vec<&str> = listing
                .drafts
                .iter()
                .filter(|d| d.lang == lang)
                .map(|d| d.path.as_str())
                .collect();
            if !users.is_empty() {
                return Err(Error::invalid(
                    format!("removing the language `{lang}`"),
                    format!(
                        "{} ({}); delete those files or change their `lang` first",
                        drafts_count(users.len()),
                        name_some(&users)
                    ),
                )
                .coded(
                    ErrorCode::LanguageInUse,
                    [
                        ("lang", lang.to_string()),
                        ("count", users.len().to_string()),
                        ("paths", named(&users)),
                    ],
                ));
            }
        }
        for key in gone_sections {
            let users: Vec<&str> = listing
                .drafts
                .iter()
                .filter(|d| d.section.as_deref() == Some(key))
                .map(|d| d.path.as_str())
                .collect();
            if !users.is_empty() {
                return Err(Error::invalid(
                    format!("removing the section `{key}`"),
                    format!(
                        "{} ({}); move them to another section first",
                        drafts_count(users.len()),
                        name_some(&users)
                    ),
                )
                .coded(
                    ErrorCode::SectionInUse,
                    [
                        ("section", key.to_string()),
                        ("count", users.len().to_string()),
                        ("paths", named(&users)),
                    ],
                ));
            }
        }
        Ok(())
    }

    /// Whom new versions are attributed to from now on (the user changed their name).
    pub fn set_author(&mut self, author: impl Into<String>) {
        self.env.author = author.into();
    }
}

/// "1 draft still uses it" / "3 drafts still use it".
fn drafts_count(n: usize) -> String {
    if n == 1 {
        "1 draft still uses it".into()
    } else {
        format!("{n} drafts still use it")
    }
}

fn name_some(paths: &[&str]) -> String {
    let shown = named(paths);
    match paths.len().saturating_sub(NAMED_DRAFTS) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// The first few paths, for an error to name (the count says how many there are in all).
fn named(paths: &[&str]) -> String {
    paths
        .iter()
        .take(NAMED_DRAFTS)
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}
