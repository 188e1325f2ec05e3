//! Result ids and indicator ids are unique: measurements, reports and IATI
//! exports refer to them.

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::model::Framework;
use crate::source::{Sources, Span};

pub fn check(fw: &Framework, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let results = fw.results.iter().map(|r| (r.id.as_str(), r.span));
    out.extend(duplicates("result", results, sources));
    let indicators = fw.indicators.iter().map(|i| (i.id.as_str(), i.span));
    out.extend(duplicates("indicator", indicators, sources));
    out
}

fn duplicates<'a>(what: &str, items: impl Iterator<Item = (&'a str, Span)>, sources: &Sources) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, Span> = HashMap::new();
    let mut out = Vec::new();
    for (id, span) in items {
        if let Some(prev) = first.get(id) {
            out.push(
                Diagnostic::error(format!("duplicate {what} id `{id}`"))
                    .at(span)
                    .expected(format!("each {what} id used once"))
                    .found(format!("`{id}` again, first used at {}", sources.locate(*prev)))
                    .hint(format!("give this {what} its own id")),
            );
        } else {
            first.insert(id, span);
        }
    }
    out
}
