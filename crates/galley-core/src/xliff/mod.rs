//! XLIFF 1.2 export and import of one commentary's translation job, for desktop CAT tools
//! (OmegaT, Trados, memoQ) and translate-toolkit.
//!
//! A job is one commentary, one source language version and one target language. Each
//! [`Unit`] — the title, the lead, every body paragraph — becomes a `<trans-unit>` whose id
//! is the unit's ([`UnitKind::id`]: `title`, `lead`, `p1`, `p2`, …). Markdown inline markup
//! travels as inline codes the tools protect: `<g>` around translatable text (emphasis, link
//! text) and `<x/>` for the rest (inline code, footnote refs, images, block markers such as
//! `> ` or `- `, line breaks). Each code carries its Markdown in `galley:*` attributes for
//! people reading the file, but import never trusts them: it rebuilds each unit's code table
//! from the job (the same source and target text the file was exported from), because tools
//! drop or rewrite attributes (translate-toolkit drops them in targets, OmegaT turns `&#10;`
//! into a raw line break).
//!
//! Every unit has a `<target>`: OmegaT translates the target, not the source, so a unit with
//! no translation yet carries a copy of the source with `state="needs-translation"`. On import
//! such a unit whose target still equals the source counts as untranslated.
//!
//! An outdated translation is carried onto the source as it is now ([`carry`]): each unit gets
//! the translation of its own paragraph; a changed one has `state="needs-review-translation"`
//! and the previous source and translation in `<alt-trans alttranstype="previous-version">`.
//! Final and signed-off units are `approved="yes"` (translate-toolkit calls every other unit
//! fuzzy). The `galley:*` attributes are declared in Galley's own schema
//! ([`GALLEY_SCHEMA`]), so every file validates against the OASIS XLIFF 1.2 strict schema.
//!
//! Invariants:
//! - Export then import without edits gives back exactly the text exported.
//! - Import refuses, naming the file and the unit, anything that does not fit the job it is
//!   checked against: another commentary, language or source/target version; missing, extra
//!   or repeated units; missing, repeated, unknown or mismatched codes; malformed XML; any
//!   DOCTYPE or entity other than XML's five and character references; input over
//!   [`MAX_XLIFF_BYTES`]; a restructured job with units that still need work.
//! - Import of a job where only some units changed changes exactly those paragraphs.

mod carry;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod inline;
mod segment;
mod words;
pub(crate) mod xml;

pub use carry::{carry, Carried, SourceBase};
pub use export::export;
pub use import::{header, import};
pub use segment::{apply, target_units, units_of};
pub use words::{job_words, source_words, JobWords, UnitWords, WordMatch};

/// The XLIFF 1.2 namespace.
pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// Galley's namespace for its attributes in the file.
pub const GALLEY_NS: &str = "urn:galley:xliff:1";
/// The XML Schema of Galley's namespace (`galley-xliff-1.xsd`): with it, every exported file
/// validates against the OASIS XLIFF 1.2 strict schema, which demands a schema for each
/// extension namespace. Shipped in the binary so it can be published next to the files.
pub const GALLEY_SCHEMA: &str = include_str!("galley-xliff-1.xsd");
/// The largest XLIFF file import reads: 32 MiB (a draft is at most 10 MiB; a file holds it
/// twice, plus markup).
pub const MAX_XLIFF_BYTES: usize = 32 * 1024 * 1024;

