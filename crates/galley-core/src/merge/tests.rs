//! Table-driven merge tests: base, ours, theirs and what must come out.

use super::{merge_draft, merge_issue, DraftMerge, IssueMerge};
use crate::draft::{Draft, IsoWeek};
use std::path::Path;

const FRONT: &str = "---\nid: k7m2q9x4tz\ntitle: Army reform\nlang: en\n---\n";

fn draft(body: &str) -> String {
    format!("{FRONT}{body}")
}

/// What a body merge must give: the merged body, and the conflicting paragraphs' ours texts
/// (empty: a clean merge).
struct BodyCase {
    name: &'static str,
    base: &'static str,
    ours: &'static str,
    theirs: &'static str,
    merged: &'static str,
    conflicts: &'static [&'static str],
}

const BODY_CASES: &[BodyCase] = &[
    BodyCase {
        name: "different paragraphs edited",
        base: "\nOne.\n\nTwo.\n\nThree.\n",
        ours: "\nOne, edited.\n\nTwo.\n\nThree.\n",
        theirs: "\nOne.\n\nTwo.\n\nThree, edited.\n",
        merged: "\nOne, edited.\n\nTwo.\n\nThree, edited.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "adjacent paragraphs edited",
        base: "\nThe army reform stalls.\n\nReservists are called up.\n",
        ours: "\nThe army reform stalls again.\n\nReservists are called up.\n",
        theirs: "\nThe army reform stalls.\n\nReservists are called up in the west.\n",
        merged: "\nThe army reform stalls again.\n\nReservists are called up in the west.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "re-wrapped on one side, another edited on the other",
        base: "\nFirst paragraph has quite a few words in it.\n\nSecond one.\n",
        ours: "\nFirst paragraph has quite\na few words in it.\n\nSecond one.\n",
        theirs: "\nFirst paragraph has quite a few words in it.\n\nSecond one, edited.\n",
        merged: "\nFirst paragraph has quite\na few words in it.\n\nSecond one, edited.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "re-wrapped on one side, the same paragraph edited on the other",
        base: "\nFirst paragraph has quite a few words in it.\n",
        ours: "\nFirst paragraph has quite\na few words in it.\n",
        theirs: "\nFirst paragraph has quite a few more words in it.\n",
        merged: "\nFirst paragraph has quite a few more words in it.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "same paragraph edited differently",
        base: "\nOne.\n\nThe reform stalls.\n\nThree.\n",
        ours: "\nOne.\n\nThe reform stalls again.\n\nThree.\n",
        theirs: "\nOne.\n\nThe reform stalls once more.\n\nThree.\n",
        merged: "\nOne.\n\nThe reform stalls again.\n\nThree.\n",
        conflicts: &["The reform stalls again."],
    },
    BodyCase {
        name: "same change on both sides counts once",
        base: "\nOne.\n\nTwo.\n",
        ours: "\nOne.\n\nTwo, edited.\n\nAdded.\n",
        theirs: "\nOne.\n\nTwo, edited.\n\nAdded.\n\nTheirs too.\n",
        merged: "\nOne.\n\nTwo, edited.\n\nAdded.\n\nTheirs too.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "both append at the end: both kept, ours first",
        base: "\nOne.\n",
        ours: "\nOne.\n\nOurs added.\n",
        theirs: "\nOne.\n\nTheirs added.\n",
        merged: "\nOne.\n\nOurs added.\n\nTheirs added.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "paragraph added on one side, removed on the other",
        base: "\nOne.\n\nTwo.\n\nThree.\n",
        ours: "\nOne.\n\nNew.\n\nTwo.\n\nThree.\n",
        theirs: "\nOne.\n\nThree.\n",
        merged: "\nOne.\n\nNew.\n\nThree.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "deleted on one side, edited on the other",
        base: "\nOne.\n\nThe reform stalls.\n\nThree.\n",
        ours: "\nOne.\n\nThree.\n",
        theirs: "\nOne.\n\nThe reform stalls again.\n\nThree.\n",
        merged: "\nOne.\n\nThree.\n",
        conflicts: &[""],
    },
    BodyCase {
        name: "Cyrillic paragraphs",
        base: "\nРэформа войска спынілася.\n\nРэзервістаў прызываюць.\n",
        ours: "\nРэформа войска зноў спынілася.\n\nРэзервістаў прызываюць.\n",
        theirs: "\nРэформа войска спынілася.\n\nРэзервістаў прызываюць на захадзе.\n",
        merged: "\nРэформа войска зноў спынілася.\n\nРэзервістаў прызываюць на захадзе.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "Cyrillic paragraph changed differently",
        base: "\nРеформа армии остановилась.\n",
        ours: "\nРеформа армии снова остановилась.\n",
        theirs: "\nРеформа армии опять остановилась.\n",
        merged: "\nРеформа армии снова остановилась.\n",
        conflicts: &["Реформа армии снова остановилась."],
    },
    BodyCase {
        name: "a list gains items on both sides",
        base: "\nIntro.\n\n- one\n- two\n\nOutro.\n",
        ours: "\nIntro, edited.\n\n- one\n- two\n\nOutro.\n",
        theirs: "\nIntro.\n\n- one\n- two\n- three\n\nOutro.\n",
        merged: "\nIntro, edited.\n\n- one\n- two\n- three\n\nOutro.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "footnotes added on each side",
        base: "\nClaim.[^1]\n\n[^1]: Source one.\n",
        ours: "\nClaim.[^1] Another.[^2]\n\n[^1]: Source one.\n\n[^2]: Source two.\n",
        theirs: "\nClaim.[^1]\n\n[^1]: Source one, page 4.\n",
        merged: "\nClaim.[^1] Another.[^2]\n\n[^1]: Source one, page 4.\n\n[^2]: Source two.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "paragraph inserted between edits on the other side",
        base: "\nOne.\n\nTwo.\n",
        ours: "\nOne.\n\nInserted.\n\nTwo.\n",
        theirs: "\nOne, edited.\n\nTwo, edited.\n",
        merged: "\nOne, edited.\n\nInserted.\n\nTwo, edited.\n",
        conflicts: &[],
    },
    BodyCase {
        name: "irregular blank lines are kept",
        base: "\n\nOne.\n\n\n\nTwo.\n\n",
        ours: "\n\nOne, edited.\n\n\n\nTwo.\n\n",
        theirs: "\n\nOne.\n\n\n\nTwo, edited.\n\n",
        merged: "\n\nOne, edited.\n\n\n\nTwo, edited.\n\n",
        conflicts: &[],
    },
    BodyCase {
        name: "one side empties the body the other left alone",
        base: "\nOne.\n\nTwo.\n",
        ours: "\nOne.\n\nTwo.\n\nThree.\n",
        theirs: "\n",
        merged: "\nThree.\n",
        conflicts: &[],
    },
];

