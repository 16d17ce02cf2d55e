//! The search index's storage: one FTS5 row per indexed file, keyed through `search_docs` so a
//! save replaces exactly one row. Building the MATCH expression is `crate::search`'s job; this
//! module only stores documents and runs the query it is given.

use super::content::hash_to_blob;
use super::History;
use crate::error::Result;
use crate::hash::ContentHash;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// What the index holds for one file: its text columns and its filter columns.
#[derive(Debug, Clone, Copy)]
pub struct IndexDoc<'a> {
    /// Workspace-relative, with '/' separators.
    pub path: &'a str,
    pub draft_id: &'a str,
    pub lang: &'a str,
    pub hash: ContentHash,
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a str,
    /// `2024-W18`, or empty.
    pub issue: &'a str,
    pub section: &'a str,
    /// The authors joined by `; `.
    pub authors: &'a str,
    pub trend: &'a str,
    /// The translation status (`in-progress`, ...), or empty.
    pub status: &'a str,
}

/// What `History::index_behind` found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexBehind {
    pub stale: Vec<(String, ContentHash)>,
    /// The count of known-file changes this answer covers, to pass to
    /// `History::index_caught_up` once every stale file is indexed; `None` when the index had
    /// already caught up (then `stale` is empty).
    pub mark: Option<i64>,
}

/// One row the index returned, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexHit {
    pub path: String,
    pub draft_id: String,
    pub lang: String,
    pub title: String,
    pub issue: String,
    pub section: String,
    pub authors: String,
    pub trend: String,
    pub status: String,
    /// The title with matches between the markers.
    pub title_marked: String,
    /// The best fragment of the body (or the lead when the body has no match), with matches
    /// between the markers.
    pub snippet_marked: String,
    /// bm25: lower is better.
    pub score: f64,
}

/// The strings `snippet()` and `highlight()` put around each match.
#[derive(Debug, Clone, Copy)]
pub struct Markers<'a> {
    pub open: &'a str,
    pub close: &'a str,
    pub ellipsis: &'a str,
    /// How many tokens a snippet holds at most.
    pub tokens: u32,
}

impl History {
    /// Adds or replaces the index row for `doc.path`, in one transaction.
    pub fn index_doc(&self, doc: &IndexDoc<'_>) -> Result<()> {
        self.index_write(|tx| {
            remove(tx, doc.path)?;
            insert(tx, doc)
        })
    }

    /// Removes the index row for `path`; nothing happens if there is none.
    pub fn unindex_path(&self, path: &str) -> Result<()> {
        self.index_write(|tx| remove(tx, path))
    }

    /// The hash of the text indexed for `path`, if it is indexed.
    pub fn indexed_hash(&self, path: &str) -> Result<Option<ContentHash>> {
        let blob: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT hash FROM search_docs WHERE path = ?1")?
            .query_row([path], |row| row.get(0))
            .optional()?;
        Ok(blob.and_then(|b| super::content::hash_from_blob(&b)))
    }

