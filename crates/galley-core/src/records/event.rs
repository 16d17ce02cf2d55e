//! One journal line: an event, its JSON form (format 1) and the checks every line read from
//! another machine must pass before it is believed.
//!
//! ```text
//! {"v":1,"id":"hanna-3f9a1c2e.7","clock":42,"at":"2020-05-14T09:30:00Z","author":"Hanna",
//!  "kind":"translation","commentary":"pxq253v3kb","lang":"ru","status":"done",
//!  "source_lang":"be","base":"<sha256>","prev":"maria-0b1c2d3e.3"}
//! ```
//! `id` is `<writer>.<n>`: the writer is the journal file's name, so an event can only come
//! from its own writer's file; `n` counts that writer's events. `clock` is a Lamport clock: one
//! more than the largest clock the writer had seen. `prev` names the event that was current for
//! the same thing when this one was written, which is how a concurrent change is recognised.

use super::status::{EditorialStatus, TranslationStatus};
use crate::hash::ContentHash;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The journal format this Galley writes; lines with a larger `v` are skipped with a notice.
pub const FORMAT: u32 = 1;

/// The longest line believed; a longer one is refused without being parsed.
pub const MAX_LINE: usize = 64 * 1024;

/// The longest note, label or name a line may carry.
const MAX_TEXT: usize = 16 * 1024;

/// Who wrote an event and its place in that writer's journal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId {
    pub writer: String,
    pub seq: u64,
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.writer, self.seq)
    }
}

impl EventId {
    pub fn parse(text: &str) -> Option<EventId> {
        let (writer, seq) = text.rsplit_once('.')?;
        let seq: u64 = seq.parse().ok()?;
        (is_writer_name(writer) && seq > 0).then(|| EventId {
            writer: writer.to_string(),
            seq,
        })
    }
}

/// A writer's name is its journal's file name: lowercase ASCII letters, digits and dashes.
pub fn is_writer_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How a version came to be, as its maker's Galley recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VersionOrigin {
    Save,
    /// Made in another program on the writer's machine.
    External,
    Restore,
    Conflict,
    Import,
}

impl VersionOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            VersionOrigin::Save => "save",
            VersionOrigin::External => "external",
            VersionOrigin::Restore => "restore",
            VersionOrigin::Conflict => "conflict",
            VersionOrigin::Import => "import",
        }
    }

    fn parse(tag: &str) -> Option<VersionOrigin> {
        Some(match tag {
            "save" => VersionOrigin::Save,
            "external" => VersionOrigin::External,
            "restore" => VersionOrigin::Restore,
            "conflict" => VersionOrigin::Conflict,
            "import" => VersionOrigin::Import,
            _ => return None,
        })
    }
}

/// What an event says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A version was made: its text's hash, where, and how.
    Version {
        commentary: String,
        lang: String,
        path: String,
        sha256: ContentHash,
        origin: VersionOrigin,
    },
    /// A translation's status changed; `base` is the source text it matches.
    Translation {
        commentary: String,
        lang: String,
        status: TranslationStatus,
        source_lang: String,
        base: Option<ContentHash>,
        prev: Option<EventId>,
        note: Option<String>,
    },
    /// A source text was marked (or unmarked) as a minor change.
    Minor {
        commentary: String,
        lang: String,
        sha256: ContentHash,
        minor: bool,
        prev: Option<EventId>,
    },
    /// A commentary's editorial status changed. An approval names the texts approved
    /// (language → SHA-256 of its file); empty for other statuses and for approvals written
    /// before approvals named their texts (see `Records::approved_texts`).
    Editorial {
        commentary: String,
        status: EditorialStatus,
        prev: Option<EventId>,
        note: Option<String>,
        versions: BTreeMap<String, ContentHash>,
    },
    /// An editorial note on a commentary (never published).
    Note { commentary: String, text: String },
    /// A translator is done with one change of the source since the translation's `base`:
    /// `paragraph` is the SHA-256 of the source text the change concerns (a paragraph, the
    /// title or the lead), so the mark holds on every machine and lapses when that text changes
    /// again or the base moves.
    Handled {
        commentary: String,
        lang: String,
        paragraph: ContentHash,
        base: ContentHash,
    },
    /// A version's text was labelled; `None` removes the label.
    Label {
        commentary: String,
        lang: String,
        sha256: ContentHash,
        label: Option<String>,
        prev: Option<EventId>,
    },
}

