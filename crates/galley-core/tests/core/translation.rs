// Translations: starting one, status and base, outdated fields and paragraphs, minor edits,
// chains, the source diff since the base, the grid.

use super::support::{env, TempWorkspace};
use galley_core::hash::ContentHash;
use galley_core::history::History;
use galley_core::records::TranslationStatus;
use galley_core::translation::{
    align, split_paragraphs, ChainLink, Field, GridCell, ParagraphChangeKind, Role,
};
use galley_core::workspace::{SaveOutcome, Workspace};
use galley_core::ErrorKind;

const ID: &str = "k7m2q9x4tz";
const BE: &str = "2020-W20/army.be.md";
const RU: &str = "2020-W20/army.ru.md";
const EN: &str = "2020-W20/army.en.md";

const BE_PARAGRAPHS: [&str; 4] = [
    "На мінулым тыдні камісарыяты разаслалі позвы на зборы.",
    "Сам па сабе прызыў з запасу — звычайная практыка.",
    "Геаграфія таксама красамоўная: заходнія раёны мяжуюць з Польшчай.",
    "Мы ацэньваем сітуацыю як пагаршэнне.",
];

const RU_PARAGRAPHS: [&str; 4] = [
    "На прошлой неделе комиссариаты разослали повестки на сборы.",
    "Сам по себе призыв из запаса — обычная практика.",
    "География тоже красноречива: западные районы граничат с Польшей.",
    "Мы оцениваем ситуацию как ухудшение.",
];

const EN_PARAGRAPHS: [&str; 4] = [
    "Last week the commissariats sent out notices for musters.",
    "Calling up reservists is routine in itself.",
    "The geography is telling: the western districts border Poland.",
    "We assess the situation as having deteriorated.",
];

