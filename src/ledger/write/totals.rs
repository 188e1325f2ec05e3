//! A total that disagrees with its parts (issue 17): a coordinator's total
//! row of 0 for 1111.2 hid the 22 practitioners Guatemala's officer had
//! recorded (reports use the total), and only `status` said so, later.
//!
//! After the batch is applied, every coarser value of an indicator and
//! period (the total, or a breakdown by fewer dimensions) is compared, cell
//! by cell, with each finer breakdown recorded under it (the total with the
//! sum of the countries; `women` with `women` x each country), adding as
//! `compute::series` does: counts add, percentages add numerator and
//! denominator; yes/no and text values are not compared. Only comparisons
//! that a row of the batch takes part in are made.
//!
//! - A total written over parts that **other people recorded first**
//!   (their `recorded_by` is known and differs from the writer's, and they
//!   are dated before the total) is refused, for the whole batch, naming
//!   the parts, their sum and who recorded each; `--replace` says the
//!   writer knows better and lets it through as a warning.
//! - A total written over one's own parts (or parts of no known recorder,
//!   or parts of the same batch) is a warning shown with the rows written.
//! - Parts written under a total someone already recorded are a warning
//!   naming the total and its recorder, never a refusal: officers log their
//!   country's figures after a coordinator's provisional total all the time.
//!
//! The sum itself is `compute`'s (arithmetic on figures lives there): the
//! caller hands its `add` in ([`Add`]).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use rustc_hash::FxHashSet;

use super::new_row::{NewRow, line_span};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{Review, timestamp_text};
use crate::ledger::{DimKey, Key, Ledger, Origin, origin_text};
use crate::model::{Framework, MAX_DIMENSIONS, Period, Value};
use crate::source::{FileId, Sources};

/// How two values of one indicator add up (`compute::sum::add`).
pub(crate) type Add = fn(&Value, &Value) -> Value;

/// At most this many parts are listed one by one in a diagnostic.
const MAX_TERMS: usize = 12;

/// What the comparison found: refusals, and warnings that come with the
/// rows written.
#[derive(Default)]
pub(super) struct Found {
    pub errors: Diagnostics,
    pub warnings: Diagnostics,
}

/// Where a value in force after the write comes from.
#[derive(Debug, Clone, Copy)]
enum Source {
    Ledger(Origin),
    /// The index of the row in the batch.
    Batch(usize),
}

/// A value in force once the batch is written.
#[derive(Debug, Clone)]
struct Held {
    dims: DimKey,
    value: Value,
    by: String,
    at: Option<DateTime<Utc>>,
    source: Source,
}

impl Held {
    fn batch(&self) -> Option<usize> {
        match self.source {
            Source::Batch(n) => Some(n),
            Source::Ledger(_) => None,
        }
    }
}

type Group = (u32, NaiveDate, NaiveDate);

/// Compare the totals and parts the batch touches; see the module docs.
pub(super) fn disagreeing(fw: &Framework, ledger: &Ledger, sources: &Sources, rows: &[NewRow], add: Add) -> Found {
    let adds = |v: &Value| matches!(v, Value::Number { .. } | Value::Ratio { .. });
    let group_of = |k: Key| (k.indicator, k.start, k.end);
    let groups: FxHashSet<Group> = rows
        .iter()
        .filter(|r| r.review == Review::None && adds(&r.parsed.value))
        .map(|r| group_of(r.key()))
        .collect();
    if groups.is_empty() {
        return Found::default();
    }
    let indicators: FxHashSet<u32> = groups.iter().map(|g| g.0).collect();
    // The values in force before the write (as `Ledger::current` finds
    // them: the latest recorded_at that counts, then the last read).
    let mut periods: HashMap<Group, Period> = HashMap::new();
    let mut before: HashMap<Key, (Held, bool)> = HashMap::new();
    let in_force = ledger
        .in_force_where(|i| indicators.contains(&ledger.indicator(i)) && groups.contains(&group_of(ledger.key(i))));
    for (key, i) in in_force {
        let e = ledger.entry(i);
        periods.insert(group_of(key), e.period);
        let held = Held {
            dims: key.dims,
            value: e.value,
            by: ledger.str(e.recorded_by).unwrap_or("").trim().to_string(),
            at: e.recorded_at,
            source: Source::Ledger(e.origin),
        };
        before.insert(key, (held, e.review.gives_value()));
    }
    let mut after: HashMap<Key, Held> = before
        .into_iter()
        .filter(|(_, (_, gives))| *gives)
        .map(|(k, (h, _))| (k, h))
        .collect();
    // The batch applied: a value comes into force unless a later one is
    // in force already; a withdrawal takes its key's value away. A row
    // that keeps the value in force changes no sum.
    for (n, row) in rows.iter().enumerate() {
        let key = row.key();
        if !groups.contains(&group_of(key)) {
            continue;
        }
        periods.insert(group_of(key), row.parsed.period);
        match row.review {
            Review::None => {
                if after
                    .get(&key)
                    .is_some_and(|h| h.at > Some(row.at) || h.value == row.parsed.value)
                {
                    continue;
                }
                after.insert(
                    key,
                    Held {
                        dims: key.dims,
                        value: row.parsed.value.clone(),
                        by: row.recorded_by.trim().to_string(),
                        at: Some(row.at),
                        source: Source::Batch(n),
                    },
                );
            }
            Review::Void => {
                after.remove(&key);
            }
            _ => {}
        }
    }
    let mut by_group: BTreeMap<Group, Vec<Held>> = BTreeMap::new();
    for (key, held) in after {
        by_group.entry(group_of(key)).or_default().push(held);
    }
    let mut found = Found::default();
    for (group, mut values) in by_group {
        values.sort_by_key(|h| h.dims);
        let at = Place {
            fw,
            sources,
            rows,
            indicator: group.0,
            period: periods[&group],
        };
        compare_group(&at, &values, add, &mut found);
    }
    found
}

