//! Every event the app emits to the window, listed once: the bindings export it to TypeScript
//! as `EVENTS` (what `ui/src/ipc/` listens to), and a test checks every `*_EVENT` name the
//! shell declares is here. Each name stays declared beside the code that emits it.

use crate::{catch_up, dto_board, menu, switch, watcher};

/// `(the key in TS's EVENTS, the event's name)`.
pub const EVENTS: [(&str, &str); 5] = [
    ("workspaceChanged", watcher::CHANGED_EVENT),
    ("workspaceSwitched", switch::SWITCHED_EVENT),
    ("catchUpProgress", catch_up::PROGRESS_EVENT),
    ("exportProgress", dto_board::EXPORT_PROGRESS_EVENT),
    ("menu", menu::MENU_EVENT),
];
