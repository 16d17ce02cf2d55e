//! The draft loader: any bytes are parsed or refused, and a parsed draft round-trips.

use super::{ensure, Violation};
use crate::draft::{is_language_tag, render_new, update, Draft, FrontMatter};
use std::path::Path;

/// Parses `input` as a draft. When it parses: the text is kept byte for byte, the body is its
/// tail, `id` and `lang` are valid, updating with nothing changed gives the text back, a
/// changed title survives an update, and `render_new` of the fields parses back to them.
pub fn check_front_matter(input: &[u8]) -> Result<(), Violation> {
    let Ok(draft) = Draft::parse(Path::new("fuzz.md"), input) else {
        return Ok(());
    };
    let text = draft.text();
    ensure(text.as_bytes() == input, || {
        "the parsed text differs from the input bytes".to_string()
    })?;
    ensure(text.ends_with(draft.body()), || {
        "the body is not the tail of the text".to_string()
    })?;
    let front = draft.front();
    ensure(!front.id.trim().is_empty(), || {
        format!("a draft parsed with an empty id {:?}", front.id)
    })?;
    ensure(is_language_tag(&front.lang), || {
        format!(
            "a draft parsed with lang {:?}, not a language tag",
            front.lang
        )
    })?;

    let named = format!("fuzz.{}.md", front.lang);
    if let Err(e) = Draft::parse(Path::new(&named), input) {
        return Err(Violation(format!(
            "parsed as fuzz.md but refused as {named}, whose suffix matches its lang: {e}"
        )));
    }

    let unchanged = update(&draft, front, draft.body());
    ensure(unchanged == text, || {
        format!("update with nothing changed rewrote the text:\n{text:?}\n→\n{unchanged:?}")
    })?;

    let retitled = FrontMatter {
        title: "Fuzz: \"quoted\" #1 — ў".to_string(),
        ..front.clone()
    };
    let updated = update(&draft, &retitled, draft.body());
    reparses_to(&updated, &retitled, draft.body(), "update with a new title")?;

    let rendered = render_new(front, draft.body());
    reparses_to(&rendered, front, draft.body(), "render_new")
}

fn reparses_to(text: &str, front: &FrontMatter, body: &str, what: &str) -> Result<(), Violation> {
    let again = Draft::parse(Path::new("fuzz.md"), text.as_bytes()).map_err(|e| {
        Violation(format!(
            "{what} wrote a draft that does not parse: {e}\n{text:?}"
        ))
    })?;
    ensure(again.front() == front, || {
        format!(
            "{what} did not round-trip the front matter:\n{front:?}\n→\n{:?}\n{text:?}",
            again.front()
        )
    })?;
    ensure(again.body() == body, || {
        format!(
            "{what} did not keep the body:\n{body:?}\n→\n{:?}",
            again.body()
        )
    })
}
