// The app's IPC commands, shared by build.rs (one `allow-<command>` permission each) and the
// crate (tests check the capability grants exactly these). Keep in step with `generate_handler!`.
pub const COMMANDS: &[&str] = &["open_workspace_info", "list_commentaries", "read_draft"];
