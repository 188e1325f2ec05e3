//! The rows refused before anything is written, for the whole batch: a
//! `recorded_at` in the future (it would outrank every later correction)
//! or a tie with another value of the same key in another file (nothing
//! would say which one is in force).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::classify::describe;
use super::new_row::NewRow;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{is_future, timestamp_text};
use crate::ledger::{Entry, Key, Ledger, origin_text};
use crate::model::Framework;
use crate::source::{FileId, Sources};

/// Rows whose `recorded_at` lies in the future (beyond the allowed clock
/// skew): once written, such a row would stay in force against every
/// correction until its time came.
pub(super) fn future_rows(rows: &[NewRow], sources: &Sources, now: DateTime<Utc>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let future = rows.iter().filter(|r| is_future(r.at, now));
    // Rows stamped with LOGFRAME_NOW share one cause: say it once.
    let (own, stamped): (Vec<&NewRow>, Vec<&NewRow>) = future.partition(|r| r.parsed.recorded_at.is_some());
    let stamped = stamped.first().map(|row| {
        Diagnostic::error("LOGFRAME_NOW is in the future")
            .hint("unset LOGFRAME_NOW to stamp rows with the clock, or set it to a past time")
            .found(timestamp_text(row.at))
    });
    let own = own.into_iter().map(|row| {
        let name = row.from.as_ref().map_or("a row", |f| f.name.as_str());
        Diagnostic::error(format!("{name} has a recorded_at in the future"))
            .at_opt(row.span(sources))
            .hint("a future recorded_at would outrank every later correction; give the time the value was recorded")
            .found(timestamp_text(row.at))
    });
    let latest = timestamp_text(now + crate::ledger::row::CLOCK_SKEW);
    for d in stamped.into_iter().chain(own) {
        diags.push(d.expected(format!("a time no later than {latest}")));
    }
    diags
}

/// Rows whose `recorded_at` equals that of another value for the same key
/// in a ledger file other than `ledger.csv`: the ledger would then hold
/// two values with nothing to say which one is in force, and every command
/// would refuse it. (Within `ledger.csv` the later row wins, as `load`
/// reads it, so a tie there is a correction.)
pub(super) fn ties(
    fw: &Framework,
    ledger: &Ledger,
    sources: &Sources,
    file: Option<FileId>,
    rows: &[NewRow],
) -> Diagnostics {
    let keys: rustc_hash::FxHashSet<Key> = rows.iter().map(NewRow::key).collect();
    let mut dated: HashMap<(Key, DateTime<Utc>), Vec<Entry>> = HashMap::new();
    for e in ledger
        .entries()
        .filter(|e| Some(e.origin.file) != file && keys.contains(&e.key()))
    {
        if let Some(at) = e.recorded_at {
            dated.entry((e.key(), at)).or_default().push(e);
        }
    }
    let mut diags = Diagnostics::default();
    for row in rows {
        let Some(other) = dated
            .get(&(row.key(), row.at))
            .and_then(|es| es.iter().find(|e| e.value != row.parsed.value))
        else {
            continue;
        };
        let what = describe(fw, row);
        let place = origin_text(sources, other.origin);
        let d = match &row.from {
            Some(from) => Diagnostic::error(format!(
                "{} gives {what} another value with the same recorded_at as {place}",
                from.name
            ))
            .at_opt(row.span(sources))
            .hint(if row.parsed.recorded_at.is_some() {
                "give the row a later recorded_at if it corrects the ledger, or remove it"
            } else {
                "the row is stamped with LOGFRAME_NOW: unset it, or set it to a later time"
            }),
            None => Diagnostic::error(format!(
                "LOGFRAME_NOW equals the recorded_at of {place}, which holds another value for {what}"
            ))
            .hint("unset LOGFRAME_NOW, or set it to a later time"),
        };
        diags.push(
            d.expected("a recorded_at that no other value of this key has")
                .found(format!(
                    "{} at {}, and {} at {place}",
                    crate::format::value(&row.parsed.value),
                    timestamp_text(row.at),
                    crate::format::value(&other.value)
                )),
        );
    }
    diags
}
