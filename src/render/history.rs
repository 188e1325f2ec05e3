//! `logframe history`: every row recorded for an indicator, oldest first
//! within each key, with the one in force marked.

use crate::format::{self, columns};
use crate::ledger::{Ledger, origin_text};
use crate::model::Framework;
use crate::source::Sources;

pub fn history(fw: &Framework, ledger: &Ledger, sources: &Sources, trail: &[u32], in_force: &[u32]) -> String {
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
                if in_force.binary_search(&i).is_ok() {
                    "in force"
                } else {
                    "superseded"
                }
                .to_string(),
            ]
        })
        .collect();
    columns(&header, &rows, &[false, false, true])
}
