//! `galley xliff …` output.

use super::{version_json, version_line, Printer};
use galley_core::workspace::XliffImport;
use serde_json::json;
use std::path::Path;

impl Printer {
    pub fn xliff_exported(&self, path: &Path, file_name: &str) {
        if self.json {
            self.print_json(&json!({ "path": path, "file_name": file_name }));
        } else {
            println!("{}", path.display());
        }
    }

    pub fn xliff_imported(&self, import: &XliffImport) {
        if self.json {
            self.print_json(&json!({
                "commentary": import.commentary, "source_lang": import.source_lang,
                "target_lang": import.target_lang, "path": import.path,
                "changed": import.changed, "created": import.created,
                "caught_up": import.caught_up,
                "version": import.version.as_ref().map(version_json),
            }));
        } else {
            match (&import.version, import.changed) {
                (Some(version), true) => {
                    println!("{}  {}", version_line(version), import.path)
                }
                _ => println!("No changes."),
            }
            if import.caught_up {
                println!(
                    "Every unit that needed work is done: the {} translation is up to date with \
                     the {} source again.",
                    import.target_lang, import.source_lang
                );
            }
        }
    }
}
