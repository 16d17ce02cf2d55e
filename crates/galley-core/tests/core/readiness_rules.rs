// Readiness is one rule set: many generated workspace states (titles, leads, bodies, missing
// paragraphs, statuses, approvals, issue titles), and on every one `issue check` and `export`
// agree — a language called ready is a language export publishes, and nothing else is.

use super::support::{env, TempWorkspace};
use galley_core::draft::IsoWeek;
use galley_core::issue::Reason;
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::workspace::{ExportOptions, Workspace};
use galley_core::Error;

const WEEK: &str = "2020-W20";
const LANGS: [&str; 3] = ["be", "ru", "en"];
const SOURCE_BODY: &str =
    "The first paragraph.\n\nThe second paragraph.\n\n- a list item\n- another";

const SETTINGS: &str = "languages = [\"be\", \"ru\", \"en\"]\n\n[[sections]]\nkey = \"security\"\n\
                        title = { be = \"Бяспека\", ru = \"Безопасность\", en = \"Security\" }\n";

/// How one language version of the generated commentary looks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Text {
    Absent,
    Whole,
    NoTitle,
    NoLead,
    EmptyBody,
    ParagraphMissing,
}

const TEXTS: [Text; 6] = [
    Text::Absent,
    Text::Whole,
    Text::NoTitle,
    Text::NoLead,
    Text::EmptyBody,
    Text::ParagraphMissing,
];

/// One generated workspace state.
#[derive(Debug, Clone)]
struct State {
    /// The source (be) and the two translations.
    texts: [Text; 3],
    /// Whether each translation is marked done (else in progress).
    done: [bool; 2],
    approved: bool,
    /// Which languages the issue file has a title in.
    issue_titles: [bool; 3],
    /// A second, whole, approved commentary with every language done.
    second: bool,
}

/// A small deterministic generator (an LCG), so every run judges the same states.
struct Lcg(u64);

