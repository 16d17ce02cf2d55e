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
use std::collections::{BTreeMap, HashMap, HashSet};
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
    /// For an approval, the texts approved (language → SHA-256); empty for other statuses
    /// and for approvals from before they named texts (`Records::approved_texts` then tells).
    pub versions: BTreeMap<String, ContentHash>,
    /// Its Lamport clock: what it saw and what came after it.
    pub clock: u64,
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

/// A translator's "done with this change": who first said so, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandledMark {
    pub id: String,
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
    /// Its Lamport clock.
    pub clock: u64,
    pub path: String,
    pub origin: VersionOrigin,
    pub author: String,
    pub at: OffsetDateTime,
}

type LangKey = (String, String);
type TextKey = (String, String, ContentHash);

/// An entry of a fold, with its event id (what a later event's `prev` names).
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// (commentary, language, base) → source texts handled against that base. A mark is a
    /// fact that never conflicts: the first one in fold order is kept, so who said it first is
    /// the same on every machine.
    handled: HashMap<TextKey, HashMap<ContentHash, HandledMark>>,
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
        // Events carry their file's index, not its name: a name is copied only for a problem.
        let mut files = Vec::with_capacity(journals.len());
        let mut events: Vec<(usize, usize, Event)> = Vec::with_capacity(total);
        for (index, journal) in journals.into_iter().enumerate() {
            records.problems.extend(journal.problems);
            files.push(journal.file);
            events.extend(
                journal
                    .events
                    .into_iter()
                    .map(|(line, event)| (index, line, event)),
            );
        }
        events.sort_by(|a, b| (a.2.clock, &a.2.id).cmp(&(b.2.clock, &b.2.id)));
        let contested = reused_ids(&events);
        let mut previous: Option<EventId> = None;
        for (file, line, event) in events {
            if contested.contains(&event.id) {
                records.problems.push(LineProblem {
                    file: files[file].clone(),
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
            clock,
            at,
            author,
            body,
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
                    clock,
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
                versions,
            } => {
                let list = self.editorial.entry(commentary.clone()).or_default();
                let value = EditorialEvent {
                    id: event_id,
                    draft_id: commentary,
                    status,
                    versions,
                    clock,
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
            Body::Handled {
                commentary,
                lang,
                paragraph,
                base,
            } => {
                self.handled
                    .entry((commentary, lang, base))
                    .or_default()
                    .entry(paragraph)
                    .or_insert(HandledMark {
                        id: event_id,
                        author,
                        at,
                    });
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

    /// Whether two folds say the same about everything (problems aside: they name lines, and
    /// the same events can stand on other lines). What "the order of events does not matter"
    /// is checked with.
    pub fn same_state(&self, other: &Records) -> bool {
        self.translations == other.translations
            && self.editorial == other.editorial
            && self.notes == other.notes
            && self.minor == other.minor
            && self.labels == other.labels
            && self.handled == other.handled
            && self.versions == other.versions
            && self.max_clock == other.max_clock
            && self.events == other.events
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

    /// The texts an approval approved, language → SHA-256. An approval names them itself; one
    /// written before approvals did is taken to approve, per language, the newest text a
    /// journal records as made before it (by Lamport clock), so it holds until the next edit.
    pub fn approved_texts(&self, approval: &EditorialEvent) -> BTreeMap<String, ContentHash> {
        if !approval.versions.is_empty() {
            return approval.versions.clone();
        }
        // Ordered like the fold (clock, then event id), so every machine picks the same text.
        let mut newest: BTreeMap<String, (u64, &str, ContentHash)> = BTreeMap::new();
        for ((commentary, lang, hash), record) in &self.versions {
            if commentary != &approval.draft_id || record.clock >= approval.clock {
                continue;
            }
            let candidate = (record.clock, record.id.as_str(), *hash);
            let slot = newest.entry(lang.clone()).or_insert(candidate);
            if (candidate.0, candidate.1) > (slot.0, slot.1) {
                *slot = candidate;
            }
        }
        newest
            .into_iter()
            .map(|(lang, (_, _, hash))| (lang, hash))
            .collect()
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

    /// Whether a translator said they are done with the change to the source text `paragraph`
    /// (SHA-256 of a paragraph, title or lead) in the `lang` translation of `commentary`
    /// made from the source text `base`.
    pub fn handled(
        &self,
        commentary: &str,
        lang: &str,
        base: &ContentHash,
        paragraph: &ContentHash,
    ) -> Option<&HandledMark> {
        self.handled
            .get(&(commentary.to_string(), lang.to_string(), *base))
            .and_then(|marks| marks.get(paragraph))
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
fn append<T>(
    list: &mut Vec<Entry<T>>,
    id: EventId,
    prev: Option<EventId>,
    mut value: T,
    set_concurrent: impl Fn(&mut T, Option<Concurrent>),
    describe: impl Fn(&T) -> String,
) where
    T: Clone + HasAuthor,
{
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
fn reused_ids(events: &[(usize, usize, Event)]) -> HashSet<EventId> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;

    fn hash(n: u8) -> ContentHash {
        ContentHash::of(&[n])
    }

    fn id(writer: &str, seq: u64) -> EventId {
        EventId {
            writer: writer.to_string(),
            seq,
        }
    }

    fn event(writer: &str, seq: u64, clock: u64, body: Body) -> Event {
        Event {
            id: id(writer, seq),
            clock,
            at: OffsetDateTime::UNIX_EPOCH + Duration::minutes(clock as i64),
            author: format!("{writer} (person)"),
            body,
        }
    }

    fn status(status: TranslationStatus, prev: Option<EventId>) -> Body {
        Body::Translation {
            commentary: "c1".into(),
            lang: "ru".into(),
            status,
            source_lang: "be".into(),
            base: Some(hash(1)),
            prev,
            note: None,
        }
    }

    fn version(text: u8, origin: VersionOrigin) -> Body {
        Body::Version {
            commentary: "c1".into(),
            lang: "be".into(),
            path: "2020-W20/c1.be.md".into(),
            sha256: hash(text),
            origin,
        }
    }

    /// "Done with this paragraph" for the ru translation made from the source text `base`.
    fn handled(paragraph: &str, base: u8) -> Body {
        Body::Handled {
            commentary: "c1".into(),
            lang: "ru".into(),
            paragraph: ContentHash::of(paragraph.as_bytes()),
            base: hash(base),
        }
    }

    /// Each writer's events as its own journal, in the order given.
    fn journals(events: &[Event]) -> Vec<JournalFile> {
        let mut by_writer: Vec<JournalFile> = Vec::new();
        for (line, e) in events.iter().enumerate() {
            let file = format!("{}.jsonl", e.id.writer);
            let index = match by_writer.iter().position(|j| j.file == file) {
                Some(i) => i,
                None => {
                    by_writer.push(JournalFile {
                        file,
                        ..JournalFile::default()
                    });
                    by_writer.len() - 1
                }
            };
            by_writer[index].events.push((line + 1, e.clone()));
        }
        by_writer
    }

    /// xorshift64: a fixed-seed order, no dependency.
    fn shuffle<T>(items: &mut [T], mut state: u64) {
        for i in (1..items.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            items.swap(i, (state % (i as u64 + 1)) as usize);
        }
    }

    /// Three writers working on the same things, some changes concurrent, some repeated.
    fn mixed_events() -> Vec<Event> {
        use EditorialStatus as E;
        use TranslationStatus as T;
        let editorial = |status, prev| Body::Editorial {
            commentary: "c1".into(),
            status,
            prev,
            note: Some("why".into()),
            versions: BTreeMap::new(),
        };
        let label = |text: Option<&str>, prev| Body::Label {
            commentary: "c1".into(),
            lang: "be".into(),
            sha256: hash(1),
            label: text.map(str::to_string),
            prev,
        };
        let note = |text: &str| Body::Note {
            commentary: "c1".into(),
            text: text.into(),
        };
        let minor = |minor, prev| Body::Minor {
            commentary: "c1".into(),
            lang: "be".into(),
            sha256: hash(2),
            minor,
            prev,
        };
        let mut events = vec![
            event("hanna", 1, 1, version(1, VersionOrigin::Save)),
            event("maria", 1, 1, version(1, VersionOrigin::External)),
            event("ivan", 1, 2, version(2, VersionOrigin::External)),
            event("hanna", 2, 2, status(T::InProgress, None)),
            event("maria", 2, 3, status(T::InReview, Some(id("hanna", 2)))),
            event("ivan", 2, 3, status(T::Done, Some(id("hanna", 2)))),
            event("hanna", 3, 4, editorial(E::InReview, None)),
            event("maria", 3, 4, editorial(E::Draft, None)),
            event("hanna", 4, 5, label(Some("first"), None)),
            event("ivan", 3, 5, label(Some("<b>second</b>"), None)),
            event("maria", 4, 6, label(None, Some(id("ivan", 3)))),
            event("hanna", 5, 6, note("one")),
            event("ivan", 4, 6, note("two")),
            event("maria", 5, 7, note("three")),
            event("hanna", 6, 7, minor(true, None)),
            event("ivan", 5, 8, minor(false, Some(id("hanna", 6)))),
            event("hanna", 7, 9, editorial(E::Approved, Some(id("maria", 3)))),
            // Two translators done with the same paragraph, one with another.
            event("maria", 6, 9, handled("Армія набірае рэзервістаў.", 1)),
            event("ivan", 6, 9, handled("Армія набірае рэзервістаў.", 1)),
            event("ivan", 7, 10, handled("The army calls up reservists.", 1)),
        ];
        // A union merge brings lines in twice.
        events.push(events[4].clone());
        events.push(events[11].clone());
        events
    }

    #[test]
    fn the_same_events_in_any_order_and_any_split_fold_to_the_same_state() {
        let events = mixed_events();
        let reference = Records::fold(journals(&events));
        assert_eq!(reference.len(), 20, "each repeated line counts once");
        assert!(
            reference.problems().is_empty(),
            "{:?}",
            reference.problems()
        );
        for seed in 1..=50u64 {
            let mut order = events.clone();
            shuffle(&mut order, seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
            let mut files = journals(&order);
            files.reverse();
            let other = Records::fold(files);
            assert!(reference.same_state(&other), "seed {seed} folds otherwise");
            assert_eq!(
                reference.notes("c1"),
                other.notes("c1"),
                "notes keep one order"
            );
        }
    }

    #[test]
    fn concurrent_status_changes_resolve_to_the_higher_clock_then_event_id_and_name_the_loser() {
        let base = event("hanna", 1, 1, status(TranslationStatus::InProgress, None));
        let prev = Some(id("hanna", 1));
        // Same clock: the larger event id (writer `maria` > `ivan`) wins.
        let ivan = event("ivan", 1, 2, status(TranslationStatus::Done, prev.clone()));
        let maria = event(
            "maria",
            1,
            2,
            status(TranslationStatus::InReview, prev.clone()),
        );
        for events in [
            vec![base.clone(), ivan.clone(), maria.clone()],
            vec![maria.clone(), ivan.clone(), base.clone()],
        ] {
            let records = Records::fold(journals(&events));
            let now = records.status("c1", "ru").expect("a status");
            assert_eq!(now.status, TranslationStatus::InReview);
            assert_eq!(now.id, "maria.1");
            let lost = now.concurrent.as_ref().expect("the loser is named");
            assert_eq!(lost.author, "ivan (person)");
            assert_eq!(lost.event, "ivan.1");
            assert_eq!(lost.value, "done");
        }
        // A higher clock wins over a larger id.
        let late_ivan = event("ivan", 1, 3, status(TranslationStatus::Done, prev));
        let records = Records::fold(journals(&[maria, late_ivan, base]));
        let now = records.status("c1", "ru").expect("a status");
        assert_eq!(now.id, "ivan.1");
        assert_eq!(
            now.concurrent.as_ref().map(|c| c.author.as_str()),
            Some("maria (person)")
        );
    }

    #[test]
    fn a_later_change_that_saw_the_winner_clears_the_concurrent_notice() {
        let prev = Some(id("hanna", 1));
        let events = vec![
            event("hanna", 1, 1, status(TranslationStatus::InProgress, None)),
            event("ivan", 1, 2, status(TranslationStatus::Done, prev.clone())),
            event("maria", 1, 2, status(TranslationStatus::InReview, prev)),
            event(
                "hanna",
                2,
                3,
                status(TranslationStatus::Done, Some(id("maria", 1))),
            ),
        ];
        let records = Records::fold(journals(&events));
        let now = records.status("c1", "ru").expect("a status");
        assert_eq!(now.id, "hanna.2");
        assert_eq!(now.concurrent, None);
        // The log still shows the contest where it happened.
        let log = records.status_log("c1", "ru");
        assert_eq!(log.len(), 4);
        assert!(log[1].concurrent.is_some(), "{:?}", log[1]);
    }

    #[test]
    fn a_record_made_in_galley_outranks_an_external_one_for_the_same_text_in_any_order() {
        let saved = event("maria", 1, 5, version(1, VersionOrigin::Save));
        let external = event("hanna", 1, 1, version(1, VersionOrigin::External));
        let late_external = event("ivan", 1, 9, version(1, VersionOrigin::External));
        for events in [
            vec![external.clone(), saved.clone(), late_external.clone()],
            vec![late_external.clone(), saved.clone(), external.clone()],
            vec![saved.clone(), late_external.clone()],
        ] {
            let records = Records::fold(journals(&events));
            let made = records.version("c1", "be", &hash(1)).expect("a record");
            assert_eq!(made.origin, VersionOrigin::Save);
            assert_eq!(made.author, "maria (person)");
        }
        // Between two external records, the first in the fold's order stays.
        let records = Records::fold(journals(&[late_external, external]));
        let made = records.version("c1", "be", &hash(1)).expect("a record");
        assert_eq!(made.id, "hanna.1");
    }

    #[test]
    fn a_handled_paragraph_is_kept_per_base_and_text_and_the_first_mark_names_who() {
        let cyrillic = "Армія набірае рэзервістаў.";
        let latin = "The army calls up reservists.";
        let events = vec![
            event("maria", 1, 1, handled(cyrillic, 1)),
            event("ivan", 1, 1, handled(cyrillic, 1)),
            event("ivan", 2, 2, handled(latin, 2)),
        ];
        let mut reversed = events.clone();
        reversed.reverse();
        for order in [events, reversed] {
            let records = Records::fold(journals(&order));
            let key = |text: &str| ContentHash::of(text.as_bytes());
            let first = records.handled("c1", "ru", &hash(1), &key(cyrillic));
            // Same clock: the event id decides, ivan before maria.
            assert_eq!(first.map(|m| m.id.as_str()), Some("ivan.1"));
            assert!(records.handled("c1", "ru", &hash(2), &key(latin)).is_some());
            // Another base, another text, another language: not handled.
            assert!(records
                .handled("c1", "ru", &hash(2), &key(cyrillic))
                .is_none());
            assert!(records.handled("c1", "ru", &hash(1), &key(latin)).is_none());
            assert!(records
                .handled("c1", "en", &hash(1), &key(cyrillic))
                .is_none());
        }
    }

    #[test]
    fn a_handled_event_reads_back_from_its_line() {
        let original = event("hanna", 3, 7, handled("Рэформа арміі — ¶2", 4));
        let line = original.to_line();
        assert!(line.contains("\"kind\":\"handled\""), "{line}");
        assert_eq!(Event::from_line(line.as_bytes(), "hanna"), Ok(original));
        let no_base = line.replace("\"base\"", "\"bass\"");
        let refused = Event::from_line(no_base.as_bytes(), "hanna").unwrap_err();
        assert!(refused.contains("`base`"), "{refused}");
    }
}
