//! What a batch of rows does to the ledger ([`Outcome`]): new values,
//! corrections, rows that change nothing (what makes a second import of
//! the same file a no-op), and rows dated before the value in force
//! ([`Kept`]: written as history, not in force).

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashSet;

use super::new_row::NewRow;
use crate::ledger::row::{Review, timestamp_text};
use crate::ledger::{Entry, Key, Ledger, origin_text};
use crate::model::Framework;
use crate::source::Sources;

/// A row that was written but does not come into force: a row already in
/// the ledger has a later `recorded_at` and stays in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Indicator, period and breakdown.
    pub what: String,
    pub value: String,
    pub in_force_value: String,
    pub in_force_by: String,
    pub in_force_at: String,
    /// `file:line` of the row in force.
    pub in_force_at_place: String,
}

/// One row written, as `record` and `import` echo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Indicator, period and breakdown.
    pub what: String,
    /// The value in force before (none for a new value).
    pub old: Option<String>,
    /// The value written (for a withdrawal, the value withdrawn).
    pub new: String,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A value in force from now on (new or a correction).
    InForce,
    /// A value waiting for review.
    Waiting,
    /// A withdrawal.
    Void,
}

/// What a write did (or, with `dry_run`, would do).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    pub corrections: usize,
    pub unchanged: usize,
    /// Rows dated before the value in force for their key: history only.
    pub older: usize,
    /// The same rows, each with the row that stays in force.
    pub kept: Vec<Kept>,
    /// Of the rows written: values waiting for review (also counted as new
    /// or corrections), and decisions on such values.
    pub pending: usize,
    pub approved: usize,
    pub rejected: usize,
    /// Values withdrawn (`logframe void`).
    pub voided: usize,
    /// The rows written that change a value, in order (rows kept as
    /// history are in `kept`; decisions are counted only).
    pub changes: Vec<Change>,
}

