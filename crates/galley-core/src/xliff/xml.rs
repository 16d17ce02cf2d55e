//! A small, strict XML tree for import: namespaces resolved (by quick-xml's `NsReader`),
//! entities refused.
//!
//! Only XML's five predefined entities and character references are accepted; a DOCTYPE is
//! refused outright (it is where entities that expand exponentially or read local files are
//! declared), so nothing here can expand. Nesting is limited to [`MAX_DEPTH`].

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use super::Refusal;
use crate::ErrorCode;

/// The deepest element nesting accepted; XLIFF files from CAT tools need about ten.
pub(crate) const MAX_DEPTH: usize = 64;

#[derive(Debug)]
pub(crate) struct Element {
    pub ns: String,
    pub local: String,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub(crate) struct Attr {
    pub ns: String,
    pub local: String,
    pub value: String,
}

#[derive(Debug)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute `local` in namespace `ns` (`""` for no namespace).
    pub fn attr(&self, ns: &str, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == ns && a.local == local)
            .map(|a| a.value.as_str())
    }

    pub fn is(&self, ns: &str, local: &str) -> bool {
        self.ns == ns && self.local == local
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
}

/// Parses `xml` into its root element, or says what is wrong and where (byte offset).
pub(crate) fn parse(xml: &str) -> Result<Element, Refusal> {
    let mut reader = NsReader::from_str(xml);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    reader.config_mut().expand_empty_elements = false;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = reader.buffer_position();
        // Whatever else is wrong here, the file's XML is unreadable near `at`.
        let unreadable = |message: String| {
            Refusal::coded(message, ErrorCode::XliffNotXml, [("near", at.to_string())])
        };
        let (ns, event) = reader.read_resolved_event().map_err(|e| match e {
            // Every syntax error is markup the input ended inside of: a file cut short
            // reads the same wherever the cut fell.
            quick_xml::Error::Syntax(syntax) => Refusal::coded(
                format!(
                    "it ends before the markup near byte {at} is closed ({syntax}); the file \
                     looks cut short"
                ),
                ErrorCode::XliffCutShort,
                [],
            ),
            e => unreadable(format!("it is not well-formed XML near byte {at}: {e}")),
        })?;
        let ns = namespace(ns, at).map_err(unreadable)?;
        match event {
            Event::Eof => break,
            Event::DocType(_) => {
                return Err(Refusal::coded(
                    format!(
                        "it has a DOCTYPE declaration (near byte {at}); Galley refuses DOCTYPEs \
                         because they can define entities that expand without end or read local \
                         files"
                    ),
                    ErrorCode::XliffDoctype,
                    [],
                ))
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(unreadable(format!(
                    "it has content after the root element ends (near byte {at})"
                )));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(unreadable(format!(
                        "elements are nested more than {MAX_DEPTH} deep (near byte {at})"
                    )));
                }
                stack.push(element(&reader, ns, &start, at).map_err(unreadable)?);
            }
            Event::Empty(start) => {
                let element = element(&reader, ns, &start, at).map_err(unreadable)?;
                close(element, &mut stack, &mut root);
            }
            Event::End(_) => {
                // quick-xml has checked that the name matches the open element.
                if let Some(element) = stack.pop() {
                    close(element, &mut stack, &mut root);
                }
            }
            Event::Text(text) => {
                push_text(&mut stack, &text.xml10_content(), at).map_err(unreadable)?
            }
            Event::CData(data) => {
                push_text(&mut stack, &data.xml10_content(), at).map_err(unreadable)?
            }
            Event::GeneralRef(reference) => {
                let resolved = if reference.is_char_ref() {
                    match reference.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c.to_string(),
                        _ => {
                            return Err(unreadable(format!(
                                "the character reference &{}; near byte {at} is not a character XML allows",
                                &*reference
                            )))
                        }
                    }
                } else {
                    match &*reference {
                        "amp" => "&".to_string(),
                        "lt" => "<".to_string(),
                        "gt" => ">".to_string(),
                        "apos" => "'".to_string(),
                        "quot" => "\"".to_string(),
                        other => {
                            return Err(Refusal::coded(
                                format!(
                                    "it uses the entity &{other}; near byte {at}; only XML's \
                                     predefined entities (&amp; &lt; &gt; &apos; &quot;) and \
                                     character references are allowed"
                                ),
                                ErrorCode::XliffEntity,
                                [("entity", other.to_string())],
                            ))
                        }
                    }
                };
                push_text(&mut stack, &resolved, at).map_err(unreadable)?;
            }
        }
    }
    if let Some(open) = stack.last() {
        let message = format!("it ends before the element <{}> is closed", open.local);
        return Err(Refusal::coded(message, ErrorCode::XliffCutShort, []));
    }
    root.ok_or_else(|| Refusal::coded("it has no root element", ErrorCode::XliffCutShort, []))
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

