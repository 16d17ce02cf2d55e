//! The Settings view's commands: the profile (in a temp file standing for the app's config
//! folder) signs new versions; the workspace's languages and sections are changed through the
//! core, which refuses removing what drafts still use.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use tauri::test::{mock_builder, MockRuntime};
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::support::{invoke, sample_workspace};
use galley_desktop::profile_store::ProfileStore;

const PATH: &str = "2020-W21/key-rate-cut.en.md";

struct SettingsApp {
    _app: App<MockRuntime>,
    main: WebviewWindow<MockRuntime>,
    other: WebviewWindow<MockRuntime>,
}

impl SettingsApp {
    /// The app with its profile at `profile` and "login" as the login name, no override.
    fn open(workspace: &Path, profile: &Path) -> SettingsApp {
        let store = ProfileStore::at(Some(profile.to_path_buf()), None, Some("login".into()));
        let app = galley_desktop::builder(
            mock_builder().manage(store),
            galley_desktop::open_session(workspace),
        )
        .build(galley_desktop::context())
        .expect("build the mock app");
        // What `setup` does in the real app (the mock runtime runs no `setup`).
        galley_desktop::profile_store::install(app.handle());
        let window = |label: &str| {
            WebviewWindowBuilder::new(&app, label, WebviewUrl::default())
                .build()
                .expect("build a mock window")
        };
        let (main, other) = (window("main"), window("other"));
        SettingsApp {
            _app: app,
            main,
            other,
        }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.main, cmd, args)
    }
}

fn profile_file(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("config").join("profile.toml")
}

fn save_an_edit(app: &SettingsApp) -> Value {
    let draft = app
        .invoke("read_draft", json!({ "path": PATH }))
        .expect("read");
    let text = format!(
        "{}\nOne more line.\n",
        draft["text"].as_str().expect("text")
    );
    app.invoke(
        "save_draft",
        json!({ "path": PATH, "text": text, "loadedHash": draft["hash"] }),
    )
    .expect("save")
}

#[test]
fn a_first_launch_has_no_name_and_suggests_the_login() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let profile = app.invoke("get_profile", json!({})).expect("profile");

    assert_eq!(profile["name"], "");
    assert_eq!(profile["suggestedName"], "login");
    assert_eq!(profile["signsAs"], "login");
    assert_eq!(profile["uiLanguage"], "en");
    assert!(!profile_file(&config).exists(), "reading writes nothing");
}

#[test]
fn a_version_saved_after_setting_the_name_is_attributed_to_it() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let profile = app
        .invoke(
            "set_profile",
            json!({ "profile": { "name": " Ганна Жук ", "role": "translator", "uiLanguage": "be" } }),
        )
        .expect("set profile");
    let saved = save_an_edit(&app);

    assert_eq!(profile["name"], "Ганна Жук");
    assert_eq!(profile["signsAs"], "Ганна Жук");
    assert_eq!(saved["version"]["author"], "Ганна Жук", "{saved}");
    let text = std::fs::read_to_string(profile_file(&config)).expect("profile written");
    assert!(text.contains("role = \"translator\""), "{text}");
    assert!(text.contains("ui_language = \"be\""), "{text}");
}

#[test]
fn a_saved_profile_signs_versions_from_the_next_launch() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let path = profile_file(&config);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &path,
        "name = \"Pavel\"\nrole = \"editor\"\nui_language = \"ru\"\n",
    )
    .expect("write");

    let app = SettingsApp::open(workspace.path(), &path);

    let profile = app.invoke("get_profile", json!({})).expect("profile");
    assert_eq!(profile["role"], "editor");
    assert_eq!(profile["uiLanguage"], "ru");
    assert_eq!(save_an_edit(&app)["version"]["author"], "Pavel");
}

#[test]
fn an_empty_name_is_refused_and_nothing_is_written() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let refused = app
        .invoke(
            "set_profile",
            json!({ "profile": { "name": "  ", "role": "author", "uiLanguage": "en" } }),
        )
        .expect_err("refused");

    assert_eq!(refused["kind"], "invalid", "{refused}");
    assert!(!profile_file(&config).exists());
}

#[test]
fn a_malformed_profile_is_reported_naming_the_file_and_a_save_replaces_it() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let path = profile_file(&config);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "name = [\n").expect("write");
    let app = SettingsApp::open(workspace.path(), &path);

    let error = app.invoke("get_profile", json!({})).expect_err("malformed");
    assert_eq!(error["kind"], "invalid_settings", "{error}");
    let message = error["message"].as_str().expect("message");
    assert!(message.contains(&path.display().to_string()), "{message}");

    app.invoke(
        "set_profile",
        json!({ "profile": { "name": "Ala", "role": "author", "uiLanguage": "en" } }),
    )
    .expect("a save replaces the broken file");
    assert_eq!(
        app.invoke("get_profile", json!({})).expect("profile")["name"],
        "Ala"
    );
}

