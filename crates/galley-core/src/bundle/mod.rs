//! Publishing bundles: everything a weekly issue is published as, rendered by pure functions
//! from a plain [`BundleInput`] and written deterministically (the same input gives the same
//! bytes, folder or zip).
//!
//! Layout (per published language `L`, commentary slug `S`, section key `K`):
//! ```text
//! manifest.json                      every other file: size, SHA-256; every text's version id
//! L/index.html                       the issue
//! L/S.html                           one standalone page per commentary
//! L/email.html, L/email.txt          newsletter (inline CSS, tables) and its plain-text twin *
//! L/feed.atom, L/feed.json           RFC 4287 and JSON Feed 1.1, absolute links *
//! L/issue.ninjs.json                 IPTC ninjs 2.1 item for the issue (associations) *
//! L/ninjs/S.json                     IPTC ninjs 2.1 item per commentary *
//! L/issue.ninjs3.json, L/ninjs3/S.json  the same in IPTC ninjs 3.1 *
//! hugo/content/Y/wNN/_index.L.md     Hugo multilingual page bundles, under the week's own
//! hugo/content/Y/wNN/K/_index.L.md   folder (ISO year Y, week NN), so weeks add up to an
//! hugo/content/Y/wNN/K/S/index.L.md  archive
//! ```
//!
//! `*`: made only when the publication settings they need (publisher, base URL) are set;
//! otherwise listed in [`Bundle::left_out`].
//!
//! Invariants: nothing here reads the clock (times come from the input); every piece of
//! draft Markdown becomes HTML only through [`markdown_to_html`].

mod email;
mod feeds;
mod locale;
mod manifest;
pub(crate) mod markdown;
mod ninjs;
mod pages;
mod site;
mod write;

pub(crate) use locale::date_range;
pub use markdown::markdown_to_html;
pub use ninjs::Version as NinjsVersion;
pub use write::MANIFEST_FORMAT;

use crate::draft::{is_language_tag, Draft, FrontMatter, IsoWeek, Trend};
use crate::error::{Error, ErrorCode, Result};
use crate::hash::ContentHash;
use crate::publication::{Format, Publication};
use std::collections::{BTreeMap, HashSet};
use time::{Date, OffsetDateTime, Time};

/// A weekly issue, ready to publish: everything the bundle shows, nothing read from disk.
#[derive(Clone, Debug)]
pub struct BundleInput {
    pub week: IsoWeek,
    /// First and last day shown (Monday and Sunday unless the issue says otherwise).
    pub first_day: Date,
    pub last_day: Date,
    /// Who publishes and where, and the team's words (from `[publication]` in the settings).
    pub publication: Publication,
    /// The issue's title per language.
    pub titles: BTreeMap<String, String>,
    /// Sections in issue order.
    pub sections: Vec<SectionInput>,
    /// Commentaries in issue order (grouped by their section's order when shown).
    pub commentaries: Vec<CommentaryInput>,
    /// Languages to publish, in display order; every commentary must have each of them.
    pub languages: Vec<String>,
    /// The bundle's one timestamp: feeds' `updated`, ninjs times, zip entry times.
    pub published_at: OffsetDateTime,
}

#[derive(Clone, Debug)]
pub struct SectionInput {
    pub key: String,
    /// Per language; a missing language shows the key.
    pub titles: BTreeMap<String, String>,
}

#[derive(Clone, Debug)]
pub struct CommentaryInput {
    /// The commentary's id (shared by its language versions).
    pub id: String,
    /// The file-name stem (`army-reserve-call-up`), used in paths.
    pub slug: String,
    /// A section key from [`BundleInput::sections`].
    pub section: String,
    /// Language → the exact version that goes in.
    pub versions: BTreeMap<String, LangText>,
}

