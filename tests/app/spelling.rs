//! The spell checker follows the open draft's language: the dictionary each language needs,
//! a clear answer when it is not installed or Galley has none, and off when the user says so.

use serde_json::{json, Value};

use galley_desktop::spelling::Dictionaries;

use crate::support::{sample_workspace, TestApp};

fn app_with_dictionaries(names: &[&str]) -> (TestApp, tempfile::TempDir, tempfile::TempDir) {
    let workspace = sample_workspace();
    let app = TestApp::open(workspace.path());
    let dir = tempfile::tempdir().expect("a temp dir");
    for name in names {
        std::fs::write(dir.path().join(name), "").expect("write a dictionary file");
    }
    tauri::Manager::manage(app.handle(), Dictionaries::at(vec![dir.path().into()]));
    (app, workspace, dir)
}

fn spelling(app: &TestApp, lang: &str, enabled: bool) -> Value {
    app.invoke("set_spelling", json!({ "lang": lang, "enabled": enabled }))
        .expect("set_spelling answers")
}

#[test]
fn each_draft_language_is_checked_with_its_dictionary() {
    let (app, _workspace, _dir) = app_with_dictionaries(&[
        "be_BY.dic",
        "be_BY.aff",
        "ru_RU.dic",
        "ru_RU.aff",
        "en_US.dic",
        "en_US.aff",
    ]);
    for (lang, dictionary) in [("be", "be_BY"), ("ru", "ru_RU"), ("en", "en_US")] {
        assert_eq!(
            spelling(&app, lang, true),
            json!({ "state": "checking", "lang": lang, "dictionary": dictionary })
        );
    }
}

#[test]
fn a_missing_dictionary_is_named_with_its_package() {
    let (app, _workspace, _dir) = app_with_dictionaries(&["en_US.dic", "en_US.aff"]);
    assert_eq!(
        spelling(&app, "be", true),
        json!({ "state": "missing", "lang": "be", "dictionary": "be_BY", "package": "hunspell-be" })
    );
}

#[test]
fn a_language_without_a_dictionary_and_spelling_off_check_nothing() {
    let (app, _workspace, _dir) = app_with_dictionaries(&["en_US.dic", "en_US.aff"]);
    assert_eq!(
        spelling(&app, "pl", true),
        json!({ "state": "noDictionary", "lang": "pl" })
    );
    assert_eq!(spelling(&app, "en", false), json!({ "state": "off" }));
}
