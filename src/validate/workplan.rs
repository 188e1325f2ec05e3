//! The workplan against the logframe: each activity id once, linked
//! results that exist, planned dates inside the project. The activities'
//! own problems are found while loading (`load::workplan`).

use std::collections::HashMap;

use super::register::unknown_result;
use crate::diag::Diagnostic;
use crate::model::{Framework, Period};
use crate::source::Sources;

pub fn check(fw: &Framework, sources: &Sources) -> Vec<Diagnostic> {
    let Some(plan) = &fw.workplan else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut first = HashMap::new();
    for a in &plan.activities {
        if let Some(prev) = first.insert(a.id.as_str(), a.span) {
            out.push(
                Diagnostic::error(format!("duplicate activity id `{}`", a.id))
                    .at(a.span)
                    .expected("each activity id used once")
                    .found(format!("`{}` again, first used at {}", a.id, sources.locate(prev)))
                    .hint("give this activity its own id"),
            );
            first.insert(a.id.as_str(), prev);
        }
        if let (Some(id), Some(span)) = (&a.result, a.result_span)
            && let Some(d) = unknown_result(fw, id, span, &format!("activity {}", a.id))
        {
            out.push(d);
        }
        let planned = Period::days(a.start, a.end);
        if !fw.project.span().contains(&planned) {
            out.push(
                Diagnostic::error(format!("activity {} is planned outside the project", a.id))
                    .at(a.dates_span)
                    .expected(format!(
                        "start and end within {} .. {}",
                        fw.project.start, fw.project.end
                    ))
                    .found(format!("{} .. {}", a.start, a.end))
                    .hint("check the dates, or the project's start and end"),
            );
        }
    }
    out
}
