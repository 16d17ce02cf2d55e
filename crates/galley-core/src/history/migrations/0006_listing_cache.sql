-- Galley history, schema 6: the front-matter cache also serves the library list (`galley list`,
-- the app's library), so listing an archive of 20,000 files parses only the files that changed
-- since the last listing. The new columns are what a list row shows beyond the grid's needs.
-- Rows written before lack them: a cache, so it is emptied and refills on the next listing.
ALTER TABLE front_matter_cache ADD COLUMN trend TEXT;
ALTER TABLE front_matter_cache ADD COLUMN section TEXT;
-- The authors joined by U+001F (a control character no name contains).
ALTER TABLE front_matter_cache ADD COLUMN authors TEXT NOT NULL DEFAULT '';
ALTER TABLE front_matter_cache ADD COLUMN words INTEGER NOT NULL DEFAULT 0 CHECK (words >= 0);
DELETE FROM front_matter_cache;
