//! `galley xliff …` and `galley po …` output: the exported file and its word counts, the
//! import's result.

use super::{version_json, version_line, Printer, VersionJson};
use galley_core::workspace::XliffImport;
use galley_core::xliff::{JobWords, WordMatch};
use serde::Serialize;
use std::path::Path;

/// `xliff export`, `po export`.
#[derive(Serialize)]
struct ExportedJobJson<'a> {
    path: &'a Path,
    file_name: &'a str,
    words: WordsJson,
}

/// Source words outside markup, by how they match the translation's base.
#[derive(Serialize)]
struct WordsJson {
    new: usize,
    changed: usize,
    unchanged: usize,
    total: usize,
    to_translate: usize,
    units: Vec<UnitJson>,
}

#[derive(Serialize)]
struct UnitJson {
    id: String,
    words: usize,
    /// new, changed or unchanged.
    #[serde(rename = "match")]
    matched: &'static str,
}

/// `xliff import`, `po import`.
#[derive(Serialize)]
struct ImportedJobJson<'a> {
    commentary: &'a str,
    source_lang: &'a str,
    target_lang: &'a str,
    path: &'a str,
    changed: bool,
    created: bool,
    caught_up: bool,
    version: Option<VersionJson<'a>>,
}

impl Printer {
    pub fn job_exported(&self, path: &Path, file_name: &str, words: &JobWords) {
        if self.json {
            self.print_json(&ExportedJobJson {
                path,
                file_name,
                words: words_json(words),
            });
        } else {
            println!("{}", path.display());
            print!("{}", words_text(words));
        }
    }

    /// The word counts of a job whose file went to standard output.
    pub fn job_words_to_stderr(&self, words: &JobWords) {
        if self.json {
            self.eprint_json_line(&words_json(words));
        } else {
            eprint!("{}", words_text(words));
        }
    }

    pub fn job_imported(&self, import: &XliffImport) {
        if self.json {
            self.print_json(&ImportedJobJson {
                commentary: &import.commentary,
                source_lang: &import.source_lang,
                target_lang: &import.target_lang,
                path: &import.path,
                changed: import.changed,
                created: import.created,
                caught_up: import.caught_up,
                version: import.version.as_ref().map(version_json),
            });
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

fn words_json(words: &JobWords) -> WordsJson {
    WordsJson {
        new: words.new,
        changed: words.changed,
        unchanged: words.unchanged,
        total: words.total(),
        to_translate: words.to_translate(),
        units: words
            .units
            .iter()
            .map(|u| UnitJson {
                id: u.kind.id(),
                words: u.words,
                matched: u.matched.as_str(),
            })
            .collect(),
    }
}

/// The job's totals, then each unit that needs work.
fn words_text(words: &JobWords) -> String {
    let mut out = format!(
        "Source words: {} to translate ({} new, {} changed), {} unchanged, {} in all.\n",
        words.to_translate(),
        words.new,
        words.changed,
        words.unchanged,
        words.total()
    );
    for unit in words
        .units
        .iter()
        .filter(|u| u.matched != WordMatch::Unchanged)
    {
        out.push_str(&format!(
            "  {:<6} {:<8} {} words\n",
            unit.kind.id(),
            unit.matched.as_str(),
            unit.words
        ));
    }
    out
}
