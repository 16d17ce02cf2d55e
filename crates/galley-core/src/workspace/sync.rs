//! Sharing the workspace through git: `sync` commits what Galley knows, one commit per version
//! made here since the last sync that is not the file's newest (each signed by its author, at
//! its time; the newest texts go in one final commit), fetches, merges
//! (never rewriting pushed commits), records every version that arrived, and pushes, retrying
//! when the remote moved meanwhile. Offline, nothing fails: the commits wait for the next sync.
//!
//! A sync is safe to kill at any moment: commits are built in a private index and the branch
//! moves only when they are complete; a merge left behind by a killed sync is finished by the
//! next one (Galley marks its own merges), and a draft never keeps conflict markers: the side
//! that stays on disk is a valid draft, and both texts are versions in History.

use super::{SyncConflict, Workspace};
use crate::draft::Draft;
use crate::error::{Error, ErrorCode, Result};
use crate::git::{failed, Git, GitProblem};
use crate::hash::ContentHash;
use crate::history::{NewVersion, Origin};
use std::collections::BTreeMap;
use std::path::Path;

/// `local_state` keys: the newest version already committed or received, and the remote
/// branch's commit at the last sync (a remote that no longer contains it was rewritten).
const LAST_VERSION_KEY: &str = "sync.last_version";
const REMOTE_HEAD_KEY: &str = "sync.remote_head";
/// Unix seconds of the last sync that reached the shared repository.
const LAST_SYNCED_KEY: &str = "sync.last_synced";

/// Marks a merge started by a sync, so the next sync may finish it.
const MERGE_MARKER: &str = "galley-sync-merge";

/// How many times a push refused because the remote moved is retried.
const PUSH_TRIES: usize = 4;

/// The repository as a sync needs it.
struct Repository {
    branch: String,
    /// The `.git` folder.
    dir: std::path::PathBuf,
}

/// What a sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// Commits made here and sent (or waiting, when offline).
    pub committed: usize,
    /// Versions that arrived from other machines and were recorded.
    pub received: usize,
    /// Set when the remote could not be reached; the commits wait.
    pub offline: bool,
    /// Files where the same paragraph or field changed on both sides.
    pub conflicts: Vec<SyncConflict>,
    pub state: SyncState,
}

/// Where the workspace stands against the shared repository.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SyncState {
    /// Commits here that the remote lacks.
    pub to_send: usize,
    /// Commits on the remote (as last fetched) that are not here.
    pub to_receive: usize,
    /// Unresolved conflicts.
    pub conflicts: usize,
    /// When this machine last reached the shared repository and sent what it had.
    pub last_synced: Option<time::OffsetDateTime>,
}

impl Workspace {
    /// Git signing what it makes (merges) with the workspace's author: a machine with no git
    /// identity configured still syncs.
    fn git(&self) -> Git {
        let email = email_of(&self.env().author);
        Git::new(self.root())
            .with_env("GIT_AUTHOR_NAME", &self.env().author)
            .with_env("GIT_AUTHOR_EMAIL", &email)
            .with_env("GIT_COMMITTER_NAME", &self.env().author)
            .with_env("GIT_COMMITTER_EMAIL", &email)
    }

