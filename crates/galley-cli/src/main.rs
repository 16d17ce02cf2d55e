//! `galley`: the command-line face of galley-core. Parses arguments, calls the core, prints.
//! Exit codes: 0 success, 1 a problem with the input or the workspace, 2 usage.

mod merge_driver;
mod output;
mod trash;

use clap::{CommandFactory, Parser, Subcommand};
use galley_core::diff::{render_text, RenderStyle};
use galley_core::draft::IsoWeek;
use galley_core::import_map::ImportMapping;
use galley_core::profile::{self, Profile};
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{
    Env, ExportOptions, ImportOptions, NewDraft, SaveOutcome, Step, View, Workspace,
};
use galley_core::Error;
use output::Printer;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "galley",
    version,
    about = "Drafts, history and translations for a weekly multilingual digest."
)]
struct Cli {
    /// The workspace folder [default: $GALLEY_WORKSPACE, else the current folder]
    #[arg(long, short = 'w', global = true, value_name = "DIR")]
    workspace: Option<PathBuf>,
    /// Whom new versions are attributed to [default: $GALLEY_AUTHOR, else the desktop app's
    /// profile name, else $USER]
    #[arg(long, global = true, value_name = "NAME")]
    author: Option<String>,
    /// Print JSON (stable field names; see the README) instead of text
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    Trash(trash::TrashCommand),
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
        kind: merge_driver::MergeKind,
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
enum IssueCommand {
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
enum ReviewCommand {
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
enum JobCommand {
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
enum TranslateCommand {
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
fn version_ref(given: &str) -> Result<String, String> {
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
fn checked_version(given: &str) -> String {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printer = Printer { json: cli.json };
    match run(cli, &printer) {
        Ok(code) => code,
        Err(e) => {
            printer.error(&e);
            ExitCode::from(1)
        }
    }
}

/// Whom this run signs versions with: the same rule and profile as the desktop app. A profile
/// that cannot be read is reported and the login name used, so a command still runs.
fn author(flag: Option<String>) -> String {
    let override_name = flag.or_else(|| std::env::var("GALLEY_AUTHOR").ok());
    let profile = match profile::profile_path().map(|path| Profile::load(&path)) {
        Some(Ok(profile)) => profile,
        Some(Err(e)) => {
            eprintln!("galley: {e}");
            Profile::default()
        }
        None => Profile::default(),
    };
    let login = std::env::var("USER").ok();
    profile::attribution(override_name.as_deref(), &profile, login.as_deref())
}

fn run(cli: Cli, out: &Printer) -> Result<ExitCode, Error> {
    let root = cli
        .workspace
        .or_else(|| std::env::var_os("GALLEY_WORKSPACE").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("."));
    let env = Env::system(author(cli.author));
    // A history found damaged at open has been salvaged; whatever the command, say so first.
    let open = || {
        let ws = Workspace::open(&root, env.clone())?;
        if let Some(recovery) = ws.recovery() {
            eprintln!("{recovery}");
        }
        Ok::<_, Error>(ws)
    };
    // Quick reading commands skip the startup check (it reads the whole history); they still
    // verify every text they read. Anything that writes, and `check`, opens with it.
    let read = || Workspace::open_unchecked(&root, env.clone());
    match cli.command {
        Command::MergeDriver {
            kind,
            base,
            ours,
            theirs,
            path,
        } => {
            return merge_driver::run(
                kind,
                &merge_driver::MergeFiles {
                    base,
                    ours,
                    theirs,
                    path,
                },
            )
        }
        Command::Init => out.init(Workspace::init(&root, env.clone())?.root()),
        Command::New {
            title,
            lang,
            issue,
            section,
            authors,
            slug,
        } => {
            let issue = issue
                .map(|w| w.parse::<IsoWeek>())
                .transpose()
                .map_err(|e| Error::Invalid {
                    what: "--issue".into(),
                    message: e.to_string(),
                })?;
            let new = NewDraft {
                title,
                lang,
                issue,
                section,
                authors,
                slug,
            };
            let (path, version) = open()?.create(&new)?;
            out.created(&path, &version);
        }
        Command::Rename {
            id,
            lang,
            title,
            slug,
            files,
        } => {
            let slug = slug.or_else(|| files.then(|| title.clone()));
            out.renamed(&open()?.rename_commentary(&id, &lang, &title, slug.as_deref())?);
        }
        Command::Trash(command) => trash::run(command, &mut open()?, out)?,
        Command::List => {
            // A folder the cache has not seen (a fresh clone) is read once, with a bar.
            let bar = output::progress_bar(out, "reading drafts");
            let listing =
                read()?.list_with_progress(&mut |done, all| output::advance(&bar, done, all))?;
            bar.finish_and_clear();
            out.listing(&listing);
        }
        Command::Show { path } => out.draft(&path, &read()?.read(&path)?),
        Command::Log { path } => out.log(&read()?.log(&path)?),
        Command::Diff {
            path,
            from,
            to,
            color,
        } => {
            let ws = read()?;
            let from = from.map(|v| ws.find_version_of(&path, &v)).transpose()?;
            let to = to.map(|v| ws.find_version_of(&path, &v)).transpose()?;
            let diff = ws.diff_file(&path, from, to)?;
            out.diff(&diff, &render_text(&diff, render_style(&color)?));
        }
        Command::Restore { args } => {
            let (path, version) = match args.as_slice() {
                [path, version] => (Some(path), checked_version(version)),
                [version] => (None, checked_version(version)),
                _ => {
                    return Err(Error::Invalid {
                        what: "galley restore".into(),
                        message: "give a version, or a draft's path and a version".into(),
                    })
                }
            };
            let mut ws = open()?;
            let version = match path {
                Some(path) => ws.find_version_of(path, &version)?,
                None => ws.find_version(&version)?,
            };
            out.version(&ws.restore(version)?)
        }
        Command::Label { version, label } => {
            let mut ws = open()?;
            let version = ws.find_version(&version)?;
            out.version(&ws.set_label(version, Some(&label))?)
        }
        Command::Record => out.recorded(&open()?.record_all()?),
        Command::Watch => watch(&mut open()?, out)?,
        Command::Translate(command) => translate(command, open()?, out)?,
        Command::Xliff(command) => job(command, JobFormat::Xliff, open()?, out)?,
        Command::Po(command) => job(command, JobFormat::Po, open()?, out)?,
        Command::Issue(command) => return issue(command, open()?, out),
        Command::Review(command) => review(command, open()?, out)?,
        Command::Search {
            query,
            lang,
            issue,
            section,
            author,
            trend,
            status,
            limit,
        } => {
            let filters = Filters {
                lang,
                issue,
                section,
                author,
                trend,
                status,
            };
            let request = SearchRequest {
                query,
                filters,
                limit,
            };
            out.search_hits(&read()?.search(&request)?);
        }
        Command::Reindex => {
            let bar = output::progress_bar(out, "indexing");
            let report = open()?.reindex(&mut |done, all| output::advance(&bar, done, all))?;
            bar.finish_and_clear();
            out.reindexed(&report);
        }
        Command::Import { dir, lang, mapping } => {
            let mapping = mapping.map(|m| ImportMapping::load(&m)).transpose()?;
            let bar = output::progress_bar(out, "importing");
            let options = ImportOptions {
                default_lang: lang,
                mapping,
            };
            let report = open()?.import_dir(&dir, &options, &mut |done, all| {
                output::advance(&bar, done, all)
            })?;
            bar.finish_and_clear();
            out.imported(&report);
            if report.counts().failed > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Sync { init } => {
            // git runs this very program to merge drafts and issue files, also on a hand pull.
            let drivers = |ws: &Workspace| match std::env::current_exe() {
                Ok(galley) => ws.register_merge_drivers(&galley),
                Err(_) => Ok(()),
            };
            let report = match init {
                Some(url) if !root.join(".galley").is_dir() => {
                    let ws = galley_core::workspace::clone_workspace(&url, &root, env.clone())?;
                    drivers(&ws)?;
                    let state = ws.sync_status()?.unwrap_or_default();
                    galley_core::workspace::SyncReport {
                        state,
                        ..Default::default()
                    }
                }
                Some(url) => {
                    let mut ws = open()?;
                    let report = ws.sync_init(&url)?;
                    drivers(&ws)?;
                    report
                }
                None => {
                    let mut ws = open()?;
                    drivers(&ws)?;
                    ws.sync()?
                }
            };
            out.sync(&report);
        }
        Command::Conflicts { path: None } => out.conflicts(&read()?.sync_conflicts()?),
        Command::Conflicts { path: Some(path) } => {
            out.conflict_parts(&path, read()?.conflict_parts(&path)?.as_ref())
        }
        Command::Resolve {
            path,
            ours,
            theirs,
            theirs_in,
            from,
        } => {
            let mut ws = open()?;
            match (ours, theirs, from) {
                _ if !theirs_in.is_empty() => {
                    ws.resolve_conflict_choosing(&path, &pieces(&theirs_in)?)?;
                }
                (_, _, Some(file)) => {
                    let text = std::fs::read_to_string(&file).map_err(|e| Error::Invalid {
                        what: file.display().to_string(),
                        message: format!("it could not be read: {e}"),
                    })?;
                    ws.resolve_conflict(&path, &text)?;
                }
                (false, false, None) => {
                    return Err(Error::Invalid {
                        what: "resolve".into(),
                        message: "say which text to keep: --ours, --theirs, --theirs-in PIECES \
                                  or --from FILE"
                            .into(),
                    })
                }
                (_, theirs, None) => ws.resolve_conflict_with(&path, theirs)?,
            }
            out.resolved(&path);
        }
        Command::Export {
            week,
            out: path,
            only_complete,
        } => {
            let week = parse_week(&week)?;
            let options = ExportOptions { only_complete };
            let bar = output::progress_bar(out, "exporting");
            let report = open()?.export_issue(week, &path, options, &mut |p| {
                output::advance(&bar, p.done, p.total);
                bar.set_message(p.what);
            });
            bar.finish_and_clear();
            out.exported(&report?);
        }
        Command::Check { deep } => {
            let ws = open()?;
            let mut problems = ws.check()?;
            if deep {
                let bar = output::progress_bar(out, "verifying history");
                problems.extend(
                    ws.history()
                        .verify(&mut |done, all| output::advance(&bar, done, all))?,
                );
                bar.finish_and_clear();
            }
            out.problems(&problems, &ws.missing_fields()?);
            if !problems.is_empty() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Save { path, from, base } => {
            let mut ws = open()?;
            let text = read_input(from)?;
            let base = base
                .map(|h| {
                    galley_core::hash::ContentHash::from_hex(&h).ok_or_else(|| Error::Invalid {
                        what: "--base".into(),
                        message: "it must be 64 hex digits (a SHA-256)".into(),
                    })
                })
                .transpose()?;
            let base = match base {
                Some(hash) => Some(hash),
                // Without --base, the file as it is now is the starting point.
                None => ws.disk_hash(&path)?,
            };
            let outcome = ws.save(&path, &text, base)?;
            out.saved(&outcome);
            if let SaveOutcome::Conflict { .. } = outcome {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn translate(command: TranslateCommand, mut ws: Workspace, out: &Printer) -> Result<(), Error> {
    match command {
        TranslateCommand::Status { issue } => {
            let issue = issue.map(|w| parse_week(&w)).transpose()?;
            // Catch up with edits made outside Galley, so the grid reflects the folder.
            ws.catch_up_for(View::Grid(issue))?;
            out.grid(&ws.translation_grid(issue)?);
        }
        TranslateCommand::Start { id, lang, from } => {
            let (path, version, event) = ws.start_translation(&id, &lang, from.as_deref())?;
            out.started(&path, &version, &event);
        }
        TranslateCommand::Set {
            id,
            lang,
            status,
            note,
        } => {
            let status = TranslationStatus::parse(&status).ok_or_else(|| Error::Invalid {
                what: format!("the status `{status}`"),
                message: "it is not one of in-progress, in-review, done".into(),
            })?;
            out.status_event(&ws.set_translation_status(&id, &lang, status, note.as_deref())?);
            if status == TranslationStatus::Done {
                if let Some(gap) = ws.text_gap(&id, &lang)? {
                    out.text_gap(&id, &lang, &gap);
                }
            }
        }
        TranslateCommand::Diff { id, lang, color } => {
            ws.catch_up_for(View::Commentary(&id))?;
            let source = ws.translation_source_diff(&id, &lang)?;
            let rendered = render_text(&source.diff, render_style(&color)?);
            out.source_diff(&source, &rendered);
        }
        TranslateCommand::Minor { version, undo } => {
            let version = ws.find_version(&version)?;
            out.minor(version, &ws.mark_minor(version, !undo)?)
        }
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum JobFormat {
    Xliff,
    Po,
}

fn job(
    command: JobCommand,
    format: JobFormat,
    mut ws: Workspace,
    out: &Printer,
) -> Result<(), Error> {
    match command {
        JobCommand::Export { id, lang, out: to } => {
            let (file_name, text, words) = match format {
                JobFormat::Xliff => {
                    let export = ws.xliff_export(&id, &lang)?;
                    (export.file_name, export.xml, export.words)
                }
                JobFormat::Po => {
                    let export = ws.po_export(&id, &lang)?;
                    (export.file_name, export.text, export.words)
                }
            };
            match to {
                Some(path) if path.as_os_str() == "-" => {
                    print!("{text}");
                    out.job_words_to_stderr(&words);
                }
                _ => {
                    let path = to.unwrap_or_else(|| PathBuf::from(&file_name));
                    galley_core::atomic::write_atomic(&path, text.as_bytes())?;
                    out.job_exported(&path, &file_name, &words);
                }
            }
        }
        JobCommand::Import { file } => {
            let (text, name) = if file.as_os_str() == "-" {
                (read_input(None)?, "standard input".to_string())
            } else {
                (read_input(Some(file.clone()))?, file.display().to_string())
            };
            let imported = match format {
                JobFormat::Xliff => ws.xliff_import(&text, &name)?,
                JobFormat::Po => ws.po_import(&text, &name)?,
            };
            out.job_imported(&imported);
        }
    }
    Ok(())
}

fn issue(command: IssueCommand, mut ws: Workspace, out: &Printer) -> Result<ExitCode, Error> {
    let week = |w: &str| {
        w.parse::<IsoWeek>().map_err(|e| Error::Invalid {
            what: "the issue week".into(),
            message: e.to_string(),
        })
    };
    match command {
        IssueCommand::List => out.issues(&ws.issues()?),
        IssueCommand::Show { week: w } => out.issue_view(&ws.issue(week(&w)?)?),
        IssueCommand::New { week: w, titles } => {
            let titles = titles
                .iter()
                .map(|t| match t.split_once('=') {
                    Some((lang, text)) => Ok((lang.trim().to_string(), text.trim().to_string())),
                    None => Err(Error::Invalid {
                        what: format!("--title {t}"),
                        message: "write it as LANG=TEXT, e.g. en=\"Week 20\"".into(),
                    }),
                })
                .collect::<Result<_, _>>()?;
            out.issue_view(&ws.create_issue(week(&w)?, titles)?);
        }
        IssueCommand::Move {
            id,
            to,
            up,
            down,
            section,
            position,
        } => {
            let report = match (to, up, down) {
                (Some(to), _, _) => {
                    let position = position.map(|p| p.saturating_sub(1));
                    ws.move_commentary(&id, week(&to)?, section.as_deref(), position)?
                }
                (None, true, _) => ws.step_commentary(&id, Step::Up)?,
                (None, _, _) => ws.step_commentary(&id, Step::Down)?,
            };
            out.moved(&report);
        }
        IssueCommand::Title {
            week: w,
            lang,
            title,
        } => out.issue_view(&ws.set_issue_title(week(&w)?, &lang, &title)?),
        IssueCommand::Board { week: w } => {
            // Catch up with edits made outside Galley, so the board reflects the folder.
            let week = week(&w)?;
            ws.catch_up_for(View::Issue(week))?;
            out.board(&ws.issue_board(week)?);
        }
        IssueCommand::Check { week: w } => {
            let week = week(&w)?;
            ws.catch_up_for(View::Issue(week))?;
            let readiness = ws.issue_readiness(week)?;
            out.readiness(&readiness);
            if !readiness.is_ready() {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn review(command: ReviewCommand, mut ws: Workspace, out: &Printer) -> Result<(), Error> {
    match command {
        ReviewCommand::Set { id, status, note } => {
            let status = EditorialStatus::parse(&status).ok_or_else(|| Error::Invalid {
                what: format!("the status `{status}`"),
                message: "it is not one of draft, in-review, approved".into(),
            })?;
            out.editorial_event(&ws.set_editorial_status(&id, status, note.as_deref())?);
        }
        ReviewCommand::Log { id } => out.editorial_log(&ws.editorial_log(&id)?),
        ReviewCommand::Diff { id, lang, color } => {
            let style = render_style(&color)?;
            let changes: Vec<_> = ws
                .changes_since_approval(&id, lang.as_deref())?
                .into_iter()
                .map(|c| {
                    let rendered = render_text(&c.diff, style);
                    (c, rendered)
                })
                .collect();
            out.approval_changes(&id, &changes);
        }
        ReviewCommand::Note { id, text } => out.editorial_note(&ws.add_editorial_note(&id, &text)?),
        ReviewCommand::Notes { id } => out.editorial_notes(&ws.editorial_notes(&id)?),
    }
    Ok(())
}

/// `--theirs-in` pieces: paragraph numbers (from 1) and field names.
fn pieces(list: &[String]) -> Result<galley_core::merge::Choices, Error> {
    let mut choices = galley_core::merge::Choices::default();
    for piece in list.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        match piece.parse::<usize>() {
            Ok(0) => {
                return Err(Error::Invalid {
                    what: "--theirs-in".into(),
                    message: "paragraphs are numbered from 1, as `galley conflicts PATH` lists \
                              them"
                        .into(),
                })
            }
            Ok(n) => choices.theirs_paragraphs.insert(n - 1),
            Err(_) => choices.theirs_fields.insert(piece.to_string()),
        };
    }
    Ok(choices)
}

fn parse_week(week: &str) -> Result<IsoWeek, Error> {
    week.parse::<IsoWeek>().map_err(|e| Error::Invalid {
        what: "--issue".into(),
        message: e.to_string(),
    })
}

fn render_style(color: &str) -> Result<RenderStyle, Error> {
    match color {
        "always" => Ok(RenderStyle::Color),
        "never" => Ok(RenderStyle::Plain),
        "auto" if std::io::stdout().is_terminal() => Ok(RenderStyle::Color),
        "auto" => Ok(RenderStyle::Plain),
        other => Err(Error::Invalid {
            what: "--color".into(),
            message: format!("`{other}` is not one of auto, always, never"),
        }),
    }
}

fn read_input(from: Option<PathBuf>) -> Result<String, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    match &from {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| Error::Io {
                action: "read",
                path: path.clone(),
                source: e,
            })?
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Io {
                    action: "read",
                    path: "standard input".into(),
                    source: e,
                })?;
        }
    }
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: from.unwrap_or_else(|| "standard input".into()),
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}

fn watch(ws: &mut Workspace, out: &Printer) -> Result<(), Error> {
    use galley_core::watch::{WatchMode, POLL_INTERVAL};
    // Watch first, then catch up: an edit made while catching up is still seen.
    let debounce = Duration::from_millis(300);
    let (watcher, batches) = if std::env::var("GALLEY_WATCH").is_ok_and(|v| v == "poll") {
        let reason = "GALLEY_WATCH=poll asks for it";
        galley_core::watch::watch_polling(ws.root(), debounce, POLL_INTERVAL, reason)?
    } else {
        galley_core::watch::watch(ws.root(), debounce)?
    };
    if let WatchMode::Polling { interval, reason } = watcher.mode() {
        out.warning(&format!(
            "checking the folder for changes every {} s instead of being notified: {reason}",
            interval.as_secs_f32()
        ));
    }
    out.recorded(&ws.record_all()?);
    out.watching(ws.root());
    for batch in batches {
        for error in &batch.errors {
            out.warning(error);
        }
        let report = if batch.rescan {
            ws.record_all()?
        } else {
            ws.record_paths(&batch.paths.into_iter().collect::<Vec<_>>())?
        };
        out.recorded(&report);
    }
    Ok(())
}
