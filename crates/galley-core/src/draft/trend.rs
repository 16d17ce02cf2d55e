//! The analyst's verdict on a situation, written as `trend:` in the front matter.

use crate::error::Error;
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trend {
    Improved,
    Unchanged,
    Deteriorated,
}

impl Trend {
    pub const ALL: [Trend; 3] = [Trend::Improved, Trend::Unchanged, Trend::Deteriorated];

    /// The spelling used in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Unchanged => "unchanged",
            Trend::Deteriorated => "deteriorated",
        }
    }

    /// "improved, unchanged, deteriorated", for messages that list the choices.
    pub(crate) fn allowed_list() -> String {
        let names: Vec<&str> = Trend::ALL.iter().map(|t| t.as_str()).collect();
        names.join(", ")
    }
}

impl fmt::Display for Trend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Trend {
    type Err = Error;

    /// Exact, lowercase spellings only, so a file never holds two spellings of one value.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Trend::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                Error::invalid(
                    format!("the trend `{s}`"),
                    format!("use one of: {}", Trend::allowed_list()),
                )
                .coded(
                    crate::ErrorCode::TrendInvalid,
                    [("trend", s.to_string()), ("trends", Trend::allowed_list())],
                )
            })
    }
}
