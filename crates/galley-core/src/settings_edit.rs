//! Editing the workspace's shared settings from the app: languages, sections (with their
//! titles per language) and the `[publication]` table are replaced as a whole, checked, and
//! written back into the same TOML text, so comments, the team list and untouched sections keep their bytes (the file is shared
//! through git, where a rewrite of every line would bury the real change).

use crate::error::{Error, ErrorCode, Result};
use crate::publication::Publication;
use crate::settings::{Section, Settings};
use std::collections::BTreeMap;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table};

/// What the Settings view edits; the rest of the file (the team) is kept as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsChange {
    /// Language tags in display order.
    pub languages: Vec<String>,
    /// Sections in display order, each with its titles by language tag.
    pub sections: Vec<Section>,
    /// Who publishes, where, and in which words.
    pub publication: Publication,
}

impl Settings {
    /// These settings with `change` applied, after checking it: language tags that look like
    /// tags, section keys without spaces, nothing listed twice, blank titles dropped.
    pub fn with_change(&self, change: SettingsChange) -> Result<Settings> {
        let languages: Vec<String> = change
            .languages
            .iter()
            .map(|l| l.trim().to_string())
            .collect();
        if languages.is_empty() {
            return Err(Error::invalid(
                "the language list",
                "it is empty; a workspace publishes in at least one language",
            )
            .coded(ErrorCode::LanguagesEmpty, []));
        }
        for (i, lang) in languages.iter().enumerate() {
            if !looks_like_language_tag(lang) {
                return Err(Error::invalid(
                    format!("language `{lang}`"),
                    "a language is a code like `be`, `ru`, `en` or `pt-BR`",
                )
                .coded(ErrorCode::LanguageTagInvalid, [("lang", lang.clone())]));
            }
            if languages[..i].contains(lang) {
                return Err(Error::invalid(
                    "the language list",
                    format!("`{lang}` is listed twice"),
                )
                .coded(ErrorCode::LanguageListedTwice, [("lang", lang.clone())]));
            }
        }
        let mut sections: Vec<Section> = Vec::with_capacity(change.sections.len());
        for section in change.sections {
            let key = section.key.trim().to_string();
            if key.is_empty() || key.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(Error::invalid(
                    format!("section key `{key}`"),
                    "a key is one word that drafts put in their `section` field, like `economy`",
                )
                .coded(ErrorCode::SectionKeyInvalid, [("section", key.clone())]));
            }
            if sections.iter().any(|s| s.key == key) {
                return Err(
                    Error::invalid("the section list", format!("`{key}` is listed twice"))
                        .coded(ErrorCode::SectionListedTwice, [("section", key.clone())]),
                );
            }
            let title: BTreeMap<String, String> = section
                .title
                .into_iter()
                .map(|(lang, title)| (lang.trim().to_string(), title.trim().to_string()))
                .filter(|(lang, title)| !lang.is_empty() && !title.is_empty())
                .collect();
            sections.push(Section { key, title });
        }
        let mut publication = change.publication;
        publication.validate().map_err(|message| {
            let url = publication.base_url.clone().unwrap_or_default();
            Error::invalid("the publication settings", message)
                .coded(ErrorCode::BaseUrlInvalid, [("url", url)])
        })?;
        Ok(Settings {
            languages,
            team: self.team.clone(),
            sections,
            issue_title: self.issue_title.clone(),
            publication,
        })
    }
}

/// The items of `old` that `new` no longer has, in `old`'s order.
pub fn removed<'a>(old: &'a [String], new: &[String]) -> Vec<&'a str> {
    old.iter()
        .filter(|item| !new.contains(item))
        .map(String::as_str)
        .collect()
}

/// `text` (the settings file as it is, possibly empty) edited so it reads as `new`. Only the
/// `languages` line and the sections that differ are touched. If the file can't be edited in
/// place (it doesn't parse), the settings are written out afresh.
pub fn rewrite(text: &str, old: &Settings, new: &Settings) -> Result<String> {
    if let Some(edited) = edit_in_place(text, old, new) {
        // Trust the in-place edit only when it reads back as exactly what was asked for.
        if toml::from_str::<Settings>(&edited).ok().as_ref() == Some(new) {
            return Ok(edited);
        }
    }
    let body = toml::to_string_pretty(new)
        .map_err(|e| Error::invalid("the workspace settings", e.to_string()))?;
    Ok(format!(
        "# Galley workspace settings (shared through git; history is not).\n{body}"
    ))
}

