//! `logframe history`: every row recorded for an indicator, oldest first
//! within each key, with the one in force marked.

use crate::format::{self, columns};
use crate::ledger::row::Review;
use crate::ledger::{Ledger, origin_text};
use crate::model::Framework;
use crate::source::Sources;

/// A row's state: in force or superseded, and where review applies,
/// waiting, approved or rejected (by whom, and why).
fn state(ledger: &Ledger, trail: &[u32], in_force: &[u32], pending: &[u32], i: u32) -> String {
    let e = &ledger.entries[i as usize];
    let by = |x: &crate::ledger::Entry| ledger.str(x.reviewed_by).unwrap_or("").to_string();
    let note = |x: &crate::ledger::Entry| match ledger.str(x.review_note).unwrap_or("") {
        "" => String::new(),
        n => format!(": {}", format::clip(n, 60)),
    };
    let force = if in_force.binary_search(&i).is_ok() {
        "in force"
    } else {
        "superseded"
    };
    match e.review {
        Review::None => force.to_string(),
        Review::Approved => format!("approved by {}, {force}", by(e)),
        Review::Rejected => format!("rejection by {}{}", by(e), note(e)),
        Review::Pending if pending.contains(&i) => "waiting for review".to_string(),
        Review::Pending => {
            let decision = trail.iter().map(|&j| &ledger.entries[j as usize]).find(|d| {
                d.key() == e.key()
                    && d.review_of.is_some()
                    && d.review_of == e.recorded_at
                    && matches!(d.review, Review::Approved | Review::Rejected)
            });
            match decision {
                Some(d) if d.review == Review::Approved => format!("entered, approved by {}", by(d)),
                Some(d) => format!("entered, rejected by {}{}", by(d), note(d)),
                None => "entered, not reviewed, superseded".to_string(),
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
        "period",
        "breakdown",
        "value",
        "recorded_at",
        "by",
        "source",
        "comment",
        "row",
        "state",
    ];
    let rows: Vec<Vec<String>> = trail
        .iter()
        .map(|&i| {
            let e = &ledger.entries[i as usize];
            vec![
                e.period.to_string(),
                e.dims.describe(fw),
                format::value(&e.value),
                e.recorded_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "undated".into()),
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
