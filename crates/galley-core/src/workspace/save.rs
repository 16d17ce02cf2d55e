//! Writing through Galley: saves, restores and new drafts. Each writes the file atomically,
//! then records the version; content that is on disk but not yet in history is recorded first,
//! so no text is ever lost by being overwritten.

use super::record::mtime_ns;
use super::Workspace;
use crate::atomic::write_atomic;
use crate::diff::{diff_drafts, diff_texts, Diff, DraftDiff};
use crate::draft::{new_id, render_new, Draft, FrontMatter, IsoWeek, MAX_DRAFT_BYTES};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::{KnownFile, KnownFileChange, NewVersion, Origin, Version};
use crate::paths::WorkspacePath;
use crate::records::{Body, VersionOrigin};
use std::path::Path;

// Returned once per save: boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum SaveOutcome {
    Saved(Version),
    /// The text equals what is on disk; nothing was written. Carries the current version.
    Unchanged(Option<Version>),
    /// The file changed on disk since the caller loaded it. Both texts are now versions; the
    /// file keeps `theirs` until the caller decides.
    Conflict {
        theirs: Version,
        ours: Version,
    },
}

/// A text to compare: a stored version, or a file as it is on disk now.
#[derive(Debug, Clone, PartialEq)]
pub enum VersionRef {
    Version(i64),
    File(String),
}

/// What `galley new` and the app's "New commentary" ask for.
#[derive(Debug, Clone, Default)]
pub struct NewDraft {
    pub title: String,
    pub lang: String,
    pub issue: Option<IsoWeek>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    /// File name without language and extension; derived from the title when absent.
    pub slug: Option<String>,
}

impl Workspace {
    /// Saves `text` to the draft at `path`. `loaded` is the hash of the text the caller last
    /// read from that file (`None` when it expects to create the file).
    pub fn save(
        &mut self,
        path: &str,
        text: &str,
        loaded: Option<ContentHash>,
    ) -> Result<SaveOutcome> {
        let target = self.resolve(Path::new(path))?;
        if !target.abs.exists() {
            crate::paths::check_new_name(&target.rel)?;
        }
        check_draft_path(&target.rel)?;
        if text.len() as u64 > MAX_DRAFT_BYTES {
            return Err(Error::TooLarge {
                path: target.rel.into(),
                size: text.len() as u64,
                limit: MAX_DRAFT_BYTES,
            });
        }
        let draft = Draft::parse(Path::new(&target.rel), text.as_bytes())?;
        let on_disk = self.secure_disk_text(&target)?;
        let disk_hash = on_disk.as_ref().map(|(hash, _)| *hash);
        if disk_hash != loaded {
            let theirs = match on_disk {
                Some((_, version)) => version,
                None => self.record_missing(&target, draft.front())?,
            };
            self.note_version(
                &draft.front().id,
                &draft.front().lang,
                &target.rel,
                &ContentHash::of(text.as_bytes()),
                VersionOrigin::Conflict,
            )?;
            let ours = self.history().record(self.version_by_me(
                draft.front(),
                &target.rel,
                Some(text),
                Origin::Conflict,
            ))?;
            return Ok(SaveOutcome::Conflict { theirs, ours });
        }
        if disk_hash == Some(ContentHash::of(text.as_bytes())) {
            return Ok(SaveOutcome::Unchanged(on_disk.map(|(_, v)| v)));
        }
        let version = self.write_and_record(&target, draft.front(), text, Origin::Save)?;
        Ok(SaveOutcome::Saved(version))
    }

    /// Brings back the text of version `id` as a new version (history is never rewritten).
    pub fn restore(&mut self, id: i64) -> Result<Version> {
        let old = self.history().version(id)?;
        let text = self.history().text(id)?.ok_or_else(|| {
            Error::invalid(
                format!("version {id}"),
                "it records a deletion; restore an earlier version",
            )
            .coded(ErrorCode::VersionIsDeletion, [("version", id.to_string())])
        })?;
        let draft = Draft::parse(Path::new(&old.path), text.as_bytes())?;
        let known = self.history().known_files()?;
        let path = known
            .iter()
            .find(|k| k.draft_id == old.draft_id && k.lang == old.lang)
            .map_or(old.path.clone(), |k| k.path.clone());
        let target = self.resolve(Path::new(&path))?;
        self.secure_disk_text(&target)?;
        self.write_and_record(&target, draft.front(), &text, Origin::Restore { from: id })
    }

