//! Values that would be counted twice: a row whose period overlaps,
//! without being the same, the period of a value in force for the same
//! indicator and breakdown (a day inside a quarter, a quarter inside a
//! half-year), or of another row of the same batch. Such a row is refused
//! for the whole batch, naming both places; recording the same period again
//! stays a correction, even where an older ledger holds an overlap already.
//! (Before this rule, `status` added both values.)

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

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
    let mut by_group: HashMap<(u32, DimKey), Spans<Entry>> = HashMap::new();
    for e in in_force.values() {
        by_group
            .entry((e.indicator, e.dims))
            .or_default()
            .items
            .push((e.period, e.clone()));
    }
    for spans in by_group.values_mut() {
        spans.index();
    }
    let mut diags = Diagnostics::default();
    // The batch's rows so far that overlap nothing: they never overlap
    // each other, so their ends rise with their starts.
    let mut batch: HashMap<(u32, DimKey), BatchSpans> = HashMap::new();
    for row in rows.iter().filter(|r| checked(r)) {
        let group = (row.parsed.indicator, row.parsed.dims);
        let p = row.parsed.period;
        let span = (p.start, p.end);
        // A correction of a value in force (same dates) is never held back:
        // an overlap an older ledger holds stays as it was (status counts
        // one of the two and warns).
        if in_force.contains_key(&row.key()) {
            continue;
        }
        let other = by_group
            .get(&group)
            .and_then(|spans| spans.clash(p))
            .map(|e| Other::Ledger(e.clone()))
            .or_else(|| {
                batch.get(&group).and_then(|rs| {
                    rs.range(..=(p.end, NaiveDate::MAX))
                        .rev()
                        .take_while(|((_, end), _)| *end >= p.start)
                        .find(|(s, _)| **s != span)
                        .map(|(_, r)| Other::Batch(r))
                })
            });
        match other {
            Some(other) => diags.push(refusal(fw, sources, row, &other)),
            None => {
                batch.entry(group).or_default().insert(span, row);
            }
        }
    }
    diags
}

/// The rows of a batch that overlap nothing, by their dates.
type BatchSpans<'r> = BTreeMap<(NaiveDate, NaiveDate), &'r NewRow>;

/// Values by period, sorted by start, with the latest end so far: finds an
/// overlapping value without comparing every pair, even among values that
/// overlap each other already (an older ledger).
struct Spans<T> {
    items: Vec<(Period, T)>,
    max_end: Vec<NaiveDate>,
}

impl<T> Default for Spans<T> {
    fn default() -> Self {
        Spans {
            items: Vec::new(),
            max_end: Vec::new(),
        }
    }
}

impl<T> Spans<T> {
    fn index(&mut self) {
        self.items.sort_by_key(|(p, _)| (p.start, p.end));
        let mut max = NaiveDate::MIN;
        self.max_end = self
            .items
            .iter()
            .map(|(p, _)| {
                max = max.max(p.end);
                max
            })
            .collect();
    }

    /// A value whose period overlaps `p` without being the same dates.
    fn clash(&self, p: Period) -> Option<&T> {
        let until = self.items.partition_point(|(q, _)| q.start <= p.end);
        (0..until)
            .rev()
            .take_while(|&i| self.max_end[i] >= p.start)
            .map(|i| &self.items[i])
            .find(|(q, _)| q.end >= p.start && (q.start, q.end) != (p.start, p.end))
            .map(|(_, t)| t)
    }
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
    ledger
        .in_force_where(|i| groups.contains(&(ledger.indicator(i), ledger.dims(i))))
        .into_values()
        .map(|i| ledger.entry(i))
        .filter(|e| e.review.gives_value())
        .map(|e| (e.key(), e))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn span(a: &str, b: &str) -> Period {
        Period::days(day(a), day(b))
    }

    /// Values that overlap each other already (a year and its second
    /// quarter in an older ledger) are still all found.
    #[test]
    fn spans_find_an_overlap_among_values_that_overlap_already() {
        let mut s: Spans<&str> = Spans::default();
        for (p, name) in [
            (span("2022-01-01", "2022-12-31"), "2022"),
            (span("2022-04-01", "2022-06-30"), "2022-Q2"),
            (span("2023-01-01", "2023-03-31"), "2023-Q1"),
        ] {
            s.items.push((p, name));
        }
        s.index();
        // The day 2022-11-30 lies only in the year, which starts first.
        assert_eq!(s.clash(span("2022-11-30", "2022-11-30")), Some(&"2022"));
        // 2022-H1 overlaps the year and Q2: one of them is named.
        assert!(s.clash(span("2022-01-01", "2022-06-30")).is_some());
        // The same dates are a correction, not a clash; 2023-Q2 touches nothing.
        assert_eq!(s.clash(span("2023-01-01", "2023-03-31")), None);
        assert_eq!(s.clash(span("2023-04-01", "2023-06-30")), None);
        // A range across the year's end overlaps both years' values.
        assert!(s.clash(span("2022-12-15", "2023-01-15")).is_some());
    }
}
