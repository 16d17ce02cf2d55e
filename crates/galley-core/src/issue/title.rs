//! Issue titles from a pattern: `.galley/settings.toml` may give one per language
//! (`issue_title = { en = "Week {week}: {dates}" }`); a new week's issue file takes its titles
//! from them, and languages without one use the defaults below. Pure.
//!
//! Placeholders: `{week}` (the ISO week number, 21), `{year}` (the ISO week's year),
//! `{dates}` (the issue's date range as pages show it in that language), `{start}` and `{end}`
//! (its first and last day, 2020-05-18).

use super::file::Issue;

/// The placeholders a pattern may use.
pub const PLACEHOLDERS: [&str; 5] = ["week", "year", "dates", "start", "end"];

/// The pattern a language uses when the settings give none.
pub fn default_title_pattern(lang: &str) -> &'static str {
    match lang.split('-').next().unwrap_or(lang) {
        "be" => "Тыдзень {week}: {dates}",
        "ru" => "Неделя {week}: {dates}",
        _ => "Week {week}: {dates}",
    }
}

/// Why `pattern` cannot make a title (an unknown or unclosed placeholder, several lines, or
/// nothing at all), as the end of a sentence.
pub fn check_title_pattern(pattern: &str) -> Result<(), String> {
    if pattern.trim().is_empty() {
        return Err("it is empty".into());
    }
    if pattern.contains(['\n', '\r']) {
        return Err("it spans several lines; keep a title on one line".into());
    }
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("`{{` at `{}` is never closed", &rest[open..]))?;
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "`{{{name}}}` is not a placeholder; use {}",
                PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// The title `pattern` gives `issue` in `lang` (a pattern `check_title_pattern` accepts).
pub fn issue_title(pattern: &str, issue: &Issue, lang: &str) -> String {
    // The issue's own week names it, even when its dates were edited.
    let (year, week) = (issue.week.year(), issue.week.week());
    pattern
        .replace("{week}", &week.to_string())
        .replace("{year}", &year.to_string())
        .replace(
            "{dates}",
            &crate::bundle::date_range(lang, issue.start, issue.end),
        )
        .replace("{start}", &issue.start.to_string())
        .replace("{end}", &issue.end.to_string())
}
