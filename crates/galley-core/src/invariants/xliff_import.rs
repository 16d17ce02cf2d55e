//! XLIFF import: any file is refused or checked into a translation that fits the job, with
//! output bounded by the input and the job.

use super::{ensure, Violation};
use crate::draft::{update, Draft};
use crate::xliff::{
    apply, export, header, import, target_units, units_of, ExportJob, ImportExpectation,
    ImportedTranslation, TargetState,
};
use std::path::Path;

const SOURCE: &str = include_str!("../../tests/fixtures/xliff/markup.be.md");
const TARGET: &str = include_str!("../../tests/fixtures/xliff/markup.en.md");

fn draft(name: &str, text: &str) -> Result<Draft, Violation> {
    Draft::parse(Path::new(name), text.as_bytes())
        .map_err(|e| Violation(format!("the job's fixture {name} does not parse: {e}")))
}

/// The jobs every input is imported against: the fixture commentary (rich Markdown inline
/// markup) from Belarusian to English, with an existing translation and without one.
pub(super) fn jobs() -> Result<(Draft, Vec<ExportJob>), Violation> {
    let source = draft("markup.be.md", SOURCE)?;
    let target = draft("markup.en.md", TARGET)?;
    let units = units_of(source.front(), source.body());
    let base = ExportJob {
        commentary: source.front().id.clone(),
        source_lang: "be".to_string(),
        target_lang: "en".to_string(),
        source_version: "src-v3".to_string(),
        target_version: None,
        source: units.clone(),
        target: Vec::new(),
        restructured: false,
        left_out: Vec::new(),
    };
    let translated = ExportJob {
        target_version: Some("tgt-v7".to_string()),
        target: target_units(
            &units,
            target.front(),
            target.body(),
            TargetState::Translated,
        ),
        ..base.clone()
    };
    Ok((target, vec![translated, base]))
}

/// The files the jobs export: seeds for the fuzz corpus.
pub fn seed_documents() -> Result<Vec<String>, Violation> {
    Ok(jobs()?.1.iter().map(export).collect())
}

/// Reads `input` (lossily decoded UTF-8) with `header` and imports it against each job.
/// An accepted file has the job's units in order, its text is bounded by the input plus the
/// job's own Markdown (no expansion), and applying it to the translation gives a draft that
/// either is refused on re-parse (the workspace checks that before saving) or holds exactly
/// the imported title and lead.
pub fn check_xliff_import(input: &[u8]) -> Result<(), Violation> {
    check_route(
        input,
        "fuzz.xlf",
        |text, file| header(text, file).map(|_| ()),
        import,
    )
}

/// The import check for any route (XLIFF or PO): `header` and `import` read the route's files.
pub(super) fn check_route(
    input: &[u8],
    file: &str,
    header: impl Fn(&str, &str) -> crate::error::Result<()>,
    import: impl Fn(&str, &ImportExpectation) -> crate::error::Result<ImportedTranslation>,
) -> Result<(), Violation> {
    let text = String::from_utf8_lossy(input);
    let _ = header(&text, file);
    let (target, jobs) = jobs()?;
    for job in jobs {
        let expect = ImportExpectation {
            file: file.to_string(),
            job: job.clone(),
        };
        let Ok(imported) = import(&text, &expect) else {
            continue;
        };
        let kinds: Vec<_> = imported.units.iter().map(|u| u.kind).collect();
        let expected: Vec<_> = job.source.iter().map(|u| u.kind).collect();
        ensure(kinds == expected, || {
            format!("import accepted units {kinds:?}; the job has {expected:?}")
        })?;
        let job_bytes: usize = job.source.iter().map(|u| u.text.len()).sum::<usize>()
            + job.target.iter().map(|u| u.text.len()).sum::<usize>();
        let out_bytes: usize = imported.units.iter().map(|u| u.text.len()).sum();
        let bound = text.len() + 4 * job_bytes + 1024;
        ensure(out_bytes <= bound, || {
            format!(
                "import of {} bytes gave {out_bytes} bytes of text (bound {bound})",
                text.len()
            )
        })?;

        let (front, body) = apply(target.front(), target.body(), &imported);
        let written = update(&target, &front, &body);
        if let Ok(again) = Draft::parse(Path::new("markup.en.md"), written.as_bytes()) {
            ensure(
                again.front().title == front.title && again.front().lead == front.lead,
                || {
                    format!(
                        "the imported title/lead {:?}/{:?} were written as {:?}/{:?}",
                        front.title,
                        front.lead,
                        again.front().title,
                        again.front().lead
                    )
                },
            )?;
        }
    }
    Ok(())
}
