//! The content store: each distinct text is kept once, named by its SHA-256, as a zstd frame.
//!
//! A new text is compressed with an earlier text of the same language version as a raw-content
//! dictionary, so a small edit costs tens of bytes instead of a copy. Which earlier text is
//! decided by `delta_base`: usually the previous one, but every `STRIDE`-th text builds on the
//! text `STRIDE` before it, and every `STRIDE`²-th is a plain snapshot. That bounds a read to
//! `MAX_DEPTH` frames without paying for a full snapshot every `STRIDE` versions (a snapshot of a
//! 3,000-word text is ~10 KB; a delta over 32 small edits is ~1 KB). A text is also stored as a
//! snapshot whenever that is not larger than its delta. Every read is checked against its hash.

use crate::error::{Error, Result};
use crate::hash::ContentHash;
use rusqlite::{params, Connection, OptionalExtension};

/// See the module docs: the spacing of the two levels of the delta chains.
const STRIDE: i64 = 32;

/// The longest chain the schedule produces (up to `STRIDE - 1` steps at each of two levels).
/// Texts repeated out of order (restores) can make a base deeper than the schedule expects;
/// past this a snapshot is stored instead.
const MAX_DEPTH: i64 = 2 * STRIDE;

/// zstd level for snapshots: measured on a 3,000-word text, 12 stores the same as 19 in under
/// half the time.
const LEVEL: i32 = 12;

/// zstd level for deltas, which run on every save. Measured with the foundation benchmark (200
/// edits of a 3,000-word text): level 12 stores 16 KB at ~4 ms a save, 9 stores 30 KB at ~0.6 ms,
/// 3 stores 49 KB. 9 keeps saves fast and history well under git's packed size.
const DELTA_LEVEL: i32 = 9;

/// Bases shorter than this are not worth a dictionary (zstd ignores raw dictionaries under 8
/// bytes when compressing, so staying well clear keeps both sides in agreement).
const MIN_BASE_LEN: usize = 64;

/// No stored text is believed to be larger than this; a bigger recorded size means damage, and
/// refusing it avoids allocating whatever a damaged row claims.
const MAX_TEXT_BYTES: i64 = 256 * 1024 * 1024;

/// The hash as the 32 bytes stored in the database.
pub(super) fn hash_to_blob(hash: &ContentHash) -> Vec<u8> {
    hash.as_bytes().to_vec()
}

/// The hash from its stored bytes, or `None` if they are not 32 bytes.
pub(super) fn hash_from_blob(bytes: &[u8]) -> Option<ContentHash> {
    ContentHash::from_bytes(bytes)
}

/// Which earlier text the `ordinal`-th text (0-based, counting every version with text) of a
/// language version is compressed against, as an ordinal of the same sequence; `None` means a
/// snapshot.
pub(super) fn delta_base(ordinal: i64) -> Option<i64> {
    if ordinal <= 0 || ordinal % (STRIDE * STRIDE) == 0 {
        None
    } else if ordinal % STRIDE == 0 {
        Some(ordinal - STRIDE)
    } else {
        Some(ordinal - 1)
    }
}