    /// Where the index is behind the files history knows: the paths to (re)index, with the hash
    /// of the text as recorded. When no known file changed since the index last caught up this
    /// is one row read; otherwise one join over the known files. (Files that leave history
    /// leave the index in the same transaction.)
    pub fn index_behind(&self) -> Result<IndexBehind> {
        let (changes, caught_up): (i64, i64) = self
            .conn
            .prepare_cached("SELECT known_changes, caught_up_to FROM index_state WHERE id = 1")?
            .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        if changes == caught_up {
            return Ok(IndexBehind::default());
        }
        let mut behind = IndexBehind {
            stale: Vec::new(),
            mark: Some(changes),
        };
        let mut stale = self.conn.prepare_cached(
            "SELECT k.path, k.hash FROM known_files k LEFT JOIN search_docs d ON d.path = k.path \
             WHERE d.hash IS NULL OR d.hash != k.hash",
        )?;
        let rows = stale.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Vec<u8>>(1)?))
        })?;
        for row in rows {
            let (path, hash) = row?;
            if let Some(hash) = super::content::hash_from_blob(&hash) {
                behind.stale.push((path, hash));
            }
        }
        Ok(behind)
    }

    /// Records that the index holds every change up to `mark` (from `index_behind`). A later
    /// mark is never moved back.
    pub fn index_caught_up(&self, mark: i64) -> Result<()> {
        self.index_write(|tx| {
            tx.prepare_cached(
                "UPDATE index_state SET caught_up_to = ?1 WHERE id = 1 AND caught_up_to < ?1",
            )?
            .execute([mark])?;
            Ok(())
        })
    }

    /// Runs `change` to the index in one transaction committed without waiting for the disk
    /// (`synchronous = NORMAL`): the index is not history, and an index change a power cut
    /// loses is redone by the next search, which compares the indexed hashes with history's.
    /// (WAL keeps commits in order, so the caught-up mark is never kept without the rows.)
    fn index_write<T>(&self, change: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let result = self.write().and_then(|tx| {
            let value = change(&tx)?;
            tx.commit()?;
            Ok(value)
        });
        let restored = self.conn.pragma_update(None, "synchronous", "FULL");
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Starts replacing the whole index: everything added through the returned rebuild is
    /// visible only after `finish`, and nothing changes if it is dropped unfinished.
    ///
    /// A rebuild is one long transaction that tokenizes every file, so it is set up for bulk:
    /// committed without waiting for the disk (`synchronous = NORMAL`, as for every index
    /// change; WAL keeps the database whole either way, and a lost rebuild is redone by the next
    /// search), and with a large FTS5 buffer of pending terms, so FTS5 writes a few large
    /// segments instead of hundreds of small ones it would then merge and merge again.
    pub fn rebuild_index(&self) -> Result<IndexRebuild<'_>> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let mut rebuild = IndexRebuild {
            conn: &self.conn,
            tx: None,
        };
        let tx = self.write()?;
        tx.execute("DELETE FROM search_docs", [])?;
        tx.execute(
            "INSERT INTO search_text (search_text) VALUES ('delete-all')",
            [],
        )?;
        set_fts_option(&tx, "hashsize", REBUILD_HASH_SIZE)?;
        rebuild.tx = Some(tx);
        Ok(rebuild)
    }

    /// Runs a MATCH expression built by `crate::search`, best first.
    pub fn search_index(
        &self,
        expression: &str,
        limit: u32,
        markers: Markers<'_>,
    ) -> Result<Vec<IndexHit>> {
        // The inner query lets FTS5 sort by rank and stop at `limit`, so snippets are made
        // only for the rows returned.
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.path, d.draft_id, d.lang, t.title, t.issue, t.section, t.authors, t.trend, \
                    t.status, t.title_marked, t.body_marked, t.lead_marked, t.rank \
             FROM (SELECT rowid, title, issue, section, authors, trend, status, rank, \
                          highlight(search_text, 0, ?3, ?4) AS title_marked, \
                          snippet(search_text, 2, ?3, ?4, ?5, ?6) AS body_marked, \
                          snippet(search_text, 1, ?3, ?4, ?5, ?6) AS lead_marked \
                   FROM search_text WHERE search_text MATCH ?1 ORDER BY rank LIMIT ?2) AS t \
             JOIN search_docs d ON d.id = t.rowid \
             ORDER BY t.rank",
        )?;
        let rows = stmt.query_map(
            params![
                expression,
                limit,
                markers.open,
                markers.close,
                markers.ellipsis,
                markers.tokens
            ],
            |row| {
                let body: String = row.get(10)?;
                let lead: String = row.get(11)?;
                let snippet_marked = if !body.contains(markers.open) && lead.contains(markers.open)
                {
                    lead
                } else {
                    body
                };
                Ok(IndexHit {
                    path: row.get(0)?,
                    draft_id: row.get(1)?,
                    lang: row.get(2)?,
                    title: row.get(3)?,
                    issue: row.get(4)?,
                    section: row.get(5)?,
                    authors: row.get(6)?,
                    trend: row.get(7)?,
                    status: row.get(8)?,
                    title_marked: row.get(9)?,
                    snippet_marked,
                    score: row.get(12)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// FTS5's buffer of pending terms during a rebuild (its default is 1 MiB). Memory only while
/// a rebuild runs; the buffer is flushed to one segment each time it fills.
const REBUILD_HASH_SIZE: i64 = 64 * 1024 * 1024;
const DEFAULT_HASH_SIZE: i64 = 1024 * 1024;

/// A whole-index rebuild in progress (one transaction).
pub struct IndexRebuild<'h> {
    conn: &'h Connection,
    /// `None` only once finished.
    tx: Option<Transaction<'h>>,
}

impl IndexRebuild<'_> {
    pub fn add(&self, doc: &IndexDoc<'_>) -> Result<()> {
        match &self.tx {
            Some(tx) => insert(tx, doc),
            None => Ok(()),
        }
    }

    /// Commits the new index, merged into one segment: searches then read one list per term
    /// instead of merging the lists of every segment the bulk insert wrote. (With the large
    /// buffer those are few, so the merge is one pass over the index.)
    pub fn finish(mut self) -> Result<()> {
        if let Some(tx) = self.tx.take() {
            set_fts_option(&tx, "hashsize", DEFAULT_HASH_SIZE)?;
            tx.execute(
                "INSERT INTO search_text (search_text) VALUES ('optimize')",
                [],
            )?;
            tx.commit()?;
        }
        Ok(())
    }
}

impl Drop for IndexRebuild<'_> {
    /// Rolls an unfinished rebuild back, then restores the durability every other write has.
    fn drop(&mut self) {
        drop(self.tx.take());
        // Nothing to report to; should it fail, WAL still keeps the database whole, and only
        // the last commits' durability is at stake until the next index write restores it.
        let _ = self.conn.pragma_update(None, "synchronous", "FULL");
    }
}

/// Sets one of FTS5's persistent options on the search index.
fn set_fts_option(conn: &Connection, option: &str, value: i64) -> Result<()> {
    conn.prepare_cached("INSERT INTO search_text (search_text, rank) VALUES (?1, ?2)")?
        .execute(params![option, value])?;
    Ok(())
}

const COLUMNS: &str = "title, lead, body, lang, issue, section, authors, trend, status";

pub(super) fn remove(conn: &Connection, path: &str) -> Result<()> {
    let id: Option<i64> = conn
        .prepare_cached("SELECT id FROM search_docs WHERE path = ?1")?
        .query_row([path], |row| row.get(0))
        .optional()?;
    if let Some(id) = id {
        // External content: FTS5 forgets a row when told its old values.
        conn.prepare_cached(&format!(
            "INSERT INTO search_text (search_text, rowid, {COLUMNS}) \
             SELECT 'delete', id, {COLUMNS} FROM search_docs WHERE id = ?1"
        ))?
        .execute([id])?;
        conn.prepare_cached("DELETE FROM search_docs WHERE id = ?1")?
            .execute([id])?;
    }
    Ok(())
}

fn insert(conn: &Connection, doc: &IndexDoc<'_>) -> Result<()> {
    conn.prepare_cached(&format!(
        "INSERT INTO search_docs (path, draft_id, hash, {COLUMNS}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        doc.path,
        doc.draft_id,
        hash_to_blob(&doc.hash),
        doc.title,
        doc.lead,
        doc.body,
        doc.lang,
        doc.issue,
        doc.section,
        doc.authors,
        doc.trend,
        doc.status
    ])?;
    // One row of plain VALUES, not `INSERT ... SELECT` from the row just written: a statement
    // that may write several rows opens a savepoint, and FTS5 flushes its buffer of pending
    // terms to a new segment at every savepoint, so a rebuild would write (and then merge)
    // one segment per file.
    conn.prepare_cached(&format!(
        "INSERT INTO search_text (rowid, {COLUMNS}) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    ))?
    .execute(params![
        conn.last_insert_rowid(),
        doc.title,
        doc.lead,
        doc.body,
        doc.lang,
        doc.issue,
        doc.section,
        doc.authors,
        doc.trend,
        doc.status
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NORMAL: i64 = 1;
    const FULL: i64 = 2;

    fn synchronous(history: &History) -> i64 {
        history
            .conn
            .query_row("PRAGMA synchronous", [], |row| row.get(0))
            .unwrap()
    }

    fn hash_size(history: &History) -> Option<i64> {
        history
            .conn
            .query_row(
                "SELECT v FROM search_text_config WHERE k = 'hashsize'",
                [],
                |row| row.get(0),
            )
            .optional()
            .unwrap()
    }

    #[test]
    fn saves_are_fully_durable_again_after_a_rebuild_finishes_or_is_abandoned() {
        let history = History::open_in_memory().unwrap();
        let rebuild = history.rebuild_index().unwrap();
        assert_eq!(synchronous(&history), NORMAL);
        rebuild.finish().unwrap();
        assert_eq!(synchronous(&history), FULL);
        drop(history.rebuild_index().unwrap());
        assert_eq!(synchronous(&history), FULL);
    }

    #[test]
    fn only_a_rebuild_uses_the_large_term_buffer() {
        let history = History::open_in_memory().unwrap();
        let rebuild = history.rebuild_index().unwrap();
        assert_eq!(hash_size(&history), Some(REBUILD_HASH_SIZE));
        rebuild.finish().unwrap();
        assert_eq!(hash_size(&history), Some(DEFAULT_HASH_SIZE));
        drop(history.rebuild_index().unwrap());
        assert_ne!(hash_size(&history), Some(REBUILD_HASH_SIZE));
    }
}
