// Tests for the history module.
