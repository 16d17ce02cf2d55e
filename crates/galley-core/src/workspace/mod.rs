//! The workspace: a folder of drafts plus Galley's hidden `.galley` folder (settings and the
//! history database). This is the facade the CLI and the desktop shell call.

mod approval;
mod board;
mod catch_up;
mod configure;
mod editorial;
mod export;
mod folder;
mod grid;
mod import;
mod issue;
mod journal;
mod library;
mod listing;
mod moves;
mod outdated_memo;
mod po;
mod preview;
mod record;
mod recovery;
mod rename;
mod save;
mod search;
mod sync;
mod sync_conflicts;
mod translate;
mod translation_view;
mod trash;
mod xliff;

pub use approval::ApprovalChange;
pub use catch_up::View;
pub use export::{ExportOptions, ExportReport};
pub use import::{ImportCounts, ImportOptions, ImportOutcome, ImportReport, ImportedFile};
pub use issue::{IssueList, IssueSummary, IssueView};
pub use journal::JOURNAL_DIR;
pub use library::{LibraryEntry, LibraryView};
pub use listing::{CommentaryDrafts, DraftSummary, Listing, MissingFields, LIBRARY_BUDGET};
pub use moves::{MoveReport, Step};
pub use po::PoExport;
pub use preview::Preview;
pub use record::{RecordReport, Recorded};
pub use recovery::Recovery;
pub use rename::RenameReport;
pub use save::{slugify, NewDraft, SaveOutcome, VersionRef};
pub use search::ReindexReport;
pub use sync::{clone_workspace, SyncReport, SyncState};
pub use sync_conflicts::{ConflictParts, PartSides, SyncConflict};
pub use translation_view::{RowPart, TranslationRow, TranslationView, TranslatorAction};
pub use trash::{is_trash_entry, TrashEntry, TrashKind};
pub use xliff::{XliffExport, XliffImport};

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use crate::history::History;
use crate::paths::{self, WorkspacePath};
use crate::settings::Settings;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The hidden folder inside every workspace.
pub const STATE_DIR: &str = ".galley";
pub const SETTINGS_FILE: &str = "settings.toml";
pub const HISTORY_FILE: &str = "history.db";

/// What the core needs from its surroundings, injected so tests are deterministic.
#[derive(Clone)]
pub struct Env {
    pub clock: Arc<dyn Clock>,
    /// Whom saves are attributed to.
    pub author: String,
}

impl Env {
    pub fn system(author: impl Into<String>) -> Env {
        Env {
            clock: Arc::new(SystemClock),
            author: author.into(),
        }
    }
}

pub struct Workspace {
    root: PathBuf,
    settings: Settings,
    history: History,
    env: Env,
    /// Outdated detail already worked out by `translation_grid`, so showing it again reads no
    /// texts it has seen.
    outdated_memo: outdated_memo::OutdatedMemo,
    /// Set when opening found the history damaged and rebuilt it.
    recovery: Option<Recovery>,
    /// The team's records, folded from the journals.
    journals: journal::Journals,
    /// Whether this handle recorded the whole folder (see `catch_up`).
    folder_recorded: bool,
}

impl Workspace {
    /// Opens an existing workspace (a folder with a `.galley` folder in it).
    pub fn open(root: &Path, env: Env) -> Result<Workspace> {
        Workspace::open_existing(root, env, true)
    }

    /// Like `open`, without the startup check of the history's structure, which reads every
    /// page of the database (a third of a second at archive scale): for quick commands that
    /// only read. Every stored text is still verified against its SHA-256 when read, and
    /// SQLite reports any damage it meets; `open` (any writing command, `galley check`, the
    /// app's start) finds and salvages it.
    pub fn open_unchecked(root: &Path, env: Env) -> Result<Workspace> {
        Workspace::open_existing(root, env, false)
    }

    fn open_existing(root: &Path, env: Env, check: bool) -> Result<Workspace> {
        let root = canonical_folder(root)?;
        if !root.join(STATE_DIR).is_dir() {
            return Err(Error::NoWorkspace {
                path: root,
                reason: format!("it has no {STATE_DIR} folder"),
            });
        }
        Workspace::load(root, env, check)
    }

    /// Makes `root` a workspace (creating the folder if needed), keeping anything already there.
    pub fn init(root: &Path, env: Env) -> Result<Workspace> {
        std::fs::create_dir_all(root).map_err(|e| Error::io("create the folder", root, e))?;
        let root = canonical_folder(root)?;
        let state = root.join(STATE_DIR);
        std::fs::create_dir_all(&state).map_err(|e| Error::io("create the folder", &state, e))?;
        let settings_path = state.join(SETTINGS_FILE);
        if !settings_path.exists() {
            Settings::default().save(&settings_path)?;
        }
        Workspace::load(root, env, true)
    }

    /// Opens `root` if it is a workspace, otherwise makes it one.
    pub fn open_or_init(root: &Path, env: Env) -> Result<Workspace> {
        if root.join(STATE_DIR).is_dir() {
            Workspace::open(root, env)
        } else {
            Workspace::init(root, env)
        }
    }

    fn load(root: PathBuf, env: Env, check: bool) -> Result<Workspace> {
        let state = root.join(STATE_DIR);
        let settings = Settings::load(&state.join(SETTINGS_FILE))?;
        let now = env.clock.now();
        let db = state.join(HISTORY_FILE);
        let (history, salvage) = if check {
            History::open_checked(&db, now)?
        } else {
            (History::open(&db)?, None)
        };
        crate::atomic::clean_stray_temps(&root)?;
        let journals = journal::open_journals(&root, &history, &env.author)?;
        let mut ws = Workspace {
            root,
            settings,
            history,
            env,
            outdated_memo: outdated_memo::OutdatedMemo::default(),
            folder_recorded: false,
            recovery: None,
            journals,
        };
        if let Some(salvage) = salvage {
            ws.rebuild_after_salvage(salvage)?;
        }
        Ok(ws)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn env(&self) -> &Env {
        &self.env
    }

    /// Resolves a user-given path (relative to the workspace or absolute), refusing any path
    /// that leads outside the workspace.
    pub fn resolve(&self, given: &Path) -> Result<WorkspacePath> {
        paths::resolve(&self.root, given)
    }
}

fn canonical_folder(root: &Path) -> Result<PathBuf> {
    match root.canonicalize() {
        Ok(path) if path.is_dir() => Ok(path),
        Ok(path) => Err(Error::NoWorkspace {
            path,
            reason: "it is a file, not a folder".into(),
        }),
        Err(e) => Err(Error::NoWorkspace {
            path: root.to_path_buf(),
            reason: e.to_string().to_lowercase(),
        }),
    }
}
