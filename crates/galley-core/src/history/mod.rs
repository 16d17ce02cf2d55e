//! History: see the module docs once written.
