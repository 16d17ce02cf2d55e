//! The gettext PO file syntax: entries with their comments, flags, previous msgid, context,
//! msgid and msgstr; written and read.
//!
//! Hand-written because no maintained crate fits: `polib` (the maintained Rust PO library)
//! has no field for the previous msgid (`#|`), which is how a PO editor shows what changed in
//! the source, and drops translator comments; `pofile` is a beta port of a TypeScript
//! library built around ICU messages. Galley needs a small subset — no plurals — and this
//! reader refuses everything outside it with the line it is on.

/// The largest PO file import reads: 32 MiB, like an XLIFF file.
pub const MAX_PO_BYTES: usize = 32 * 1024 * 1024;

/// One PO entry (the header is the entry with an empty msgid and no context).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// `# ` lines, for translators.
    pub translator_comments: Vec<String>,
    /// `#.` lines, from the program.
    pub extracted_comments: Vec<String>,
    /// `#:` lines.
    pub references: Vec<String>,
    /// `#,` flags, such as `fuzzy`.
    pub flags: Vec<String>,
    /// `#| msgid`: the source text this entry's translation was made for.
    pub previous_msgid: Option<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgstr: String,
    /// True for `#~` entries (obsolete: kept by tools, never a unit).
    pub obsolete: bool,
}

impl Entry {
    pub fn is_fuzzy(&self) -> bool {
        self.flags.iter().any(|f| f == "fuzzy")
    }
}

/// Writes entries as a PO file, separated by blank lines.
pub fn write(entries: &[Entry]) -> String {
    let mut out = String::new();
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        for comment in &entry.translator_comments {
            out.push_str(&format!("# {comment}\n"));
        }
        for comment in &entry.extracted_comments {
            out.push_str(&format!("#. {comment}\n"));
        }
        for reference in &entry.references {
            out.push_str(&format!("#: {reference}\n"));
        }
        if !entry.flags.is_empty() {
            out.push_str(&format!("#, {}\n", entry.flags.join(", ")));
        }
        if let Some(previous) = &entry.previous_msgid {
            keyword(&mut out, "#| ", "msgid", previous);
        }
        if let Some(context) = &entry.msgctxt {
            keyword(&mut out, "", "msgctxt", context);
        }
        keyword(&mut out, "", "msgid", &entry.msgid);
        keyword(&mut out, "", "msgstr", &entry.msgstr);
    }
    out
}

/// `msgid "…"`, split after each `\n` (as gettext does) when the text has line breaks.
fn keyword(out: &mut String, prefix: &str, name: &str, text: &str) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        out.push_str(&format!("{prefix}{name} \"{}\"\n", escape(text)));
        return;
    }
    out.push_str(&format!("{prefix}{name} \"\"\n"));
    for line in lines {
        out.push_str(&format!("{prefix}\"{}\"\n", escape(line)));
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Which string a continuation line (`"…"`) adds to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Previous,
    PreviousContext,
    Context,
    Id,
    Str,
}

