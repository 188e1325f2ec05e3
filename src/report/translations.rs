//! The project texts a report in another language would print in the
//! project's language: titles, statements, assumptions, units and budget
//! lines with no text in the report's language. The report falls back to
//! the project's text (a reader still gets every line); the command says
//! which ones on stderr, so that a team knows what to translate, and
//! `--strict` refuses to write such a report.

use crate::locale::Lang;
use crate::model::{Framework, Text};
use crate::source::Span;

/// One project text without a translation: what it is (`indicator 1100.1
/// unit`) and where the framework declares it, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    pub what: String,
    pub span: Option<Span>,
}

/// The texts of `fw` a report in `lang` would print in the project's
/// language, in logframe order; none when `lang` is the project's.
pub fn untranslated(fw: &Framework, lang: Lang) -> Vec<Untranslated> {
    let code = lang.code();
    if fw.project.language == code {
        return Vec::new();
    }
    let lacks = |t: &Text| !t.default.is_empty() && !t.translations.contains_key(code);
    let mut out = Vec::new();
    let mut add = |what: String, span: Option<Span>| out.push(Untranslated { what, span });
    if lacks(&fw.project.title) {
        add("project title".into(), fw.project.id_span);
    }
    if fw.project.description.as_ref().is_some_and(lacks) {
        add("project description".into(), fw.project.id_span);
    }
    for r in &fw.results {
        if lacks(&r.statement) {
            add(format!("result {} statement", r.id), Some(r.span));
        }
        for (n, a) in r.assumptions.iter().enumerate() {
            if lacks(a) {
                add(format!("result {} assumption {}", r.id, n + 1), Some(r.span));
            }
        }
    }
    for ind in &fw.indicators {
        if lacks(&ind.title) {
            add(format!("indicator {} title", ind.id), Some(ind.span));
        }
        if ind.unit_text.as_ref().is_some_and(lacks) {
            add(format!("indicator {} unit", ind.id), Some(ind.span));
        }
    }
    if let Some(f) = &fw.funding {
        for l in f.budget_lines.iter().filter(|l| lacks(&l.title)) {
            add(format!("budget line {}", l.id), Some(f.budget_span));
        }
    }
    out
}
