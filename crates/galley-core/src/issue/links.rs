//! Links from a draft's body to files of the workspace: inline links and images
//! (`[text](img/map.png)`, `![map](../maps/a.png "title")`) and reference definitions
//! (`[map]: img/map.png`). Web addresses, `mailto:` and the like, in-page anchors and anything
//! inside code are not file links.

/// The file targets of the relative links in `body`, in order, without `#fragment` or
/// `?query`, percent-escapes decoded. A target starting with `/` is relative to the workspace
/// root; any other to the draft's folder.
pub fn file_links(body: &str) -> Vec<String> {
    let mut targets = Vec::new();
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if trimmed.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') {
            continue; // an indented code block (or a continuation; links there are rare)
        }
        let text = without_code_spans(line);
        if let Some(target) = reference_definition(&text) {
            targets.push(target);
            continue;
        }
        inline_targets(&text, &mut targets);
    }
    targets
        .into_iter()
        .filter_map(|t| file_target(&t))
        .collect()
}

/// The line with `code spans` blanked out.
fn without_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
            out.push(' ');
        } else if in_code {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// `[label]: target "title"` (not a footnote `[^1]: text`).
fn reference_definition(line: &str) -> Option<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line.get(indent..)?;
    if indent > 3 || !rest.starts_with('[') || rest.starts_with("[^") {
        return None;
    }
    let close = rest.find("]:")?;
    let target = rest[close + 2..].trim();
    if target.is_empty() {
        return None;
    }
    Some(first_destination(target))
}

/// Every `](destination)` in the line.
fn inline_targets(line: &str, out: &mut Vec<String>) {
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let mut depth = 0usize;
        let mut end = None;
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = Some(i);
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        let Some(end) = end else {
            break;
        };
        let inside = after[..end].trim();
        if !inside.is_empty() {
            out.push(first_destination(inside));
        }
        rest = &after[end..];
    }
}

/// The destination of `dest "title"` or `<dest with spaces> "title"`.
fn first_destination(text: &str) -> String {
    if let Some(inner) = text.strip_prefix('<') {
        return inner.split('>').next().unwrap_or("").to_string();
    }
    text.split_whitespace().next().unwrap_or("").to_string()
}

/// The file a destination names, or `None` for web addresses, anchors and other schemes.
fn file_target(destination: &str) -> Option<String> {
    if destination.is_empty() || destination.starts_with('#') || destination.starts_with("//") {
        return None;
    }
    let scheme_end = destination.find(':');
    if let Some(end) = scheme_end {
        let scheme = &destination[..end];
        let is_scheme = !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            return None;
        }
    }
    let path = destination.split(['#', '?']).next().unwrap_or(destination);
    if path.is_empty() {
        return None;
    }
    Some(percent_decode(path))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}
