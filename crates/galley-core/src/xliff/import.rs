//! Reading a translated XLIFF file back, checked against the job it must belong to.

use super::export::unit_pieces;
use super::inline::{code_defs, CodeDef};
use super::xml::{self, Element, Node};
use super::{
    ExportJob, ImportExpectation, ImportedTranslation, ImportedUnit, Refusal, TargetUnit, UnitKind,
    XliffHeader, GALLEY_NS, MAX_XLIFF_BYTES, UNTRANSLATED_STATE, XLIFF_NS,
};
use crate::error::{ErrorCode, Result};
use std::collections::{BTreeMap, HashSet};

/// Reads a translated XLIFF file and checks it against `expect`; see the module docs for
/// what is refused. Nothing is written: the caller applies the result with [`super::apply`].
pub fn import(xml_text: &str, expect: &ImportExpectation) -> Result<ImportedTranslation> {
    let file = &expect.file;
    let bad = |refusal: Refusal| refusal.into_error(format!("the XLIFF file {file}"), file);
    check_size(xml_text).map_err(bad)?;
    let root = xml::parse(xml_text.trim_start_matches('\u{feff}')).map_err(bad)?;
    let file = check_header(&root, expect).map_err(bad)?;
    let units = trans_units(file).map_err(bad)?;
    read_units(&units, expect).map_err(bad)
}

/// Which job a file claims to be: its commentary and languages, read (with the same limits and
/// refusals as [`import`]) so the caller can build the [`ImportExpectation`] to check it against.
/// `file` names the file in errors.
pub fn header(xml_text: &str, file: &str) -> Result<XliffHeader> {
    let bad = |refusal: Refusal| refusal.into_error(format!("the XLIFF file {file}"), file);
    check_size(xml_text).map_err(bad)?;
    let root = xml::parse(xml_text.trim_start_matches('\u{feff}')).map_err(bad)?;
    let files: Vec<&Element> = if root.is(XLIFF_NS, "xliff") {
        root.elements().filter(|e| e.is(XLIFF_NS, "file")).collect()
    } else {
        Vec::new()
    };
    let [element] = files.as_slice() else {
        return Err(bad(not_a_job(
            "it is not a Galley XLIFF 1.2 job: it needs an <xliff> root with exactly one <file>",
        )));
    };
    let attr = |ns: &str, name: &str, what: &str| {
        element
            .attr(ns, name)
            .map(str::to_string)
            .ok_or_else(|| bad(not_a_job(format!("its <file> has no {what} attribute"))))
    };
    Ok(XliffHeader {
        commentary: attr(GALLEY_NS, "commentary", "galley:commentary")?,
        source_lang: attr("", "source-language", "source-language")?,
        target_lang: attr("", "target-language", "target-language")?,
        source_version: attr(GALLEY_NS, "source-version", "galley:source-version")?,
        target_version: element
            .attr(GALLEY_NS, "target-version")
            .map(str::to_string),
    })
}

/// A file too large to read as an XLIFF job.
fn check_size(xml_text: &str) -> Result<(), Refusal> {
    if xml_text.len() <= MAX_XLIFF_BYTES {
        return Ok(());
    }
    Err(Refusal::coded(
        format!(
            "it is {} bytes, more than the {MAX_XLIFF_BYTES}-byte limit for an XLIFF file",
            xml_text.len()
        ),
        ErrorCode::XliffTooLarge,
        [
            ("size", xml_text.len().to_string()),
            ("limit", MAX_XLIFF_BYTES.to_string()),
        ],
    ))
}

/// A file that is not a job Galley exported (another kind of XML, or its marks removed).
fn not_a_job(message: impl Into<String>) -> Refusal {
    Refusal::coded(message, ErrorCode::XliffNotAJob, [])
}

