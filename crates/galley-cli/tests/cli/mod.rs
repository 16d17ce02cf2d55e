mod bad_input;
mod commands;
mod support;
mod watch;