    /// Shares the workspace: commit, fetch, merge, record what arrived, push.
    pub fn sync(&mut self) -> Result<SyncReport> {
        let git = self.git();
        let repo = self.check_repository(&git)?;
        let branch = repo.branch.clone();
        let remote = remote_of(&git)?;
        self.finish_galley_merge(&git, &repo)?;
        // Only what differs from the last commit is looked at, so a sync costs what changed,
        // not the size of the archive (the app and the CLI keep History current otherwise).
        let changed = self.changed_shared_paths(&git)?;
        self.record_changed(&changed)?;
        let mut report = SyncReport {
            committed: self.commit_versions(&git, &repo, &changed)?,
            ..SyncReport::default()
        };
        let mut sent = false;
        for _ in 0..PUSH_TRIES {
            let fetched = git.run(&["fetch", "--quiet", &remote, &branch])?;
            if !fetched.ok {
                match fetched.problem() {
                    GitProblem::Offline => {
                        report.offline = true;
                        break;
                    }
                    GitProblem::AuthenticationFailed => return Err(auth_error(&remote)),
                    // A remote without this branch yet: the first push makes it.
                    _ if fetched.stderr.contains("couldn't find remote ref") => {}
                    _ => return Err(failed(&["fetch", &remote, &branch], &fetched)),
                }
            } else {
                let theirs = format!("{remote}/{branch}");
                self.refuse_rewritten_remote(&git, &theirs)?;
                let (received, conflicts) = self.merge_from(&git, &repo, &theirs)?;
                report.received += received;
                report.conflicts.extend(conflicts);
            }
            let pushed = git.run(&[
                "push",
                "--quiet",
                &remote,
                &format!("HEAD:refs/heads/{branch}"),
            ])?;
            if pushed.ok {
                let head = git.ok(&["rev-parse", "HEAD"])?;
                self.history()
                    .set_local_value(REMOTE_HEAD_KEY, head.trim())?;
                let now = self.env().clock.now().unix_timestamp();
                self.history()
                    .set_local_value(LAST_SYNCED_KEY, &now.to_string())?;
                sent = true;
                break;
            }
            match pushed.problem() {
                GitProblem::Rejected => continue,
                GitProblem::Offline => {
                    report.offline = true;
                    break;
                }
                GitProblem::AuthenticationFailed => return Err(auth_error(&remote)),
                _ => {
                    let git_says = pushed.stderr.trim().lines().last().unwrap_or("");
                    return Err(Error::Sync {
                        message: format!(
                            "the shared repository refused the changes ({}); nothing here was \
                             lost: fix the access, then sync again",
                            if git_says.is_empty() {
                                "no reason given"
                            } else {
                                git_says
                            }
                        ),
                        detail: None,
                    }
                    .coded(
                        ErrorCode::SyncPushRefused,
                        [
                            ("remote", remote.clone()),
                            ("git_says", git_says.to_string()),
                        ],
                    ));
                }
            }
        }
        self.remember_conflicts(&report.conflicts)?;
        report.state = if sent {
            // Just fetched, merged and pushed: both sides hold the same commits.
            SyncState {
                to_send: 0,
                to_receive: 0,
                conflicts: self.sync_conflicts()?.len(),
                last_synced: self.last_synced()?,
            }
        } else {
            self.commit_counts()?
        };
        Ok(report)
    }

    /// Commits here and on the remote (as last fetched) that the other side lacks.
    fn commit_counts(&self) -> Result<SyncState> {
        let git = self.git();
        let branch = self.check_repository(&git)?.branch;
        let remote = remote_of(&git)?;
        let counts = git.run(&[
            "rev-list",
            "--left-right",
            "--count",
            &format!("HEAD...{remote}/{branch}"),
        ])?;
        let (to_send, to_receive) = if counts.ok {
            let mut numbers = counts
                .stdout
                .split_whitespace()
                .map(|n| n.parse().unwrap_or(0));
            (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
        } else {
            // Nothing fetched yet: everything here is still to send.
            let all = git.run(&["rev-list", "--count", "HEAD"])?;
            (all.stdout.trim().parse().unwrap_or(0), 0)
        };
        Ok(SyncState {
            to_send,
            to_receive,
            conflicts: self.sync_conflicts()?.len(),
            last_synced: self.last_synced()?,
        })
    }

    fn last_synced(&self) -> Result<Option<time::OffsetDateTime>> {
        Ok(self
            .history()
            .local_value(LAST_SYNCED_KEY)?
            .and_then(|s| s.parse().ok())
            .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok()))
    }

    /// Where the workspace stands, or `None` when it is not shared yet (no repository of its
    /// own, or one without a remote): the app then offers to set sharing up. No network.
    pub fn sync_status(&self) -> Result<Option<SyncState>> {
        let git = self.git();
        let top = git.run(&["rev-parse", "--show-toplevel"])?;
        if !top.ok {
            return Ok(None);
        }
        let own = Path::new(top.stdout.trim()).canonicalize().ok().as_deref() == Some(self.root());
        // Inside another repository: `commit_counts` says why that cannot be synced.
        if own && git.ok(&["remote"])?.trim().is_empty() {
            return Ok(None);
        }
        let mut state = self.commit_counts()?;
        state.to_send += self.waiting_to_commit(&git)?;
        Ok(Some(state))
    }

