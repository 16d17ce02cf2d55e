//! The sanitizer: no Markdown, however hostile, yields HTML that can run script.

use super::html_scan::{start_tags, StartTag};
use super::{ensure, Violation};
use crate::bundle::markdown::{markdown_for_site, markdown_to_text};
use crate::bundle::markdown_to_html;

/// Elements that run script, load documents or change how the page is read.
const FORBIDDEN_TAGS: [&str; 20] = [
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "base", "link", "meta", "form", "input", "button", "textarea", "template", "noscript", "set",
];
/// Attributes that hold a URL a browser loads or follows.
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "data",
];
/// What a URL in the output may start with (besides being relative).
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Renders `input` (lossily decoded UTF-8) with `markdown_to_html` and checks the output with
/// a tokenizer: no forbidden element, no `on*` event handler, no `srcdoc`, no `style` other
/// than a table cell's alignment, and every URL attribute relative or http/https/mailto (so no
/// `javascript:`, `vbscript:` or `data:` survives, however it is encoded or split by
/// whitespace). The plain-text and Hugo renderings must not panic either.
pub fn check_markdown_html(input: &[u8]) -> Result<(), Violation> {
    let md = String::from_utf8_lossy(input);
    let html = markdown_to_html(&md);
    for tag in start_tags(&html) {
        check_tag(&tag).map_err(|Violation(v)| Violation(format!("{v}\nin: {html}")))?;
    }
    let _ = markdown_to_text(&md);
    let _ = markdown_for_site(&md);
    Ok(())
}

fn check_tag(tag: &StartTag) -> Result<(), Violation> {
    ensure(!FORBIDDEN_TAGS.contains(&tag.name.as_str()), || {
        format!("the output has a <{}> element", tag.name)
    })?;
    for (name, value) in &tag.attributes {
        ensure(!name.starts_with("on"), || {
            format!("<{}> has the event handler {name}={value:?}", tag.name)
        })?;
        ensure(name != "srcdoc" && name != "srcset", || {
            format!("<{}> has a {name} attribute", tag.name)
        })?;
        if name == "style" {
            let alignment = ["left", "center", "right"]
                .iter()
                .any(|a| *value == format!("text-align: {a}"));
            ensure(alignment, || format!("<{}> has style={value:?}", tag.name))?;
        }
        if URL_ATTRIBUTES.contains(&name.as_str()) {
            if let Some(scheme) = url_scheme(value) {
                ensure(SAFE_SCHEMES.contains(&scheme.as_str()), || {
                    format!(
                        "<{}> has {name}={value:?} with the scheme {scheme}:",
                        tag.name
                    )
                })?;
            }
        }
    }
    Ok(())
}

/// The scheme a browser's URL parser would find in `url` (lower-cased): leading and trailing
/// C0 controls and spaces are trimmed, tabs and newlines anywhere are removed, and the scheme
/// is a letter followed by letters, digits, `+`, `-` or `.` before the first `:`.
fn url_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = compact.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_and_split_javascript_urls_are_seen_as_javascript() {
        for url in [
            "javascript:x",
            " JaVa\tScRiPt:x",
            "\u{1}javascript:x",
            "java\nscript:x",
        ] {
            assert_eq!(url_scheme(url).as_deref(), Some("javascript"), "{url:?}");
        }
        assert_eq!(url_scheme("chart.png"), None);
        assert_eq!(url_scheme("a/b:c"), None);
    }

    #[test]
    fn a_script_tag_or_handler_in_html_is_a_violation() {
        let tag = |html: &str| start_tags(html).into_iter().next().map(|t| check_tag(&t));
        assert!(matches!(tag("<script>x</script>"), Some(Err(_))));
        assert!(matches!(tag("<img src=x OnError=alert(1)>"), Some(Err(_))));
        assert!(matches!(
            tag("<a href=\"&#x6A;avascript:x\">"),
            Some(Err(_))
        ));
        assert!(matches!(tag("<a href=\"data:text/html,x\">"), Some(Err(_))));
        assert!(matches!(
            tag("<a href=\"https://example.org/?q=javascript:\">"),
            Some(Ok(()))
        ));
        assert!(matches!(
            tag("<p>javascript:alert(1) &lt;script&gt;</p>"),
            Some(Ok(()))
        ));
    }
}
