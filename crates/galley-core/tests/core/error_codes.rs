// Errors as data: the refusals the app's actions meet carry a stable code and their facts by
// name (what a shell words in its own language), while the English sentence stays as it was.

use super::support::TempWorkspace;
use galley_core::draft::IsoWeek;
use galley_core::workspace::{NewDraft, TrashKind};
use galley_core::{Error, ErrorCode, ErrorKind};

const ARMY: &str = "pxq253v3kb";
const ARMY_EN: &str = "2020-W20/army-reserve-call-up.en.md";

/// The error's code and facts, with the check every coded error must pass: its facts are the
/// ones its code declares, in order.
pub(super) fn data(err: &Error) -> (Option<&'static str>, Vec<(&'static str, String)>) {
    let args = err.args();
    if let Some(code) = err.code() {
        let names: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, code.arg_names(), "{code}: {err}");
    }
    (err.code().map(ErrorCode::as_str), args)
}

pub(super) fn args(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[test]
fn a_week_that_is_not_one_names_the_text_given() {
    let err = "2020-W99".parse::<IsoWeek>().expect_err("no week 99");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(
        data(&err),
        (Some("week_invalid"), args(&[("week", "2020-W99")]))
    );
    // The sentence the CLI prints is the one it always was.
    assert_eq!(
        err.to_string(),
        "the issue week `2020-W99` is invalid: 2020 has weeks 01 to 53"
    );
}

#[test]
fn a_draft_whose_issue_is_not_a_week_names_the_file_line_and_text() {
    let mut t = TempWorkspace::samples();
    let before = t.read(ARMY_EN);
    let text = before.replace("issue: 2020-W20", "issue: 2020-W99");
    assert!(text.contains("2020-W99"), "the sample names its week");
    let loaded = galley_core::hash::ContentHash::of(before.as_bytes());
    let err =
        t.ws.save(ARMY_EN, &text, Some(loaded))
            .expect_err("bad week");
    assert_eq!(err.kind(), ErrorKind::InvalidDraft);
    let (code, facts) = data(&err);
    assert_eq!(code, Some("draft_week_invalid"));
    assert_eq!(facts[0], ("path", ARMY_EN.to_string()));
    assert_eq!(facts[2], ("week", "2020-W99".to_string()));
}

#[test]
fn a_rename_onto_a_taken_name_names_the_file_in_the_way() {
    let mut t = TempWorkspace::samples();
    let err =
        t.ws.rename_commentary(ARMY, "en", "New title", Some("nomination campaign opens"))
            .expect_err("taken");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("file_name_taken"));
    assert!(
        facts[0].1.ends_with("nomination-campaign-opens.be.md"),
        "{facts:?}"
    );
    let err =
        t.ws.rename_commentary(ARMY, "en", " ", None)
            .expect_err("empty");
    assert_eq!(data(&err), (Some("title_empty"), Vec::new()));
    let err =
        t.ws.rename_commentary(ARMY, "de", "Titel", None)
            .expect_err("no de");
    assert_eq!(
        data(&err),
        (
            Some("language_not_found"),
            args(&[("id", ARMY), ("lang", "de")])
        )
    );
}

#[test]
fn a_restore_onto_an_occupied_path_names_the_path() {
    let mut t = TempWorkspace::samples();
    let entry = t.ws.trash(ARMY, None, TrashKind::Deleted).expect("trash");
    t.write(ARMY_EN, "someone else's notes\n");
    let err = t.ws.restore_from_trash(&entry.name).expect_err("taken");
    assert_eq!(
        data(&err),
        (Some("path_occupied"), args(&[("path", ARMY_EN)]))
    );
    let err = t.ws.restore_from_trash("no-such-entry").expect_err("none");
    assert_eq!(
        data(&err),
        (
            Some("trash_entry_not_found"),
            args(&[("name", "no-such-entry")])
        )
    );
}

#[test]
fn a_new_commentary_in_an_unknown_language_or_section_names_the_known_ones() {
    let mut t = TempWorkspace::samples();
    let new = |lang: &str, section: Option<&str>| NewDraft {
        title: "Grain exports resume".into(),
        lang: lang.into(),
        section: section.map(str::to_string),
        ..NewDraft::default()
    };
    let err = t.ws.create(&new("de", None)).expect_err("no de");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("language_unknown"));
    assert_eq!(facts[0], ("lang", "de".to_string()));
    let err =
        t.ws.create(&new("en", Some("sport")))
            .expect_err("no sport");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("section_unknown"));
    assert_eq!(facts[0], ("section", "sport".to_string()));
    assert!(facts[1].1.contains("economy"), "{facts:?}");
}

#[test]
fn an_error_whose_detail_is_free_text_has_no_code_and_keeps_its_fields() {
    let env = super::support::env("Ann");
    let err = galley_core::workspace::Workspace::open(std::path::Path::new("/no/such/folder"), env)
        .err()
        .expect("no workspace there");
    let (code, facts) = data(&err);
    assert_eq!(code, Some("no_workspace"));
    assert_eq!(facts[0], ("path", "/no/such/folder".to_string()));
    let free = Error::Invalid {
        what: "x".into(),
        message: "y".into(),
        detail: None,
    };
    assert_eq!(
        data(&free),
        (None, args(&[("what", "x"), ("message", "y")]))
    );
}