/// One language version of a commentary, exactly as it was saved.
#[derive(Clone, Debug)]
pub struct LangText {
    /// The full file text.
    pub text: String,
    /// The history version id of `text`.
    pub version_id: i64,
    pub front: FrontMatter,
    pub body: String,
    /// The text the editor approved (SHA-256), which the manifest names beside the text that
    /// goes out: the same, or one a minor change (marked by its author) away.
    pub approved: Option<ContentHash>,
}

impl LangText {
    pub fn from_draft(draft: &Draft, version_id: i64) -> LangText {
        LangText {
            text: draft.text().to_string(),
            version_id,
            front: draft.front().clone(),
            body: draft.body().to_string(),
            approved: None,
        }
    }
}

impl BundleInput {
    /// The default publication time of an issue: 00:00 UTC on its week's Sunday.
    pub fn default_published_at(week: IsoWeek) -> OffsetDateTime {
        week.sunday().with_time(Time::MIDNIGHT).assume_utc()
    }
}

/// A step of [`render`]: `done` of `total` units (one per commentary and language, one per
/// language for the issue-level files, one for the manifest), and what was just made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub what: String,
}

/// A format the bundle leaves out because settings it needs are unset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub format: Format,
    /// The unset keys of `[publication]`.
    pub missing: Vec<&'static str>,
}

impl LeftOut {
    /// One sentence naming the files, the missing settings and where to set them.
    pub fn message(&self) -> String {
        let keys: Vec<String> = self.missing.iter().map(|k| format!("`{k}`")).collect();
        format!(
            "{}: not made; set {} under [publication] in .galley/settings.toml",
            self.format.files(),
            keys.join(" and ")
        )
    }
}

/// A rendered bundle: files as (relative path with `/`, bytes), sorted by path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub files: Vec<(String, Vec<u8>)>,
    /// Formats not made, each with the settings it lacks.
    pub left_out: Vec<LeftOut>,
    /// For zip entry times.
    pub(crate) published_at: OffsetDateTime,
}

impl Bundle {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }
}

/// What every renderer of one language needs, computed once.
pub(crate) struct LangContext<'a> {
    pub input: &'a BundleInput,
    pub lang: &'a str,
    pub words: &'static locale::Words,
    pub issue_title: &'a str,
    pub date_range: String,
    /// Sections that have commentaries, in order, with theirs.
    pub sections: Vec<(&'a SectionInput, Vec<Entry<'a>>)>,
}

/// One commentary in one language, with its body rendered once.
pub(crate) struct Entry<'a> {
    pub commentary: &'a CommentaryInput,
    pub text: &'a LangText,
    pub body_html: String,
}

impl LangContext<'_> {
    pub fn entries(&self) -> impl Iterator<Item = &Entry<'_>> {
        self.sections.iter().flat_map(|(_, entries)| entries.iter())
    }

    pub fn section_title(&self, section: &SectionInput) -> String {
        section
            .titles
            .get(self.lang)
            .cloned()
            .unwrap_or_else(|| section.key.clone())
    }

    /// The section a commentary is in, by its title in this language.
    pub fn section_of(&self, entry: &Entry) -> String {
        self.sections
            .iter()
            .find(|(s, _)| s.key == entry.commentary.section)
            .map_or_else(
                || entry.commentary.section.clone(),
                |(s, _)| self.section_title(s),
            )
    }

    /// The team's sentence for a trend ("The situation has not changed"), else "Trend: unchanged".
    pub fn trend_text(&self, trend: Trend) -> String {
        match self.input.publication.trend_phrase(self.lang, trend) {
            Some(phrase) => phrase.to_string(),
            None => format!("{}: {}", self.words.trend_label, self.words.trend(trend)),
        }
    }

    /// "By" / "Автор" / "Авторы" for `n` authors.
    pub fn by_label(&self, n: usize) -> &'static str {
        self.words.by.pick(self.lang, n as u64)
    }

    /// The newsletter's name in this language, or the issue's title when the team set none.
    pub fn newsletter_title(&self) -> &str {
        self.input
            .publication
            .newsletter_title
            .get(self.lang)
            .map_or(self.issue_title, String::as_str)
    }

    /// The absolute URL of a page of this language (only called for formats that need the
    /// base URL, which are left out without it).
    pub fn url(&self, page: &str) -> String {
        self.input
            .publication
            .url(self.lang, page)
            .unwrap_or_default()
    }

    /// Whether the bundle makes `format` (its settings are set).
    pub fn makes(&self, format: Format) -> bool {
        self.input.publication.missing_for(format).is_empty()
    }

    pub fn publisher(&self) -> &str {
        self.input
            .publication
            .publisher
            .as_deref()
            .unwrap_or_default()
    }
}

