//! Diffs: see the module docs once written.
