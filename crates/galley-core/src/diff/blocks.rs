//! Splits a text into paragraphs: a run of non-blank lines plus the blank lines after it.
//!
//! Blank lines belong to the paragraph before them so that every byte of the text is in exactly
//! one paragraph; a text that starts with blank lines gets a first paragraph of only those.

/// A paragraph as byte offsets into its text, with its line position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    pub start: usize,
    /// End of the last non-blank line: `start..content_end` is what paragraphs are matched on,
    /// so a paragraph that only gained or lost blank lines after it still matches.
    pub content_end: usize,
    pub end: usize,
    /// 0-based index of the first line.
    pub first_line: usize,
    pub line_count: usize,
}

impl Block {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    pub fn content<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.content_end]
    }

    fn has_trailing_blank(&self) -> bool {
        self.end != self.content_end
    }
}

pub(crate) fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut pos = 0;
    for (line_index, line) in text.split_inclusive('\n').enumerate() {
        let line_end = pos + line.len();
        let blank = line.trim().is_empty();
        match current.as_mut() {
            Some(block) if blank => {
                block.end = line_end;
                block.line_count += 1;
            }
            Some(block) if !block.has_trailing_blank() => {
                block.content_end = line_end;
                block.end = line_end;
                block.line_count += 1;
            }
            _ => {
                blocks.extend(current.take());
                current = Some(Block {
                    start: pos,
                    content_end: if blank { pos } else { line_end },
                    end: line_end,
                    first_line: line_index,
                    line_count: 1,
                });
            }
        }
        pos = line_end;
    }
    blocks.extend(current);
    blocks
}
