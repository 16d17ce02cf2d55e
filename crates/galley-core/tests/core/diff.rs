// Tests for the diff module.