/// Renders the whole bundle. Refuses input that would make a broken or ambiguous bundle
/// (a commentary missing a published language, an unknown section, unsafe or repeated slugs).
pub fn render(input: &BundleInput, progress: &mut dyn FnMut(Progress)) -> Result<Bundle> {
    check(input)?;
    let total = input.languages.len() * (input.commentaries.len() + 1) + 1;
    let mut done = 0;
    let mut report = |what: String| {
        done += 1;
        progress(Progress { done, total, what });
    };
    let left_out: Vec<LeftOut> = Format::ALL
        .into_iter()
        .map(|format| LeftOut {
            format,
            missing: input.publication.missing_for(format),
        })
        .filter(|l| !l.missing.is_empty())
        .collect();
    let makes = |format: Format| !left_out.iter().any(|l| l.format == format);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for lang in &input.languages {
        let ctx = context(input, lang, &mut report)?;
        for entry in ctx.entries() {
            let slug = &entry.commentary.slug;
            files.push((
                format!("{lang}/{slug}.html"),
                pages::commentary(&ctx, entry),
            ));
            if makes(Format::Ninjs) {
                for version in ninjs::Version::ALL {
                    files.push((
                        format!("{lang}/{}/{slug}.json", version.folder()),
                        ninjs::commentary(&ctx, entry, version),
                    ));
                }
            }
            files.push((site::page_path(&ctx, entry), site::page(&ctx, entry)));
        }
        files.push((format!("{lang}/index.html"), pages::index(&ctx)));
        if makes(Format::Email) {
            files.push((format!("{lang}/email.html"), email::html(&ctx)));
            files.push((format!("{lang}/email.txt"), email::text(&ctx)));
        }
        if makes(Format::Feeds) {
            files.push((format!("{lang}/feed.atom"), feeds::atom(&ctx)));
            files.push((format!("{lang}/feed.json"), feeds::json(&ctx)));
        }
        if makes(Format::Ninjs) {
            for version in ninjs::Version::ALL {
                files.push((
                    format!("{lang}/issue.{}.json", version.folder()),
                    ninjs::issue(&ctx, version),
                ));
            }
        }
        files.extend(site::lists(&ctx));
        report(format!("{lang}: issue pages, email, feeds"));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let manifest = manifest::render(input, &files, &left_out);
    files.push(("manifest.json".to_string(), manifest));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    report("manifest.json".to_string());
    Ok(Bundle {
        files,
        left_out,
        published_at: input.published_at,
    })
}

fn context<'a>(
    input: &'a BundleInput,
    lang: &'a str,
    report: &mut dyn FnMut(String),
) -> Result<LangContext<'a>> {
    let issue_title = input.titles.get(lang).ok_or_else(|| {
        Error::invalid(
            format!("issue {}", input.week),
            format!("it has no title in `{lang}`; add one before publishing `{lang}`"),
        )
        .coded(
            ErrorCode::ExportIssueNoTitle,
            [("week", input.week.to_string()), ("lang", lang.to_string())],
        )
    })?;
    let mut sections = Vec::new();
    for section in &input.sections {
        let mut entries = Vec::new();
        for commentary in input
            .commentaries
            .iter()
            .filter(|c| c.section == section.key)
        {
            // `check` made sure every published language is present.
            let Some(text) = commentary.versions.get(lang) else {
                continue;
            };
            let body_html = markdown::markdown_to_html_with_prefix(&text.body, &commentary.slug);
            entries.push(Entry {
                commentary,
                text,
                body_html,
            });
            report(format!("{lang}/{}", commentary.slug));
        }
        if !entries.is_empty() {
            sections.push((section, entries));
        }
    }
    Ok(LangContext {
        input,
        lang,
        words: locale::words(lang),
        issue_title,
        date_range: locale::date_range(lang, input.first_day, input.last_day),
        sections,
    })
}

