//! Spell checking as the user types, in the open draft's language: WebKitGTK's own checker
//! (Enchant's hunspell provider with Debian's dictionaries, which `scripts/setup` installs),
//! switched on the webview's context whenever the editor opens a draft. The webview already
//! marks the text `spellcheck="true"` with the draft's `lang`; WebKitGTK checks only the
//! languages its context is given, so the shell gives it the draft's.
//!
//! Which dictionary a language needs and whether it is there is decided here (pure, tested);
//! applying it is the small platform step, a no-op outside Linux, where the webviews follow the
//! page's `lang` and `spellcheck` attributes by themselves.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

/// Galley's languages, each with its dictionary (Enchant's name) and the Debian package that
/// brings it.
const DICTIONARIES: [(&str, &str, &str); 3] = [
    ("be", "be_BY", "hunspell-be"),
    ("ru", "ru_RU", "hunspell-ru"),
    ("en", "en_US", "hunspell-en-us"),
];

/// Where Debian's hunspell packages put their dictionaries (and Enchant looks for them).
pub const SYSTEM_DICTIONARY_DIRS: [&str; 2] = ["/usr/share/hunspell", "/usr/share/myspell"];

/// What the spell checker does for one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "state")]
pub enum SpellingView {
    /// Misspellings are marked, with `dictionary`.
    Checking { lang: String, dictionary: String },
    /// The user turned spell checking off.
    Off,
    /// Galley has no dictionary for this language: nothing is marked.
    NoDictionary { lang: String },
    /// The dictionary is not installed; installing `package` brings it.
    Missing {
        lang: String,
        dictionary: String,
        package: String,
    },
}

impl SpellingView {
    /// The dictionaries to hand WebKitGTK: none unless checking.
    pub fn languages(&self) -> Vec<String> {
        match self {
            SpellingView::Checking { dictionary, .. } => vec![dictionary.clone()],
            _ => Vec::new(),
        }
    }
}

/// The dictionary (Enchant's name) and Debian package for a draft's `lang` (`be`, `ru-RU`,
/// `EN`), or `None` for a language Galley has none for.
pub fn dictionary_for(lang: &str) -> Option<(&'static str, &'static str)> {
    let primary = lang.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    DICTIONARIES
        .iter()
        .find(|(known, ..)| *known == primary)
        .map(|(_, dictionary, package)| (*dictionary, *package))
}

/// The folders the dictionaries are looked for in (the system's; tests give their own).
pub struct Dictionaries {
    dirs: Vec<PathBuf>,
}

impl Dictionaries {
    pub fn system() -> Dictionaries {
        Dictionaries::at(SYSTEM_DICTIONARY_DIRS.iter().map(PathBuf::from).collect())
    }

    pub fn at(dirs: Vec<PathBuf>) -> Dictionaries {
        Dictionaries { dirs }
    }

    /// A hunspell dictionary is its `.dic` and `.aff` files side by side.
    fn installed(&self, dictionary: &str) -> bool {
        let has = |dir: &Path| {
            dir.join(format!("{dictionary}.dic")).is_file()
                && dir.join(format!("{dictionary}.aff")).is_file()
        };
        self.dirs.iter().any(|dir| has(dir))
    }

    /// What checking a draft in `lang` comes to.
    pub fn choose(&self, lang: &str, enabled: bool) -> SpellingView {
        if !enabled {
            return SpellingView::Off;
        }
        let Some((dictionary, package)) = dictionary_for(lang) else {
            return SpellingView::NoDictionary { lang: lang.into() };
        };
        if !self.installed(dictionary) {
            return SpellingView::Missing {
                lang: lang.into(),
                dictionary: dictionary.into(),
                package: package.into(),
            };
        }
        SpellingView::Checking {
            lang: lang.into(),
            dictionary: dictionary.into(),
        }
    }
}

/// Hands WebKitGTK the dictionaries to check with (none switches checking off).
#[cfg(target_os = "linux")]
pub fn apply<R: tauri::Runtime>(
    webview: &tauri::Webview<R>,
    languages: Vec<String>,
) -> tauri::Result<()> {
    webview.with_webview(move |platform| {
        use webkit2gtk::{WebContextExt, WebViewExt};
        let Some(context) = platform.inner().context() else {
            return;
        };
        let names: Vec<&str> = languages.iter().map(String::as_str).collect();
        context.set_spell_checking_languages(&names);
        context.set_spell_checking_enabled(!names.is_empty());
    })
}

/// Other platforms' webviews check by the page's `lang` and `spellcheck` attributes.
#[cfg(not(target_os = "linux"))]
pub fn apply<R: tauri::Runtime>(
    _webview: &tauri::Webview<R>,
    _languages: Vec<String>,
) -> tauri::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(names: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temp dir");
        for name in names {
            std::fs::write(dir.path().join(name), "").expect("write a dictionary file");
        }
        dir
    }

    #[test]
    fn each_language_has_its_dictionary_and_package() {
        assert_eq!(dictionary_for("be"), Some(("be_BY", "hunspell-be")));
        assert_eq!(dictionary_for("ru-RU"), Some(("ru_RU", "hunspell-ru")));
        assert_eq!(dictionary_for("EN"), Some(("en_US", "hunspell-en-us")));
        assert_eq!(dictionary_for("uk"), None);
        assert_eq!(dictionary_for(""), None);
    }

    #[test]
    fn an_installed_dictionary_is_checked_with() {
        let dir = dir_with(&["be_BY.dic", "be_BY.aff"]);
        let view = Dictionaries::at(vec![dir.path().into()]).choose("be", true);
        assert_eq!(
            view,
            SpellingView::Checking {
                lang: "be".into(),
                dictionary: "be_BY".into()
            }
        );
        assert_eq!(view.languages(), ["be_BY"]);
    }

    #[test]
    fn a_dictionary_without_its_affix_file_is_missing() {
        let dir = dir_with(&["ru_RU.dic"]);
        let view = Dictionaries::at(vec![dir.path().into()]).choose("ru", true);
        assert_eq!(
            view,
            SpellingView::Missing {
                lang: "ru".into(),
                dictionary: "ru_RU".into(),
                package: "hunspell-ru".into()
            }
        );
        assert!(view.languages().is_empty());
    }

    #[test]
    fn off_and_unknown_languages_check_nothing() {
        let dir = dir_with(&["en_US.dic", "en_US.aff"]);
        let dictionaries = Dictionaries::at(vec![dir.path().into()]);
        assert_eq!(dictionaries.choose("en", false), SpellingView::Off);
        assert_eq!(
            dictionaries.choose("pl", true),
            SpellingView::NoDictionary { lang: "pl".into() }
        );
        assert!(dictionaries.choose("pl", true).languages().is_empty());
    }
}
