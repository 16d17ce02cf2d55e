//! The desktop shell (placeholder until the shell lands).
