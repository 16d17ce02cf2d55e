//! Schema migrations: numbered SQL files embedded at compile time and tracked with
//! `PRAGMA user_version`. The list is append-only; a released file is never edited.

use crate::error::{Error, Result};
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Migration `i` (0-based) brings the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_known_files.sql"),
    include_str!("migrations/0003_translations.sql"),
    include_str!("migrations/0004_editorial.sql"),
    include_str!("migrations/0005_search.sql"),
    include_str!("migrations/0006_listing_cache.sql"),
    include_str!("migrations/0007_index_state.sql"),
    include_str!("migrations/0008_search_fold.sql"),
    include_str!("migrations/0009_local_state.sql"),
];

/// The schema version this build of Galley writes.
pub(super) const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to `LATEST` in one transaction, or refuses one written by a newer
/// Galley. `describe` names the database in errors.
pub(super) fn migrate(conn: &mut Connection, describe: &str) -> Result<()> {
    // IMMEDIATE so two processes opening the same old database cannot both migrate it.
    let tx = Transaction::new(conn, TransactionBehavior::Immediate)?;
    // Read again under the lock: another process may have migrated since we last looked.
    let current = schema_version(&tx, describe)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}

/// The database's schema version, refusing one this Galley cannot read. Called before anything
/// is changed (even the journal mode) so a newer Galley's database is left exactly as it was.
pub(super) fn schema_version(conn: &Connection, describe: &str) -> Result<i64> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > LATEST {
        return Err(Error::invalid(
            describe,
            format!(
                "it was written by a newer Galley (schema version {current}; this Galley knows up \
                 to {LATEST}). Update Galley to open it"
            ),
        ));
    }
    if current < 0 {
        return Err(Error::Corrupt {
            what: format!("{describe} has a negative schema version ({current})"),
        });
    }
    Ok(current)
}
