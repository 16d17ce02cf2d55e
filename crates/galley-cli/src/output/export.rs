//! `galley export` output.

use super::issue::{blockers, BlockerJson};
use super::Printer;
use galley_core::workspace::ExportReport;
use serde::Serialize;
use std::path::Path;

/// `export`.
#[derive(Serialize)]
struct ExportedJson<'a> {
    week: String,
    path: &'a Path,
    /// folder or zip.
    format: &'static str,
    published: &'a [String],
    /// Only with `--only-complete`: the languages left out.
    skipped: Vec<SkippedJson<'a>>,
    files: usize,
    paths: &'a [String],
    manifest_sha256: String,
    not_made: Vec<NotMadeJson<'a>>,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    lang: &'a str,
    blockers: Vec<BlockerJson<'a>>,
}

/// A format left out for unset publication settings.
#[derive(Serialize)]
struct NotMadeJson<'a> {
    format: &'static str,
    files: &'static str,
    missing: &'a [&'static str],
    message: String,
}

impl Printer {
    pub fn exported(&self, report: &ExportReport) {
        if self.json {
            self.print_json(&ExportedJson {
                week: report.week.to_string(),
                path: &report.path,
                format: if report.zip { "zip" } else { "folder" },
                published: &report.published,
                skipped: report
                    .skipped
                    .iter()
                    .map(|l| SkippedJson {
                        lang: &l.lang,
                        blockers: blockers(l),
                    })
                    .collect(),
                files: report.files,
                paths: &report.paths,
                manifest_sha256: report.manifest_sha256.to_hex(),
                not_made: report
                    .left_out
                    .iter()
                    .map(|l| NotMadeJson {
                        format: l.format.code(),
                        files: l.format.files(),
                        missing: &l.missing,
                        message: l.message(),
                    })
                    .collect(),
            });
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
