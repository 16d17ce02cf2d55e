// The app's IPC commands, listed once. build.rs includes this file for the names (one
// `allow-<command>` permission each); lib.rs expands the same list into `generate_handler!`;
// the bindings export the names to TypeScript (`COMMANDS`); tests check that the capability and
// the generated permissions cover exactly these.

/// Hands the list, as `module::command` paths, to the macro named `$then`.
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            commands::open_workspace_info,
            commands::list_commentaries,
            commands::read_draft,
            commands::edit_fields,
            commands::save_draft,
            commands::list_versions,
            commands::diff_versions,
            commands::label_version,
            commands::restore_version,
            commands::translation_view,
            commands::set_translation_status,
            commands::translation_source_diff,
            commands::mark_minor,
            // the translation editor
            commands_translation::start_translation,
            commands_translation::mark_handled,
            commands_translation::restore_translation_status,
            commands_translation::replace_paragraph,
            commands_settings::get_profile,
            commands_settings::set_profile,
            commands_settings::get_workspace_settings,
            commands_settings::update_workspace_settings,
            // the issue board and export
            commands_board::issue_board,
            commands_board::move_commentary,
            commands_board::step_commentary,
            commands_board::set_editorial_status,
            commands_board::set_issue_title,
            // editorial notes
            commands_notes::editorial_notes,
            commands_notes::add_editorial_note,
            commands_board::export_target,
            commands_board::choose_export_target,
            commands_board::export_issue,
            commands_board::show_export_folder,
            commands_preview::render_preview,
            commands_preview::count_words,
            commands_search::search_drafts,
            commands_xliff::xliff_export,
            commands_xliff::xliff_import,
            commands_shell::list_recent,
            commands_shell::open_workspace,
            commands_shell::open_recent,
            commands_shell::ui_ready,
            commands_shell::quit_app,
            commands_shell::set_menu_labels,
            commands_shell::set_spelling,
            // sharing through git
            commands_sync::sync_now,
            commands_sync::sync_state,
            commands_sync::sync_conflicts,
            commands_sync::resolve_conflict,
            commands_sync::conflict_parts,
            commands_sync::resolve_conflict_pieces,
            commands_sync::share_workspace,
            commands_sync::open_shared_workspace,
            // everyday actions: new, rename, trash
            commands_actions::create_commentary,
            commands_actions::create_issue,
            commands_actions::rename_commentary,
            commands_actions::trash_commentary,
            commands_actions::list_trash,
            commands_actions::restore_from_trash,
        }
    };
}

/// The command names, from the list.
macro_rules! command_names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        pub const COMMANDS: &[&str] = &[$(stringify!($command)),*];
    };
}

with_commands!(command_names);
