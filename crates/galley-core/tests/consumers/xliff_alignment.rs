// XLIFF export that follows the paragraph map: a translation made from an earlier source text
// is carried onto the source as it is now (moved, changed, added, removed, split and merged
// paragraphs), in a Cyrillic → Latin and a Latin → Cyrillic job; what translate-toolkit and
// OmegaT see in the file (states, previous source), and what an import of their output writes.
// Both consumers must be installed (scripts/setup): the tests fail, never skip, without them.

use super::support::TempWorkspace;
use super::xliff_schema::validate_strict;
use galley_core::records::TranslationStatus;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub(super) const ID: &str = "k3align001";

/// One language pair's texts: the source paragraphs at the base and their translations.
pub(super) struct Texts {
    pub(super) source_lang: &'static str,
    pub(super) target_lang: &'static str,
    /// Base source paragraphs A, B, C, D (B long enough to split into B1 and B2).
    pub(super) base: [&'static str; 4],
    /// B cut in two: the longer first part and the shorter second.
    pub(super) split: [&'static str; 2],
    /// B lightly edited.
    pub(super) edited_b: &'static str,
    /// A new paragraph.
    pub(super) added: &'static str,
    pub(super) translation: [&'static str; 4],
}

pub(super) const BE_EN: Texts = Texts {
    source_lang: "be",
    target_lang: "en",
    base: [
        "Ваенкаматы Гродзенскай і Брэсцкай абласцей разаслалі позвы на зборы.",
        "Сам па сабе прызыў з запасу звычайны, незвычайны час правядзення зборaў падчас \
         эпідэміі. Рашэнне не пераносіць іх паказвае прыярытэты.",
        "Геаграфія таксама паказальная: заходнія раёны мяжуюць з Польшчай і Літвой.",
        "Мы ацэньваем сітуацыю як пагаршэнне.",
    ],
    split: [
        "Сам па сабе прызыў з запасу звычайны, незвычайны час правядзення зборaў падчас \
         эпідэміі.",
        "Рашэнне не пераносіць іх паказвае прыярытэты.",
    ],
    edited_b: "Сам па сабе прызыў з запасу звычайны, незвычайны толькі час правядзення зборaў \
               падчас эпідэміі. Рашэнне не пераносіць іх паказвае прыярытэты.",
    added: "Міністэрства не адказала на нашы пытанні.",
    translation: [
        "The military commissariats of Hrodna and Brest sent out notices.",
        "Calling up reservists is routine; the timing during the epidemic is not. The decision \
         not to postpone shows priorities.",
        "The geography is telling: the western districts border Poland and Lithuania.",
        "We assess the situation as having deteriorated.",
    ],
};

pub(super) const EN_RU: Texts = Texts {
    source_lang: "en",
    target_lang: "ru",
    base: [
        "The military commissariats of Hrodna and Brest sent out notices for musters.",
        "Calling up reservists is routine in itself, but the timing during the epidemic is \
         unusual. The decision not to postpone shows priorities.",
        "The geography is telling: the western districts border Poland and Lithuania.",
        "We assess the situation as having deteriorated.",
    ],
    split: [
        "Calling up reservists is routine in itself, but the timing during the epidemic is \
         unusual.",
        "The decision not to postpone shows priorities.",
    ],
    edited_b: "Calling up reservists is routine in itself, but only the timing during the \
               epidemic is unusual. The decision not to postpone shows priorities.",
    added: "The ministry did not answer our questions.",
    translation: [
        "Военкоматы Гродненской и Брестской областей разослали повестки.",
        "Призыв из запаса обычен, необычно время во время эпидемии. Решение не переносить \
         показывает приоритеты.",
        "География показательна: западные районы граничат с Польшей и Литвой.",
        "Мы оцениваем ситуацию как ухудшение.",
    ],
};

/// What became of the base paragraphs: the source's body now, and for each of its
/// paragraphs the translation it must carry (indices into the translation, joined by a space
/// when merged; empty for a new paragraph) and whether it was changed.
struct Case {
    name: &'static str,
    now: fn(&Texts) -> Vec<&'static str>,
    /// Per paragraph now: (translation paragraphs carried, changed since the base).
    expected: &'static [(&'static [usize], bool)],
}

const CASES: [Case; 6] = [
    Case {
        name: "moved",
        now: |t| vec![t.base[1], t.base[0], t.base[2], t.base[3]],
        expected: &[(&[1], false), (&[0], false), (&[2], false), (&[3], false)],
    },
    Case {
        name: "changed",
        now: |t| vec![t.base[0], t.edited_b, t.base[2], t.base[3]],
        expected: &[(&[0], false), (&[1], true), (&[2], false), (&[3], false)],
    },
    Case {
        name: "added",
        now: |t| vec![t.base[0], t.base[1], t.added, t.base[2], t.base[3]],
        expected: &[
            (&[0], false),
            (&[1], false),
            (&[], false),
            (&[2], false),
            (&[3], false),
        ],
    },
    Case {
        name: "removed",
        now: |t| vec![t.base[0], t.base[2], t.base[3]],
        expected: &[(&[0], false), (&[2], false), (&[3], false)],
    },
    Case {
        name: "split",
        now: |t| vec![t.base[0], t.split[0], t.split[1], t.base[2], t.base[3]],
        expected: &[
            (&[0], false),
            (&[1], true),
            (&[], false),
            (&[2], false),
            (&[3], false),
        ],
    },
    Case {
        name: "merged",
        now: |t| vec![t.base[0], merged(t.base[1], t.base[2]), t.base[3]],
        expected: &[(&[0], false), (&[1, 2], true), (&[3], false)],
    },
];

fn merged(a: &str, b: &str) -> &'static str {
    Box::leak(format!("{a} {b}").into_boxed_str())
}

