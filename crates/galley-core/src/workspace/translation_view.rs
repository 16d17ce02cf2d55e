//! What the app's translation editor shows for one translation: where it stands (its grid cell)
//! and its title, lead and paragraphs beside the source's, each with the source's change since
//! the base, whether a translator is done with it, and its words; and the team records the
//! editor writes ("done with this paragraph", undoing a status change).

use super::Workspace;
use crate::diff::{diff_texts, Diff};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::records::{Body, EventId, StatusEvent, TranslationStatus};
use crate::translation::{pair_paragraphs, GridCell, ParagraphChangeKind, Part, Review, Role};
use crate::xliff::source_words;

/// One translation beside its source.
#[derive(Debug, Clone)]
pub struct TranslationView {
    pub id: String,
    /// The translation's cell: status, base, what is outdated (and how much was handled).
    pub cell: GridCell,
    pub source_lang: String,
    pub source_path: String,
    /// The title, the lead, then the body's paragraphs.
    pub rows: Vec<TranslationRow>,
}

/// What a row of the translation editor holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowPart {
    Title,
    Lead,
    /// The body paragraph at this position (0-based), in both texts.
    Paragraph(usize),
}

/// One row: the source part beside the translation's.
#[derive(Debug, Clone)]
pub struct TranslationRow {
    pub part: RowPart,
    pub source: Option<String>,
    pub translation: Option<String>,
    /// What happened to the source part since the base, when the row needs review.
    pub change: Option<ParagraphChangeKind>,
    /// The change to review, named for "done with this paragraph" by `Review::key`.
    pub review: Option<Review>,
    /// The source's word diff since the base (for a changed, moved-and-edited or added part).
    pub diff: Option<Diff>,
    /// A translator marked this change handled against the base.
    pub handled: bool,
    /// The source part's words, counted as CAT tools quote them.
    pub words: usize,
}

impl TranslationRow {
    /// The row still asks for work: a change nobody handled, or no translation yet.
    pub fn needs_work(&self) -> bool {
        let unhandled = self.review.is_some() && !self.handled;
        let untranslated = self.source.as_deref().is_some_and(|s| !s.trim().is_empty())
            && self
                .translation
                .as_deref()
                .is_none_or(|t| t.trim().is_empty());
        unhandled || untranslated
    }
}

