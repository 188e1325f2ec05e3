//! Whose value is it, for a face that asks before it replaces: record
//! without replacing values someone else recorded and, when those are the
//! only refusals, say so with who recorded each value, when, and the old
//! and the new value, so that the face can ask for an explicit
//! confirmation (the web's entry form and its JSON API; the terminal has
//! `--replace`, issue 17).
//!
//! The refusals are told apart without reading their words: the same batch
//! checked again as a dry run that may replace passes exactly when every
//! refusal was a colleague's value.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::record::{self, Entry, Options};
use super::{Done, Failure};
use crate::ledger::write::Outcome;
use crate::ledger::{DimKey, Key, Ledger};
use crate::model::{Framework, Period, Value};

/// Why a batch recorded with [`record_asking`] wrote nothing.
#[derive(Debug)]
pub enum Refused {
    /// Only because it would replace values someone else recorded: with
    /// `replace` it would be written.
    Others(Failure),
    /// For any other reason (perhaps also for colleagues' values).
    Other(Failure),
}

/// [`record::record`], telling a refusal that only protects colleagues'
/// values ([`Refused::Others`]) from the others.
pub fn record_asking(fw: &Framework, entries: &[Entry], opts: &Options) -> Result<Done<Outcome>, Refused> {
    match record::record(fw, entries, opts) {
        Ok(done) => Ok(done),
        Err(f) if opts.replace => Err(Refused::Other(f)),
        Err(f) => {
            let again = Options {
                dry_run: true,
                replace: true,
                ..opts.clone()
            };
            match record::record(fw, entries, &again) {
                Ok(_) => Err(Refused::Others(f)),
                Err(_) => Err(Refused::Other(f)),
            }
        }
    }
}

/// A value in force that an entry would replace, recorded by someone else.
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    /// The index of the entry in the batch.
    pub entry: usize,
    /// Who recorded the value in force, and when.
    pub by: String,
    pub at: Option<DateTime<Utc>>,
    pub old: Value,
    pub new: Value,
}

/// The entries of a batch that would replace a value in force recorded by
/// someone other than `writer` (the ledger's rule: a recorder that is
/// known, not the writer, and a different value). Entries with errors are
/// left out (their errors come first).
pub fn others_values(fw: &Framework, ledger: &Ledger, entries: &[Entry], writer: &str) -> Vec<Replaced> {
    let parsed: Vec<(usize, crate::ledger::row::ParsedRow)> = entries
        .iter()
        .enumerate()
        .filter_map(|(n, e)| record::check(fw, e).ok().map(|p| (n, p)))
        .collect();
    let wanted: HashSet<(u32, DimKey, Period)> = parsed.iter().map(|(_, p)| (p.indicator, p.dims, p.period)).collect();
    let in_force = ledger.in_force_where(|i| wanted.contains(&(ledger.indicator(i), ledger.dims(i), ledger.period(i))));
    let writer = writer.trim();
    parsed
        .into_iter()
        .filter_map(|(n, p)| {
            let key = Key {
                indicator: p.indicator,
                end: p.period.end,
                start: p.period.start,
                dims: p.dims,
            };
            let e = ledger.entry(*in_force.get(&key)?);
            let by = ledger.str(e.recorded_by).unwrap_or("").trim();
            let theirs = !by.is_empty() && by != "unknown" && by != writer;
            (e.review.gives_value() && theirs && e.value != p.value).then(|| Replaced {
                entry: n,
                by: by.to_string(),
                at: e.recorded_at,
                old: e.value.clone(),
                new: p.value,
            })
        })
        .collect()
}
