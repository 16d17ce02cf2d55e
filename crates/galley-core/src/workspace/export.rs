//! Exporting an issue as a publishing bundle: record the issue's files so every text is a version,
//! judge readiness, gather the exact versions into a [`BundleInput`], render it (pure, in
//! `crate::bundle`) and write it as a folder or a zip. Nothing here reads the clock: the
//! bundle's one timestamp comes from the issue's last day.

use super::folder::{Folder, Found};
use super::Workspace;
use crate::bundle::{
    render, BundleInput, CommentaryInput, LangText, LeftOut, Progress, SectionInput,
};
use crate::draft::{is_draft_file_name, IsoWeek};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::issue::LanguageReadiness;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use time::Time;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Publish the languages that are ready and list the others, instead of refusing.
    pub only_complete: bool,
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct ExportReport {
    pub week: IsoWeek,
    /// The folder or zip written, as given.
    pub path: PathBuf,
    pub zip: bool,
    /// Languages in the bundle, in the workspace's order.
    pub published: Vec<String>,
    /// Languages left out (only with `only_complete`), each with its blockers.
    pub skipped: Vec<LanguageReadiness>,
    /// Files in the bundle, `manifest.json` included.
    pub files: usize,
    /// Their paths inside the bundle (`/`-separated), in the bundle's order.
    pub paths: Vec<String>,
    /// SHA-256 of `manifest.json`: names the whole bundle.
    pub manifest_sha256: ContentHash,
    /// Formats not made because settings they need are unset, each naming them.
    pub left_out: Vec<LeftOut>,
}

impl Workspace {
    /// Exports issue `week` to `out` (a zip when it ends in `.zip`, else a folder). Refuses
    /// with every reason when a language is not ready, unless `options.only_complete`, which
    /// publishes the ready languages and reports the others (and refuses when none is ready).
    /// `progress` hears one event per rendered piece and one for the write.
    pub fn export_issue(
        &mut self,
        week: IsoWeek,
        out: &Path,
        options: ExportOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ExportReport> {
        let zip = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        self.check_export_target(out, zip)?;
        // Every text that goes in must be a version, so the manifest can name it: the
        // issue's files are caught up (their cost, not the folder's), then judged and read
        // from the same model. A file changed after this is refused by `commentary_input`.
        let mut folder = self.catch_up_issue(week)?;
        let readiness = crate::issue::readiness(&self.board_in(&mut folder, week)?);
        let (ready, skipped): (Vec<_>, Vec<_>) = readiness
            .languages
            .into_iter()
            .partition(LanguageReadiness::is_ready);
        if ready.is_empty() || (!skipped.is_empty() && !options.only_complete) {
            let mut reasons = reasons_text(&skipped);
            if !ready.is_empty() {
                let names: Vec<&str> = ready.iter().map(|l| l.lang.as_str()).collect();
                reasons.push_str(&format!(
                    "\n{} ready; `--only-complete` publishes only the ready languages",
                    names.join(", ")
                ));
            }
            return Err(Error::NotReady { week, reasons });
        }
        let languages: Vec<String> = ready.into_iter().map(|l| l.lang).collect();
        let input = self.bundle_input(&folder, week, languages.clone())?;
        let mut last = (0, 1);
        let bundle = render(&input, &mut |step: Progress| {
            last = (step.done, step.total + 1);
            progress(Progress {
                total: step.total + 1,
                ..step
            });
        })?;
        if zip {
            // Like a folder export, a zip gets the folder it goes in (`exports/` at first).
            if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(folder)
                    .map_err(|e| Error::io("create the folder", folder, e))?;
            }
            bundle.write_zip(out)?;
        } else {
            bundle.write_dir(out)?;
        }
        progress(Progress {
            done: last.1,
            total: last.1,
            what: format!("wrote {}", out.display()),
        });
        let manifest = bundle.get("manifest.json").ok_or_else(|| Error::Corrupt {
            what: "the rendered bundle has no manifest.json".into(),
        })?;
        Ok(ExportReport {
            week,
            path: out.to_path_buf(),
            zip,
            published: languages,
            skipped,
            files: bundle.files.len(),
            paths: bundle.files.iter().map(|(path, _)| path.clone()).collect(),
            manifest_sha256: ContentHash::of(manifest),
            left_out: bundle.left_out.clone(),
        })
    }

