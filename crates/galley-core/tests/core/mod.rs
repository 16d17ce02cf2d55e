mod diff;
mod draft;
mod history;
mod reconcile;
mod support;
mod watch;
mod workspace;
