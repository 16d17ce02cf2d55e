// Full-text search: Cyrillic and Latin, phrases and prefixes, every filter, snippets, and the
// index following saves, external edits, renames and deletions.

use super::support::TempWorkspace;
use galley_core::records::TranslationStatus;
use galley_core::search::{Filters, SearchHit, SearchRequest};
use galley_core::workspace::SaveOutcome;
use galley_core::ErrorKind;

#[allow(clippy::too_many_arguments)]
fn text(
    id: &str,
    lang: &str,
    title: &str,
    issue: &str,
    section: &str,
    author: &str,
    trend: &str,
    body: &str,
) -> String {
    format!(
        "---\nid: {id}\ntitle: {title}\ntrend: {trend}\nauthors: [{author}]\nsection: {section}\n\
         issue: {issue}\nlang: {lang}\n---\n\n{body}\n"
    )
}

const ARMY_BE: &str = "2020-W20/army.be.md";
const ARMY_EN: &str = "2020-W20/army.en.md";
const ECONOMY_RU: &str = "2020-W21/economy.ru.md";

/// Three language versions across two issues, sections, authors and trends.
fn archive() -> TempWorkspace {
    let mut t = TempWorkspace::new();
    let files = [
        (
            ARMY_BE,
            text(
                "army00001",
                "be",
                "Рэформа войска",
                "2020-W20",
                "security",
                "Alena Kavalchuk",
                "deteriorated",
                "Міністэрства абароны абвясціла новую п'есу пра рэформу войска ў Менску.\n\n\
                 Генералы маўчаць.",
            ),
        ),
        (
            ARMY_EN,
            text(
                "army00001",
                "en",
                "Army reform",
                "2020-W20",
                "security",
                "Alena Kavalchuk",
                "deteriorated",
                "The ministry announced a naïve army reform in Minsk. Reforms were promised before.",
            ),
        ),
        (
            ECONOMY_RU,
            text(
                "econ00001",
                "ru",
                "Цены растут",
                "2020-W21",
                "economy",
                "Ivan Petrou",
                "improved",
                "Инфляция замедлилась, но цены в Минске растут. Реформа налогов отложена.",
            ),
        ),
    ];
    for (path, body) in files {
        match t.ws.save(path, &body, None).expect("save") {
            SaveOutcome::Saved(_) => {}
            other => panic!("expected a save, got {other:?}"),
        }
    }
    t
}

fn search(t: &TempWorkspace, query: &str, filters: Filters) -> Vec<SearchHit> {
    t.ws.search(&SearchRequest {
        query: query.into(),
        filters,
        limit: 0,
    })
    .expect("search")
}

fn paths(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.path.as_str()).collect()
}

#[test]
fn cyrillic_query_finds_the_belarusian_version_with_a_highlighted_snippet() {
    let t = archive();
    let hits = search(&t, "абароны", Filters::default());
    assert_eq!(paths(&hits), [ARMY_BE]);
    let snippet = &hits[0].snippet;
    assert!(
        snippet.marked("[", "]").contains("[абароны]"),
        "{snippet:?}"
    );
    assert_eq!(hits[0].id, "army00001");
    assert_eq!(hits[0].authors, ["Alena Kavalchuk"]);
}

#[test]
fn latin_query_matches_regardless_of_case_and_diacritics() {
    let t = archive();
    assert_eq!(paths(&search(&t, "NAIVE", Filters::default())), [ARMY_EN]);
    assert_eq!(paths(&search(&t, "naïve", Filters::default())), [ARMY_EN]);
}

#[test]
fn belarusian_letters_and_apostrophes_are_searchable_as_typed() {
    let t = archive();
    assert_eq!(
        paths(&search(&t, "ў Менску", Filters::default())),
        [ARMY_BE]
    );
    assert_eq!(paths(&search(&t, "п'есу", Filters::default())), [ARMY_BE]);
}

#[test]
fn ye_and_yo_find_each_other_and_the_snippet_shows_the_text_as_written() {
    let mut t = archive();
    let body = "Алёна Новік зноў выступіла.\n\nЕлка на плошчы.";
    let rel = "2020-W21/yo.be.md";
    let draft = text(
        "yo0000001",
        "be",
        "Ёлка",
        "2020-W21",
        "society",
        "Olga Novik",
        "unchanged",
        body,
    );
    t.ws.save(rel, &draft, None).expect("save");
    for query in ["Алена", "алёна", "АЛЕНА", "Алё*"] {
        let hits = search(&t, query, Filters::default());
        assert_eq!(paths(&hits), [rel], "{query}");
        assert!(
            hits[0].snippet.marked("[", "]").contains("[Алёна]"),
            "{query}: {:?}",
            hits[0].snippet
        );
    }
    let hits = search(&t, "ёлка", Filters::default());
    assert_eq!(paths(&hits), [rel]);
    assert_eq!(hits[0].title.marked("[", "]"), "[Ёлка]");
    assert!(hits[0].snippet.marked("[", "]").contains("[Елка]"));
}

