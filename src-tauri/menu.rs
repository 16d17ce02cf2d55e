//! The native menu bar. Galley's own items are forwarded to the window as one `menu` event
//! carrying an action name (the UI's shell module runs the same action a keyboard shortcut
//! would); About, Cut, Copy, Paste and Select All are the platform's predefined ones. Undo,
//! Redo and Quit are Galley's own: GTK has no predefined Undo/Redo/Quit (muda leaves them
//! greyed out), and the UI must save the open draft before the app quits.
//!
//! Labels follow the UI language: the UI sends its catalogue's menu labels (`set_menu_labels`)
//! at start and on every switch, and the menu is built again with them. The words live once, in
//! the UI's catalogues (ui/src/i18n, keys `menu_<id>`), where translators already work and a
//! vitest checks every id below has a label in every language; the English here is only what
//! the menu shows before the webview has spoken (tests/app/menu.rs holds it equal to en.ts).

use std::collections::HashMap;
use std::sync::Mutex;

use tauri::menu::{
    AboutMetadata, Menu, MenuEvent, MenuItemBuilder, MenuItemKind, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::dto_shell::MenuAction;
use crate::recent::RecentStore;

/// The event the UI listens to; its payload is a [`MenuAction`].
pub const MENU_EVENT: &str = "menu";

/// The action names the UI knows (ui/src/lib/shell/actions.ts), with each item's English label
/// and accelerator.
const FILE_ITEMS: [(&str, &str, Option<&str>); 6] = [
    ("open-workspace", "Open Workspace…", Some("CmdOrCtrl+O")),
    ("save", "Save", Some("CmdOrCtrl+S")),
    ("sync", "Sync", Some("CmdOrCtrl+Shift+S")),
    ("set-up-sharing", "Set Up Sharing…", None),
    ("open-shared", "Open Shared Workspace…", None),
    ("quit", "Quit", Some("CmdOrCtrl+Q")),
];
/// No accelerators: the webview handles Ctrl+Z itself (CodeMirror's history, the form's), and a
/// GTK accelerator would take the key from it.
const EDIT_ITEMS: [(&str, &str, Option<&str>); 2] =
    [("undo", "Undo", None), ("redo", "Redo", None)];
/// Find and Replace open the editor's search panel; the key goes the same way whether GTK or
/// the webview gets it.
const FIND_ITEMS: [(&str, &str, Option<&str>); 2] = [
    ("find", "Find…", Some("CmdOrCtrl+F")),
    ("replace", "Replace…", Some("CmdOrCtrl+H")),
];
const VIEW_ITEMS: [(&str, &str, Option<&str>); 4] = [
    ("focus-mode", "Focus Mode", Some("CmdOrCtrl+Shift+F")),
    (
        "toggle-preview",
        "Toggle Preview",
        Some("CmdOrCtrl+Shift+P"),
    ),
    ("show-history", "History", None),
    ("show-translation", "Translation", None),
];
const OPEN_RECENT: &str = "open-recent";
/// Labelled parts that are not Galley's actions: the bar's menus, Open Recent and the
/// platform's predefined items, with their English labels.
const OTHER_LABELS: [(&str, &str); 10] = [
    ("file", "File"),
    ("edit", "Edit"),
    ("view", "View"),
    ("help", "Help"),
    (OPEN_RECENT, "Open Recent"),
    ("cut", "Cut"),
    ("copy", "Copy"),
    ("paste", "Paste"),
    ("select-all", "Select All"),
    ("about", "About Galley"),
];
/// Recent items are `recent:<index in the list>`; the path is looked up when chosen, so a
/// menu id never carries a path.
const RECENT_PREFIX: &str = "recent:";

/// Every labelled part of the menu with its English label; the UI's catalogues have a
/// `menu_<id>` message for each (exported to the UI as `MENU_LABEL_IDS`).
pub fn english_labels() -> Vec<(&'static str, &'static str)> {
    FILE_ITEMS
        .iter()
        .chain(&EDIT_ITEMS)
        .chain(&FIND_ITEMS)
        .chain(&VIEW_ITEMS)
        .map(|(id, label, _)| (*id, *label))
        .chain(OTHER_LABELS)
        .collect()
}

/// Builds the menu again with `labels` (by id; a missing or blank one is English) and puts it
/// in place of the old one, Open Recent filled again. (Built anew rather than relabelled in
/// place: on GTK, muda cannot change a submenu's title once it is shown.)
/// Labels the UI sends again unchanged (the English it sends before the profile is read, a
/// switch back and forth) cost nothing.
pub fn relabel<R: Runtime>(
    app: &AppHandle<R>,
    labels: &HashMap<String, String>,
) -> tauri::Result<()> {
    let wanted = labelled(|id| label(labels, id));
    app.manage(Shown(Mutex::new(labelled(|id| english(id).to_string()))));
    let shown = app.state::<Shown>();
    let mut shown = shown
        .0
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if *shown == wanted {
        return Ok(());
    }
    app.set_menu(build_with(app, &|id| label(labels, id))?)?;
    *shown = wanted;
    show_recent(app);
    Ok(())
}

/// The labels the menu bar shows now, by id.
struct Shown(Mutex<HashMap<String, String>>);

fn labelled(text: impl Fn(&str) -> String) -> HashMap<String, String> {
    english_labels()
        .into_iter()
        .map(|(id, _)| (id.to_string(), text(id)))
        .collect()
}

/// The label for `id`: the UI's, or English when it sent none.
fn label(labels: &HashMap<String, String>, id: &str) -> String {
    match labels.get(id).map(|label| label.trim()) {
        Some(label) if !label.is_empty() => label.to_string(),
        _ => english(id).to_string(),
    }
}

fn english(id: &str) -> &str {
    english_labels()
        .into_iter()
        .find(|(known, _)| *known == id)
        .map_or(id, |(_, english)| english)
}

/// The menu with its English labels, as it starts (`relabel` puts the UI's language on it).
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    build_with(app, &|id| english(id).to_string())
}

