//! Renaming a commentary: a language version's title (a front-matter edit, one version), and
//! optionally the file names of all its language versions together (`<slug>.<lang>.md` in the
//! folders they are in). The id never changes, so history follows each file by id and
//! language: the reconciler sees a rename, not a deletion and a new draft.

use super::save::slugify;
use super::translate::source_of;
use super::{SaveOutcome, Workspace};
use crate::draft::update;
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::history::Version;
use std::path::Path;

/// What `rename_commentary` did.
#[derive(Debug, Clone)]
pub struct RenameReport {
    pub id: String,
    /// The language version whose title was set.
    pub lang: String,
    pub title: String,
    /// The `lang` version's file as it is now, workspace-relative.
    pub path: String,
    /// The title's new version (none when the title was already that).
    pub version: Option<Version>,
    /// Files renamed, as (from, to), workspace-relative.
    pub files: Vec<(String, String)>,
}

impl Workspace {
    /// Sets the title of commentary `id`'s `lang` version to `title` and, with `slug` (a title
    /// or a name, made file-safe by `slugify`), renames every language version's file to
    /// `<slug>.<lang>.md`. Every target is checked before anything changes; if the title
    /// cannot be saved, the files get their old names back.
    pub fn rename_commentary(
        &mut self,
        id: &str,
        lang: &str,
        title: &str,
        slug: Option<&str>,
    ) -> Result<RenameReport> {
        let title = title.trim();
        check_title(title, || format!("the {lang} title of commentary {id}"))?;
        let drafts = self.commentary(id)?;
        if !drafts.iter().any(|f| f.lang() == lang) {
            return Err(Error::language_not_found(
                id,
                lang,
                " in the workspace. `galley translate status` shows its languages.",
            ));
        }
        let moves = match slug {
            Some(given) => {
                let slug = slugify(given);
                if slug.is_empty() {
                    return Err(Error::invalid(
                        format!("the new file name `{given}`"),
                        "it has no letter or digit; give a name with at least one",
                    )
                    .coded(ErrorCode::FileNameInvalid, [("name", given.to_string())]));
                }
                self.plan_renames(&drafts, &slug)?
            }
            None => Vec::new(),
        };
        let lang_rel = drafts
            .iter()
            .find(|f| f.lang() == lang)
            .map(|f| f.rel.clone())
            .unwrap_or_default();
        let path = moves
            .iter()
            .find(|(from, _)| *from == lang_rel)
            .map_or(lang_rel.clone(), |(_, to)| to.clone());
        let week = source_of(&drafts).unwrap_or(&drafts[0]).draft.front().issue;
        drop(drafts);

        self.move_files(&moves)?;
        let version = match self.set_title(id, lang, title) {
            Ok(version) => version,
            Err(e) => {
                let back: Vec<(String, String)> = moves
                    .iter()
                    .rev()
                    .map(|(a, b)| (b.clone(), a.clone()))
                    .collect();
                // Best effort: each file is whole under one name or the other either way.
                let _ = self.move_files(&back);
                return Err(e);
            }
        };
        // The issue file names each commentary's title beside its id: keep it current.
        if let Some(week) = week {
            let (issue, exists) = self.load_issue(week)?;
            if exists {
                self.save_issue(&issue)?;
            }
        }
        Ok(RenameReport {
            id: id.to_string(),
            lang: lang.to_string(),
            title: title.to_string(),
            path,
            version,
            files: moves,
        })
    }

    /// Each file's new name, refusing before anything changes when one is taken.
    fn plan_renames(
        &self,
        drafts: &[super::folder::Found],
        slug: &str,
    ) -> Result<Vec<(String, String)>> {
        let mut moves = Vec::new();
        for found in drafts {
            let name = format!("{slug}.{}.md", found.lang());
            let to = match found.rel.rsplit_once('/') {
                Some((parent, _)) => format!("{parent}/{name}"),
                None => name,
            };
            if to == found.rel {
                continue;
            }
            let target = self.resolve(Path::new(&to))?;
            crate::paths::check_new_name(&target.rel)?;
            if target.abs.exists() {
                return Err(Error::invalid(
                    format!("renaming {} to {to}", found.rel),
                    "a file of that name exists already; choose another name",
                )
                .coded(ErrorCode::FileNameTaken, [("path", to)]));
            }
            moves.push((found.rel.clone(), target.rel));
        }
        Ok(moves)
    }

    /// Writes `title` into the `lang` version's front matter (only that key changes).
    fn set_title(&mut self, id: &str, lang: &str, title: &str) -> Result<Option<Version>> {
        let drafts = self.commentary(id)?;
        let Some(found) = drafts.iter().find(|f| f.lang() == lang) else {
            return Err(Error::language_not_found(id, lang, " in the workspace."));
        };
        if found.draft.front().title == title {
            return Ok(None);
        }
        let mut front = found.draft.front().clone();
        front.title = title.to_string();
        let text = update(&found.draft, &front, found.draft.body());
        let loaded = ContentHash::of(found.draft.text().as_bytes());
        match self.save(&found.rel, &text, Some(loaded))? {
            SaveOutcome::Saved(version) => Ok(Some(version)),
            SaveOutcome::Unchanged(_) => Ok(None),
            SaveOutcome::Conflict { .. } => Err(Error::invalid(
                found.rel.clone(),
                "it changed on disk during the rename; both texts are kept as versions. Check \
                 it, then rename again",
            )
            .coded(
                ErrorCode::ChangedDuringAction,
                [("path", found.rel.clone())],
            )),
        }
    }
}

/// A title (a commentary's or an issue's) is one line of text; `what` names it in the refusal.
pub(super) fn check_title(title: &str, what: impl Fn() -> String) -> Result<()> {
    if title.trim().is_empty() {
        return Err(
            Error::invalid(what(), "it is empty; write the title").coded(ErrorCode::TitleEmpty, [])
        );
    }
    if title.contains(['\n', '\r']) {
        return Err(
            Error::invalid(what(), "it spans several lines; keep a title on one line")
                .coded(ErrorCode::TitleMultiline, []),
        );
    }
    Ok(())
}
