//! Whether a source changed since a base (by text keys, without reading texts), and if so what:
//! per field, and per paragraph of the body.

use super::paragraphs::{align, split_paragraphs, ParagraphChange, ParagraphChangeKind};
use crate::draft::Draft;
use crate::error::Result;
use crate::hash::ContentHash;
use crate::history::SourceStamp;
use crate::xliff::source_words;
use std::collections::HashSet;
use std::path::Path;

/// A part of a commentary a translator translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Lead,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Lead => "lead",
            Field::Body => "body",
        }
    }
}

/// What changed in a translation's source since its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outdated {
    /// The source language the changes are in.
    pub source_lang: String,
    /// The local version of the base; `None` when its text has not arrived on this machine
    /// (then `fields` and `paragraphs` are empty: what changed cannot be told yet).
    pub base: Option<i64>,
    pub head: i64,
    /// The head version's text, the name of what the translation must now match.
    pub head_hash: Option<ContentHash>,
    /// The source versions after the base that are not minor and differ from it, oldest first.
    pub versions: Vec<i64>,
    /// Which of title, lead and body differ between the base and the head.
    pub fields: Vec<Field>,
    /// Body paragraphs changed, added, removed or moved, mapped to the translation.
    pub paragraphs: Vec<ParagraphChange>,
    /// The source words these changes ask a translator to look at; `None` when what changed
    /// cannot be told yet (`base` is `None`).
    pub words: Option<ChangedWords>,
}

/// Source words changed and new since the base, counted as CAT tools quote a job
/// (`xliff::source_words`: markup left out): the title, lead and paragraphs that changed
/// (moved paragraphs only when also edited), and the paragraphs added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChangedWords {
    pub changed: usize,
    pub new: usize,
}

/// The non-minor versions after the base whose text differs from it; empty when the source is
/// not outdated (including when its newest text equals the base again, or it was deleted).
/// `stamps` are the source's versions from the base on, oldest first.
pub fn source_changed(stamps: &[SourceStamp], minor: &HashSet<i64>) -> Vec<i64> {
    let Some((base, after)) = stamps.split_first() else {
        return Vec::new();
    };
    let Some(head) = after.last() else {
        return Vec::new();
    };
    if head.text.is_none() || head.text == base.text {
        return Vec::new();
    }
    after
        .iter()
        .filter(|s| s.text.is_some() && s.text != base.text && !minor.contains(&s.id))
        .map(|s| s.id)
        .collect()
}

/// Compares the source's text at the base with its text now: the fields and paragraphs that
/// changed, and their words. `source_path` names them in errors; `translation_paragraphs` is
/// how many paragraphs the translation has.
pub fn compare_sources(
    source_path: &str,
    base_text: &str,
    now_text: &str,
    translation_paragraphs: usize,
) -> Result<(Vec<Field>, Vec<ParagraphChange>, ChangedWords)> {
    let path = Path::new(source_path);
    let base = Draft::parse(path, base_text.as_bytes())?;
    let now = Draft::parse(path, now_text.as_bytes())?;
    let mut fields = Vec::new();
    let mut words = ChangedWords::default();
    if base.front().title != now.front().title {
        fields.push(Field::Title);
        words.changed += source_words(&now.front().title);
    }
    if base.front().lead != now.front().lead {
        fields.push(Field::Lead);
        words.changed += source_words(&now.front().lead);
    }
    let base_paragraphs = split_paragraphs(base.body());
    let now_paragraphs = split_paragraphs(now.body());
    let paragraphs = if base_paragraphs == now_paragraphs {
        Vec::new()
    } else {
        fields.push(Field::Body);
        align(&base_paragraphs, &now_paragraphs, translation_paragraphs)
    };
    for change in &paragraphs {
        let Some(text) = change.now.and_then(|n| now_paragraphs.get(n)) else {
            continue;
        };
        match change.kind {
            ParagraphChangeKind::Added => words.new += source_words(text),
            ParagraphChangeKind::Changed => words.changed += source_words(text),
            ParagraphChangeKind::Moved if change.edited => words.changed += source_words(text),
            ParagraphChangeKind::Moved | ParagraphChangeKind::Removed => {}
        }
    }
    Ok((fields, paragraphs, words))
}
