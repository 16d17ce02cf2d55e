//! Drafts: Markdown files with YAML front matter, one file per language version.
//!
//! A draft lives at `<issue-week>/<slug>.<lang>.md` and looks like:
//!
//! ```text
//! ---
//! id: k7m2q9x4tz
//! title: Army reform stalls again
//! lang: en
//! ---
//!
//! Body in Markdown...
//! ```
//!
//! Reading never changes a byte: a [`Draft`] keeps the exact text, and [`update`] rewrites only
//! the front matter lines whose values changed. Parsing refuses hostile or broken input with
//! [`Error::InvalidDraft`] naming the file, line and field.
//!
//! Rules:
//! - The text is UTF-8 without NUL bytes, at most [`MAX_DRAFT_BYTES`]; a UTF-8 BOM is allowed
//!   and kept.
//! - It has no git conflict markers (a complete `<<<<<<<` / `=======` / `>>>>>>>` block): those
//!   are refused first, with [`Error::ConflictMarkers`], even inside the front matter.
//! - The first line is `---` and the next `---` line closes the front matter (trailing spaces
//!   on either are tolerated). The body is everything after the closing line.
//! - The front matter is one YAML mapping with no anchors, aliases or tags, no repeated keys,
//!   and lists/mappings nested at most 8 deep.
//! - `id` (text without spaces) and `lang` (a language tag) are required. If the file name
//!   has a language suffix (`slug.be.md`), `lang` must match it (ignoring ASCII case).
//!   `translation_of`, when set, is a language tag other than `lang`.
//! - `title`, `lead`, `section` are text; `trend` is improved/unchanged/deteriorated; `issue`
//!   is an ISO week (`2020-W20`); `authors` and `tags` are a list of text or a single text.
//!   Empty or `null` reads as missing. Unknown keys are allowed and kept.

mod edit;
mod front;
mod layout;
mod names;
mod render;
mod style;
mod trend;
mod update;
mod week;
mod words;
mod yaml_tree;

pub use edit::{edit_fields, FieldEdit, FieldsEdit};
pub use front::FrontMatter;
pub(crate) use front::FIELDS;
pub(crate) use layout::{split_front_matter, BOM};
pub use names::{
    is_draft_file_name, is_language_tag, lang_from_file_name, new_id, ID_LEN, TEMP_FILE_MARKER,
};
pub use trend::Trend;
pub use update::update;
pub(crate) use update::{key_block_texts, update_with_blocks};
pub use week::IsoWeek;
pub use words::count_words;
pub use yaml_tree::MAX_DEPTH as MAX_FRONT_MATTER_DEPTH;

use crate::error::{Error, Result};
use front::TopKey;
use layout::Layout;
use std::io::Read;
use std::path::{Path, PathBuf};
use yaml_tree::Problem;

/// The largest draft Galley reads: 10 MiB.
pub const MAX_DRAFT_BYTES: u64 = 10 * 1024 * 1024;

/// A parsed draft: where it was read from, its front matter, and its exact text.
#[derive(Clone, Debug)]
pub struct Draft {
    path: PathBuf,
    text: String,
    front: FrontMatter,
    layout: Layout,
    keys: Vec<TopKey>,
}

impl Draft {
    /// Parses a draft's bytes; `path` is used in errors and kept as given. The file name's
    /// language suffix, if any, must match `lang`.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Draft> {
        let size = bytes.len() as u64;
        if size > MAX_DRAFT_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: MAX_DRAFT_BYTES,
            });
        }
        let text = decode(path, bytes)?;
        // Before the YAML: a conflict in the front matter is a conflict, not a YAML error.
        if let Some(markers) = crate::conflict::find_markers(text) {
            return Err(Error::conflict_markers(path, &markers));
        }
        let invalid = |p: Problem| {
            let error = Error::InvalidDraft {
                path: path.to_path_buf(),
                line: p.line,
                field: p.field,
                message: p.message,
                detail: None,
            };
            match p.detail {
                Some((code, facts)) => {
                    let place = [
                        ("path", path.display().to_string()),
                        ("line", p.line.to_string()),
                    ];
                    error.with_detail(code, place.into_iter().chain(facts).collect())
                }
                None => error,
            }
        };
        let layout = layout::scan(text).map_err(invalid)?;
        check_lines(text, &layout).map_err(invalid)?;
        let tree = yaml_tree::parse(&text[layout.yaml_range()], 2).map_err(invalid)?;
        let file_lang = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(lang_from_file_name);
        let (front, keys) = front::read(tree, file_lang).map_err(invalid)?;
        Ok(Draft {
            path: path.to_path_buf(),
            text: text.to_string(),
            front,
            layout,
            keys,
        })
    }

    /// The path the draft was read from, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The exact original text, BOM included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text after the closing `---` line (including any blank line that follows it).
    pub fn body(&self) -> &str {
        &self.text[self.layout.body_start()..]
    }

    pub fn front(&self) -> &FrontMatter {
        &self.front
    }

    /// How many lines the front matter takes, both `---` lines included: body line `n`
    /// (1-based) is file line `n + front_matter_lines()`.
    pub fn front_matter_lines(&self) -> usize {
        self.layout.lines.len()
    }

    /// The top-level keys in file order, known and unknown.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| k.name.as_str())
    }
}

