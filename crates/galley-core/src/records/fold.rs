//! The team's state as a pure function of the set of events: the same events, read in any
//! order from any number of journals, fold to the same `Records` on every machine.
//!
//! Rule: events are ordered by Lamport clock, then by event id (writer, then number); the last
//! event about a thing decides it. An event whose `prev` is not the event it followed in that
//! order was written without seeing it: the two were concurrent, and the later one won. The
//! winner carries a `Concurrent` naming the change it outranked, so the UI can say so.

use super::event::{Body, Event, EventId, VersionOrigin};
use super::read::{JournalFile, LineProblem};
use super::status::{EditorialStatus, TranslationStatus};
use crate::hash::ContentHash;
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// The change a winning event outranked without having seen it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concurrent {
    /// Its event id.
    pub event: String,
    pub author: String,
    pub at: OffsetDateTime,
    /// What it would have set (a status's name, a label), for the notice.
    pub value: String,
}

/// One status change of a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEvent {
    /// The event id, `<writer>.<n>`.
    pub id: String,
    pub draft_id: String,
    pub lang: String,
    pub status: TranslationStatus,
    /// The language it was translated from when the status was set.
    pub source_lang: String,
    /// The SHA-256 of the source text the translation matches.
    pub base: Option<ContentHash>,
    pub author: String,
    pub at: OffsetDateTime,
    pub note: Option<String>,
    /// Set when this change won over one made without seeing it.
    pub concurrent: Option<Concurrent>,
}

/// One editorial status change of a commentary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialEvent {
    pub id: String,
    pub draft_id: String,
    pub status: EditorialStatus,
    pub author: String,
    pub at: OffsetDateTime,
    pub note: Option<String>,
    pub concurrent: Option<Concurrent>,
}

/// One editorial note (never published).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorialNote {
    pub id: String,
    pub draft_id: String,
    pub author: String,
    pub at: OffsetDateTime,
    pub text: String,
}

/// One mark or unmark of a source text as a minor change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinorMark {
    pub id: String,
    pub draft_id: String,
    pub lang: String,
    pub sha256: ContentHash,
    pub minor: bool,
    pub author: String,
    pub at: OffsetDateTime,
}

/// The label a version's text carries, and who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRecord {
    pub id: String,
    /// `None` when the label was removed.
    pub label: Option<String>,
    pub author: String,
    pub at: OffsetDateTime,
    pub concurrent: Option<Concurrent>,
}

/// Who made a version's text, when and how, as their Galley recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    pub id: String,
    pub path: String,
    pub origin: VersionOrigin,
    pub author: String,
    pub at: OffsetDateTime,
}

type LangKey = (String, String);
type TextKey = (String, String, ContentHash);

/// An entry of a fold, with its event id (what a later event's `prev` names).
#[derive(Debug, Clone)]
struct Entry<T> {
    id: EventId,
    value: T,
}

/// Everything the journals say, folded.
#[derive(Debug, Default)]
pub struct Records {
    translations: HashMap<LangKey, Vec<Entry<StatusEvent>>>,
    editorial: HashMap<String, Vec<Entry<EditorialEvent>>>,
    notes: HashMap<String, Vec<EditorialNote>>,
    minor: HashMap<TextKey, Vec<Entry<MinorMark>>>,
    labels: HashMap<TextKey, Vec<Entry<LabelRecord>>>,
    versions: HashMap<TextKey, VersionRecord>,
    max_clock: u64,
    events: usize,
    problems: Vec<LineProblem>,
}

impl Records {
    /// Folds every event of these journals. Lines already refused by the reader stay reported;
    /// an event id that appears twice with the same content counts once, and one reused with
    /// other content is refused in every place it appears.
    pub fn fold(journals: Vec<JournalFile>) -> Records {
        let mut records = Records::default();
        let total: usize = journals.iter().map(|j| j.events.len()).sum();
        let mut events: Vec<(String, usize, Event)> = Vec::with_capacity(total);
        for journal in journals {
            records.problems.extend(journal.problems);
            let file = journal.file;
            events.extend(
                journal
                    .events
                    .into_iter()
                    .map(|(line, event)| (file.clone(), line, event)),
            );
        }
        events.sort_by(|a, b| (a.2.clock, &a.2.id).cmp(&(b.2.clock, &b.2.id)));
        let contested = reused_ids(&events);
        let mut previous: Option<EventId> = None;
        for (file, line, event) in events {
            if contested.contains(&event.id) {
                records.problems.push(LineProblem {
                    file,
                    line,
                    message: format!(
                        "its id `{}` is used by another line with different content; neither is \
                         believed",
                        event.id
                    ),
                });
                continue;
            }
            // Sorted, so a duplicate (the same line merged in twice) follows its twin.
            if previous.as_ref() == Some(&event.id) {
                continue;
            }
            previous = Some(event.id.clone());
            records.push(event);
        }
        records
    }