fn edit_in_place(text: &str, old: &Settings, new: &Settings) -> Option<String> {
    let mut doc: DocumentMut = text.parse().ok()?;
    if old.languages != new.languages || !doc.contains_key("languages") {
        doc["languages"] =
            toml_edit::value(Array::from_iter(new.languages.iter().map(String::as_str)));
    }
    if old.sections != new.sections {
        let existing: Vec<Table> = doc
            .get("sections")
            .and_then(Item::as_array_of_tables)
            .map(|tables| tables.iter().cloned().collect())
            .unwrap_or_default();
        let mut tables = ArrayOfTables::new();
        for section in &new.sections {
            let mut table = existing
                .iter()
                .find(|t| t.get("key").and_then(Item::as_str) == Some(section.key.as_str()))
                .cloned()
                .unwrap_or_else(|| {
                    let mut fresh = Table::new();
                    fresh["key"] = toml_edit::value(section.key.as_str());
                    fresh
                });
            // Order comes from the array: positions from parsing would restore the old order.
            table.set_position(None);
            set_titles(&mut table, &section.title);
            tables.push(table);
        }
        if tables.is_empty() {
            doc.remove("sections");
        } else {
            doc["sections"] = Item::ArrayOfTables(tables);
        }
    }
    if old.publication != new.publication {
        set_publication(&mut doc, &new.publication)?;
    }
    Some(doc.to_string())
}

/// Makes `[publication]` hold exactly `publication`, leaving the lines of unchanged values.
fn set_publication(doc: &mut DocumentMut, publication: &Publication) -> Option<()> {
    if *publication == Publication::default() {
        doc.remove("publication");
        return Some(());
    }
    let table = doc
        .entry("publication")
        .or_insert(Item::Table(Table::new()))
        .as_table_mut()?;
    set_text(table, "publisher", publication.publisher.as_deref());
    set_text(table, "base_url", publication.base_url.as_deref());
    set_text(table, "copyright", publication.copyright.as_deref());
    if publication.newsletter_title.is_empty() {
        table.remove("newsletter_title");
    } else {
        set_titles_at(table, "newsletter_title", &publication.newsletter_title);
    }
    if publication.trend.is_empty() {
        table.remove("trend");
        return Some(());
    }
    let mut implicit = Table::new();
    implicit.set_implicit(true);
    let trend = table
        .entry("trend")
        .or_insert(Item::Table(implicit))
        .as_table_mut()?;
    let stale: Vec<String> = trend
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !publication.trend.contains_key(k))
        .collect();
    for lang in stale {
        trend.remove(&lang);
    }
    for (lang, phrases) in &publication.trend {
        let sentences = trend
            .entry(lang)
            .or_insert(Item::Table(Table::new()))
            .as_table_mut()?;
        set_text(sentences, "improved", phrases.improved.as_deref());
        set_text(sentences, "unchanged", phrases.unchanged.as_deref());
        set_text(sentences, "deteriorated", phrases.deteriorated.as_deref());
    }
    Some(())
}

/// Sets `key` to `value` (removes it for `None`), leaving a line that already says so.
fn set_text(table: &mut Table, key: &str, value: Option<&str>) {
    match value {
        None => {
            table.remove(key);
        }
        Some(value) if table.get(key).and_then(Item::as_str) == Some(value) => {}
        Some(value) => table[key] = toml_edit::value(value),
    }
}

/// Makes the section's `title` table hold exactly `titles`, keeping unchanged entries as typed.
fn set_titles(table: &mut Table, titles: &BTreeMap<String, String>) {
    set_titles_at(table, "title", titles);
}

/// Makes `table[key]`, a table of texts by language, hold exactly `titles`.
fn set_titles_at(table: &mut Table, key: &str, titles: &BTreeMap<String, String>) {
    let current: Option<BTreeMap<String, String>> = table.get(key).and_then(|item| {
        let like = item.as_table_like()?;
        Some(
            like.iter()
                .filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string())))
                .collect(),
        )
    });
    if current.as_ref() == Some(titles) {
        return;
    }
    if titles.is_empty() {
        table.remove(key);
        return;
    }
    match table.get_mut(key).and_then(Item::as_table_like_mut) {
        Some(like) if current.is_some() => {
            let stale: Vec<String> = like
                .iter()
                .map(|(k, _)| k.to_string())
                .filter(|k| !titles.contains_key(k))
                .collect();
            for key in stale {
                like.remove(&key);
            }
            for (lang, title) in titles {
                if like.get(lang).and_then(Item::as_str) != Some(title.as_str()) {
                    like.insert(lang, toml_edit::value(title.as_str()));
                }
            }
            if let Some(inline) = table.get_mut(key).and_then(Item::as_inline_table_mut) {
                inline.fmt();
            }
        }
        _ => {
            let inline: InlineTable = titles
                .iter()
                .map(|(lang, title)| (lang.as_str(), title.as_str()))
                .collect();
            table[key] = toml_edit::value(inline);
        }
    }
}