    /// The newest version a sync already committed or received (0 before the first sync):
    /// versions up to it may be in the shared repository as they are.
    pub(super) fn last_synced_version(&self) -> Result<i64> {
        Ok(self
            .history()
            .local_value(LAST_VERSION_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// What the next sync will commit, as commits: one per version made since the last sync,
    /// plus one when records, issue files or settings changed.
    fn waiting_to_commit(&self, git: &Git) -> Result<usize> {
        let last = self.last_synced_version()?;
        let versions = self.history().versions_after(last)?.len();
        let changed = git.run(&[
            "status",
            "--porcelain",
            "--untracked-files=all",
            "--",
            ".galley/journal",
            ".galley/settings.toml",
            "*issue.toml",
        ])?;
        let records = usize::from(changed.ok && !changed.stdout.trim().is_empty());
        Ok(versions + records)
    }

    /// Makes the workspace a git repository sharing through `url` (creating the repository if
    /// needed), and sends what it holds.
    pub fn sync_init(&mut self, url: &str) -> Result<SyncReport> {
        let git = self.git();
        let top = git.run(&["rev-parse", "--show-toplevel"])?;
        if !top.ok {
            git.ok(&["init", "--quiet", "-b", "main"])?;
        }
        let remotes = git.ok(&["remote"])?;
        if remotes.lines().any(|r| r == "origin") {
            git.ok(&["remote", "set-url", "origin", url])?;
        } else {
            git.ok(&["remote", "add", "origin", url])?;
        }
        self.sync()
    }

    /// The branch, refusing a folder that is not its own repository, a detached head or a
    /// merge someone else started.
    fn check_repository(&self, git: &Git) -> Result<Repository> {
        let found = git.run(&["rev-parse", "--show-toplevel", "--absolute-git-dir"])?;
        if !found.ok {
            return Err(Error::Sync {
                message: format!(
                    "{} is not shared through git yet. Share it with `galley sync --init URL` \
                     (or \"Set up sharing…\" in the app)",
                    self.root().display()
                ),
                detail: None,
            }
            .coded(
                ErrorCode::SyncNotShared,
                [("path", self.root().display().to_string())],
            ));
        }
        let mut lines = found.stdout.lines();
        let top = Path::new(lines.next().unwrap_or_default());
        let dir = std::path::PathBuf::from(lines.next().unwrap_or_default());
        if top.canonicalize().ok().as_deref() != Some(self.root()) {
            return Err(Error::Sync {
                message: format!(
                    "the workspace {} is inside the git repository {}, not a repository of its \
                     own. Share the workspace folder itself (`galley sync --init URL` in it)",
                    self.root().display(),
                    top.display()
                ),
                detail: None,
            }
            .coded(
                ErrorCode::SyncNestedRepository,
                [
                    ("path", self.root().display().to_string()),
                    ("repository", top.display().to_string()),
                ],
            ));
        }
        if dir.join("MERGE_HEAD").exists() && !dir.join(MERGE_MARKER).exists() {
            return Err(Error::Sync {
                message: "the repository is in the middle of a merge started outside Galley. \
                          Finish it with git (or `git merge --abort`), then sync again"
                    .into(),
                detail: None,
            }
            .coded(ErrorCode::SyncMergeInProgress, []));
        }
        // HEAD names the branch, also before its first commit; anything else is detached.
        let head = std::fs::read_to_string(dir.join("HEAD")).unwrap_or_default();
        let Some(branch) = head.trim().strip_prefix("ref: refs/heads/") else {
            return Err(Error::Sync {
                message: "the repository is not on a branch (a detached HEAD). Switch to the \
                          team's branch (`git switch main`), then sync again"
                    .into(),
                detail: None,
            }
            .coded(ErrorCode::SyncDetachedHead, []));
        };
        Ok(Repository {
            branch: branch.to_string(),
            dir,
        })
    }

    /// A merge a killed sync left: take the valid drafts on disk, and conclude it.
    fn finish_galley_merge(&mut self, git: &Git, repo: &Repository) -> Result<()> {
        let git_dir = &repo.dir;
        if !git_dir.join(MERGE_MARKER).exists() {
            return Ok(());
        }
        if git_dir.join("MERGE_HEAD").exists() {
            let conflicts = self.settle_unmerged(git)?;
            self.remember_conflicts(&conflicts)?;
            git.ok(&["commit", "--quiet", "--no-edit", "--no-verify"])?;
        }
        remove_marker(git_dir)
    }

    /// Commits every version made here since the last sync, one commit each (author and time
    /// of the version), then the rest of what Galley keeps (issue files, settings, journals).
    fn commit_versions(
        &mut self,
        git: &Git,
        repo: &Repository,
        changed: &[String],
    ) -> Result<usize> {
        let last = self.last_synced_version()?;
        let versions: Vec<_> = self
            .history()
            .versions_after(last)?
            .into_iter()
            .map(|v| self.attributed(v))
            .collect();
        // Fails before the branch's first commit: then there is no parent.
        let head = git.run(&["rev-parse", "HEAD^{commit}", "HEAD^{tree}"])?;
        let mut known = head.stdout.lines().map(str::to_string);
        let mut parent = head.ok.then(|| known.next()).flatten();
        let mut tree = head.ok.then(|| known.next()).flatten();
        let old_head = parent.clone();
        let mut committed = 0;
        // A file's newest version is on disk and goes in with the final commit; the ones
        // before it each get a commit of their own, so every text stays reachable.
        let newest: std::collections::HashMap<&str, i64> =
            versions.iter().map(|v| (v.path.as_str(), v.id)).collect();
        let earlier: Vec<_> = versions
            .iter()
            .filter(|v| newest.get(v.path.as_str()) != Some(&v.id))
            .collect();
        let index = repo.dir.join("galley-index");
        let private = git.with_env("GIT_INDEX_FILE", &index.to_string_lossy());
        if !earlier.is_empty() {
            let _ = std::fs::remove_file(&index);
            match &parent {
                Some(head) => private.ok(&["read-tree", head])?,
                None => private.ok(&["read-tree", "--empty"])?,
            };
        }
        for version in earlier {
            match (version.hash, self.history().text(version.id)?) {
                (Some(_), Some(text)) => {
                    let blob = private
                        .run_with_input(&["hash-object", "-w", "--stdin"], Some(text.as_bytes()))?;
                    if !blob.ok {
                        return Err(failed(&["hash-object"], &blob));
                    }
                    private.ok(&[
                        "update-index",
                        "--add",
                        "--cacheinfo",
                        &format!("100644,{},{}", blob.stdout.trim(), version.path),
                    ])?;
                }
                _ => {
                    private.ok(&["update-index", "--force-remove", "--", &version.path])?;
                }
            }
            let new_tree = private.ok(&["write-tree"])?.trim().to_string();
            if Some(&new_tree) == tree.as_ref() {
                continue;
            }
            let message = format!(
                "{} ({}): {}",
                version.path,
                version.lang,
                origin_word(&version.origin)
            );
            let commit = commit_tree(
                &git.with_env("GIT_AUTHOR_NAME", &version.author)
                    .with_env("GIT_AUTHOR_EMAIL", &email_of(&version.author))
                    .with_env(
                        "GIT_AUTHOR_DATE",
                        &format!("@{} +0000", version.at.unix_timestamp()),
                    ),
                &self.env().author,
                &new_tree,
                parent.as_deref(),
                &message,
            )?;
            parent = Some(commit);
            tree = Some(new_tree);
            committed += 1;
        }
        let _ = std::fs::remove_file(&index);
        // The rest of what travels, from the folder as it is.
        let paths = self.paths_to_add(changed);
        let added = git.run_with_input(
            &["add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul"],
            Some(paths.as_bytes()),
        )?;
        if !added.ok {
            return Err(failed(&["add"], &added));
        }
        let final_tree = git.ok(&["write-tree"])?.trim().to_string();
        if Some(&final_tree) != tree.as_ref() {
            let git = git
                .with_env("GIT_AUTHOR_NAME", &self.env().author)
                .with_env("GIT_AUTHOR_EMAIL", &email_of(&self.env().author));
            parent = Some(commit_tree(
                &git,
                &self.env().author,
                &final_tree,
                parent.as_deref(),
                "Records, issues and settings",
            )?);
            committed += 1;
        }
        if let Some(new_head) = parent.as_ref().filter(|p| Some(*p) != old_head.as_ref()) {
            let target = format!("refs/heads/{}", repo.branch);
            let mut args = vec!["update-ref", "-m", "galley sync", &target, new_head];
            if let Some(old) = &old_head {
                args.push(old);
            }
            // The real index already holds the final tree: it was written from it.
            git.ok(&args)?;
        }
        let newest = self.history().last_version_id()?;
        self.history()
            .set_local_value(LAST_VERSION_KEY, &newest.to_string())?;
        Ok(committed)
    }

    /// The files Galley shares (drafts, issue files, settings, journals, the ignore files)
    /// that differ from the last commit: changed, new or deleted. Git's index knows which
    /// files are unchanged without reading them.
    fn changed_shared_paths(&self, git: &Git) -> Result<Vec<String>> {
        let status = git.ok(&[
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--no-renames",
            "--ignore-submodules",
        ])?;
        Ok(status
            .split('\0')
            // Each entry is two status letters, a space and the path.
            .filter_map(|entry| entry.get(3..))
            .filter(|path| is_shared(path))
            .map(str::to_string)
            .collect())
    }

    /// Records the drafts among `changed` (workspace-relative paths) as History has them.
    fn record_changed(&mut self, changed: &[String]) -> Result<()> {
        let drafts: Vec<std::path::PathBuf> = changed
            .iter()
            .filter(|p| p.ends_with(".md"))
            .map(|p| self.root().join(p))
            .collect();
        if !drafts.is_empty() {
            self.record_paths(&drafts)?;
        }
        Ok(())
    }

    /// What `git add` takes: the changed shared files, plus the journals and settings, which
    /// recording may just have written. NUL-separated pathspecs.
    fn paths_to_add(&self, changed: &[String]) -> String {
        let mut paths: Vec<String> = changed.to_vec();
        for fixed in [
            ".galley/settings.toml",
            ".galley/journal",
            ".galley/.gitignore",
            ".galley/.gitattributes",
            ".stignore",
        ] {
            if self.root().join(fixed).exists() {
                paths.push(fixed.to_string());
            }
        }
        paths.sort();
        paths.dedup();
        paths.join("\0")
    }

    /// Refuses a remote whose branch no longer contains what this machine last saw there.
    fn refuse_rewritten_remote(&self, git: &Git, theirs: &str) -> Result<()> {
        let Some(seen) = self.history().local_value(REMOTE_HEAD_KEY)? else {
            return Ok(());
        };
        // Exit 1 says "not an ancestor"; a commit this clone never had is not a rewrite.
        let contained = git.run(&["merge-base", "--is-ancestor", &seen, theirs])?;
        let not_contained = !contained.ok && contained.stderr.trim().is_empty();
        if not_contained {
            return Err(Error::Sync {
                message: "the shared repository's history was rewritten (a force-push): it no \
                          longer contains what this machine sent before. Nothing here was \
                          changed or lost; ask whoever rewrote it to restore the branch"
                    .into(),
                detail: None,
            }
            .coded(ErrorCode::SyncHistoryRewritten, []));
        }
        Ok(())
    }

    /// Merges `theirs` into HEAD, records every version that arrived, and keeps a valid draft
    /// on disk wherever both sides changed the same place.
    fn merge_from(
        &mut self,
        git: &Git,
        repo: &Repository,
        theirs: &str,
    ) -> Result<(usize, Vec<SyncConflict>)> {
        let incoming = git.ok(&["rev-list", &format!("HEAD..{theirs}")])?;
        if incoming.trim().is_empty() {
            return Ok((0, Vec::new()));
        }
        self.refuse_unsafe_paths(git, theirs)?;
        let before = git.ok(&["rev-parse", "HEAD"])?.trim().to_string();
        let git_dir = &repo.dir;
        crate::atomic::write_atomic(&git_dir.join(MERGE_MARKER), before.as_bytes())?;
        let merged = git.run(&[
            "merge",
            "--quiet",
            "--no-edit",
            "--no-ff",
            "--no-verify",
            "-m",
            "Sync",
            theirs,
        ])?;
        let mut conflicts = Vec::new();
        if !merged.ok {
            if !git_dir.join("MERGE_HEAD").exists() {
                remove_marker(git_dir)?;
                return Err(failed(&["merge", theirs], &merged));
            }
            conflicts = self.settle_unmerged(git)?;
            git.ok(&["commit", "--quiet", "--no-edit", "--no-verify"])?;
        }
        remove_marker(git_dir)?;
        let received = self.record_arrivals(git, &before, theirs)?;
        Ok((received, conflicts))
    }

    /// For each path git could not merge: both texts become versions, the file on disk becomes
    /// a valid text (ours, merged with what did not clash), and the path is marked merged.
    fn settle_unmerged(&mut self, git: &Git) -> Result<Vec<SyncConflict>> {
        // The journals merged already: their records sign the other side's text.
        self.refresh_records()?;
        let unmerged = git.ok(&["diff", "--name-only", "-z", "--diff-filter=U"])?;
        let mut conflicts = Vec::new();
        for path in unmerged.split('\0').filter(|p| !p.is_empty()) {
            let stage = |n: u8| -> Result<Option<String>> {
                let out = git.run(&["show", &format!(":{n}:{path}")])?;
                Ok(out.ok.then_some(out.stdout))
            };
            let (base, ours, theirs) = (stage(1)?, stage(2)?, stage(3)?);
            let abs = self.root().join(path);
            let (keep, clash) = match (&ours, &theirs) {
                (Some(ours), Some(theirs)) => {
                    merge_text(path, base.as_deref().unwrap_or(""), ours, theirs)
                }
                // Deleted on one side, changed on the other: the change is kept.
                (Some(text), None) | (None, Some(text)) => (text.clone(), false),
                (None, None) => continue,
            };
            crate::atomic::write_atomic(&abs, keep.as_bytes())?;
            git.ok(&["add", "--", path])?;
            if let (true, Some(theirs)) = (clash, &theirs) {
                if path.ends_with(".md") {
                    self.record_conflict_side(path, theirs)?;
                }
                conflicts.push(SyncConflict {
                    path: path.to_string(),
                    ours: ContentHash::of(keep.as_bytes()),
                    theirs: ContentHash::of(theirs.as_bytes()),
                    base: base.as_deref().map(|b| ContentHash::of(b.as_bytes())),
                });
            }
        }
        Ok(conflicts)
    }

    /// Registers Galley's merge drivers in this repository's own config (never taken from the
    /// shared repository), so a `git pull` run by hand merges drafts by paragraph and issue
    /// files by structure, as a sync does. `galley` is the program git runs.
    pub fn register_merge_drivers(&self, galley: &Path) -> Result<()> {
        let git = self.git();
        let repo = self.check_repository(&git)?;
        let program = galley.to_string_lossy().replace('\'', "'\\''");
        for kind in ["draft", "issue"] {
            git.ok(&[
                "config",
                &format!("merge.galley-{kind}.name"),
                &format!("Galley {kind}"),
            ])?;
            git.ok(&[
                "config",
                &format!("merge.galley-{kind}.driver"),
                &format!("'{program}' merge-driver {kind} %O %A %B %P"),
            ])?;
        }
        let attributes = repo.dir.join("info").join("attributes");
        std::fs::create_dir_all(repo.dir.join("info"))
            .map_err(|e| Error::io("create the folder", repo.dir.join("info"), e))?;
        let current = std::fs::read_to_string(&attributes).unwrap_or_default();
        let mut text = current.clone();
        for line in ["*.md merge=galley-draft", "issue.toml merge=galley-issue"] {
            if !current.lines().any(|l| l.trim() == line) {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(line);
                text.push('\n');
            }
        }
        if text != current {
            crate::atomic::write_atomic(&attributes, text.as_bytes())?;
        }
        Ok(())
    }

    /// Keeps the other side of a conflicting draft as a version, so it can be compared.
    fn record_conflict_side(&mut self, path: &str, text: &str) -> Result<()> {
        let Ok(draft) = Draft::parse(Path::new(path), text.as_bytes()) else {
            return Ok(());
        };
        let front = draft.front();
        let (author, at) = self.maker_of(&front.id, &front.lang, &ContentHash::of(text.as_bytes()));
        self.history().record(NewVersion {
            draft_id: &front.id,
            lang: &front.lang,
            path,
            text: Some(text),
            author,
            at,
            label: None,
            origin: Origin::Conflict,
        })?;
        Ok(())
    }

    /// Records, oldest first, every text of a draft that the merged commits carried and this
    /// machine had not seen (each its own version, signed as the journals say), then the
    /// files the merge changed as they are now.
    fn record_arrivals(&mut self, git: &Git, before: &str, theirs: &str) -> Result<usize> {
        self.refresh_records()?;
        // Each commit as `\x01HASH\0\n` and the drafts it added or changed, NUL-separated.
        let log = git.ok(&[
            "log",
            "--reverse",
            "--no-merges",
            "--format=%x01%H",
            "--name-only",
            "--diff-filter=AM",
            "-z",
            &format!("{before}..{theirs}"),
            "--",
            "*.md",
        ])?;
        let mut specs: Vec<(String, String)> = Vec::new();
        for entry in log.split('\x01').filter(|e| !e.is_empty()) {
            let mut fields = entry.split('\0');
            let commit = fields.next().unwrap_or_default().trim().to_string();
            for path in fields.map(str::trim_start).filter(|p| !p.is_empty()) {
                specs.push((commit.clone(), path.to_string()));
            }
        }
        let names: Vec<String> = specs.iter().map(|(c, p)| format!("{c}:{p}")).collect();
        let blobs = git.cat_files(&names)?;
        let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for ((_, path), blob) in specs.into_iter().zip(blobs) {
            if let Some(text) = blob.and_then(|b| String::from_utf8(b).ok()) {
                texts.entry(path).or_default().push(text);
            }
        }
        let mut received = 0;
        for (path, mut list) in texts {
            list.pop(); // the newest is the file on disk, recorded below
            for text in list {
                let Ok(draft) = Draft::parse(Path::new(&path), text.as_bytes()) else {
                    continue;
                };
                let front = draft.front();
                let hash = ContentHash::of(text.as_bytes());
                let seen = self
                    .history()
                    .log(&front.id, &front.lang)?
                    .iter()
                    .any(|v| v.hash == Some(hash));
                if seen {
                    continue;
                }
                let (author, at) = self.maker_of(&front.id, &front.lang, &hash);
                self.history().record(NewVersion {
                    draft_id: &front.id,
                    lang: &front.lang,
                    path: &path,
                    text: Some(&text),
                    author,
                    at,
                    label: None,
                    origin: Origin::External,
                })?;
                received += 1;
            }
        }
        let landed = git.ok(&[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            before,
            "HEAD",
            "--",
            "*.md",
        ])?;
        let landed: Vec<std::path::PathBuf> = landed
            .split('\0')
            .filter(|p| is_shared(p) && p.ends_with(".md"))
            .map(|p| self.root().join(p))
            .collect();
        if !landed.is_empty() {
            received += self.record_paths(&landed)?.recorded.len();
        }
        let newest = self.history().last_version_id()?;
        self.history()
            .set_local_value(LAST_VERSION_KEY, &newest.to_string())?;
        Ok(received)
    }

    /// Refuses commits that would put a file outside the workspace's shared files: a link, or
    /// this machine's own state under `.galley/`.
    fn refuse_unsafe_paths(&self, git: &Git, theirs: &str) -> Result<()> {
        let listing = git.ok(&["diff", "--raw", "-z", "--no-renames", "HEAD", theirs])?;
        let mut fields = listing.split('\0').filter(|f| !f.is_empty());
        while let Some(meta) = fields.next() {
            let Some(path) = fields.next() else { break };
            let is_link = meta.split_whitespace().nth(1) == Some("120000");
            let machine_file = path.starts_with(".galley/history.db")
                || path.starts_with(".galley/local")
                || (path.starts_with(".galley/")
                    && !path.starts_with(".galley/journal/")
                    && !super::trash::in_trash(path)
                    && !matches!(
                        path,
                        ".galley/settings.toml" | ".galley/.gitignore" | ".galley/.gitattributes"
                    ));
            if is_link || machine_file {
                let reason = if is_link { "link" } else { "machine_file" };
                return Err(Error::Sync {
                    message: format!(
                        "the shared repository has a commit that would place `{path}` {}; \
                         nothing was taken. Remove it from the shared repository, then sync again",
                        if is_link {
                            "as a link, which could point outside the workspace"
                        } else {
                            "among this machine's own files"
                        }
                    ),
                    detail: None,
                }
                .coded(
                    ErrorCode::SyncUnsafePath,
                    [("path", path.to_string()), ("reason", reason.to_string())],
                ));
            }
        }
        Ok(())
    }
}

/// Merges one file both sides changed: drafts by paragraph and field, issue files by structure,
/// anything else by whole file. Returns the text to keep on disk (always valid, never conflict
/// markers) and whether the sides clashed.
fn merge_text(path: &str, base: &str, ours: &str, theirs: &str) -> (String, bool) {
    use crate::merge::{merge_draft, merge_issue, DraftMerge, IssueMerge};
    // Git's own merge (no driver) may have left markers in `ours`' place: the stages are clean.
    if path.ends_with(".md") {
        return match merge_draft(base, ours, theirs) {
            DraftMerge::Clean(text) => (text, false),
            DraftMerge::Conflict {
                merged_with_ours, ..
            } => (merged_with_ours, true),
        };
    }
    let week = path
        .strip_suffix("/issue.toml")
        .and_then(|folder| folder.rsplit('/').next())
        .and_then(|w| w.parse().ok());
    if let Some(week) = week {
        return match merge_issue(week, base, ours, theirs) {
            IssueMerge::Clean(text) => (text, false),
            IssueMerge::Conflict {
                merged_with_ours, ..
            } => (merged_with_ours, true),
        };
    }
    if ours == base {
        (theirs.to_string(), false)
    } else if theirs == base || theirs == ours {
        (ours.to_string(), false)
    } else {
        (ours.to_string(), true)
    }
}

/// Clones the shared workspace at `url` into `folder` and opens it.
pub fn clone_workspace(url: &str, folder: &Path, env: super::Env) -> Result<Workspace> {
    let parent = folder
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io("create the folder", parent, e))?;
    let git = Git::new(parent);
    let name = folder.to_string_lossy();
    let cloned = git.run(&["clone", "--quiet", url, &name])?;
    if !cloned.ok {
        return Err(match cloned.problem() {
            GitProblem::Offline => Error::Sync {
                message: format!(
                    "the shared repository {} could not be reached; check the address and the \
                     network, then try again",
                    crate::git::without_credentials(url)
                ),
                detail: None,
            }
            .coded(
                ErrorCode::SyncUnreachable,
                [("remote", crate::git::without_credentials(url))],
            ),
            GitProblem::AuthenticationFailed => auth_error(url),
            _ => failed(&["clone"], &cloned),
        });
    }
    let mut ws = Workspace::open(folder, env)?;
    ws.record_all()?;
    let newest = ws.history().last_version_id()?;
    ws.history()
        .set_local_value(LAST_VERSION_KEY, &newest.to_string())?;
    Ok(ws)
}

fn remote_of(git: &Git) -> Result<String> {
    let remotes = git.ok(&["remote"])?;
    let mut names: Vec<&str> = remotes.lines().filter(|l| !l.is_empty()).collect();
    if names.contains(&"origin") {
        return Ok("origin".into());
    }
    names.sort();
    names.first().map(|n| n.to_string()).ok_or_else(|| {
        Error::Sync {
            message: "the repository has no shared remote to sync with. Add one with `galley sync \
                  --init URL`"
                .into(),
            detail: None,
        }
        .coded(ErrorCode::SyncNoRemote, [])
    })
}

fn remove_marker(git_dir: &Path) -> Result<()> {
    match std::fs::remove_file(git_dir.join(MERGE_MARKER)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(Error::io("remove", git_dir.join(MERGE_MARKER), e))
        }
        _ => Ok(()),
    }
}

fn commit_tree(
    git: &Git,
    committer: &str,
    tree: &str,
    parent: Option<&str>,
    message: &str,
) -> Result<String> {
    let git = git
        .with_env("GIT_COMMITTER_NAME", committer)
        .with_env("GIT_COMMITTER_EMAIL", &email_of(committer));
    let mut args = vec!["commit-tree", tree, "-m", message];
    if let Some(parent) = parent {
        args.push("-p");
        args.push(parent);
    }
    Ok(git.ok(&args)?.trim().to_string())
}

/// Galley signs commits with names; git wants an address, and a made-up one says so.
fn email_of(name: &str) -> String {
    let local: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    format!(
        "{}@galley.invalid",
        if local.is_empty() { "writer" } else { &local }
    )
}

fn origin_word(origin: &Origin) -> &'static str {
    match origin {
        Origin::Save => "saved",
        Origin::External => "edited outside Galley",
        Origin::Found => "found on disk",
        Origin::Restore { .. } => "restored",
        Origin::Conflict => "kept from a conflict",
        Origin::Import => "imported",
    }
}