fn text(lang: &str, from: Option<&str>, title: &str, lead: &str, paragraphs: &[&str]) -> String {
    let from = from.map_or(String::new(), |f| format!("translation_of: {f}\n"));
    format!(
        "---\nid: {ID}\ntitle: {title}\nauthors: [Alena Kavalchuk]\nlead: {lead}\nsection: security\n\
         issue: 2020-W20\nlang: {lang}\n{from}---\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

fn be(paragraphs: &[&str]) -> String {
    text("be", None, "Армія", "Зборы пашырылі.", paragraphs)
}

/// Saves `text` at `path` through Galley, starting from what is on disk.
fn put(ws: &mut Workspace, path: &str, text: &str) {
    let on_disk = std::fs::read(ws.root().join(path))
        .ok()
        .map(|b| ContentHash::of(&b));
    match ws.save(path, text, on_disk).expect("save") {
        SaveOutcome::Saved(_) => {}
        other => panic!("expected a save of {path}, got {other:?}"),
    }
}

fn cell(ws: &Workspace, lang: &str) -> GridCell {
    let row = ws.translation_row(ID).expect("row");
    row.cells
        .into_iter()
        .find(|c| c.lang == lang)
        .expect("cell")
}

/// A be source with a finished ru translation of it.
fn be_with_done_ru() -> TempWorkspace {
    let mut t = TempWorkspace::new();
    put(&mut t.ws, BE, &be(&BE_PARAGRAPHS));
    let (path, _, _) = t.ws.start_translation(ID, "ru", None).expect("start");
    assert_eq!(path, RU);
    put(
        &mut t.ws,
        RU,
        &text(
            "ru",
            Some("be"),
            "Армия",
            "Сборы расширили.",
            &RU_PARAGRAPHS,
        ),
    );
    t.ws.set_translation_status(ID, "ru", TranslationStatus::Done, None)
        .expect("done");
    t
}

#[test]
fn starting_a_translation_creates_the_file_with_the_front_matter_and_empty_text() {
    let mut t = TempWorkspace::new();
    put(&mut t.ws, BE, &be(&BE_PARAGRAPHS));
    let source_head = t.ws.log(BE).expect("log")[0].id;

    let (path, version, event) = t.ws.start_translation(ID, "en", None).expect("start");

    assert_eq!(path, EN);
    let draft = t.ws.read(EN).expect("read");
    let front = draft.front();
    assert_eq!(
        (
            front.id.as_str(),
            front.lang.as_str(),
            front.translation_of.as_deref()
        ),
        (ID, "en", Some("be"))
    );
    assert_eq!(front.authors, ["Alena Kavalchuk"]);
    assert_eq!(front.section.as_deref(), Some("security"));
    assert_eq!(
        front.issue.map(|w| w.to_string()).as_deref(),
        Some("2020-W20")
    );
    assert_eq!((front.title.as_str(), front.lead.as_str()), ("", ""));
    assert!(
        split_paragraphs(draft.body()).is_empty(),
        "{:?}",
        draft.body()
    );
    assert_eq!(version.author, "Alena");
    assert_eq!(event.status, TranslationStatus::InProgress);
    assert_eq!(event.base, t.ws.version(source_head).expect("head").hash);
    assert_eq!(event.source_lang, "be");
}

#[test]
fn starting_records_a_source_that_history_has_not_seen() {
    let mut t = TempWorkspace::new();
    t.write(BE, &be(&BE_PARAGRAPHS));
    let (_, _, event) = t.ws.start_translation(ID, "ru", None).expect("start");
    let head = t.ws.log(BE).expect("log");
    assert_eq!(head.len(), 1);
    assert_eq!(event.base, head[0].hash);
}

#[test]
fn starting_refuses_an_existing_file_an_unknown_language_and_a_missing_source() {
    let mut t = be_with_done_ru();
    let before = t.read(RU);

    let exists = t.ws.start_translation(ID, "ru", None).expect_err("exists");
    assert_eq!(exists.kind(), ErrorKind::Invalid);
    assert!(exists.to_string().contains(RU), "{exists}");
    assert_eq!(t.read(RU), before);

    let unknown = t.ws.start_translation(ID, "de", None).expect_err("unknown");
    assert!(unknown.to_string().contains("`de`"), "{unknown}");

    let no_source =
        t.ws.start_translation(ID, "en", Some("uk"))
            .expect_err("no uk");
    assert_eq!(no_source.kind(), ErrorKind::NotFound);
    assert!(no_source.to_string().contains("uk version"), "{no_source}");

    let no_commentary =
        t.ws.start_translation("nosuchid", "en", None)
            .expect_err("none");
    assert_eq!(no_commentary.kind(), ErrorKind::NotFound);
    assert!(
        no_commentary.to_string().contains("nosuchid"),
        "{no_commentary}"
    );
    assert!(!t.root().join(EN).exists());
}

#[test]
fn a_finished_translation_is_not_outdated() {
    let t = be_with_done_ru();
    let ru = cell(&t.ws, "ru");
    assert_eq!(ru.status, Some(TranslationStatus::Done));
    assert_eq!(ru.base, ru.source_head);
    assert!(!ru.is_outdated(), "{ru:?}");
    let recorded = ru.recorded.expect("recorded");
    assert_eq!(recorded.author, "Alena");
}

#[test]
fn a_paragraph_edit_flags_exactly_that_paragraph() {
    let mut t = be_with_done_ru();
    let mut edited = BE_PARAGRAPHS;
    edited[2] = "Геаграфія таксама красамоўная: заходнія раёны мяжуюць з Польшчай і Літвой.";
    put(&mut t.ws, BE, &be(&edited));

    let ru = cell(&t.ws, "ru");
    let outdated = ru.outdated.expect("outdated");
    assert_eq!(outdated.fields, [Field::Body]);
    assert_eq!(outdated.paragraphs.len(), 1, "{:?}", outdated.paragraphs);
    let change = &outdated.paragraphs[0];
    assert_eq!(change.kind, ParagraphChangeKind::Changed);
    assert_eq!(
        (change.base, change.now, change.translation),
        (Some(2), Some(2), Some(2))
    );
    assert_eq!(ru.via, None);
}

#[test]
fn a_moved_paragraph_is_reported_as_moved_not_delete_and_add() {
    let mut t = TempWorkspace::new();
    let en = |p: &[&str]| text("en", None, "Army", "Musters widened.", p);
    put(&mut t.ws, EN, &en(&EN_PARAGRAPHS));
    t.ws.start_translation(ID, "be", None).expect("start");
    put(
        &mut t.ws,
        BE,
        &text("be", Some("en"), "Армія", "Зборы.", &BE_PARAGRAPHS),
    );
    t.ws.set_translation_status(ID, "be", TranslationStatus::Done, None)
        .expect("done");

    let moved = [
        EN_PARAGRAPHS[1],
        EN_PARAGRAPHS[2],
        EN_PARAGRAPHS[0],
        EN_PARAGRAPHS[3],
    ];
    put(&mut t.ws, EN, &en(&moved));

    let outdated = cell(&t.ws, "be").outdated.expect("outdated");
    let kinds: Vec<_> = outdated.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [ParagraphChangeKind::Moved],
        "{:?}",
        outdated.paragraphs
    );
    let change = &outdated.paragraphs[0];
    assert_eq!(
        (change.base, change.now, change.translation),
        (Some(0), Some(2), Some(0))
    );
    assert!(!change.edited);
}

#[test]
fn a_moved_and_lightly_edited_paragraph_is_still_moved() {
    let base: Vec<String> = EN_PARAGRAPHS.iter().map(|p| p.to_string()).collect();
    let now = vec![
        base[1].clone(),
        base[2].clone(),
        base[3].clone(),
        "Last week the military commissariats sent out notices for musters.".to_string(),
    ];
    let changes = align(&base, &now, 4);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].kind, ParagraphChangeKind::Moved);
    assert_eq!((changes[0].base, changes[0].now), (Some(0), Some(3)));
    assert!(changes[0].edited);
}

