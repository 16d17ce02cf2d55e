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
    /// Each change a translator reviews (title, lead, every paragraph change), in that order.
    pub review: Vec<Review>,
    /// How many of `review` a translator marked handled against the base (`records::Body::Handled`).
    pub handled: usize,
}

impl Outdated {
    /// Every change was marked handled (and what changed is known), so the translation can
    /// be marked up to date. The rule the app's "Mark up to date" follows.
    pub fn all_handled(&self) -> bool {
        self.base.is_some() && self.handled == self.review.len()
    }
}

/// Which part of a commentary a change to review concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Lead,
    /// An index into `Outdated::paragraphs`.
    Paragraph(usize),
}

/// One change a translator reviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub part: Part,
    /// The SHA-256 of the source text the change concerns: its text now, or for a removed
    /// paragraph its text at the base. What a "handled" mark names, so the mark lapses when
    /// that text changes again.
    pub key: ContentHash,
    /// The source text at the base (`None` for an added paragraph).
    pub before: Option<String>,
    /// The source text now (`None` for a removed paragraph).
    pub after: Option<String>,
}

impl Review {
    fn new(part: Part, before: Option<&str>, after: Option<&str>) -> Review {
        let named = after.or(before).unwrap_or_default();
        Review {
            part,
            key: ContentHash::of(named.as_bytes()),
            before: before.map(str::to_string),
            after: after.map(str::to_string),
        }
    }
}

/// What changed between a base and now (`compare_sources`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub fields: Vec<Field>,
    pub paragraphs: Vec<ParagraphChange>,
    pub words: ChangedWords,
    pub review: Vec<Review>,
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
/// changed, their words, and the changes a translator reviews. `source_path` names them in errors; `translation_paragraphs` is
/// how many paragraphs the translation has.
pub fn compare_sources(
    source_path: &str,
    base_text: &str,
    now_text: &str,
    translation_paragraphs: usize,
) -> Result<Comparison> {
    let path = Path::new(source_path);
    let base = Draft::parse(path, base_text.as_bytes())?;
    let now = Draft::parse(path, now_text.as_bytes())?;
    let mut fields = Vec::new();
    let mut words = ChangedWords::default();
    let mut review = Vec::new();
    let (base_front, now_front) = (base.front(), now.front());
    if base_front.title != now_front.title {
        fields.push(Field::Title);
        words.changed += source_words(&now_front.title);
        review.push(Review::new(
            Part::Title,
            Some(&base_front.title),
            Some(&now_front.title),
        ));
    }
    if base_front.lead != now_front.lead {
        fields.push(Field::Lead);
        words.changed += source_words(&now_front.lead);
        review.push(Review::new(
            Part::Lead,
            Some(&base_front.lead),
            Some(&now_front.lead),
        ));
    }
    let base_paragraphs = split_paragraphs(base.body());
    let now_paragraphs = split_paragraphs(now.body());
    let paragraphs = if base_paragraphs == now_paragraphs {
        Vec::new()
    } else {
        fields.push(Field::Body);
        align(&base_paragraphs, &now_paragraphs, translation_paragraphs)
    };
    for (index, change) in paragraphs.iter().enumerate() {
        let before = change.base.and_then(|b| base_paragraphs.get(b));
        let after = change.now.and_then(|n| now_paragraphs.get(n));
        review.push(Review::new(
            Part::Paragraph(index),
            before.map(String::as_str),
            after.map(String::as_str),
        ));
        let Some(text) = after else {
            continue;
        };
        match change.kind {
            ParagraphChangeKind::Added => words.new += source_words(text),
            ParagraphChangeKind::Changed => words.changed += source_words(text),
            ParagraphChangeKind::Moved if change.edited => words.changed += source_words(text),
            ParagraphChangeKind::Moved | ParagraphChangeKind::Removed => {}
        }
    }
    Ok(Comparison {
        fields,
        paragraphs,
        words,
        review,
    })
}
