// The XLIFF jobs the XLIFF tests and the consumer tests share: fixture drafts and the job a
// translation of one would export.

use galley_core::draft::{self, Draft};
use galley_core::xliff::{target_units, units_of, ExportJob, ImportExpectation, TargetState};
use std::path::Path;

pub(super) fn fixture(name: &str) -> Draft {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xliff")
        .join(name);
    draft::read_draft(&path, Path::new(name)).expect("fixture parses")
}

/// The job a translation of `source` into `target`'s language would export (`target`: the
/// existing translation, if any).
pub(super) fn job(source: &Draft, target_lang: &str, target: Option<&Draft>) -> ExportJob {
    let units = units_of(source.front(), source.body());
    let targets = target.map_or_else(Vec::new, |t| {
        target_units(&units, t.front(), t.body(), TargetState::Final)
    });
    ExportJob {
        commentary: source.front().id.clone(),
        source_lang: source.front().lang.clone(),
        target_lang: target_lang.to_string(),
        source_version: "src-v3".to_string(),
        target_version: target.map(|_| "tgt-v7".to_string()),
        source: units,
        target: targets,
        restructured: false,
        left_out: Vec::new(),
    }
}

pub(super) fn expect(job: &ExportJob) -> ImportExpectation {
    ImportExpectation {
        file: "job.xlf".to_string(),
        job: job.clone(),
    }
}
