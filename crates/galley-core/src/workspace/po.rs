//! The PO route through the workspace: the same jobs as `xliff.rs` (built, carried and
//! checked the same way), written and read as gettext PO files by `crate::po`.

use super::xliff::{file_name_safe, XliffImport};
use super::Workspace;
use crate::error::Result;
use crate::po;
use crate::xliff::{job_words, JobWords};

/// An exported PO job: the file name to offer (`<id>.<source>-<target>.po`), its text and
/// its word counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoExport {
    pub file_name: String,
    pub text: String,
    pub words: JobWords,
}

impl Workspace {
    /// Exports the translation job of commentary `id` into `lang` as a PO file; see
    /// [`Workspace::xliff_export`] for what the job holds. The header's revision is the
    /// translation's newest version (the source's when there is no translation yet).
    pub fn po_export(&mut self, id: &str, lang: &str) -> Result<PoExport> {
        let (job, newest) = self.job_to_export(id, lang)?;
        let newest = self.attributed(newest);
        let revision = po::Revision::new(newest.at, &newest.author);
        Ok(PoExport {
            file_name: format!(
                "{}.{}-{}.po",
                file_name_safe(&job.commentary),
                file_name_safe(&job.source_lang),
                file_name_safe(&job.target_lang)
            ),
            text: po::export(&job, &revision)?,
            words: job_words(&job),
        })
    }

    /// Imports a translated PO file (`file_name` names it in errors), checked and written
    /// exactly like an XLIFF file ([`Workspace::xliff_import`]).
    pub fn po_import(&mut self, text: &str, file_name: &str) -> Result<XliffImport> {
        let header = po::header(text, file_name)?;
        self.import_job(&header, file_name, |expect| po::import(text, expect))
    }
}
