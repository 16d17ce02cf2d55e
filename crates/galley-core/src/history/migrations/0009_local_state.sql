-- Galley history, schema 9: the team's records moved into journal files in the workspace
-- (`.galley/journal/<writer>.jsonl`); the tables of schemas 3 and 4 and `versions.label` are
-- only read once more, to move what a previous release recorded into this writer's journal.

-- Facts about this installation that must not travel: which journal is this machine's, and
-- whether the old records were moved into it.
CREATE TABLE local_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
