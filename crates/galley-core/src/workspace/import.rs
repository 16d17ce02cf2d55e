//! `galley import DIR`: bringing an existing archive of Markdown files into the workspace.
//!
//! Each file becomes a draft at `<issue>/<slug>.<lang>.md` with a version of origin `Import`.
//! Fields the file lacks are inferred only where the answer is safe — the language from the
//! name's suffix (or the caller's default), the title from the first `# heading`, the issue
//! from a `date:` field or a date in the path, a fresh id shared by the language versions of
//! one commentary — and written as new front matter lines above the file's own. What cannot be
//! inferred is reported per file. A table of imported sources makes a second run change nothing.

use super::listing::relative;
use super::save::slugify;
use super::Workspace;
use crate::atomic::write_atomic;
use crate::draft::{lang_from_file_name, new_id, Draft, IsoWeek, MAX_DRAFT_BYTES};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::{ImportSource, KnownFileChange, NewVersion, Origin, Version};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The language of files whose name has no language suffix and whose front matter has no
    /// `lang`.
    pub default_lang: Option<String>,
}

#[derive(Debug)]
pub enum ImportOutcome {
    /// A new draft.
    Imported { path: String, version: Version },
    /// Imported before and changed since: a new version of the same draft.
    Updated { path: String, version: Version },
    /// Imported before and unchanged: nothing done.
    Unchanged { path: String },
    /// Left out; the error says why.
    Failed(Error),
}

#[derive(Debug)]
pub struct ImportedFile {
    pub source: PathBuf,
    pub outcome: ImportOutcome,
    /// What was inferred, and what could not be (the draft is imported without it).
    pub notes: Vec<String>,
}

#[derive(Debug, Default)]
pub struct ImportReport {
    pub files: Vec<ImportedFile>,
}

impl ImportReport {
    /// (imported, updated, unchanged, failed)
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut counts = (0, 0, 0, 0);
        for file in &self.files {
            match file.outcome {
                ImportOutcome::Imported { .. } => counts.0 += 1,
                ImportOutcome::Updated { .. } => counts.1 += 1,
                ImportOutcome::Unchanged { .. } => counts.2 += 1,
                ImportOutcome::Failed(_) => counts.3 += 1,
            }
        }
        counts
    }
}

impl Workspace {
    /// Imports every `*.md` file under `dir` (hidden folders skipped), continuing past bad
    /// files. `progress` is called with (files done, files in all).
    pub fn import_dir(
        &mut self,
        dir: &Path,
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let dir = dir
            .canonicalize()
            .map_err(|e| Error::io("open the folder", dir, e))?;
        if dir.starts_with(self.root()) {
            return Err(Error::invalid(
                dir.display().to_string(),
                "it is inside the workspace; import from a folder outside it",
            ));
        }
        let sources = markdown_files(&dir)?;
        let mut report = ImportReport::default();
        let mut groups: HashMap<String, String> =
            self.history().import_groups()?.into_iter().collect();
        for (done, source) in sources.iter().enumerate() {
            let mut notes = Vec::new();
            let outcome = self
                .import_one(&dir, source, options, &mut groups, &mut notes)
                .unwrap_or_else(ImportOutcome::Failed);
            report.files.push(ImportedFile {
                source: source.clone(),
                outcome,
                notes,
            });
            progress(done + 1, sources.len());
        }
        Ok(report)
    }