fn push_text(stack: &mut [Element], text: &str, at: u64) -> Result<(), String> {
    match stack.last_mut() {
        Some(open) => {
            match open.children.last_mut() {
                Some(Node::Text(last)) => last.push_str(text),
                _ => open.children.push(Node::Text(text.to_string())),
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(format!(
            "it has text outside the root element (near byte {at})"
        )),
    }
}

fn close(element: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

/// The namespace URI a name resolved to (`""` for none), or why it did not resolve.
fn namespace(resolved: ResolveResult<'_>, at: u64) -> Result<String, String> {
    match resolved {
        ResolveResult::Unbound => Ok(String::new()),
        ResolveResult::Bound(ns) => Ok(ns.as_ref().to_string()),
        ResolveResult::Unknown(prefix) => Err(format!(
            "the namespace prefix `{prefix}` near byte {at} is not declared"
        )),
    }
}

/// The element `start` opens, in namespace `ns`, with its attributes resolved against the
/// declarations in scope (namespace declarations themselves are not kept as attributes).
fn element(
    reader: &NsReader<&[u8]>,
    ns: String,
    start: &BytesStart,
    at: u64,
) -> Result<Element, String> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| format!("an attribute near byte {at} is malformed: {e}"))?;
        if attr.key.as_namespace_binding().is_some() {
            continue;
        }
        let name = attr.key.as_ref().to_string();
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("the attribute `{name}` near byte {at} is malformed: {e}"))?
            .into_owned();
        // Unprefixed attributes are in no namespace, whatever the default.
        let (ns, local) = reader.resolver().resolve_attribute(attr.key);
        attrs.push(Attr {
            ns: namespace(ns, at)?,
            local: local.as_ref().to_string(),
            value,
        });
    }
    Ok(Element {
        ns,
        local: start.local_name().as_ref().to_string(),
        attrs,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_through_the_declarations_in_scope() {
        let root =
            parse("<x:a xmlns:x='urn:x' xmlns='urn:d' p='1' x:q='2' xml:lang='be'><b/></x:a>")
                .expect("parses");
        assert!(root.is("urn:x", "a"));
        assert_eq!(root.attr("", "p"), Some("1"), "no prefix: no namespace");
        assert_eq!(root.attr("urn:x", "q"), Some("2"));
        assert_eq!(
            root.attr("http://www.w3.org/XML/1998/namespace", "lang"),
            Some("be")
        );
        assert_eq!(root.attrs.len(), 3, "declarations are not attributes");
        let child = root.elements().next().expect("child");
        assert!(child.is("urn:d", "b"), "the default namespace applies");
    }

    #[test]
    fn an_undeclared_prefix_is_refused_by_name() {
        let err = parse("<a><y:b/></a>").expect_err("refused").message;
        assert!(err.contains("prefix `y`"), "{err}");
        let err = parse("<a y:c='1'/>").expect_err("refused").message;
        assert!(err.contains("prefix `y`"), "{err}");
    }
}
