//! Word tokens for the word-level diff.
//!
//! A token is a word (a run of letters, digits and combining marks, with apostrophes inside it:
//! "сям'я", "don't", "сямʼя") or a single other non-space character, followed by the whitespace
//! after it. Tokens are compared without that whitespace, so a change of spacing or line wrapping
//! alone never turns into a word change, yet no byte of the text is lost.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Punct,
}

/// Byte offsets into the paragraph: `start..key_end` is compared, `key_end..end` is whitespace.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub key_end: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// A tokenised paragraph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Bytes of whitespace before the first token (an indented first line).
    pub lead: usize,
    pub list: Vec<Token>,
    /// One id per token: equal ids mean equal token text (see [`Lexicon`]).
    pub ids: Vec<u32>,
}

impl Tokens {
    pub fn words_in(&self, range: std::ops::Range<usize>) -> usize {
        self.list[range]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }

    pub fn word_count(&self) -> usize {
        self.words_in(0..self.list.len())
    }

    /// Ids of the words, sorted: the paragraph as a bag of words for similarity. A paragraph
    /// without words (a rule like `---`) is a bag of its punctuation instead.
    pub fn bag(&self) -> Vec<u32> {
        let words: Vec<u32> = self
            .list
            .iter()
            .zip(&self.ids)
            .filter(|(t, _)| t.kind == TokenKind::Word)
            .map(|(_, &id)| id)
            .collect();
        let mut bag = if words.is_empty() {
            self.ids.clone()
        } else {
            words
        };
        bag.sort_unstable();
        bag
    }
}

/// Gives every distinct token text a small integer, so the diff compares integers.
#[derive(Debug, Default)]
pub(crate) struct Lexicon<'a> {
    ids: Interner<'a>,
}

impl<'a> Lexicon<'a> {
    pub fn id(&mut self, key: &'a str) -> u32 {
        self.ids.id(key)
    }

    pub fn tokenize(&mut self, text: &'a str) -> Tokens {
        let lead = skip_space(text, 0);
        let mut list = Vec::new();
        let mut ids = Vec::new();
        let mut pos = lead;
        while let Some(c) = text[pos..].chars().next() {
            let (key_end, kind) = if is_word_char(c) {
                (word_end(text, pos), TokenKind::Word)
            } else {
                (pos + c.len_utf8(), TokenKind::Punct)
            };
            let end = skip_space(text, key_end);
            list.push(Token {
                start: pos,
                key_end,
                end,
                kind,
            });
            ids.push(self.id(&text[pos..key_end]));
            pos = end;
        }
        Tokens { lead, list, ids }
    }
}

fn skip_space(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(i, _)| from + i)
}

fn word_end(text: &str, from: usize) -> usize {
    let mut end = from;
    let mut chars = text[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = is_word_char(c)
            || (is_apostrophe(c) && chars.peek().is_some_and(|&(_, next)| is_word_char(next)));
        if !joins {
            break;
        }
        end = from + i + c.len_utf8();
    }
    end
}

fn is_word_char(c: char) -> bool {
    match c {
        // Fast paths for the scripts Galley's drafts are written in; the general Unicode
        // lookup is a binary search.
        '\0'..='\x7F' => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Combining marks (stress accents in Cyrillic text, for one) belong to the letter before them.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Numbers distinct strings in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    ids: HashMap<&'a str, u32, BuildHasherDefault<QuickHasher>>,
}

impl<'a> Interner<'a> {
    pub fn id(&mut self, key: &'a str) -> u32 {
        // More than u32::MAX distinct strings cannot come from a text that fits in memory
        // twice over; saturating keeps this total rather than panicking.
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(key).or_insert(next)
    }
}

/// A multiply-rotate hash, several times faster than the default SipHash on short words. The
/// diff only hashes the user's own texts, so resistance to crafted collisions is not needed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct QuickHasher(u64);

impl QuickHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for QuickHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