#[test]
fn added_and_removed_paragraphs_map_to_the_translation_around_them() {
    let base: Vec<String> = BE_PARAGRAPHS.iter().map(|p| p.to_string()).collect();
    let now = vec![
        base[0].clone(),
        "Зусім новы абзац пра кошт збораў.".to_string(),
        base[1].clone(),
        base[3].clone(),
    ];
    let changes = align(&base, &now, 4);
    let summary: Vec<_> = changes
        .iter()
        .map(|c| (c.kind, c.base, c.now, c.translation, c.after_translation))
        .collect();
    assert_eq!(
        summary,
        [
            (ParagraphChangeKind::Added, None, Some(1), None, Some(0)),
            (ParagraphChangeKind::Removed, Some(2), None, Some(2), None),
        ]
    );
}

#[test]
fn title_and_lead_changes_are_reported_as_fields() {
    let mut t = be_with_done_ru();
    let changed = text(
        "be",
        None,
        "Армія і зборы",
        "Зборы пашырылі на захад.",
        &BE_PARAGRAPHS,
    );
    put(&mut t.ws, BE, &changed);
    let outdated = cell(&t.ws, "ru").outdated.expect("outdated");
    assert_eq!(outdated.fields, [Field::Title, Field::Lead]);
    assert!(outdated.paragraphs.is_empty());
}

#[test]
fn a_minor_edit_flags_nothing_until_it_is_unmarked() {
    let mut t = be_with_done_ru();
    let mut typo = BE_PARAGRAPHS;
    typo[3] = "Мы ацэньваем сітуацыю як пагаршэньне.";
    put(&mut t.ws, BE, &be(&typo));
    let typo_version = t.ws.log(BE).expect("log")[0].id;

    let mark = t.ws.mark_minor(typo_version, true).expect("mark");
    let typo_hash =
        t.ws.version(typo_version)
            .expect("typo")
            .hash
            .expect("text");
    assert_eq!(
        (mark.sha256, mark.minor, mark.author.as_str()),
        (typo_hash, true, "Alena")
    );
    assert!(!cell(&t.ws, "ru").is_outdated());

    t.ws.mark_minor(typo_version, false).expect("unmark");
    let outdated = cell(&t.ws, "ru")
        .outdated
        .expect("outdated after unmarking");
    assert_eq!(outdated.versions, [typo_version]);
    let marks = t.ws.records().minor_marks(ID, "be", &typo_hash);
    assert_eq!(
        marks.iter().map(|m| m.minor).collect::<Vec<_>>(),
        [false, true]
    );
}