/// Checks the root and `<file>` against the job; returns the `<file>`.
fn check_header<'a>(root: &'a Element, expect: &ImportExpectation) -> Result<&'a Element, Refusal> {
    let job = &expect.job;
    if !root.is(XLIFF_NS, "xliff") {
        return Err(not_a_job(format!(
            "it is not XLIFF 1.2: the root element is <{}> in namespace `{}`, not <xliff> in `{XLIFF_NS}`",
            root.local, root.ns
        )));
    }
    if root.attr("", "version") != Some("1.2") {
        let version = root.attr("", "version").unwrap_or("(none)");
        return Err(Refusal::coded(
            format!("it is XLIFF version `{version}`; Galley reads version 1.2"),
            ErrorCode::XliffVersion,
            [(
                "version",
                root.attr("", "version").unwrap_or("").to_string(),
            )],
        ));
    }
    let files: Vec<&Element> = root.elements().filter(|e| e.is(XLIFF_NS, "file")).collect();
    let [file] = files.as_slice() else {
        return Err(not_a_job(format!(
            "it has {} <file> elements; a Galley job has exactly one",
            files.len()
        )));
    };
    let galley = |name: &str| file.attr(GALLEY_NS, name);
    let Some(commentary) = galley("commentary") else {
        return Err(not_a_job(
            "its <file> has no galley:commentary attribute, so it was not exported by Galley \
             (or a tool removed Galley's attributes)",
        ));
    };
    if commentary != job.commentary {
        return Err(Refusal::coded(
            format!(
                "it is for commentary `{commentary}`, not `{}`",
                job.commentary
            ),
            ErrorCode::XliffOtherCommentary,
            [
                ("commentary", commentary.to_string()),
                ("expected", job.commentary.clone()),
            ],
        ));
    }
    for (attr, expected) in [
        ("source-language", &job.source_lang),
        ("target-language", &job.target_lang),
    ] {
        let found = file.attr("", attr).unwrap_or("(none)");
        if !found.eq_ignore_ascii_case(expected) {
            return Err(Refusal::coded(
                format!(
                    "its {attr} is `{found}`, but this job translates `{}` into `{}`",
                    job.source_lang, job.target_lang
                ),
                ErrorCode::XliffOtherLanguages,
                [
                    (
                        "source_lang",
                        file.attr("", "source-language").unwrap_or("").into(),
                    ),
                    (
                        "target_lang",
                        file.attr("", "target-language").unwrap_or("").into(),
                    ),
                    ("expected_source", job.source_lang.clone()),
                    ("expected_target", job.target_lang.clone()),
                ],
            ));
        }
    }
    let source_version = galley("source-version").unwrap_or("(none)");
    if source_version != job.source_version {
        return Err(Refusal::coded(
            format!(
                "it was exported from source version `{source_version}`, but the `{}` source is \
                 now at version `{}`: the source moved on since export. Export the job again and \
                 carry the translation over",
                job.source_lang, job.source_version
            ),
            ErrorCode::XliffSourceChanged,
            [
                ("lang", job.source_lang.clone()),
                ("exported", source_version.to_string()),
                ("current", job.source_version.clone()),
            ],
        ));
    }
    let target_version = galley("target-version");
    if target_version != job.target_version.as_deref() {
        return Err(Refusal::coded(
            format!(
                "it was exported when the `{}` translation was at version `{}`, but it is now at \
                 `{}`: the translation changed in Galley since export. Export the job again",
                job.target_lang,
                target_version.unwrap_or("(none)"),
                job.target_version.as_deref().unwrap_or("(none)")
            ),
            ErrorCode::XliffTargetChanged,
            [
                ("lang", job.target_lang.clone()),
                ("exported", target_version.unwrap_or("").to_string()),
                ("current", job.target_version.clone().unwrap_or_default()),
            ],
        ));
    }
    Ok(file)
}

/// The `<trans-unit>`s of the file by kind (inside `<body>`, possibly in `<group>`s).
fn trans_units(file: &Element) -> Result<BTreeMap<UnitKind, &Element>, Refusal> {
    let Some(body) = file.elements().find(|e| e.is(XLIFF_NS, "body")) else {
        return Err(not_a_job("its <file> has no <body>"));
    };
    let mut units = BTreeMap::new();
    let mut pending: Vec<&Element> = vec![body];
    while let Some(parent) = pending.pop() {
        for element in parent.elements() {
            if element.is(XLIFF_NS, "group") {
                pending.push(element);
            } else if element.is(XLIFF_NS, "trans-unit") {
                let id = element.attr("", "id").unwrap_or("");
                let kind = UnitKind::from_id(id).ok_or_else(|| extra_unit(id))?;
                if units.insert(kind, element).is_some() {
                    return Err(Refusal::coded(
                        format!("it has the unit `{id}` more than once"),
                        ErrorCode::XliffUnitTwice,
                        [("unit", id.to_string())],
                    ));
                }
            }
        }
    }
    Ok(units)
}