    /// `create` with the workspace's author as the byline when `new` names none (the app's
    /// New commentary: whoever makes it is its first author).
    pub fn create_as_author(&mut self, mut new: NewDraft) -> Result<(String, Version)> {
        if new.authors.is_empty() {
            new.authors.push(self.env().author.clone());
        }
        self.create(&new)
    }

    /// Creates a new draft file and its first version; returns the file's relative path.
    pub fn create(&mut self, new: &NewDraft) -> Result<(String, Version)> {
        self.settings().require_language(&new.lang)?;
        if let Some(section) = &new.section {
            self.check_section(section)?;
        }
        let slug = match &new.slug {
            Some(slug) => slugify(slug),
            None => slugify(&new.title),
        };
        if slug.is_empty() {
            return Err(Error::invalid(
                "the new draft's name",
                "give a title or a slug with at least one letter",
            )
            .coded(
                ErrorCode::FileNameInvalid,
                [(
                    "name",
                    new.slug.clone().unwrap_or_else(|| new.title.clone()),
                )],
            ));
        }
        let folder = new.issue.map_or("unfiled".to_string(), |w| w.to_string());
        let rel = format!("{folder}/{slug}.{}.md", new.lang);
        let target = self.resolve(Path::new(&rel))?;
        crate::paths::check_new_name(&target.rel)?;
        if target.abs.exists() {
            return Err(Error::invalid(
                rel.clone(),
                "a file with that name exists already; choose another title or slug",
            )
            .coded(ErrorCode::FileNameTaken, [("path", rel)]));
        }
        let front = FrontMatter {
            id: new_id(),
            title: new.title.clone(),
            trend: None,
            authors: new.authors.clone(),
            lead: String::new(),
            section: new.section.clone(),
            issue: new.issue,
            tags: Vec::new(),
            lang: new.lang.clone(),
            translation_of: None,
        };
        let text = render_new(&front, "\n");
        Draft::parse(Path::new(&target.rel), text.as_bytes())?;
        let version = self.write_and_record(&target, &front, &text, Origin::Save)?;
        Ok((target.rel, version))
    }

    /// The versions of the draft at `path` (its language version), newest first. Works for
    /// deleted files too, through the path their versions recorded. The oldest, when nobody's
    /// record says it was made in Galley, is [`Origin::Found`]: the file as it was first found.
    pub fn log(&self, path: &str) -> Result<Vec<Version>> {
        let (draft_id, lang) = self.identity_of(path)?;
        let versions = self.history().log(&draft_id, &lang)?;
        let mut versions: Vec<Version> = versions.into_iter().map(|v| self.attributed(v)).collect();
        if let Some(first) = versions.last_mut() {
            if first.origin == Origin::External && first.hash.is_some() {
                first.origin = Origin::Found;
            }
        }
        Ok(versions)
    }

