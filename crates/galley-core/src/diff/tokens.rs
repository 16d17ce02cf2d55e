//! Word tokens for the word-level diff.
//!
//! A token is a word (a run of letters, digits and combining marks, with apostrophes inside it:
//! "сям'я", "don't", "сямʼя") or a single other non-space character, followed by the whitespace
//! after it. Tokens are compared without that whitespace, so a change of spacing or line wrapping
//! alone never turns into a word change, yet no byte of the text is lost.

/// Byte offsets into the paragraph: `start..key_end` is compared, and the whitespace after it
/// runs to the next token's start. Eight bytes, with the word flag in the top bit of `start`:
/// tokens are most of the diff's memory, and touching less memory is much of what makes it
/// fast.
#[derive(Debug, Clone, Copy)]
struct Token {
    start_and_word: u32,
    key_end: u32,
}

const WORD_BIT: u32 = 1 << 31;

impl Token {
    fn start(self) -> usize {
        (self.start_and_word & !WORD_BIT) as usize
    }

    fn word(self) -> bool {
        self.start_and_word & WORD_BIT != 0
    }
}

/// A tokenised paragraph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Bytes of whitespace before the first token (an indented first line).
    pub lead: usize,
    /// Length of the paragraph: where the last token's whitespace ends.
    len: usize,
    list: Vec<Token>,
    /// One id per token: equal ids mean equal token text (see [`Lexicon`]).
    pub ids: Vec<u32>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Where token `index` starts.
    pub fn start(&self, index: usize) -> usize {
        self.list[index].start()
    }

    /// Where the compared text of token `index` ends and its whitespace begins.
    pub fn key_end(&self, index: usize) -> usize {
        match self.list[index].key_end {
            // The one token of a paragraph too long for 31-bit offsets (see `tokenize`).
            u32::MAX => self.len,
            key_end => key_end as usize,
        }
    }

    /// Where the whitespace after token `index` ends.
    pub fn end(&self, index: usize) -> usize {
        self.list
            .get(index + 1)
            .map_or(self.len, |next| next.start())
    }

    pub fn words_in(&self, range: std::ops::Range<usize>) -> usize {
        self.list[range].iter().filter(|t| t.word()).count()
    }

    pub fn word_count(&self) -> usize {
        self.words_in(0..self.list.len())
    }

    /// The paragraph as a bag of words for similarity. A paragraph without words (a rule like
    /// `---`) is a bag of its punctuation instead. `counts` is scratch space, all zeros between
    /// calls, that grows to the largest id.
    pub fn bag(&self, counts: &mut Vec<u32>) -> Bag {
        let has_words = self.list.iter().any(|t| t.word());
        let ids = self
            .list
            .iter()
            .zip(&self.ids)
            .filter(|(t, _)| t.word() || !has_words)
            .map(|(_, &id)| id as usize);
        // Count each id, keeping the distinct ones: only those need sorting, and a paragraph
        // repeats many of its words.
        let mut distinct = Vec::new();
        let mut total = 0;
        for id in ids {
            if id >= counts.len() {
                counts.resize(id + 1, 0);
            }
            if counts[id] == 0 {
                distinct.push(id as u32);
            }
            counts[id] += 1;
            total += 1;
        }
        distinct.sort_unstable();
        let items = distinct
            .into_iter()
            .map(|id| (id, std::mem::take(&mut counts[id as usize])))
            .collect();
        Bag { items, total }
    }
}

/// A multiset of token ids: `(id, how many times)`, sorted by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    pub items: Vec<(u32, u32)>,
    /// The number of tokens, counting repeats.
    pub total: usize,
}

/// Gives every distinct token text a small integer, so the diff compares integers.
#[derive(Debug, Default)]
pub(crate) struct Lexicon<'a> {
    ids: Interner<'a>,
    /// Scratch lists a paragraph is tokenised into, then copied out at their exact length.
    list: Vec<Token>,
    token_ids: Vec<u32>,
}

impl<'a> Lexicon<'a> {
    pub fn id(&mut self, key: &'a str) -> u32 {
        self.ids.id(key)
    }