impl Body {
    pub fn commentary(&self) -> &str {
        match self {
            Body::Version { commentary, .. }
            | Body::Translation { commentary, .. }
            | Body::Minor { commentary, .. }
            | Body::Editorial { commentary, .. }
            | Body::Note { commentary, .. }
            | Body::Handled { commentary, .. }
            | Body::Label { commentary, .. } => commentary,
        }
    }
}

/// One event of a journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: EventId,
    pub clock: u64,
    pub at: OffsetDateTime,
    pub author: String,
    pub body: Body,
}

/// The line as JSON, every field optional so that one missing field is reported by name.
#[derive(Serialize, Deserialize, Default)]
struct Line<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    v: Option<u32>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clock: Option<u64>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    at: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    author: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    commentary: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    lang: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    path: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    sha256: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    origin: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    status: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    source_lang: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    base: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    prev: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    note: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    label: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minor: Option<bool>,
    /// An approval's texts, language → SHA-256. A Galley that predates it ignores the field
    /// (serde skips unknown fields), so the journal format stays 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    versions: Option<BTreeMap<String, String>>,
}

impl Event {
    /// The event as one JSON line, without the newline.
    pub fn to_line(&self) -> String {
        let c = |s: &str| Some(Cow::Owned(s.to_string()));
        let hex = |h: &ContentHash| Some(Cow::Owned(h.to_hex()));
        let id = |p: &Option<EventId>| p.as_ref().map(|p| Cow::Owned(p.to_string()));
        let mut line = Line {
            v: Some(FORMAT),
            id: Some(Cow::Owned(self.id.to_string())),
            clock: Some(self.clock),
            at: Some(Cow::Owned(format_time(self.at))),
            author: c(&self.author),
            commentary: c(self.body.commentary()),
            ..Line::default()
        };
        match &self.body {
            Body::Version {
                lang,
                path,
                sha256,
                origin,
                ..
            } => {
                line.kind = c("version");
                line.lang = c(lang);
                line.path = c(path);
                line.sha256 = hex(sha256);
                line.origin = c(origin.as_str());
            }
            Body::Translation {
                lang,
                status,
                source_lang,
                base,
                prev,
                note,
                ..
            } => {
                line.kind = c("translation");
                line.lang = c(lang);
                line.status = c(status.tag());
                line.source_lang = c(source_lang);
                line.base = base.as_ref().and_then(hex);
                line.prev = id(prev);
                line.note = note.as_deref().and_then(c);
            }
            Body::Minor {
                lang,
                sha256,
                minor,
                prev,
                ..
            } => {
                line.kind = c("minor");
                line.lang = c(lang);
                line.sha256 = hex(sha256);
                line.minor = Some(*minor);
                line.prev = id(prev);
            }
            Body::Editorial {
                status,
                prev,
                note,
                versions,
                ..
            } => {
                line.kind = c("editorial");
                line.status = c(status.tag());
                line.prev = id(prev);
                line.note = note.as_deref().and_then(c);
                line.versions = (!versions.is_empty()).then(|| {
                    versions
                        .iter()
                        .map(|(lang, hash)| (lang.clone(), hash.to_hex()))
                        .collect()
                });
            }
            Body::Handled {
                lang,
                paragraph,
                base,
                ..
            } => {
                line.kind = c("handled");
                line.lang = c(lang);
                line.sha256 = hex(paragraph);
                line.base = hex(base);
            }
            Body::Note { text, .. } => {
                line.kind = c("note");
                line.text = c(text);
            }
            Body::Label {
                lang,
                sha256,
                label,
                prev,
                ..
            } => {
                line.kind = c("label");
                line.lang = c(lang);
                line.sha256 = hex(sha256);
                line.label = label.as_deref().and_then(c);
                line.prev = id(prev);
            }
        }
        // Serializing plain strings and numbers cannot fail.
        serde_json::to_string(&line).unwrap_or_default()
    }

