-- Galley history, schema 3: translation status and minor source edits.
-- Both are append-only event logs; `translation_state` is the current status per language
-- version, kept in the same transaction as the event it copies, so reading the grid needs no
-- scan of the log.

-- One row per status change of a language version that is a translation. `status` is one of
-- 'in_progress', 'in_review', 'done' ('missing' is never stored: it means there is no file).
-- `source_lang` is the language it was translated from when the status was set; `base` is the
-- version of that language the translation matches (set by 'done' and by starting a
-- translation, carried over by the other statuses).
CREATE TABLE translation_events (
    id          INTEGER PRIMARY KEY,
    draft_id    TEXT    NOT NULL,
    lang        TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('in_progress', 'in_review', 'done')),
    source_lang TEXT    NOT NULL,
    base        INTEGER REFERENCES versions (id),
    author      TEXT    NOT NULL,
    at_ns       INTEGER NOT NULL,
    note        TEXT
);

CREATE INDEX translation_events_by_draft ON translation_events (draft_id, lang, id);

-- The newest event per (draft, language).
CREATE TABLE translation_state (
    draft_id TEXT    NOT NULL,
    lang     TEXT    NOT NULL,
    event_id INTEGER NOT NULL REFERENCES translation_events (id),
    PRIMARY KEY (draft_id, lang)
) WITHOUT ROWID;

-- Marks and unmarks of versions as minor (a typo fix that does not make translations outdated).
-- The newest row per version decides.
CREATE TABLE minor_marks (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES versions (id),
    minor      INTEGER NOT NULL CHECK (minor IN (0, 1)),
    author     TEXT    NOT NULL,
    at_ns      INTEGER NOT NULL
);

CREATE INDEX minor_marks_by_version ON minor_marks (version_id, id);

-- What the translation grid needs from each draft's front matter, with the file's size and
-- modification time when it was read: a file whose size and time are unchanged is not parsed
-- again (the same signal `known_files` uses). A cache: emptying it loses nothing.
CREATE TABLE front_matter_cache (
    path           TEXT    PRIMARY KEY,
    size           INTEGER NOT NULL,
    mtime_ns       INTEGER NOT NULL,
    draft_id       TEXT    NOT NULL,
    lang           TEXT    NOT NULL,
    translation_of TEXT,
    issue          TEXT,
    title          TEXT    NOT NULL,
    paragraphs     INTEGER NOT NULL CHECK (paragraphs >= 0)
) WITHOUT ROWID;