#[test]
fn body_cases() {
    for case in BODY_CASES {
        let result = merge_draft(&draft(case.base), &draft(case.ours), &draft(case.theirs));
        let expected = draft(case.merged);
        match result {
            DraftMerge::Clean(text) => {
                assert!(case.conflicts.is_empty(), "{}: merged cleanly", case.name);
                assert_eq!(text, expected, "{}", case.name);
            }
            DraftMerge::Conflict {
                merged_with_ours,
                paragraphs,
                fields,
                ..
            } => {
                assert_eq!(merged_with_ours, expected, "{}", case.name);
                let ours: Vec<&str> = paragraphs.iter().map(|p| p.ours.as_str()).collect();
                assert_eq!(ours, case.conflicts, "{}", case.name);
                assert!(fields.is_empty(), "{}: {fields:?}", case.name);
            }
        }
        assert_always(
            case.name,
            &draft(case.base),
            &draft(case.ours),
            &draft(case.theirs),
        );
    }
}

#[test]
fn a_conflict_says_where_it_is_and_what_each_side_has() {
    let DraftMerge::Conflict { paragraphs, .. } = merge_draft(
        &draft("\nOne.\n\nThe reform stalls.\n\nThree.\n"),
        &draft("\nNew first.\n\nOne.\n\nThe reform stalls again.\n\nThree.\n"),
        &draft("\nOne.\n\nThe reform stalls\nonce more.\n\nThree.\n"),
    ) else {
        panic!("expected a conflict");
    };
    assert_eq!(paragraphs.len(), 1);
    let conflict = &paragraphs[0];
    assert_eq!((conflict.merged_index, conflict.merged_len), (2, 1));
    assert_eq!(conflict.base, "The reform stalls.");
    assert_eq!(conflict.ours, "The reform stalls again.");
    assert_eq!(conflict.theirs, "The reform stalls\nonce more.");
}