    /// Reads one line written by `writer` (its file's name). The error says what is wrong, as
    /// the end of a sentence that names the file and line.
    pub fn from_line(line: &[u8], writer: &str) -> Result<Event, String> {
        if line.len() > MAX_LINE {
            return Err(format!(
                "the line is {} bytes long, more than the {MAX_LINE}-byte limit for a record",
                line.len()
            ));
        }
        let raw: Line<'_> =
            serde_json::from_slice(line).map_err(|e| format!("it is not a record ({e})"))?;
        match raw.v {
            Some(FORMAT) => {}
            Some(v) if v > FORMAT => {
                return Err(format!(
                    "it was written by a newer Galley (journal format {v}); update Galley to \
                     read it"
                ))
            }
            Some(v) => return Err(format!("it has an unknown journal format {v}")),
            None => return Err("it has no journal format `v`".into()),
        }
        let id_text = required(&raw.id, "id")?;
        let id = EventId::parse(id_text)
            .ok_or_else(|| format!("its id `{}` is not `<writer>.<number>`", shorten(id_text)))?;
        if id.writer != writer {
            return Err(format!(
                "it claims to come from writer `{}` but is in `{writer}`'s journal; only a \
                 writer's own journal speaks for it",
                id.writer
            ));
        }
        let clock = raw.clock.ok_or("it has no `clock`")?;
        let at_text = required(&raw.at, "at")?;
        // Kept in UTC: every machine shows and compares the same instant the same way, and a
        // time whose UTC form is past year 9999 is refused here rather than failing later when
        // it is shown.
        let at = OffsetDateTime::parse(at_text, &Rfc3339)
            .ok()
            .and_then(|at| at.checked_to_offset(time::UtcOffset::UTC))
            .ok_or_else(|| {
                format!(
                    "its time `{}` is not an RFC 3339 time between years 0 and 9999",
                    shorten(at_text)
                )
            })?;
        let author = text(&raw.author, "author")?.to_string();
        let commentary = name(&raw.commentary, "commentary")?;
        let kind = required(&raw.kind, "kind")?;
        let body = match kind {
            "version" => Body::Version {
                commentary,
                lang: lang(&raw.lang, "lang")?,
                path: workspace_path(&raw.path)?,
                sha256: hash(&raw.sha256, "sha256")?,
                origin: {
                    let tag = required(&raw.origin, "origin")?;
                    VersionOrigin::parse(tag)
                        .ok_or_else(|| format!("its origin `{}` is unknown", shorten(tag)))?
                },
            },
            "translation" => Body::Translation {
                commentary,
                lang: lang(&raw.lang, "lang")?,
                status: {
                    let tag = required(&raw.status, "status")?;
                    TranslationStatus::from_tag(tag).ok_or_else(|| {
                        format!("its translation status `{}` is unknown", shorten(tag))
                    })?
                },
                source_lang: lang(&raw.source_lang, "source_lang")?,
                base: optional_hash(&raw.base, "base")?,
                prev: prev(&raw.prev)?,
                note: optional_text(&raw.note, "note")?,
            },
            "minor" => Body::Minor {
                commentary,
                lang: lang(&raw.lang, "lang")?,
                sha256: hash(&raw.sha256, "sha256")?,
                minor: raw.minor.ok_or("it has no `minor`")?,
                prev: prev(&raw.prev)?,
            },
            "editorial" => Body::Editorial {
                commentary,
                status: {
                    let tag = required(&raw.status, "status")?;
                    EditorialStatus::from_tag(tag).ok_or_else(|| {
                        format!("its editorial status `{}` is unknown", shorten(tag))
                    })?
                },
                prev: prev(&raw.prev)?,
                note: optional_text(&raw.note, "note")?,
                versions: approved_versions(raw.versions.as_ref())?,
            },
            "note" => Body::Note {
                commentary,
                text: text(&raw.text, "text")?.to_string(),
            },
            "handled" => Body::Handled {
                commentary,
                lang: lang(&raw.lang, "lang")?,
                paragraph: hash(&raw.sha256, "sha256")?,
                base: hash(&raw.base, "base")?,
            },
            "label" => Body::Label {
                commentary,
                lang: lang(&raw.lang, "lang")?,
                sha256: hash(&raw.sha256, "sha256")?,
                label: optional_text(&raw.label, "label")?,
                prev: prev(&raw.prev)?,
            },
            other => return Err(format!("its kind `{}` is unknown", shorten(other))),
        };
        Ok(Event {
            id,
            clock,
            at,
            author,
            body,
        })
    }
}

