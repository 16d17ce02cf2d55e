//! Conflict copies: when two machines change a file before syncing, sync tools keep both and
//! name the second after the first. Decided by the name alone (the original may be gone), one
//! rule per naming in [`RULES`]:
//!
//! | tool                | copy of `notes.be.md`                                        |
//! |---------------------|--------------------------------------------------------------|
//! | Syncthing           | `notes.be.sync-conflict-20200511-101112-ABCDEFG.md`          |
//! | Dropbox             | `notes.be (Hanna's conflicted copy[ 2020-05-11]).md`         |
//! | Nextcloud, ownCloud | `notes.be (conflicted copy 2020-05-11 101112).md`,           |
//! |                     | `notes.be_conflict-20200511-101112.md`                       |
//! | Google Drive        | `notes.be (Conflicted copy …).md`, `notes.be (1).md`         |

use std::fmt;

/// The program that made a conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTool {
    Syncthing,
    Dropbox,
    /// Nextcloud and ownCloud share their desktop client's namings.
    Nextcloud,
    GoogleDrive,
}

impl SyncTool {
    pub fn name(self) -> &'static str {
        match self {
            SyncTool::Syncthing => "Syncthing",
            SyncTool::Dropbox => "Dropbox",
            SyncTool::Nextcloud => "Nextcloud or ownCloud",
            SyncTool::GoogleDrive => "Google Drive",
        }
    }
}

impl fmt::Display for SyncTool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A conflict copy: the name (or path) of the file it copies, and who made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub original: String,
    pub tool: SyncTool,
}

/// A rule takes the name without its extension and returns the original's, if it matches.
type Rule = fn(&str) -> Option<&str>;

const RULES: &[(SyncTool, Rule)] = &[
    (SyncTool::Syncthing, syncthing),
    (SyncTool::Nextcloud, owncloud_suffix),
    (SyncTool::Dropbox, dropbox),
    (SyncTool::Nextcloud, nextcloud),
    (SyncTool::GoogleDrive, google_drive),
];

/// Whether file name `name` is a sync tool's conflict copy, and of which name. Only names with
/// an extension are considered (the copy keeps it: `.md`, `.toml`).
pub fn conflict_copy(name: &str) -> Option<ConflictCopy> {
    let (stem, ext) = name.rsplit_once('.')?;
    if ext.is_empty() || ext.contains([' ', '(', ')']) {
        return None;
    }
    RULES.iter().find_map(|(tool, rule)| {
        let original = rule(stem).filter(|s| !s.trim().is_empty())?;
        Some(ConflictCopy {
            original: format!("{original}.{ext}"),
            tool: *tool,
        })
    })
}

/// [`conflict_copy`] for a `/`-separated path: the original is a path in the same folder.
pub fn conflict_copy_path(path: &str) -> Option<ConflictCopy> {
    let (folder, name) = match path.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, path),
    };
    let mut copy = conflict_copy(name)?;
    if let Some(folder) = folder {
        copy.original = format!("{folder}/{}", copy.original);
    }
    Some(copy)
}

/// `<stem>.sync-conflict-YYYYMMDD-HHMMSS-<DEVICE>`
fn syncthing(stem: &str) -> Option<&str> {
    let (original, tag) = stem.rsplit_once(".sync-conflict-")?;
    let mut parts = tag.split('-');
    let ok = digits(parts.next()?, 8)
        && digits(parts.next()?, 6)
        && parts.next().is_some_and(|device| {
            !device.is_empty() && device.bytes().all(|b| b.is_ascii_alphanumeric())
        })
        && parts.next().is_none();
    ok.then_some(original)
}

/// ownCloud's older `<stem>_conflict-YYYYMMDD-HHMMSS`.
fn owncloud_suffix(stem: &str) -> Option<&str> {
    let (original, tag) = stem.rsplit_once("_conflict-")?;
    let (date, time) = tag.split_once('-')?;
    (digits(date, 8) && digits(time, 6)).then_some(original)
}

/// `<stem> (<Name>'s conflicted copy[ <date>])`, with a straight or typographic apostrophe.
fn dropbox(stem: &str) -> Option<&str> {
    let (original, inner) = parenthesized(stem)?;
    let lower = inner.to_lowercase();
    let at = lower
        .find("'s conflicted copy")
        .or_else(|| lower.find("\u{2019}s conflicted copy"))?;
    let rest = lower[at..].split_once("conflicted copy")?.1;
    (at > 0 && (rest.is_empty() || rest.starts_with(' '))).then_some(original)
}