/// Front matter lines (between the delimiters), with the same body on all sides unless noted.
struct FrontCase {
    name: &'static str,
    base: &'static str,
    ours: &'static str,
    theirs: &'static str,
    merged: &'static str,
    conflicts: &'static [&'static str],
}

const FRONT_CASES: &[FrontCase] = &[
    FrontCase {
        name: "different fields changed",
        base: "id: abc\ntitle: Old\nlang: en\n",
        ours: "id: abc\ntitle: New title\nlang: en\n",
        theirs: "id: abc\ntitle: Old\nlang: en\ntags: [army]\n",
        merged: "id: abc\ntitle: New title\nlang: en\ntags: [army]\n",
        conflicts: &[],
    },
    FrontCase {
        name: "untouched keys keep their bytes",
        base: "id: abc  # stable\ntitle: 'Old'\nlang: en\nsection: security\n",
        ours: "id: abc  # stable\ntitle: 'Old'\nlang: en\nsection: economy\n",
        theirs: "id: abc  # stable\ntitle: 'Renamed'\nlang: en\nsection: security\n",
        merged: "id: abc  # stable\ntitle: 'Renamed'\nlang: en\nsection: economy\n",
        conflicts: &[],
    },
    FrontCase {
        name: "same field changed differently",
        base: "id: abc\ntitle: Old\nlang: en\n",
        ours: "id: abc\ntitle: Ours\nlang: en\n",
        theirs: "id: abc\ntitle: Theirs\nlang: en\ntrend: improved\n",
        merged: "id: abc\ntitle: Ours\nlang: en\ntrend: improved\n",
        conflicts: &["title"],
    },
    FrontCase {
        name: "same value quoted differently is no conflict",
        base: "id: abc\ntitle: Old\nlang: en\n",
        ours: "id: abc\ntitle: New\nlang: en\n",
        theirs: "id: abc\ntitle: \"New\"\nlang: en\n",
        merged: "id: abc\ntitle: New\nlang: en\n",
        conflicts: &[],
    },
    FrontCase {
        name: "a field removed on one side",
        base: "id: abc\ntitle: Old\nlang: en\nlead: Short\n",
        ours: "id: abc\ntitle: Old\nlang: en\n",
        theirs: "id: abc\ntitle: Новы\nlang: en\nlead: Short\n",
        merged: "id: abc\ntitle: Новы\nlang: en\n",
        conflicts: &[],
    },
    FrontCase {
        name: "unknown keys merge by their lines",
        base: "id: abc\nlang: en\nsource_url: a\n",
        ours: "id: abc\nlang: en\nsource_url: a\nextra:\n  - x\n",
        theirs: "id: abc\nlang: en\nsource_url: b\n",
        merged: "id: abc\nlang: en\nsource_url: b\nextra:\n  - x\n",
        conflicts: &[],
    },
    FrontCase {
        name: "unknown key changed differently",
        base: "id: abc\nlang: en\nsource_url: a\n",
        ours: "id: abc\nlang: en\nsource_url: b\n",
        theirs: "id: abc\nlang: en\nsource_url: c\n",
        merged: "id: abc\nlang: en\nsource_url: b\n",
        conflicts: &["source_url"],
    },
];

#[test]
fn front_matter_cases() {
    for case in FRONT_CASES {
        let file = |front: &str, body: &str| format!("---\n{front}---\n{body}");
        let base = file(case.base, "\nOne.\n\nTwo.\n");
        let ours = file(case.ours, "\nOne, ours.\n\nTwo.\n");
        let theirs = file(case.theirs, "\nOne.\n\nTwo, theirs.\n");
        let expected = file(case.merged, "\nOne, ours.\n\nTwo, theirs.\n");
        match merge_draft(&base, &ours, &theirs) {
            DraftMerge::Clean(text) => {
                assert!(case.conflicts.is_empty(), "{}: merged cleanly", case.name);
                assert_eq!(text, expected, "{}", case.name);
            }
            DraftMerge::Conflict {
                merged_with_ours,
                fields,
                paragraphs,
                ..
            } => {
                assert_eq!(merged_with_ours, expected, "{}", case.name);
                assert_eq!(fields, case.conflicts, "{}", case.name);
                assert!(paragraphs.is_empty(), "{}", case.name);
            }
        }
        assert_always(case.name, &base, &ours, &theirs);
    }
}

