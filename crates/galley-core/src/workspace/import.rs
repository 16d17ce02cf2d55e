//! `galley import DIR`: bringing an existing archive of Markdown files into the workspace.
//!
//! Each file becomes a draft at `<issue>/<slug>.<lang>.md` with a version of origin `Import`.
//! Fields the file lacks are inferred only where the answer is safe — the language from the
//! name's suffix (or the caller's default), the title from the first `# heading`, the issue
//! from a `date:` field or a date in the path, a fresh id shared by the language versions of
//! one commentary — and written as new front matter lines above the file's own. A team's
//! [`ImportMapping`] (trend sentences, section titles, byline keys, the lead, which date decides
//! the week) is applied on the source's own lines, so an error names the source's line. What
//! cannot be inferred, what was mapped and the keys nobody knows are reported per file.
//!
//! A table of imported sources makes a second run change nothing, and a changed source a new
//! version — unless the draft was changed in Galley since it was imported: then the
//! workspace's text stays, the archive's becomes a version in history, and the report names both.

use super::listing::relative;
use super::save::slug_of;
use super::Workspace;
use crate::atomic::write_atomic;
use crate::draft::{lang_from_file_name, new_id, Draft, FrontMatter, IsoWeek, MAX_DRAFT_BYTES};
use crate::error::{Error, Result};
use crate::hash::ContentHash;
use crate::history::{ImportSource, KnownFileChange, NewVersion, Origin, Version};
use crate::import_map::{parse_date, yaml_quoted, ImportMapping, Mapped};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The language of files whose name has no language suffix and whose front matter has no
    /// `lang`.
    pub default_lang: Option<String>,
    /// The team's mapping of its archive's words and keys onto Galley's.
    pub mapping: Option<ImportMapping>,
}

#[derive(Debug)]
pub enum ImportOutcome {
    /// A new draft.
    Imported { path: String, version: Version },
    /// Imported before and changed since: a new version of the same draft.
    Updated { path: String, version: Version },
    /// Imported before and unchanged: nothing done.
    Unchanged { path: String },
    /// Imported before and changed in the archive, but the draft was changed in Galley since:
    /// the workspace's text is kept (`kept`, its newest version) and the archive's text is
    /// recorded as version `archive` of the same draft, for comparing and restoring.
    Conflict {
        path: String,
        kept: Version,
        archive: Box<Version>,
    },
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

/// How many files had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub failed: usize,
}

