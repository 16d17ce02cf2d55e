//! A translation job as a PO file, and back.

use super::placeables::{tag_in_text, to_po, to_target};
use super::syntax::{self, Entry};
use crate::error::{Error, Result};
use crate::xliff::export::{left_out_note, unit_pieces};
use crate::xliff::import::settle;
use crate::xliff::inline::{protect, renumber_like};
use crate::xliff::{
    ExportJob, ImportExpectation, ImportedTranslation, TargetUnit, UnitKind, XliffHeader,
    UNTRANSLATED_STATE,
};
use std::collections::BTreeMap;

const COMMENTARY: &str = "X-Galley-Commentary";
const SOURCE_LANGUAGE: &str = "X-Galley-Source-Language";
const SOURCE_VERSION: &str = "X-Galley-Source-Version";
const TARGET_VERSION: &str = "X-Galley-Target-Version";

/// Who last translated and when, for the PO header (gettext tools expect both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// `YYYY-MM-DD HH:MM+ZZZZ`, as gettext writes it.
    pub date: String,
    pub translator: String,
}

impl Revision {
    /// The revision made at `at` by `translator`.
    pub fn new(at: time::OffsetDateTime, translator: &str) -> Revision {
        let at = at.to_offset(time::UtcOffset::UTC);
        Revision {
            date: format!(
                "{:04}-{:02}-{:02} {:02}:{:02}+0000",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute()
            ),
            translator: translator.to_string(),
        }
    }
}

/// The job as a PO file: a header naming the job, then one entry per unit with the unit's id
/// as msgctxt, the source as msgid and the translation as msgstr (empty when there is none).
/// A unit whose source changed since the translation was made is `fuzzy`, with the previous
/// source as `#| msgid`. Fails, naming the unit, when a text holds something that reads as a
/// placeable tag (it would come back as a code).
pub fn export(job: &ExportJob, revision: &Revision) -> Result<String> {
    let mut header = format!(
        "Project-Id-Version: Galley {commentary}\nPO-Revision-Date: {date}\n\
         Last-Translator: {translator}\nLanguage-Team: {target}\nLanguage: {target}\n\
         MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\
         Content-Transfer-Encoding: 8bit\nX-Generator: Galley\n{COMMENTARY}: {commentary}\n\
         {SOURCE_LANGUAGE}: {source}\n{SOURCE_VERSION}: {version}\n",
        commentary = job.commentary,
        date = revision.date,
        translator = revision.translator.replace('\n', " "),
        target = job.target_lang,
        source = job.source_lang,
        version = job.source_version,
    );
    if let Some(version) = &job.target_version {
        header.push_str(&format!("{TARGET_VERSION}: {version}\n"));
    }
    let mut entries = vec![Entry {
        translator_comments: vec![
            format!(
                "Galley translation job: commentary {}, {} to {}.",
                job.commentary, job.source_lang, job.target_lang
            ),
            "Tags such as <g1>…</g1> and <x2/> stand for Markdown formatting: keep every tag; \
             put paired tags around the words they format."
                .to_string(),
        ]
        .into_iter()
        .chain(
            job.left_out
                .iter()
                .map(|gone| left_out_note(gone).replace('\n', " ")),
        )
        .collect(),
        msgstr: header,
        ..Entry::default()
    }];
    for unit in &job.source {
        let existing = job.target.iter().find(|t| t.kind == unit.kind);
        let (source, target) = unit_pieces(unit, existing);
        let previous = existing
            .and_then(|t| t.previous_source.as_deref())
            .map(|p| {
                let mut pieces = protect(p);
                renumber_like(&mut pieces, &source);
                pieces
            });
        let texts = [Some(&source), existing.map(|_| &target), previous.as_ref()];
        if let Some(tag) = texts.into_iter().flatten().find_map(|p| tag_in_text(p)) {
            return Err(Error::invalid(
                format!("unit `{}` of commentary {}", unit.kind.id(), job.commentary),
                format!(
                    "its text contains `{tag}`, which a PO file uses for formatting codes; \
                     export this job as XLIFF instead"
                ),
            ));
        }
        entries.push(Entry {
            extracted_comments: vec![note(job, unit.kind, existing)],
            flags: if previous.is_some() {
                vec!["fuzzy".to_string()]
            } else {
                Vec::new()
            },
            previous_msgid: previous.as_deref().map(to_po),
            msgctxt: Some(unit.kind.id()),
            msgid: to_po(&source),
            msgstr: existing.map_or_else(String::new, |_| to_po(&target)),
            ..Entry::default()
        });
    }
    Ok(syntax::write(&entries))
}

fn note(job: &ExportJob, kind: UnitKind, existing: Option<&TargetUnit>) -> String {
    let what = match kind {
        UnitKind::Title => "The title.".to_string(),
        UnitKind::Lead => "The lead.".to_string(),
        UnitKind::Paragraph(n) => format!("Body paragraph {n}."),
    };
    let why = match existing {
        Some(t) if t.previous_source.is_some() => {
            " The source changed since this was translated: review the translation against \
             the previous source and clear the fuzzy mark."
        }
        None if job.restructured => " New in the source since the translation was made.",
        _ => "",
    };
    format!("{what}{why}")
}

