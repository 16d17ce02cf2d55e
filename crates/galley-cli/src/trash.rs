//! `galley trash …`: deleting and archiving commentaries into the workspace's trash, and
//! bringing them back (the rules are the core's `Workspace::trash`).

use crate::output::Printer;
use clap::Subcommand;
use galley_core::workspace::{TrashKind, Workspace};
use galley_core::Error;

#[derive(Subcommand)]
pub enum TrashCommand {
    /// Move a commentary (or one language version with --lang) into `.galley/trash/`
    Delete {
        id: String,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Move a commentary (or one language version) into `.galley/archive/`
    Archive {
        id: String,
        #[arg(long)]
        lang: Option<String>,
    },
    /// What the trash and the archive hold, newest first
    List,
    /// Bring an entry back to where its files were (refused while a path is taken)
    Restore { name: String },
}

pub fn run(command: TrashCommand, ws: &mut Workspace, out: &Printer) -> Result<(), Error> {
    match command {
        TrashCommand::Delete { id, lang } => {
            out.trash_entry(&ws.trash(&id, lang.as_deref(), TrashKind::Deleted)?, false)
        }
        TrashCommand::Archive { id, lang } => {
            out.trash_entry(&ws.trash(&id, lang.as_deref(), TrashKind::Archived)?, false)
        }
        TrashCommand::List => out.trash_list(&ws.trash_entries()?),
        TrashCommand::Restore { name } => out.trash_entry(&ws.restore_from_trash(&name)?, true),
    }
    Ok(())
}
