//! What counts as a word: one rule for the library, the board and translation jobs.

/// Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside
/// a word kept (so "сям'я" and "well-known" are one word each).
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut prev_alnum = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let alnum = is_word_char(c);
        let joiner = !alnum
            && prev_alnum
            && matches!(c, '\'' | '’' | 'ʼ' | '-')
            && chars.peek().is_some_and(|&n| is_word_char(n));
        if alnum || joiner {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
        prev_alnum = alnum;
    }
    count
}

/// A letter or digit. Basic Cyrillic letters, most of this team's text, are answered before
/// the general Unicode table, whose lookup is slow for them.
fn is_word_char(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё' | 'І' | 'і' | 'Ў' | 'ў') || c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn words_are_letter_and_digit_runs_in_any_script_with_inner_joiners() {
        assert_eq!(count_words("Рэформа арміі — 2020 *stalls*!"), 4);
        assert_eq!(count_words("well-known сям'я"), 2);
        assert_eq!(count_words("a - b -c 'd'"), 4);
        assert_eq!(count_words("  "), 0);
    }

    #[test]
    fn the_cyrillic_shortcut_agrees_with_unicode() {
        for c in ('\u{0400}'..='\u{04FF}').chain(['\u{2116}', '\u{0301}']) {
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
