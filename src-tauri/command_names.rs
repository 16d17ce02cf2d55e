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
    "get_profile",
    "set_profile",
    "get_workspace_settings",
    "update_workspace_settings",
    // the issue board and export
    "issue_board",
    "move_commentary",
    "set_editorial_status",
    "export_target",
    "choose_export_target",
    "export_issue",
    "show_export_folder",
];
