//! `logframe history`: every row recorded for an indicator, oldest first
//! within each key, with the one in force marked.

use crate::format::{self, columns};
use crate::ledger::row::Review;
use crate::ledger::{Ledger, origin_text};
use crate::locale::{term, term_message};
use crate::model::Framework;
use crate::source::Sources;

/// A row's state: in force or superseded, and where review applies,
/// waiting, approved or rejected (by whom, and why).
fn state(ledger: &Ledger, trail: &[u32], in_force: &[u32], pending: &[u32], i: u32) -> String {
    let e = &ledger.entry(i);
    let by = |x: &crate::ledger::Entry| ledger.str(x.reviewed_by).unwrap_or("").to_string();
    let note = |x: &crate::ledger::Entry| match ledger.str(x.review_note).unwrap_or("") {
        "" => String::new(),
        n => format!(": {}", format::clip(n, 60)),
    };
    let force = term(if in_force.binary_search(&i).is_ok() {
        "history-in-force"
    } else {
        "history-superseded"
    });
    let with_by = |id: &str, x: &crate::ledger::Entry| term_message(id, [("by", by(x).into())]);
    match e.review {
        Review::None => force.to_string(),
        Review::Approved => format!("{}, {force}", with_by("history-approved", e)),
        Review::Rejected => format!("{}{}", with_by("history-rejection", e), note(e)),
        Review::Pending if pending.contains(&i) => term("history-waiting").to_string(),
        Review::Pending => {
            let decision = trail.iter().map(|&j| ledger.entry(j)).find(|d| {
                d.key() == e.key()
                    && d.review_of.is_some()
                    && d.review_of == e.recorded_at
                    && matches!(d.review, Review::Approved | Review::Rejected)
            });
            match decision {
                Some(d) if d.review == Review::Approved => with_by("history-entered-approved", &d),
                Some(d) => format!("{}{}", with_by("history-entered-rejected", &d), note(&d)),
                None => term("history-entered-not-reviewed").to_string(),
            }
        }
    }
}

pub fn history(
    fw: &Framework,
    ledger: &Ledger,
    sources: &Sources,
    trail: &[u32],
    in_force: &[u32],
    pending: &[u32],
) -> String {
    let header = [
        "col-period",
        "col-breakdown",
        "col-value",
        "col-recorded-at",
        "col-by",
        "col-source",
        "col-comment",
        "col-row",
        "col-state",
    ]
    .map(term);
    let rows: Vec<Vec<String>> = trail
        .iter()
        .map(|&i| {
            let e = &ledger.entry(i);
            vec![
                e.period.to_string(),
                e.dims.describe(fw),
                format::value(&e.value),
                e.recorded_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| term("term-undated").into()),
                ledger.str(e.recorded_by).unwrap_or("").to_string(),
                ledger.str(e.source).unwrap_or("").to_string(),
                format::clip(ledger.str(e.comment).unwrap_or(""), 50),
                origin_text(sources, e.origin),
                state(ledger, trail, in_force, pending, i),
            ]
        })
        .collect();
    columns(&header, &rows, &[false, false, true])
}
