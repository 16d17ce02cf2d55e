//! `galley watch`: record every change to the folder as it happens, through the core's watch
//! and batch rule (the same as the desktop app's).

use crate::output::Printer;
use galley_core::watch::watch_workspace;
use galley_core::workspace::Workspace;
use galley_core::Error;

pub(crate) fn watch(ws: &mut Workspace, out: &Printer) -> Result<(), Error> {
    // Watch first, then catch up: an edit made while catching up is still seen.
    let (watcher, batches) = watch_workspace(ws.root())?;
    if let Some(notice) = watcher.mode().notice() {
        out.warning(&notice);
    }
    out.recorded(&ws.record_all()?);
    out.watching(ws.root());
    for batch in batches {
        out.recorded(&ws.record_batch(&batch)?);
    }
    Ok(())
}
