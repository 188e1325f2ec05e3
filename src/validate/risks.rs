//! The risk register against the logframe: each risk id once, linked
//! results that exist, and updates for periods of the project, one per
//! period. The entries' own problems are found while loading
//! (`load::risks`).

use std::collections::HashMap;

use super::register::{unknown_result, within_project};
use crate::diag::Diagnostic;
use crate::model::Framework;
use crate::source::Sources;

pub fn check(fw: &Framework, sources: &Sources) -> Vec<Diagnostic> {
    let Some(reg) = &fw.risks else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut first = HashMap::new();
    let reporting = fw.reporting_periods();
    for r in &reg.risks {
        if let Some(prev) = first.insert(r.id.as_str(), r.span) {
            out.push(
                Diagnostic::error(format!("duplicate risk id `{}`", r.id))
                    .at(r.span)
                    .expected("each risk id used once")
                    .found(format!("`{}` again, first used at {}", r.id, sources.locate(prev)))
                    .hint("give this risk its own id, or merge the two entries"),
            );
            first.insert(r.id.as_str(), prev);
        }
        for (id, span) in r.results.iter().zip(&r.result_spans) {
            if let Some(d) = unknown_result(fw, id, *span, &format!("risk {}", r.id)) {
                out.push(d);
            }
        }
        let mut seen = HashMap::new();
        for u in &r.updates {
            if let Some(d) = within_project(fw, u.period, u.span, &format!("the update of risk {}", r.id)) {
                out.push(d);
                continue;
            }
            if let Some(prev) = seen.insert(u.period, u.span) {
                out.push(
                    Diagnostic::error(format!("risk {} is updated twice for {}", r.id, u.period))
                        .at(u.span)
                        .expected("one update per risk and period")
                        .found(format!("{} again, first at {}", u.period, sources.locate(prev)))
                        .hint("merge the two updates into one"),
                );
                seen.insert(u.period, prev);
            }
            let is_reporting = reporting
                .iter()
                .any(|p| p.end == u.period.end && u.period.start <= p.start);
            if !is_reporting {
                let names: Vec<String> = reporting
                    .iter()
                    .filter(|p| p.overlaps(&u.period))
                    .map(|p| p.to_string())
                    .collect();
                out.push(
                    Diagnostic::warning(format!(
                        "the update of risk {} for {} is not for a reporting period",
                        r.id, u.period
                    ))
                    .at(u.span)
                    .expected(format!(
                        "a {} reporting period of the project",
                        fw.project.reporting_frequency
                    ))
                    .found(format!("{} ({} .. {})", u.period, u.period.start, u.period.end))
                    .hint(match names.last() {
                        Some(n) => format!("write the period it reports on, such as {n}; the report reads updates by their period's end"),
                        None => "write the reporting period the update belongs to".into(),
                    }),
                );
            }
        }
    }
    out
}
