//! ISO 8601 weeks (`2020-W20`): the natural id of a weekly issue.

use crate::error::{Error, ErrorCode};
use std::fmt;
use std::str::FromStr;
use time::{Date, Duration, Weekday};

/// A week that exists: `2020-W53` can be built, `2021-W53` cannot.
/// Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u8,
    // Kept alongside so `monday()` never has to handle an impossible failure.
    monday: Date,
}

impl IsoWeek {
    /// The week `week` of ISO week-numbering year `year`, if that year has such a week.
    pub fn new(year: i32, week: u8) -> Option<IsoWeek> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        let monday = Date::from_iso_week_date(year, week, Weekday::Monday).ok()?;
        // The last week of year 9999 would end outside the calendar `time` supports.
        Date::from_iso_week_date(year, week, Weekday::Sunday).ok()?;
        Some(IsoWeek { year, week, monday })
    }

    /// The ISO week that contains `date`.
    pub fn containing(date: Date) -> IsoWeek {
        let (year, week, weekday) = date.to_iso_week_date();
        let back = Duration::days(i64::from(weekday.number_days_from_monday()));
        IsoWeek {
            year,
            week,
            monday: date.saturating_sub(back),
        }
    }

    /// The ISO week-numbering year (which can differ from the calendar year of some days).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// 1 to 52 or 53.
    pub fn week(&self) -> u8 {
        self.week
    }

    pub fn monday(&self) -> Date {
        self.monday
    }

    pub fn sunday(&self) -> Date {
        self.monday.saturating_add(Duration::days(6))
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl FromStr for IsoWeek {
    type Err = Error;

    /// Exactly `YYYY-Www`: four-digit year, capital `W`, two-digit week.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |message: String| {
            Error::invalid(format!("the issue week `{s}`"), message)
                .coded(ErrorCode::WeekInvalid, [("week", s.to_string())])
        };
        let shape_ok = s.len() == 8
            && s.as_bytes()[4] == b'-'
            && s.as_bytes()[5] == b'W'
            && s[..4].bytes().all(|b| b.is_ascii_digit())
            && s[6..].bytes().all(|b| b.is_ascii_digit());
        if !shape_ok {
            return Err(bad("write it as an ISO week like `2020-W20`".to_string()));
        }
        let (year, week) = match (s[..4].parse::<i32>(), s[6..].parse::<u8>()) {
            (Ok(year), Ok(week)) => (year, week),
            _ => return Err(bad("write it as an ISO week like `2020-W20`".to_string())),
        };
        IsoWeek::new(year, week).ok_or_else(|| {
            let weeks = time::util::weeks_in_year(year);
            bad(format!("{year} has weeks 01 to {weeks}"))
        })
    }
}