/// Sort rows into unchanged, corrections, new values and rows that will
/// not be in force; return the outcome and the rows to write. New rows go
/// to the end of `path` (ledger.csv).
pub(super) fn classify(
    fw: &Framework,
    ledger: &Ledger,
    sources: &Sources,
    path: &Path,
    rows: Vec<NewRow>,
) -> (Outcome, Vec<NewRow>) {
    // Only the keys being written matter: their value in force (as
    // `Ledger::current` would find it) and their dated rows, without
    // sorting the whole ledger.
    let keys: FxHashSet<Key> = rows.iter().map(NewRow::key).collect();
    let current: HashMap<Key, Entry> = ledger
        .in_force_where(|i| keys.contains(&ledger.key(i)))
        .into_iter()
        .map(|(k, i)| (k, ledger.entry(i)))
        .collect();
    let mut dated: HashMap<(Key, DateTime<Utc>), Vec<Entry>> = HashMap::new();
    let mut of_keys: Vec<u32> = Vec::new();
    for i in 0..ledger.len() as u32 {
        let key = ledger.key(i);
        if !keys.contains(&key) {
            continue;
        }
        let e = ledger.entry(i);
        of_keys.push(i);
        if let Some(at) = e.recorded_at {
            dated.entry((key, at)).or_default().push(e);
        }
    }
    // The values of those keys waiting for review.
    of_keys.sort_by_key(|&i| (ledger.key(i), ledger.recorded_at(i), i));
    let waiting: HashMap<Key, Entry> = ledger
        .pending_in(&of_keys)
        .into_iter()
        .map(|i| ledger.entry(i))
        .map(|e| (e.key(), e))
        .collect();
    // A withdrawal in force gives no value: recording the withdrawn value
    // again brings it back, it is not "unchanged".
    let same = |e: &Entry, row: &NewRow| {
        e.review.gives_value() && e.value == row.parsed.value && ledger.str(e.comment).unwrap_or("") == row.comment
    };
    // Rows carrying their own recorded_at (an export of another ledger, a
    // back-fill) are known already when the same row, at the same time, is
    // in the ledger: importing them again changes nothing.
    let known = |row: &NewRow| {
        row.parsed.recorded_at.is_some()
            && dated
                .get(&(row.key(), row.at))
                .is_some_and(|es| es.iter().any(|e| same(e, row)))
    };
    // Whether the row in force stays in force over the new row: later, or
    // as late and read after it (from a file named after ledger.csv; ties
    // with another value there are refused before this).
    let outranks = |e: &Entry, row: &NewRow| {
        e.recorded_at > Some(row.at)
            || (e.recorded_at == Some(row.at) && sources.get(e.origin.file).path.as_path() > path)
    };
    let mut outcome = Outcome::default();
    let mut fresh = Vec::new();
    for row in rows {
        // A value already waiting for review, sent again (a form submitted
        // twice, a retried API call), changes nothing either.
        let queued = row.review == Review::Pending && waiting.get(&row.key()).is_some_and(|e| same(e, &row));
        if row.review == Review::Pending
            && !known(&row)
            && !queued
            && current.get(&row.key()).is_none_or(|e| !same(e, &row))
        {
            outcome.pending += 1;
        }
        let old = current
            .get(&row.key())
            .filter(|e| e.review.gives_value())
            .map(|e| crate::format::value(&e.value));
        let change = |kind| Change {
            what: describe(fw, &row),
            old: old.clone(),
            new: crate::format::value(&row.parsed.value),
            kind,
        };
        let kind = match row.review {
            Review::Void => Some(ChangeKind::Void),
            Review::Pending => Some(ChangeKind::Waiting),
            Review::None => Some(ChangeKind::InForce),
            Review::Approved | Review::Rejected => None,
        };
        let outranked = current
            .get(&row.key())
            .is_some_and(|e| outranks(e, &row) && !same(e, &row));
        if let Some(kind) = kind
            && !known(&row)
            && !queued
            && !outranked
            && current
                .get(&row.key())
                .is_none_or(|e| !same(e, &row) || kind == ChangeKind::Void)
        {
            outcome.changes.push(change(kind));
        }
        match current.get(&row.key()) {
            _ if known(&row) || queued => outcome.unchanged += 1,
            // A withdrawal is always written (the value it copies is the
            // one in force).
            _ if row.review == Review::Void => {
                outcome.voided += 1;
                fresh.push(row);
            }
            // A decision is always written: it takes its pending row out
            // of the queue even when the value in force already equals it.
            _ if matches!(row.review, Review::Approved | Review::Rejected) => {
                if row.review == Review::Approved {
                    outcome.approved += 1;
                } else {
                    outcome.rejected += 1;
                }
                fresh.push(row);
            }
            Some(e) if same(e, &row) => outcome.unchanged += 1,
            Some(e) if outranks(e, &row) => {
                outcome.older += 1;
                outcome.kept.push(kept(fw, ledger, sources, e, &row));
                fresh.push(row);
            }
            // After a withdrawal the key has no value: a new one.
            Some(e) if !e.review.gives_value() => {
                outcome.added += 1;
                fresh.push(row);
            }
            Some(_) => {
                outcome.corrections += 1;
                fresh.push(row);
            }
            None => {
                outcome.added += 1;
                fresh.push(row);
            }
        }
    }
    (outcome, fresh)
}

pub(super) fn kept(fw: &Framework, ledger: &Ledger, sources: &Sources, in_force: &Entry, row: &NewRow) -> Kept {
    Kept {
        what: describe(fw, row),
        value: crate::format::value(&row.parsed.value),
        in_force_value: crate::format::value(&in_force.value),
        in_force_by: ledger.str(in_force.recorded_by).unwrap_or("unknown").to_string(),
        in_force_at: in_force.recorded_at.map(timestamp_text).unwrap_or_default(),
        in_force_at_place: origin_text(sources, in_force.origin),
    }
}

/// "1100.1 2023-Q4 (total)".
pub(super) fn describe(fw: &Framework, row: &NewRow) -> String {
    let p = &row.parsed;
    format!(
        "{} {} ({})",
        fw.indicators[p.indicator as usize].id,
        p.period,
        p.dims.describe(fw)
    )
}
