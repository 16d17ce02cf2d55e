-- Galley history, schema 4: the editorial workflow of commentaries.
-- Both tables are append-only logs. A commentary's editorial status is its newest event (none
-- means draft); notes are remarks among editors that never go into the published text.

-- One row per status change of a commentary (all its language versions at once). `status` is
-- one of 'draft', 'in_review', 'approved'; `note` is the optional reason given with it.
CREATE TABLE editorial_events (
    id       INTEGER PRIMARY KEY,
    draft_id TEXT    NOT NULL,
    status   TEXT    NOT NULL CHECK (status IN ('draft', 'in_review', 'approved')),
    author   TEXT    NOT NULL,
    at_ns    INTEGER NOT NULL,
    note     TEXT
);

CREATE INDEX editorial_events_by_draft ON editorial_events (draft_id, id);

-- One row per editorial note on a commentary.
CREATE TABLE editorial_notes (
    id       INTEGER PRIMARY KEY,
    draft_id TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    at_ns    INTEGER NOT NULL,
    text     TEXT    NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE INDEX editorial_notes_by_draft ON editorial_notes (draft_id, id);