#[test]
fn crlf_drafts_stay_crlf() {
    let crlf = |text: &str| text.replace('\n', "\r\n");
    let base = crlf(&draft("\nOne.\n\nTwo.\n"));
    let ours = crlf(&draft("\nOne, ours.\n\nTwo.\n"));
    let theirs =
        crlf(&draft("\nOne.\n\nTwo, theirs.\n")).replace("title: Army reform", "title: New");
    let expected =
        crlf(&draft("\nOne, ours.\n\nTwo, theirs.\n")).replace("title: Army reform", "title: New");
    assert_eq!(
        merge_draft(&base, &ours, &theirs),
        DraftMerge::Clean(expected)
    );

    // theirs written with LF on another machine: what is taken from it follows ours
    let theirs_lf = draft("\nOne.\n\nTwo, theirs.\n\nThree,\nwrapped.\n");
    let expected = crlf(&draft("\nOne, ours.\n\nTwo, theirs.\n\nThree,\nwrapped.\n"));
    assert_eq!(
        merge_draft(&base, &ours, &theirs_lf),
        DraftMerge::Clean(expected)
    );
}

#[test]
fn sides_that_are_not_drafts_fall_back_to_whole_files() {
    let base = draft("\nOne.\n");
    let broken = "---\nid: [unclosed\n---\nOne.\n";
    let edited = draft("\nOne, edited.\n");
    assert_eq!(
        merge_draft(&base, broken, &base),
        DraftMerge::Clean(broken.into())
    );
    assert_eq!(
        merge_draft(&base, &base, broken),
        DraftMerge::Clean(broken.into())
    );
    let DraftMerge::Conflict {
        merged_with_ours,
        paragraphs,
        fields,
        ..
    } = merge_draft(&base, &edited, broken)
    else {
        panic!("expected a conflict");
    };
    assert_eq!(merged_with_ours, edited);
    assert!(paragraphs.is_empty() && fields.is_empty());
    let binary = "\u{0}\u{1}PNG";
    assert!(matches!(
        merge_draft(&base, &edited, binary),
        DraftMerge::Conflict { merged_with_ours, .. } if merged_with_ours == edited
    ));
}

/// The properties every merge keeps, whatever the inputs.
fn assert_always(name: &str, base: &str, ours: &str, theirs: &str) {
    assert_eq!(
        merge_draft(base, ours, base),
        DraftMerge::Clean(ours.into()),
        "{name}"
    );
    assert_eq!(
        merge_draft(base, base, theirs),
        DraftMerge::Clean(theirs.into()),
        "{name}"
    );
    assert_eq!(
        merge_draft(base, ours, ours),
        DraftMerge::Clean(ours.into()),
        "{name}"
    );
    let merged = match merge_draft(base, ours, theirs) {
        DraftMerge::Clean(text) => text,
        DraftMerge::Conflict {
            merged_with_ours, ..
        } => merged_with_ours,
    };
    assert!(crate::conflict::find_markers(&merged).is_none(), "{name}");
    let parses = |text: &str| Draft::parse(Path::new("x.md"), text.as_bytes()).is_ok();
    if parses(base) && parses(ours) && parses(theirs) {
        assert!(parses(&merged), "{name}: {merged}");
    }
}

#[test]
fn properties_hold_over_generated_edits() {
    // Every combination of small edits to a three-paragraph body, both orders.
    let base_paragraphs = ["Alpha beta gamma.", "Дэльта эпсілон.", "Zeta eta\ntheta."];
    let edits: Vec<Vec<String>> = {
        let p = |s: &str| s.to_string();
        let [a, b, c] = base_paragraphs.map(p);
        vec![
            vec![a.clone(), b.clone(), c.clone()],
            vec![p("Alpha beta gamma delta."), b.clone(), c.clone()],
            vec![a.clone(), c.clone()],
            vec![a.clone(), b.clone(), p("Zeta eta theta.")],
            vec![a.clone(), b.clone(), c.clone(), p("New end.")],
            vec![p("New start."), a.clone(), b.clone(), c.clone()],
            vec![a.clone(), p("Дэльта эпсілон зэта."), c.clone()],
            vec![c.clone(), b.clone(), a.clone()],
            vec![
                p("<<<<<<< ours"),
                a.clone(),
                p("======="),
                b.clone(),
                c.clone(),
            ],
            vec![a.clone(), b, c, p(">>>>>>> theirs")],
            Vec::new(),
        ]
    };
    let body = |ps: &[String]| format!("\n{}\n", ps.join("\n\n"));
    let base = draft(&body(&base_paragraphs.map(String::from)));
    for ours in &edits {
        for theirs in &edits {
            let (ours, theirs) = (draft(&body(ours)), draft(&body(theirs)));
            assert_always("generated", &base, &ours, &theirs);
        }
    }
}

