// Changing the workspace's settings through the workspace: written only when changed, refused
// when drafts still use what would be removed (naming them), in-memory settings following.

use crate::core::support::{draft, TempWorkspace};
use galley_core::settings::Section;
use galley_core::settings_edit::SettingsChange;
use galley_core::workspace::{SETTINGS_FILE, STATE_DIR};
use galley_core::ErrorKind;
use std::collections::BTreeMap;

fn settings_path(t: &TempWorkspace) -> std::path::PathBuf {
    t.root().join(STATE_DIR).join(SETTINGS_FILE)
}

fn current(t: &TempWorkspace) -> SettingsChange {
    SettingsChange {
        languages: t.ws.settings().languages.clone(),
        sections: t.ws.settings().sections.clone(),
        publication: t.ws.settings().publication.clone(),
    }
}

fn security() -> Section {
    Section {
        key: "security".into(),
        title: BTreeMap::from([("en".into(), "Security".into())]),
    }
}

#[test]
fn an_unchanged_update_writes_nothing() {
    let mut t = TempWorkspace::new();
    std::fs::write(
        settings_path(&t),
        "# hand-written\nlanguages = [ 'be','ru','en' ]\n",
    )
    .unwrap();

    let changed = t.ws.update_settings(current(&t)).unwrap();

    assert!(!changed);
    assert_eq!(
        std::fs::read_to_string(settings_path(&t)).unwrap(),
        "# hand-written\nlanguages = [ 'be','ru','en' ]\n"
    );
}

#[test]
fn an_update_is_written_and_seen_by_the_workspace_and_a_reopened_one() {
    let mut t = TempWorkspace::new();
    let mut change = current(&t);
    change.languages = vec!["en".into(), "be".into(), "ru".into(), "pl".into()];
    change.sections.push(security());

    assert!(t.ws.update_settings(change).unwrap());

    assert_eq!(t.ws.settings().languages, ["en", "be", "ru", "pl"]);
    let reopened = galley_core::settings::Settings::load(&settings_path(&t)).unwrap();
    assert_eq!(reopened, *t.ws.settings());
    assert_eq!(reopened.section("security"), Some(&security()));
}

#[test]
fn removing_a_language_drafts_use_is_refused_naming_them() {
    let mut t = TempWorkspace::new();
    t.write(
        "2020-W20/reserve.ru.md",
        &draft("reserve", "ru", "Резерв", "Текст."),
    );
    let before = std::fs::read_to_string(settings_path(&t)).unwrap();
    let mut change = current(&t);
    change.languages.retain(|l| l != "ru");

    let error = t.ws.update_settings(change).unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Invalid);
    let message = error.to_string();
    assert!(message.contains("`ru`"), "{message}");
    assert!(message.contains("2020-W20/reserve.ru.md"), "{message}");
    assert_eq!(std::fs::read_to_string(settings_path(&t)).unwrap(), before);
    assert!(t.ws.settings().languages.contains(&"ru".to_string()));
}

#[test]
fn removing_an_unused_language_is_allowed() {
    let mut t = TempWorkspace::new();
    t.write(
        "2020-W20/reserve.ru.md",
        &draft("reserve", "ru", "Резерв", "Текст."),
    );
    let mut change = current(&t);
    change.languages.retain(|l| l != "be");

    assert!(t.ws.update_settings(change).unwrap());
    assert_eq!(t.ws.settings().languages, ["ru", "en"]);
}

#[test]
fn removing_a_section_drafts_use_is_refused_naming_them() {
    let mut t = TempWorkspace::new();
    let mut with_section = current(&t);
    with_section.sections.push(security());
    t.ws.update_settings(with_section).unwrap();
    t.write(
        "2020-W20/reserve.en.md",
        &draft("reserve", "en", "Reserve", "Text."),
    );
    let mut change = current(&t);
    change.sections.clear();

    let message = t.ws.update_settings(change).unwrap_err().to_string();

    assert!(message.contains("section `security`"), "{message}");
    assert!(message.contains("1 draft still uses it"), "{message}");
    assert!(message.contains("2020-W20/reserve.en.md"), "{message}");
}

#[test]
fn an_invalid_change_is_refused_and_changes_nothing() {
    let mut t = TempWorkspace::new();
    let before = std::fs::read_to_string(settings_path(&t)).unwrap();
    let mut change = current(&t);
    change.languages.push("be".into());

    let error = t.ws.update_settings(change).unwrap_err();

    assert!(
        error.to_string().contains("`be` is listed twice"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(settings_path(&t)).unwrap(), before);
}

// --- The [publication] table ---------------------------------------------------------------

fn load(text: &str) -> galley_core::error::Result<galley_core::settings::Settings> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.toml");
    std::fs::write(&path, text).unwrap();
    galley_core::settings::Settings::load(&path)
}