    /// Adds an event that sorts after every event folded so far (one this machine just wrote
    /// with `next_clock`).
    pub fn push(&mut self, event: Event) {
        self.max_clock = self.max_clock.max(event.clock);
        self.events += 1;
        let Event {
            id,
            at,
            author,
            body,
            ..
        } = event;
        let event_id = id.to_string();
        match body {
            Body::Version {
                commentary,
                lang,
                path,
                sha256,
                origin,
            } => {
                let record = VersionRecord {
                    id: event_id,
                    path,
                    origin,
                    author,
                    at,
                };
                // A record by the maker's own Galley outranks another machine's guess that the
                // text arrived from outside.
                let slot = self.versions.entry((commentary, lang, sha256));
                use std::collections::hash_map::Entry as Slot;
                match slot {
                    Slot::Vacant(v) => {
                        v.insert(record);
                    }
                    Slot::Occupied(mut o) => {
                        if o.get().origin == VersionOrigin::External
                            && origin != VersionOrigin::External
                        {
                            o.insert(record);
                        }
                    }
                }
            }
            Body::Translation {
                commentary,
                lang,
                status,
                source_lang,
                base,
                prev,
                note,
            } => {
                let list = self
                    .translations
                    .entry((commentary.clone(), lang.clone()))
                    .or_default();
                let value = StatusEvent {
                    id: event_id,
                    draft_id: commentary,
                    lang,
                    status,
                    source_lang,
                    base,
                    author,
                    at,
                    note,
                    concurrent: None,
                };
                append(
                    list,
                    id,
                    prev,
                    value,
                    |e, c| e.concurrent = c,
                    |e| e.status.as_str().to_string(),
                );
            }
            Body::Editorial {
                commentary,
                status,
                prev,
                note,
            } => {
                let list = self.editorial.entry(commentary.clone()).or_default();
                let value = EditorialEvent {
                    id: event_id,
                    draft_id: commentary,
                    status,
                    author,
                    at,
                    note,
                    concurrent: None,
                };
                append(
                    list,
                    id,
                    prev,
                    value,
                    |e, c| e.concurrent = c,
                    |e| e.status.as_str().to_string(),
                );
            }
            Body::Note { commentary, text } => {
                self.notes
                    .entry(commentary.clone())
                    .or_default()
                    .push(EditorialNote {
                        id: event_id,
                        draft_id: commentary,
                        author,
                        at,
                        text,
                    });
            }
            Body::Minor {
                commentary,
                lang,
                sha256,
                minor,
                prev,
            } => {
                let list = self
                    .minor
                    .entry((commentary.clone(), lang.clone(), sha256))
                    .or_default();
                let value = MinorMark {
                    id: event_id,
                    draft_id: commentary,
                    lang,
                    sha256,
                    minor,
                    author,
                    at,
                };
                append(list, id, prev, value, |_, _| {}, |_| String::new());
            }
            Body::Label {
                commentary,
                lang,
                sha256,
                label,
                prev,
            } => {
                let list = self.labels.entry((commentary, lang, sha256)).or_default();
                let value = LabelRecord {
                    id: event_id,
                    label,
                    author,
                    at,
                    concurrent: None,
                };
                append(
                    list,
                    id,
                    prev,
                    value,
                    |e, c| e.concurrent = c,
                    |e| e.label.clone().unwrap_or_default(),
                );
            }
        }
    }

    /// The clock the next event written here must carry.
    pub fn next_clock(&self) -> u64 {
        self.max_clock + 1
    }

    /// How many events were folded.
    pub fn len(&self) -> usize {
        self.events
    }

    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// Lines that were not believed, by file and line.
    pub fn problems(&self) -> &[LineProblem] {
        &self.problems
    }

    /// The current status of a translation, if one was ever set.
    pub fn status(&self, commentary: &str, lang: &str) -> Option<&StatusEvent> {
        self.translations
            .get(&(commentary.to_string(), lang.to_string()))
            .and_then(|list| list.last())
            .map(|e| &e.value)
    }

    /// The event that `status` would build on, for a new event's `prev`.
    pub fn status_event_id(&self, commentary: &str, lang: &str) -> Option<EventId> {
        last_id(
            self.translations
                .get(&(commentary.to_string(), lang.to_string())),
        )
    }

    /// Every translation's current status.
    pub fn statuses(&self) -> impl Iterator<Item = &StatusEvent> {
        self.translations
            .values()
            .filter_map(|l| l.last().map(|e| &e.value))
    }

    /// A translation's status changes, newest first.
    pub fn status_log(&self, commentary: &str, lang: &str) -> Vec<StatusEvent> {
        newest_first(
            self.translations
                .get(&(commentary.to_string(), lang.to_string())),
        )
    }

    /// A commentary's current editorial status event, if any.
    pub fn editorial(&self, commentary: &str) -> Option<&EditorialEvent> {
        self.editorial
            .get(commentary)
            .and_then(|l| l.last())
            .map(|e| &e.value)
    }

    pub fn editorial_event_id(&self, commentary: &str) -> Option<EventId> {
        last_id(self.editorial.get(commentary))
    }

    /// Every commentary's current editorial status event.
    pub fn editorials(&self) -> HashMap<String, EditorialEvent> {
        self.editorial
            .iter()
            .filter_map(|(k, l)| l.last().map(|e| (k.clone(), e.value.clone())))
            .collect()
    }