    /// The version a user names: its number on this machine (`24`, at most six digits), or a
    /// prefix of its text's SHA-256 (`06834ec2`, at least six hex digits), which names the same
    /// text on every machine. A text several versions share names the newest of them.
    pub fn find_version(&self, given: &str) -> Result<i64> {
        let given = given.trim();
        if given.len() <= 6 && !given.is_empty() && given.bytes().all(|b| b.is_ascii_digit()) {
            return given.parse().map_err(|_| bad_version_ref(given));
        }
        let prefix = given.to_ascii_lowercase();
        if prefix.len() < 6 || prefix.len() > 64 || !prefix.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad_version_ref(given));
        }
        let found = self.history().versions_with_hash_prefix(&prefix)?;
        let Some(newest) = found.first() else {
            return Err(Error::NotFound {
                what: format!("a version whose SHA-256 starts with {prefix}"),
                hint: " in this workspace's history. `galley log PATH` lists versions with their \
                       hashes."
                    .into(),
                detail: None,
            });
        };
        let mut texts: Vec<String> = found
            .iter()
            .filter_map(|v| {
                v.hash
                    .map(|h| format!("{} ({} {})", h.short(), v.draft_id, v.lang))
            })
            .collect();
        texts.sort();
        texts.dedup();
        if texts.len() > 1 {
            return Err(Error::invalid(
                format!("the version {given}"),
                format!(
                    "several texts start with it: {}; give more digits",
                    texts.join(", ")
                ),
            ));
        }
        Ok(newest.id)
    }

    /// The version a user names (as `find_version` reads it) of the draft at `path`. Refuses a
    /// version of another draft, naming both: comparing or restoring across drafts would
    /// silently mix two texts. A hash prefix is looked up among this draft's versions first.
    pub fn find_version_of(&self, path: &str, given: &str) -> Result<i64> {
        let (draft_id, lang) = self.identity_of(path)?;
        let given = given.trim();
        let is_number = given.len() <= 6 && given.bytes().all(|b| b.is_ascii_digit());
        if !is_number && given.len() >= 6 {
            let prefix = given.to_ascii_lowercase();
            let own = self
                .history()
                .versions_with_hash_prefix(&prefix)?
                .into_iter()
                .find(|v| v.draft_id == draft_id && v.lang == lang);
            if let Some(own) = own {
                return Ok(own.id);
            }
        }
        let id = self.find_version(given)?;
        let version = self.history().version(id)?;
        if version.draft_id == draft_id && version.lang == lang {
            return Ok(id);
        }
        let target = self.resolve(Path::new(path))?;
        Err(Error::invalid(
            format!("version {given}"),
            format!(
                "it is a version of {} (commentary {}, {}), not of {} (commentary {draft_id}, \
                 {lang}); `galley log {}` lists the versions of {}",
                version.path, version.draft_id, version.lang, target.rel, target.rel, target.rel
            ),
        ))
    }

    /// Version `id` as the team's records describe it (see `attributed`).
    pub fn version(&self, id: i64) -> Result<Version> {
        Ok(self.attributed(self.history().version(id)?))
    }

    /// The SHA-256 of the file at `path` as it is on disk now (`None` when there is none): the
    /// `loaded` hash for a caller that takes the file as it stands.
    pub fn disk_hash(&self, path: &str) -> Result<Option<ContentHash>> {
        let target = self.resolve(Path::new(path))?;
        match std::fs::read(&target.abs) {
            Ok(bytes) => Ok(Some(ContentHash::of(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", &target.abs, e)),
        }
    }

    pub fn text_of(&self, what: &VersionRef) -> Result<String> {
        match what {
            VersionRef::Version(id) => self.history().text(*id)?.ok_or_else(|| {
                Error::invalid(
                    format!("version {id}"),
                    "it records a deletion and has no text",
                )
                .coded(ErrorCode::VersionIsDeletion, [("version", id.to_string())])
            }),
            VersionRef::File(path) => Ok(self.read(path)?.text().to_string()),
        }
    }

    pub fn diff(&self, old: &VersionRef, new: &VersionRef) -> Result<Diff> {
        Ok(diff_texts(&self.text_of(old)?, &self.text_of(new)?))
    }

    /// Two versions compared for people: front matter field by field, the body word by word.
    pub fn diff_draft(&self, old: &VersionRef, new: &VersionRef) -> Result<DraftDiff> {
        Ok(diff_drafts(&self.text_of(old)?, &self.text_of(new)?))
    }

    /// What `galley diff PATH [FROM [TO]]` compares: version `from` (default: the newest
    /// version of the draft at `path`) with version `to` (default: the file as it is now).
    pub fn diff_file(&self, path: &str, from: Option<i64>, to: Option<i64>) -> Result<Diff> {
        let no_versions = || Error::invalid(path, "it has no versions yet; run `galley record`");
        if let (None, None) = (from, to) {
            // The common case: read the file once, for both its identity and its text. A
            // missing file takes the general path, which finds its history by path.
            match self.read(path) {
                Err(Error::NotFound { .. }) => {}
                Err(other) => return Err(other),
                Ok(current) => {
                    let front = current.front();
                    let head = self
                        .history()
                        .head(&front.id, &front.lang)?
                        .ok_or_else(no_versions)?;
                    let old = self.text_of(&VersionRef::Version(head.id))?;
                    return Ok(diff_texts(&old, current.text()));
                }
            }
        }
        let old = match from {
            Some(id) => VersionRef::Version(id),
            None => VersionRef::Version(self.log(path)?.first().ok_or_else(no_versions)?.id),
        };
        let new = to.map_or(VersionRef::File(path.to_string()), VersionRef::Version);
        self.diff(&old, &new)
    }

    /// Labels version `id` (an empty label removes it). A label names the version's text, so it
    /// travels with the records and shows on every machine that has the text.
    pub fn set_label(&mut self, id: i64, label: Option<&str>) -> Result<Version> {
        let label = label.map(str::trim).filter(|l| !l.is_empty());
        let version = self.history().version(id)?;
        let Some(sha256) = version.hash else {
            return Err(Error::invalid(
                format!("version {id}"),
                "it records a deletion; label a version that has a text",
            )
            .coded(ErrorCode::VersionIsDeletion, [("version", id.to_string())]));
        };
        self.append_record(Body::Label {
            commentary: version.draft_id.clone(),
            lang: version.lang.clone(),
            sha256,
            label: label.map(str::to_string),
            prev: None,
        })?;
        Ok(self.attributed(version))
    }

    fn identity_of(&self, path: &str) -> Result<(String, String)> {
        let target = self.resolve(Path::new(path))?;
        if target.abs.is_file() {
            let front = self.read(&target.rel)?.front().clone();
            return Ok((front.id, front.lang));
        }
        self.history()
            .last_version_at_path(&target.rel)?
            .map(|v| (v.draft_id, v.lang))
            .ok_or_else(|| {
                Error::NotFound {
                    what: format!("a draft at {}", target.rel),
                    hint: " in the folder or its history. Check the path with `galley list`."
                        .into(),
                    detail: None,
                }
                .coded(ErrorCode::DraftNotFound, [("path", target.rel.clone())])
            })
    }

    /// Makes sure what is on disk at `target` is in history before it gets overwritten, and
    /// returns its hash and version. `None` when there is no file.
    pub(super) fn secure_disk_text(
        &mut self,
        target: &WorkspacePath,
    ) -> Result<Option<(ContentHash, Version)>> {
        let bytes = match std::fs::read(&target.abs) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io("read", &target.abs, e)),
        };
        let hash = ContentHash::of(&bytes);
        let draft = Draft::parse(Path::new(&target.rel), &bytes)?;
        let front = draft.front();
        if let Some(head) = self.history().head(&front.id, &front.lang)? {
            if head.hash == Some(hash) && head.path == target.rel {
                return Ok(Some((hash, head)));
            }
        }
        let file = self.known_file(target, front, hash)?;
        let (author, at) = self.external_signature(&front.id, &front.lang, &target.rel, &hash)?;
        let new = NewVersion {
            draft_id: &front.id,
            lang: &front.lang,
            path: &target.rel,
            text: Some(draft.text()),
            author: &author,
            at,
            label: None,
            origin: Origin::External,
        };
        let version = self
            .history()
            .record_with_files(new, &[KnownFileChange::Upsert(&file)])?;
        Ok(Some((hash, version)))
    }

    /// The file the caller loaded is gone from disk: record that, so `theirs` is a version.
    fn record_missing(&mut self, target: &WorkspacePath, front: &FrontMatter) -> Result<Version> {
        let new = NewVersion {
            draft_id: &front.id,
            lang: &front.lang,
            path: &target.rel,
            text: None,
            author: &self.env().author,
            at: self.env().clock.now(),
            label: None,
            origin: Origin::External,
        };
        self.history()
            .record_with_files(new, &[KnownFileChange::Remove(&target.rel)])
    }

    /// Writes `text` to `target` and records it as one step: the version commits only if the
    /// file was written, and if the history cannot commit, the file is put back as it was.
    fn write_and_record(
        &mut self,
        target: &WorkspacePath,
        front: &FrontMatter,
        text: &str,
        origin: Origin,
    ) -> Result<Version> {
        if let Some(parent) = target.abs.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("create the folder", parent, e))?;
        }
        let previous = match std::fs::read(&target.abs) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io("read", &target.abs, e)),
        };
        let made = match origin {
            Origin::Restore { .. } => VersionOrigin::Restore,
            Origin::Import => VersionOrigin::Import,
            Origin::Conflict => VersionOrigin::Conflict,
            Origin::Save | Origin::External | Origin::Found => VersionOrigin::Save,
        };
        // The record first: a crash after it leaves a record of a text nobody has, harmless;
        // the other order could leave a version nobody else can attribute.
        let hash = ContentHash::of(text.as_bytes());
        self.note_version(&front.id, &front.lang, &target.rel, &hash, made)?;
        let mut wrote = false;
        let mut unconfirmed = None;
        let new = self.version_by_me(front, &target.rel, Some(text), origin);
        let recorded = self.history().record_writing(new, || {
            match write_atomic(&target.abs, text.as_bytes()) {
                Ok(()) => {}
                // The new text is in place: record it, then tell the caller.
                Err(e @ Error::WriteFailed { replaced: true, .. }) => unconfirmed = Some(e),
                Err(e) => return Err(e),
            }
            wrote = true;
            self.known_file(target, front, ContentHash::of(text.as_bytes()))
        });
        match (recorded, unconfirmed) {
            (Ok(_), Some(err)) => Err(err),
            (Ok(version), None) => Ok(version),
            (Err(err), _) => {
                if wrote {
                    // Best effort: if this fails too, the next scan records the file.
                    let _ = match &previous {
                        Some(bytes) => write_atomic(&target.abs, bytes),
                        None => std::fs::remove_file(&target.abs)
                            .map_err(|e| Error::io("remove", &target.abs, e)),
                    };
                }
                Err(err)
            }
        }
    }

    fn version_by_me<'a>(
        &'a self,
        front: &'a FrontMatter,
        rel: &'a str,
        text: Option<&'a str>,
        origin: Origin,
    ) -> NewVersion<'a> {
        NewVersion {
            draft_id: &front.id,
            lang: &front.lang,
            path: rel,
            text,
            author: &self.env().author,
            at: self.env().clock.now(),
            label: None,
            origin,
        }
    }

    pub(super) fn known_file(
        &self,
        target: &WorkspacePath,
        front: &FrontMatter,
        hash: ContentHash,
    ) -> Result<KnownFile> {
        let meta = std::fs::metadata(&target.abs).map_err(|e| Error::io("read", &target.abs, e))?;
        Ok(KnownFile {
            path: target.rel.clone(),
            draft_id: front.id.clone(),
            lang: front.lang.clone(),
            hash,
            size: meta.len(),
            mtime_ns: mtime_ns(&meta),
        })
    }
}

