//! The search index's tokenizer: FTS5's own `unicode61` with one more folding, `ё` → `е`.
//! Russian and Belarusian writers often type `е` for `ё` (Алена for Алёна), so both must find
//! both. The folding happens on the tokens only: the stored text keeps its `ё`, and snippets,
//! made from the stored text at the token's byte offsets, show and highlight it as written.
//!
//! FTS5 takes tokenizers through its C API, so this module is the crate's one use of `unsafe`;
//! it is kept to plain forwarding to `unicode61` and one byte substitution. `ё` (D1 91) and
//! `е` (D0 B5) are both two bytes in UTF-8, so a folded token keeps its length.

use crate::error::{Error, Result};
use rusqlite::ffi;
use rusqlite::Connection;
use std::ffi::{c_char, c_int, c_void};
use std::ptr;

/// The name the schema's `tokenize = '...'` option uses.
const NAME: &std::ffi::CStr = c"galley_fold";

/// `unicode61`'s methods and context, as FTS5 gave them to us.
struct Base {
    methods: ffi::fts5_tokenizer,
    context: *mut c_void,
}

/// One tokenizer instance: `unicode61`'s instance plus its methods.
struct Instance {
    inner: *mut ffi::Fts5Tokenizer,
    methods: ffi::fts5_tokenizer,
}

/// Passed through `unicode61`'s tokenize call to `fold_token`.
struct Forward {
    context: *mut c_void,
    emit: unsafe extern "C" fn(*mut c_void, c_int, *const c_char, c_int, c_int, c_int) -> c_int,
    folded: Vec<u8>,
}

/// Makes the tokenizer available on `conn`; needed before the search index is created or
/// used on that connection.
pub fn register(conn: &Connection) -> Result<()> {
    let failed = |what: &str| Error::Database {
        source: rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_ERROR),
            Some(format!("could not register the search tokenizer: {what}")),
        ),
    };
    // SAFETY: the handle stays valid while `conn` is borrowed; every pointer handed to FTS5 is
    // either owned by it from then on (the boxed `Base`, freed by `destroy_base`) or lives for
    // the duration of the call it is passed to.
    unsafe {
        let db = conn.handle();
        let api = fts5_api(db).ok_or_else(|| failed("FTS5 is not available"))?;
        let (Some(find), Some(create)) = ((*api).xFindTokenizer, (*api).xCreateTokenizer) else {
            return Err(failed("FTS5's API is incomplete"));
        };
        let mut base = Base {
            methods: ffi::fts5_tokenizer {
                xCreate: None,
                xDelete: None,
                xTokenize: None,
            },
            context: ptr::null_mut(),
        };
        if find(
            api,
            c"unicode61".as_ptr(),
            &mut base.context,
            &mut base.methods,
        ) != ffi::SQLITE_OK
        {
            return Err(failed("unicode61 is missing"));
        }
        let mut ours = ffi::fts5_tokenizer {
            xCreate: Some(create_instance),
            xDelete: Some(delete_instance),
            xTokenize: Some(tokenize),
        };
        let base = Box::into_raw(Box::new(base));
        let rc = create(
            api,
            NAME.as_ptr(),
            base.cast(),
            &mut ours,
            Some(destroy_base),
        );
        if rc != ffi::SQLITE_OK {
            // FTS5 calls the destructor on failure too, so `base` is not freed here.
            return Err(failed("FTS5 refused it"));
        }
    }
    Ok(())
}

/// FTS5's API pointer for this connection (`SELECT fts5(?)`, as its documentation says).
unsafe fn fts5_api(db: *mut ffi::sqlite3) -> Option<*mut ffi::fts5_api> {
    let mut stmt = ptr::null_mut();
    let sql = c"SELECT fts5(?1)";
    if ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, ptr::null_mut()) != ffi::SQLITE_OK {
        return None;
    }
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    let bound = ffi::sqlite3_bind_pointer(
        stmt,
        1,
        (&mut api as *mut *mut ffi::fts5_api).cast(),
        c"fts5_api_ptr".as_ptr(),
        None,
    );
    if bound == ffi::SQLITE_OK {
        ffi::sqlite3_step(stmt);
    }
    ffi::sqlite3_finalize(stmt);
    (!api.is_null()).then_some(api)
}

unsafe extern "C" fn destroy_base(base: *mut c_void) {
    drop(Box::from_raw(base.cast::<Base>()));
}