#[test]
fn phrase_query_needs_the_words_in_order() {
    let t = archive();
    assert_eq!(
        paths(&search(&t, "\"army reform\"", Filters::default())),
        [ARMY_EN]
    );
    assert!(search(&t, "\"reform army\"", Filters::default()).is_empty());
}

#[test]
fn prefix_query_finds_inflected_forms_in_both_scripts() {
    let t = archive();
    assert_eq!(paths(&search(&t, "рэформ*", Filters::default())), [ARMY_BE]);
    assert_eq!(paths(&search(&t, "reform*", Filters::default())), [ARMY_EN]);
    assert!(search(&t, "reform", Filters::default()).len() == 1);
}

#[test]
fn or_and_exclusion_combine_words() {
    let t = archive();
    let hits = search(&t, "инфляция OR naive", Filters::default());
    let mut both = paths(&hits);
    both.sort();
    assert_eq!(both, [ARMY_EN, ECONOMY_RU]);
    assert!(search(&t, "naive -minsk", Filters::default()).is_empty());
}

#[test]
fn title_match_ranks_above_body_match() {
    let mut t = archive();
    let other = text(
        "other0001",
        "en",
        "Weather",
        "2020-W20",
        "security",
        "X",
        "unchanged",
        "A word about army matters, army again, and army once more.",
    );
    t.ws.save("2020-W20/other.en.md", &other, None)
        .expect("save");
    let hits = search(&t, "army", Filters::default());
    assert_eq!(paths(&hits), [ARMY_EN, "2020-W20/other.en.md"]);
    assert!(hits[0].score > hits[1].score);
    assert_eq!(hits[0].title.marked("[", "]"), "[Army] reform");
}

#[test]
fn each_filter_narrows_the_match() {
    let t = archive();
    let all = |f: Filters| {
        let mut p: Vec<String> = search(&t, "реформа OR reform OR рэформу", f)
            .into_iter()
            .map(|h| h.path)
            .collect();
        p.sort();
        p
    };
    assert_eq!(all(Filters::default()).len(), 3);
    let only = |p: &str| vec![p.to_string()];
    assert_eq!(
        all(Filters {
            lang: Some("ru".into()),
            ..Filters::default()
        }),
        only(ECONOMY_RU)
    );
    assert_eq!(
        all(Filters {
            issue: Some("2020-w21".into()),
            ..Filters::default()
        }),
        only(ECONOMY_RU)
    );
    assert_eq!(
        all(Filters {
            section: Some("economy".into()),
            ..Filters::default()
        }),
        only(ECONOMY_RU)
    );
    assert_eq!(
        all(Filters {
            author: Some("petrou".into()),
            ..Filters::default()
        }),
        only(ECONOMY_RU)
    );
    assert_eq!(
        all(Filters {
            trend: Some("improved".into()),
            ..Filters::default()
        }),
        only(ECONOMY_RU)
    );
    assert_eq!(
        all(Filters {
            lang: Some("en".into()),
            author: Some("Alena Kavalchuk".into()),
            trend: Some("deteriorated".into()),
            ..Filters::default()
        }),
        only(ARMY_EN)
    );
}

#[test]
fn status_filter_follows_translation_status_changes() {
    let mut t = TempWorkspace::new();
    t.ws.save(
        ARMY_BE,
        &text(
            "army00001",
            "be",
            "Войска",
            "2020-W20",
            "security",
            "A",
            "unchanged",
            "Армія.",
        ),
        None,
    )
    .expect("save");
    let (rel, _, _) =
        t.ws.start_translation("army00001", "ru", None)
            .expect("start");
    let status = |s: &str| Filters {
        status: Some(s.into()),
        ..Filters::default()
    };
    assert_eq!(
        paths(&search(&t, "security OR армія", status("in-progress"))),
        Vec::<&str>::new(),
        "the new translation's body is empty"
    );
    t.ws.save(
        &rel,
        &format!("{}Армия.\n", t.read(&rel)),
        Some(hash(&t, &rel)),
    )
    .expect("save");
    assert_eq!(
        paths(&search(&t, "армия", status("in-progress"))),
        [rel.as_str()]
    );
    t.ws.set_translation_status("army00001", "ru", TranslationStatus::InReview, None)
        .expect("status");
    assert!(search(&t, "армия", status("in-progress")).is_empty());
    assert_eq!(
        paths(&search(&t, "армия", status("in-review"))),
        [rel.as_str()]
    );
}