#[test]
fn the_workspace_settings_are_the_sample_languages_and_sections() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");

    assert_eq!(settings["languages"], json!(["be", "ru", "en"]));
    assert_eq!(settings["sections"][0]["key"], "security");
    assert_eq!(settings["sections"][0]["titles"]["be"], "Бяспека");
}

#[test]
fn reordering_languages_is_written_once_and_shown_by_the_library() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));
    let mut settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");
    settings["languages"] = json!(["en", "be", "ru"]);
    settings["sections"][1]["titles"]["en"] = json!("Politics and law");

    let saved = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect("saved");
    let again = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect("saved again");

    assert_eq!(saved["changed"], true);
    assert_eq!(again["changed"], false);
    let info = app.invoke("open_workspace_info", json!({})).expect("info");
    assert_eq!(info["languages"], json!(["en", "be", "ru"]));
    let file = std::fs::read_to_string(workspace.path().join(".galley/settings.toml"))
        .expect("read settings");
    assert!(
        file.contains("languages = [\"en\", \"be\", \"ru\"]"),
        "{file}"
    );
    assert!(file.contains("Politics and law"), "{file}");
    assert!(file.contains("team = "), "the team is kept: {file}");
}

#[test]
fn the_publication_settings_are_edited_in_place_and_a_bad_site_address_is_refused() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));
    let mut settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");
    assert_eq!(settings["publication"]["publisher"], "Minsk Policy Review");
    assert_eq!(
        settings["publication"]["trendSentences"]["en"]["unchanged"],
        "The situation has not changed"
    );
    settings["publication"]["publisher"] = json!("Example Institute");
    settings["publication"]["trendSentences"]["be"] =
        json!({ "improved": "", "unchanged": "Сітуацыя не змянілася", "deteriorated": "" });

    let saved = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect("saved");

    assert_eq!(saved["changed"], true);
    let file = std::fs::read_to_string(workspace.path().join(".galley/settings.toml"))
        .expect("read settings");
    assert!(file.contains("publisher = \"Example Institute\""), "{file}");
    assert!(
        file.contains("[publication.trend.be]\nunchanged = \"Сітуацыя не змянілася\""),
        "{file}"
    );
    assert!(
        file.contains("# Who publishes, where"),
        "comments are kept: {file}"
    );

    settings["publication"]["baseUrl"] = json!("digest.example.org");
    let error = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect_err("refused");
    assert_eq!(error["kind"], "invalid");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("publication.base_url")),
        "{error}"
    );
}

#[test]
fn removing_a_language_drafts_use_is_refused_naming_a_draft() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));
    let mut settings = app
        .invoke("get_workspace_settings", json!({}))
        .expect("settings");
    settings["languages"] = json!(["be", "en"]);

    let refused = app
        .invoke("update_workspace_settings", json!({ "settings": settings }))
        .expect_err("refused");

    assert_eq!(refused["kind"], "invalid", "{refused}");
    let message = refused["message"].as_str().expect("message");
    assert!(
        message.contains("`ru`") && message.contains(".ru.md"),
        "{message}"
    );
}

#[test]
fn an_unknown_role_is_refused() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let refused = app.invoke(
        "set_profile",
        json!({ "profile": { "name": "Ala", "role": "boss", "uiLanguage": "en" } }),
    );

    assert!(refused.is_err(), "{refused:?}");
    assert!(!profile_file(&config).exists());
}

#[test]
fn another_window_may_not_change_the_profile_or_the_settings() {
    let (workspace, config) = (sample_workspace(), tempfile::tempdir().expect("temp"));
    let app = SettingsApp::open(workspace.path(), &profile_file(&config));

    let profile = invoke(
        &app.other,
        "set_profile",
        json!({ "profile": { "name": "Mallory", "role": "author", "uiLanguage": "en" } }),
    );
    let settings = invoke(
        &app.other,
        "update_workspace_settings",
        json!({ "settings": { "languages": ["en"], "sections": [] } }),
    );

    assert!(matches!(profile, Err(Value::String(_))), "{profile:?}");
    assert!(matches!(settings, Err(Value::String(_))), "{settings:?}");
    assert!(!profile_file(&config).exists());
}