/// A BCP 47-shaped tag: 2–3 letters, then `-` and 2–8 letters or digits per subtag.
fn looks_like_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# Our settings: keep this comment.
languages = [\"be\", \"ru\", \"en\"]
team = [\"Ala\",   \"Ян\"]

[[sections]]
key = \"security\"
title = { be = \"Бяспека\", ru = \"Безопасность\", en = \"Security\" }

[[sections]]
key = \"economy\"
title = { be = \"Эканоміка\", en = \"Economy\" }
";

    fn settings() -> Settings {
        toml::from_str(FILE).unwrap()
    }

    fn change(settings: &Settings) -> SettingsChange {
        SettingsChange {
            languages: settings.languages.clone(),
            sections: settings.sections.clone(),
            publication: settings.publication.clone(),
        }
    }

    fn apply(edit: impl FnOnce(&mut SettingsChange)) -> (Settings, String) {
        let old = settings();
        let mut wanted = change(&old);
        edit(&mut wanted);
        let new = old.with_change(wanted).unwrap();
        let text = rewrite(FILE, &old, &new).unwrap();
        assert_eq!(toml::from_str::<Settings>(&text).unwrap(), new, "{text}");
        (new, text)
    }

    #[test]
    fn adding_a_language_touches_only_the_languages_line() {
        let (new, text) = apply(|c| c.languages.push("pl".into()));

        assert_eq!(new.languages, ["be", "ru", "en", "pl"]);
        assert_eq!(text, FILE.replace("\"en\"]", "\"en\", \"pl\"]"));
    }

    #[test]
    fn reordering_languages_keeps_everything_else() {
        let (_, text) = apply(|c| c.languages.reverse());

        assert_eq!(
            text,
            FILE.replace("[\"be\", \"ru\", \"en\"]", "[\"en\", \"ru\", \"be\"]")
        );
    }

    #[test]
    fn changing_one_title_rewrites_only_that_section_line() {
        let (_, text) = apply(|c| {
            c.sections[1].title.insert("ru".into(), "Экономика".into());
        });

        let changed: Vec<_> = FILE
            .lines()
            .zip(text.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 1, "{text}");
        assert!(changed[0].1.contains("ru = \"Экономика\""), "{text}");
        assert_eq!(FILE.lines().count(), text.lines().count());
    }

    #[test]
    fn reordering_sections_moves_their_blocks() {
        let (new, text) = apply(|c| c.sections.reverse());

        assert_eq!(new.sections[0].key, "economy");
        let economy = text.find("key = \"economy\"").unwrap();
        let security = text.find("key = \"security\"").unwrap();
        assert!(economy < security, "{text}");
        assert!(
            text.starts_with("# Our settings: keep this comment.\n"),
            "{text}"
        );
        assert!(text.contains("team = [\"Ala\",   \"Ян\"]"), "{text}");
    }

    #[test]
    fn adding_and_removing_sections() {
        let (new, text) = apply(|c| {
            c.sections.remove(0);
            c.sections.push(Section {
                key: "society".into(),
                title: BTreeMap::from([("en".into(), "Society".into())]),
            });
        });

        let keys: Vec<_> = new.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["economy", "society"]);
        assert!(!text.contains("security"), "{text}");
    }

    #[test]
    fn blank_titles_are_dropped_and_names_trimmed() {
        let (new, _) = apply(|c| {
            c.sections[0].title.insert("ru".into(), "  ".into());
            c.languages[0] = " be ".into();
        });

        assert!(!new.sections[0].title.contains_key("ru"));
        assert_eq!(new.languages[0], "be");
    }

    #[test]
    fn an_unparsable_file_is_written_afresh() {
        let old = Settings::default();
        let new = old
            .with_change(SettingsChange {
                languages: vec!["en".into()],
                sections: vec![],
                publication: Publication::default(),
            })
            .unwrap();

        let text = rewrite("languages = [", &old, &new).unwrap();

        assert_eq!(toml::from_str::<Settings>(&text).unwrap(), new);
    }

    #[test]
    fn the_team_is_kept() {
        let (new, _) = apply(|c| {
            c.languages.pop();
        });

        assert_eq!(new.team, ["Ala", "Ян"]);
    }

    #[test]
    fn refuses_an_empty_language_list() {
        let error = settings()
            .with_change(SettingsChange {
                languages: vec![],
                sections: vec![],
                publication: Publication::default(),
            })
            .unwrap_err();

        assert_eq!(error.kind(), crate::ErrorKind::Invalid);
        assert!(
            error.to_string().contains("at least one language"),
            "{error}"
        );
    }

    #[test]
    fn refuses_a_language_listed_twice_naming_it() {
        let old = settings();
        let mut wanted = change(&old);
        wanted.languages.push("ru".into());

        let error = old.with_change(wanted).unwrap_err();

        assert!(
            error.to_string().contains("`ru` is listed twice"),
            "{error}"
        );
    }

    #[test]
    fn refuses_what_is_not_a_language_tag() {
        for bad in ["", "english language", "r", "ru_RU", "русский"] {
            let old = settings();
            let mut wanted = change(&old);
            wanted.languages.push(bad.into());
            assert!(old.with_change(wanted).is_err(), "{bad:?} accepted");
        }
        assert!(looks_like_language_tag("pt-BR"));
        assert!(looks_like_language_tag("be-tarask"));
    }

    #[test]
    fn refuses_a_section_key_with_spaces_or_twice() {
        let old = settings();
        let mut spaced = change(&old);
        spaced.sections[0].key = "foreign policy".into();
        let mut twice = change(&old);
        twice.sections[1].key = "security".into();

        assert!(old
            .with_change(spaced)
            .unwrap_err()
            .to_string()
            .contains("one word"));
        assert!(old
            .with_change(twice)
            .unwrap_err()
            .to_string()
            .contains("listed twice"));
    }

    #[test]
    fn removed_lists_what_the_new_list_lacks() {
        let old: Vec<String> = ["be", "ru", "en"].map(String::from).to_vec();
        let new: Vec<String> = ["en", "be"].map(String::from).to_vec();

        assert_eq!(removed(&old, &new), ["ru"]);
    }

    #[test]
    fn setting_the_publisher_adds_a_publication_table_and_keeps_the_rest() {
        let (new, text) = apply(|c| {
            c.publication.publisher = Some(" Example Institute ".into());
            c.publication.base_url = Some("https://example.org/digest".into());
        });
        assert_eq!(
            new.publication.base_url.as_deref(),
            Some("https://example.org/digest/")
        );
        assert!(text.starts_with(FILE), "{text}");
        assert!(text.ends_with(
            "\n[publication]\npublisher = \"Example Institute\"\nbase_url = \"https://example.org/digest/\"\n"
        ), "{text}");
    }

    #[test]
    fn changing_one_trend_sentence_rewrites_only_its_line() {
        let with_trend = format!(
            "{FILE}\n[publication]\npublisher = 'X'\n\n[publication.trend.en]\nimproved = 'Better'\nunchanged = 'Same'\n"
        );
        let old: Settings = toml::from_str(&with_trend).unwrap();
        let mut wanted = change(&old);
        wanted.publication.trend.get_mut("en").unwrap().unchanged =
            Some("The situation has not changed".into());
        let new = old.with_change(wanted).unwrap();
        let text = rewrite(&with_trend, &old, &new).unwrap();
        assert_eq!(
            text,
            with_trend.replace(
                "unchanged = 'Same'",
                "unchanged = \"The situation has not changed\""
            )
        );
        let mut cleared = change(&new);
        cleared.publication = Publication::default();
        let none = new.with_change(cleared).unwrap();
        assert_eq!(
            rewrite(&text, &new, &none).unwrap(),
            FILE,
            "the table goes as a whole"
        );
    }

    #[test]
    fn refuses_a_base_url_that_is_not_a_web_address() {
        let err = settings()
            .with_change(SettingsChange {
                publication: Publication {
                    base_url: Some("digest.example.org".into()),
                    ..Publication::default()
                },
                ..change(&settings())
            })
            .unwrap_err();
        assert!(err.to_string().contains("`publication.base_url`"), "{err}");
    }
}
