mod bad_input;
mod commands;
mod support;
mod translate;
mod watch;
