mod bad_input;
mod commands;
mod issue;
mod support;
mod translate;
mod watch;
mod xliff;