fn auth_error(remote: &str) -> Error {
    Error::Sync {
        message: format!(
            "the shared repository {} refused the credentials. Check your key or token (the \
             ones git uses), then sync again; nothing here was lost",
            crate::git::without_credentials(remote)
        ),
        detail: None,
    }
    .coded(
        ErrorCode::SyncCredentialsRefused,
        [("remote", crate::git::without_credentials(remote))],
    )
}

/// Whether Galley shares the file at `path` (workspace-relative): a draft or an issue file
/// outside hidden folders, the shared settings, journals and ignore files.
fn is_shared(path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    if matches!(
        path,
        ".galley/settings.toml" | ".galley/.gitignore" | ".galley/.gitattributes" | ".stignore"
    ) {
        return true;
    }
    if let Some(journal) = path.strip_prefix(".galley/journal/") {
        return !journal.contains('/') && journal.ends_with(".jsonl");
    }
    // Deleted and archived commentaries travel, so any teammate can restore them.
    if super::trash::in_trash(path) {
        return true;
    }
    let mut parts: Vec<&str> = path.split('/').collect();
    let Some(name) = parts.pop() else {
        return false;
    };
    if parts.iter().any(|folder| folder.starts_with('.')) {
        return false;
    }
    crate::draft::is_draft_file_name(name) || (name == crate::issue::ISSUE_FILE && parts.len() == 1)
}
