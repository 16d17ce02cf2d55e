//! The command line as clap sees it: every subcommand, its arguments and their help.

use clap::{CommandFactory, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "galley",
    version,
    about = "Drafts, history and translations for a weekly multilingual digest."
)]
pub(crate) struct Cli {
    /// The workspace folder [default: $GALLEY_WORKSPACE, else the current folder]
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    pub(crate) workspace: Option<PathBuf>,
    /// Whom new versions are attributed to [default: $GALLEY_AUTHOR, else the desktop app's
    /// profile name, else $USER]
    #[arg(long, global = true, value_name = "NAME")]
    pub(crate) author: Option<String>,
    /// Print JSON (stable field names; see the README) instead of text
    #[arg(long, global = true)]
    pub(crate) json: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Make the folder a workspace (creates it if needed; keeps what is there)
    Init,
    /// Create a new draft and print the path of its file
    New {
        #[arg(long)]
        title: String,
        /// Language tag of this version, e.g. be
        #[arg(long)]
        lang: String,
        /// ISO week of the issue, e.g. 2020-W20
        #[arg(long)]
        issue: Option<String>,
        #[arg(long)]
        section: Option<String>,
        /// Author's name (repeat for several)
        #[arg(long = "by", value_name = "NAME")]
        authors: Vec<String>,
        /// File name without language and extension [default: from the title]
        #[arg(long)]
        slug: Option<String>,
    },
    /// Give a language version a new title; with --slug or --files, rename every language
    /// version's file too (the id and history stay)
    Rename {
        id: String,
        #[arg(long)]
        lang: String,
        #[arg(long)]
        title: String,
        /// New file name without language and extension
        #[arg(long, conflicts_with = "files")]
        slug: Option<String>,
        /// Name the files after the new title
        #[arg(long)]
        files: bool,
    },
    /// Delete or archive a commentary into the workspace's trash, list it, bring it back
    #[command(subcommand)]
    Trash(crate::trash::TrashCommand),
    /// List every draft in the workspace
    List,
    /// Show one draft: its front matter and text
    Show { path: String },
    /// List the versions of a draft, newest first
    Log { path: String },
    /// Compare two versions, or a version and the file as it is now
    ///
    /// With no versions: the latest version against the file. With one: that version against
    /// the file. With two: the first against the second.
    ///
    /// A version is its number here (`galley log`) or six or more hex digits of its SHA-256,
    /// which names the same text on every machine.
    Diff {
        path: String,
        #[arg(value_parser = version_ref)]
        from: Option<String>,
        #[arg(value_parser = version_ref)]
        to: Option<String>,
        /// Colour the output: auto, always or never
        #[arg(long, default_value = "auto")]
        color: String,
    },
    /// Bring back a version's text as a new version (a number or a SHA-256 prefix)
    ///
    /// With a PATH first, the version must be one of that draft's: a version of another draft
    /// is refused, naming both.
    Restore {
        /// PATH VERSION, or VERSION alone
        #[arg(num_args = 1..=2, required = true, value_name = "[PATH] VERSION")]
        args: Vec<String>,
    },
    /// Give a version a label (an empty label removes it); the label travels with the records
    Label {
        #[arg(value_parser = version_ref)]
        version: String,
        label: String,
    },
    /// Record what changed in the folder since Galley last looked (texts from other machines
    /// signed by their makers, edits in other programs by you)
    Record,
    /// Watch the folder and record each change as it happens (until Ctrl+C)
    Watch,
    /// Validate every draft; exits with 1 when there are problems
    Check {
        /// Also read back every version in history and check it against its SHA-256, and
        /// check the database's structure
        #[arg(long)]
        deep: bool,
    },
    /// Save a file's new text through Galley (the text comes from --from or standard input)
    Save {
        path: String,
        /// Read the new text from this file instead of standard input
        #[arg(long)]
        from: Option<PathBuf>,
        /// SHA-256 of the text you started from; a mismatch with the disk is a conflict
        #[arg(long)]
        base: Option<String>,
    },
    /// Translations: the status grid, starting one, status, source changes, minor edits
    #[command(subcommand)]
    Translate(TranslateCommand),
    /// XLIFF 1.2 files for CAT tools: export a translation job, import it back
    #[command(subcommand)]
    Xliff(JobCommand),
    /// gettext PO files for PO editors (Poedit, Lokalize): export a translation job, import it back
    #[command(subcommand)]
    Po(JobCommand),
    /// Full-text search over every language version, best match first
    ///
    /// All words must match; "a phrase" matches words in order; reform* matches a prefix;
    /// OR between two words matches either; -word excludes.
    Search {
        query: String,
        /// Only this language, e.g. be
        #[arg(long)]
        lang: Option<String>,
        /// Only this issue week, e.g. 2020-W20
        #[arg(long)]
        issue: Option<String>,
        #[arg(long)]
        section: Option<String>,
        /// Only drafts by this author (any word of the name)
        #[arg(long)]
        author: Option<String>,
        /// improved, unchanged or deteriorated
        #[arg(long)]
        trend: Option<String>,
        /// Translation status: in-progress, in-review or done
        #[arg(long)]
        status: Option<String>,
        /// At most this many results
        #[arg(long, default_value_t = galley_core::search::DEFAULT_LIMIT)]
        limit: u32,
    },
    /// Rebuild the search index from the files (progress on standard error)
    Reindex,
    /// Bring an archive of Markdown files into the workspace; safe to run again
    Import {
        dir: PathBuf,
        /// The language of files that say neither in their name (x.be.md) nor their front matter
        #[arg(long)]
        lang: Option<String>,
        /// The team's mapping (TOML): trend sentences, section titles, byline keys, the lead,
        /// which date decides the week (see the README)
        #[arg(long)]
        mapping: Option<PathBuf>,
    },
    /// Weekly issues: list, show, create, move commentaries, the language board, readiness
    #[command(subcommand)]
    Issue(IssueCommand),
    /// The editorial workflow: draft → in-review → approved, and editorial notes
    #[command(subcommand)]
    Review(ReviewCommand),
    /// What git runs to merge a draft or an issue file both sides changed: writes the merge
    /// into OURS; exits 0 when clean, 1 on a conflict (the file is still valid, never markers)
    #[command(hide = true)]
    MergeDriver {
        kind: crate::merge_driver::MergeKind,
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository
        path: String,
    },
    /// Export an issue as a publishing bundle (a folder, or a zip when PATH ends in .zip);
    /// refuses with every reason when a language is not ready
    Export {
        week: String,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Publish only the languages that are ready and list the others
        #[arg(long)]
        only_complete: bool,
    },
    /// Share the workspace through git: commit every version made here, receive the others',
    /// push. Offline, the changes wait for the next sync
    Sync {
        /// Share through this repository: makes the workspace a git repository with it as
        /// the remote, or, when the workspace folder does not exist yet, clones it there
        #[arg(long, value_name = "URL")]
        init: Option<String>,
    },
    /// The conflicts a sync left: files where both sides changed the same place; with PATH,
    /// the numbered paragraphs and fields its two sides disagree on
    Conflicts { path: Option<String> },
    /// Settle a conflict: keep your side, take theirs, take theirs only for some pieces, or
    /// use a file's text
    Resolve {
        path: String,
        #[arg(long, conflicts_with_all = ["theirs", "from", "theirs_in"])]
        ours: bool,
        #[arg(long, conflicts_with_all = ["from", "theirs_in"])]
        theirs: bool,
        /// Theirs for these pieces (paragraph numbers and field names as `galley conflicts
        /// PATH` lists them, comma-separated), yours for the rest
        #[arg(
            long,
            value_name = "PIECES",
            value_delimiter = ',',
            conflicts_with = "from"
        )]
        theirs_in: Vec<String>,
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub(crate) enum IssueCommand {
    /// Every issue: week, dates, titles, number of commentaries
    List,
    /// One issue's sections and commentaries in publication order
    Show { week: String },
    /// Create WEEK/issue.toml listing the commentaries that already name the week (or give
    /// titles to one that has none); languages without --title get the settings' `issue_title`
    /// pattern
    New {
        week: String,
        /// A title in one language, as LANG=TEXT (repeat for several)
        #[arg(long = "title", value_name = "LANG=TEXT")]
        titles: Vec<String>,
    },
    /// Move a commentary to another issue or section, or to another position (reorder); its
    /// files move into the week's folder
    Move {
        id: String,
        /// The issue week it goes to
        #[arg(long = "to", value_name = "WEEK", required_unless_present_any = ["up", "down"])]
        to: Option<String>,
        /// One place up within its section (never into another section)
        #[arg(long, conflicts_with_all = ["to", "section", "position", "down"])]
        up: bool,
        /// One place down within its section (never into another section)
        #[arg(long, conflicts_with_all = ["to", "section", "position"])]
        down: bool,
        /// The section it goes to [default: its current section]
        #[arg(long)]
        section: Option<String>,
        /// 1-based position in the section [default: last]
        #[arg(long)]
        position: Option<usize>,
    },
    /// Set the issue's title in one language
    Title {
        week: String,
        lang: String,
        title: String,
    },
    /// The commentary × language board: editorial and translation status, outdated, words
    Board { week: String },
    /// What keeps each language from being published; exits with 1 when not ready
    Check { week: String },
}

