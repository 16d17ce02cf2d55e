//! The diff's time budget: one deadline for the whole diff, and a record of whether any step
//! had to settle for a coarser answer because of it.

use std::time::{Duration, Instant};

#[derive(Debug)]
pub(crate) struct Budget {
    /// `None` when the allowed time is too large to represent: no limit.
    deadline: Option<Instant>,
    ran_out: bool,
}

impl Budget {
    /// A budget for a diff that must be done within `allowed`. The comparing steps get nine
    /// tenths of it; the rest is for assembling the result, which is linear but not free.
    pub fn new(allowed: Duration) -> Self {
        Budget {
            deadline: Instant::now().checked_add(allowed - allowed / 10),
            ran_out: false,
        }
    }

    /// The deadline to hand to `similar`.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// True once the deadline has passed; from then on every step takes its coarse path.
    pub fn exhausted(&mut self) -> bool {
        if !self.ran_out && self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.ran_out = true;
        }
        self.ran_out
    }

    /// Whether any step was cut short.
    pub fn ran_out(&self) -> bool {
        self.ran_out
    }
}
