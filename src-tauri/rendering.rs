//! How WebKitGTK draws the window. It composites the page with OpenGL; on a machine with no GPU
//! (a virtual machine, a server under Xvfb) that OpenGL is Mesa's software rasteriser, which
//! costs about 90 MiB and a share of the start for no smoother scrolling. There Galley asks
//! WebKit to draw without compositing, through WebKit's own switch, so a user's choice of that
//! switch always wins. Machines with a GPU keep WebKit's default.

use std::path::Path;

/// WebKitGTK's switch: set (to anything) before the first web view, it draws without compositing.
pub const DISABLE_COMPOSITING_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Where the kernel lists GPU render nodes (`renderD128`, …).
const RENDER_NODES: &str = "/dev/dri";

/// Whether Galley should turn compositing off: only when the user left WebKit's switch alone
/// and `dri` (the render-node folder) holds no render node.
pub fn compositing_off(user_choice: Option<&std::ffi::OsStr>, dri: &Path) -> bool {
    user_choice.is_none() && !has_render_node(dri)
}

fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Applies the choice; called first thing in `run`, before any thread or window exists.
pub fn choose() {
    #[cfg(target_os = "linux")]
    if compositing_off(
        std::env::var_os(DISABLE_COMPOSITING_ENV).as_deref(),
        Path::new(RENDER_NODES),
    ) {
        std::env::set_var(DISABLE_COMPOSITING_ENV, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_render_node_turns_compositing_off() {
        let dri = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dri.path().join("card0"), "").expect("a card node");
        assert!(compositing_off(None, dri.path()));
        assert!(compositing_off(None, &dri.path().join("missing")));
    }

    #[test]
    fn a_render_node_keeps_webkits_default() {
        let dri = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dri.path().join("renderD128"), "").expect("a render node");
        assert!(!compositing_off(None, dri.path()));
    }

    #[test]
    fn the_users_own_setting_wins() {
        let dri = tempfile::tempdir().expect("a temp dir");
        assert!(!compositing_off(Some("0".as_ref()), dri.path()));
        assert!(!compositing_off(Some("1".as_ref()), dri.path()));
    }
}
