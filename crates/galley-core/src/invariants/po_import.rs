//! PO import: any file is refused or checked into a translation that fits the job, with
//! output bounded by the input and the job — the same promise as an XLIFF file, on the same
//! jobs (`xliff_import::jobs`).

use super::xliff_import::{check_route, jobs};
use super::Violation;
use crate::po::{export, header, import, Revision};

fn revision() -> Revision {
    Revision {
        date: "2020-05-11 09:30+0000".to_string(),
        translator: "Fuzz".to_string(),
    }
}

/// The PO files the jobs export: seeds for the fuzz corpus.
pub fn seed_documents() -> Result<Vec<String>, Violation> {
    jobs()?
        .1
        .iter()
        .map(|job| export(job, &revision()).map_err(|e| Violation(format!("export failed: {e}"))))
        .collect()
}

/// Reads `input` (lossily decoded UTF-8) as a PO job and imports it against each job; see
/// `check_xliff_import` for what an accepted file must satisfy.
pub fn check_po_import(input: &[u8]) -> Result<(), Violation> {
    check_route(
        input,
        "fuzz.po",
        |text, file| header(text, file).map(|_| ()),
        import,
    )
}