const WEEK_HEADER: &str =
    "# Weekly issue 2020-W20. Sections and commentaries are listed in publication order;\n\
# a commentary whose front matter names this issue but is missing here comes last\n\
# in its section.\nstart = 2020-05-11\nend = 2020-05-17\n";

fn issue(rest: &str) -> String {
    format!("{WEEK_HEADER}{rest}")
}

struct IssueCase {
    name: &'static str,
    base: &'static str,
    ours: &'static str,
    theirs: &'static str,
    merged: &'static str,
    conflicts: &'static [&'static str],
}

const ISSUE_CASES: &[IssueCase] = &[
    IssueCase {
        name: "titles merge by language",
        base: "\n[title]\nen = \"Week 20\"\n",
        ours: "\n[title]\nen = \"Week 20: reservists\"\n",
        theirs: "\n[title]\nbe = \"Тыдзень 20\"\nen = \"Week 20\"\n",
        merged: "\n[title]\nbe = \"Тыдзень 20\"\nen = \"Week 20: reservists\"\n",
        conflicts: &[],
    },
    IssueCase {
        name: "a title changed differently",
        base: "\n[title]\nen = \"Week 20\"\n",
        ours: "\n[title]\nen = \"Ours\"\n",
        theirs: "\n[title]\nen = \"Theirs\"\nru = \"Неделя\"\n",
        merged: "\n[title]\nen = \"Ours\"\nru = \"Неделя\"\n",
        conflicts: &["title.en"],
    },
    IssueCase {
        name: "commentaries added on both sides near their neighbours",
        base: "\n[[sections]]\nkey = \"security\"\ncommentaries = [\n    \"a\", # A\n    \"b\",\n]\n",
        ours: "\n[[sections]]\nkey = \"security\"\ncommentaries = [\n    \"a\", # A\n    \"x\", # Ours\n    \"b\",\n]\n",
        theirs: "\n[[sections]]\nkey = \"security\"\ncommentaries = [\n    \"y\",\n    \"a\", # A\n    \"b\",\n    \"z\",\n]\n",
        merged: "\n[[sections]]\nkey = \"security\"\ncommentaries = [\n    \"y\",\n    \"a\", # A\n    \"x\", # Ours\n    \"b\",\n    \"z\",\n]\n",
        conflicts: &[],
    },
    IssueCase {
        name: "removed on one side, moved on the other",
        base: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"b\",\n    \"c\",\n]\n",
        ours: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"c\",\n]\n",
        theirs: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"c\",\n    \"a\",\n    \"b\",\n]\n",
        merged: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"c\",\n    \"a\",\n]\n",
        conflicts: &[],
    },
    IssueCase {
        name: "moved to another section on one side, section added on the other",
        base: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"b\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n",
        ours: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = [\n    \"b\",\n]\n",
        theirs: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"b\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n\n[[sections]]\nkey = \"u\"\ncommentaries = [\n    \"c\",\n]\n",
        merged: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = [\n    \"b\",\n]\n\n[[sections]]\nkey = \"u\"\ncommentaries = [\n    \"c\",\n]\n",
        conflicts: &[],
    },
    IssueCase {
        name: "moved to different sections on both sides",
        base: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n\n[[sections]]\nkey = \"u\"\ncommentaries = []\n",
        ours: "\n[[sections]]\nkey = \"s\"\ncommentaries = []\n\n[[sections]]\nkey = \"t\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"u\"\ncommentaries = []\n",
        theirs: "\n[[sections]]\nkey = \"s\"\ncommentaries = []\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n\n[[sections]]\nkey = \"u\"\ncommentaries = [\n    \"a\",\n]\n",
        merged: "\n[[sections]]\nkey = \"s\"\ncommentaries = []\n\n[[sections]]\nkey = \"t\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"u\"\ncommentaries = []\n",
        conflicts: &["commentary a"],
    },
    IssueCase {
        name: "section removed on one side, its list changed on the other",
        base: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n",
        ours: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"b\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n",
        theirs: "\n[[sections]]\nkey = \"t\"\ncommentaries = []\n",
        merged: "\n[[sections]]\nkey = \"s\"\ncommentaries = [\n    \"a\",\n    \"b\",\n]\n\n[[sections]]\nkey = \"t\"\ncommentaries = []\n",
        conflicts: &["sections.s"],
    },
    IssueCase {
        name: "a title added on one side",
        base: "",
        ours: "",
        theirs: "\n[title]\nen = \"Week 20\"\n",
        merged: "\n[title]\nen = \"Week 20\"\n",
        conflicts: &[],
    },
];

#[test]
fn issue_dates_merge_as_scalars() {
    let week: IsoWeek = match "2020-W20".parse() {
        Ok(week) => week,
        Err(e) => panic!("{e}"),
    };
    let base = issue("");
    let ours = base.replace("end = 2020-05-17", "end = 2020-05-18");
    let theirs = base.replace("start = 2020-05-11", "start = 2020-05-10");
    let both = ours.replace("start = 2020-05-11", "start = 2020-05-10");
    assert_eq!(
        merge_issue(week, &base, &ours, &theirs),
        IssueMerge::Clean(both)
    );
    let other_end = base.replace("end = 2020-05-17", "end = 2020-05-16");
    assert!(matches!(
        merge_issue(week, &base, &ours, &other_end),
        IssueMerge::Conflict { merged_with_ours, fields, .. }
            if merged_with_ours == ours && fields == ["end"]
    ));
}

#[test]
fn issue_cases() {
    let week: IsoWeek = match "2020-W20".parse() {
        Ok(week) => week,
        Err(e) => panic!("{e}"),
    };
    for case in ISSUE_CASES {
        let (base, ours, theirs) = (issue(case.base), issue(case.ours), issue(case.theirs));
        let expected = issue(case.merged);
        match merge_issue(week, &base, &ours, &theirs) {
            IssueMerge::Clean(text) => {
                assert!(case.conflicts.is_empty(), "{}: merged cleanly", case.name);
                assert_eq!(text, expected, "{}", case.name);
            }
            IssueMerge::Conflict {
                merged_with_ours,
                fields,
                ..
            } => {
                assert_eq!(merged_with_ours, expected, "{}", case.name);
                assert_eq!(fields, case.conflicts, "{}", case.name);
            }
        }
        assert_eq!(
            merge_issue(week, &base, &ours, &base),
            IssueMerge::Clean(ours.clone())
        );
        assert_eq!(
            merge_issue(week, &base, &base, &theirs),
            IssueMerge::Clean(theirs.clone())
        );
    }
    let broken = "start = [";
    assert!(matches!(
        merge_issue(week, &issue(""), &issue("\n[title]\nen = \"x\"\n"), broken),
        IssueMerge::Conflict { fields, .. } if fields.is_empty()
    ));
}

#[test]
fn huge_bodies_merge_as_a_whole() {
    let many = |edit: &str| {
        let mut paragraphs: Vec<String> = (0..2100).map(|i| format!("Paragraph {i}.")).collect();
        paragraphs.push(edit.to_string());
        draft(&format!("\n{}\n", paragraphs.join("\n\n")))
    };
    let (base, ours, theirs) = (many("End."), many("Ours."), many("Theirs."));
    // too many paragraphs to pair: one side unchanged still merges, both changed is a conflict
    let ours_title = base.replace("title: Army reform", "title: Ours");
    let expected = theirs.replace("title: Army reform", "title: Ours");
    let clean = merge_draft(&base, &ours_title, &theirs);
    assert!(
        clean == DraftMerge::Clean(expected),
        "one side's body unchanged"
    );
    let DraftMerge::Conflict {
        merged_with_ours,
        paragraphs,
        ..
    } = merge_draft(&base, &ours, &theirs)
    else {
        panic!("expected a conflict");
    };
    assert!(merged_with_ours == ours, "ours kept");
    assert_eq!((paragraphs.len(), paragraphs[0].merged_index), (1, 0));
}