    pub fn tokenize(&mut self, text: &'a str) -> Tokens {
        let len = text.len();
        if len >= WORD_BIT as usize {
            // A paragraph of 2 GiB or more cannot be offset in 31 bits: it is one token, so it
            // is still diffed losslessly, as a whole.
            return Tokens {
                lead: 0,
                len,
                list: vec![Token {
                    start_and_word: 0,
                    key_end: u32::MAX,
                }],
                ids: vec![self.id(text)],
            };
        }
        let lead = skip_space(text, 0);
        let mut pos = lead;
        while pos < len {
            let (class, width) = class_at(text, pos);
            let (key_end, word) = match class {
                Class::Word => (word_end(text, pos + width), WORD_BIT),
                _ => (pos + width, 0),
            };
            // Both offsets are below `WORD_BIT`, checked above.
            self.list.push(Token {
                start_and_word: pos as u32 | word,
                key_end: key_end as u32,
            });
            let id = self.ids.id(&text[pos..key_end]);
            self.token_ids.push(id);
            pos = skip_space(text, key_end);
        }
        let tokens = Tokens {
            lead,
            len,
            list: self.list.as_slice().to_vec(),
            ids: self.token_ids.as_slice().to_vec(),
        };
        self.list.clear();
        self.token_ids.clear();
        tokens
    }
}

/// What a character is to the tokeniser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Apostrophe,
    Other,
}

