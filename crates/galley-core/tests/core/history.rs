// Tests for the history module.

use galley_core::hash::ContentHash;
use galley_core::history::{History, KnownFile, KnownFileChange, NewVersion, Origin, Version};
use galley_core::Error;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

const MIGRATIONS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/history/migrations");
const INIT_SQL: &str = include_str!("../../src/history/migrations/0001_init.sql");

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_700_000_000 + seconds).unwrap()
}

/// A save of the Belarusian version of draft `d1`.
fn save(text: Option<&str>) -> NewVersion<'_> {
    NewVersion {
        draft_id: "d1",
        lang: "be",
        path: "2024/week-07/d1.be.md",
        text,
        author: "Alesia",
        at: at(0),
        label: None,
        origin: Origin::Save,
    }
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.sqlite");
    (dir, path)
}

fn user_version(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap()
}

/// Deterministic pseudo-random numbers, so the generated texts are the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const SYLLABLES: &[&str] = &[
    "ра", "ка", "на", "ві", "эс", "ту", "лю", "мо", "ско", "пра", "ва", "дзе", "ні", "ці", "ма",
    "ло", "гра", "ба", "зе", "жы", "по", "ры", "ст", "ни", "ва", "the", "con", "ment",
];

/// `count` words drawn from a vocabulary of a few thousand, common ones more often, roughly
/// as skewed as prose (so the text compresses about as well as a real commentary).
fn words(rng: &mut Lcg, count: usize) -> Vec<String> {
    let vocabulary: Vec<String> = (0..3000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect()
        })
        .collect();
    (0..count)
        .map(|_| {
            let common_first = rng.below(vocabulary.len()) + 1;
            vocabulary[rng.below(common_first)].clone()
        })
        .collect()
}

fn join(words: &[String]) -> String {
    let mut text = String::from("---\ntitle: Тыднёвы агляд\n---\n\n");
    for (i, word) in words.iter().enumerate() {
        text.push_str(word);
        text.push(if i % 60 == 59 { '\n' } else { ' ' });
    }
    text
}

/// 201 texts: a 3,000-word original, then 200 edits of a few words each.
fn edited_texts() -> Vec<String> {
    let mut rng = Lcg(7);
    let mut current = words(&mut rng, 3000);
    let mut texts = vec![join(&current)];
    for _ in 0..200 {
        for _ in 0..3 {
            let at = rng.below(current.len());
            current[at] = current[rng.below(current.len())].to_uppercase();
        }
        texts.push(join(&current));
    }
    texts
}

#[test]
fn history_can_move_between_threads() {
    fn assert_send<T: Send>() {}
    assert_send::<History>();
}

#[test]
fn cyrillic_text_reads_back_exactly_with_its_metadata() {
    let history = History::open_in_memory().unwrap();
    let text = "---\ntitle: Агляд тыдня\n---\n\nУрад абвясціў пра новыя падаткі. Правительство ответило.\n";
    let mut new = save(Some(text));
    new.label = Some("першы накід");
    let recorded = history.record(new).unwrap();

    assert_eq!(history.text(recorded.id).unwrap().as_deref(), Some(text));
    let read = history.version(recorded.id).unwrap();
    assert_eq!(read, recorded);
    assert_eq!(read.hash, Some(ContentHash::of(text.as_bytes())));
    assert_eq!(read.path, "2024/week-07/d1.be.md");
    assert_eq!(read.author, "Alesia");
    assert_eq!(read.at, at(0));
    assert_eq!(read.label.as_deref(), Some("першы накід"));
    assert_eq!(read.origin, Origin::Save);
    assert_eq!(
        history
            .text_by_hash(&ContentHash::of(text.as_bytes()))
            .unwrap(),
        text
    );
}

