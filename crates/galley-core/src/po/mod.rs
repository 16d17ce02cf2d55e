//! The gettext PO route for a translation job, for PO editors (Poedit, Lokalize, Weblate) and
//! translate-toolkit: the same job as an XLIFF file (`crate::xliff::ExportJob`), the same
//! checks on import, another syntax.
//!
//! - One entry per unit: `msgctxt` is the unit's id (`title`, `lead`, `p1`, …), `msgid` the
//!   source, `msgstr` the translation (empty when there is none yet).
//! - Markdown inline markup travels as placeables a PO editor shows and keeps: the XLIFF
//!   codes as short tags, `<g1>…</g1>` and `<x2/>` (`placeables`); import checks every tag.
//! - Outdated-aware like the XLIFF route: a unit whose source changed since the translation
//!   was made is `#, fuzzy` with the previous source as `#| msgid`; clearing the fuzzy mark
//!   (or editing the translation) says it was reviewed.
//! - The header names the job (`X-Galley-Commentary`, `X-Galley-Source-Language`,
//!   `X-Galley-Source-Version`, `X-Galley-Target-Version`, and `Language`), so an import is
//!   checked against the job as it is now, exactly like an XLIFF file.

mod job;
mod placeables;
mod syntax;

pub use job::{export, header, import, Revision};
pub use syntax::{parse, write, Entry, MAX_PO_BYTES};
