//! The clock is injected: the core never reads the system time except through `SystemClock`,
//! so tests can run on a `FixedClock` and get the same history every time.

use std::sync::atomic::{AtomicI64, Ordering};
use time::OffsetDateTime;

pub trait Clock: Send + Sync {
    fn now(&self) -> OffsetDateTime;
}

/// The real wall clock, in UTC.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock for tests: starts at a given instant and advances one second per reading, so
/// successive versions get distinct, predictable times.
#[derive(Debug)]
pub struct FixedClock {
    next_unix: AtomicI64,
}

impl FixedClock {
    pub fn starting_at(unix_seconds: i64) -> Self {
        FixedClock {
            next_unix: AtomicI64::new(unix_seconds),
        }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        let secs = self.next_unix.fetch_add(1, Ordering::SeqCst);
        OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

/// Formats a time the way the core stores and prints it: RFC 3339 in UTC, whole seconds.
pub fn format_time(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    t.format(&fmt)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}