/// Saves go to drafts only: a file `record` and `list` would see. Anything else (a script,
/// `.galley/settings.toml`, a file in `.git`) is refused before a byte is read or written.
fn check_draft_path(rel: &str) -> Result<()> {
    let mut parts = rel.rsplit('/');
    let name = parts.next().unwrap_or(rel);
    let hidden_folder = parts.any(|p| p.starts_with('.'));
    if hidden_folder || !crate::draft::is_draft_file_name(name) {
        return Err(Error::invalid(
            rel,
            "Galley saves only drafts: Markdown files named like `slug.be.md`, outside hidden \
             folders such as .galley",
        ));
    }
    Ok(())
}

/// The longest slug, in characters; longer ones are cut at a word boundary.
const MAX_SLUG_CHARS: usize = 60;

/// A file-name-safe form of a title: lowercase letters and digits (any script), single
/// hyphens between words, at most 60 characters (see [`slug_of`]).
pub fn slugify(title: &str) -> String {
    slug_of(title).0
}

/// [`slugify`]'s slug and whether the title was too long for it: a long slug ends at the last
/// whole word that fits (a single word longer than the limit is cut).
pub(crate) fn slug_of(title: &str) -> (String, bool) {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.chars().count() <= MAX_SLUG_CHARS {
        return (slug.to_string(), false);
    }
    let fits: String = slug.chars().take(MAX_SLUG_CHARS + 1).collect();
    let cut = match fits.rfind('-') {
        Some(end) if end > 0 => &fits[..end],
        _ => {
            &fits[..fits
                .char_indices()
                .nth(MAX_SLUG_CHARS)
                .map_or(fits.len(), |(i, _)| i)]
        }
    };
    (cut.trim_end_matches('-').to_string(), true)
}

fn bad_version_ref(given: &str) -> Error {
    Error::invalid(
        format!("the version `{given}`"),
        "name a version by its number (`galley log PATH` shows them) or by at least six hex \
         digits of its SHA-256",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_are_kept_whole() {
        assert_eq!(
            slug_of("Army reform: what's next?"),
            ("army-reform-what-s-next".to_string(), false)
        );
    }

    #[test]
    fn long_titles_end_at_the_last_whole_word_that_fits() {
        let title = "The National Bank cuts the refinancing rate again while the currency market stays calm";
        let (slug, shortened) = slug_of(title);
        assert!(shortened);
        assert_eq!(
            slug,
            "the-national-bank-cuts-the-refinancing-rate-again-while-the"
        );
        assert!(slug.chars().count() <= MAX_SLUG_CHARS);
        let (cyrillic, _) = slug_of(
            "Национальный банк снова снизил ставку рефинансирования, валютный рынок спокоен",
        );
        assert_eq!(
            cyrillic,
            "национальный-банк-снова-снизил-ставку-рефинансирования"
        );
        let (one_word, shortened) = slug_of(&"а".repeat(70));
        assert!(shortened);
        assert_eq!(one_word.chars().count(), MAX_SLUG_CHARS);
    }
}
