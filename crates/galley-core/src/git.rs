//! Running the system `git` for the workspace: the user's ssh-agent, credential helpers and
//! config keep working. A shared repository is untrusted, so every call runs with hooks off, no
//! terminal prompt (a missing credential fails instead of hanging), and no `ext::` transport;
//! and nothing git prints reaches an error before credentials in URLs are cut out.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What went wrong with git, as the user can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitProblem {
    NotInstalled,
    NotARepository,
    Offline,
    AuthenticationFailed,
    /// The remote has commits this one lacks (someone pushed meanwhile).
    Rejected,
    Other,
}

/// One finished git call.
#[derive(Debug)]
pub struct GitOutput {
    pub ok: bool,
    pub stdout: String,
    /// With credentials cut out of any URL.
    pub stderr: String,
}

impl GitOutput {
    /// What kind of failure git's message describes.
    pub fn problem(&self) -> GitProblem {
        classify(&self.stderr)
    }
}

/// Git in one working tree.
#[derive(Debug, Clone)]
pub struct Git {
    root: PathBuf,
    /// Extra environment for every call (an alternate index, the author of a commit).
    env: Vec<(String, String)>,
}

impl Git {
    pub fn new(root: &Path) -> Git {
        Git {
            root: root.to_path_buf(),
            env: Vec::new(),
        }
    }

    /// The same git with `key=value` in the environment of every call.
    pub fn with_env(&self, key: &str, value: &str) -> Git {
        let mut git = self.clone();
        git.env.push((key.to_string(), value.to_string()));
        git
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Runs `git ARGS`; a failure is reported in the output, not as an error.
    pub fn run(&self, args: &[&str]) -> Result<GitOutput> {
        self.run_with_input(args, None)
    }

    /// Runs `git ARGS` with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: Option<&[u8]>) -> Result<GitOutput> {
        let mut command = Command::new("git");
        command
            .current_dir(&self.root)
            // Hooks come with a repository's set-up, not from Galley: none run.
            .args(["-c", "core.hooksPath=/dev/null"])
            .args(["-c", "protocol.ext.allow=never"])
            .args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "")
            .env("LC_ALL", "C")
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command.spawn().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Sync {
                    message: "git is not installed. Install git (on Debian or Ubuntu: `sudo \
                              apt-get install git`), then sync again"
                        .into(),
                    detail: None,
                }
                .coded(crate::ErrorCode::SyncGitMissing, [])
            } else {
                Error::io("run git in", &self.root, e)
            }
        })?;
        if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
            use std::io::Write;
            stdin
                .write_all(bytes)
                .map_err(|e| Error::io("write to git in", &self.root, e))?;
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child
            .wait_with_output()
            .map_err(|e| Error::io("run git in", &self.root, e))?;
        Ok(GitOutput {
            ok: status.success(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: without_credentials(&String::from_utf8_lossy(&stderr)),
        })
    }

    /// The contents of many files (`REV:PATH` each) from one `git cat-file --batch`, in order;
    /// `None` for one that is missing. The names are written from a thread, so neither pipe
    /// can fill up while the other waits.
    pub fn cat_files(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        use std::io::{BufRead, BufReader, Read, Write};
        let mut command = Command::new("git");
        command
            .current_dir(&self.root)
            .args(["-c", "core.hooksPath=/dev/null", "cat-file", "--batch"])
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        let mut child = command
            .spawn()
            .map_err(|e| Error::io("run git in", &self.root, e))?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let names: Vec<u8> = specs
            .iter()
            .flat_map(|s| format!("{s}\n").into_bytes())
            .collect();
        let writer = std::thread::spawn(move || stdin.write_all(&names));
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let broken = |what: &str| Error::Sync {
            message: format!("git cat-file answered in a way Galley does not understand ({what})"),
            detail: None,
        };
        let mut found = Vec::with_capacity(specs.len());
        for _ in specs {
            let mut header = String::new();
            stdout
                .read_line(&mut header)
                .map_err(|e| Error::io("read from git in", &self.root, e))?;
            let fields: Vec<&str> = header.split_whitespace().collect();
            match fields.as_slice() {
                [_, _, size] => {
                    let size: usize = size.parse().map_err(|_| broken("a size"))?;
                    let mut content = vec![0; size + 1]; // the content and its newline
                    stdout
                        .read_exact(&mut content)
                        .map_err(|e| Error::io("read from git in", &self.root, e))?;
                    content.pop();
                    found.push(Some(content));
                }
                [.., "missing"] | [.., "ambiguous"] => found.push(None),
                _ => return Err(broken(header.trim())),
            }
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(found)
    }

    /// Runs `git ARGS` and returns its standard output, or an error saying what failed.
    pub fn ok(&self, args: &[&str]) -> Result<String> {
        let out = self.run(args)?;
        if out.ok {
            Ok(out.stdout)
        } else {
            Err(failed(args, &out))
        }
    }
}

