//! The `[publication]` table of `.galley/settings.toml`: who publishes, where the site lives,
//! and the team's own words (the newsletter's title, the copyright line, the trend phrases).
//! Galley never signs a publication itself: a format that needs a setting that is unset is
//! left out of the bundle, and the export names the setting (see [`Publication::missing_for`]).

use crate::draft::Trend;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The publisher: the feeds' author, the ninjs copyright holder, the email's signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The site the bundle is published at (`https://example.org/digest/`); absolute links in
    /// feeds, ninjs and the email start with it, followed by `<lang>/<page>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The newsletter's name per language (the email's and the feeds' title); the issue's
    /// title stands in where a language has none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub newsletter_title: BTreeMap<String, String>,
    /// "© 2020 Example Institute": pages' and the email's footer, Atom `rights`, ninjs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// Per language, the sentence shown for each trend instead of "Trend: improved".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub trend: BTreeMap<String, TrendPhrases>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrendPhrases {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub improved: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unchanged: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deteriorated: Option<String>,
}

impl TrendPhrases {
    pub fn get(&self, trend: Trend) -> Option<&str> {
        match trend {
            Trend::Improved => self.improved.as_deref(),
            Trend::Unchanged => self.unchanged.as_deref(),
            Trend::Deteriorated => self.deteriorated.as_deref(),
        }
    }
}

/// A group of bundle files that needs settings to be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `feed.atom`, `feed.json`: absolute links and an author.
    Feeds,
    /// `ninjs/*.json`, `issue.ninjs.json` and their 3.x twins: URIs and a copyright holder.
    Ninjs,
    /// `email.html`, `email.txt`: absolute links (a mail has no folder) and a signature.
    Email,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Feeds, Format::Ninjs, Format::Email];

    /// The stable tag for JSON and the UI: `feeds`, `ninjs`, `email`.
    pub fn code(self) -> &'static str {
        match self {
            Format::Feeds => "feeds",
            Format::Ninjs => "ninjs",
            Format::Email => "email",
        }
    }

    pub fn files(self) -> &'static str {
        match self {
            Format::Feeds => "Feeds (feed.atom, feed.json)",
            Format::Ninjs => {
                "The ninjs items (ninjs/, issue.ninjs.json, ninjs3/, issue.ninjs3.json)"
            }
            Format::Email => "The newsletter (email.html, email.txt)",
        }
    }
}

impl Publication {
    /// The settings `format` needs that are unset, by their key in `[publication]`.
    pub fn missing_for(&self, _format: Format) -> Vec<&'static str> {
        // Every format that needs settings needs both today; kept per format so one can
        // come to need more without changing its callers.
        let mut missing = Vec::new();
        if self.publisher.is_none() {
            missing.push("publisher");
        }
        if self.base_url.is_none() {
            missing.push("base_url");
        }
        missing
    }

    /// The absolute URL of `page` (`index.html`, `feed.atom`) in language `lang`'s folder.
    pub fn url(&self, lang: &str, page: &str) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|base| format!("{base}{lang}/{page}"))
    }

    /// The sentence for `trend` in `lang`, when the team set one.
    pub fn trend_phrase(&self, lang: &str, trend: Trend) -> Option<&str> {
        self.trend.get(lang).and_then(|p| p.get(trend))
    }

    /// Checks the values and normalizes them: text trimmed and blank text dropped, the base
    /// URL an absolute `http(s)` URL without query or fragment, ending in `/`. The message
    /// names the key and what to write.
    pub fn validate(&mut self) -> Result<(), String> {
        fn clean(value: &mut Option<String>) {
            *value = value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string);
        }
        clean(&mut self.publisher);
        clean(&mut self.copyright);
        clean(&mut self.base_url);
        self.newsletter_title = std::mem::take(&mut self.newsletter_title)
            .into_iter()
            .map(|(lang, title)| (lang.trim().to_string(), title.trim().to_string()))
            .filter(|(_, title)| !title.is_empty())
            .collect();
        for phrases in self.trend.values_mut() {
            clean(&mut phrases.improved);
            clean(&mut phrases.unchanged);
            clean(&mut phrases.deteriorated);
        }
        if let Some(base) = &self.base_url {
            self.base_url = Some(normalize_base_url(base)?);
        }
        Ok(())
    }
}

fn normalize_base_url(text: &str) -> Result<String, String> {
    let problem = |why: &str| {
        format!(
            "`publication.base_url` = \"{text}\" {why}; write the site's address, like \
             \"https://example.org/digest/\""
        )
    };
    let url = url::Url::parse(text).map_err(|e| problem(&format!("is not a URL ({e})")))?;
    if !matches!(url.scheme(), "https" | "http") || url.host_str().is_none() {
        return Err(problem("is not an http or https address"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(problem("has a query or fragment"));
    }
    let mut base = url.to_string();
    if !base.ends_with('/') {
        base.push('/');
    }
    Ok(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_base(base: &str) -> Result<Option<String>, String> {
        let mut p = Publication {
            base_url: Some(base.to_string()),
            ..Publication::default()
        };
        p.validate().map(|()| p.base_url)
    }

    #[test]
    fn a_base_url_gets_its_final_slash_and_page_urls_follow_it() {
        assert_eq!(
            with_base(" https://example.org/digest ").unwrap(),
            Some("https://example.org/digest/".to_string())
        );
        let p = Publication {
            base_url: with_base("https://example.org").unwrap(),
            ..Publication::default()
        };
        assert_eq!(
            p.url("en", "feed.atom").as_deref(),
            Some("https://example.org/en/feed.atom")
        );
    }

    #[test]
    fn a_base_url_that_is_not_a_web_address_is_refused_by_key() {
        for bad in [
            "example.org",
            "ftp://example.org/",
            "https://x.org/?a=1",
            "/digest/",
        ] {
            let message = with_base(bad).unwrap_err();
            assert!(message.contains("`publication.base_url`"), "{message}");
            assert!(message.contains(bad), "{message}");
        }
    }

    #[test]
    fn missing_settings_are_named_and_blank_ones_count_as_missing() {
        let mut p = Publication {
            publisher: Some("  ".into()),
            base_url: Some("https://example.org/".into()),
            ..Publication::default()
        };
        p.validate().unwrap();
        assert_eq!(p.missing_for(Format::Feeds), vec!["publisher"]);
        p.publisher = Some("Institute".into());
        assert!(p.missing_for(Format::Email).is_empty());
    }
}
