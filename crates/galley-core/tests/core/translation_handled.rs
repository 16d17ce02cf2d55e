// "Done with this paragraph": the translation editor's rows, the `handled` record, how it
// counts towards marking a translation up to date, and how it reaches a teammate.

use super::support::{copy_dir, env, TempWorkspace};
use galley_core::hash::ContentHash;
use galley_core::records::TranslationStatus;
use galley_core::translation::{replace_paragraph, ParagraphChangeKind};
use galley_core::workspace::{RowPart, SaveOutcome, TranslationView, Workspace};

const ID: &str = "h4nd13dpar";
const BE: &str = "2020-W20/reserve.be.md";
const RU: &str = "2020-W20/reserve.ru.md";
const EN: &str = "2020-W20/reserve.en.md";

const BE_PARAGRAPHS: [&str; 3] = [
    "Камісарыяты разаслалі позвы на зборы.",
    "Прызыў з запасу — звычайная практыка.",
    "Мы ацэньваем сітуацыю як пагаршэнне.",
];
const RU_PARAGRAPHS: [&str; 3] = [
    "Комиссариаты разослали повестки на сборы.",
    "Призыв из запаса — обычная практика.",
    "Мы оцениваем ситуацию как ухудшение.",
];
const EN_PARAGRAPHS: [&str; 3] = [
    "The commissariats sent out call-up notices.",
    "Calling up reservists is routine.",
    "We assess the situation as worse.",
];

