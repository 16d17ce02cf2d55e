//! What the app's translation view shows for one translation: where it stands (its grid cell)
//! and its paragraphs beside the source's.

use super::Workspace;
use crate::error::{Error, Result};
use crate::translation::{pair_paragraphs, GridCell, ParagraphPair, Role};

/// One translation beside its source.
#[derive(Debug, Clone)]
pub struct TranslationView {
    pub id: String,
    /// The translation's cell: status, base, what is outdated.
    pub cell: GridCell,
    pub source_lang: String,
    pub source_path: String,
    pub pairs: Vec<ParagraphPair>,
}

impl Workspace {
    /// The `lang` translation of commentary `id` beside its source, paragraph by paragraph.
    pub fn translation_view(&self, id: &str, lang: &str) -> Result<TranslationView> {
        let row = self.translation_row(id)?;
        let what = || format!("the {lang} version of commentary {id}");
        let cell = row
            .cells
            .iter()
            .find(|c| c.lang == lang && c.role == Role::Translation)
            .cloned()
            .ok_or_else(|| Error::invalid(what(), "it is not a translation"))?;
        let (Some(path), Some(source_lang)) = (cell.path.clone(), cell.translation_of.clone())
        else {
            return Err(Error::invalid(
                what(),
                "it has no file or no source language",
            ));
        };
        let source_path = row
            .cells
            .iter()
            .find(|c| c.lang == source_lang)
            .and_then(|c| c.path.clone())
            .ok_or_else(|| {
                Error::invalid(what(), format!("its source ({source_lang}) has no file"))
            })?;
        let changes = cell
            .outdated
            .as_ref()
            .map(|o| o.paragraphs.as_slice())
            .unwrap_or_default();
        let pairs = pair_paragraphs(
            self.read(&source_path)?.body(),
            self.read(&path)?.body(),
            changes,
        );
        Ok(TranslationView {
            id: id.to_string(),
            cell,
            source_lang,
            source_path,
            pairs,
        })
    }
}
