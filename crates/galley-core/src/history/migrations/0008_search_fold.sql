-- Galley history, schema 8: the search index folds ё into е (Russian and Belarusian writers
-- often type е for ё). Same columns and ranking as schema 5; only the tokenizer changes, to
-- `galley_fold` (unicode61 plus that folding; Galley registers it on every connection). The
-- index is rebuilt from its stored rows, so nothing is read from disk.
DROP TABLE search_text;
CREATE VIRTUAL TABLE search_text USING fts5(
    title, lead, body, lang, issue, section, authors, trend, status,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'galley_fold remove_diacritics 2'
);
INSERT INTO search_text (search_text, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 0, 0, 0, 0, 0, 0)');
INSERT INTO search_text (search_text) VALUES ('rebuild');
