//! Git conflict markers. A block is `<<<<<<< ours-label`, optionally `||||||| base-label`
//! (diff3), `=======` alone on its line, then `>>>>>>> theirs-label`, in that order. Only a
//! complete block counts, so a Markdown setext underline (`=======` under a heading) or a
//! quoted `>>>>>>>` line is text, not a conflict.

/// One conflict block; lines are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerBlock {
    pub start: usize,
    /// The diff3 base marker, when there is one.
    pub base: Option<usize>,
    pub separator: usize,
    pub end: usize,
    /// The label after `<<<<<<<` (usually `HEAD`); empty when there is none.
    pub ours: String,
    /// The label after `>>>>>>>` (the merged branch or commit); empty when there is none.
    pub theirs: String,
}

/// Every conflict block of a text, in order (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markers {
    pub blocks: Vec<MarkerBlock>,
}

impl Markers {
    /// The first block: its line and labels are what an error names.
    pub fn first(&self) -> &MarkerBlock {
        // `find_markers` returns `Markers` only with at least one block.
        &self.blocks[0]
    }
}

/// The text as each side of the merge had it: outside the blocks both sides share the text;
/// inside, "ours" takes the lines before the base/separator and "theirs" those after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    pub ours: String,
    pub theirs: String,
}

const MARKER_LEN: usize = 7;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Line<'a> {
    Open(&'a str),
    Base,
    Separator,
    Close(&'a str),
    Text,
}

/// What a line is: exactly seven marker characters, then the end of the line or a space and
/// a label. Eight `<` or `<<<<<<<x` are text (git's default marker size is seven).
fn classify(line: &str) -> Line<'_> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line == "=======" {
        return Line::Separator;
    }
    let label = |marker: char| -> Option<&str> {
        let rest = line.get(MARKER_LEN..)?;
        if !line[..MARKER_LEN].chars().all(|c| c == marker) {
            return None;
        }
        if rest.is_empty() {
            Some("")
        } else {
            rest.strip_prefix(' ').map(str::trim)
        }
    };
    if let Some(l) = label('<') {
        Line::Open(l)
    } else if label('|').is_some() {
        Line::Base
    } else if let Some(l) = label('>') {
        Line::Close(l)
    } else {
        Line::Text
    }
}

/// The conflict blocks of `text`, or `None` when it has none.
pub fn find_markers(text: &str) -> Option<Markers> {
    let mut blocks = Vec::new();
    // The block being read: its opening line and label, its base and separator lines.
    let mut open: Option<(usize, &str, Option<usize>, Option<usize>)> = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        match (classify(line), open.as_mut()) {
            // A second opening before the first closed: the first was not a block.
            (Line::Open(label), _) => open = Some((number, label, None, None)),
            (Line::Base, Some((_, _, base @ None, None))) => *base = Some(number),
            (Line::Separator, Some((_, _, _, separator @ None))) => *separator = Some(number),
            (Line::Close(theirs), Some((start, ours, base, Some(separator)))) => {
                blocks.push(MarkerBlock {
                    start: *start,
                    base: *base,
                    separator: *separator,
                    end: number,
                    ours: ours.to_string(),
                    theirs: theirs.to_string(),
                });
                open = None;
            }
            _ => {}
        }
    }
    (!blocks.is_empty()).then_some(Markers { blocks })
}