fn read_units(
    units: &BTreeMap<UnitKind, &Element>,
    expect: &ImportExpectation,
) -> Result<ImportedTranslation, Refusal> {
    let job = &expect.job;
    let mut returned = BTreeMap::new();
    for (kind, element) in units {
        let Some(target) = element.elements().find(|e| e.is(XLIFF_NS, "target")) else {
            return Err(Refusal::coded(
                format!("the unit `{}` has no <target>", kind.id()),
                ErrorCode::XliffTargetMissing,
                [("unit", kind.id())],
            ));
        };
        let state = target.attr("", "state").unwrap_or("").to_string();
        returned.insert(*kind, (target, state));
    }
    settle(job, &returned)
}

/// Applies the job's rules to the targets a file brought back, by unit: each target (an
/// element whose content is text and `<g>`/`<x/>` codes) is checked against the unit's codes
/// and turned back into Markdown; missing or extra units are refused; a unit whose target is
/// still the copy of the source is untranslated; units that needed work and still do are
/// `pending` (a restructured job with any is refused). Shared by the XLIFF and PO routes.
pub(crate) fn settle(
    job: &ExportJob,
    returned: &BTreeMap<UnitKind, (&Element, String)>,
) -> Result<ImportedTranslation, Refusal> {
    let expected: HashSet<UnitKind> = job.source.iter().map(|u| u.kind).collect();
    if let Some(extra) = returned.keys().find(|k| !expected.contains(k)) {
        return Err(extra_unit(&extra.id()));
    }
    let missing: Vec<String> = job
        .source
        .iter()
        .filter(|u| !returned.contains_key(&u.kind))
        .map(|u| u.kind.id())
        .collect();
    if !missing.is_empty() {
        let quoted: Vec<String> = missing.iter().map(|id| format!("`{id}`")).collect();
        return Err(Refusal::coded(
            format!("the unit(s) {} are missing", quoted.join(", ")),
            ErrorCode::XliffUnitsMissing,
            [("units", missing.join(", "))],
        ));
    }
    let mut translation = ImportedTranslation {
        title: None,
        lead: None,
        paragraphs: Vec::new(),
        units: Vec::with_capacity(job.source.len()),
        pending: Vec::new(),
    };
    for unit in &job.source {
        let id = unit.kind.id();
        let (target, state) = &returned[&unit.kind];
        let state = state.clone();
        let existing = job.target.iter().find(|t| t.kind == unit.kind);
        let (source, prefilled) = unit_pieces(unit, existing);
        let mut codes: BTreeMap<u32, CodeDef> = code_defs(&source).into_iter().collect();
        codes.extend(code_defs(&prefilled));
        let mut reader = TargetReader {
            unit: &id,
            codes: &codes,
            seen: HashSet::new(),
            out: String::new(),
        };
        reader.read(target)?;
        for (code_id, def) in code_defs(&prefilled) {
            if !reader.seen.contains(&code_id) {
                return Err(Refusal::coded(
                    format!(
                        "in unit `{id}`, the inline code {} is missing from the target; put it \
                         back (CAT tools can copy tags from the source)",
                        describe(code_id, &def)
                    ),
                    ErrorCode::XliffCodeMissing,
                    [("unit", id.clone()), ("code", code_id.to_string())],
                ));
            }
        }
        let text = reader.out;
        let still_copy = existing.is_none() && state == UNTRANSLATED_STATE && text == unit.text;
        let cleared = text.is_empty() && !unit.text.is_empty();
        let translated = !still_copy && !cleared;
        if still_needs_work(job, existing, &state, &text, translated) {
            translation.pending.push(unit.kind);
        }
        if translated {
            match unit.kind {
                UnitKind::Title => translation.title = Some(text.clone()),
                UnitKind::Lead => translation.lead = Some(text.clone()),
                UnitKind::Paragraph(_) => translation.paragraphs.push(text.clone()),
            }
        }
        translation.units.push(ImportedUnit {
            kind: unit.kind,
            text,
            state,
            translated,
        });
    }
    if job.restructured && !translation.pending.is_empty() {
        return Err(pending_refusal(job, &translation.pending));
    }
    Ok(translation)
}

/// The states that say a translator is done with a unit.
const DONE_STATES: [&str; 3] = ["translated", "signed-off", "final"];

/// Whether a unit exported as needing work because of a source change came back still needing
/// it: a changed unit is done when its state says so or its text was edited; a new one when
/// it was translated.
fn still_needs_work(
    job: &ExportJob,
    existing: Option<&TargetUnit>,
    state: &str,
    text: &str,
    translated: bool,
) -> bool {
    match existing {
        Some(t) if t.previous_source.is_some() => !DONE_STATES.contains(&state) && text == t.text,
        Some(_) => false,
        None => job.restructured && !translated,
    }
}

