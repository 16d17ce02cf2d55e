//! The editor form's field edits: only changed keys are rewritten, the body and everything
//! else stay byte for byte, and bad values are refused with a sentence.

use galley_core::draft::{edit_fields, Draft, FieldEdit, FieldsEdit};
use galley_core::ErrorKind;
use std::path::Path;

const TEXT: &str = "---\nid: abc123\n# kept comment\ntitle: Old title\nlang: en\ncustom: kept\n---\n\nBody *stays*.\n";

fn form_of(text: &str) -> FieldEdit {
    let draft = Draft::parse(Path::new("a.md"), text.as_bytes()).expect("parses");
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
    let edited = edited("a.en.md", TEXT, &form_of(TEXT));
    assert_eq!(edited, TEXT);
}

#[test]
fn a_changed_title_rewrites_only_its_line() {
    let mut form = form_of(TEXT);
    form.title = "New title".into();
    let edited = edited("a.en.md", TEXT, &form);
    assert_eq!(edited, TEXT.replace("title: Old title", "title: New title"));
}

#[test]
fn new_fields_are_added_and_the_body_is_kept() {
    let mut form = form_of(TEXT);
    form.trend = Some("improved".into());
    form.issue = Some("2020-W20".into());
    form.authors = vec!["Ala".into(), "  ".into()];
    let edited = edited("a.en.md", TEXT, &form);
    let draft = Draft::parse(Path::new("a.en.md"), edited.as_bytes()).expect("valid");
    assert_eq!(draft.front().authors, vec!["Ala".to_string()]);
    assert_eq!(
        draft.front().issue.map(|w| w.to_string()),
        Some("2020-W20".into())
    );
    assert_eq!(draft.body(), "\nBody *stays*.\n");
    assert!(edited.contains("# kept comment\n") && edited.contains("custom: kept\n"));
}

/// The form applied to `text`, which must give a new text.
fn edited(path: &str, text: &str, form: &FieldEdit) -> String {
    match edit_fields(Path::new(path), text, form).expect("the draft parses") {
        FieldsEdit::Edited(text) => text,
        FieldsEdit::Refused { field, error } => panic!("{field} refused: {error}"),
    }
}

/// The field the form's value was refused for, and the reason.
fn refused(text: &str, form: &FieldEdit) -> (&'static str, galley_core::Error) {
    match edit_fields(Path::new("a.en.md"), text, form).expect("the draft parses") {
        FieldsEdit::Refused { field, error } => (field, error),
        FieldsEdit::Edited(text) => panic!("not refused: {text}"),
    }
}

#[test]
fn a_bad_trend_or_issue_is_refused_for_its_field_with_its_value() {
    let mut form = form_of(TEXT);
    form.trend = Some("better".into());
    let (field, error) = refused(TEXT, &form);
    assert_eq!((field, error.kind()), ("trend", ErrorKind::Invalid));
    assert!(error.to_string().contains("better"), "{error}");

    let mut form = form_of(TEXT);
    form.issue = Some("2020-W99".into());
    let (field, error) = refused(TEXT, &form);
    assert_eq!(field, "issue");
    assert!(error.to_string().contains("2020-W99"), "{error}");
}

#[test]
fn a_text_that_is_not_a_draft_is_an_error_not_a_refused_field() {
    let error = edit_fields(Path::new("a.en.md"), "no front matter", &form_of(TEXT))
        .expect_err("not a draft");
    assert_eq!(error.kind(), ErrorKind::InvalidDraft);
}

// Editing a field keeps the YAML style it was written in, unless the value cannot be written
// in it.

fn edited_with(text: &str, change: impl FnOnce(&mut FieldEdit)) -> (String, Draft) {
    let mut form = form_of(text);
    change(&mut form);
    let edited = edited("a.be.md", text, &form);
    let draft = Draft::parse(Path::new("a.be.md"), edited.as_bytes()).expect("valid");
    (edited, draft)
}

fn styled(lead_block: &str) -> String {
    format!("---\nid: abc123\ntitle: Назва\n{lead_block}lang: be\n---\n\nЦела.\n")
}