#[test]
fn a_minor_edit_after_a_real_change_keeps_the_translation_outdated() {
    let mut t = be_with_done_ru();
    let mut changed = BE_PARAGRAPHS;
    changed[0] = "На мінулым тыдні камісарыяты разаслалі тысячы позваў.";
    put(&mut t.ws, BE, &be(&changed));
    let real = t.ws.log(BE).expect("log")[0].id;
    changed[3] = "Мы ацэньваем сітуацыю як пагаршэньне.";
    put(&mut t.ws, BE, &be(&changed));
    let typo = t.ws.log(BE).expect("log")[0].id;
    t.ws.mark_minor(typo, true).expect("mark");

    let outdated = cell(&t.ws, "ru").outdated.expect("outdated");
    assert_eq!(outdated.versions, [real]);
}

#[test]
fn a_chain_flags_both_downstream_languages_and_names_the_link() {
    let mut t = be_with_done_ru();
    t.ws.start_translation(ID, "en", Some("ru"))
        .expect("start en from ru");
    put(
        &mut t.ws,
        EN,
        &text("en", Some("ru"), "Army", "Musters widened.", &EN_PARAGRAPHS),
    );
    t.ws.set_translation_status(ID, "en", TranslationStatus::Done, None)
        .expect("done");
    assert!(!cell(&t.ws, "en").is_outdated());

    let mut edited = BE_PARAGRAPHS;
    edited[1] = "Сам па сабе прызыў з запасу — звычайная, але рэдкая практыка.";
    put(&mut t.ws, BE, &be(&edited));

    let ru = cell(&t.ws, "ru");
    assert!(ru.outdated.is_some());
    assert_eq!(ru.chain, ["ru", "be"]);
    let en = cell(&t.ws, "en");
    assert!(en.is_outdated());
    assert_eq!(en.outdated, None, "en's own source, ru, did not change");
    assert_eq!(
        en.via,
        Some(ChainLink {
            translation: "ru".into(),
            source: "be".into()
        })
    );
    assert_eq!(en.chain, ["en", "ru", "be"]);
}

#[test]
fn the_source_diff_since_base_spans_several_source_versions() {
    let mut t = be_with_done_ru();
    let mut edited = BE_PARAGRAPHS;
    edited[0] = "На мінулым тыдні камісарыяты разаслалі тысячы позваў.";
    put(&mut t.ws, BE, &be(&edited));
    edited[3] = "Мы ацэньваем сітуацыю як рэзкае пагаршэнне.";
    put(&mut t.ws, BE, &be(&edited));

    let diff = t.ws.translation_source_diff(ID, "ru").expect("diff");
    assert_eq!(diff.source_lang, "be");
    assert_eq!(diff.versions.len(), 2);
    assert_eq!(
        diff.diff.stats.paragraphs_changed, 2,
        "{:?}",
        diff.diff.stats
    );
    let rendered =
        galley_core::diff::render_text(&diff.diff, galley_core::diff::RenderStyle::Plain);
    assert!(rendered.contains("{+тысячы позваў+}"), "{rendered}");
    assert!(rendered.contains("{+рэзкае+}"), "{rendered}");
}

#[test]
fn a_source_diff_without_a_base_says_how_to_get_one() {
    let mut t = TempWorkspace::new();
    put(&mut t.ws, BE, &be(&BE_PARAGRAPHS));
    t.write(
        RU,
        &text("ru", Some("be"), "Армия", "Сборы.", &RU_PARAGRAPHS),
    );
    let err = t.ws.translation_source_diff(ID, "ru").expect_err("no base");
    assert!(err.to_string().contains("no base"), "{err}");
    assert_eq!(
        cell(&t.ws, "ru").status,
        Some(TranslationStatus::InProgress)
    );
    assert_eq!(cell(&t.ws, "ru").recorded, None);
}