/// `<stem> (conflicted copy YYYY-MM-DD HHMMSS)`
fn nextcloud(stem: &str) -> Option<&str> {
    let (original, inner) = parenthesized(stem)?;
    let stamp = inner.strip_prefix("conflicted copy ")?;
    let (date, time) = stamp.split_once(' ')?;
    let mut ymd = date.split('-');
    let ok = digits(ymd.next()?, 4)
        && digits(ymd.next()?, 2)
        && digits(ymd.next()?, 2)
        && ymd.next().is_none()
        && digits(time, 6);
    ok.then_some(original)
}

/// `<stem> (Conflicted copy …)` and the duplicate naming `<stem> (1)`.
fn google_drive(stem: &str) -> Option<&str> {
    let (original, inner) = parenthesized(stem)?;
    let conflicted = inner
        .get(..15)
        .is_some_and(|p| p.eq_ignore_ascii_case("conflicted copy"));
    let numbered = (1..=3).contains(&inner.len())
        && inner.bytes().all(|b| b.is_ascii_digit())
        && !inner.starts_with('0');
    (conflicted || numbered).then_some(original)
}

/// `<original> (<inner>)`: the last parenthesized group, which must end the stem.
fn parenthesized(stem: &str) -> Option<(&str, &str)> {
    let body = stem.strip_suffix(')')?;
    let (original, inner) = body.rsplit_once(" (")?;
    Some((original, inner))
}

fn digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(original: &str, tool: SyncTool) -> Option<ConflictCopy> {
        Some(ConflictCopy {
            original: original.into(),
            tool,
        })
    }

    #[test]
    fn each_tools_naming_gives_the_original_and_the_tool() {
        use SyncTool::*;
        let cases = [
            (
                "x.be.sync-conflict-20200511-101112-ABCDEFG.md",
                "x.be.md",
                Syncthing,
            ),
            (
                "issue.sync-conflict-20200511-101112-7XQ2PZA.toml",
                "issue.toml",
                Syncthing,
            ),
            ("x (Hanna's conflicted copy).md", "x.md", Dropbox),
            (
                "x.be (Hanna's conflicted copy 2020-05-11).md",
                "x.be.md",
                Dropbox,
            ),
            (
                "x.be (Ганна’s conflicted copy 2020-05-11).md",
                "x.be.md",
                Dropbox,
            ),
            (
                "x.be (Hanna Kavalchuk's Conflicted Copy).md",
                "x.be.md",
                Dropbox,
            ),
            (
                "x.be (conflicted copy 2020-05-11 101112).md",
                "x.be.md",
                Nextcloud,
            ),
            (
                "settings (conflicted copy 2020-05-11 101112).toml",
                "settings.toml",
                Nextcloud,
            ),
            ("x.be_conflict-20200511-101112.md", "x.be.md", Nextcloud),
            (
                "x.be (Conflicted copy 2020-05-11 #2).md",
                "x.be.md",
                GoogleDrive,
            ),
            (
                "x.be (conflicted copy from laptop).md",
                "x.be.md",
                GoogleDrive,
            ),
            ("x.be (1).md", "x.be.md", GoogleDrive),
        ];
        for (name, original, tool) in cases {
            assert_eq!(conflict_copy(name), copy(original, tool), "{name}");
        }
    }

    #[test]
    fn ordinary_names_are_not_conflict_copies() {
        for name in [
            "x.be.md",
            "issue.toml",
            "conflicted-copy.md",
            "notes on the conflict.md",
            "x.be (draft).md",
            "army reform (12).en.md", // the number does not end the name
            "x.be (0).md",
            "x.be (1234).md",
            "x.be ().md",
            " (1).md",
            "(1).md",
            "x.sync-conflict-2020-101112-ABC.md",
            "x.sync-conflict-20200511-101112-.md",
            "x.sync-conflict-20200511-101112-AB-CD.md",
            "x_conflict-2020.md",
            "x ('s conflicted copy).md",
            "x (Hanna's conflicted copyright).md",
            "x.be (conflicted copy 2020-5-11 101112).md x",
            "no-extension (1)",
            "x (1).",
        ] {
            assert_eq!(conflict_copy(name), None, "{name}");
        }
    }

    #[test]
    fn a_path_keeps_its_folder_for_the_original() {
        assert_eq!(
            conflict_copy_path("2020-W20/a.be.sync-conflict-20200511-101112-ABCDEFG.md"),
            copy("2020-W20/a.be.md", SyncTool::Syncthing)
        );
        assert_eq!(
            conflict_copy_path("a (1).md"),
            copy("a.md", SyncTool::GoogleDrive)
        );
        assert_eq!(conflict_copy_path("2020-W20/a.be.md"), None);
    }
}
