-- Galley history, schema 5: the full-text search index over the current text of every language
-- version, and the record of files brought in by `galley import`. Both are rebuilt or consulted
-- from the files; neither is history (nothing here is append-only).
--
-- One row per indexed file: its identity and the column values the FTS table indexes. The FTS
-- table reads its content from here (external content), so a save replaces exactly one row by
-- id and a rebuild can empty both without tokenizing anything.
CREATE TABLE search_docs (
    id       INTEGER PRIMARY KEY,
    path     TEXT    NOT NULL UNIQUE,
    draft_id TEXT    NOT NULL,
    hash     BLOB    NOT NULL CHECK (length(hash) = 32),
    title    TEXT    NOT NULL,
    lead     TEXT    NOT NULL,
    body     TEXT    NOT NULL,
    lang     TEXT    NOT NULL,
    issue    TEXT    NOT NULL,
    section  TEXT    NOT NULL,
    authors  TEXT    NOT NULL,
    trend    TEXT    NOT NULL,
    status   TEXT    NOT NULL
);

-- The searchable text plus the filter columns, so filters are part of the MATCH expression
-- (`lang : "be" AND (...)`). unicode61 splits on anything that is not a letter or digit in any
-- script and folds Latin diacritics (café = cafe); Cyrillic letters are kept as they are.
CREATE VIRTUAL TABLE search_text USING fts5(
    title, lead, body, lang, issue, section, authors, trend, status,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Title outweighs lead outweighs body; filter columns never add to the score.
INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0, 0, 0, 0, 0, 0)');

-- Every file `galley import` brought in, by its absolute source path, so running the import
-- again skips what it already did. `group_key` ties the language versions of one commentary
-- (same folder, same name apart from the language suffix) to one draft id.
CREATE TABLE import_sources (
    source     TEXT    PRIMARY KEY,
    hash       BLOB    NOT NULL CHECK (length(hash) = 32),
    group_key  TEXT    NOT NULL,
    draft_id   TEXT    NOT NULL,
    lang       TEXT    NOT NULL,
    path       TEXT    NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id)
) WITHOUT ROWID;