fn hash(t: &TempWorkspace, rel: &str) -> galley_core::hash::ContentHash {
    galley_core::hash::ContentHash::of(t.read(rel).as_bytes())
}

#[test]
fn index_is_current_after_a_save() {
    let mut t = archive();
    let new = t.read(ARMY_EN).replace("naïve", "bold");
    t.ws.save(ARMY_EN, &new, Some(hash(&t, ARMY_EN)))
        .expect("save");
    assert!(search(&t, "naive", Filters::default()).is_empty());
    assert_eq!(paths(&search(&t, "bold", Filters::default())), [ARMY_EN]);
}

#[test]
fn index_is_current_after_an_external_edit() {
    let mut t = archive();
    t.write(
        ECONOMY_RU,
        &t.read(ECONOMY_RU).replace("Инфляция", "Дефляция"),
    );
    t.ws.record_paths(&[t.root().join(ECONOMY_RU)])
        .expect("record");
    assert!(search(&t, "инфляция", Filters::default()).is_empty());
    assert_eq!(
        paths(&search(&t, "дефляция", Filters::default())),
        [ECONOMY_RU]
    );
}

#[test]
fn index_follows_a_rename_and_a_delete() {
    let mut t = archive();
    let moved = "2020-W21/prices.ru.md";
    std::fs::rename(t.root().join(ECONOMY_RU), t.root().join(moved)).expect("rename");
    t.ws.record_paths(&[t.root().join(moved)]).expect("record");
    assert_eq!(paths(&search(&t, "инфляция", Filters::default())), [moved]);

    std::fs::remove_file(t.root().join(moved)).expect("delete");
    t.ws.record_all().expect("record");
    assert!(search(&t, "инфляция", Filters::default()).is_empty());
}

#[test]
fn reindex_rebuilds_the_index_from_the_files() {
    let t = archive();
    // A file written behind Galley's back and never recorded is found only by a rebuild.
    t.write(
        "2020-W22/new.en.md",
        &text(
            "new000001",
            "en",
            "Fresh",
            "2020-W22",
            "x",
            "Y",
            "unchanged",
            "Zebras.",
        ),
    );
    assert!(search(&t, "zebras", Filters::default()).is_empty());
    let mut calls = Vec::new();
    let report =
        t.ws.reindex(&mut |done, all| calls.push((done, all)))
            .expect("reindex");
    assert_eq!(report.indexed, 4);
    assert_eq!(calls.last(), Some(&(4, 4)));
    assert_eq!(
        paths(&search(&t, "zebras", Filters::default())),
        ["2020-W22/new.en.md"]
    );
}

#[test]
fn bad_query_syntax_is_an_invalid_input_error_not_a_database_error() {
    let t = archive();
    for query in ["\"unclosed", "*", "-alone", "a OR"] {
        let err =
            t.ws.search(&SearchRequest {
                query: query.into(),
                ..SearchRequest::default()
            })
            .expect_err(query);
        assert_eq!(err.kind(), ErrorKind::Invalid, "{query}: {err}");
        assert!(!err.to_string().contains("fts5"), "{err}");
    }
    let err =
        t.ws.search(&SearchRequest {
            query: "x".into(),
            filters: Filters {
                issue: Some("last week".into()),
                ..Filters::default()
            },
            limit: 0,
        })
        .expect_err("bad issue");
    assert!(err.to_string().contains("ISO week"), "{err}");
}

#[test]
fn a_history_without_an_index_is_indexed_on_the_first_search() {
    let t = archive();
    let db = t.root().join(".galley/history.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    galley_core::history::register_search_tokenizer(&conn).expect("tokenizer");
    // Empty, and not caught up with the known files: as the upgrade to the index leaves it.
    conn.execute_batch(
        "DELETE FROM search_docs; INSERT INTO search_text (search_text) VALUES ('delete-all');
         UPDATE index_state SET caught_up_to = -1;",
    )
    .expect("empty the index");
    drop(conn);
    assert_eq!(
        paths(&search(&t, "инфляция", Filters::default())),
        [ECONOMY_RU]
    );
}
