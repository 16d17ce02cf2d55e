//! The newsletter: `email.html` (table layout, every style inline on its element, no
//! scripts, nothing a mail client strips) and `email.txt`, its plain-text alternative.
//! A mail has no folder, so every link is absolute under the publication's base URL, and the
//! signature is the publisher's (the email is made only when both are set).

use super::locale::trend_symbol;
use super::markdown::markdown_to_text;
use super::{esc, LangContext};

const FONT: &str = "font-family:Georgia,'Times New Roman',serif;color:#1d1d1b;";
const SANS: &str = "font-family:Arial,Helvetica,sans-serif;";

/// Inline styles for the elements a sanitized body can contain.
const BODY_STYLES: [(&str, &str); 16] = [
    ("p", "margin:0 0 14px;font-size:16px;line-height:1.6;"),
    ("a", "color:#1a4d8f;"),
    ("h1", "font-size:22px;margin:18px 0 8px;"),
    ("h2", "font-size:20px;margin:18px 0 8px;"),
    ("h3", "font-size:18px;margin:16px 0 6px;"),
    ("h4", "font-size:16px;margin:14px 0 6px;"),
    (
        "blockquote",
        "margin:0 0 14px;padding-left:12px;border-left:3px solid #d6d3c8;color:#3d3c37;",
    ),
    ("ul", "margin:0 0 14px;padding-left:22px;"),
    ("ol", "margin:0 0 14px;padding-left:22px;"),
    ("li", "margin:0 0 4px;font-size:16px;line-height:1.5;"),
    ("table", "border-collapse:collapse;margin:0 0 14px;"),
    (
        "th",
        "border:1px solid #d6d3c8;padding:4px 8px;font-size:14px;",
    ),
    (
        "td",
        "border:1px solid #d6d3c8;padding:4px 8px;font-size:14px;",
    ),
    (
        "pre",
        "background:#eeece5;padding:8px;font-size:13px;white-space:pre-wrap;",
    ),
    ("img", "max-width:100%;height:auto;"),
    ("div", "font-size:13px;color:#3d3c37;margin:0 0 8px;"),
];

