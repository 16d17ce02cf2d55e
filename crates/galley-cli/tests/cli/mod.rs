mod bad_input;
mod commands;
mod search;
mod support;
mod translate;
mod watch;
mod xliff;