#[test]
fn every_origin_round_trips_through_the_database() {
    let history = History::open_in_memory().unwrap();
    let first = history.record(save(Some("адзін"))).unwrap();
    let origins = [
        Origin::Save,
        Origin::External,
        Origin::Restore { from: first.id },
        Origin::Conflict,
        Origin::Import,
    ];
    for origin in origins {
        let recorded = history
            .record(NewVersion {
                origin,
                ..save(Some("два"))
            })
            .unwrap();
        assert_eq!(history.version(recorded.id).unwrap().origin, origin);
    }
}

#[test]
fn restoring_from_a_missing_version_is_refused_naming_it() {
    let history = History::open_in_memory().unwrap();
    let err = history
        .record(NewVersion {
            origin: Origin::Restore { from: 42 },
            ..save(Some("x"))
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("version 42"), "{err}");
    assert_eq!(history.stats().unwrap().versions, 0);
}

#[test]
fn a_missing_version_is_not_found_by_its_id() {
    let history = History::open_in_memory().unwrap();
    for err in [
        history.version(17).unwrap_err(),
        history.text(17).unwrap_err(),
    ] {
        assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
        assert!(err.to_string().contains("version 17"), "{err}");
    }
    let err = history
        .text_by_hash(&ContentHash::of(b"never stored"))
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[test]
fn identical_content_is_stored_once() {
    let history = History::open_in_memory().unwrap();
    let a = history.record(save(Some("Тэкст без зменаў."))).unwrap();
    let b = history
        .record(NewVersion {
            lang: "ru",
            ..save(Some("Тэкст без зменаў."))
        })
        .unwrap();

    assert_ne!(a.id, b.id);
    assert_eq!(a.hash, b.hash);
    let stats = history.stats().unwrap();
    assert_eq!((stats.versions, stats.texts), (2, 1));
    assert_eq!(stats.raw_bytes, "Тэкст без зменаў.".len() as u64);
}

#[test]
fn each_version_points_at_the_previous_head_of_its_own_language() {
    let history = History::open_in_memory().unwrap();
    let be1 = history.record(save(Some("be 1"))).unwrap();
    let ru1 = history
        .record(NewVersion {
            lang: "ru",
            ..save(Some("ru 1"))
        })
        .unwrap();
    let be2 = history.record(save(Some("be 2"))).unwrap();
    let other = history
        .record(NewVersion {
            draft_id: "d2",
            ..save(Some("d2 1"))
        })
        .unwrap();

    assert_eq!(be1.parent, None);
    assert_eq!(ru1.parent, None);
    assert_eq!(be2.parent, Some(be1.id));
    assert_eq!(other.parent, None);
    assert_eq!(
        history.head("d1", "be").unwrap().map(|v| v.id),
        Some(be2.id)
    );
    assert_eq!(history.head("d1", "en").unwrap(), None);

    let log: Vec<i64> = history
        .log("d1", "be")
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(log, vec![be2.id, be1.id]);
    let all: Vec<i64> = history
        .versions_of_draft("d1")
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(all, vec![be2.id, ru1.id, be1.id]);
}

#[test]
fn a_deletion_is_a_version_without_text_and_the_file_can_come_back() {
    let history = History::open_in_memory().unwrap();
    let written = history.record(save(Some("Тэкст"))).unwrap();
    let deleted = history
        .record(NewVersion {
            origin: Origin::External,
            ..save(None)
        })
        .unwrap();
    let back = history.record(save(Some("Тэкст"))).unwrap();

    assert_eq!(deleted.hash, None);
    assert_eq!(deleted.parent, Some(written.id));
    assert_eq!(history.text(deleted.id).unwrap(), None);
    assert_eq!(history.version(deleted.id).unwrap().hash, None);
    assert_eq!(back.parent, Some(deleted.id));
    assert_eq!(history.text(back.id).unwrap().as_deref(), Some("Тэкст"));
    assert_eq!(history.stats().unwrap().texts, 1);
}

#[test]
fn tampered_text_is_reported_as_corrupt_naming_the_version() {
    let (_dir, path) = temp_db();
    let history = History::open(&path).unwrap();
    let texts = edited_texts();
    let first = history.record(save(Some(&texts[0]))).unwrap();
    let second = history.record(save(Some(&texts[1]))).unwrap();

    // Replace the first text's snapshot with a well-formed frame of some other text.
    let raw = Connection::open(&path).unwrap();
    let forged = zstd::bulk::compress("Падроблены тэкст".as_bytes(), 3).unwrap();
    let changed = raw
        .execute(
            "UPDATE texts SET data = ?1, raw_size = ?2 WHERE hash = ?3",
            rusqlite::params![
                forged,
                "Падроблены тэкст".len() as i64,
                hash_bytes(&first.hash.unwrap())
            ],
        )
        .unwrap();
    assert_eq!(changed, 1);

    for id in [first.id, second.id] {
        let err = history.text(id).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
        assert!(err.to_string().contains(&format!("version {id}")), "{err}");
    }
    // A new save must still be recordable: it no longer builds on the damaged text.
    let third = history.record(save(Some(&texts[2]))).unwrap();
    assert_eq!(
        history.text(third.id).unwrap().as_deref(),
        Some(texts[2].as_str())
    );
}

#[test]
fn garbled_compressed_bytes_are_reported_as_corrupt_not_a_panic() {
    let (_dir, path) = temp_db();
    let history = History::open(&path).unwrap();
    let v = history
        .record(save(Some("Кароткі тэкст, які будзе пашкоджаны.")))
        .unwrap();
    let raw = Connection::open(&path).unwrap();
    raw.execute("UPDATE texts SET data = x'28b52ffd00ffffffff'", [])
        .unwrap();

    let err = history.text(v.id).unwrap_err();
    assert!(matches!(err, Error::Corrupt { .. }), "{err:?}");
}

/// The 32 raw bytes of a hash, as the database stores them.
fn hash_bytes(hash: &ContentHash) -> Vec<u8> {
    let hex = hash.to_hex();
    (0..32)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

#[test]
fn every_version_of_a_200_edit_delta_chain_reads_back_exactly() {
    let history = History::open_in_memory().unwrap();
    let texts = edited_texts();
    let ids: Vec<i64> = texts
        .iter()
        .map(|text| history.record(save(Some(text))).unwrap().id)
        .collect();

    for (id, text) in ids.iter().zip(&texts) {
        assert_eq!(
            history.text(*id).unwrap().as_deref(),
            Some(text.as_str()),
            "version {id}"
        );
    }
    assert_eq!(history.stats().unwrap().texts, texts.len() as u64);
}

#[test]
fn two_hundred_small_edits_of_a_3000_word_text_take_under_120_kb_of_history() {
    let (_dir, path) = temp_db();
    let history = History::open(&path).unwrap();
    let texts = edited_texts();
    for text in &texts {
        history.record(save(Some(text))).unwrap();
    }
    history.checkpoint().unwrap();

    // The history proper: pages of the versions and texts tables and their indexes (the
    // file also holds one page per table of other features, empty here).
    let history_bytes: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT SUM(pgsize) FROM dbstat WHERE name IN \
             (SELECT name FROM sqlite_master WHERE tbl_name IN ('versions', 'texts'))",
            [],
            |row| row.get(0),
        )
        .unwrap();
    let stats = history.stats().unwrap();
    eprintln!(
        "{} versions: history pages {history_bytes} bytes; texts stored in {} bytes, {} bytes raw \
         (one text is {} bytes)",
        stats.versions,
        stats.stored_bytes,
        stats.raw_bytes,
        texts[0].len()
    );
    assert!(
        history_bytes < 120_000,
        "the history grew to {history_bytes} bytes"
    );
    // All 201 versions together take less room than one uncompressed copy of the text.
    assert!(stats.stored_bytes < texts[0].len() as u64, "{stats:?}");
}

#[test]
fn record_with_file_updates_the_known_file_in_the_same_step() {
    let history = History::open_in_memory().unwrap();
    let text = "Тэкст";
    let file = KnownFile {
        path: "2024/week-07/d1.be.md".into(),
        draft_id: "d1".into(),
        lang: "be".into(),
        hash: ContentHash::of(text.as_bytes()),
        size: text.len() as u64,
        mtime_ns: 1_700_000_000_123_456_789,
    };
    history
        .record_with_files(save(Some(text)), &[KnownFileChange::Upsert(&file)])
        .unwrap();
    assert_eq!(history.known_files().unwrap(), vec![file.clone()]);

    history
        .record_with_files(save(None), &[KnownFileChange::Remove(&file.path)])
        .unwrap();
    assert_eq!(history.known_files().unwrap(), vec![]);
    assert_eq!(history.stats().unwrap().versions, 2);
}

#[test]
fn a_failed_record_leaves_the_known_files_untouched() {
    let history = History::open_in_memory().unwrap();
    let file = KnownFile {
        path: "a.md".into(),
        draft_id: "d1".into(),
        lang: "be".into(),
        hash: ContentHash::of(b"x"),
        size: 1,
        mtime_ns: 0,
    };
    let failing = NewVersion {
        origin: Origin::Restore { from: 99 },
        ..save(Some("x"))
    };
    assert!(history
        .record_with_files(failing, &[KnownFileChange::Upsert(&file)])
        .is_err());
    assert_eq!(history.known_files().unwrap(), vec![]);
}

#[test]
fn known_files_can_be_upserted_and_removed_on_their_own() {
    let history = History::open_in_memory().unwrap();
    let mut file = KnownFile {
        path: "b.ru.md".into(),
        draft_id: "b".into(),
        lang: "ru".into(),
        hash: ContentHash::of(b"one"),
        size: 3,
        mtime_ns: -5,
    };
    history.upsert_known_file(&file).unwrap();
    file.hash = ContentHash::of(b"three");
    file.size = 5;
    history.upsert_known_file(&file).unwrap();
    assert_eq!(history.known_files().unwrap(), vec![file.clone()]);

    history.remove_known_file("b.ru.md").unwrap();
    history.remove_known_file("never-there.md").unwrap();
    assert_eq!(history.known_files().unwrap(), vec![]);
}

#[test]
fn a_path_that_is_not_workspace_relative_is_refused() {
    let history = History::open_in_memory().unwrap();
    for path in ["/abs/d1.md", "dir\\d1.md", "", "C:/d1.md"] {
        let err = history
            .record(NewVersion {
                path,
                ..save(Some("x"))
            })
            .unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{path}: {err:?}");
    }
}

#[test]
fn history_survives_reopening_the_file() {
    let (_dir, path) = temp_db();
    let id = History::open(&path)
        .unwrap()
        .record(save(Some("Захавана")))
        .unwrap()
        .id;
    let history = History::open(&path).unwrap();
    assert_eq!(history.text(id).unwrap().as_deref(), Some("Захавана"));
}

/// The migration files, in the order their names give, checked to be numbered 0001, 0002, …
fn migration_files() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(MIGRATIONS_DIR)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for (i, name) in names.iter().enumerate() {
        assert!(
            name.starts_with(&format!("{:04}_", i + 1)) && name.ends_with(".sql"),
            "misnumbered: {name}"
        );
    }
    names
        .into_iter()
        .map(|name| {
            let sql = std::fs::read_to_string(Path::new(MIGRATIONS_DIR).join(&name)).unwrap();
            (name, sql)
        })
        .collect()
}

#[test]
fn every_migration_applies_in_order_and_open_ends_at_their_count() {
    let files = migration_files();
    assert!(files.len() >= 2);

    let by_hand = Connection::open_in_memory().unwrap();
    // The search index's tokenizer is Galley's own; History registers it on every connection.
    galley_core::history::register_search_tokenizer(&by_hand).unwrap();
    for (name, sql) in &files {
        by_hand
            .execute_batch(sql)
            .unwrap_or_else(|err| panic!("{name} does not apply: {err}"));
    }

    let (_dir, path) = temp_db();
    History::open(&path).unwrap();
    assert_eq!(user_version(&path), files.len() as i64);
}

#[test]
fn a_database_at_schema_1_is_upgraded_and_keeps_its_versions() {
    let (_dir, path) = temp_db();
    {
        let old = Connection::open(&path).unwrap();
        old.execute_batch(INIT_SQL).unwrap();
        old.pragma_update(None, "user_version", 1).unwrap();
        old.execute(
            "INSERT INTO versions (draft_id, lang, path, text_id, author, at_ns, origin) \
             VALUES ('d1', 'be', 'd1.be.md', NULL, 'Alesia', 1700000000000000000, 'external')",
            [],
        )
        .unwrap();
    }

    let history = History::open(&path).unwrap();
    let old = history.head("d1", "be").unwrap().unwrap();
    assert_eq!(
        (old.hash, old.origin, old.at),
        (None, Origin::External, at(0))
    );
    let new = history.record(save(Some("Пасля абнаўлення"))).unwrap();
    assert_eq!(new.parent, Some(old.id));
    history
        .upsert_known_file(&KnownFile {
            path: "d1.be.md".into(),
            draft_id: "d1".into(),
            lang: "be".into(),
            hash: new.hash.unwrap(),
            size: 1,
            mtime_ns: 0,
        })
        .unwrap();
    drop(history);
    assert_eq!(user_version(&path), migration_files().len() as i64);
}

#[test]
fn a_database_from_a_newer_galley_is_refused() {
    let (_dir, path) = temp_db();
    History::open(&path).unwrap();
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();

    let err = History::open(&path).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("newer Galley"), "{err}");
    assert_eq!(user_version(&path), 999);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_error() {
    let (_dir, path) = temp_db();
    std::fs::write(
        &path,
        "this is a shopping list, not a database\n".repeat(200),
    )
    .unwrap();

    let err = History::open(&path).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("not a Galley history database"),
        "{message}"
    );
    assert!(message.contains("history.sqlite"), "{message}");
}