/// Adds `style` to every start tag named in [`BODY_STYLES`], merging with a `style` the
/// tag already has. Works on ammonia's serialisation: tags are lower-case, attributes quoted,
/// and a literal `<` in text is always escaped.
fn inline_styles(html: &str) -> String {
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while let Some(pos) = rest.find('<') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        let after = &rest[1 + name_len..];
        match BODY_STYLES.iter().find(|(tag, _)| *tag == name) {
            Some((_, style)) if after.starts_with(" style=\"") => {
                out.push('<');
                out.push_str(name);
                out.push_str(" style=\"");
                out.push_str(style);
                rest = &after[" style=\"".len()..];
            }
            Some((_, style)) if after.starts_with('>') || after.starts_with(' ') => {
                out.push('<');
                out.push_str(name);
                out.push_str(&format!(" style=\"{style}\""));
                rest = after;
            }
            _ => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn html(ctx: &LangContext) -> Vec<u8> {
    let mut out = String::with_capacity(32 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", esc(ctx.lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", esc(ctx.newsletter_title())));
    out.push_str("</head>\n<body style=\"margin:0;padding:0;background-color:#f4f4f1;\">\n");
    out.push_str("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse;background-color:#f4f4f1;\"><tr><td style=\"padding:24px 8px;\">\n");
    out.push_str("<table role=\"presentation\" style=\"width:100%;max-width:640px;margin:0 auto;border-collapse:collapse;background-color:#ffffff;\">\n");
    out.push_str(&format!(
        "<tr><td style=\"padding:28px 28px 8px;{FONT}\"><p style=\"margin:0;{SANS}font-size:13px;color:#5a5850;\">{} · {}</p><h1 style=\"margin:6px 0 0;font-size:28px;line-height:1.2;\"><a href=\"{}\" style=\"color:#1d1d1b;text-decoration:none;\">{}</a></h1></td></tr>\n",
        esc(ctx.newsletter_title()),
        esc(&ctx.date_range),
        esc(&ctx.url("index.html")),
        esc(ctx.issue_title)
    ));
    for (section, entries) in &ctx.sections {
        out.push_str(&format!(
            "<tr><td style=\"padding:20px 28px 0;{FONT}\"><h2 style=\"margin:0;padding-bottom:4px;font-size:20px;border-bottom:1px solid #d6d3c8;\">{}</h2></td></tr>\n",
            esc(&ctx.section_title(section))
        ));
        for entry in entries {
            let front = &entry.text.front;
            out.push_str(&format!("<tr><td style=\"padding:16px 28px;{FONT}\">\n"));
            out.push_str(&format!(
                "<h3 style=\"margin:0 0 6px;font-size:20px;line-height:1.3;\"><a href=\"{}\" style=\"color:#1d1d1b;text-decoration:none;\">{}</a></h3>\n",
                esc(&ctx.url(&format!("{}.html", entry.commentary.slug))),
                esc(&front.title)
            ));
            if let Some(t) = front.trend {
                let colour = match t {
                    crate::draft::Trend::Improved => "#1d6b2f",
                    crate::draft::Trend::Unchanged => "#5a5850",
                    crate::draft::Trend::Deteriorated => "#a12a1f",
                };
                out.push_str(&format!(
                    "<p style=\"margin:0 0 4px;{SANS}font-size:13px;font-weight:bold;color:{colour};\">{} {}</p>\n",
                    trend_symbol(t),
                    esc(&ctx.trend_text(t))
                ));
            }
            if !front.authors.is_empty() {
                out.push_str(&format!(
                    "<p style=\"margin:0 0 12px;{SANS}font-size:13px;color:#5a5850;\">{}: {}</p>\n",
                    esc(ctx.by_label(front.authors.len())),
                    esc(&front.authors.join(", "))
                ));
            }
            if !front.lead.trim().is_empty() {
                out.push_str(&format!(
                    "<p style=\"margin:0 0 14px;font-size:17px;line-height:1.6;\"><strong>{}</strong></p>\n",
                    esc(front.lead.trim())
                ));
            }
            out.push_str(&inline_styles(&absolute_links(ctx, &entry.body_html)));
            out.push_str("\n</td></tr>\n");
        }
    }
    let copyright = ctx
        .input
        .publication
        .copyright
        .as_deref()
        .map(|c| format!("<br>{}", esc(c)))
        .unwrap_or_default();
    out.push_str(&format!(
        "<tr><td style=\"padding:20px 28px 28px;{SANS}font-size:12px;color:#5a5850;\">{} · {}{copyright}</td></tr>\n",
        esc(ctx.publisher()),
        esc(&ctx.date_range)
    ));
    out.push_str("</table>\n</td></tr></table>\n</body>\n</html>\n");
    out.into_bytes()
}

pub(crate) fn text(ctx: &LangContext) -> Vec<u8> {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(&format!(
        "{}\n{}\n{}\n{}\n\n",
        ctx.newsletter_title(),
        ctx.issue_title,
        ctx.date_range,
        ctx.url("index.html")
    ));
    for (section, entries) in &ctx.sections {
        let title = ctx.section_title(section);
        out.push_str(&format!(
            "{title}\n{}\n\n",
            "=".repeat(title.chars().count())
        ));
        for entry in entries {
            let front = &entry.text.front;
            out.push_str(&format!(
                "{}\n{}\n",
                front.title,
                "-".repeat(front.title.chars().count())
            ));
            if let Some(t) = front.trend {
                out.push_str(&format!("{}\n", ctx.trend_text(t)));
            }
            if !front.authors.is_empty() {
                out.push_str(&format!(
                    "{}: {}\n",
                    ctx.by_label(front.authors.len()),
                    front.authors.join(", ")
                ));
            }
            out.push_str(&format!(
                "{}\n",
                ctx.url(&format!("{}.html", entry.commentary.slug))
            ));
            out.push('\n');
            if !front.lead.trim().is_empty() {
                out.push_str(front.lead.trim());
                out.push_str("\n\n");
            }
            out.push_str(&markdown_to_text(&entry.text.body));
            out.push_str("\n\n");
        }
    }
    out.push_str(&format!("-- \n{}\n", ctx.publisher()));
    if let Some(copyright) = &ctx.input.publication.copyright {
        out.push_str(&format!("{copyright}\n"));
    }
    out.into_bytes()
}

/// The body with every relative `href` and `src` made absolute against the language's folder
/// on the site (a link to a footnote, `#…`, stays: it is in the mail itself). Works on
/// ammonia's serialisation, where attribute values are always double-quoted.
fn absolute_links(ctx: &LangContext, html: &str) -> String {
    let Some(folder) = ctx
        .input
        .publication
        .url(ctx.lang, "")
        .and_then(|u| url::Url::parse(&u).ok())
    else {
        return html.to_string();
    };
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some((pos, attr)) = [" href=\"", " src=\""]
        .iter()
        .filter_map(|a| rest.find(a).map(|p| (p, *a)))
        .min()
    {
        let start = pos + attr.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        let keep = value.starts_with('#') || url::Url::parse(value).is_ok();
        match folder.join(value) {
            Ok(joined) if !keep => out.push_str(joined.as_str()),
            _ => out.push_str(value),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
