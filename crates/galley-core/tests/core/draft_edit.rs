//! The editor form's field edits: only changed keys are rewritten, the body and everything
//! else stay byte for byte, and bad values are refused with a sentence.

use galley_core::draft::{edit_fields, Draft, FieldEdit};
use std::path::Path;

const TEXT: &str = "---\nid: abc123\n# kept comment\ntitle: Old title\nlang: en\ncustom: kept\n---\n\nBody *stays*.\n";

fn form_of(text: &str) -> FieldEdit {
    let draft = Draft::parse(Path::new("a.en.md"), text.as_bytes()).expect("parses");
    let front = draft.front();
    FieldEdit {
        title: front.title.clone(),
        trend: front.trend.map(|t| t.to_string()),
        authors: front.authors.clone(),
        lead: front.lead.clone(),
        section: front.section.clone(),
        issue: front.issue.map(|w| w.to_string()),
        tags: front.tags.clone(),
    }
}

#[test]
fn an_unchanged_form_leaves_the_text_identical() {
    let edited = edit_fields(Path::new("a.en.md"), TEXT, &form_of(TEXT)).expect("edits");
    assert_eq!(edited, TEXT);
}

#[test]
fn a_changed_title_rewrites_only_its_line() {
    let mut form = form_of(TEXT);
    form.title = "New title".into();
    let edited = edit_fields(Path::new("a.en.md"), TEXT, &form).expect("edits");
    assert_eq!(edited, TEXT.replace("title: Old title", "title: New title"));
}

#[test]
fn new_fields_are_added_and_the_body_is_kept() {
    let mut form = form_of(TEXT);
    form.trend = Some("improved".into());
    form.issue = Some("2020-W20".into());
    form.authors = vec!["Ala".into(), "  ".into()];
    let edited = edit_fields(Path::new("a.en.md"), TEXT, &form).expect("edits");
    let draft = Draft::parse(Path::new("a.en.md"), edited.as_bytes()).expect("valid");
    assert_eq!(draft.front().authors, vec!["Ala".to_string()]);
    assert_eq!(
        draft.front().issue.map(|w| w.to_string()),
        Some("2020-W20".into())
    );
    assert_eq!(draft.body(), "\nBody *stays*.\n");
    assert!(edited.contains("# kept comment\n") && edited.contains("custom: kept\n"));
}

#[test]
fn a_bad_trend_or_issue_is_refused_with_its_value() {
    let mut form = form_of(TEXT);
    form.trend = Some("better".into());
    let error = edit_fields(Path::new("a.en.md"), TEXT, &form).expect_err("refused");
    assert_eq!(error.kind(), "invalid");
    assert!(error.to_string().contains("better"), "{error}");

    let mut form = form_of(TEXT);
    form.issue = Some("2020-20".into());
    let error = edit_fields(Path::new("a.en.md"), TEXT, &form).expect_err("refused");
    assert!(error.to_string().contains("2020-20"), "{error}");
}
