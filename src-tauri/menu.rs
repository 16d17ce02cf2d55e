//! The native menu bar. Galley's own items are forwarded to the window as one `menu` event
//! carrying an action name (the UI's shell module runs the same action a keyboard shortcut
//! would); About, Cut, Copy, Paste and Select All are the platform's predefined ones. Undo,
//! Redo and Quit are Galley's own: GTK has no predefined Undo/Redo/Quit (muda leaves them
//! greyed out), and the UI must save the open draft before the app quits.

use tauri::menu::{
    AboutMetadata, Menu, MenuEvent, MenuItemBuilder, MenuItemKind, Submenu, SubmenuBuilder,
};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::dto_shell::MenuAction;
use crate::recent::RecentStore;

/// The event the UI listens to; its payload is a [`MenuAction`].
pub const MENU_EVENT: &str = "menu";

/// The action names the UI knows (ui/src/lib/shell/actions.ts), with each item's label and
/// accelerator. Labels are English for now: native menus are not yet translated.
const FILE_ITEMS: [(&str, &str, Option<&str>); 8] = [
    ("new-commentary", "New Commentary…", Some("CmdOrCtrl+N")),
    ("new-issue", "New Issue…", None),
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
const VIEW_ITEMS: [(&str, &str, Option<&str>); 5] = [
    ("focus-mode", "Focus Mode", Some("CmdOrCtrl+Shift+F")),
    (
        "toggle-preview",
        "Toggle Preview",
        Some("CmdOrCtrl+Shift+P"),
    ),
    ("show-history", "History", None),
    ("show-translation", "Translation", None),
    ("show-trash", "Trash and Archive", None),
];
const OPEN_RECENT: &str = "open-recent";
/// Recent items are `recent:<index in the list>`; the path is looked up when chosen, so a
/// menu id never carries a path.
const RECENT_PREFIX: &str = "recent:";

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |(id, label, accelerator): (&str, &str, Option<&str>)| {
        let builder = MenuItemBuilder::with_id(id, label);
        match accelerator {
            Some(keys) => builder.accelerator(keys).build(app),
            None => builder.build(app),
        }
    };
    let [new_commentary, new_issue, open, save, sync, share, open_shared, quit] = FILE_ITEMS;
    let [undo, redo] = EDIT_ITEMS;
    let recent = SubmenuBuilder::with_id(app, OPEN_RECENT, "Open Recent").build()?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&item(new_commentary)?)
        .item(&item(new_issue)?)
        .separator()
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
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(undo)?)
        .item(&item(redo)?)
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let mut view = SubmenuBuilder::new(app, "View");
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
    let help = SubmenuBuilder::new(app, "Help")
        .about(Some(about))
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
