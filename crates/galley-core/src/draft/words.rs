//! What counts as a word: one rule for the library, the board and translation jobs.

/// Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside
/// a word kept (so "сям'я" and "well-known" are one word each).
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut prev_alnum = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joiner = matches!(c, '\'' | '’' | 'ʼ' | '-')
            && prev_alnum
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else {
            in_word = false;
        }
        prev_alnum = c.is_alphanumeric();
    }
    count
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
}