/// Whether a commentary's file name (without `.<lang>.md`) can name its pages: path-safe and
/// not one of the issue's own pages. Readiness asks the same question, so export never refuses
/// what `issue check` calls ready.
pub fn is_publishable_slug(slug: &str) -> bool {
    is_path_safe(slug) && !matches!(slug, "index" | "email" | "feed")
}

/// A name safe as one path component on every platform and in URLs.
fn is_path_safe(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !name.starts_with('-')
}

fn check(input: &BundleInput) -> Result<()> {
    let what = || format!("the bundle for issue {}", input.week);
    let bad = |message: String| Err(Error::invalid(what(), message));
    if input.languages.is_empty() {
        return bad("no language was chosen to publish".to_string());
    }
    let mut langs = HashSet::new();
    for lang in &input.languages {
        if !is_language_tag(lang) || !langs.insert(lang.as_str()) {
            return bad(format!("`{lang}` is not a language tag or is listed twice"));
        }
    }
    if input.first_day > input.last_day {
        return bad("its date range ends before it starts".to_string());
    }
    let mut section_keys = HashSet::new();
    for section in &input.sections {
        if !is_path_safe(&section.key) || !section_keys.insert(section.key.as_str()) {
            return Err(Error::invalid(
                what(),
                format!(
                    "section key `{}` is repeated or not lowercase letters, digits and dashes",
                    section.key
                ),
            )
            .coded(
                ErrorCode::ExportSectionKeyInvalid,
                [("section", section.key.clone())],
            ));
        }
    }
    let mut slugs = HashSet::new();
    let mut ids = HashSet::new();
    for c in &input.commentaries {
        if !is_publishable_slug(&c.slug) {
            return Err(Error::invalid(
                what(),
                format!(
                    "commentary `{}` has the file name `{}`, which is reserved or not lowercase letters, digits and dashes; rename the file",
                    c.id, c.slug
                ),
            )
            .coded(
                ErrorCode::ExportSlugInvalid,
                [("id", c.id.clone()), ("slug", c.slug.clone())],
            ));
        }
        if !slugs.insert(c.slug.as_str()) || !ids.insert(c.id.as_str()) {
            return bad(format!(
                "commentary `{}` ({}) appears twice in the issue",
                c.id, c.slug
            ));
        }
        if !section_keys.contains(c.section.as_str()) {
            return bad(format!(
                "commentary `{}` is in section `{}`, which the issue does not have",
                c.slug, c.section
            ));
        }
        for lang in &input.languages {
            if !c.versions.contains_key(lang) {
                return Err(Error::invalid(
                    what(),
                    format!(
                        "commentary `{}` has no `{lang}` version; translate it or leave `{lang}` out of this export",
                        c.slug
                    ),
                )
                .coded(
                    ErrorCode::ExportLanguageMissing,
                    [("id", c.id.clone()), ("lang", lang.clone())],
                ));
            }
        }
    }
    Ok(())
}

/// Escapes text for HTML and XML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The stable URI naming a commentary's language version in feeds and ninjs.
pub(crate) fn commentary_uri(commentary: &CommentaryInput, lang: &str) -> String {
    format!("urn:galley:commentary:{}:{lang}", uri_part(&commentary.id))
}

pub(crate) fn issue_uri(week: IsoWeek, lang: &str) -> String {
    format!("urn:galley:issue:{week}:{lang}")
}

fn uri_part(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
