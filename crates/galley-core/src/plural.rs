//! CLDR plural categories for whole numbers in the languages Galley writes words in (en, ru,
//! be), and the few counted words the bundle and the CLI print. Hand-written: the rules for
//! three languages are a few lines (CLDR `plurals.xml`), and the crates that carry all of CLDR
//! would be the bulk of the binary for them.

/// The CLDR plural category of a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

/// The category of `n` in `lang` (a BCP 47 tag; its primary subtag decides). Russian and
/// Belarusian: one = ends in 1 but not 11; few = ends in 2–4 but not 12–14; many = the rest.
/// English and any other language: one = 1, other = the rest.
pub fn category(lang: &str, n: u64) -> Plural {
    let (last, last_two) = (n % 10, n % 100);
    match primary(lang) {
        "ru" | "be" => {
            if last == 1 && last_two != 11 {
                Plural::One
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                Plural::Few
            } else {
                Plural::Many
            }
        }
        _ if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

/// A word's forms by category; a language leaves out the categories it does not have.
#[derive(Debug, Clone, Copy)]
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Forms {
    /// The same word for every number (English "By").
    pub const fn same(word: &'static str) -> Forms {
        Forms {
            one: word,
            few: word,
            many: word,
            other: word,
        }
    }

    pub fn pick(&self, lang: &str, n: u64) -> &'static str {
        match category(lang, n) {
            Plural::One => self.one,
            Plural::Few => self.few,
            Plural::Many => self.many,
            Plural::Other => self.other,
        }
    }
}

/// "commentary" counted in `lang`: "1 commentary", "2 комментария", "5 каментарыяў".
pub fn commentaries(lang: &str, n: u64) -> String {
    let forms = match primary(lang) {
        "ru" => Forms {
            one: "комментарий",
            few: "комментария",
            many: "комментариев",
            other: "комментария",
        },
        "be" => Forms {
            one: "каментарый",
            few: "каментарыі",
            many: "каментарыяў",
            other: "каментарыя",
        },
        _ => Forms {
            one: "commentary",
            few: "commentaries",
            many: "commentaries",
            other: "commentaries",
        },
    };
    format!("{n} {}", forms.pick(lang, n))
}

pub(crate) fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_belarusian_follow_the_last_two_digits() {
        let cases = [
            (0, Plural::Many),
            (1, Plural::One),
            (2, Plural::Few),
            (4, Plural::Few),
            (5, Plural::Many),
            (11, Plural::Many),
            (12, Plural::Many),
            (14, Plural::Many),
            (21, Plural::One),
            (22, Plural::Few),
            (25, Plural::Many),
            (101, Plural::One),
            (111, Plural::Many),
            (112, Plural::Many),
            (1002, Plural::Few),
        ];
        for lang in ["ru", "be", "ru-RU", "be-tarask"] {
            for (n, expected) in cases {
                assert_eq!(category(lang, n), expected, "{lang} {n}");
            }
        }
    }

    #[test]
    fn english_has_one_and_other() {
        assert_eq!(category("en", 1), Plural::One);
        for n in [0, 2, 3, 11, 21, 101] {
            assert_eq!(category("en", n), Plural::Other, "{n}");
        }
        assert_eq!(category("de", 1), Plural::One);
    }

    #[test]
    fn counted_commentaries_read_naturally() {
        assert_eq!(commentaries("en", 1), "1 commentary");
        assert_eq!(commentaries("en", 4), "4 commentaries");
        assert_eq!(commentaries("ru", 1), "1 комментарий");
        assert_eq!(commentaries("ru", 2), "2 комментария");
        assert_eq!(commentaries("ru", 5), "5 комментариев");
        assert_eq!(commentaries("ru", 21), "21 комментарий");
        assert_eq!(commentaries("be", 3), "3 каментарыі");
        assert_eq!(commentaries("be", 11), "11 каментарыяў");
    }
}
