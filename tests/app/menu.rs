//! The native menu in the UI's language: the labels the UI sends replace the English ones, and
//! the English the menu starts with is en.ts's (one set of words, in the UI's catalogues).

use std::collections::HashMap;

use serde_json::{json, Value};
use tauri::menu::{Menu, MenuItemKind};
use tauri::test::{mock_builder, MockRuntime};
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::support::{invoke, repo_root, sample_workspace};

/// The app with its menu bar, as `run` builds it, on the mock runtime.
struct MenuApp {
    app: App<MockRuntime>,
    main: WebviewWindow<MockRuntime>,
    _workspace: tempfile::TempDir,
}

impl MenuApp {
    fn open() -> MenuApp {
        let workspace = sample_workspace();
        let app = galley_desktop::builder(
            mock_builder(),
            galley_desktop::open_session(workspace.path()),
        )
        .menu(galley_desktop::menu::build)
        .build(galley_desktop::context())
        .expect("build the mock app");
        // The window gets a menu of its own: the mock runtime has no GTK window to put the
        // app's menu bar on, and `set_menu` skips windows with their own.
        let own = Menu::new(&app).expect("an empty menu");
        let main = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
            .menu(own)
            .build()
            .expect("build a mock window");
        MenuApp {
            app,
            main,
            _workspace: workspace,
        }
    }

    fn set_labels(&self, labels: Value) {
        invoke(&self.main, "set_menu_labels", json!({ "labels": labels }))
            .expect("the labels are taken");
    }

    fn shown(&self) -> HashMap<String, String> {
        labels(&self.app.menu().expect("the app has a menu"))
    }
}

/// Every labelled part of the menu by id: submenus, Galley's items and the predefined ones
/// (which carry no id of ours, so they are listed by their place, `edit[N]`).
fn labels(menu: &Menu<MockRuntime>) -> HashMap<String, String> {
    let mut found = HashMap::new();
    for top in menu.items().expect("the menu's items") {
        let MenuItemKind::Submenu(submenu) = top else {
            continue;
        };
        let top_id = submenu.id().as_ref().to_string();
        found.insert(top_id.clone(), submenu.text().expect("a submenu's text"));
        for (index, item) in submenu
            .items()
            .expect("a submenu's items")
            .into_iter()
            .enumerate()
        {
            let text = match &item {
                MenuItemKind::MenuItem(item) => item.text(),
                MenuItemKind::Submenu(item) => item.text(),
                MenuItemKind::Predefined(item) => item.text(),
                _ => continue,
            }
            .expect("an item's text");
            let id = match item {
                MenuItemKind::Predefined(_) => format!("{top_id}[{index}]"),
                other => other.id().as_ref().to_string(),
            };
            found.insert(id, text);
        }
    }
    found
}

#[test]
fn menu_labels_sent_in_russian_replace_the_english_ones() {
    let app = MenuApp::open();
    let russian = json!({
        "file": "Файл",
        "edit": "Правка",
        "find": "Найти…",
        "replace": "Заменить…",
        "save": "Сохранить",
        "open-recent": "Недавние",
        "cut": "Вырезать",
    });
    app.set_labels(russian.clone());

    let shown = app.shown();
    for (id, label) in russian.as_object().expect("an object") {
        if id == "cut" {
            continue; // predefined: checked by its place below
        }
        assert_eq!(
            shown.get(id.as_str()),
            Some(&label.as_str().unwrap().to_string()),
            "{id}"
        );
    }
    assert!(shown.values().any(|text| text == "Вырезать"), "{shown:?}");
    // Ids the UI sent no label for stay English rather than go blank.
    assert_eq!(shown.get("view").map(String::as_str), Some("View"));
    assert_eq!(shown.get("quit").map(String::as_str), Some("Quit"));
}

#[test]
fn menu_labels_sent_again_relabel_the_menu_in_the_new_language() {
    let app = MenuApp::open();
    app.set_labels(json!({ "find": "Найти…", "view": "Вид" }));
    app.set_labels(json!({ "find": "Знайсці…", "view": "Выгляд" }));
    let shown = app.shown();
    assert_eq!(shown.get("view").map(String::as_str), Some("Выгляд"));
    assert_eq!(shown.get("find").map(String::as_str), Some("Знайсці…"));
}

#[test]
fn blank_menu_labels_keep_the_english_ones() {
    let app = MenuApp::open();
    app.set_labels(json!({ "save": "Сохранить" }));
    app.set_labels(json!({ "save": "  " }));
    let shown = app.shown();
    assert_eq!(shown.get("save").map(String::as_str), Some("Save"));
}

/// The English labels menu.rs starts with are en.ts's `menu_<id>` messages, word for word.
#[test]
fn english_menu_labels_are_the_english_catalogues() {
    let catalogue = std::fs::read_to_string(repo_root().join("ui/src/i18n/en.ts"))
        .expect("read the English catalogue");
    for (id, english) in galley_desktop::menu::english_labels() {
        let key = format!("  menu_{}: ", id.replace('-', "_"));
        let line = catalogue
            .lines()
            .find(|line| line.starts_with(&key))
            .unwrap_or_else(|| panic!("en.ts has no {}", key.trim()));
        assert_eq!(
            line[key.len()..].trim_end_matches(','),
            format!("\"{english}\""),
            "menu_{id}"
        );
    }
}