impl Lcg {
    fn pick(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn states(count: usize) -> Vec<State> {
    let mut rng = Lcg(13);
    (0..count)
        .map(|_| {
            // Half the texts are whole, so states where everything is ready come up too.
            let text = |rng: &mut Lcg, from: usize| {
                if rng.pick(2) == 0 {
                    Text::Whole
                } else {
                    TEXTS[from + rng.pick(TEXTS.len() - from)]
                }
            };
            // The source is never absent (there is no commentary without one).
            let texts = [text(&mut rng, 1), text(&mut rng, 0), text(&mut rng, 0)];
            State {
                texts,
                done: [rng.pick(4) > 0, rng.pick(4) > 0],
                approved: rng.pick(8) > 0,
                issue_titles: [rng.pick(10) > 0, rng.pick(10) > 0, rng.pick(10) > 0],
                second: rng.pick(2) == 0,
            }
        })
        .collect()
}

fn file_text(id: &str, lang: &str, text: Text, source_lang: Option<&str>) -> String {
    let title = if text == Text::NoTitle {
        String::new()
    } else {
        format!("{id} in {lang}")
    };
    let lead = if text == Text::NoLead {
        String::new()
    } else {
        format!("The lead in {lang}.")
    };
    let body = match text {
        Text::EmptyBody => "",
        Text::ParagraphMissing => "The first paragraph.\n\nThe second paragraph.",
        _ => SOURCE_BODY,
    };
    let translation_of = source_lang.map_or(String::new(), |s| format!("translation_of: {s}\n"));
    format!(
        "---\nid: {id}\ntitle: \"{title}\"\ntrend: unchanged\nauthors: [Alena Kavalchuk]\n\
         lead: \"{lead}\"\nsection: security\nissue: {WEEK}\nlang: {lang}\n{translation_of}---\n\n{body}\n"
    )
}

fn build(state: &State) -> TempWorkspace {
    let t = TempWorkspace::new();
    let mut t = t.reopen_after(|root| {
        std::fs::write(root.join(".galley/settings.toml"), SETTINGS).expect("settings");
    });
    let mut titles = String::from("[title]\n");
    for (lang, has) in LANGS.iter().zip(state.issue_titles) {
        if has {
            titles.push_str(&format!("{lang} = \"Week 20 in {lang}\"\n"));
        }
    }
    t.write(&format!("{WEEK}/issue.toml"), &titles);
    let mut commentaries = vec![("gen0000001", state.texts, state.done, state.approved)];
    if state.second {
        commentaries.push(("gen0000002", [Text::Whole; 3], [true, true], true));
    }
    for (id, texts, _, _) in &commentaries {
        for (i, (lang, text)) in LANGS.iter().zip(texts).enumerate() {
            if *text == Text::Absent {
                continue;
            }
            let source = (i > 0).then_some("be");
            t.write(
                &format!("{WEEK}/{id}.{lang}.md"),
                &file_text(id, lang, *text, source),
            );
        }
    }
    t.ws = Workspace::open(&t.root(), env("Alena")).expect("open");
    t.ws.record_all().expect("record");
    for (id, texts, done, approved) in &commentaries {
        for (i, lang) in LANGS.iter().enumerate().skip(1) {
            if texts[i] == Text::Absent {
                continue;
            }
            let status = if done[i - 1] {
                TranslationStatus::Done
            } else {
                TranslationStatus::InProgress
            };
            t.ws.set_translation_status(id, lang, status, None)
                .expect("status");
        }
        if *approved {
            t.ws.set_editorial_status(id, EditorialStatus::InReview, None)
                .expect("review");
            t.ws.set_editorial_status(id, EditorialStatus::Approved, None)
                .expect("approve");
        }
    }
    t
}

fn ready_languages(ws: &Workspace) -> Vec<String> {
    let week: IsoWeek = WEEK.parse().expect("week");
    ws.issue_readiness(week)
        .expect("readiness")
        .languages
        .into_iter()
        .filter(|l| l.is_ready())
        .map(|l| l.lang)
        .collect()
}

/// What export publishes, or `None` when it refuses as not ready.
fn exported(t: &mut TempWorkspace, only_complete: bool) -> Option<Vec<String>> {
    let out = tempfile::tempdir().expect("out dir");
    let week: IsoWeek = WEEK.parse().expect("week");
    match t.ws.export_issue(
        week,
        &out.path().join("bundle.zip"),
        ExportOptions { only_complete },
        &mut |_| {},
    ) {
        Ok(report) => Some(report.published),
        Err(Error::NotReady { .. }) => None,
        Err(other) => panic!("export failed other than as not ready: {other}"),
    }
}

#[test]
fn check_and_export_agree_on_every_generated_state() {
    let (mut all, mut some, mut none) = (0, 0, 0);
    for state in states(48) {
        let mut t = build(&state);
        let ready = ready_languages(&t.ws);
        let partial = exported(&mut t, true);
        let full = exported(&mut t, false);
        if ready.is_empty() {
            none += 1;
            assert_eq!(
                partial, None,
                "{state:?}: nothing ready, yet export published"
            );
        } else {
            assert_eq!(partial.as_ref(), Some(&ready), "{state:?}");
        }
        if ready.len() == LANGS.len() {
            all += 1;
            assert_eq!(full.as_ref(), Some(&ready), "{state:?}");
        } else {
            some += usize::from(!ready.is_empty());
            assert_eq!(full, None, "{state:?}: not all ready, yet export published");
        }
    }
    // The generator reaches every outcome, so the agreement is not about one kind of state.
    assert!(
        all > 0 && some > 0 && none > 0,
        "all {all}, some {some}, none {none}"
    );
}

fn reasons(t: &TempWorkspace, lang: &str) -> Vec<Reason> {
    let week: IsoWeek = WEEK.parse().expect("week");
    t.ws.issue_readiness(week)
        .expect("readiness")
        .languages
        .into_iter()
        .find(|l| l.lang == lang)
        .expect("language")
        .blockers
        .into_iter()
        .map(|b| b.reason)
        .collect()
}

fn whole_but(texts: [Text; 3], issue_titles: [bool; 3]) -> TempWorkspace {
    build(&State {
        texts,
        done: [true, true],
        approved: true,
        issue_titles,
        second: false,
    })
}

#[test]
fn a_translation_with_a_title_and_a_lead_but_no_body_is_not_ready() {
    let t = whole_but([Text::Whole, Text::EmptyBody, Text::Whole], [true; 3]);
    assert_eq!(reasons(&t, "ru"), vec![Reason::BodyEmpty]);
    assert!(reasons(&t, "en").is_empty());
    let gap = t.ws.text_gap("gen0000001", "ru").expect("gap");
    assert_eq!(gap, Some(Reason::BodyEmpty));
}

#[test]
fn a_translation_missing_a_paragraph_of_its_source_is_not_ready() {
    let t = whole_but(
        [Text::Whole, Text::Whole, Text::ParagraphMissing],
        [true; 3],
    );
    let expected = Reason::ParagraphsMissing {
        source_lang: "be".into(),
        paragraphs: 2,
        source_paragraphs: 3,
    };
    assert_eq!(reasons(&t, "en"), vec![expected.clone()]);
    assert_eq!(
        t.ws.text_gap("gen0000001", "en").expect("gap"),
        Some(expected)
    );
    assert_eq!(t.ws.text_gap("gen0000001", "ru").expect("gap"), None);
}

#[test]
fn a_week_without_a_title_in_a_language_is_not_ready_in_it() {
    let t = whole_but([Text::Whole; 3], [true, true, false]);
    let week: IsoWeek = WEEK.parse().expect("week");
    assert_eq!(reasons(&t, "en"), vec![Reason::IssueTitleMissing { week }]);
    assert!(reasons(&t, "be").is_empty());
}