/// Both sides of a text with conflict blocks, line endings kept; `None` when it has none.
pub fn sides(text: &str) -> Option<Sides> {
    let markers = find_markers(text)?;
    let mut ours = String::with_capacity(text.len());
    let mut theirs = String::with_capacity(text.len());
    let mut blocks = markers.blocks.iter().peekable();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        while blocks.peek().is_some_and(|b| b.end < number) {
            blocks.next();
        }
        let Some(block) = blocks.peek().filter(|b| b.start <= number) else {
            ours.push_str(line);
            theirs.push_str(line);
            continue;
        };
        let ours_end = block.base.unwrap_or(block.separator);
        if number > block.start && number < ours_end {
            ours.push_str(line);
        } else if number > block.separator && number < block.end {
            theirs.push_str(line);
        }
    }
    Some(Sides { ours, theirs })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MERGED: &str = "Intro.\n<<<<<<< HEAD\nOurs one.\nOurs two.\n=======\nTheirs.\n>>>>>>> hanna/edits\nOutro.\n";

    #[test]
    fn a_block_gives_its_lines_and_both_labels() {
        let markers = find_markers(MERGED).expect("a block");
        assert_eq!(
            markers.blocks,
            vec![MarkerBlock {
                start: 2,
                base: None,
                separator: 5,
                end: 7,
                ours: "HEAD".into(),
                theirs: "hanna/edits".into(),
            }]
        );
    }

    #[test]
    fn the_sides_keep_shared_text_and_each_sides_lines() {
        let sides = sides(MERGED).expect("sides");
        assert_eq!(sides.ours, "Intro.\nOurs one.\nOurs two.\nOutro.\n");
        assert_eq!(sides.theirs, "Intro.\nTheirs.\nOutro.\n");
    }

    #[test]
    fn a_diff3_base_is_left_out_of_both_sides() {
        let text = "<<<<<<< HEAD\nA\n||||||| merged common ancestors\nO\n=======\nB\n>>>>>>> 1a2b3c4 (Edit)\n";
        let markers = find_markers(text).expect("a block");
        assert_eq!(markers.first().base, Some(3));
        assert_eq!(markers.first().theirs, "1a2b3c4 (Edit)");
        let sides = sides(text).expect("sides");
        assert_eq!((sides.ours.as_str(), sides.theirs.as_str()), ("A\n", "B\n"));
    }

    #[test]
    fn crlf_lines_are_markers_too_and_keep_their_endings() {
        let text = "x\r\n<<<<<<< HEAD\r\na\r\n=======\r\nb\r\n>>>>>>> other\r\n";
        assert_eq!(find_markers(text).expect("block").first().theirs, "other");
        assert_eq!(sides(text).expect("sides").theirs, "x\r\nb\r\n");
    }

    #[test]
    fn several_blocks_are_all_found_and_resolved_per_side() {
        let text =
            "<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\nmid\n<<<<<<< HEAD\nc\n=======\nd\n>>>>>>> x\n";
        assert_eq!(find_markers(text).expect("blocks").blocks.len(), 2);
        let sides = sides(text).expect("sides");
        assert_eq!(sides.ours, "a\nmid\nc\n");
        assert_eq!(sides.theirs, "b\nmid\nd\n");
    }

    #[test]
    fn unlabelled_markers_are_a_block_with_empty_labels() {
        let block = find_markers("<<<<<<<\na\n=======\nb\n>>>>>>>\n").expect("block");
        assert_eq!(
            (block.first().ours.as_str(), block.first().theirs.as_str()),
            ("", "")
        );
    }

    #[test]
    fn text_without_a_complete_block_has_no_markers() {
        for text in [
            "",
            "Heading\n=======\n\nBody.\n",
            "Heading\n=======\n> quote\n>>>>>>> deep quote\n",
            "<<<<<<< HEAD\nonly an opening\n",
            "<<<<<<< HEAD\na\n>>>>>>> x\n", // no separator
            "=======\n<<<<<<< HEAD\n>>>>>>> x\n=======\n", // out of order
            "<<<<<<<< HEAD\na\n=======\nb\n>>>>>>>> x\n", // eight, not seven
            "<<<<<<<HEAD\na\n=======\nb\n>>>>>>> x\n", // no space before the label
            "  <<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n", // indented
            "<<<<<<< HEAD\na\n======= \nb\n>>>>>>> x\n", // separator not alone
        ] {
            assert_eq!(find_markers(text), None, "{text:?}");
            assert_eq!(sides(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_stray_opening_before_a_real_block_does_not_hide_it() {
        let text = "<<<<<<< stray\ntext\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x\n";
        let markers = find_markers(text).expect("block");
        assert_eq!(markers.first().start, 3);
        // The stray opening is not a block, so it stays text on both sides.
        let sides = sides(text).expect("sides");
        assert_eq!(sides.ours, "<<<<<<< stray\ntext\na\n");
    }

    #[test]
    fn a_setext_underline_inside_a_side_is_the_separator_like_git_reads_it() {
        let text = "<<<<<<< HEAD\nTitle\n=======\nb\n>>>>>>> x\n";
        assert_eq!(find_markers(text).expect("block").first().separator, 3);
    }
}