pub(crate) fn format_time(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn required<'a>(value: &'a Option<Cow<'_, str>>, field: &str) -> Result<&'a str, String> {
    value
        .as_deref()
        .ok_or_else(|| format!("it has no `{field}`"))
}

/// A non-blank text of bounded length (names, notes).
fn text<'a>(value: &'a Option<Cow<'_, str>>, field: &str) -> Result<&'a str, String> {
    let value = required(value, field)?;
    if value.trim().is_empty() {
        return Err(format!("its `{field}` is empty"));
    }
    if value.len() > MAX_TEXT {
        return Err(format!("its `{field}` is longer than {MAX_TEXT} bytes"));
    }
    Ok(value)
}

fn optional_text(value: &Option<Cow<'_, str>>, field: &str) -> Result<Option<String>, String> {
    match value {
        None => Ok(None),
        Some(_) => text(value, field).map(|t| Some(t.to_string())),
    }
}

/// A commentary id: what front matter allows (no separators, no control characters).
fn name(value: &Option<Cow<'_, str>>, field: &str) -> Result<String, String> {
    let value = required(value, field)?;
    let ok = !value.is_empty()
        && value.len() <= 200
        && !value
            .chars()
            .any(|c| c.is_control() || c == '/' || c == '\\');
    ok.then(|| value.to_string())
        .ok_or_else(|| format!("its `{field}` `{}` is not a commentary id", shorten(value)))
}

/// A language tag as settings allow it (BCP 47 letters, digits and dashes).
fn lang(value: &Option<Cow<'_, str>>, field: &str) -> Result<String, String> {
    let value = required(value, field)?;
    let ok = !value.is_empty()
        && value.len() <= 35
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then(|| value.to_string())
        .ok_or_else(|| format!("its `{field}` `{}` is not a language tag", shorten(value)))
}

fn hash(value: &Option<Cow<'_, str>>, field: &str) -> Result<ContentHash, String> {
    let value = required(value, field)?;
    // Only the canonical form (64 lowercase hex digits), so one text has one spelling.
    let canonical = value.len() == 64
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    canonical
        .then(|| ContentHash::from_hex(value))
        .flatten()
        .ok_or_else(|| format!("its `{field}` is not a SHA-256 in lowercase hex"))
}

fn optional_hash(value: &Option<Cow<'_, str>>, field: &str) -> Result<Option<ContentHash>, String> {
    match value {
        None => Ok(None),
        Some(_) => hash(value, field).map(Some),
    }
}

/// The most languages an approval may name; a workspace has a handful.
const MAX_APPROVED: usize = 64;

/// An approval's texts: language tags to canonical SHA-256s.
fn approved_versions(
    value: Option<&BTreeMap<String, String>>,
) -> Result<BTreeMap<String, ContentHash>, String> {
    let Some(map) = value else {
        return Ok(BTreeMap::new());
    };
    if map.len() > MAX_APPROVED {
        return Err(format!(
            "its `versions` names {} languages, more than {MAX_APPROVED}",
            map.len()
        ));
    }
    map.iter()
        .map(|(tag, hex)| {
            let tag = lang(&Some(Cow::Borrowed(tag.as_str())), "versions")?;
            let sha = hash(&Some(Cow::Borrowed(hex.as_str())), "versions")?;
            Ok((tag, sha))
        })
        .collect()
}

fn prev(value: &Option<Cow<'_, str>>) -> Result<Option<EventId>, String> {
    match value.as_deref() {
        None => Ok(None),
        Some(text) => EventId::parse(text)
            .map(Some)
            .ok_or_else(|| format!("its `prev` `{}` is not an event id", shorten(text))),
    }
}

/// A workspace-relative path with `/` separators that stays inside the workspace.
fn workspace_path(value: &Option<Cow<'_, str>>) -> Result<String, String> {
    let value = required(value, "path")?;
    let inside = !value.is_empty()
        && value.len() <= 1024
        && !value.starts_with('/')
        && !value.contains(['\\', ':', '\0'])
        && value
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    inside.then(|| value.to_string()).ok_or_else(|| {
        format!(
            "its path `{}` leads outside the workspace or is not a relative path",
            shorten(value)
        )
    })
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(60).filter(|c| !c.is_control()).collect();
    if text.chars().count() > 60 {
        short.push('…');
    }
    short
}