/// Classes of the ASCII characters, so the common case is one table lookup.
const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            Class::Word
        } else if matches!(byte, b'\t'..=b'\r' | b' ') {
            // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, return,
            // space.
            Class::Space
        } else if byte == b'\'' {
            Class::Apostrophe
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The class and UTF-8 length of the character that starts at byte `pos` of `text`, which must
/// be a character boundary before the end. Works on bytes for ASCII and two-byte Cyrillic
/// (the bulk of Galley's drafts) and decodes the character only for anything else.
#[inline(always)]
fn class_at(text: &str, pos: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let lead = bytes[pos];
    if lead < 0x80 {
        return (ASCII_CLASSES[usize::from(lead)], 1);
    }
    // U+0400..=U+053F are encoded as D0..=D4 followed by one continuation byte.
    if (0xD0..=0xD4).contains(&lead) {
        if let Some(&next) = bytes.get(pos + 1) {
            let code = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
            // Cyrillic letters and combining marks; U+0482 (a numeric sign) is not a letter.
            if code <= 0x052F && code != 0x0482 {
                return (Class::Word, 2);
            }
        }
    }
    class_of_other(text, pos)
}

#[cold]
#[inline(never)]
fn class_of_other(text: &str, pos: usize) -> (Class, usize) {
    match text[pos..].chars().next() {
        Some(c) => (classify(c), c.len_utf8()),
        // Unreachable for a boundary before the end; one byte keeps the caller moving.
        None => (Class::Other, 1),
    }
}

fn classify(c: char) -> Class {
    if is_word_char(c) {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else if is_apostrophe(c) {
        Class::Apostrophe
    } else {
        Class::Other
    }
}

fn skip_space(text: &str, mut pos: usize) -> usize {
    while pos < text.len() {
        match class_at(text, pos) {
            (Class::Space, len) => pos += len,
            _ => break,
        }
    }
    pos
}

/// End of the word whose rest starts at `pos`: letters, and apostrophes followed by a letter.
fn word_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Runs of ASCII letters and digits and of U+0400..=U+04FF (leads D0..=D3, always
        // followed by one continuation byte in valid UTF-8), except U+0482 (D2 82), skip the
        // general classification.
        while let Some(&b) = bytes.get(pos) {
            if b < 0x80 {
                if ASCII_CLASSES[usize::from(b)] != Class::Word {
                    break;
                }
                pos += 1;
            } else if (0xD0..=0xD3).contains(&b)
                && !(b == 0xD2 && bytes.get(pos + 1) == Some(&0x82))
            {
                pos += 2;
            } else {
                break;
            }
        }
        if pos >= text.len() {
            return pos;
        }
        match class_at(text, pos) {
            (Class::Word, len) => pos += len,
            (Class::Apostrophe, len)
                if pos + len < text.len() && class_at(text, pos + len).0 == Class::Word =>
            {
                pos += len
            }
            _ => return pos,
        }
    }
}

fn is_word_char(c: char) -> bool {
    match c {
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
    // hashbrown with foldhash: a fast, well-kept map for short keys. The diff only hashes the
    // user's own texts, and a collision costs a comparison, never a wrong answer.
    ids: hashbrown::HashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    pub fn id(&mut self, key: &'a str) -> u32 {
        // More than u32::MAX distinct strings cannot come from a text that fits in memory
        // twice over; saturating keeps this total rather than panicking.
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(key).or_insert(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser as first written, one `char` at a time: the byte-level one must agree.
    fn reference(text: &str) -> Vec<(usize, usize, usize, bool)> {
        let skip = |from: usize| {
            text[from..]
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map_or(text.len(), |(i, _)| from + i)
        };
        let mut out = Vec::new();
        let mut pos = skip(0);
        while let Some(c) = text[pos..].chars().next() {
            let (key_end, kind) = if is_word_char(c) {
                let mut end = pos;
                let mut chars = text[pos..].char_indices().peekable();
                while let Some((i, c)) = chars.next() {
                    let joins = is_word_char(c)
                        || (is_apostrophe(c)
                            && chars.peek().is_some_and(|&(_, next)| is_word_char(next)));
                    if !joins {
                        break;
                    }
                    end = pos + i + c.len_utf8();
                }
                (end, true)
            } else {
                (pos + c.len_utf8(), false)
            };
            let end = skip(key_end);
            out.push((pos, key_end, end, kind));
            pos = end;
        }
        out
    }

    fn tokens(text: &str) -> Vec<(usize, usize, usize, bool)> {
        let tokens = Lexicon::default().tokenize(text);
        (0..tokens.len())
            .map(|i| {
                (
                    tokens.start(i),
                    tokens.key_end(i),
                    tokens.end(i),
                    tokens.list[i].word(),
                )
            })
            .collect()
    }

    #[test]
    fn byte_classes_agree_with_char_classes_below_u_0800_and_on_samples() {
        let samples = (0..0x800u32)
            .chain([
                0x1680, 0x2000, 0x2019, 0x2028, 0x202F, 0x20D0, 0x3000, 0xFE20, 0x1F600,
            ])
            .filter_map(char::from_u32);
        for c in samples {
            let text = c.to_string();
            assert_eq!(class_at(&text, 0), (classify(c), c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn byte_level_tokens_match_the_char_level_reference() {
        let texts = [
            "",
            "   \n",
            "  Indented start, then words.\n\n",
            "сям'я don't сямʼя сям\u{2019}я 'quoted' end'\n",
            "Бе\u{0301}лая ру́ка ҂ ѻ Ԯԯ\u{0483} а\u{0489}б\n",
            "tab\tvt\u{000B}ff\u{000C}cr\r\nnbsp\u{00A0}x\u{2028}y\u{3000}z\n",
            "емодзі 😀 and 中文字 and ‘quotes’ — dashes…\n",
            "a'\nb'' c'-d 'e\n",
            "1,000.5 km² №7 §3\n",
        ];
        for text in texts {
            assert_eq!(tokens(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn interner_gives_equal_strings_one_id_and_distinct_strings_their_own() {
        let words: Vec<String> = (0..5000)
            .map(|i| format!("{}{}", "слова".repeat(i % 7), i % 700))
            .collect();
        let mut interner = Interner::default();
        let ids: Vec<u32> = words.iter().map(|w| interner.id(w)).collect();
        for (a, word_a) in words.iter().enumerate().step_by(37) {
            for (b, word_b) in words.iter().enumerate() {
                assert_eq!(ids[a] == ids[b], word_a == word_b, "{word_a} / {word_b}");
            }
        }
        assert_eq!(interner.id(""), interner.id(""));
        assert_ne!(interner.id("a"), interner.id("b"));
    }
}
