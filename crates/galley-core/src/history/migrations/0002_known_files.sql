-- Galley history, schema 2: the files the folder reconciler last saw, so a rescan can tell
-- changed files from untouched ones without reading them. Updated in the same transaction as
-- the version it accompanies.
CREATE TABLE known_files (
    path     TEXT    PRIMARY KEY,
    draft_id TEXT    NOT NULL,
    lang     TEXT    NOT NULL,
    hash     BLOB    NOT NULL CHECK (length(hash) = 32),
    size     INTEGER NOT NULL CHECK (size >= 0),
    mtime_ns INTEGER NOT NULL
) WITHOUT ROWID;
