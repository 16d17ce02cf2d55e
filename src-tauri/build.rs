// Resolves tauri.conf.json (at the repository root) and the ACL: every command in COMMANDS gets
// an `allow-<command>` permission, granted to the main window by src-tauri/capabilities/.
include!("command_names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; the message names the broken file.
        panic!("tauri-build failed: {error:#}");
    }
}