    /// The bundle's input for `week` in `languages`: the issue's order, dates and titles, and
    /// for each commentary the text on disk, checked to be the head version in history.
    fn bundle_input(
        &self,
        folder: &Folder,
        week: IsoWeek,
        languages: Vec<String>,
    ) -> Result<BundleInput> {
        let view = self.view_with(week, folder)?;
        let mut sections = Vec::new();
        let mut commentaries = Vec::new();
        for arranged in &view.sections {
            let entries = arranged.entries.iter().filter(|e| e.has_files());
            let Some(key) = &arranged.key else {
                if let Some(entry) = entries.clone().next() {
                    return Err(Error::invalid(
                        format!("commentary {} in issue {week}", entry.id),
                        format!(
                            "it has no section; give it one: `galley issue move {} --to {week} --section KEY`",
                            entry.id
                        ),
                    )
                    .coded(
                        ErrorCode::ExportNoSection,
                        [("id", entry.id.clone()), ("week", week.to_string())],
                    ));
                }
                continue;
            };
            sections.push(SectionInput {
                key: key.clone(),
                titles: self
                    .settings()
                    .section(key)
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
            });
            for entry in entries {
                // Unreadable files of this issue were already judged by readiness.
                let versions = self.read_commentary(folder, &entry.id, false);
                commentaries.push(self.commentary_input(&entry.id, key, &versions, &languages)?);
            }
        }
        Ok(BundleInput {
            week,
            first_day: view.issue.start,
            last_day: view.issue.end,
            publication: self.settings().publication.clone(),
            titles: view.issue.titles.clone(),
            sections,
            commentaries,
            languages,
            published_at: view.issue.end.with_time(Time::MIDNIGHT).assume_utc(),
        })
    }

    fn commentary_input(
        &self,
        id: &str,
        section: &str,
        found: &[Found],
        languages: &[String],
    ) -> Result<CommentaryInput> {
        let main = found
            .iter()
            .find(|f| f.draft.front().translation_of.is_none())
            .or(found.first())
            .ok_or_else(|| Error::not_found(format!("the drafts of commentary {id}")))?;
        let approval = self.approval(id);
        let mut versions = BTreeMap::new();
        for lang in languages {
            let Some(file) = found.iter().find(|f| f.lang() == lang) else {
                continue; // the bundle refuses a commentary missing a published language
            };
            let hash = ContentHash::of(file.draft.text().as_bytes());
            let head = self.history().head(id, lang)?;
            let version = head
                .filter(|v| v.hash.as_ref() == Some(&hash) && v.path == file.rel)
                .ok_or_else(|| {
                    Error::invalid(
                        file.rel.clone(),
                        "it changed while the issue was being exported; export again",
                    )
                    .coded(ErrorCode::ChangedDuringAction, [("path", file.rel.clone())])
                })?;
            let mut text = LangText::from_draft(&file.draft, version.id);
            text.approved = approval.as_ref().and_then(|a| a.texts.get(lang).copied());
            versions.insert(lang.clone(), text);
        }
        Ok(CommentaryInput {
            id: id.to_string(),
            slug: main.slug(),
            section: section.to_string(),
            versions,
        })
    }

    /// Refuses targets inside `.galley`, draft files, and folders inside the workspace (whose
    /// Markdown sources would be taken for drafts).
    fn check_export_target(&self, out: &Path, zip: bool) -> Result<()> {
        let what = || format!("the export target {}", out.display());
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::invalid(what(), "it names no file or folder"))?;
        let path = || ("path", out.display().to_string());
        if is_draft_file_name(&name) {
            return Err(Error::invalid(
                what(),
                "it is named like a draft; choose a folder or a .zip file",
            )
            .coded(ErrorCode::ExportTargetDraftName, [path()]));
        }
        let abs = absolute(out)?;
        let state = self.root().join(super::STATE_DIR);
        if abs.starts_with(&state) {
            return Err(Error::invalid(
                what(),
                "it is inside the workspace's .galley folder; choose a place outside it",
            )
            .coded(ErrorCode::ExportTargetInState, [path()]));
        }
        if !zip && abs.starts_with(self.root()) {
            return Err(Error::invalid(
                what(),
                "it is a folder inside the workspace, where its Markdown sources would be taken \
                 for drafts; export outside the workspace or to a .zip",
            )
            .coded(ErrorCode::ExportTargetInWorkspace, [path()]));
        }
        Ok(())
    }
}

/// One line per blocker, grouped by language.
fn reasons_text(languages: &[LanguageReadiness]) -> String {
    let mut lines = Vec::new();
    for l in languages {
        for b in &l.blockers {
            let whose = if b.id.is_empty() {
                String::new()
            } else {
                format!("{} ({}): ", b.id, b.title)
            };
            lines.push(format!(
                "{}: {whose}{}; {}",
                b.lang,
                b.problem(),
                b.what_to_do()
            ));
        }
    }
    lines.join("\n")
}

/// `path` made absolute and canonical as far as it exists (the rest may not exist yet), so it
/// can be compared with the canonical workspace root.
fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io("find", "the current folder", e))?
            .join(path)
    };
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    let mut existing = normal.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            return Ok(rest.iter().rev().fold(canonical, |p, c| p.join(c)));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(normal),
        }
    }
}