    /// A commentary's editorial status changes, newest first.
    pub fn editorial_log(&self, commentary: &str) -> Vec<EditorialEvent> {
        newest_first(self.editorial.get(commentary))
    }

    /// A commentary's notes, oldest first (they read as a conversation).
    pub fn notes(&self, commentary: &str) -> Vec<EditorialNote> {
        self.notes.get(commentary).cloned().unwrap_or_default()
    }

    /// Whether a source text is currently marked minor.
    pub fn is_minor(&self, commentary: &str, lang: &str, text: &ContentHash) -> bool {
        self.minor_entry(commentary, lang, text)
            .and_then(|l| l.last())
            .is_some_and(|e| e.value.minor)
    }

    pub fn minor_event_id(
        &self,
        commentary: &str,
        lang: &str,
        text: &ContentHash,
    ) -> Option<EventId> {
        last_id(self.minor_entry(commentary, lang, text))
    }

    /// Every text currently marked minor, as (commentary, language, hash).
    pub fn minor_texts(&self) -> impl Iterator<Item = (&str, &str, &ContentHash)> {
        self.minor
            .iter()
            .filter(|(_, l)| l.last().is_some_and(|e| e.value.minor))
            .map(|((c, l, h), _)| (c.as_str(), l.as_str(), h))
    }

    /// The marks and unmarks of a text, newest first.
    pub fn minor_marks(&self, commentary: &str, lang: &str, text: &ContentHash) -> Vec<MinorMark> {
        newest_first(self.minor_entry(commentary, lang, text))
    }

    fn minor_entry(
        &self,
        commentary: &str,
        lang: &str,
        text: &ContentHash,
    ) -> Option<&Vec<Entry<MinorMark>>> {
        self.minor
            .get(&(commentary.to_string(), lang.to_string(), *text))
    }

    /// The label of a version's text, if it has one now.
    pub fn label(&self, commentary: &str, lang: &str, text: &ContentHash) -> Option<&LabelRecord> {
        self.labels
            .get(&(commentary.to_string(), lang.to_string(), *text))
            .and_then(|l| l.last())
            .map(|e| &e.value)
            .filter(|r| r.label.is_some())
    }

    pub fn label_event_id(
        &self,
        commentary: &str,
        lang: &str,
        text: &ContentHash,
    ) -> Option<EventId> {
        last_id(
            self.labels
                .get(&(commentary.to_string(), lang.to_string(), *text)),
        )
    }

    /// Who made a version's text, if a journal says.
    pub fn version(
        &self,
        commentary: &str,
        lang: &str,
        text: &ContentHash,
    ) -> Option<&VersionRecord> {
        self.versions
            .get(&(commentary.to_string(), lang.to_string(), *text))
    }
}

/// Appends `value` to a fold-ordered list and works out whether it outranked a change it had not
/// seen: the entry before it in the order, when that is not its `prev`.
fn append<T: HasAuthor>(
    list: &mut Vec<Entry<T>>,
    id: EventId,
    prev: Option<EventId>,
    mut value: T,
    set_concurrent: impl Fn(&mut T, Option<Concurrent>),
    describe: impl Fn(&T) -> String,
) {
    if let Some(before) = list.last() {
        if prev.as_ref() != Some(&before.id) {
            set_concurrent(
                &mut value,
                Some(Concurrent {
                    event: before.id.to_string(),
                    author: before.value.author().to_string(),
                    at: before.value.at(),
                    value: describe(&before.value),
                }),
            );
        }
    }
    list.push(Entry { id, value });
}

/// What a concurrency notice says of the change that lost.
trait HasAuthor {
    fn author(&self) -> &str;
    fn at(&self) -> OffsetDateTime;
}

macro_rules! has_author {
    ($($t:ty),*) => {$(
        impl HasAuthor for $t {
            fn author(&self) -> &str { &self.author }
            fn at(&self) -> OffsetDateTime { self.at }
        }
    )*};
}
has_author!(StatusEvent, EditorialEvent, MinorMark, LabelRecord);

fn last_id<T>(list: Option<&Vec<Entry<T>>>) -> Option<EventId> {
    list.and_then(|l| l.last()).map(|e| e.id.clone())
}

fn newest_first<T: Clone>(list: Option<&Vec<Entry<T>>>) -> Vec<T> {
    list.map(|l| l.iter().rev().map(|e| e.value.clone()).collect())
        .unwrap_or_default()
}

/// Ids that appear more than once with different content. `events` is sorted by (clock, id),
/// so equal ids with equal clocks are neighbours; an id reused with another clock is found by
/// the map.
fn reused_ids(events: &[(String, usize, Event)]) -> HashSet<EventId> {
    let mut first: HashMap<&EventId, &Event> = HashMap::with_capacity(events.len());
    let mut contested = HashSet::new();
    for (_, _, event) in events {
        match first.get(&event.id) {
            None => {
                first.insert(&event.id, event);
            }
            Some(seen) if *seen == event => {}
            Some(_) => {
                contested.insert(event.id.clone());
            }
        }
    }
    contested
}
