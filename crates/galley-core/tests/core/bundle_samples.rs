// The sample drafts rendered as bundles: the input the bundle tests and the consumer tests share.

use galley_core::bundle::{render, Bundle, BundleInput, CommentaryInput, LangText, SectionInput};
use galley_core::draft::{read_draft, IsoWeek};
use galley_core::settings::Settings;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(super) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub(super) fn issue_titles() -> BTreeMap<String, String> {
    [
        ("be", "Тыднёвы агляд"),
        ("ru", "Недельный обзор"),
        ("en", "Weekly review"),
    ]
    .into_iter()
    .map(|(l, t)| (l.to_string(), t.to_string()))
    .collect()
}

/// The sample drafts of `week` as an issue publishing `languages`; version ids are made up
/// but fixed (1000 + position).
pub(super) fn sample_input(week: &str, languages: &[&str]) -> BundleInput {
    let drafts = repo_root().join("drafts");
    let settings = Settings::load(&drafts.join(".galley/settings.toml")).expect("settings");
    let mut names: Vec<String> = std::fs::read_dir(drafts.join(week))
        .expect("week folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    let mut commentaries: Vec<CommentaryInput> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let path = drafts.join(week).join(name);
        let draft = read_draft(&path, Path::new(name)).expect("sample draft parses");
        let slug = name.split('.').next().expect("stem").to_string();
        let front = draft.front().clone();
        let text = LangText::from_draft(&draft, 1000 + i as i64);
        match commentaries.iter_mut().find(|c| c.slug == slug) {
            Some(c) => {
                c.versions.insert(front.lang.clone(), text);
            }
            None => commentaries.push(CommentaryInput {
                id: front.id.clone(),
                slug,
                section: front.section.clone().expect("sample has a section"),
                versions: [(front.lang.clone(), text)].into_iter().collect(),
            }),
        }
    }
    let week: IsoWeek = week.parse().expect("week");
    BundleInput {
        week,
        first_day: week.monday(),
        last_day: week.sunday(),
        publication: settings.publication.clone(),
        titles: issue_titles(),
        sections: settings
            .sections
            .iter()
            .map(|s| SectionInput {
                key: s.key.clone(),
                titles: s.title.clone(),
            })
            .collect(),
        commentaries,
        languages: languages.iter().map(|l| l.to_string()).collect(),
        published_at: BundleInput::default_published_at(week),
    }
}

pub(super) fn rendered(input: &BundleInput) -> Bundle {
    render(input, &mut |_| {}).expect("render")
}

pub(super) fn w21() -> BundleInput {
    sample_input("2020-W21", &["be", "ru", "en"])
}
