// Tests for the draft module.
