//! `logframe sheet`: the entry workbook of a period, optionally for one
//! country. The use case decides what goes in it (the values due, with the
//! value in force, from [`super::due`]) and its language; the workbook
//! itself is drawn by `render::xlsx::entry`.

use super::Opened;
use super::Result;
use super::due::{self, Due};
use crate::locale::Lang;

/// What to build: the period, the country, the language (default: the
/// project's language, else English).
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub period: String,
    pub country: Option<String>,
    pub lang: Option<Lang>,
}

/// The entry workbook's content.
#[derive(Debug, Clone)]
pub struct EntrySheet {
    pub due: Due,
    pub lang: Lang,
}

pub fn sheet(o: &Opened, q: &Query) -> Result<EntrySheet> {
    let fw = &o.framework;
    let lang = q.lang.or_else(|| Lang::parse(&fw.project.language)).unwrap_or(Lang::En);
    let done = due::due(
        o,
        &due::Query {
            period: q.period.clone(),
            country: q.country.clone(),
        },
    )?;
    Ok(super::Done {
        value: EntrySheet { due: done.value, lang },
        diagnostics: done.diagnostics,
        sources: done.sources,
        findings: done.findings,
    })
}