/// A new draft file: front matter with the known keys in the order of [`FrontMatter`]'s
/// fields, then `body` exactly as given (so `Draft::parse(..).body()` returns `body`).
/// Empty optional fields are left out; `id`, `title`, `lead` and `lang` are always written
/// (as `""` when empty) so the file shows where they go. Values are quoted only when plain
/// YAML could read them differently (see the rules in `render`). LF line endings.
pub fn render_new(front: &FrontMatter, body: &str) -> String {
    let mut out = render::front_matter(front);
    out.push_str(body);
    out
}

/// Reads and parses the draft at `abs_path`, naming it `display_path` in errors and in the
/// result. The size is checked from metadata before reading, and reading stops past the limit
/// in case the file grows meanwhile.
pub fn read_draft(abs_path: &Path, display_path: &Path) -> Result<Draft> {
    Draft::parse(display_path, &read_bytes(abs_path, display_path)?)
}

/// Reads the draft at `abs_path` like [`read_draft`]; when it holds merge conflict markers,
/// returns that error together with the draft its "ours" side parses to (if it does), so the
/// file can still be shown as the commentary and language it belongs to. That draft is not
/// the file's content: never record, index or publish it.
pub fn read_draft_or_ours(abs_path: &Path, display_path: &Path) -> Result<Draft, Box<Unreadable>> {
    let failed = |error| Box::new(Unreadable { error, ours: None });
    let bytes = read_bytes(abs_path, display_path).map_err(failed)?;
    match Draft::parse(display_path, &bytes) {
        Ok(draft) => Ok(draft),
        Err(error @ Error::ConflictMarkers { .. }) => {
            let ours = std::str::from_utf8(&bytes)
                .ok()
                .and_then(crate::conflict::sides)
                .and_then(|sides| Draft::parse(display_path, sides.ours.as_bytes()).ok());
            Err(Box::new(Unreadable { error, ours }))
        }
        Err(error) => Err(failed(error)),
    }
}

/// Why [`read_draft_or_ours`] could not read a draft, and, for a file with conflict markers,
/// the draft its "ours" side parses to (for identity only, never content).
#[derive(Debug)]
pub struct Unreadable {
    pub error: Error,
    pub ours: Option<Draft>,
}

/// The file's bytes, refusing what is not a regular file or is over the size limit.
fn read_bytes(abs_path: &Path, display_path: &Path) -> Result<Vec<u8>> {
    let too_large = |size| Error::TooLarge {
        path: display_path.to_path_buf(),
        size,
        limit: MAX_DRAFT_BYTES,
    };
    let meta = std::fs::metadata(abs_path).map_err(|e| Error::io("read", display_path, e))?;
    if !meta.is_file() {
        return Err(Error::NotText {
            path: display_path.to_path_buf(),
            reason: "it is not a regular file".to_string(),
        });
    }
    if meta.len() > MAX_DRAFT_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(abs_path).map_err(|e| Error::io("open", display_path, e))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_DRAFT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", display_path, e))?;
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    let not_text = |reason: String| Error::NotText {
        path: path.to_path_buf(),
        reason,
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(not_text(format!(
            "it contains a NUL byte at byte offset {offset}"
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        not_text(format!(
            "it is not valid UTF-8 at byte offset {}",
            e.valid_up_to()
        ))
    })
}

/// Refuses lines that would make our line-by-line view of the front matter differ from the
/// YAML parser's: a lone carriage return (a line break to YAML, not to us), and a `...`
/// document end (keys added after it would fall outside the YAML).
fn check_lines(text: &str, layout: &Layout) -> std::result::Result<(), Problem> {
    for (index, line) in layout.lines.iter().enumerate() {
        let content = &text[line.start..line.content_end];
        let (code, message) = if content.contains('\r') {
            (
                crate::ErrorCode::DraftStrayCarriageReturn,
                "this line contains a carriage return that does not end the line",
            )
        } else if content.trim_end_matches([' ', '\t']) == "..." || content.starts_with("... ") {
            (
                crate::ErrorCode::DraftDocumentEnd,
                "a `...` line ends the YAML early; remove it (the closing `---` is enough)",
            )
        } else {
            continue;
        };
        return Err(Problem::new(index + 1, yaml_tree::WHOLE, message).coded(code, []));
    }
    Ok(())
}
