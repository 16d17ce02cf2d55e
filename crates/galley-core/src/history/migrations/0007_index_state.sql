-- Galley history, schema 7: a cheap "is the search index behind?" check. Every change to the
-- known-files table counts one up `known_changes` (triggers, so every writer and every process
-- counts); the search records the count it last caught up to. Equal counts mean nothing to
-- index: one row read instead of a join over every known file before each search.
CREATE TABLE index_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    known_changes INTEGER NOT NULL,
    caught_up_to  INTEGER NOT NULL
);
-- Caught up to -1: the first search after the upgrade compares every file once.
INSERT INTO index_state (id, known_changes, caught_up_to) VALUES (1, 0, -1);

CREATE TRIGGER known_files_inserted AFTER INSERT ON known_files
BEGIN
    UPDATE index_state SET known_changes = known_changes + 1 WHERE id = 1;
END;
CREATE TRIGGER known_files_updated AFTER UPDATE ON known_files
BEGIN
    UPDATE index_state SET known_changes = known_changes + 1 WHERE id = 1;
END;
CREATE TRIGGER known_files_deleted AFTER DELETE ON known_files
BEGIN
    UPDATE index_state SET known_changes = known_changes + 1 WHERE id = 1;
END;
