//! A seam for injecting I/O faults into Galley's own writes, so tests can prove that a full
//! disk, a read-only folder, a failing fsync or a file removed mid-save leaves every file and
//! the history as they were. Every write Galley makes to the workspace asks `check` first.
//!
//! A plan is installed for the current thread only (saves run on the caller's thread), so tests
//! running side by side never see each other's faults. Production code never installs one;
//! then a check is a single thread-local read.

use std::cell::RefCell;
use std::io;
use std::path::Path;

/// A step of writing a file, in the order `atomic::write_atomic` takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Creating a new file (the temp file of an atomic write, a file of an exported folder).
    Create,
    /// Writing bytes into it.
    Write,
    /// Flushing the file to disk (fsync).
    Fsync,
    /// Renaming the finished temp file over the target.
    Rename,
    /// Flushing the folder so the rename itself is durable.
    SyncDir,
    /// Committing a history transaction that goes with a file just written.
    Commit,
}

/// What happens when a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// ENOSPC: no space left on the device.
    DiskFull,
    /// EROFS: the file system is mounted read-only.
    ReadOnly,
    /// EIO: the device reported an error.
    DeviceError,
    /// Another program removes the target file just before the step runs (the step succeeds).
    RemoveTarget,
}

impl Fault {
    fn error(self) -> Option<io::Error> {
        let (kind, message) = match self {
            Fault::DiskFull => (io::ErrorKind::StorageFull, "no space left on device"),
            Fault::ReadOnly => (io::ErrorKind::ReadOnlyFilesystem, "read-only file system"),
            Fault::DeviceError => (io::ErrorKind::Other, "input/output error"),
            Fault::RemoveTarget => return None,
        };
        Some(io::Error::new(kind, format!("{message} (injected)")))
    }
}

#[derive(Debug)]
struct Rule {
    op: Op,
    nth: usize,
    seen: usize,
    fault: Fault,
}

/// Which steps fail, and how. Build one, then `install` it.
#[derive(Debug, Default)]
pub struct FaultPlan {
    rules: Vec<Rule>,
    fired: usize,
}

impl FaultPlan {
    pub fn new() -> FaultPlan {
        FaultPlan::default()
    }

    /// Makes the `nth` (counting from 1) `op` on this thread meet `fault`.
    pub fn on(mut self, op: Op, nth: usize, fault: Fault) -> FaultPlan {
        self.rules.push(Rule {
            op,
            nth,
            seen: 0,
            fault,
        });
        self
    }

    /// Puts the plan in force on this thread until the returned guard is dropped.
    pub fn install(self) -> Installed {
        PLAN.with(|plan| *plan.borrow_mut() = Some(self));
        Installed { _not_send: [] }
    }
}

/// Keeps a plan in force; dropping it removes the plan.
pub struct Installed {
    // The plan lives on the thread that installed it; so must the guard.
    _not_send: [*const (); 0],
}

impl Installed {
    /// How many faults have fired so far.
    pub fn fired(&self) -> usize {
        PLAN.with(|plan| plan.borrow().as_ref().map_or(0, |p| p.fired))
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        PLAN.with(|plan| *plan.borrow_mut() = None);
    }
}

thread_local! {
    static PLAN: RefCell<Option<FaultPlan>> = const { RefCell::new(None) };
}

/// Called before each step of a write to `target`: the injected error if a rule fires.
pub(crate) fn check(op: Op, target: &Path) -> io::Result<()> {
    let fault = PLAN.with(|plan| {
        let mut plan = plan.borrow_mut();
        let plan = plan.as_mut()?;
        let mut fired = None;
        for rule in plan.rules.iter_mut().filter(|r| r.op == op) {
            rule.seen += 1;
            if rule.seen == rule.nth {
                fired = Some(rule.fault);
            }
        }
        if fired.is_some() {
            plan.fired += 1;
        }
        fired
    });
    match fault {
        None => Ok(()),
        Some(Fault::RemoveTarget) => match std::fs::remove_file(target) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
        Some(fault) => Err(fault
            .error()
            .unwrap_or_else(|| io::Error::other("injected"))),
    }
}