/// Which job a PO file claims to be, from its header. `file` names it in errors.
pub fn header(text: &str, file: &str) -> Result<XliffHeader> {
    let bad = |message: String| Error::invalid(format!("the PO file {file}"), message);
    let entries = syntax::parse(text).map_err(bad)?;
    let fields = header_fields(&entries).map_err(bad)?;
    let field = |name: &str| {
        fields.get(name).cloned().ok_or_else(|| {
            bad(format!(
                "its header has no `{name}` field, so it was not exported by Galley (or a tool \
                 removed Galley's header fields)"
            ))
        })
    };
    Ok(XliffHeader {
        commentary: field(COMMENTARY)?,
        source_lang: field(SOURCE_LANGUAGE)?,
        target_lang: field("Language")?,
        source_version: field(SOURCE_VERSION)?,
        target_version: fields.get(TARGET_VERSION).cloned(),
    })
}

fn header_fields(entries: &[Entry]) -> std::result::Result<BTreeMap<String, String>, String> {
    let header = entries
        .iter()
        .find(|e| !e.obsolete && e.msgid.is_empty() && e.msgctxt.is_none())
        .ok_or("it has no header entry (msgid \"\"), so it is not a Galley PO job")?;
    Ok(header
        .msgstr
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect())
}

/// Reads a translated PO file and checks it against `expect`, with the same rules as an XLIFF
/// file (`crate::xliff::import`): same job and versions, every unit once, every placeable of
/// the unit kept and balanced. An empty msgstr leaves the unit as it was exported; `fuzzy`
/// says the unit still needs review.
pub fn import(text: &str, expect: &ImportExpectation) -> Result<ImportedTranslation> {
    let bad = |message: String| Error::invalid(format!("the PO file {}", expect.file), message);
    let job = &expect.job;
    let found = header(text, &expect.file)?;
    check_job(&found, job).map_err(bad)?;
    let entries = syntax::parse(text).map_err(bad)?;
    let mut units: BTreeMap<UnitKind, &Entry> = BTreeMap::new();
    for entry in entries
        .iter()
        .filter(|e| !e.obsolete && !e.msgid.is_empty())
    {
        let id = entry.msgctxt.as_deref().unwrap_or("");
        let kind = UnitKind::from_id(id).ok_or_else(|| {
            bad(format!(
                "it has an entry with msgctxt `{id}` that is not a unit of this job (an extra \
                 unit)"
            ))
        })?;
        if units.insert(kind, entry).is_some() {
            return Err(bad(format!("it has the unit `{id}` more than once")));
        }
    }
    let mut targets = BTreeMap::new();
    for (kind, entry) in &units {
        let existing = job.target.iter().find(|t| t.kind == *kind);
        let msgstr = match (
            entry.msgstr.is_empty(),
            job.source.iter().find(|u| u.kind == *kind),
        ) {
            // Nothing entered: the unit comes back as it was exported.
            (true, Some(unit)) => to_po(&unit_pieces(unit, existing).1),
            _ => entry.msgstr.clone(),
        };
        let state = match (entry.is_fuzzy(), entry.msgstr.is_empty(), existing) {
            (true, _, _) => "needs-review-translation".to_string(),
            (false, true, None) => UNTRANSLATED_STATE.to_string(),
            (false, true, Some(t)) => t.state.as_xliff().to_string(),
            (false, false, _) => "translated".to_string(),
        };
        targets.insert(*kind, (to_target(&msgstr, &kind.id()).map_err(bad)?, state));
    }
    let returned = targets
        .iter()
        .map(|(kind, (target, state))| (*kind, (target, state.clone())))
        .collect();
    settle(job, &returned).map_err(|refusal| bad(refusal.message))
}

fn check_job(found: &XliffHeader, job: &ExportJob) -> std::result::Result<(), String> {
    if found.commentary != job.commentary {
        return Err(format!(
            "it is for commentary `{}`, not `{}`",
            found.commentary, job.commentary
        ));
    }
    if !found.source_lang.eq_ignore_ascii_case(&job.source_lang)
        || !found.target_lang.eq_ignore_ascii_case(&job.target_lang)
    {
        return Err(format!(
            "it translates `{}` into `{}`, but this job translates `{}` into `{}`",
            found.source_lang, found.target_lang, job.source_lang, job.target_lang
        ));
    }
    if found.source_version != job.source_version {
        return Err(format!(
            "it was exported from source version `{}`, but the `{}` source is now at version \
             `{}`: the source moved on since export. Export the job again and carry the \
             translation over",
            found.source_version, job.source_lang, job.source_version
        ));
    }
    if found.target_version != job.target_version {
        return Err(format!(
            "it was exported when the `{}` translation was at version `{}`, but it is now at \
             `{}`: the translation changed in Galley since export. Export the job again",
            job.target_lang,
            found.target_version.as_deref().unwrap_or("(none)"),
            job.target_version.as_deref().unwrap_or("(none)")
        ));
    }
    Ok(())
}
