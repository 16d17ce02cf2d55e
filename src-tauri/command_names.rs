// The app's IPC commands, shared by build.rs (one `allow-<command>` permission each) and the
// crate (tests check the capability grants exactly these). Keep in step with `generate_handler!`.
pub const COMMANDS: &[&str] = &[
    "open_workspace_info",
    "list_commentaries",
    "read_draft",
    "edit_fields",
    "save_draft",
    "list_versions",
    "diff_versions",
    "label_version",
    "restore_version",
    "translation_view",
    "set_translation_status",
    "translation_source_diff",
    "mark_minor",
    "list_recent",
    "open_workspace",
    "open_recent",
    "ui_ready",
];