    fn import_one(
        &mut self,
        dir: &Path,
        source: &Path,
        options: &ImportOptions,
        groups: &mut HashMap<String, String>,
        notes: &mut Vec<String>,
    ) -> Result<ImportOutcome> {
        let source_key = source.to_string_lossy().into_owned();
        let bytes = std::fs::read(source).map_err(|e| Error::io("read", source, e))?;
        if bytes.len() as u64 > MAX_DRAFT_BYTES {
            return Err(Error::TooLarge {
                path: source.to_path_buf(),
                size: bytes.len() as u64,
                limit: MAX_DRAFT_BYTES,
            });
        }
        let hash = ContentHash::of(&bytes);
        let earlier = self.history().import_source(&source_key)?;
        if let Some(earlier) = &earlier {
            if earlier.hash == hash {
                return Ok(ImportOutcome::Unchanged {
                    path: earlier.path.clone(),
                });
            }
        }
        let text = String::from_utf8(bytes).map_err(|_| Error::NotText {
            path: source.to_path_buf(),
            reason: "it is not UTF-8 text".into(),
        })?;
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rel_source = relative(dir, source);
        let (yaml, body) = split_front_matter(&text);
        let group_key = group_key(&rel_source, &name);

        let mut header = String::new();
        let suffix_lang = lang_from_file_name(&name);
        let lang = match field_value(yaml, "lang") {
            Some(lang) => lang,
            None => {
                let lang = suffix_lang
                    .map(str::to_string)
                    .or_else(|| options.default_lang.clone())
                    .ok_or_else(|| {
                        Error::invalid(
                            source.display().to_string(),
                            "its language is unknown: it has no `lang:` field and no language \
                             suffix in its name (`name.be.md`); pass --lang to set a default",
                        )
                    })?;
                header.push_str(&format!("lang: {}\n", yaml_string(&lang)));
                notes.push(format!("lang `{lang}` from the file name or --lang"));
                lang
            }
        };
        if field_value(yaml, "id").is_none() {
            let id = match &earlier {
                Some(earlier) => earlier.draft_id.clone(),
                None => groups.get(&group_key).cloned().unwrap_or_else(new_id),
            };
            header.push_str(&format!("id: {id}\n"));
        }
        if field_value(yaml, "title").is_none() {
            match first_heading(body) {
                Some(title) => {
                    header.push_str(&format!("title: {}\n", yaml_string(title)));
                    notes.push("title from the first `# heading`".into());
                }
                None => notes.push("no title: no `title:` field and no `# heading`".into()),
            }
        }
        if field_value(yaml, "issue").is_none() {
            let date = field_value(yaml, "date").and_then(|d| week_of_date(&d));
            match date.or_else(|| week_in_path(&rel_source)) {
                Some(week) => {
                    header.push_str(&format!("issue: {week}\n"));
                    notes.push(format!(
                        "issue {week} from a date in the front matter or path"
                    ));
                }
                None => {
                    notes.push("no issue: no `issue:`/`date:` field and no date in the path".into())
                }
            }
        }
        let composed = format!("---\n{header}{yaml}---\n{body}");
        let draft = Draft::parse(source, composed.as_bytes())?;
        let front = draft.front().clone();
        groups.insert(group_key.clone(), front.id.clone());

        let rel = match &earlier {
            Some(earlier) => earlier.path.clone(),
            None => {
                if let Some(head) = self.history().head(&front.id, &lang)? {
                    if head.hash.is_some() {
                        return Err(Error::invalid(
                            source.display().to_string(),
                            format!(
                                "commentary `{}` already has a `{lang}` version at {}",
                                front.id, head.path
                            ),
                        ));
                    }
                }
                self.free_path(&front.issue, &name, &lang)?
            }
        };
        let target = self.resolve(Path::new(&rel))?;
        // An earlier import may have been edited since: keep that text in history first.
        self.secure_disk_text(&target)?;
        if let Some(parent) = target.abs.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("create the folder", parent, e))?;
        }
        write_atomic(&target.abs, composed.as_bytes())?;
        let file = self.known_file(&target, &front, ContentHash::of(composed.as_bytes()))?;
        let version = self.history().record_with_files(
            NewVersion {
                draft_id: &front.id,
                lang: &front.lang,
                path: &target.rel,
                text: Some(&composed),
                author: &self.env().author,
                at: self.env().clock.now(),
                label: None,
                origin: Origin::Import,
            },
            &[KnownFileChange::Upsert(&file)],
        )?;
        self.history().record_import(&ImportSource {
            source: source_key,
            hash,
            group_key,
            draft_id: front.id.clone(),
            lang: front.lang.clone(),
            path: target.rel.clone(),
            version_id: version.id,
        })?;
        Ok(match earlier {
            Some(_) => ImportOutcome::Updated {
                path: target.rel,
                version,
            },
            None => ImportOutcome::Imported {
                path: target.rel,
                version,
            },
        })
    }

    /// `<issue>/<slug>.<lang>.md`, numbered when taken.
    fn free_path(&self, issue: &Option<IsoWeek>, name: &str, lang: &str) -> Result<String> {
        let folder = issue.map_or("unfiled".to_string(), |w| w.to_string());
        let stem = stem_without_lang(name);
        let slug = match slugify(stem) {
            s if s.is_empty() => "imported".to_string(),
            s => s,
        };
        for n in 1..10_000 {
            let numbered = if n == 1 {
                slug.clone()
            } else {
                format!("{slug}-{n}")
            };
            let rel = format!("{folder}/{numbered}.{lang}.md");
            if !self.root().join(&rel).exists() {
                return Ok(rel);
            }
        }
        Err(Error::invalid(
            format!("{folder}/{slug}.{lang}.md"),
            "too many files with this name",
        ))
    }
}

