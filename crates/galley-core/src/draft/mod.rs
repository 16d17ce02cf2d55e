//! Drafts: see the module docs once written.
