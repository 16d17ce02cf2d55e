//! A unit's inline codes as PO placeables: the XLIFF codes written as short tags, `<g1>…</g1>`
//! for a paired code and `<x2/>` for a standalone one, with the same ids as in the XLIFF
//! file. PO editors (Poedit, Lokalize) show such tags as markup to keep, and translate-toolkit's
//! `pofilter --test=xmltags` checks a translation keeps them. On import the tags are turned
//! into the XLIFF target they stand for and checked by the same code as an XLIFF file.

use crate::xliff::inline::Piece;
use crate::xliff::xml::{Element, Node};
use crate::xliff::XLIFF_NS;

/// The pieces as PO text with short tags.
pub(crate) fn to_po(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Open { id, .. } => out.push_str(&format!("<g{id}>")),
            Piece::Close { id } => out.push_str(&format!("</g{id}>")),
            Piece::Code { id, .. } => out.push_str(&format!("<x{id}/>")),
        }
    }
    out
}

/// The first thing in `text` that reads as a short tag, if any: text that contains one cannot
/// travel as PO, because it would come back as a code.
pub(crate) fn tag_in_text(pieces: &[Piece]) -> Option<String> {
    pieces.iter().find_map(|piece| match piece {
        Piece::Text(text) => {
            let mut at = 0;
            while let Some(found) = text[at..].find('<') {
                let start = at + found;
                if let Some((tag, _)) = tag_at(&text[start..]) {
                    return Some(text[start..start + tag_len(&tag)].to_string());
                }
                at = start + 1;
            }
            None
        }
        _ => None,
    })
}

/// A short tag at the start of `s`.
#[derive(Debug, PartialEq, Eq)]
enum Tag {
    Open(u32),
    Close(u32),
    Standalone(u32),
}

fn tag_len(tag: &Tag) -> usize {
    let digits = |id: &u32| id.to_string().len();
    match tag {
        Tag::Open(id) => digits(id) + 3,
        Tag::Close(id) => digits(id) + 4,
        Tag::Standalone(id) => digits(id) + 4,
    }
}

/// The tag at the start of `s` and the text after it.
fn tag_at(s: &str) -> Option<(Tag, &str)> {
    let rest = s.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let letter = rest.chars().next().filter(|c| *c == 'g' || *c == 'x')?;
    let rest = &rest[1..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 || rest.starts_with('0') {
        return None;
    }
    let id: u32 = rest[..digits].parse().ok()?;
    let rest = &rest[digits..];
    match (letter, closing) {
        ('g', false) => rest.strip_prefix('>').map(|r| (Tag::Open(id), r)),
        ('g', true) => rest.strip_prefix('>').map(|r| (Tag::Close(id), r)),
        ('x', false) => rest.strip_prefix("/>").map(|r| (Tag::Standalone(id), r)),
        _ => None,
    }
}

/// A msgstr as the XLIFF `<target>` it stands for (short tags become `<g>`/`<x/>` elements),
/// or what is wrong with its tags. `unit` names the unit in errors.
pub(crate) fn to_target(msgstr: &str, unit: &str) -> Result<Element, String> {
    let element = |local: &str, id: u32| Element {
        ns: XLIFF_NS.to_string(),
        local: local.to_string(),
        attrs: vec![crate::xliff::xml::Attr {
            ns: String::new(),
            local: "id".to_string(),
            value: id.to_string(),
        }],
        children: Vec::new(),
    };
    let mut stack: Vec<(Option<u32>, Element)> = vec![(None, {
        let mut target = element("target", 0);
        target.attrs.clear();
        target
    })];
    let mut text = String::new();
    let mut rest = msgstr;
    while !rest.is_empty() {
        let next = rest.find('<').unwrap_or(rest.len());
        text.push_str(&rest[..next]);
        rest = &rest[next..];
        if rest.is_empty() {
            break;
        }
        let Some((tag, after)) = tag_at(rest) else {
            text.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = after;
        let top = &mut stack.last_mut().ok_or("empty tag stack")?.1;
        if !text.is_empty() {
            top.children.push(Node::Text(std::mem::take(&mut text)));
        }
        match tag {
            Tag::Open(id) => stack.push((Some(id), element("g", id))),
            Tag::Standalone(id) => top.children.push(Node::Element(element("x", id))),
            Tag::Close(id) => match stack.pop() {
                Some((Some(open), done)) if open == id => {
                    let parent = &mut stack.last_mut().ok_or("empty tag stack")?.1;
                    parent.children.push(Node::Element(done));
                }
                _ => {
                    return Err(format!(
                        "in unit `{unit}`, the tag </g{id}> closes a tag that is not open there; \
                         keep each <gN>…</gN> pair around the words it formats"
                    ))
                }
            },
        }
    }
    if let Some((Some(id), _)) = stack.last() {
        return Err(format!(
            "in unit `{unit}`, the tag <g{id}> is never closed; keep each <gN>…</gN> pair whole"
        ));
    }
    let (_, mut target) = stack.pop().ok_or("empty tag stack")?;
    if !text.is_empty() {
        target.children.push(Node::Text(text));
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xliff::inline::protect;

    #[test]
    fn tags_are_found_only_where_they_are_well_formed() {
        assert_eq!(tag_at("<g12>x"), Some((Tag::Open(12), "x")));
        assert_eq!(tag_at("</g3>"), Some((Tag::Close(3), "")));
        assert_eq!(tag_at("<x4/>"), Some((Tag::Standalone(4), "")));
        for not_a_tag in ["<g>", "<g01>", "<x4>", "</x4>", "< g1>", "<b1>", "a<g1>"] {
            assert_eq!(tag_at(not_a_tag), None, "{not_a_tag}");
        }
        let literal = [Piece::Text("a < b and <g1> literally".to_string())];
        assert_eq!(tag_in_text(&literal), Some("<g1>".into()));
        assert_eq!(tag_in_text(&protect("a < b, *c*")), None);
    }

    #[test]
    fn unbalanced_tags_are_refused_naming_the_unit() {
        assert!(to_target("a <g1>b", "p2").is_err_and(|e| e.contains("p2") && e.contains("<g1>")));
        assert!(to_target("a </g1>b", "p2").is_err_and(|e| e.contains("</g1>")));
        assert!(to_target("<g1><g2>a</g1></g2>", "p2").is_err());
        let target = to_target("a <g1>b <x2/></g1> c < d", "p1").expect("balanced");
        assert_eq!(target.children.len(), 3);
    }
}
