//! TEMPORARY stand-in for `galley_core::workspace` with the same names and signatures, so the
//! shell compiles and runs before the core's workspace module lands. Delete this file and
//! switch the `use` lines to `galley_core::workspace` when it does.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use galley_core::clock::{Clock, SystemClock};
use galley_core::{Error, Result};

#[allow(dead_code)]
pub struct Env {
    pub clock: Arc<dyn Clock>,
    pub author: String,
}

impl Env {
    pub fn system(author: impl Into<String>) -> Env {
        Env {
            clock: Arc::new(SystemClock),
            author: author.into(),
        }
    }
}

pub struct Workspace {
    root: PathBuf,
}

pub struct Listing {
    pub drafts: Vec<DraftSummary>,
    pub problems: Vec<Error>,
}

pub struct DraftSummary {
    pub id: String,
    pub lang: String,
    pub path: String,
    pub title: String,
    pub trend: Option<String>,
    pub section: Option<String>,
    pub issue: Option<String>,
    pub authors: Vec<String>,
    pub translation_of: Option<String>,
    pub words: usize,
}

pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub trend: Option<String>,
    pub authors: Vec<String>,
    pub lead: String,
    pub section: Option<String>,
    pub issue: Option<String>,
    pub tags: Vec<String>,
    pub lang: String,
    pub translation_of: Option<String>,
}

pub struct Draft {
    front: FrontMatter,
    body: String,
}

impl Draft {
    pub fn front(&self) -> &FrontMatter {
        &self.front
    }
    pub fn body(&self) -> &str {
        &self.body
    }
}

impl Workspace {
    pub fn open(root: &Path, _env: Env) -> Result<Workspace> {
        if !root.join(".galley").is_dir() {
            return Err(Error::NoWorkspace {
                path: root.to_path_buf(),
                reason: "it has no .galley folder".into(),
            });
        }
        Ok(Workspace {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn list(&self) -> Result<Listing> {
        let mut drafts = Vec::new();
        let mut problems = Vec::new();
        let mut dirs = vec![self.root.clone()];
        while let Some(dir) = dirs.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| io("list", &dir, e))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if path.is_dir() {
                    dirs.push(path);
                } else if name.ends_with(".md") {
                    let rel = path.strip_prefix(&self.root).unwrap_or(&path);
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    match self.read(&rel) {
                        Ok(draft) => drafts.push(summary(rel, &draft)),
                        Err(error) => problems.push(error),
                    }
                }
            }
        }
        drafts.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Listing { drafts, problems })
    }

    pub fn read(&self, path: &str) -> Result<Draft> {
        let full = self.root.join(path);
        let text = std::fs::read_to_string(&full).map_err(|e| io("read", &full, e))?;
        parse(&full, &text)
    }
}

fn io(action: &'static str, path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

fn summary(path: String, draft: &Draft) -> DraftSummary {
    let f = &draft.front;
    DraftSummary {
        id: f.id.clone(),
        lang: f.lang.clone(),
        path,
        title: f.title.clone(),
        trend: f.trend.clone(),
        section: f.section.clone(),
        issue: f.issue.clone(),
        authors: f.authors.clone(),
        translation_of: f.translation_of.clone(),
        words: draft.body.split_whitespace().count(),
    }
}

/// Naive `key: value` front matter, enough for the sample drafts.
fn parse(path: &Path, text: &str) -> Result<Draft> {
    let invalid = |message: &str| Error::InvalidDraft {
        path: path.to_path_buf(),
        line: 1,
        field: "front matter".into(),
        message: message.into(),
    };
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| invalid("missing ---"))?;
    let end = rest
        .find("\n---\n")
        .ok_or_else(|| invalid("unterminated"))?;
    let mut front = FrontMatter {
        id: String::new(),
        title: String::new(),
        trend: None,
        authors: Vec::new(),
        lead: String::new(),
        section: None,
        issue: None,
        tags: Vec::new(),
        lang: String::new(),
        translation_of: None,
    };
    let mut list_key: Option<String> = None;
    for line in rest[..end].lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            match list_key.as_deref() {
                Some("authors") => front.authors.push(unquote(item)),
                Some("tags") => front.tags.push(unquote(item)),
                _ => {}
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        list_key = Some(key.trim().to_string());
        let items = || -> Vec<String> {
            value
                .trim_matches(['[', ']'])
                .split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect()
        };
        let text = Some(unquote(value)).filter(|s| !s.is_empty());
        match key.trim() {
            "id" => front.id = unquote(value),
            "title" => front.title = unquote(value),
            "lang" => front.lang = unquote(value),
            "trend" => front.trend = text,
            "lead" => front.lead = unquote(value),
            "section" => front.section = text,
            "issue" => front.issue = text,
            "translation_of" => front.translation_of = text,
            "authors" => front.authors = items(),
            "tags" => front.tags = items(),
            _ => {}
        }
    }
    Ok(Draft {
        front,
        body: rest[end + 5..].to_string(),
    })
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches('"').trim_matches('\'').to_string()
}