pub(super) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn source_rel(t: &Texts) -> String {
    format!("2020-W20/align.{}.md", t.source_lang)
}

pub(super) fn target_rel(t: &Texts) -> String {
    format!("2020-W20/align.{}.md", t.target_lang)
}

fn file(t: &Texts, lang: &str, title: &str, paragraphs: &[&str]) -> String {
    let of = if lang == t.source_lang {
        String::new()
    } else {
        format!("translation_of: {}\n", t.source_lang)
    };
    format!(
        "---\nid: {ID}\ntitle: {title}\nlead: {title}.\ntrend: unchanged\nauthors: [Alena Kavalchuk]\n\
         section: security\nissue: 2020-W20\nlang: {lang}\n{of}---\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// A workspace where the translation was done against the base source, then the source
/// became `now`; returns the workspace and the exported job's XML.
pub(super) fn outdated_job(t: &Texts, now: &[&str]) -> (TempWorkspace, String) {
    let mut w = TempWorkspace::new();
    w.write(&source_rel(t), &file(t, t.source_lang, "Base", &t.base));
    w.write(
        &target_rel(t),
        &file(t, t.target_lang, "Title", &t.translation),
    );
    w.ws.record_all().expect("record");
    w.ws.set_translation_status(ID, t.target_lang, TranslationStatus::Done, None)
        .expect("done");
    w.write(&source_rel(t), &file(t, t.source_lang, "Base", now));
    w.ws.record_all().expect("record the new source");
    let xml = w.ws.xliff_export(ID, t.target_lang).expect("export").xml;
    (w, xml)
}

fn python(script: &str, args: &[&Path]) -> std::process::Output {
    let out = Command::new("python3")
        .arg(repo_root().join("tests/consumers").join(script))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{script} failed (translate-toolkit and OmegaT are installed by scripts/setup): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The units as translate-toolkit reads them from `xml`.
fn ttk_units(xml: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("job.xlf");
    std::fs::write(&path, xml).expect("write");
    let out = python("ttk_states.py", &[&path]);
    let seen: Value = serde_json::from_slice(&out.stdout).expect("JSON from ttk_states.py");
    seen["units"].as_array().expect("units").clone()
}

fn state_counts(units: &[Value]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for unit in units {
        *counts
            .entry(unit["state"].as_str().unwrap_or("(none)").to_string())
            .or_insert(0) += 1;
    }
    counts
}

/// The body paragraphs of a language version's file.
pub(super) fn body_paragraphs(text: &str) -> Vec<String> {
    let body = text.splitn(3, "---\n").nth(2).expect("front matter");
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn carried(t: &Texts, from: &[usize]) -> String {
    from.iter()
        .map(|&i| t.translation[i])
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_case(t: &Texts, case: &Case) {
    let now = (case.now)(t);
    let (mut w, xml) = outdated_job(t, &now);
    let what = format!("{} ({} → {})", case.name, t.source_lang, t.target_lang);
    validate_strict(&xml).unwrap_or_else(|e| panic!("{what}: {e}"));

    // A translation whose paragraph is gone is named in the file, never silently dropped.
    let carried_somewhere: Vec<usize> = case
        .expected
        .iter()
        .flat_map(|(f, _)| f.iter().copied())
        .collect();
    for (i, translation) in t.translation.iter().enumerate() {
        let note = format!(
            "Paragraph {} of the source the translation was made from was removed",
            i + 1
        );
        let left_out = !carried_somewhere.contains(&i);
        assert_eq!(xml.contains(&note), left_out, "{what}: paragraph {}", i + 1);
        if left_out {
            assert!(
                xml.contains(&format!(
                    "left out of this job and of the imported text: \"{translation}\""
                )),
                "{what}"
            );
        }
    }

    // What translate-toolkit sees: the carried translation of each paragraph, its state, and
    // the previous source beside the changed ones.
    let units = ttk_units(&xml);
    let paragraphs: Vec<&Value> = units.iter().skip(2).collect();
    assert_eq!(paragraphs.len(), case.expected.len(), "{what}: {units:?}");
    for (n, ((from, changed), unit)) in case.expected.iter().zip(&paragraphs).enumerate() {
        let id = format!("p{}", n + 1);
        assert_eq!(unit["id"], id.as_str(), "{what}");
        let (state, target) = match (from.is_empty(), changed) {
            (true, _) => ("needs-translation", now[n].to_string()),
            (false, true) => ("needs-review-translation", carried(t, from)),
            (false, false) => ("final", carried(t, from)),
        };
        assert_eq!(unit["state"], state, "{what}: {id}");
        assert_eq!(unit["target"], target.as_str(), "{what}: {id}");
        // The toolkit calls every unit not approved (not final) fuzzy.
        assert_eq!(
            unit["fuzzy"],
            state != "final",
            "{what}: {id} fuzzy for the toolkit"
        );
        if *changed {
            let previous: Vec<&str> = from.iter().map(|&i| t.base[i]).collect();
            assert_eq!(
                unit["previous_source"],
                previous.join("\n\n").as_str(),
                "{what}"
            );
            assert_eq!(unit["previous_target"], target.as_str(), "{what}");
        } else {
            assert!(unit["previous_source"].is_null(), "{what}: {id}");
        }
    }

    // Through translate-toolkit: every unit translated (upper-cased), then imported.
    let dir = tempfile::tempdir().expect("temp dir");
    let (input, output) = (dir.path().join("job.xlf"), dir.path().join("out.xlf"));
    std::fs::write(&input, &xml).expect("write");
    python("ttk_roundtrip.py", &[&input, &output]);
    let translated = std::fs::read_to_string(&output).expect("ttk output");
    let result = w.ws.xliff_import(&translated, "out.xlf").expect("import");
    assert!(result.changed && result.caught_up, "{what}: {result:?}");
    let expected: Vec<String> = case
        .expected
        .iter()
        .enumerate()
        .map(|(n, (from, _))| match from.is_empty() {
            true => now[n].to_uppercase(),
            false => carried(t, from).to_uppercase(),
        })
        .collect();
    assert_eq!(body_paragraphs(&w.read(&target_rel(t))), expected, "{what}");
    let row = w.ws.translation_row(ID).expect("row");
    let cell = row
        .cells
        .iter()
        .find(|c| c.lang == t.target_lang)
        .expect("cell");
    assert!(
        cell.outdated.is_none(),
        "{what}: the translation caught up with the source"
    );
}

#[test]
fn each_alignment_case_carries_the_right_translation_cyrillic_source() {
    for case in &CASES {
        check_case(&BE_EN, case);
    }
}

#[test]
fn each_alignment_case_carries_the_right_translation_latin_source() {
    for case in &CASES {
        check_case(&EN_RU, case);
    }
}

/// `xml` with unit `unit`'s `<target>` given `state` and, if given, the text `text`.
fn set_target(xml: &str, unit: &str, state: &str, text: Option<&str>) -> String {
    let at = xml
        .find(&format!("<trans-unit id=\"{unit}\""))
        .expect("unit in file");
    let open = at + xml[at..].find("<target ").expect("target");
    let content = open + xml[open..].find('>').expect("tag end") + 1;
    let end = content + xml[content..].find("</target>").expect("target end");
    let text = text.unwrap_or(&xml[content..end]);
    format!(
        "{}<target state=\"{state}\">{text}{}",
        &xml[..open],
        &xml[end..]
    )
}

#[test]
fn importing_only_reviewed_units_changes_exactly_their_paragraphs() {
    let t = &BE_EN;
    let (mut w, xml) = outdated_job(t, &[t.base[0], t.edited_b, t.base[2], t.base[3]]);
    let before = w.read(&target_rel(t));

    // p2 reviewed and rewritten; p1, p3 and p4 come back as they were exported.
    let reviewed = "Calling up reservists is routine; only the timing is not.";
    let edited = set_target(&xml, "p2", "translated", Some(reviewed));
    let result = w.ws.xliff_import(&edited, "job.xlf").expect("import");
    assert!(result.changed && result.caught_up, "{result:?}");
    assert_eq!(
        w.read(&target_rel(t)),
        before.replacen(t.translation[1], reviewed, 1)
    );
    let row = w.ws.translation_row(ID).expect("row");
    let cell = row.cells.iter().find(|c| c.lang == "en").expect("cell");
    assert!(cell.outdated.is_none(), "every changed unit was reviewed");
}

#[test]
fn a_unit_left_for_review_keeps_the_translation_outdated() {
    let t = &EN_RU;
    // B and D changed; the translator only gets to B.
    let d = "We assess the situation as having deteriorated sharply.";
    let (mut w, xml) = outdated_job(t, &[t.base[0], t.edited_b, t.base[2], d]);
    let before = w.read(&target_rel(t));
    let edited = set_target(&xml, "p2", "translated", Some("Призыв обычен."));
    let result = w.ws.xliff_import(&edited, "job.xlf").expect("import");
    assert!(result.changed && !result.caught_up, "{result:?}");
    assert_eq!(
        w.read(&target_rel(t)),
        before.replacen(t.translation[1], "Призыв обычен.", 1)
    );
    let row = w.ws.translation_row(ID).expect("row");
    let cell = row.cells.iter().find(|c| c.lang == "ru").expect("cell");
    assert!(cell.outdated.is_some(), "p4 still needs review");

    // The next export still asks for p4; reviewing it unchanged catches the translation up.
    let again = w.ws.xliff_export(ID, "ru").expect("export").xml;
    let units = ttk_units(&again);
    assert_eq!(units[5]["state"], "needs-review-translation");
    let reviewed = set_target(
        &set_target(&again, "p4", "translated", None),
        "p2",
        "translated",
        None,
    );
    let result = w.ws.xliff_import(&reviewed, "job.xlf").expect("import");
    assert!(!result.changed && result.caught_up, "{result:?}");
    let row = w.ws.translation_row(ID).expect("row");
    let cell = row.cells.iter().find(|c| c.lang == "ru").expect("cell");
    assert!(cell.outdated.is_none());
}

#[test]
fn a_restructured_job_with_untranslated_units_is_refused_and_changes_nothing() {
    let t = &BE_EN;
    let now = [t.base[0], t.base[1], t.added, t.base[2], t.base[3]];
    let (mut w, xml) = outdated_job(t, &now);
    let before = w.read(&target_rel(t));
    let error =
        w.ws.xliff_import(&xml, "job.xlf")
            .expect_err("refused")
            .to_string();
    assert!(
        error.contains("job.xlf") && error.contains("`p3` (new in the source"),
        "{error}"
    );
    assert_eq!(w.read(&target_rel(t)), before);
}

#[test]
fn omegat_carries_moved_changed_added_and_removed_paragraphs_in_one_job() {
    for t in [&BE_EN, &EN_RU] {
        omegat_case(t);
    }
}

fn omegat_case(t: &Texts) {
    // C moved to the front, A stays, B edited, a paragraph added, D removed.
    let now = [t.base[2], t.base[0], t.edited_b, t.added];
    let (mut w, xml) = outdated_job(t, &now);
    validate_strict(&xml).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().expect("temp dir");
    let (input, output) = (dir.path().join("job.xlf"), dir.path().join("out.xlf"));
    std::fs::write(&input, &xml).expect("write");
    let out = Command::new("python3")
        .arg(repo_root().join("tests/consumers/omegat_roundtrip.py"))
        .args([&input, &output])
        .args([t.source_lang, t.target_lang])
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "OmegaT (scripts/setup installs it): {stderr}"
    );
    // One segment per unit: the previous source in alt-trans is not a segment.
    assert!(stderr.contains("OmegaT translated 6 segments"), "{stderr}");
    let translated = std::fs::read_to_string(&output).expect("OmegaT output");
    let counts = state_counts(&ttk_units(&translated));
    let expected: BTreeMap<String, usize> = [
        ("final", 4),
        ("needs-review-translation", 1),
        ("needs-translation", 1),
    ]
    .map(|(s, n)| (s.to_string(), n))
    .into();
    assert_eq!(counts, expected, "states OmegaT left in its file");

    let result = w.ws.xliff_import(&translated, "out.xlf").expect("import");
    assert!(result.changed && result.caught_up, "{result:?}");
    let expected = [
        t.translation[2].to_uppercase(),
        t.translation[0].to_uppercase(),
        t.translation[1].to_uppercase(),
        t.added.to_uppercase(),
    ];
    assert_eq!(body_paragraphs(&w.read(&target_rel(t))), expected);
}
