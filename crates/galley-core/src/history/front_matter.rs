//! The front-matter cache: what the folder model keeps of each draft's front matter, by path,
//! size and modification time, so a listing parses only the drafts that changed.

use super::History;
use crate::error::Result;
use rusqlite::params;

/// What the translation grid keeps of a draft's front matter (see `front_matter_cache`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterEntry {
    /// Workspace-relative, with '/' separators.
    pub path: String,
    pub size: u64,
    pub mtime_ns: i64,
    pub draft_id: String,
    pub lang: String,
    pub translation_of: Option<String>,
    /// The issue week as written, e.g. `2020-W20`.
    pub issue: Option<String>,
    pub title: String,
    /// How many paragraphs the body has.
    pub paragraphs: u32,
    /// The trend as written (`improved`, ...).
    pub trend: Option<String>,
    pub section: Option<String>,
    pub authors: Vec<String>,
    /// How many words the body has (`draft::count_words`).
    pub words: u32,
}

/// Joins the authors in the cache's `authors` column (no name contains it).
const AUTHOR_SEPARATOR: char = '\u{1f}';

impl History {
    /// Every cached front matter entry.
    pub fn front_matter_entries(&self) -> Result<Vec<FrontMatterEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, size, mtime_ns, draft_id, lang, translation_of, issue, title, paragraphs, \
             trend, section, authors, words FROM front_matter_cache",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok(FrontMatterEntry {
                    path: row.get(0)?,
                    size: u64::try_from(row.get::<_, i64>(1)?).unwrap_or(u64::MAX),
                    mtime_ns: row.get(2)?,
                    draft_id: row.get(3)?,
                    lang: row.get(4)?,
                    translation_of: row.get(5)?,
                    issue: row.get(6)?,
                    title: row.get(7)?,
                    paragraphs: row.get(8)?,
                    trend: row.get(9)?,
                    section: row.get(10)?,
                    authors: row
                        .get::<_, String>(11)?
                        .split(AUTHOR_SEPARATOR)
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect(),
                    words: row.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Stores fresh entries and forgets the paths that are gone, in one transaction.
    pub fn update_front_matter_entries(
        &self,
        fresh: &[FrontMatterEntry],
        gone: &[String],
    ) -> Result<()> {
        if fresh.is_empty() && gone.is_empty() {
            return Ok(());
        }
        let tx = self.write()?;
        for e in fresh {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO front_matter_cache \
                 (path, size, mtime_ns, draft_id, lang, translation_of, issue, title, paragraphs, \
                  trend, section, authors, words) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                e.path,
                i64::try_from(e.size).unwrap_or(i64::MAX),
                e.mtime_ns,
                e.draft_id,
                e.lang,
                e.translation_of,
                e.issue,
                e.title,
                e.paragraphs,
                e.trend,
                e.section,
                e.authors.join(&AUTHOR_SEPARATOR.to_string()),
                e.words,
            ])?;
        }
        for path in gone {
            tx.prepare_cached("DELETE FROM front_matter_cache WHERE path = ?1")?
                .execute([path])?;
        }
        tx.commit()?;
        Ok(())
    }
}
