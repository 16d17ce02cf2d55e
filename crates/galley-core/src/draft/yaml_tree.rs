//! A small YAML value tree with file line numbers, built from yaml-rust2's event stream.
//!
//! We build our own tree instead of using `YamlLoader` to refuse hostile input before it costs
//! anything: anchors and aliases are refused at the first one (no alias bombs), nesting is
//! capped at [`MAX_DEPTH`], and every node knows its line. We pull events with `next_token`
//! rather than `Parser::load`, because `load` recurses once per nesting level and a
//! 10,000-deep document would overflow the stack before our receiver could refuse it.

use crate::ErrorCode;
use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// How deeply lists and mappings may nest, counting the top-level mapping as 1.
pub const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub value: Value,
    /// 1-based line in the draft file.
    pub line: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum Value {
    /// Every scalar stays text; `plain` tells `null`/`~`/empty apart from quoted `"null"`.
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A word for messages: "text", "a list", "a mapping".
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Scalar { .. } => "text",
            Value::List(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// What this node is, as a stable tag for an error's facts: `text`, `list` or `mapping`.
    pub fn kind_tag(&self) -> &'static str {
        match self.value {
            Value::Scalar { .. } => "text",
            Value::List(_) => "list",
            Value::Map(_) => "mapping",
        }
    }
}

/// Why the front matter was refused, located in the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub line: usize,
    pub field: String,
    pub message: String,
    /// What `message` says as a code and its facts after `path` and `line`, which the draft
    /// adds when it locates the problem in its file.
    pub detail: Option<(ErrorCode, Vec<(&'static str, String)>)>,
}

impl Problem {
    pub fn new(line: usize, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            line,
            field: field.into(),
            message: message.into(),
            detail: None,
        }
    }

    /// This problem with `code`; `facts` are the code's facts after `path` and `line`.
    pub fn coded<const N: usize>(
        mut self,
        code: ErrorCode,
        facts: [(&'static str, String); N],
    ) -> Self {
        self.detail = Some((code, facts.into()));
        self
    }
}

pub(crate) const WHOLE: &str = "front matter";

/// Parses `yaml`, whose first line is line `first_line` of the file. `Ok(None)` for a
/// document with no content (only blank lines or comments).
pub(crate) fn parse(yaml: &str, first_line: usize) -> Result<Option<Node>, Problem> {
    // yaml-rust2 should not panic, but it is third-party code fed user input: a panic there
    // must become a refusal of this draft, not a crash of the app.
    std::panic::catch_unwind(|| parse_events(yaml, first_line)).unwrap_or_else(|_| {
        Err(Problem::new(
            first_line,
            WHOLE,
            "the YAML parser could not read this front matter",
        ))
    })
}

fn parse_events(yaml: &str, first_line: usize) -> Result<Option<Node>, Problem> {
    let mut parser = Parser::new_from_str(yaml);
    let mut builder = TreeBuilder::new(yaml, first_line);
    loop {
        match parser.next_token() {
            Ok((event, mark)) => {
                let end = event == Event::StreamEnd;
                builder.on_event(event, mark);
                if let Some(problem) = builder.problem.take() {
                    return Err(problem);
                }
                if end {
                    return Ok(builder.root);
                }
            }
            Err(e) => {
                // The scanner looks ahead and caps `[`/`{` nesting itself, sometimes before
                // we see the events; say it the way our own limit does.
                let line = builder.file_line(e.marker().line());
                let problem = |message| Problem::new(line, builder.current_field(), message);
                return Err(if e.info().contains("recursion limit") {
                    problem(nesting_message()).coded(ErrorCode::DraftYamlTooDeep, [])
                } else {
                    problem(format!("YAML syntax error: {}", e.info())).coded(
                        ErrorCode::DraftYamlSyntax,
                        [("yaml_says", e.info().to_string())],
                    )
                });
            }
        }
    }
}

enum Frame {
    List {
        items: Vec<Node>,
        line: usize,
    },
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        seen: HashMap<String, usize>,
        line: usize,
    },
}

struct TreeBuilder<'a> {
    yaml: &'a str,
    first_line: usize,
    stack: Vec<Frame>,
    root: Option<Node>,
    documents: usize,
    problem: Option<Problem>,
}

impl<'a> TreeBuilder<'a> {
    fn new(yaml: &'a str, first_line: usize) -> Self {
        TreeBuilder {
            yaml,
            first_line,
            stack: Vec::new(),
            root: None,
            documents: 0,
            problem: None,
        }
    }

    /// Galley edits front matter line by line, so the top level must be a block mapping whose
    /// keys start their lines: `{id: a, lang: en}` or indented keys are refused.
    fn check_top_level_layout(&mut self, event: &Event, mark: Marker, line: usize) -> bool {
        let at_mark = || {
            let text = self
                .yaml
                .lines()
                .nth(mark.line().saturating_sub(1))
                .unwrap_or("");
            text.chars().nth(mark.col())
        };
        let (code, message) = match event {
            Event::MappingStart(..) if self.stack.is_empty() && at_mark() == Some('{') => (
                ErrorCode::DraftFlowMapping,
                "write the front matter as `key: value` lines, not as one `{…}` mapping",
            ),
            Event::Scalar(..)
                if mark.col() != 0
                    && matches!(self.stack.as_slice(), [Frame::Map { key: None, .. }]) =>
            {
                (
                    ErrorCode::DraftKeyIndented,
                    "top-level keys must start at the beginning of their line",
                )
            }
            _ => return true,
        };
        self.refuse(line, code, message);
        false
    }

