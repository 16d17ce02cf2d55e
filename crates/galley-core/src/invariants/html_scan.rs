//! How a browser sees a sanitized fragment: its start tags, with attribute names lower-cased
//! and every character reference decoded, read by html5ever's tokenizer (the one ammonia
//! sanitizes with). Text (where `<` and `&` come escaped) is not reported, so the sanitizer's
//! own escaping cannot fool a check.

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// A start tag: its lower-case name and its attributes (lower-case names, decoded values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// Every start tag in `html`, in order. Comments and doctypes are skipped like a browser skips
/// them; so is the text inside `script`, `style`, `textarea`, `title` and the like, after their
/// start tag has been reported.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let input = BufferQueue::default();
    input.push_back(html.into());
    let tokenizer = Tokenizer::new(StartTags::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.tags.take()
}

#[derive(Default)]
struct StartTags {
    tags: RefCell<Vec<StartTag>>,
}

impl TokenSink for StartTags {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let after = text_state_after(&tag);
        self.tags.borrow_mut().push(StartTag {
            name: tag.name.to_string(),
            attributes: tag
                .attrs
                .iter()
                .map(|a| (a.name.local.to_string(), a.value.to_string()))
                .collect(),
        });
        after
    }
}

/// Without a tree builder the tokenizer does not know which elements hold raw text; these are
/// the ones the HTML standard's tree construction switches it for.
fn text_state_after(tag: &Tag) -> TokenSinkResult<()> {
    match &*tag.name {
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
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
