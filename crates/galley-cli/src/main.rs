//! `galley`: the command-line face of galley-core. Parses arguments, calls the core, prints.
//! Exit codes: 0 success, 1 a problem with the input or the workspace, 2 usage.

mod args;
mod cli;
mod merge_driver;
mod output;
mod subcommands;
mod trash;
mod watching;

use args::{parse_week, pieces, read_input, render_style};
use clap::Parser;
use cli::{checked_version, Cli, Command};
use galley_core::diff::render_text;
use galley_core::draft::IsoWeek;
use galley_core::import_map::ImportMapping;
use galley_core::profile::{self, Profile};
use galley_core::search::{Filters, SearchRequest};
use galley_core::workspace::{Env, ExportOptions, ImportOptions, NewDraft, SaveOutcome, Workspace};
use galley_core::Error;
use output::Printer;
use std::path::PathBuf;
use std::process::ExitCode;
use subcommands::{issue, job, review, translate, JobFormat};
use watching::watch;

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
                    detail: None,
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
                        detail: None,
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
                        detail: None,
                    })?;
                    ws.resolve_conflict(&path, &text)?;
                }
                (false, false, None) => {
                    return Err(Error::Invalid {
                        what: "resolve".into(),
                        message: "say which text to keep: --ours, --theirs, --theirs-in PIECES \
                                  or --from FILE"
                            .into(),
                        detail: None,
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
                        detail: None,
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