/// What a diagnostic needs to name values.
struct Place<'a> {
    fw: &'a Framework,
    sources: &'a Sources,
    rows: &'a [NewRow],
    indicator: u32,
    period: Period,
}

/// Every coarser value of one indicator and period against each finer
/// breakdown under it, where a row of the batch takes part.
fn compare_group(at: &Place, values: &[Held], add: Add, found: &mut Found) {
    let mut shapes: Vec<u8> = values.iter().map(|h| h.dims.shape()).collect();
    shapes.sort_unstable();
    shapes.dedup();
    for &s in &shapes {
        for &t in shapes.iter().filter(|&&t| t != s && t & s == s) {
            // The parts of shape `t`, by the coarser value they lie under
            // (their dimensions of `s`): one pass, however many values.
            let mut under: HashMap<DimKey, Vec<&Held>> = HashMap::new();
            for p in values.iter().filter(|p| p.dims.shape() == t) {
                under.entry(project(p.dims, s)).or_default().push(p);
            }
            for total in values.iter().filter(|h| h.dims.shape() == s) {
                let Some(parts) = under.get(&total.dims) else { continue };
                compare(at, total, parts, t & !s, add, found);
            }
        }
    }
}

/// One coarser value against the finer parts under it (`finer`: the
/// dimensions they add).
fn compare(at: &Place, total: &Held, parts: &[&Held], finer: u8, add: Add, found: &mut Found) {
    let touched = total.batch().is_some() || parts.iter().any(|p| p.batch().is_some());
    let Some(first) = parts.first() else { return };
    if !touched {
        return;
    }
    let sum = parts[1..]
        .iter()
        .fold(first.value.clone(), |acc, p| add(&acc, &p.value));
    if sum == total.value {
        return;
    }
    let d = Disagreement {
        total,
        parts,
        sum: &sum,
        finer,
    };
    let Some(n) = total.batch() else {
        found.warnings.push(d.parts_warning(at));
        return;
    };
    let row = &at.rows[n];
    // Parts other people recorded before the total: known recorders
    // other than the writer, dated earlier (or undated).
    let others: Vec<&Held> = parts
        .iter()
        .copied()
        .filter(|p| {
            p.batch().is_none()
                && !p.by.is_empty()
                && p.by != "unknown"
                && p.by != total.by
                && p.at.is_none_or(|a| a < row.at)
        })
        .collect();
    if others.is_empty() || row.replace {
        found.warnings.push(d.total_warning(at, row));
    } else {
        found.errors.push(d.refusal(at, row, &others));
    }
}

/// `dims` with only the dimensions of `shape` kept (the others total).
fn project(dims: DimKey, shape: u8) -> DimKey {
    let mut out = DimKey::TOTAL;
    for d in (0..MAX_DIMENSIONS).filter(|d| shape & (1 << d) != 0) {
        out.0[d] = dims.0[d];
    }
    out
}