#[test]
fn publication_settings_are_read_and_normalized() {
    let settings = load(
        "languages = ['en', 'ru']\n\n[publication]\npublisher = ' Example Institute '\n\
         base_url = 'https://example.org/digest'\nnewsletter_title = { en = 'Weekly', ru = ' ' }\n\n\
         [publication.trend.en]\nunchanged = 'The situation has not changed'\n",
    )
    .unwrap();
    let p = &settings.publication;
    assert_eq!(p.publisher.as_deref(), Some("Example Institute"));
    assert_eq!(p.base_url.as_deref(), Some("https://example.org/digest/"));
    assert_eq!(p.newsletter_title.len(), 1, "a blank title is no title");
    assert_eq!(
        p.trend_phrase("en", galley_core::draft::Trend::Unchanged),
        Some("The situation has not changed")
    );
    assert_eq!(
        p.trend_phrase("en", galley_core::draft::Trend::Improved),
        None
    );
    assert_eq!(
        load("languages = ['en']\n").unwrap().publication,
        Default::default()
    );
}

#[test]
fn a_bad_publication_setting_is_refused_naming_the_key_and_its_line() {
    let err = load("[publication]\nbase_url = 'digest.example.org'\n").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("`publication.base_url`"), "{message}");
    assert!(
        message.contains("https://example.org/digest/"),
        "says what to write: {message}"
    );
    let err = load("languages = ['en']\n\n[publication]\npublsher = 'X'\n").unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("publsher") && message.contains("(line 4)"),
        "{message}"
    );
    let err = load("[publication.trend.en]\nsame = 'x'\n").unwrap_err();
    assert!(err.to_string().contains("same"), "{err}");
}

#[test]
fn changing_languages_and_sections_keeps_the_publication_table() {
    let mut t = TempWorkspace::new();
    std::fs::write(
        settings_path(&t),
        "languages = ['be', 'ru', 'en']\n\n[publication]\npublisher = 'Example Institute'\n",
    )
    .unwrap();
    t.ws.update_settings(SettingsChange {
        languages: vec!["be".into(), "ru".into(), "en".into(), "pl".into()],
        sections: vec![security()],
        // The app sends the publication table as it read it.
        publication: galley_core::settings::Settings::load(&settings_path(&t))
            .unwrap()
            .publication,
    })
    .unwrap();
    let text = std::fs::read_to_string(settings_path(&t)).unwrap();
    assert!(
        text.contains("[publication]\npublisher = 'Example Institute'\n"),
        "{text}"
    );
    assert_eq!(
        t.ws.settings().publication.publisher.as_deref(),
        Some("Example Institute")
    );
}

#[test]
fn the_publication_settings_are_changed_in_place_and_seen_by_the_workspace() {
    let mut t = TempWorkspace::new();
    let mut change = current(&t);
    change.publication.publisher = Some("Example Institute".into());
    change.publication.trend.insert(
        "en".into(),
        galley_core::publication::TrendPhrases {
            unchanged: Some("The situation has not changed".into()),
            ..Default::default()
        },
    );
    assert!(t.ws.update_settings(change.clone()).unwrap());
    assert!(
        !t.ws.update_settings(change).unwrap(),
        "the same again writes nothing"
    );
    let reopened = galley_core::settings::Settings::load(&settings_path(&t)).unwrap();
    assert_eq!(reopened.publication, t.ws.settings().publication);
    assert_eq!(
        reopened
            .publication
            .trend_phrase("en", galley_core::draft::Trend::Unchanged),
        Some("The situation has not changed")
    );
}

#[test]
fn a_language_gets_its_own_trend_table_beside_the_samples_and_comments_stay() {
    let mut t = TempWorkspace::new();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts/.galley/settings.toml");
    std::fs::copy(&sample, settings_path(&t)).unwrap();
    // What the app sends: the settings as it read them, with one edit.
    let loaded = galley_core::settings::Settings::load(&sample).unwrap();
    let mut change = SettingsChange {
        languages: loaded.languages,
        sections: loaded.sections,
        publication: loaded.publication,
    };
    change.publication.trend.insert(
        "be".into(),
        galley_core::publication::TrendPhrases {
            unchanged: Some("Сітуацыя не змянілася".into()),
            ..Default::default()
        },
    );
    t.ws.update_settings(change).unwrap();
    let text = std::fs::read_to_string(settings_path(&t)).unwrap();
    let before = std::fs::read_to_string(&sample).unwrap();
    assert_eq!(
        text,
        format!("{before}\n[publication.trend.be]\nunchanged = \"Сітуацыя не змянілася\"\n"),
        "only the new table is added"
    );
}
