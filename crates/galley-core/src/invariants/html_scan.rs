//! A small HTML tokenizer, enough to see a sanitized fragment the way a browser would: which
//! start tags it has and their attributes with entity references decoded. Text (where `<` and
//! `&` come escaped) is skipped, so the sanitizer's own escaping cannot fool a check.

/// A start tag: its lower-case name and its attributes (lower-case names, decoded values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// Every start tag in `html`, in order. Comments, doctypes and processing instructions are
/// skipped like a browser skips them; so is the raw text inside `script`, `style`, `textarea`
/// and `title`, after their start tag has been reported.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut pos = 0;
    while let Some(offset) = html[pos..].find('<') {
        let lt = pos + offset;
        let next = bytes.get(lt + 1).copied();
        pos = match next {
            Some(b'!') if html[lt..].starts_with("<!--") => html[lt + 4..]
                .find("-->")
                .map_or(html.len(), |e| lt + 4 + e + 3),
            Some(b'!' | b'?') => skip_past(html, lt, '>'),
            Some(b'/') => skip_past(html, lt, '>'),
            Some(c) if c.is_ascii_alphabetic() => {
                let (tag, end) = start_tag(html, lt + 1);
                let raw_text =
                    ["script", "style", "textarea", "title"].contains(&tag.name.as_str());
                let after = if raw_text {
                    let close = format!("</{}", tag.name);
                    find_ascii_ci(&html[end..], &close).map_or(html.len(), |e| end + e)
                } else {
                    end
                };
                tags.push(tag);
                after
            }
            _ => lt + 1,
        };
    }
    tags
}

fn skip_past(html: &str, from: usize, c: char) -> usize {
    html[from..].find(c).map_or(html.len(), |e| from + e + 1)
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r')
}

/// Reads a start tag whose name begins at `pos`; returns it and the offset after its `>`.
fn start_tag(html: &str, mut pos: usize) -> (StartTag, usize) {
    let take_while = |pos: usize, stop: &dyn Fn(char) -> bool| {
        html[pos..].find(stop).map_or(html.len(), |e| pos + e)
    };
    let name_end = take_while(pos, &|c| is_space(c) || c == '/' || c == '>');
    let name = html[pos..name_end].to_ascii_lowercase();
    pos = name_end;
    let mut attributes = Vec::new();
    loop {
        pos = take_while(pos, &|c| !is_space(c) && c != '/');
        match html[pos..].chars().next() {
            None => return (StartTag { name, attributes }, html.len()),
            Some('>') => return (StartTag { name, attributes }, pos + 1),
            Some(_) => {}
        }
        let first_len = html[pos..].chars().next().map_or(1, char::len_utf8);
        let attr_end = take_while(pos + first_len, &|c| {
            is_space(c) || c == '/' || c == '>' || c == '='
        });
        let attr = html[pos..attr_end].to_ascii_lowercase();
        pos = take_while(attr_end, &|c| !is_space(c));
        let mut value = String::new();
        if html[pos..].starts_with('=') {
            pos = take_while(pos + 1, &|c| !is_space(c));
            let raw = match html[pos..].chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = html[pos + 1..].find(q).map_or(html.len(), |e| pos + 1 + e);
                    let raw = &html[pos + 1..end];
                    pos = (end + 1).min(html.len());
                    raw
                }
                _ => {
                    let end = take_while(pos, &|c| is_space(c) || c == '>');
                    let raw = &html[pos..end];
                    pos = end;
                    raw
                }
            };
            value = decode_entities(raw);
        }
        attributes.push((attr, value));
    }
}

/// Decodes numeric character references and the named ones that matter for URLs.
pub fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (decoded, used) = reference(rest);
        match decoded {
            Some(c) => out.push_str(&c),
            None => out.push('&'),
        }
        rest = &rest[used.max(1)..];
    }
    out.push_str(rest);
    out
}

/// The reference at the start of `s` (which begins with `&`) and how many bytes it used.
fn reference(s: &str) -> (Option<String>, usize) {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return (None, 1);
        }
        // Leading zeros don't count (`&#0000106;` is `j`); too many digits is U+FFFD.
        let significant = digits[..len].trim_start_matches('0');
        let value = if significant.len() > 8 {
            0xFFFD
        } else {
            u32::from_str_radix(significant, radix).unwrap_or(0)
        };
        let c = char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        let semi = usize::from(digits[len..].starts_with(';'));
        return (Some(c.to_string()), skip + len + semi);
    }
    const NAMED: [(&str, &str); 10] = [
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", "\u{a0}"),
        ("colon", ":"),
        ("tab", "\t"),
        ("newline", "\n"),
        ("sol", "/"),
    ];
    for (name, text) in NAMED {
        let matches = body
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if matches {
            let semi = usize::from(body[name.len()..].starts_with(';'));
            return (Some(text.to_string()), 1 + name.len() + semi);
        }
    }
    (None, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_quoted_unquoted_and_bare_with_entities_decoded() {
        let tags = start_tags(
            "<p>a &lt;script&gt;</p><A HREF='java&#115;cript&colon;x' title=t disabled>x</a>",
        );
        assert_eq!(tags.len(), 2, "{tags:?}");
        assert_eq!(tags[1].name, "a");
        assert_eq!(
            tags[1].attributes,
            vec![
                ("href".to_string(), "javascript:x".to_string()),
                ("title".to_string(), "t".to_string()),
                ("disabled".to_string(), String::new()),
            ]
        );
    }

    #[test]
    fn comments_and_raw_text_hide_what_looks_like_tags() {
        let tags = start_tags("<!-- <script> --><style><img onerror=x></style><b>");
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["style", "b"]);
    }
}