/// A coarser value and the finer breakdown under it that does not add up
/// to it.
struct Disagreement<'a> {
    total: &'a Held,
    parts: &'a [&'a Held],
    sum: &'a Value,
    /// The dimensions the parts add.
    finer: u8,
}

impl Disagreement<'_> {
    /// "country", "sex x country".
    fn by(&self, fw: &Framework) -> String {
        (0..fw.disaggregations.len())
            .filter(|d| self.finer & (1 << d) != 0)
            .map(|d| fw.disaggregations[d].name.as_str())
            .collect::<Vec<_>>()
            .join(" x ")
    }

    /// "22 + 18 = 40".
    fn addition(&self) -> String {
        let mut terms: Vec<String> = self
            .parts
            .iter()
            .take(MAX_TERMS)
            .map(|p| crate::format::value(&p.value))
            .collect();
        if self.parts.len() > MAX_TERMS {
            terms.push(format!("... ({} more)", self.parts.len() - MAX_TERMS));
        }
        format!("{} = {}", terms.join(" + "), crate::format::value(self.sum))
    }

    /// "GT = 22 (ana, line 2), HN = 18 (luis, line 3) in ledger.csv": the
    /// ledger's file named once when every part read from the ledger is
    /// in it; a part of the batch by its row ("line 4 of the import").
    fn parts_text(&self, at: &Place) -> String {
        let files: Vec<FileId> = self
            .parts
            .iter()
            .filter_map(|p| match p.source {
                Source::Ledger(o) => Some(o.file),
                Source::Batch(_) => None,
            })
            .collect();
        let one = files.first().copied().filter(|f| files.iter().all(|g| g == f));
        let mut out: Vec<String> = self
            .parts
            .iter()
            .take(MAX_TERMS)
            .map(|p| {
                let texts = p.dims.texts(at.fw);
                let label: Vec<&str> = (0..MAX_DIMENSIONS)
                    .filter(|d| self.finer & (1 << d) != 0)
                    .map(|d| texts[d])
                    .collect();
                let place = match p.source {
                    Source::Ledger(o) if Some(o.file) == one => format!("line {}", o.line),
                    _ => place(at, p),
                };
                format!(
                    "{} = {} ({}, {place})",
                    label.join(", "),
                    crate::format::value(&p.value),
                    who(&p.by)
                )
            })
            .collect();
        if self.parts.len() > MAX_TERMS {
            out.push(format!("and {} more", self.parts.len() - MAX_TERMS));
        }
        match one {
            Some(f) => format!("{} in {}", out.join(", "), at.sources.get(f).name),
            None => out.join(", "),
        }
    }

    /// The refusal of a total written over parts other people recorded
    /// first.
    fn refusal(&self, at: &Place, row: &NewRow, others: &[&Held]) -> Diagnostic {
        let what = describe(at, self.total.dims);
        let names = names(others);
        let by = self.by(at.fw);
        let sum = crate::format::value(self.sum);
        let total = crate::format::value(&self.total.value);
        let message = match &row.from {
            Some(from) => format!(
                "{} gives {what} = {total}, but the breakdown by {by} that {names} recorded adds up to {sum}",
                from.name
            ),
            None => format!(
                "{what} = {total} disagrees with the breakdown by {by} that {names} recorded, which adds up to {sum}"
            ),
        };
        let again = if row.from.is_some() { "import" } else { "record" };
        // Located at the total's row; for `record`, at the first part
        // someone else recorded.
        let span = row.span(at.sources).or_else(|| match others[0].source {
            Source::Ledger(o) => Some(line_span(at.sources, o)),
            Source::Batch(_) => None,
        });
        Diagnostic::error(message)
            .at_opt(span)
            .expected(format!("a total equal to its parts: {}", self.addition()))
            .found(format!(
                "{total} by {}, against {}",
                who(&self.total.by),
                self.parts_text(at)
            ))
            .hint(format!(
                "correct the total to {sum}, or leave the total out and let the parts add up; \
                 if the parts are wrong, check with {names}, then {again} again with --replace \
                 (the total then counts in reports, and `logframe status` warns until the parts agree)"
            ))
    }

    /// A total written over parts of one's own (or of no known recorder,
    /// or with --replace).
    fn total_warning(&self, at: &Place, row: &NewRow) -> Diagnostic {
        let what = describe(at, self.total.dims);
        let total = crate::format::value(&self.total.value);
        let head = match &row.from {
            Some(from) => format!("{} gives {what} = {total}", from.name),
            None => format!("{what} = {total}"),
        };
        Diagnostic::warning(format!(
            "{head}, but the breakdown by {} adds up to {}",
            self.by(at.fw),
            crate::format::value(self.sum)
        ))
        .at_opt(row.span(at.sources))
        .expected(format!("a total equal to its parts: {}", self.addition()))
        .found(format!("{total}, against {}", self.parts_text(at)))
        .hint("written; reports use the total, and `logframe status` warns until the total and the parts agree: correct one of them")
    }

    /// Parts written under a total already in the ledger.
    fn parts_warning(&self, at: &Place) -> Diagnostic {
        let what = describe(at, self.total.dims);
        let total = crate::format::value(&self.total.value);
        let sum = crate::format::value(self.sum);
        let first = self.parts.iter().find_map(|p| p.batch()).map(|n| &at.rows[n]);
        let when = self
            .total
            .at
            .map(timestamp_text)
            .unwrap_or_else(|| "an undated row".into());
        let recorded = format!(
            "{what} = {total}, recorded by {} ({when}, {})",
            who(&self.total.by),
            place(at, self.total)
        );
        let message = match first.and_then(|r| r.from.as_ref()) {
            Some(from) => format!(
                "{} makes the breakdown by {} add up to {sum}, not to {recorded}",
                from.name,
                self.by(at.fw)
            ),
            None => match first {
                Some(row) => format!(
                    "{} = {} makes the breakdown by {} add up to {sum}, not to {recorded}",
                    describe(at, row.parsed.dims),
                    crate::format::value(&row.parsed.value),
                    self.by(at.fw)
                ),
                None => format!(
                    "the breakdown by {} now adds up to {sum}, not to {recorded}",
                    self.by(at.fw)
                ),
            },
        };
        let span = first.and_then(|r| r.span(at.sources)).or(match self.total.source {
            Source::Ledger(o) => Some(line_span(at.sources, o)),
            Source::Batch(_) => None,
        });
        Diagnostic::warning(message)
            .at_opt(span)
            .expected(format!("parts that add up to the total, {total}"))
            .found(format!("{}: {}", self.addition(), self.parts_text(at)))
            .hint(format!(
                "written; reports use the total {total}: if it was provisional, ask {} to correct it to {sum} \
                 or to withdraw it (`logframe void`) so that the parts count",
                who(&self.total.by)
            ))
    }
}