impl ImportReport {
    pub fn counts(&self) -> ImportCounts {
        let mut counts = ImportCounts::default();
        for file in &self.files {
            match file.outcome {
                ImportOutcome::Imported { .. } => counts.imported += 1,
                ImportOutcome::Updated { .. } => counts.updated += 1,
                ImportOutcome::Unchanged { .. } => counts.unchanged += 1,
                ImportOutcome::Conflict { .. } => counts.conflicts += 1,
                ImportOutcome::Failed(_) => counts.failed += 1,
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
        let (yaml, body, has_front) = split_front_matter(&text);
        let group_key = group_key(&rel_source, &name);
        // The source's front matter starts on its line 2, after `---`.
        let mapped = options
            .mapping
            .clone()
            .unwrap_or_default()
            .apply(yaml, 2, body, &self.settings().sections)
            .map_err(|p| Error::InvalidDraft {
                path: source.to_path_buf(),
                line: p.line,
                field: p.field,
                message: p.message,
                detail: None,
            })?;
        let Mapped {
            added,
            yaml,
            body,
            notes: mapping_notes,
            unknown_keys,
        } = mapped;
        let yaml = yaml.as_str();
        notes.extend(mapping_notes);
        if !unknown_keys.is_empty() {
            notes.push(format!(
                "keys Galley does not know, kept as they are: {}",
                unknown_keys.join(", ")
            ));
        }

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
                header.push_str(&format!("lang: {}\n", yaml_quoted(&lang)));
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
            match first_heading(&body) {
                Some(title) => {
                    header.push_str(&format!("title: {}\n", yaml_quoted(title)));
                    notes.push("title from the first `# heading`".into());
                }
                None => notes.push("no title: no `title:` field and no `# heading`".into()),
            }
        }
        if field_value(yaml, "issue").is_none() && !added.contains("issue:") {
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
        header.push_str(&added);
        let composed = format!("---\n{header}{yaml}---\n{body}");
        let draft = Draft::parse(source, composed.as_bytes())
            .map_err(|e| line_in_source(e, header.lines().count(), has_front))?;
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
                let (rel, shortened) = self.free_path(&front.issue, &name, &lang)?;
                if shortened {
                    notes.push(format!(
                        "file name shortened at a word boundary to {}",
                        rel.rsplit('/').next().unwrap_or(&rel)
                    ));
                }
                rel
            }
        };
        let target = self.resolve(Path::new(&rel))?;
        // An earlier import may have been edited since: keep that text in history first.
        self.secure_disk_text(&target)?;
        if let Some(earlier) = &earlier {
            if let Some(kept) = self.changed_since_import(earlier, &front)? {
                let archive = self.history().record(imported(
                    &front,
                    &target.rel,
                    &composed,
                    &self.env().author,
                    self.env().clock.now(),
                ))?;
                // The workspace's text stays the newest version: it is what is on disk.
                let kept = match self.secure_disk_text(&target)? {
                    Some((_, version)) => version,
                    None => kept,
                };
                self.history().record_import(&ImportSource {
                    source: source_key,
                    hash,
                    group_key,
                    draft_id: front.id.clone(),
                    lang: front.lang.clone(),
                    path: target.rel.clone(),
                    version_id: archive.id,
                })?;
                notes.push(format!(
                    "conflict: {} was changed in Galley since it was imported; kept it (version \
                     {}), the archive's text is version {}",
                    target.rel, kept.id, archive.id
                ));
                return Ok(ImportOutcome::Conflict {
                    path: target.rel,
                    kept,
                    archive: Box::new(archive),
                });
            }
        }
        if let Some(parent) = target.abs.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("create the folder", parent, e))?;
        }
        write_atomic(&target.abs, composed.as_bytes())?;
        let file = self.known_file(&target, &front, ContentHash::of(composed.as_bytes()))?;
        let version = self.history().record_with_files(
            imported(
                &front,
                &target.rel,
                &composed,
                &self.env().author,
                self.env().clock.now(),
            ),
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

    /// The head version of an imported draft when its text is no longer the one the import
    /// wrote (an edit in Galley or outside it since); `None` when it is.
    fn changed_since_import(
        &self,
        earlier: &ImportSource,
        front: &FrontMatter,
    ) -> Result<Option<Version>> {
        let imported = self.history().version(earlier.version_id)?;
        let Some(head) = self.history().head(&front.id, &front.lang)? else {
            return Ok(None);
        };
        if head.hash.is_none() {
            return Err(Error::invalid(
                earlier.path.clone(),
                "it was deleted in the workspace after it was imported; restore it \
                 (`galley log`, `galley restore`) to import the archive's changes into it",
            ));
        }
        Ok((head.hash != imported.hash).then_some(head))
    }

    /// `<issue>/<slug>.<lang>.md`, numbered when taken, and whether the name had to be
    /// shortened.
    fn free_path(&self, issue: &Option<IsoWeek>, name: &str, lang: &str) -> Result<(String, bool)> {
        let folder = issue.map_or("unfiled".to_string(), |w| w.to_string());
        let stem = stem_without_lang(name);
        let (slug, shortened) = slug_of(stem);
        let slug = if slug.is_empty() {
            "imported".to_string()
        } else {
            slug
        };
        for n in 1..10_000 {
            let numbered = if n == 1 {
                slug.clone()
            } else {
                format!("{slug}-{n}")
            };
            let rel = format!("{folder}/{numbered}.{lang}.md");
            if !self.root().join(&rel).exists() {
                return Ok((rel, shortened));
            }
        }
        Err(Error::invalid(
            format!("{folder}/{slug}.{lang}.md"),
            "too many files with this name",
        ))
    }
}

/// The archive's text of a draft at `path` as a version, made by an import.
fn imported<'a>(
    front: &'a FrontMatter,
    path: &'a str,
    text: &'a str,
    author: &'a str,
    at: OffsetDateTime,
) -> NewVersion<'a> {
    NewVersion {
        draft_id: &front.id,
        lang: &front.lang,
        path,
        text: Some(text),
        author,
        at,
        label: None,
        origin: Origin::Import,
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

/// The YAML between `---` lines (with its final newline), the body after them, and whether
/// there was front matter (the drafts' own splitter); none gives an empty YAML and the whole
/// text as body.
fn split_front_matter(text: &str) -> (&str, &str, bool) {
    let text = text.strip_prefix(crate::draft::BOM).unwrap_or(text);
    match crate::draft::split_front_matter(text) {
        Some((yaml, body)) => (yaml, body, true),
        None => ("", text, false),
    }
}

/// An error in the text import composed, pointed at the source file's line: import adds
/// `added` lines after the opening `---` (and both `---` lines when the source had none).
fn line_in_source(error: Error, added: usize, has_front: bool) -> Error {
    match error {
        Error::InvalidDraft {
            path,
            line,
            field,
            message,
            detail,
        } => {
            let shift = if has_front { added } else { added + 2 };
            let line = if line > shift + 1 { line - shift } else { line };
            let detail = detail.map(|mut d| {
                for (name, value) in &mut d.args {
                    if *name == "line" {
                        *value = line.to_string();
                    }
                }
                d
            });
            Error::InvalidDraft {
                path,
                line,
                field,
                message,
                detail,
            }
        }
        other => other,
    }
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
    parse_date(text).map(IsoWeek::containing)
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
            ("a: 1\n", "body", true)
        );
        assert_eq!(split_front_matter("# T\nbody"), ("", "# T\nbody", false));
        assert_eq!(
            split_front_matter("---\nno end"),
            ("", "---\nno end", false)
        );
    }

    #[test]
    fn language_versions_share_a_group() {
        assert_eq!(group_key("a/b/army.be.md", "army.be.md"), "a/b/army");
        assert_eq!(group_key("a/b/army.ru.md", "army.ru.md"), "a/b/army");
    }
}