fn markdown_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| Error::io("list", &folder, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("list", &folder, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() && name.to_ascii_lowercase().ends_with(".md") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The YAML between `---` lines (with its final newline) and the body after them; no front
/// matter gives an empty YAML and the whole text as body.
fn split_front_matter(text: &str) -> (&str, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return ("", text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (&rest[..offset], &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    ("", text)
}

/// A top-level key's scalar value, unquoted; `None` when missing or empty.
fn field_value(yaml: &str, key: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty() && value != "null" && value != "~").then(|| value.to_string())
    })
}

fn first_heading(body: &str) -> Option<&str> {
    body.lines()
        .find_map(|line| line.strip_prefix("# "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// `YYYY-MM-DD` → its ISO week.
fn week_of_date(text: &str) -> Option<IsoWeek> {
    let date = text.get(..10)?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format)
        .ok()
        .map(IsoWeek::containing)
}

/// The first `YYYY-Www`, `YYYY-MM-DD` or `YYYY/MM/DD` in a path.
fn week_in_path(path: &str) -> Option<IsoWeek> {
    let bytes = path.as_bytes();
    (0..bytes.len()).find_map(|i| {
        let rest = path.get(i..)?;
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            return None;
        }
        if let Some(week) = rest.get(..8).and_then(|w| w.parse::<IsoWeek>().ok()) {
            return Some(week);
        }
        let candidate = rest.get(..10)?.replace('/', "-");
        week_of_date(&candidate)
    })
}

fn stem_without_lang(name: &str) -> &str {
    let stem = name
        .strip_suffix(".md")
        .or_else(|| name.strip_suffix(".MD"))
        .unwrap_or(name);
    match lang_from_file_name(name) {
        Some(lang) => stem
            .strip_suffix(lang)
            .and_then(|s| s.strip_suffix('.'))
            .unwrap_or(stem),
        None => stem,
    }
}

/// Language versions of one commentary sit side by side as `name.be.md`, `name.ru.md`.
fn group_key(rel_source: &str, name: &str) -> String {
    let folder = rel_source.rsplit_once('/').map_or("", |(folder, _)| folder);
    format!("{folder}/{}", stem_without_lang(name))
}

/// A double-quoted YAML scalar.
fn yaml_string(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_paths_become_weeks() {
        assert_eq!(
            week_in_path("2020/05/13/army.md").map(|w| w.to_string()),
            Some("2020-W20".to_string())
        );
        assert_eq!(
            week_in_path("x/2021-W03-notes.md").map(|w| w.to_string()),
            Some("2021-W03".to_string())
        );
        assert_eq!(week_in_path("notes/army.md"), None);
    }

    #[test]
    fn front_matter_is_split_from_the_body() {
        assert_eq!(
            split_front_matter("---\na: 1\n---\nbody"),
            ("a: 1\n", "body")
        );
        assert_eq!(split_front_matter("# T\nbody"), ("", "# T\nbody"));
        assert_eq!(split_front_matter("---\nno end"), ("", "---\nno end"));
    }

    #[test]
    fn language_versions_share_a_group() {
        assert_eq!(group_key("a/b/army.be.md", "army.be.md"), "a/b/army");
        assert_eq!(group_key("a/b/army.ru.md", "army.ru.md"), "a/b/army");
    }
}