/// Reads a PO file into its entries (the header first, as written). Refuses, naming the line,
/// plural forms, unknown keywords and escapes, and text outside quotes.
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    if text.len() > MAX_PO_BYTES {
        return Err(format!(
            "it is {} bytes, more than the {MAX_PO_BYTES}-byte limit for a PO file",
            text.len()
        ));
    }
    let mut entries = Vec::new();
    let mut entry = Entry::default();
    let mut started = false;
    let mut field: Option<Field> = None;
    let mut has_msgstr = false;
    for (index, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let number = index + 1;
        let at = |message: &str| format!("line {number}: {message}");
        let line = raw.trim_end_matches('\r').trim();
        if line.is_empty() {
            continue;
        }
        let (line, obsolete) = match line.strip_prefix("#~") {
            Some(rest) => (rest.trim_start(), true),
            None => (line, false),
        };
        let starts_entry = !line.starts_with('"')
            && (line.starts_with('#') || line.starts_with("msgctxt") || line.starts_with("msgid"));
        if starts_entry && has_msgstr {
            entries.push(std::mem::take(&mut entry));
            has_msgstr = false;
            field = None;
        }
        if obsolete {
            entry.obsolete = true;
        }
        started = true;
        if let Some(rest) = line.strip_prefix("#|") {
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix("msgid ") {
                entry.previous_msgid = Some(unquote(value).map_err(|e| at(&e))?);
                field = Some(Field::Previous);
            } else if let Some(value) = rest.strip_prefix("msgctxt ") {
                unquote(value).map_err(|e| at(&e))?;
                field = Some(Field::PreviousContext);
            } else if rest.starts_with('"') {
                let value = unquote(rest).map_err(|e| at(&e))?;
                match field {
                    Some(Field::Previous) => {
                        if let Some(previous) = &mut entry.previous_msgid {
                            previous.push_str(&value);
                        }
                    }
                    Some(Field::PreviousContext) => {}
                    _ => return Err(at("a `#|` string continues nothing")),
                }
            } else if rest.starts_with("msgid_plural") {
                return Err(at("plural forms are not part of Galley's jobs"));
            } else {
                return Err(at("a `#|` line must hold a previous msgctxt or msgid"));
            }
        } else if let Some(rest) = line.strip_prefix("#,") {
            entry.flags.extend(
                rest.split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(str::to_string),
            );
        } else if let Some(rest) = line.strip_prefix("#.") {
            entry.extracted_comments.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("#:") {
            entry.references.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix('#') {
            entry.translator_comments.push(rest.trim().to_string());
        } else if let Some(value) = line.strip_prefix("msgctxt ") {
            entry.msgctxt = Some(unquote(value).map_err(|e| at(&e))?);
            field = Some(Field::Context);
        } else if line.starts_with("msgid_plural") || line.starts_with("msgstr[") {
            return Err(at("plural forms are not part of Galley's jobs"));
        } else if let Some(value) = line.strip_prefix("msgid ") {
            entry.msgid = unquote(value).map_err(|e| at(&e))?;
            field = Some(Field::Id);
        } else if let Some(value) = line.strip_prefix("msgstr ") {
            entry.msgstr = unquote(value).map_err(|e| at(&e))?;
            field = Some(Field::Str);
            has_msgstr = true;
        } else if line.starts_with('"') {
            let value = unquote(line).map_err(|e| at(&e))?;
            match field {
                Some(Field::Context) => {
                    if let Some(context) = &mut entry.msgctxt {
                        context.push_str(&value);
                    }
                }
                Some(Field::Id) => entry.msgid.push_str(&value),
                Some(Field::Str) => entry.msgstr.push_str(&value),
                _ => return Err(at("a string continues no msgctxt, msgid or msgstr")),
            }
        } else {
            return Err(at("it is not a PO comment, keyword or string"));
        }
    }
    if started {
        if !has_msgstr {
            return Err("the last entry has no msgstr".to_string());
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// The text of one quoted PO string, escapes resolved.
fn unquote(quoted: &str) -> Result<String, String> {
    let quoted = quoted.trim();
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .filter(|_| quoted.len() >= 2)
        .ok_or_else(|| format!("`{quoted}` is not a quoted string"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err(format!("`{quoted}` has an unescaped quote inside")),
            '\\' => {
                let Some(escaped) = chars.next() else {
                    return Err(format!("`{quoted}` ends with a lone backslash"));
                };
                match escaped {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '\\' | '"' | '\'' | '?' => out.push(escaped),
                    '0'..='7' => {
                        let mut value = escaped.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match chars.peek().and_then(|d| d.to_digit(8)) {
                                Some(digit) => {
                                    value = value * 8 + digit;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        out.push(char_of(value, quoted)?);
                    }
                    'x' => {
                        let mut value = 0u32;
                        let mut digits = 0;
                        while let Some(digit) = chars.peek().and_then(|d| d.to_digit(16)) {
                            value = value.saturating_mul(16).saturating_add(digit);
                            digits += 1;
                            chars.next();
                        }
                        if digits == 0 {
                            return Err(format!("`{quoted}` has `\\x` without hex digits"));
                        }
                        out.push(char_of(value, quoted)?);
                    }
                    other => {
                        return Err(format!("`{quoted}` has an unknown escape `\\{other}`"));
                    }
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

fn char_of(value: u32, quoted: &str) -> Result<char, String> {
    char::from_u32(value)
        .filter(|&c| c != '\0')
        .ok_or_else(|| format!("`{quoted}` escapes a character that is not allowed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_entries_read_back_the_same() {
        let entries = vec![
            Entry {
                msgstr: "Language: be\n".to_string(),
                ..Entry::default()
            },
            Entry {
                extracted_comments: vec!["Body paragraph 1.".to_string()],
                flags: vec!["fuzzy".to_string()],
                previous_msgid: Some("Стары \"тэкст\"\nз радком".to_string()),
                msgctxt: Some("p1".to_string()),
                msgid: "Новы <g1>тэкст</g1>\\ з \t табам".to_string(),
                msgstr: "New <g1>text</g1>\u{1}".to_string(),
                ..Entry::default()
            },
        ];
        assert_eq!(parse(&write(&entries)), Ok(entries));
    }

    #[test]
    fn plurals_unknown_escapes_and_stray_text_are_refused_with_their_line() {
        let plural = "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"c\"\n";
        assert!(parse(plural).is_err_and(|e| e.starts_with("line 2:") && e.contains("plural")));
        assert!(parse("msgid \"a\\q\"\nmsgstr \"\"\n").is_err_and(|e| e.contains("\\q")));
        assert!(parse("msgid \"a\"\nhello\n").is_err_and(|e| e.starts_with("line 2:")));
        assert!(parse("msgid \"a\"\n").is_err_and(|e| e.contains("no msgstr")));
    }
}
