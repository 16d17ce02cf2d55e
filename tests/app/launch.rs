use std::path::PathBuf;

use galley_desktop::launch::{default_workspace, workspace_from_args};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn workspace_flag_names_the_folder_to_open() {
    assert_eq!(
        workspace_from_args(args(&["--workspace", "/tmp/w"])),
        Some(PathBuf::from("/tmp/w"))
    );
    assert_eq!(
        workspace_from_args(args(&["--workspace=/tmp/w"])),
        Some(PathBuf::from("/tmp/w"))
    );
}

#[test]
fn without_the_flag_no_workspace_is_chosen_and_unknown_arguments_are_ignored() {
    assert_eq!(workspace_from_args(args(&["--something", "else"])), None);
    assert_eq!(workspace_from_args(args(&["--workspace"])), None);
}

#[test]
fn the_default_workspace_is_the_checkouts_sample() {
    assert!(default_workspace().ends_with("drafts"));
    assert!(default_workspace().join(".galley").is_dir());
}
