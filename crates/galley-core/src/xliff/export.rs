//! Writing a job as XLIFF 1.2.

use super::inline::{protect, renumber_like, Piece};
use super::{
    ExportJob, LeftOut, TargetState, TargetUnit, Unit, GALLEY_NS, UNTRANSLATED_STATE, XLIFF_NS,
};

/// A unit's source and target pieces, the target's codes numbered like the source's. With no
/// existing translation the target is the source. Import calls this too, so both sides agree
/// on every code's id and markup.
pub(crate) fn unit_pieces(unit: &Unit, target: Option<&TargetUnit>) -> (Vec<Piece>, Vec<Piece>) {
    let source = protect(&unit.text);
    let target = match target {
        Some(t) => {
            let mut pieces = protect(&t.text);
            renumber_like(&mut pieces, &source);
            pieces
        }
        None => source.clone(),
    };
    (source, target)
}

/// The job as an XLIFF 1.2 document: one `<file>`, one `<trans-unit>` per source unit, every
/// unit with a `<target>` (the existing translation with its state, or a copy of the source
/// with `state="needs-translation"`).
pub fn export(job: &ExportJob) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff version=\"1.2\" xmlns=\"{XLIFF_NS}\" xmlns:galley=\"{GALLEY_NS}\">\n"
    ));
    out.push_str(&format!(
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\" galley:commentary=\"{}\" galley:source-version=\"{}\"",
        attr(&format!("{}.{}.md", job.commentary, job.source_lang)),
        attr(&job.source_lang),
        attr(&job.target_lang),
        attr(&job.commentary),
        attr(&job.source_version),
    ));
    if let Some(version) = &job.target_version {
        out.push_str(&format!(" galley:target-version=\"{}\"", attr(version)));
    }
    out.push_str(">\n    <header>\n      <tool tool-id=\"galley\" tool-name=\"Galley\"/>\n");
    out.push_str(&format!(
        "      <note from=\"galley\">Commentary {}, {} to {}. Tags stand for Markdown formatting: keep every tag; put paired tags around the words they format.</note>\n",
        text(&job.commentary),
        text(&job.source_lang),
        text(&job.target_lang)
    ));
    for gone in &job.left_out {
        out.push_str(&format!(
            "      <note from=\"galley\">{}</note>\n",
            text(&left_out_note(gone))
        ));
    }
    out.push_str("    </header>\n    <body>\n");
    for unit in &job.source {
        let existing = job.target.iter().find(|t| t.kind == unit.kind);
        let (source, target) = unit_pieces(unit, existing);
        let state = existing.map_or(UNTRANSLATED_STATE, |t| t.state.as_xliff());
        let id = unit.kind.id();
        // `approved` is XLIFF 1.2's "passed its final review"; translate-toolkit treats every
        // unit without it as fuzzy.
        let approved = match existing.map(|t| t.state) {
            Some(TargetState::Final | TargetState::SignedOff) => " approved=\"yes\"",
            _ => "",
        };
        out.push_str(&format!(
            "      <trans-unit id=\"{id}\" resname=\"{id}\"{approved} xml:space=\"preserve\">\n"
        ));
        out.push_str(&format!("        <source>{}</source>\n", pieces(&source)));
        out.push_str(&format!(
            "        <target state=\"{state}\">{}</target>\n",
            pieces(&target)
        ));
        out.push_str(&format!(
            "        <note from=\"galley\">{}{}</note>\n",
            unit.kind.describe(),
            why_needed(job, existing)
        ));
        if let Some((previous, translation)) =
            existing.and_then(|t| Some((t.previous_source.as_deref()?, &t.text)))
        {
            // The standard place for the text a translation was made from (XLIFF 1.2 §2.5.2):
            // CAT tools show it beside the segment. Plain Markdown: it is never imported.
            out.push_str(&format!(
                "        <alt-trans alttranstype=\"previous-version\" origin=\"galley\">\n          <source>{}</source>\n          <target>{}</target>\n        </alt-trans>\n",
                text(previous),
                text(translation)
            ));
        }
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

/// What a translator reads about a translation the job leaves out (shared with the PO route).
pub(crate) fn left_out_note(gone: &LeftOut) -> String {
    format!(
        "Paragraph {} of the source the translation was made from was removed, so its \
         translation is left out of this job and of the imported text: \"{}\" (it translated \
         \"{}\").",
        gone.base_number, gone.translation, gone.source
    )
}

/// Why a unit needs work, for the translator reading its note; empty when it does not.
fn why_needed(job: &ExportJob, existing: Option<&TargetUnit>) -> &'static str {
    match existing {
        Some(t) if t.previous_source.is_some() => {
            " The source changed since this was translated: review the translation against the \
             previous source (in alt-trans) and set the state to translated."
        }
        None if job.restructured => " New in the source since the translation was made.",
        _ => "",
    }
}

fn pieces(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&text(t)),
            Piece::Open {
                id,
                ctype,
                open,
                close,
            } => out.push_str(&format!(
                "<g id=\"{id}\" ctype=\"{ctype}\" galley:open=\"{}\" galley:close=\"{}\">",
                markup_attr(open),
                markup_attr(close)
            )),
            Piece::Close { .. } => out.push_str("</g>"),
            Piece::Code { id, ctype, markup } => out.push_str(&format!(
                "<x id=\"{id}\" ctype=\"{ctype}\" galley:md=\"{}\"/>",
                markup_attr(markup)
            )),
        }
    }
    out
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// Markdown in an attribute, with line breaks, tabs and characters XML cannot hold written
/// as backslash escapes (`\n`, `\t`, `\u{1}`; a backslash as `\\`): tools normalise raw
/// line breaks in attributes to spaces. For readers only; import never reads it.
fn markup_attr(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    for c in markup.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    attr(&out)
}