#[test]
fn status_and_base_survive_reopening_and_an_external_edit() {
    let t = be_with_done_ru();
    let base = cell(&t.ws, "ru").base.expect("base");
    let root = t.root();
    // Close the workspace (the folder stays: `t` still holds it).
    let ws = t.ws;
    drop(ws);
    std::fs::write(
        root.join(RU),
        text(
            "ru",
            Some("be"),
            "Армия!",
            "Сборы расширили.",
            &RU_PARAGRAPHS,
        ),
    )
    .expect("external edit");

    let mut ws = Workspace::open(&root, env("Pavel")).expect("reopen");
    ws.record_all().expect("record");
    let ru = cell(&ws, "ru");
    assert_eq!(ru.status, Some(TranslationStatus::Done));
    assert_eq!(ru.base, Some(base));
    assert!(!ru.is_outdated());
    assert_eq!(ru.recorded.map(|r| r.author).as_deref(), Some("Alena"));

    ws.set_translation_status(
        ID,
        "ru",
        TranslationStatus::InReview,
        Some("check the lead"),
    )
    .expect("review");
    let log = ws.translation_status_log(ID, "ru").expect("log");
    let statuses: Vec<_> = log.iter().map(|e| (e.status, e.author.as_str())).collect();
    assert_eq!(
        statuses,
        [
            (TranslationStatus::InReview, "Pavel"),
            (TranslationStatus::Done, "Alena"),
            (TranslationStatus::InProgress, "Alena"),
        ]
    );
    assert_eq!(
        log[0].base,
        ws.version(base).expect("base").hash,
        "review keeps the base"
    );
    assert_eq!(log[0].note.as_deref(), Some("check the lead"));
}

#[test]
fn setting_done_again_moves_the_base_and_clears_outdated() {
    let mut t = be_with_done_ru();
    let mut edited = BE_PARAGRAPHS;
    edited[0] = "Зусім іншы першы абзац.";
    put(&mut t.ws, BE, &be(&edited));
    assert!(cell(&t.ws, "ru").is_outdated());
    let event =
        t.ws.set_translation_status(ID, "ru", TranslationStatus::Done, None)
            .expect("done");
    assert_eq!(event.base, t.ws.log(BE).expect("log")[0].hash);
    assert!(!cell(&t.ws, "ru").is_outdated());
}

#[test]
fn the_source_has_no_status_and_missing_cannot_be_set() {
    let mut t = be_with_done_ru();
    let err =
        t.ws.set_translation_status(ID, "be", TranslationStatus::Done, None)
            .expect_err("source");
    assert!(err.to_string().contains("source language version"), "{err}");
    let err =
        t.ws.set_translation_status(ID, "ru", TranslationStatus::Missing, None)
            .expect_err("missing");
    assert!(err.to_string().contains("missing"), "{err}");
}

#[test]
fn the_grid_has_a_cell_per_language_and_filters_by_issue() {
    let mut t = be_with_done_ru();
    let other = "---\nid: othercomm1\ntitle: Газ\nissue: 2020-W21\nlang: be\n---\n\nТэкст.\n";
    put(&mut t.ws, "2020-W21/gas.be.md", other);

    let grid = t.ws.translation_grid(None).expect("grid");
    assert_eq!(grid.languages, ["be", "ru", "en"]);
    assert_eq!(grid.rows.len(), 2);
    let row = grid.rows.iter().find(|r| r.id == ID).expect("row");
    let roles: Vec<_> = row
        .cells
        .iter()
        .map(|c| (c.lang.as_str(), c.role, c.status))
        .collect();
    assert_eq!(
        roles,
        [
            ("be", Role::Source, None),
            ("ru", Role::Translation, Some(TranslationStatus::Done)),
            ("en", Role::Missing, Some(TranslationStatus::Missing)),
        ]
    );

    let week = "2020-W21".parse().expect("week");
    let grid = t.ws.translation_grid(Some(week)).expect("grid");
    assert_eq!(
        grid.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["othercomm1"]
    );
}

