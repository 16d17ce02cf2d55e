mod diff;
mod draft;
mod history;
mod reconcile;
mod support;
mod translation;
mod watch;
mod workspace;
