mod bad_input;
mod commands;
mod issue;
mod search;
mod support;
mod translate;
mod watch;
mod xliff;