fn build_with<R: Runtime>(
    app: &AppHandle<R>,
    text: &dyn Fn(&str) -> String,
) -> tauri::Result<Menu<R>> {
    let item = |(id, _, accelerator): (&str, &str, Option<&str>)| {
        let builder = MenuItemBuilder::with_id(id, text(id));
        match accelerator {
            Some(keys) => builder.accelerator(keys).build(app),
            None => builder.build(app),
        }
    };
    let [open, save, sync, share, open_shared, quit] = FILE_ITEMS;
    let [undo, redo] = EDIT_ITEMS;
    let [find, replace] = FIND_ITEMS;
    let recent = SubmenuBuilder::with_id(app, OPEN_RECENT, text(OPEN_RECENT)).build()?;
    let file = SubmenuBuilder::with_id(app, "file", text("file"))
        .item(&item(open)?)
        .item(&recent)
        .item(&item(open_shared)?)
        .separator()
        .item(&item(save)?)
        .separator()
        .item(&item(sync)?)
        .item(&item(share)?)
        .separator()
        .item(&item(quit)?)
        .build()?;
    let edit = SubmenuBuilder::with_id(app, "edit", text("edit"))
        .item(&item(undo)?)
        .item(&item(redo)?)
        .separator()
        .cut_with_text(text("cut"))
        .copy_with_text(text("copy"))
        .paste_with_text(text("paste"))
        .select_all_with_text(text("select-all"))
        .separator()
        .item(&item(find)?)
        .item(&item(replace)?)
        .build()?;
    let mut view = SubmenuBuilder::with_id(app, "view", text("view"));
    for entry in VIEW_ITEMS {
        view = view.item(&item(entry)?);
    }
    let about = AboutMetadata {
        name: Some(app.package_info().name.clone()),
        version: Some(app.package_info().version.to_string()),
        comments: Some(
            "A weekly digest of commentaries in Belarusian, Russian and English.".into(),
        ),
        ..Default::default()
    };
    let help = SubmenuBuilder::with_id(app, "help", text("help"))
        .about_with_text(text("about"), Some(about))
        .build()?;
    Menu::with_items(app, &[&file, &edit, &view.build()?, &help])
}

/// Fills File ▸ Open Recent from the recent list (after start and after every switch).
pub fn show_recent<R: Runtime>(app: &AppHandle<R>) {
    let Some(submenu) = recent_submenu(app) else {
        return;
    };
    let Some(store) = app.try_state::<RecentStore>() else {
        return;
    };
    if let Err(error) = refill(app, &submenu, &store) {
        eprintln!("galley: could not update the Open Recent menu: {error}");
    }
}

fn recent_submenu<R: Runtime>(app: &AppHandle<R>) -> Option<Submenu<R>> {
    for top in app.menu()?.items().ok()? {
        if let MenuItemKind::Submenu(top) = top {
            if let Some(MenuItemKind::Submenu(found)) = top.get(OPEN_RECENT) {
                return Some(found);
            }
        }
    }
    None
}

fn refill<R: Runtime>(
    app: &AppHandle<R>,
    submenu: &Submenu<R>,
    store: &RecentStore,
) -> tauri::Result<()> {
    for old in submenu.items()? {
        submenu.remove(&old)?;
    }
    let entries = store.load().entries();
    for (index, entry) in entries.iter().enumerate() {
        let item = MenuItemBuilder::with_id(
            format!("{RECENT_PREFIX}{index}"),
            entry.path.display().to_string(),
        )
        .enabled(!entry.missing)
        .build(app)?;
        submenu.append(&item)?;
    }
    submenu.set_enabled(!entries.is_empty())
}

/// Turns a click on one of Galley's items into a `menu` event for the window.
pub fn forward_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let action = if let Some(index) = id.strip_prefix(RECENT_PREFIX) {
        let chosen = index.parse::<usize>().ok().and_then(|index| {
            let store = app.try_state::<RecentStore>()?;
            store.load().entries().into_iter().nth(index)
        });
        let Some(chosen) = chosen else {
            return;
        };
        MenuAction {
            action: OPEN_RECENT.into(),
            path: Some(chosen.path.display().to_string()),
        }
    } else if FILE_ITEMS
        .iter()
        .chain(&EDIT_ITEMS)
        .chain(&FIND_ITEMS)
        .chain(&VIEW_ITEMS)
        .any(|(known, ..)| *known == id)
    {
        MenuAction {
            action: id.into(),
            path: None,
        }
    } else {
        return;
    };
    send(app, action);
}

/// Asks the window to run `action` (also used for a second launch's `--workspace`).
pub fn send<R: Runtime>(app: &AppHandle<R>, action: MenuAction) {
    if let Err(error) = app.emit(MENU_EVENT, action) {
        eprintln!("galley: could not pass a menu action to the window: {error}");
    }
}
