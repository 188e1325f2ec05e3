//! `logframe history`: every row recorded for an indicator, oldest first
//! within each key, with the one in force marked.

use crate::format::{self, columns};
use crate::ledger::review::RowState;
use crate::ledger::{Ledger, origin_text};
use crate::locale::{term, term_message};
use crate::model::Framework;
use crate::source::Sources;

/// A row's state in the terminal's words.
pub fn state(s: &RowState) -> String {
    let note = |n: &str| match n {
        "" => String::new(),
        n => format!(": {}", format::clip(n, 60)),
    };
    let with_by = |id: &str, by: &str| term_message(id, [("by", by.to_string().into())]);
    match s {
        RowState::InForce => term("history-in-force").to_string(),
        RowState::Superseded => term("history-superseded").to_string(),
        RowState::Approved { by, in_force } => format!(
            "{}, {}",
            with_by("history-approved", by),
            term(if *in_force {
                "history-in-force"
            } else {
                "history-superseded"
            })
        ),
        RowState::Rejection { by, note: n } => format!("{}{}", with_by("history-rejection", by), note(n)),
        RowState::Waiting => term("history-waiting").to_string(),
        RowState::EnteredApproved { by } => with_by("history-entered-approved", by),
        RowState::EnteredRejected { by, note: n } => format!("{}{}", with_by("history-entered-rejected", by), note(n)),
        RowState::EnteredNotReviewed => term("history-entered-not-reviewed").to_string(),
        RowState::Void { by, reason } => format!("{}{}", with_by("history-void", by), note(reason)),
    }
}

pub fn history(fw: &Framework, ledger: &Ledger, sources: &Sources, trail: &[u32], states: &[RowState]) -> String {
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
        .zip(states)
        .map(|(&i, s)| {
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
                state(s),
            ]
        })
        .collect();
    columns(&header, &rows, &[false, false, true])
}