#[derive(Subcommand)]
pub(crate) enum ReviewCommand {
    /// Set a commentary's editorial status: draft, in-review or approved
    Set {
        id: String,
        status: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Its editorial status changes, newest first
    Log { id: String },
    /// What changed since the commentary was approved: per language, the diff from the
    /// approved text to the file now
    Diff {
        id: String,
        /// Only this language
        lang: Option<String>,
        /// Colour the output: auto, always or never
        #[arg(long, default_value = "auto")]
        color: String,
    },
    /// Add an editorial note (never published)
    Note { id: String, text: String },
    /// Its editorial notes, oldest first
    Notes { id: String },
}

/// A translation job as a file (XLIFF or PO), the same subcommands for both.
#[derive(Subcommand)]
pub(crate) enum JobCommand {
    /// Export commentary ID's translation job into LANG; prints the file's path and the
    /// job's word counts (new, changed since the translation was made, unchanged)
    Export {
        id: String,
        lang: String,
        /// Write here instead of `<id>.<source>-<lang>.xlf` (or `.po`) in the current folder;
        /// `-` prints the file to standard output (the word counts then go to standard error)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a translated file as a new version of the translation (`-` reads standard
    /// input); prints the version, or "No changes."
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub(crate) enum TranslateCommand {
    /// The commentary × language grid: status, base, what is outdated and via which link
    Status {
        /// Only this issue week, e.g. 2020-W20
        #[arg(long)]
        issue: Option<String>,
    },
    /// Start translating a commentary into a language; prints the new file's path
    Start {
        id: String,
        #[arg(long)]
        lang: String,
        /// Translate from this language [default: the source language version]
        #[arg(long)]
        from: Option<String>,
    },
    /// Set a translation's status: in-progress, in-review or done (done records the base)
    Set {
        id: String,
        lang: String,
        status: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Word-level diff of the source from the translation's base to now
    Diff {
        id: String,
        lang: String,
        /// Colour the output: auto, always or never
        #[arg(long, default_value = "auto")]
        color: String,
    },
    /// Mark a version as minor (a typo fix that does not outdate translations)
    Minor {
        /// A version number or a SHA-256 prefix
        #[arg(value_parser = version_ref)]
        version: String,
        /// Unmark it instead
        #[arg(long)]
        undo: bool,
    },
}

/// A version as typed: a number, or six or more hex digits of its SHA-256 (a usage error
/// otherwise; which version it names is the core's `find_version`).
pub(crate) fn version_ref(given: &str) -> Result<String, String> {
    let digits = !given.is_empty() && given.bytes().all(|b| b.is_ascii_digit());
    let hex = (6..=64).contains(&given.len()) && given.bytes().all(|b| b.is_ascii_hexdigit());
    if digits || hex {
        Ok(given.to_string())
    } else {
        Err(
            "give a version number (`galley log PATH` shows them) or six or more hex digits of \
             its SHA-256"
                .into(),
        )
    }
}

/// `version_ref` for an argument clap could not type itself (restore's optional PATH comes
/// first): a bad version is a usage error, like every other argument clap refuses.
pub(crate) fn checked_version(given: &str) -> String {
    match version_ref(given) {
        Ok(version) => version,
        Err(message) => Cli::command()
            .error(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{given}' for '[PATH] VERSION': {message}"),
            )
            .exit(),
    }
}