#[test]
fn a_folded_cyrillic_lead_stays_folded_and_wrapped() {
    let text = styled(
        "lead: >-\n  Міністэрства абароны зноў адклала рэформу войска,\n  і гэта ўжо трэці раз за год.\n",
    );
    let lead = "Міністэрства абароны зноў адклала рэформу войска, і гэта ўжо трэці раз за год, \
                а парламент так і не пачуў тлумачэнняў ад міністра і ягоных намеснікаў.";
    let (edited, draft) = edited_with(&text, |f| f.lead = lead.into());
    assert_eq!(draft.front().lead, lead);
    assert!(edited.contains("\nlead: >-\n  Міністэрства"), "{edited}");
    let block: Vec<&str> = edited
        .lines()
        .skip_while(|l| !l.starts_with("lead:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(block.len() >= 3, "wrapped into lines: {block:?}");
    // Wrapped at the width the author used (the widest old line, here 50 characters).
    assert!(
        block.iter().all(|l| l.trim().chars().count() <= 50),
        "{block:?}"
    );
    assert!(
        edited.starts_with("---\nid: abc123\ntitle: Назва\n")
            && edited.ends_with("lang: be\n---\n\nЦела.\n")
    );
}

#[test]
fn a_folded_latin_lead_keeps_clip_chomping_only_when_the_value_allows() {
    let text = styled("lead: >\n  The ministry postponed the army reform\n  once again.\n");
    let long = "The ministry postponed the army reform once again, for the third time this year, and parliament still waits for an explanation.";
    let (edited, draft) = edited_with(&text, |f| f.lead = long.into());
    assert_eq!(draft.front().lead, long);
    // The form's value has no final line break, so the block strips it (`>-`), still folded.
    assert!(edited.contains("\nlead: >-\n  The ministry"), "{edited}");
    assert!(!edited.lines().any(|l| l.chars().count() > 60), "{edited}");
}

#[test]
fn a_folded_lead_keeps_paragraph_breaks() {
    let text = styled("lead: >-\n  First part\n  of the lead.\n");
    let lead = "First part of the lead.\nSecond paragraph.";
    let (edited, draft) = edited_with(&text, |f| f.lead = lead.into());
    assert_eq!(draft.front().lead, lead);
    assert!(
        edited.contains("lead: >-\n  First part of the lead.\n\n  Second paragraph.\n"),
        "{edited}"
    );
}

#[test]
fn a_value_the_style_cannot_hold_is_written_the_usual_way() {
    let text = styled("lead: >-\n  Short lead\n  over two lines.\n");
    let (edited, draft) = edited_with(&text, |f| f.lead = "Tab\tinside".into());
    assert_eq!(draft.front().lead, "Tab\tinside");
    assert!(edited.contains("\nlead: \"Tab\\tinside\"\n"), "{edited}");
}

#[test]
fn a_literal_lead_stays_literal_with_its_indent() {
    let text = styled("lead: |\n    Радок першы\n    радок другі\n");
    let lead = "Радок першы\nрадок другі, змененае\nі трэці";
    let (edited, draft) = edited_with(&text, |f| f.lead = lead.into());
    assert_eq!(draft.front().lead, lead);
    assert!(
        edited.contains("lead: |-\n    Радок першы\n    радок другі, змененае\n    і трэці\n"),
        "{edited}"
    );
}

#[test]
fn quoted_titles_keep_their_quotes() {
    let text = "---\nid: abc123\ntitle: 'Армія: рэформа'\nlead: \"Old lead\"\nlang: be\n---\n";
    let (edited, draft) = edited_with(text, |f| {
        f.title = "Армія: рэформа ізноў, 'як заўжды'".into();
        f.lead = "New lead".into();
    });
    assert_eq!(draft.front().title, "Армія: рэформа ізноў, 'як заўжды'");
    assert!(
        edited.contains("\ntitle: 'Армія: рэформа ізноў, ''як заўжды'''\n"),
        "{edited}"
    );
    assert!(edited.contains("\nlead: \"New lead\"\n"), "{edited}");
}

#[test]
fn a_single_quoted_title_that_gains_a_line_break_becomes_a_literal_block() {
    let text = "---\nid: abc123\ntitle: 'One line'\nlang: be\n---\n";
    let (edited, draft) = edited_with(text, |f| f.title = "Two\nlines".into());
    assert_eq!(draft.front().title, "Two\nlines");
    assert!(edited.contains("\ntitle: |-\n  Two\n  lines\n"), "{edited}");
}

#[test]
fn a_block_list_of_authors_stays_a_block_list() {
    let text = "---\nid: abc123\nauthors:\n    - Алесь Адамовіч\n    - John Smith\nlang: be\n---\n";
    let (edited, draft) = edited_with(text, |f| {
        f.authors = vec![
            "Алесь Адамовіч".into(),
            "Jane Doe".into(),
            "Ян: Новы".into(),
        ];
    });
    assert_eq!(
        draft.front().authors,
        ["Алесь Адамовіч", "Jane Doe", "Ян: Новы"]
    );
    assert!(
        edited.contains(
            "\nauthors:\n    - Алесь Адамовіч\n    - Jane Doe\n    - \"Ян: Новы\"\nlang: be\n"
        ),
        "{edited}"
    );
}
