mod bad_input;
mod commands;
mod export;
mod issue;
mod support;
mod translate;
mod watch;
mod xliff;