/// The error for a git call that failed, naming the command and git's own words.
pub fn failed(args: &[&str], out: &GitOutput) -> Error {
    let said = out.stderr.trim();
    let said = said.lines().take(6).collect::<Vec<_>>().join(" ");
    Error::Sync {
        message: format!("`git {}` failed: {said}", args.join(" ")),
        detail: None,
    }
    .coded(
        crate::ErrorCode::SyncGitFailed,
        [
            ("command", format!("git {}", args.join(" "))),
            ("git_says", said),
        ],
    )
}

/// Classifies git's message; the words are git's own (LC_ALL=C).
pub fn classify(stderr: &str) -> GitProblem {
    let s = stderr.to_ascii_lowercase();
    let any = |needles: &[&str]| needles.iter().any(|n| s.contains(n));
    if any(&["not a git repository"]) {
        GitProblem::NotARepository
    } else if any(&[
        "authentication failed",
        "permission denied (publickey",
        "could not read username",
        "could not read password",
        "terminal prompts disabled",
        "access denied",
        "403",
    ]) {
        GitProblem::AuthenticationFailed
    } else if any(&[
        "[rejected]",
        "non-fast-forward",
        "fetch first",
        "updates were rejected",
    ]) {
        GitProblem::Rejected
    } else if any(&[
        "could not resolve host",
        "connection refused",
        "network is unreachable",
        "connection timed out",
        "unable to connect",
        "could not connect",
        "failed to connect",
        "unable to access",
        "could not read from remote repository",
        "the remote end hung up",
        "no route to host",
        "does not appear to be a git repository",
    ]) {
        GitProblem::Offline
    } else {
        GitProblem::Other
    }
}

/// `https://user:secret@host/x` → `https://host/x`: credentials never reach a message or log.
pub fn without_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("://") {
        let (head, tail) = rest.split_at(start + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '/' || c == '\'' || c == '"')
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => out.push_str(&authority[at + 1..]),
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_cut_out_of_urls() {
        assert_eq!(
            without_credentials("fatal: unable to access 'https://anna:s3cret@example.org/r.git/'"),
            "fatal: unable to access 'https://example.org/r.git/'"
        );
        assert_eq!(
            without_credentials("ssh://git@host:22/x and http://h/y"),
            "ssh://host:22/x and http://h/y"
        );
        assert_eq!(without_credentials("no url here"), "no url here");
    }

    #[test]
    fn git_messages_are_classified() {
        let cases = [
            ("fatal: not a git repository (or any of the parent directories): .git", GitProblem::NotARepository),
            ("fatal: unable to access 'https://x/': Could not resolve host: x", GitProblem::Offline),
            ("fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused", GitProblem::Offline),
            ("git@host: Permission denied (publickey).\nfatal: Could not read from remote repository.", GitProblem::AuthenticationFailed),
            ("fatal: could not read Username for 'https://h': terminal prompts disabled", GitProblem::AuthenticationFailed),
            (" ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs", GitProblem::Rejected),
            ("error: something else", GitProblem::Other),
        ];
        for (message, problem) in cases {
            assert_eq!(classify(message), problem, "{message}");
        }
    }
}
