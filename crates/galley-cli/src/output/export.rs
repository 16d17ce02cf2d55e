//! `galley export` output.

use super::issue::blocker_json;
use super::Printer;
use galley_core::workspace::ExportReport;
use serde_json::{json, Value};

impl Printer {
    pub fn exported(&self, report: &ExportReport) {
        if self.json {
            let skipped: Vec<Value> = report
                .skipped
                .iter()
                .map(|l| {
                    json!({ "lang": l.lang,
                            "blockers": l.blockers.iter().map(blocker_json).collect::<Vec<_>>() })
                })
                .collect();
            self.print_json(&json!({
                "week": report.week.to_string(), "path": report.path,
                "format": if report.zip { "zip" } else { "folder" },
                "published": report.published, "skipped": skipped,
                "files": report.files, "paths": report.paths,
                "manifest_sha256": report.manifest_sha256.to_hex(),
                "not_made": report.left_out.iter().map(|l| json!({
                    "format": l.format.code(), "files": l.format.files(), "missing": l.missing,
                    "message": l.message(),
                })).collect::<Vec<_>>(),
            }));
            return;
        }
        println!(
            "Exported {} ({}) to {}: {} files, manifest sha256 {}",
            report.week,
            report.published.join(", "),
            report.path.display(),
            report.files,
            report.manifest_sha256.to_hex()
        );
        for l in &report.left_out {
            println!("{}", l.message());
        }
        for l in &report.skipped {
            println!("Left out {}:", l.lang);
            for b in &l.blockers {
                println!("  - {} {}: {}", b.id, b.title, b.problem());
                println!("    → {}", b.what_to_do());
            }
        }
    }
}