fn text(lang: &str, from: Option<&str>, title: &str, paragraphs: &[&str]) -> String {
    let from = from.map_or(String::new(), |f| format!("translation_of: {f}\n"));
    format!(
        "---\nid: {ID}\ntitle: {title}\nauthors: [Alena Kavalchuk]\nsection: security\n\
         issue: 2020-W20\nlang: {lang}\n{from}---\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

fn put(ws: &mut Workspace, path: &str, text: &str) {
    let on_disk = std::fs::read(ws.root().join(path))
        .ok()
        .map(|b| ContentHash::of(&b));
    match ws.save(path, text, on_disk).expect("save") {
        SaveOutcome::Saved(_) => {}
        other => panic!("expected a save of {path}, got {other:?}"),
    }
}

/// A source in `source_lang` with a finished translation into `lang`, then the source's
/// title and second paragraph edited.
fn outdated(
    source: (&str, &str, &[&str]),
    translation: (&str, &str, &[&str]),
    edited: &str,
) -> TempWorkspace {
    let (source_lang, source_path, paragraphs) = source;
    let (lang, path, translated) = translation;
    let mut t = TempWorkspace::new();
    put(
        &mut t.ws,
        source_path,
        &text(source_lang, None, "Title", paragraphs),
    );
    t.ws.start_translation(ID, lang, None).expect("start");
    put(
        &mut t.ws,
        path,
        &text(lang, Some(source_lang), "Загаловак", translated),
    );
    t.ws.set_translation_status(ID, lang, TranslationStatus::Done, None)
        .expect("done");
    let mut now = paragraphs.to_vec();
    now[1] = edited;
    put(
        &mut t.ws,
        source_path,
        &text(source_lang, None, "Title, edited", &now),
    );
    t
}

fn cyrillic() -> TempWorkspace {
    outdated(
        ("be", BE, &BE_PARAGRAPHS),
        ("ru", RU, &RU_PARAGRAPHS),
        "Прызыў з запасу — звычайная практыка, але не ў такім маштабе.",
    )
}

fn latin() -> TempWorkspace {
    outdated(
        ("en", EN, &EN_PARAGRAPHS),
        ("ru", RU, &RU_PARAGRAPHS),
        "Calling up reservists is routine, but not on this scale.",
    )
}

fn to_review(view: &TranslationView) -> Vec<RowPart> {
    view.rows
        .iter()
        .filter(|r| r.review.is_some() && !r.handled)
        .map(|r| r.part)
        .collect()
}

fn key_of(view: &TranslationView, part: RowPart) -> ContentHash {
    view.rows
        .iter()
        .find(|r| r.part == part)
        .and_then(|r| r.review.as_ref())
        .map(|r| r.key)
        .expect("the row has a change to review")
}

#[test]
fn the_view_pairs_title_lead_and_paragraphs_and_names_what_to_review() {
    for t in [cyrillic(), latin()] {
        let view = t.ws.translation_view(ID, "ru").expect("view");
        let parts: Vec<RowPart> = view.rows.iter().map(|r| r.part).collect();
        assert_eq!(
            parts,
            [
                RowPart::Title,
                RowPart::Lead,
                RowPart::Paragraph(0),
                RowPart::Paragraph(1),
                RowPart::Paragraph(2)
            ]
        );
        assert_eq!(view.rows[0].translation.as_deref(), Some("Загаловак"));
        assert_eq!(to_review(&view), [RowPart::Title, RowPart::Paragraph(1)]);
        let changed = &view.rows[3];
        assert_eq!(changed.change, Some(ParagraphChangeKind::Changed));
        let diff = changed
            .diff
            .as_ref()
            .expect("a word diff under the paragraph");
        assert!(diff.stats.words_added >= 4, "{diff:?}");
        // Words as CAT tools count them: the paragraph's, and the job's.
        assert!(changed.words >= 8, "{}", changed.words);
        let outdated = view.cell.outdated.as_ref().expect("outdated");
        let words = outdated.words.expect("job words");
        assert_eq!(words.changed, changed.words + view.rows[0].words);
        assert_eq!((outdated.review.len(), outdated.handled), (2, 0));
    }
}

#[test]
fn handling_every_change_is_counted_and_survives_reopening() {
    for mut t in [cyrillic(), latin()] {
        let view = t.ws.translation_view(ID, "ru").expect("view");
        t.ws.mark_handled(ID, "ru", &key_of(&view, RowPart::Paragraph(1)))
            .expect("handled");
        let view = t.ws.translation_view(ID, "ru").expect("view");
        assert_eq!(to_review(&view), [RowPart::Title]);
        let cell = &view.cell;
        assert!(cell.is_outdated(), "handled is not up to date yet");
        assert!(!cell.outdated.as_ref().is_some_and(|o| o.all_handled()));

        t.ws.mark_handled(ID, "ru", &key_of(&view, RowPart::Title))
            .expect("handled");
        let t = t.reopen_after(|_| {});
        let view = t.ws.translation_view(ID, "ru").expect("view");
        assert!(to_review(&view).is_empty());
        let outdated = view.cell.outdated.as_ref().expect("still outdated");
        assert!(outdated.all_handled());
        assert_eq!(outdated.handled, 2);
    }
}

#[test]
fn a_handled_mark_lapses_when_the_source_paragraph_changes_again_and_a_stale_key_is_refused() {
    let mut t = cyrillic();
    let view = t.ws.translation_view(ID, "ru").expect("view");
    let key = key_of(&view, RowPart::Paragraph(1));
    t.ws.mark_handled(ID, "ru", &key).expect("handled");

    let mut again = BE_PARAGRAPHS.to_vec();
    again[1] = "Прызыў з запасу — звычайная практыка, але зусім не ў такім маштабе.";
    put(&mut t.ws, BE, &text("be", None, "Title, edited", &again));
    let view = t.ws.translation_view(ID, "ru").expect("view");
    assert_eq!(to_review(&view), [RowPart::Title, RowPart::Paragraph(1)]);

    let error = t.ws.mark_handled(ID, "ru", &key).expect_err("stale");
    assert!(error.to_string().contains("reload"), "{error}");
}

#[test]
fn marking_up_to_date_can_be_undone_back_to_the_old_base() {
    let mut t = cyrillic();
    let before = t.ws.translation_view(ID, "ru").expect("view").cell;
    let previous = before.recorded.clone().expect("a status").id;
    t.ws.set_translation_status(ID, "ru", TranslationStatus::Done, None)
        .expect("up to date");
    assert!(!t
        .ws
        .translation_view(ID, "ru")
        .expect("view")
        .cell
        .is_outdated());

    t.ws.restore_translation_status(ID, "ru", &previous)
        .expect("undo");
    let after = t.ws.translation_view(ID, "ru").expect("view").cell;
    assert!(after.is_outdated());
    assert_eq!(after.base_hash, before.base_hash);
    assert!(t
        .ws
        .restore_translation_status(ID, "ru", "nobody.1")
        .is_err());
}

#[test]
fn a_teammates_handled_mark_arrives_with_their_journal() {
    let mut t = cyrillic();
    // The teammate: a copy of the folder without this machine's history, so another writer.
    let other_dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&t.root(), other_dir.path());
    for entry in std::fs::read_dir(other_dir.path().join(".galley")).expect("galley dir") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("history.db"))
        {
            std::fs::remove_file(path).expect("remove");
        }
    }
    // Their history saw the source at the base too (as a sync would have brought it).
    let now = std::fs::read_to_string(other_dir.path().join(BE)).expect("source");
    std::fs::write(
        other_dir.path().join(BE),
        text("be", None, "Title", &BE_PARAGRAPHS),
    )
    .expect("write base");
    let mut other = Workspace::open(other_dir.path(), env("Maria")).expect("open");
    put(&mut other, BE, &now);
    assert_ne!(other.writer(), t.ws.writer());
    let view = other.translation_view(ID, "ru").expect("view");
    other
        .mark_handled(ID, "ru", &key_of(&view, RowPart::Paragraph(1)))
        .expect("handled there");
    let journal = format!(".galley/journal/{}.jsonl", other.writer());
    std::fs::copy(other_dir.path().join(&journal), t.root().join(&journal)).expect("sync");

    t.ws.refresh_records().expect("read journals");
    let view = t.ws.translation_view(ID, "ru").expect("view");
    assert_eq!(to_review(&view), [RowPart::Title]);
}

#[test]
fn an_edited_row_replaces_only_its_paragraph() {
    let body = format!("\n{}\n", RU_PARAGRAPHS.join("\n\n"));
    let edited = replace_paragraph(
        &body,
        1,
        "Призыв из запаса — обычная практика, но не в таком масштабе.",
    );
    assert!(edited.contains(RU_PARAGRAPHS[0]) && edited.contains(RU_PARAGRAPHS[2]));
    assert!(!edited.contains(RU_PARAGRAPHS[1]));
}
