//! Which files are drafts, what their names say, and fresh draft ids.

use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marks Galley's own temporary files, named `.<name>.galley-tmp-<random>`.
pub const TEMP_FILE_MARKER: &str = ".galley-tmp-";

/// Whether a file name (not a path) names a draft: it ends in `.md` (lowercase), has a stem,
/// and is none of: hidden (`.`-prefixed), an editor's lock/autosave/backup file (`.#foo.md`,
/// `#foo.md#`, `foo.md~`, `~$foo.md`, `foo.md.swp`), one of Galley's own temp files, or a sync
/// tool's conflict copy (`foo.sync-conflict-….md`, `foo (1).md`; see `crate::conflict`).
pub fn is_draft_file_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".md") else {
        return false;
    };
    !stem.is_empty()
        && crate::conflict::conflict_copy(name).is_none()
        && !name.starts_with('.')
        && !name.starts_with('#')
        && !name.starts_with("~$")
        && !name.contains(TEMP_FILE_MARKER)
        && !name.contains(['/', '\\'])
}

/// The language suffix of a draft file name: `army-reform.be.md` → `be`. `None` when the name
/// has no suffix that reads as a language tag (`notes.md`, `report.v2.md`).
pub fn lang_from_file_name(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".md")?;
    let (slug, lang) = stem.rsplit_once('.')?;
    (!slug.is_empty() && is_language_tag(lang)).then_some(lang)
}

/// A BCP 47-ish tag: a primary subtag of 2–3 ASCII letters, then `-`-separated subtags of
/// 1–8 ASCII letters or digits (`be`, `en-GB`, `sr-Latn-RS`). Not checked against a registry.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && tag.len() <= 35
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Lowercase Crockford base32 (no i, l, o, u): ids read aloud or typed stay unambiguous.
const ID_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
pub const ID_LEN: usize = 10;

/// A fresh draft id: 10 characters from `0-9a-z` minus `i l o u` (50 bits of randomness).
/// Uses the OS random source; if that fails, falls back to hashing the time, the process id
/// and a counter, which is still unique enough for ids within one workspace.
pub fn new_id() -> String {
    let mut bytes = [0u8; ID_LEN];
    if getrandom::fill(&mut bytes).is_err() {
        bytes = fallback_bytes();
    }
    // 256 is a multiple of 32, so taking 5 bits of each byte keeps the choice uniform.
    bytes
        .iter()
        .map(|b| char::from(ID_ALPHABET[usize::from(b & 31)]))
        .collect()
}

fn fallback_bytes() -> [u8; ID_LEN] {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut hasher = Sha256::new();
    hasher.update(nanos.to_le_bytes());
    hasher.update(std::process::id().to_le_bytes());
    hasher.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    let digest = hasher.finalize();
    let mut out = [0u8; ID_LEN];
    out.copy_from_slice(&digest[..ID_LEN]);
    out
}