#[test]
fn a_database_at_schema_2_is_upgraded_and_keeps_its_versions() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("history.db");
    {
        let old = rusqlite::Connection::open(&path).expect("open");
        old.execute_batch(include_str!("../../src/history/migrations/0001_init.sql"))
            .expect("1");
        old.execute_batch(include_str!(
            "../../src/history/migrations/0002_known_files.sql"
        ))
        .expect("2");
        old.pragma_update(None, "user_version", 2).expect("version");
        old.execute(
            "INSERT INTO versions (draft_id, lang, path, text_id, author, at_ns, origin) \
             VALUES ('d1', 'be', 'd1.be.md', NULL, 'Alesia', 1700000000000000000, 'external')",
            [],
        )
        .expect("insert");
    }
    let history = History::open(&path).expect("upgrade");
    let old = history.head("d1", "be").expect("head").expect("kept");
    assert_eq!(old.author, "Alesia");
    assert_eq!(
        history.local_value("writer").expect("the new tables exist"),
        None
    );
}

#[test]
fn the_grid_rereads_a_file_edited_or_deleted_since_the_last_grid() {
    let t = be_with_done_ru();
    let first = t.ws.translation_grid(None).expect("grid");
    assert_eq!(first.rows[0].title, "Армія");

    t.write(
        BE,
        &text(
            "be",
            None,
            "Армія і флот",
            "Зборы пашырылі.",
            &BE_PARAGRAPHS,
        ),
    );
    std::fs::remove_file(t.root().join(RU)).expect("delete ru");
    let second = t.ws.translation_grid(None).expect("grid");
    assert_eq!(second.rows[0].title, "Армія і флот");
    let ru = &second.rows[0].cells[1];
    assert_eq!(
        (ru.role, ru.status),
        (Role::Missing, Some(TranslationStatus::Missing))
    );
}

#[test]
fn a_grid_shown_again_follows_new_source_edits_and_translation_paragraphs() {
    let mut t = be_with_done_ru();
    let mut edited = BE_PARAGRAPHS;
    edited[2] = "Геаграфія таксама красамоўная: заходнія раёны мяжуюць з Польшчай і Літвой.";
    put(&mut t.ws, BE, &be(&edited));
    let ru_outdated = |ws: &Workspace| {
        let grid = ws.translation_grid(None).expect("grid");
        let ru = grid.rows[0].cells.iter().find(|c| c.lang == "ru").cloned();
        ru.and_then(|c| c.outdated).expect("ru outdated")
    };
    let first = ru_outdated(&t.ws);
    assert_eq!(ru_outdated(&t.ws), first);
    assert_eq!(cell(&t.ws, "ru").outdated.as_ref(), Some(&first));
    assert_eq!(first.paragraphs[0].translation, Some(2));

    // The translation loses its last two paragraphs: paragraph 2 has no counterpart any more.
    put(
        &mut t.ws,
        RU,
        &text(
            "ru",
            Some("be"),
            "Армия",
            "Сборы расширили.",
            &RU_PARAGRAPHS[..2],
        ),
    );
    let shorter = ru_outdated(&t.ws);
    assert_eq!(shorter.paragraphs[0].translation, None);

    edited[0] = "На мінулым тыдні камісарыяты разаслалі позвы на вайсковыя зборы.";
    put(&mut t.ws, BE, &be(&edited));
    let again = ru_outdated(&t.ws);
    let changed: Vec<Option<usize>> = again.paragraphs.iter().map(|p| p.base).collect();
    assert_eq!(changed, [Some(0), Some(2)]);
    assert_eq!(again.versions.len(), 2);
    assert_eq!(cell(&t.ws, "ru").outdated, Some(again));
}

#[test]
fn a_language_state_is_outdated_before_anything_recorded_and_in_progress_when_nothing_is() {
    use galley_core::translation::LanguageState as S;
    let done = Some(TranslationStatus::Done);
    assert_eq!(S::of(Role::Translation, done, true), S::Outdated);
    assert_eq!(S::of(Role::Translation, done, false), S::Done);
    assert_eq!(S::of(Role::Translation, None, false), S::InProgress);
    assert_eq!(S::of(Role::Source, done, true), S::Source);
    assert_eq!(S::of(Role::Missing, None, false), S::Missing);
    assert_eq!(S::recorded(Some(TranslationStatus::InReview)), S::InReview);
}
