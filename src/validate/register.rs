//! What the risk and workplan checks share: a linked result id that the
//! logframe lacks, and a period outside the project.

use crate::diag::{Diagnostic, did_you_mean};
use crate::model::{Framework, Period};
use crate::source::Span;

/// An error when `id` is no result of the logframe; `who` names the entry.
pub(super) fn unknown_result(fw: &Framework, id: &str, span: Span, who: &str) -> Option<Diagnostic> {
    if fw.results.iter().any(|r| r.id == id) {
        return None;
    }
    let ids: Vec<&str> = fw.results.iter().map(|r| r.id.as_str()).collect();
    Some(
        Diagnostic::error(format!("{who} links to unknown result `{id}`"))
            .at(span)
            .expected("the id of a result of logframe.yaml")
            .found(format!("`{id}`"))
            .hint(
                did_you_mean(id, ids.iter().copied())
                    .unwrap_or_else(|| format!("use one of {} (quote ids that look like numbers)", ids.join(", "))),
            ),
    )
}

/// An error when `p` lies wholly outside the project.
pub(super) fn within_project(fw: &Framework, p: Period, span: Span, what: &str) -> Option<Diagnostic> {
    if fw.project.span().overlaps(&p) {
        return None;
    }
    Some(
        Diagnostic::error(format!("{what} for {p} lies outside the project"))
            .at(span)
            .expected(format!("a period within {} .. {}", fw.project.start, fw.project.end))
            .found(format!("{p} ({} .. {})", p.start, p.end))
            .hint("check the period, or the project's start and end dates"),
    )
}
