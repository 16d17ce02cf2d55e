//! The subcommand groups (`translate`, `xliff`/`po`, `issue`, `review`): each parses what clap
//! could not type, calls the core and prints.

use crate::args::{parse_week, read_input, render_style};
use crate::cli::{IssueCommand, JobCommand, ReviewCommand, TranslateCommand};
use crate::output::Printer;
use galley_core::diff::render_text;
use galley_core::draft::IsoWeek;
use galley_core::records::{EditorialStatus, TranslationStatus};
use galley_core::workspace::{Step, View, Workspace};
use galley_core::Error;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn translate(
    command: TranslateCommand,
    mut ws: Workspace,
    out: &Printer,
) -> Result<(), Error> {
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
                detail: None,
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
pub(crate) enum JobFormat {
    Xliff,
    Po,
}

pub(crate) fn job(
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

pub(crate) fn issue(
    command: IssueCommand,
    mut ws: Workspace,
    out: &Printer,
) -> Result<ExitCode, Error> {
    let week = |w: &str| {
        w.parse::<IsoWeek>().map_err(|e| Error::Invalid {
            what: "the issue week".into(),
            message: e.to_string(),
            detail: None,
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
                        detail: None,
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

pub(crate) fn review(
    command: ReviewCommand,
    mut ws: Workspace,
    out: &Printer,
) -> Result<(), Error> {
    match command {
        ReviewCommand::Set { id, status, note } => {
            let status = EditorialStatus::parse(&status).ok_or_else(|| Error::Invalid {
                what: format!("the status `{status}`"),
                message: "it is not one of draft, in-review, approved".into(),
                detail: None,
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
