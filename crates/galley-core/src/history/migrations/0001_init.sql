-- Galley history, schema 1: deduplicated texts and the versions that point at them.
-- Append-only: never edit this file once released; add a new numbered file instead.

-- One row per distinct text, named by its SHA-256. `data` is a zstd frame; when `base` is set it
-- was compressed with the full text of `base` as a raw-content dictionary, so reading it means
-- resolving the chain down to a snapshot (base IS NULL). `depth` counts the links to that snapshot.
CREATE TABLE texts (
    id       INTEGER PRIMARY KEY,
    hash     BLOB    NOT NULL UNIQUE CHECK (length(hash) = 32),
    base     INTEGER REFERENCES texts (id),
    depth    INTEGER NOT NULL CHECK (depth >= 0),
    raw_size INTEGER NOT NULL CHECK (raw_size >= 0),
    data     BLOB    NOT NULL,
    CHECK ((base IS NULL) = (depth = 0))
);

-- One row per recorded version of a language version of a draft. `text_id` NULL means the file
-- was deleted. `origin` is one of 'save', 'external', 'restore', 'conflict', 'import';
-- only 'restore' carries `restored_from`. `at_ns` is Unix time in nanoseconds, UTC.
CREATE TABLE versions (
    id            INTEGER PRIMARY KEY,
    draft_id      TEXT    NOT NULL,
    lang          TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    text_id       INTEGER REFERENCES texts (id),
    author        TEXT    NOT NULL,
    at_ns         INTEGER NOT NULL,
    label         TEXT,
    parent        INTEGER REFERENCES versions (id),
    origin        TEXT    NOT NULL
        CHECK (origin IN ('save', 'external', 'restore', 'conflict', 'import')),
    restored_from INTEGER REFERENCES versions (id),
    CHECK ((origin = 'restore') = (restored_from IS NOT NULL))
);

CREATE INDEX versions_by_draft ON versions (draft_id, lang, id);