fn pending_refusal(job: &ExportJob, pending: &[UnitKind]) -> Refusal {
    let described: Vec<String> = pending
        .iter()
        .map(|kind| {
            let changed = job
                .target
                .iter()
                .any(|t| t.kind == *kind && t.previous_source.is_some());
            let what = if changed {
                "changed in the source: review it and set its state to translated"
            } else {
                "new in the source: translate it"
            };
            format!("`{}` ({what})", kind.id())
        })
        .collect();
    let units: Vec<String> = pending.iter().map(UnitKind::id).collect();
    Refusal::coded(
        format!(
            "the unit(s) {} still need work. Paragraphs of the source moved, were added or \
             removed since the translation was made, so Galley lays the translation out anew and \
             imports the job only when every such unit is done; nothing was changed",
            described.join(", ")
        ),
        ErrorCode::XliffUnitsPending,
        [("units", units.join(", "))],
    )
}

fn extra_unit(id: &str) -> Refusal {
    Refusal::coded(
        format!("it has a unit `{id}` that is not part of this job (an extra unit)"),
        ErrorCode::XliffUnitExtra,
        [("unit", id.to_string())],
    )
}

/// Turns a `<target>`'s content back into Markdown, checking each inline code.
struct TargetReader<'a> {
    unit: &'a str,
    codes: &'a BTreeMap<u32, CodeDef>,
    seen: HashSet<u32>,
    out: String,
}

impl TargetReader<'_> {
    fn read(&mut self, parent: &Element) -> Result<(), Refusal> {
        for node in &parent.children {
            match node {
                Node::Text(text) => self.out.push_str(text),
                Node::Element(element) => self.code(element)?,
            }
        }
        Ok(())
    }

    fn code(&mut self, element: &Element) -> Result<(), Refusal> {
        let unit = self.unit;
        let refuse = |message: String, code: ErrorCode, id: String| {
            Refusal::coded(message, code, [("unit", unit.to_string()), ("code", id)])
        };
        let paired = element.is(XLIFF_NS, "g");
        if !paired && !element.is(XLIFF_NS, "x") {
            return Err(refuse(
                format!(
                    "in unit `{unit}`, the target contains a <{}> element; Galley's files use \
                     only <g> and <x/> inline codes",
                    element.local
                ),
                ErrorCode::XliffCodeForeign,
                element.local.clone(),
            ));
        }
        let tag = if paired { "<g>" } else { "<x/>" };
        let raw_id = element.attr("", "id").unwrap_or("");
        let Some((id, def)) = raw_id
            .parse::<u32>()
            .ok()
            .and_then(|id| self.codes.get(&id).map(|def| (id, def)))
        else {
            return Err(refuse(
                format!(
                    "in unit `{unit}`, the target has a {tag} code with id `{raw_id}` that is \
                     not in the source; use only the unit's own codes"
                ),
                ErrorCode::XliffCodeUnknown,
                raw_id.to_string(),
            ));
        };
        if !self.seen.insert(id) {
            return Err(refuse(
                format!(
                    "in unit `{unit}`, the inline code {} appears more than once; keep exactly \
                     one",
                    describe(id, def)
                ),
                ErrorCode::XliffCodeTwice,
                id.to_string(),
            ));
        }
        match (def, paired) {
            (CodeDef::Paired { open, close, .. }, true) => {
                self.out.push_str(open);
                self.read(element)?;
                self.out.push_str(close);
                Ok(())
            }
            (CodeDef::Standalone { markup, .. }, false) if element.children.is_empty() => {
                self.out.push_str(markup);
                Ok(())
            }
            _ => Err(refuse(
                format!(
                    "in unit `{unit}`, the inline code with id `{id}` was changed: it must be {}",
                    describe(id, def)
                ),
                ErrorCode::XliffCodeChanged,
                id.to_string(),
            )),
        }
    }
}

fn describe(id: u32, def: &CodeDef) -> String {
    match def {
        CodeDef::Paired { ctype, open, close } => {
            format!("<g id=\"{id}\"> ({ctype}, Markdown `{open}…{close}`)")
        }
        CodeDef::Standalone { ctype, markup } => {
            format!(
                "<x id=\"{id}\"/> ({ctype}, Markdown `{}`)",
                markup.escape_debug()
            )
        }
    }
}
