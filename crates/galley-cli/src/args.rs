//! Arguments clap cannot type by itself: weeks, colour choices, conflict pieces, input text.

use galley_core::diff::RenderStyle;
use galley_core::draft::IsoWeek;
use galley_core::Error;
use std::io::IsTerminal;
use std::path::PathBuf;

/// `--theirs-in` pieces: paragraph numbers (from 1) and field names.
pub(crate) fn pieces(list: &[String]) -> Result<galley_core::merge::Choices, Error> {
    let mut choices = galley_core::merge::Choices::default();
    for piece in list.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        match piece.parse::<usize>() {
            Ok(0) => {
                return Err(Error::Invalid {
                    what: "--theirs-in".into(),
                    message: "paragraphs are numbered from 1, as `galley conflicts PATH` lists \
                              them"
                        .into(),
                    detail: None,
                })
            }
            Ok(n) => choices.theirs_paragraphs.insert(n - 1),
            Err(_) => choices.theirs_fields.insert(piece.to_string()),
        };
    }
    Ok(choices)
}

pub(crate) fn parse_week(week: &str) -> Result<IsoWeek, Error> {
    week.parse::<IsoWeek>().map_err(|e| Error::Invalid {
        what: "--issue".into(),
        message: e.to_string(),
        detail: None,
    })
}

pub(crate) fn render_style(color: &str) -> Result<RenderStyle, Error> {
    match color {
        "always" => Ok(RenderStyle::Color),
        "never" => Ok(RenderStyle::Plain),
        "auto" if std::io::stdout().is_terminal() => Ok(RenderStyle::Color),
        "auto" => Ok(RenderStyle::Plain),
        other => Err(Error::Invalid {
            what: "--color".into(),
            message: format!("`{other}` is not one of auto, always, never"),
            detail: None,
        }),
    }
}

pub(crate) fn read_input(from: Option<PathBuf>) -> Result<String, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    match &from {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| Error::Io {
                action: "read",
                path: path.clone(),
                source: e,
            })?
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Io {
                    action: "read",
                    path: "standard input".into(),
                    source: e,
                })?;
        }
    }
    String::from_utf8(bytes).map_err(|e| Error::NotText {
        path: from.unwrap_or_else(|| "standard input".into()),
        reason: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}