    fn file_line(&self, yaml_line: usize) -> usize {
        (yaml_line + self.first_line).saturating_sub(1).max(1)
    }

    /// The top-level key whose value is being read, or "front matter" outside any.
    fn current_field(&self) -> String {
        match self.stack.first() {
            Some(Frame::Map { key: Some(key), .. }) => scalar_text(key).to_string(),
            _ => WHOLE.to_string(),
        }
    }

    /// Refuses the YAML at `line` for a reason whose code has no facts but the place.
    fn refuse(&mut self, line: usize, code: ErrorCode, message: impl Into<String>) {
        let field = self.current_field();
        self.problem = Some(Problem::new(line, field, message).coded(code, []));
    }

    fn check_plain_node(&mut self, line: usize, anchor: usize, has_tag: bool) -> bool {
        if anchor != 0 {
            let message = "anchors and aliases are not allowed in front matter";
            self.refuse(line, ErrorCode::DraftYamlAnchor, message);
            return false;
        }
        if has_tag {
            let message = "YAML tags (`!…`) are not allowed in front matter";
            self.refuse(line, ErrorCode::DraftYamlTag, message);
            return false;
        }
        true
    }

    fn open(&mut self, line: usize, frame: Frame) {
        if self.stack.len() >= MAX_DEPTH {
            self.refuse(line, ErrorCode::DraftYamlTooDeep, nesting_message());
            return;
        }
        self.stack.push(frame);
    }

    fn close(&mut self) {
        let node = match self.stack.pop() {
            Some(Frame::List { items, line }) => Node {
                value: Value::List(items),
                line,
            },
            Some(Frame::Map { entries, line, .. }) => Node {
                value: Value::Map(entries),
                line,
            },
            None => return,
        };
        self.attach(node);
    }

    fn attach(&mut self, node: Node) {
        let top_level = self.stack.len() == 1;
        let (line, key_name, first, message) = match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                return;
            }
            Some(Frame::List { items, .. }) => {
                items.push(node);
                return;
            }
            Some(Frame::Map {
                entries, key, seen, ..
            }) => {
                if let Some(k) = key.take() {
                    entries.push((k, node));
                    return;
                }
                let Value::Scalar { text, .. } = &node.value else {
                    let message = "keys must be plain text, not lists or mappings".to_string();
                    self.refuse(node.line, ErrorCode::DraftKeyNotText, message);
                    return;
                };
                match seen.get(text) {
                    None => {
                        seen.insert(text.clone(), node.line);
                        *key = Some(node);
                        return;
                    }
                    Some(first) => (
                        node.line,
                        text.clone(),
                        *first,
                        format!("the key `{text}` appears twice (first on line {first})"),
                    ),
                }
            }
        };
        // A repeated top-level key is a problem of that field; deeper, of the enclosing one.
        let field = if top_level {
            key_name.clone()
        } else {
            self.current_field()
        };
        self.problem = Some(Problem::new(line, field, message).coded(
            ErrorCode::DraftKeyTwice,
            [("key", key_name), ("first_line", first.to_string())],
        ));
    }
}

impl MarkedEventReceiver for TreeBuilder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.problem.is_some() {
            return;
        }
        let line = self.file_line(mark.line());
        if !self.check_top_level_layout(&event, mark, line) {
            return;
        }
        match event {
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    let message = "the front matter must be a single YAML document";
                    self.refuse(line, ErrorCode::DraftSeveralDocuments, message);
                }
            }
            Event::Alias(_) => {
                let message = "anchors and aliases are not allowed in front matter";
                self.refuse(line, ErrorCode::DraftYamlAnchor, message)
            }
            Event::Scalar(text, style, anchor, tag) => {
                if self.check_plain_node(line, anchor, tag.is_some()) {
                    let plain = style == TScalarStyle::Plain;
                    self.attach(Node {
                        value: Value::Scalar { text, plain },
                        line,
                    });
                }
            }
            Event::SequenceStart(anchor, tag) => {
                if self.check_plain_node(line, anchor, tag.is_some()) {
                    self.open(
                        line,
                        Frame::List {
                            items: Vec::new(),
                            line,
                        },
                    );
                }
            }
            Event::MappingStart(anchor, tag) => {
                if self.check_plain_node(line, anchor, tag.is_some()) {
                    let frame = Frame::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: HashMap::new(),
                        line,
                    };
                    self.open(line, frame);
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(),
        }
    }
}

fn nesting_message() -> String {
    format!("lists and mappings are nested more than {MAX_DEPTH} levels deep")
}

fn scalar_text(node: &Node) -> &str {
    match &node.value {
        Value::Scalar { text, .. } => text,
        _ => "",
    }
}