/// What a translator does to one translation from the translation view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslatorAction<'a> {
    /// Start the missing language (`Workspace::start_translation`, from the source).
    Start,
    SetStatus(TranslationStatus),
    /// Done with the change whose source text has this hash (`Workspace::mark_handled`).
    Handled(&'a ContentHash),
    /// Undo: the status the event with this id recorded (`restore_translation_status`).
    RestoreStatus(&'a str),
}

impl Workspace {
    /// Does `action` on the `lang` translation of `id`, then returns its view as it is now:
    /// what the translation view shows after each of its buttons.
    pub fn act_on_translation(
        &mut self,
        id: &str,
        lang: &str,
        action: TranslatorAction<'_>,
    ) -> Result<TranslationView> {
        match action {
            TranslatorAction::Start => self.start_translation(id, lang, None).map(drop)?,
            TranslatorAction::SetStatus(status) => self
                .set_translation_status(id, lang, status, None)
                .map(drop)?,
            TranslatorAction::Handled(key) => self.mark_handled(id, lang, key)?,
            TranslatorAction::RestoreStatus(event) => {
                self.restore_translation_status(id, lang, event).map(drop)?
            }
        }
        self.translation_view(id, lang)
    }

    /// The `lang` translation of commentary `id` beside its source, row by row.
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
        let source = self.read(&source_path)?;
        let translation = self.read(&path)?;
        let (changes, review) = match &cell.outdated {
            Some(o) => (o.paragraphs.as_slice(), o.review.as_slice()),
            None => (&[][..], &[][..]),
        };
        let handled = |r: &Review| match cell.base_hash {
            Some(base) => self.records().handled(id, lang, &base, &r.key).is_some(),
            None => false,
        };
        let row_of = |part: RowPart,
                      source: Option<String>,
                      translation: Option<String>,
                      change: Option<ParagraphChangeKind>,
                      review: Option<&Review>| TranslationRow {
            part,
            words: source.as_deref().map_or(0, source_words),
            diff: review.and_then(|r| match (&r.before, &r.after) {
                (before, Some(after)) if before.as_deref() != Some(after) => {
                    Some(diff_texts(before.as_deref().unwrap_or_default(), after))
                }
                _ => None,
            }),
            handled: review.is_some_and(handled),
            review: review.cloned(),
            change,
            source,
            translation,
        };
        let field = |part: Part| review.iter().find(|r| r.part == part);
        let (sf, tf) = (source.front(), translation.front());
        let mut rows = vec![
            row_of(
                RowPart::Title,
                Some(sf.title.clone()),
                Some(tf.title.clone()),
                field(Part::Title).map(|_| ParagraphChangeKind::Changed),
                field(Part::Title),
            ),
            row_of(
                RowPart::Lead,
                Some(sf.lead.clone()),
                Some(tf.lead.clone()),
                field(Part::Lead).map(|_| ParagraphChangeKind::Changed),
                field(Part::Lead),
            ),
        ];
        for (index, pair) in pair_paragraphs(source.body(), translation.body(), changes)
            .into_iter()
            .enumerate()
        {
            let review = pair.change_index.and_then(|c| field(Part::Paragraph(c)));
            rows.push(row_of(
                RowPart::Paragraph(index),
                pair.source,
                pair.translation,
                pair.change,
                review,
            ));
        }
        Ok(TranslationView {
            id: id.to_string(),
            cell,
            source_lang,
            source_path,
            rows,
        })
    }

    /// Records that a translator is done with one change of the source: the row of the `lang`
    /// translation of `id` whose review names the source text `key` (`Review::key`). Travels
    /// to the team with the journals; `translate status` and the editor count it.
    pub fn mark_handled(&mut self, id: &str, lang: &str, key: &ContentHash) -> Result<()> {
        let view = self.translation_view(id, lang)?;
        let base = view.cell.base_hash;
        let found = view
            .rows
            .iter()
            .find(|r| r.review.as_ref().is_some_and(|r| &r.key == key));
        let (Some(base), Some(_)) = (base, found) else {
            return Err(Error::invalid(
                format!("the {lang} translation of commentary {id}"),
                format!(
                    "no change of its source to review names the text {}: the source changed \
                     again or the translation was marked up to date; reload it and look again",
                    key.short()
                ),
            )
            .coded(
                ErrorCode::ReviewStale,
                [("id", id.to_string()), ("lang", lang.to_string())],
            ));
        };
        self.append_record(Body::Handled {
            commentary: id.to_string(),
            lang: lang.to_string(),
            paragraph: *key,
            base,
        })?;
        Ok(())
    }

    /// Sets the status of the `lang` translation of `id` back to what the past status event
    /// `event` said (status, base, note): how "mark up to date" is undone. Recorded as a new
    /// change, so the team sees both.
    pub fn restore_translation_status(
        &mut self,
        id: &str,
        lang: &str,
        event: &str,
    ) -> Result<StatusEvent> {
        let past = self
            .records()
            .status_log(id, lang)
            .into_iter()
            .find(|e| e.id == event)
            .filter(|_| EventId::parse(event).is_some())
            .ok_or_else(|| {
                Error::NotFound {
                what: format!("the status change {event} of the {lang} translation of {id}"),
                hint:
                    ": it is not one of its status changes. Reload the translation and try again."
                        .into(),
                detail: None,
            }
            .coded(
                ErrorCode::StatusEventNotFound,
                [("id", id.to_string()), ("lang", lang.to_string())],
            )
            })?;
        self.set_status_record(
            id,
            lang,
            past.status,
            &past.source_lang,
            past.base,
            past.note.as_deref(),
        )
    }
}