unsafe extern "C" fn create_instance(
    base: *mut c_void,
    args: *mut *const c_char,
    count: c_int,
    out: *mut *mut ffi::Fts5Tokenizer,
) -> c_int {
    let base = &*base.cast::<Base>();
    let Some(create) = base.methods.xCreate else {
        return ffi::SQLITE_ERROR;
    };
    let mut inner = ptr::null_mut();
    let rc = create(base.context, args, count, &mut inner);
    if rc != ffi::SQLITE_OK {
        return rc;
    }
    let instance = Box::new(Instance {
        inner,
        methods: base.methods,
    });
    *out = Box::into_raw(instance).cast();
    ffi::SQLITE_OK
}

unsafe extern "C" fn delete_instance(instance: *mut ffi::Fts5Tokenizer) {
    let instance = Box::from_raw(instance.cast::<Instance>());
    if let Some(delete) = instance.methods.xDelete {
        delete(instance.inner);
    }
}

unsafe extern "C" fn tokenize(
    instance: *mut ffi::Fts5Tokenizer,
    context: *mut c_void,
    flags: c_int,
    text: *const c_char,
    length: c_int,
    emit: Option<
        unsafe extern "C" fn(*mut c_void, c_int, *const c_char, c_int, c_int, c_int) -> c_int,
    >,
) -> c_int {
    let instance = &*instance.cast::<Instance>();
    let (Some(inner_tokenize), Some(emit)) = (instance.methods.xTokenize, emit) else {
        return ffi::SQLITE_ERROR;
    };
    let mut forward = Forward {
        context,
        emit,
        folded: Vec::new(),
    };
    inner_tokenize(
        instance.inner,
        (&mut forward as *mut Forward).cast(),
        flags,
        text,
        length,
        Some(fold_token),
    )
}

unsafe extern "C" fn fold_token(
    forward: *mut c_void,
    flags: c_int,
    token: *const c_char,
    length: c_int,
    start: c_int,
    end: c_int,
) -> c_int {
    let forward = &mut *forward.cast::<Forward>();
    let bytes = match usize::try_from(length) {
        Ok(n) if n > 0 && !token.is_null() => std::slice::from_raw_parts(token.cast::<u8>(), n),
        _ => return (forward.emit)(forward.context, flags, token, length, start, end),
    };
    if !fold_yo(bytes, &mut forward.folded) {
        return (forward.emit)(forward.context, flags, token, length, start, end);
    }
    (forward.emit)(
        forward.context,
        flags,
        forward.folded.as_ptr().cast(),
        length,
        start,
        end,
    )
}

/// Writes `token` with every `ё`/`Ё` as `е`/`Е` into `out`; false (and `out` untouched) when
/// it has none. UTF-8 lead bytes D0/D1 never occur inside a character, so a byte pair match is
/// always the letter.
fn fold_yo(token: &[u8], out: &mut Vec<u8>) -> bool {
    let has = token
        .windows(2)
        .any(|w| w == [0xD1, 0x91] || w == [0xD0, 0x81]);
    if !has {
        return false;
    }
    out.clear();
    out.extend_from_slice(token);
    let mut i = 0;
    while i + 1 < out.len() {
        match (out[i], out[i + 1]) {
            (0xD1, 0x91) => {
                out[i] = 0xD0;
                out[i + 1] = 0xB5;
                i += 2;
            }
            (0xD0, 0x81) => {
                out[i + 1] = 0x95;
                i += 2;
            }
            _ => i += 1,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yo_folds_to_ye_in_both_cases_and_nothing_else_changes() {
        let mut out = Vec::new();
        assert!(fold_yo("Алёна Ёлкіна".as_bytes(), &mut out));
        assert_eq!(String::from_utf8(out.clone()).unwrap(), "Алена Елкіна");
        assert!(!fold_yo("Менск ўсе".as_bytes(), &mut out));
        assert!(!fold_yo("Minsk".as_bytes(), &mut out));
    }

    #[test]
    fn the_index_finds_yo_and_ye_either_way_and_snippets_keep_the_yo() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'galley_fold remove_diacritics 2');
             INSERT INTO t (body) VALUES ('Алёна прыйшла'), ('Елка стаіць'), ('café Minsk');",
        )
        .unwrap();
        let find = |q: &str| -> Vec<String> {
            let mut stmt = conn
                .prepare("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 ORDER BY rowid")
                .unwrap();
            stmt.query_map([q], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        assert_eq!(find("\"Алена\""), vec!["[Алёна] прыйшла"]);
        assert_eq!(find("\"алёна\""), vec!["[Алёна] прыйшла"]);
        assert_eq!(find("\"ёлка\""), vec!["[Елка] стаіць"]);
        assert_eq!(find("\"Алё\"*"), vec!["[Алёна] прыйшла"]);
        assert_eq!(find("\"cafe\""), vec!["[café] Minsk"]);
    }
}
