//! The few words the bundle prints itself, in be/ru/en (other languages fall back to
//! English), and dates written the way each language writes them.

use crate::draft::Trend;
use crate::plural::{primary, Forms};
use time::Date;

/// Words for one language.
pub(crate) struct Words {
    pub trend_label: &'static str,
    pub improved: &'static str,
    pub unchanged: &'static str,
    pub deteriorated: &'static str,
    /// The byline's label by the number of authors.
    pub by: Forms,
    pub other_languages: &'static str,
    pub language_name: &'static str,
}

const BE: Words = Words {
    trend_label: "Тэндэнцыя",
    improved: "палепшылася",
    unchanged: "без зменаў",
    deteriorated: "пагоршылася",
    by: Forms {
        one: "Аўтар",
        few: "Аўтары",
        many: "Аўтары",
        other: "Аўтары",
    },
    other_languages: "Іншыя мовы",
    language_name: "Беларуская",
};

const RU: Words = Words {
    trend_label: "Тенденция",
    improved: "улучшилась",
    unchanged: "без изменений",
    deteriorated: "ухудшилась",
    by: Forms {
        one: "Автор",
        few: "Авторы",
        many: "Авторы",
        other: "Авторы",
    },
    other_languages: "Другие языки",
    language_name: "Русский",
};

const EN: Words = Words {
    trend_label: "Trend",
    improved: "improved",
    unchanged: "unchanged",
    deteriorated: "deteriorated",
    by: Forms::same("By"),
    other_languages: "Other languages",
    language_name: "English",
};

pub(crate) fn words(lang: &str) -> &'static Words {
    match primary(lang) {
        "be" => &BE,
        "ru" => &RU,
        _ => &EN,
    }
}

impl Words {
    pub fn trend(&self, trend: Trend) -> &'static str {
        match trend {
            Trend::Improved => self.improved,
            Trend::Unchanged => self.unchanged,
            Trend::Deteriorated => self.deteriorated,
        }
    }
}

/// A symbol beside the trend word, so the trend never rests on colour alone.
pub(crate) fn trend_symbol(trend: Trend) -> &'static str {
    match trend {
        Trend::Improved => "▲",
        Trend::Unchanged => "■",
        Trend::Deteriorated => "▼",
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Genitive forms, as used after a day number ("11 мая").
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const BE_MONTHS: [&str; 12] = [
    "студзеня",
    "лютага",
    "сакавіка",
    "красавіка",
    "мая",
    "чэрвеня",
    "ліпеня",
    "жніўня",
    "верасня",
    "кастрычніка",
    "лістапада",
    "снежня",
];

fn month_index(date: Date) -> usize {
    usize::from(u8::from(date.month())) - 1
}

/// A date range as the language writes it:
/// en "May 11 – May 17, 2020", ru "11–17 мая 2020 г.", be "11–17 мая 2020 г.";
/// months and years are repeated only where the two ends differ.
pub(crate) fn date_range(lang: &str, first: Date, last: Date) -> String {
    let same_year = first.year() == last.year();
    let same_month = same_year && first.month() == last.month();
    match primary(lang) {
        code @ ("be" | "ru") => {
            let months = if code == "be" { &BE_MONTHS } else { &RU_MONTHS };
            let day_month = |d: Date| format!("{} {}", d.day(), months[month_index(d)]);
            let year = |d: Date| format!("{} г.", d.year());
            if same_month {
                format!("{}–{} {}", first.day(), day_month(last), year(last))
            } else if same_year {
                format!("{} – {} {}", day_month(first), day_month(last), year(last))
            } else {
                format!(
                    "{} {} – {} {}",
                    day_month(first),
                    year(first),
                    day_month(last),
                    year(last)
                )
            }
        }
        _ => {
            let month_day = |d: Date| format!("{} {}", EN_MONTHS[month_index(d)], d.day());
            if same_year {
                format!(
                    "{} – {}, {}",
                    month_day(first),
                    month_day(last),
                    last.year()
                )
            } else {
                format!(
                    "{}, {} – {}, {}",
                    month_day(first),
                    first.year(),
                    month_day(last),
                    last.year()
                )
            }
        }
    }
}
