mod diff;
mod draft;
mod history;