#[test]
fn a_database_in_a_missing_folder_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("history.sqlite");
    let err = History::open(&path).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
}

#[test]
fn only_a_deletion_found_outside_galley_is_listed_and_can_be_signed_by_who_deleted() {
    let history = History::open_in_memory().unwrap();
    let found = |text: Option<&'static str>, author: &'static str| NewVersion {
        author,
        origin: Origin::External,
        ..save(text)
    };
    let text = history.record(found(Some("адзін"), "Bela")).unwrap();
    let older = history.record(found(None, "Bela")).unwrap();
    history.record(found(Some("два"), "Bela")).unwrap();
    let deletion = history.record(found(None, "Bela")).unwrap();
    let saved_deletion = history
        .record(NewVersion {
            draft_id: "d2",
            ..save(None)
        })
        .unwrap();

    // Only the newest deletion of each language version, found outside Galley by Bela.
    let listed: Vec<i64> = history
        .deletions_found_by("Bela", 0)
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(listed, vec![deletion.id]);
    assert!(history
        .deletions_found_by("Bela", deletion.id)
        .unwrap()
        .is_empty());
    assert!(history.deletions_found_by("Alena", 0).unwrap().is_empty());

    history
        .sign_deletions(&[(deletion.id, "Alena", at(-60))])
        .unwrap();
    assert_eq!(
        history.version(deletion.id).unwrap(),
        Version {
            author: "Alena".into(),
            at: at(-60),
            ..deletion
        }
    );
    assert_eq!(history.version(older.id).unwrap(), older);

    // A text, or a deletion saved from Galley, keeps the signature it was made with; a refused
    // batch changes nothing.
    for kept in [&text, &saved_deletion] {
        let err = history
            .sign_deletions(&[(older.id, "Alena", at(-1)), (kept.id, "Alena", at(-1))])
            .unwrap_err();
        assert!(
            err.to_string().contains(&format!("version {}", kept.id)),
            "{err}"
        );
        assert_eq!(&history.version(kept.id).unwrap(), kept);
        assert_eq!(history.version(older.id).unwrap(), older);
    }
}