/// Stores `text` unless a text with the same hash is already there; returns its row id.
/// `base` is the row id of the text `delta_base` chose, if any.
pub(super) fn store(
    conn: &Connection,
    text: &str,
    hash: &ContentHash,
    base: Option<i64>,
) -> Result<i64> {
    if let Some(id) = find(conn, hash)? {
        return Ok(id);
    }

    let delta = match base {
        Some(base) => delta_against(conn, base, text)?,
        None => None,
    };
    // A delta under a sixteenth of the text can't lose to a snapshot: skip compressing both.
    let (base, depth, data) = match delta {
        Some((base, depth, delta)) if delta.len() * 16 < text.len() => (Some(base), depth, delta),
        delta => {
            let snapshot = zstd::bulk::compress(text.as_bytes(), LEVEL).map_err(compress_failed)?;
            match delta {
                Some((base, depth, delta)) if delta.len() < snapshot.len() => {
                    (Some(base), depth, delta)
                }
                _ => (None, 0, snapshot),
            }
        }
    };
    conn.prepare_cached(
        "INSERT INTO texts (hash, base, depth, raw_size, data) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        hash_to_blob(hash),
        base,
        depth,
        text.len() as i64,
        data
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Compresses `text` against the text in row `base`, returning `(base, depth, frame)`, or `None`
/// when the chain is long enough or the base is unusable (too short, or damaged: a new version
/// must still be recordable, and a snapshot does not depend on the damaged row).
fn delta_against(conn: &Connection, base: i64, text: &str) -> Result<Option<(i64, i64, Vec<u8>)>> {
    let depth: Option<i64> = conn
        .prepare_cached("SELECT depth FROM texts WHERE id = ?1")?
        .query_row([base], |row| row.get(0))
        .optional()?;
    let Some(depth) = depth.filter(|d| d + 1 < MAX_DEPTH) else {
        return Ok(None);
    };
    let base_text = match load(conn, base, &format!("text #{base}")) {
        Ok((_, text)) => text,
        Err(Error::Corrupt { .. }) => return Ok(None),
        Err(other) => return Err(other),
    };
    if base_text.len() < MIN_BASE_LEN {
        return Ok(None);
    }
    // The base is UTF-8 text, so it can never begin with zstd's dictionary magic number
    // (37 A4 30 EC): zstd always takes it as raw content, which is what the reader assumes.
    let mut compressor = zstd::bulk::Compressor::with_dictionary(DELTA_LEVEL, base_text.as_bytes())
        .map_err(compress_failed)?;
    let frame = compressor
        .compress(text.as_bytes())
        .map_err(compress_failed)?;
    Ok(Some((base, depth + 1, frame)))
}

fn compress_failed(err: std::io::Error) -> Error {
    Error::invalid(
        "a text being recorded",
        format!("zstd could not compress it: {err}"),
    )
}

/// Reads the text in row `id`, resolving its delta chain, and verifies it against its hash.
/// `describe` names what is being read ("the text of version 12") in errors.
pub(super) fn load(conn: &Connection, id: i64, describe: &str) -> Result<(ContentHash, String)> {
    let corrupt = |why: String| Error::Corrupt {
        what: format!("{describe} {why}"),
    };
    let mut select =
        conn.prepare_cached("SELECT hash, base, raw_size, data FROM texts WHERE id = ?1")?;

    // Walk from the wanted text down to its snapshot, then decompress back up.
    let mut links: Vec<(i64, Vec<u8>)> = Vec::new();
    let mut name = None;
    let mut next = Some(id);
    while let Some(row_id) = next {
        if links.len() as i64 > MAX_DEPTH {
            return Err(corrupt(format!(
                "has a delta chain longer than {MAX_DEPTH} links"
            )));
        }
        let row = select
            .query_row([row_id], |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, Vec<u8>>(3)?,
                ))
            })
            .optional()?;
        let Some((hash, base, raw_size, data)) = row else {
            return Err(corrupt(format!("is missing stored text #{row_id}")));
        };
        if name.is_none() {
            name =
                Some(hash_from_blob(&hash).ok_or_else(|| corrupt("has a malformed hash".into()))?);
        }
        if !(0..=MAX_TEXT_BYTES).contains(&raw_size) {
            return Err(corrupt(format!(
                "claims an impossible size ({raw_size} bytes)"
            )));
        }
        links.push((raw_size, data));
        next = base;
    }
    let Some(name) = name else {
        return Err(corrupt(format!("is missing stored text #{id}")));
    };

    // One decompression context for the whole chain: creating one per link cost more than
    // decompressing the link.
    let cannot_decompress = |err: std::io::Error| {
        corrupt(format!(
            "(sha256 {}) cannot be decompressed: {err}",
            name.short()
        ))
    };
    let mut decompressor = zstd::bulk::Decompressor::new().map_err(cannot_decompress)?;
    let mut bytes: Vec<u8> = Vec::new();
    for (index, (raw_size, data)) in links.iter().rev().enumerate() {
        if index > 0 {
            decompressor
                .set_dictionary(&bytes)
                .map_err(cannot_decompress)?;
        }
        bytes = decompressor
            .decompress(data, *raw_size as usize)
            .map_err(cannot_decompress)?;
    }
    if ContentHash::of(&bytes) != name {
        return Err(corrupt(format!(
            "(sha256 {}) does not match its hash",
            name.short()
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| corrupt(format!("(sha256 {}) is not UTF-8", name.short())))?;
    Ok((name, text))
}

/// The row id of the text with this hash, if stored.
pub(super) fn find(conn: &Connection, hash: &ContentHash) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM texts WHERE hash = ?1")?
        .query_row([hash_to_blob(hash)], |row| row.get(0))
        .optional()?)
}