/// "1111.2 2023-Q4 (total)", "1111.2 2023-Q4 (country=GT)".
fn describe(at: &Place, dims: DimKey) -> String {
    format!(
        "{} {} ({})",
        at.fw.indicators[at.indicator as usize].id,
        at.period,
        dims.describe(at.fw)
    )
}

fn who(by: &str) -> &str {
    if by.is_empty() { "unknown" } else { by }
}

/// "ana", "ana and luis", "ana, luis and marta": each once, in order.
fn names(values: &[&Held]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        if !seen.contains(&v.by.as_str()) {
            seen.push(&v.by);
        }
    }
    match seen.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

/// The ledger line of a value, or the batch row that gives it.
fn place(at: &Place, h: &Held) -> String {
    match h.source {
        Source::Ledger(o) => origin_text(at.sources, o),
        Source::Batch(n) => at.rows[n]
            .from
            .as_ref()
            .map_or_else(|| "this record".to_string(), |f| format!("{} of the import", f.name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::row::TOTAL;

    fn held(by: &str) -> Held {
        Held {
            dims: DimKey::TOTAL,
            value: Value::Flag { done: true },
            by: by.into(),
            at: None,
            source: Source::Batch(0),
        }
    }

    /// A part for women (sex 0) in GT (country 3) lies under GT and under
    /// the total, not under HN (country 4).
    #[test]
    fn a_part_lies_under_the_value_of_its_coarser_dimensions() {
        let mut part = DimKey::TOTAL;
        part.0[0] = 0;
        part.0[1] = 3;
        let country = 0b10;
        assert_eq!(project(part, country).0[..2], [TOTAL, 3]);
        assert_eq!(project(part, 0), DimKey::TOTAL);
        let mut hn = DimKey::TOTAL;
        hn.0[1] = 4;
        assert_ne!(project(part, country), hn);
    }

    #[test]
    fn recorders_are_named_once_each_in_order() {
        let (a, l, m) = (held("ana"), held("luis"), held("marta"));
        assert_eq!(names(&[&a]), "ana");
        assert_eq!(names(&[&a, &l, &a]), "ana and luis");
        assert_eq!(names(&[&a, &l, &m]), "ana, luis and marta");
    }
}