/// Why a file was refused: the sentence that follows "the XLIFF file … is invalid:", and the
/// same as a code with its facts after `file`, for a shell to word.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub message: String,
    pub detail: Option<(crate::ErrorCode, Vec<(&'static str, String)>)>,
}

impl Refusal {
    pub fn coded<const N: usize>(
        message: impl Into<String>,
        code: crate::ErrorCode,
        facts: [(&'static str, String); N],
    ) -> Self {
        Refusal {
            message: message.into(),
            detail: Some((code, facts.into())),
        }
    }

    /// The refusal as the error of the file `what` names; `file` is its first fact.
    pub fn into_error(self, what: String, file: &str) -> crate::Error {
        let error = crate::Error::invalid(what, self.message);
        match self.detail {
            Some((code, facts)) => {
                let all = std::iter::once(("file", file.to_string())).chain(facts);
                error.with_detail(code, all.collect())
            }
            None => error,
        }
    }
}

/// Which part of a language version a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Title,
    Lead,
    /// A body paragraph, numbered from 1.
    Paragraph(usize),
}

impl UnitKind {
    /// The unit's id in the file: `title`, `lead`, `p1`, `p2`, …
    pub fn id(&self) -> String {
        match self {
            UnitKind::Title => "title".to_string(),
            UnitKind::Lead => "lead".to_string(),
            UnitKind::Paragraph(n) => format!("p{n}"),
        }
    }

    /// The kind whose [`id`](Self::id) is `id`.
    pub fn from_id(id: &str) -> Option<UnitKind> {
        match id {
            "title" => Some(UnitKind::Title),
            "lead" => Some(UnitKind::Lead),
            _ => {
                let digits = id.strip_prefix('p')?;
                if digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok().map(UnitKind::Paragraph)
            }
        }
    }

    fn describe(&self) -> String {
        match self {
            UnitKind::Title => "The title.".to_string(),
            UnitKind::Lead => "The lead.".to_string(),
            UnitKind::Paragraph(n) => format!("Body paragraph {n}."),
        }
    }
}

/// One translatable piece of a language version, its text as Markdown (lines joined by `\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    pub text: String,
}

impl Unit {
    pub fn new(kind: UnitKind, text: &str) -> Unit {
        Unit {
            kind,
            text: text.to_string(),
        }
    }
}

/// How far an existing translation of a unit is, as written in the target's `state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetState {
    /// `translated`: translated, not reviewed.
    Translated,
    /// `needs-review-translation`: translated, waiting for review.
    NeedsReview,
    /// `signed-off`: reviewed.
    SignedOff,
    /// `final`: done.
    Final,
}

impl TargetState {
    pub fn as_xliff(&self) -> &'static str {
        match self {
            TargetState::Translated => "translated",
            TargetState::NeedsReview => "needs-review-translation",
            TargetState::SignedOff => "signed-off",
            TargetState::Final => "final",
        }
    }
}

/// The `state` of a target that is only a copy of the source.
pub const UNTRANSLATED_STATE: &str = "needs-translation";

/// The existing translation of one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetUnit {
    pub kind: UnitKind,
    pub text: String,
    pub state: TargetState,
    /// The source's text at the translation's base, when it changed since (not only by minor
    /// edits): the unit is exported for review with it beside the translation, and must come
    /// back reviewed.
    pub previous_source: Option<String>,
}

/// Everything an export writes, and what an import is checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportJob {
    pub commentary: String,
    pub source_lang: String,
    pub target_lang: String,
    /// The source version the units were taken from.
    pub source_version: String,
    /// The translation's current version, if it exists yet.
    pub target_version: Option<String>,
    /// The source's units, as [`units_of`] gives them.
    pub source: Vec<Unit>,
    /// The translation's existing units (see [`target_units`]); units of `source` without
    /// one are exported with a copy of the source as target.
    pub target: Vec<TargetUnit>,
    /// True when the translation's paragraphs were carried to new places (see [`carry`]):
    /// then every unit that needs work must come back done, or the import is refused, since
    /// a half-done translation laid out like the source now would no longer follow its base.
    pub restructured: bool,
    /// Translations of source paragraphs removed since the base, which the job leaves out:
    /// the files list them so the translator knows what goes.
    pub left_out: Vec<LeftOut>,
}

/// A translated paragraph the job leaves out because its source paragraph was removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    /// Its number in the source the translation was made from (1-based).
    pub base_number: usize,
    pub source: String,
    pub translation: String,
}

/// What an imported file must match: the job as it would be exported now (if the source or
/// the translation changed since the file was exported, their version ids differ and the
/// import is refused). `file` names the file in errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportExpectation {
    pub file: String,
    pub job: ExportJob,
}

/// The job a file says it belongs to, as [`header`] reads it (not yet checked against
/// anything).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XliffHeader {
    pub commentary: String,
    pub source_lang: String,
    pub target_lang: String,
    pub source_version: String,
    pub target_version: Option<String>,
}

/// One unit of an imported file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedUnit {
    pub kind: UnitKind,
    /// The target as Markdown, inline codes restored.
    pub text: String,
    /// The target's `state` attribute as the tool left it (empty if none).
    pub state: String,
    /// False when the target is still the copy of the source it was exported with.
    pub translated: bool,
}

/// A checked translation, ready for [`apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedTranslation {
    /// The translated title, `None` when untranslated.
    pub title: Option<String>,
    /// The translated lead, `None` when untranslated.
    pub lead: Option<String>,
    /// The translated body paragraphs in order; untranslated ones are left out.
    pub paragraphs: Vec<String>,
    /// Every unit in job order.
    pub units: Vec<ImportedUnit>,
    /// Units exported as needing review or translation because the source changed since the
    /// base that came back still needing it; empty when the translation is up to date with
    /// the job's source.
    pub pending: Vec<UnitKind>,
}
