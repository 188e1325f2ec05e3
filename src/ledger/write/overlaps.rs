//! Values that would be counted twice: a row whose period overlaps,
//! without being the same, the period of a value in force for the same
//! indicator and breakdown (a day inside a quarter, a quarter inside a
//! half-year), or of another row of the same batch. Such a row is refused
//! for the whole batch, naming both places; recording the same period again
//! stays a correction, even where an older ledger holds an overlap already.
//! (Before this rule, `status` added both values.)

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use super::classify::describe;
use super::new_row::{NewRow, line_span};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::Review;
use crate::ledger::{DimKey, Entry, Key, Ledger, origin_text};
use crate::model::{Framework, Period};
use crate::source::Sources;

/// Where the other value of an overlap is: a row of the ledger, or an
/// earlier row of the same batch.
enum Other<'a> {
    Ledger(Entry),
    Batch(&'a NewRow),
}

/// The rows of `rows` whose period overlaps another value of the same
/// indicator and breakdown: one error each, naming both places.
pub(super) fn overlapping(fw: &Framework, ledger: &Ledger, sources: &Sources, rows: &[NewRow]) -> Diagnostics {
    let groups: FxHashSet<(u32, DimKey)> = rows.iter().map(|r| (r.parsed.indicator, r.parsed.dims)).collect();
    let in_force = in_force_of(ledger, &groups);
    let mut by_group: HashMap<(u32, DimKey), Vec<&Entry>> = HashMap::new();
    for e in in_force.values() {
        by_group.entry((e.indicator, e.dims)).or_default().push(e);
    }
    for es in by_group.values_mut() {
        es.sort_by_key(|e| (e.period.start, e.period.end, e.origin));
    }
    let mut diags = Diagnostics::default();
    let mut batch: HashMap<(u32, DimKey), Vec<&NewRow>> = HashMap::new();
    for row in rows.iter().filter(|r| checked(r)) {
        let group = (row.parsed.indicator, row.parsed.dims);
        // A correction of a value in force (same dates) is never held back:
        // an overlap an older ledger holds stays as it was (status counts
        // one of the two and warns).
        if in_force.contains_key(&row.key()) {
            batch.entry(group).or_default().push(row);
            continue;
        }
        let p = row.parsed.period;
        let clash = |q: &Period| q.overlaps(&p) && (q.start, q.end) != (p.start, p.end);
        let other = by_group
            .get(&group)
            .and_then(|es| es.iter().find(|e| clash(&e.period)))
            .map(|e| Other::Ledger((*e).clone()))
            .or_else(|| {
                batch
                    .get(&group)
                    .and_then(|rs| rs.iter().find(|r| clash(&r.parsed.period)))
                    .map(|r| Other::Batch(r))
            });
        if let Some(other) = other {
            diags.push(refusal(fw, sources, row, &other));
        }
        batch.entry(group).or_default().push(row);
    }
    diags
}

/// Rows that give a value: not decisions on a pending value (its period
/// was checked when it was entered) nor withdrawals.
fn checked(row: &NewRow) -> bool {
    matches!(row.review, Review::None | Review::Pending)
}

/// The value in force for each key of the groups (as `Ledger::current`
/// would find it: the row that counts with the latest `recorded_at`, then
/// the last read), without sorting the whole ledger.
pub(super) fn in_force_of(ledger: &Ledger, groups: &FxHashSet<(u32, DimKey)>) -> HashMap<Key, Entry> {
    let mut current: HashMap<Key, Entry> = HashMap::new();
    for i in 0..ledger.len() as u32 {
        if !groups.contains(&(ledger.indicator(i), ledger.dims(i))) || !ledger.review(i).counts() {
            continue;
        }
        let e = ledger.entry(i);
        current
            .entry(e.key())
            .and_modify(|c| {
                if e.recorded_at >= c.recorded_at {
                    *c = e.clone();
                }
            })
            .or_insert_with(|| e.clone());
    }
    current.retain(|_, e| e.review.gives_value());
    current
}

fn refusal(fw: &Framework, sources: &Sources, row: &NewRow, other: &Other) -> Diagnostic {
    let what = describe(fw, row);
    let p = row.parsed.period;
    let (q, value, place) = match other {
        Other::Ledger(e) => (e.period, e.value.clone(), origin_text(sources, e.origin)),
        Other::Batch(r) => (
            r.parsed.period,
            r.parsed.value.clone(),
            r.from
                .as_ref()
                .map_or_else(|| "this batch".to_string(), |f| f.name.clone()),
        ),
    };
    let span = |x: &Period| format!("{}..{}", x.start.format("%Y-%m-%d"), x.end.format("%Y-%m-%d"));
    let message = match &row.from {
        Some(from) => format!(
            "{} gives {what}, whose period overlaps the value for {q} at {place}",
            from.name
        ),
        None => format!("{what} overlaps the value for {q} at {place}"),
    };
    let fw_name = fw
        .dir
        .file_name()
        .map_or_else(|| fw.project.id.clone(), |n| n.to_string_lossy().into_owned());
    let id = &fw.indicators[row.parsed.indicator as usize].id;
    let dims: String = row
        .parsed
        .dims
        .describe(fw)
        .split(", ")
        .filter(|d| *d != "total")
        .map(|d| format!(" --dim {d}"))
        .collect();
    // Located at the new row; for `record`, at the row it overlaps.
    let at = row.span(sources).or(match other {
        Other::Ledger(e) => Some(line_span(sources, e.origin)),
        Other::Batch(_) => None,
    });
    Diagnostic::error(message)
        .at_opt(at)
        .expected("one value per period: periods of one indicator and breakdown that do not overlap, or the same period again to correct it")
        .found(format!(
            "{p} ({}) and {q} ({}, value {})",
            span(&p),
            span(&q),
            crate::format::value(&value)
        ))
        .hint(format!(
            "both would be counted; correct the value by recording it again for {q}, \
             or withdraw it first: logframe void {fw_name} {id} --period {q}{dims} --reason \"...\""
        ))
}
