//! From ledger rows to one figure per indicator and measured period.
//!
//! Disaggregated rows are combined here, once: the total of a period is its
//! total row when there is one, else the sum of its finest breakdown. Every
//! other breakdown recorded for the same period must add up to that total;
//! when it does not, the finding states both figures.

use std::collections::BTreeMap;

use super::sum::Sum;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::Ledger;
use crate::model::{Framework, Period, Value};
use crate::source::{Sources, Span};

/// One measured period of one indicator.
#[derive(Debug, Clone)]
pub struct Point {
    pub period: Period,
    pub value: Value,
    /// Ledger rows (indexes) that make up the value.
    pub rows: Vec<u32>,
    /// How the total was obtained.
    pub from_parts: bool,
}

/// Points of each indicator, sorted by period.
#[derive(Debug, Default)]
pub struct Series {
    pub by_indicator: Vec<Vec<Point>>,
}

fn show(v: &Value) -> String {
    match v {
        Value::Number { value } => value.normalize().to_string(),
        Value::Ratio { numerator, denominator } => format!("{}/{}", numerator.normalize(), denominator.normalize()),
        Value::Flag { done } => if *done { "yes" } else { "no" }.into(),
        Value::Text { text, .. } => text.to_string(),
    }
}

impl Series {
    /// Build from the rows in force (`current`, sorted by key).
    pub fn build(fw: &Framework, ledger: &Ledger, current: &[u32], sources: &Sources) -> (Series, Diagnostics) {
        // The indicators are independent: a large ledger's rows, cut in two
        // between indicators, are combined on two threads; the findings
        // stay in the order of the rows.
        let (a, b) = current.split_at(ledger.indicator_cut(current));
        if a.is_empty() || b.is_empty() {
            let (series, mut diags, overlaps) = Series::build_part(fw, ledger, current, sources);
            diags.extend(overlaps);
            return (series, diags);
        }
        let ((mut first, mut diags, overlaps), (second, more, more_overlaps)) = std::thread::scope(|s| {
            let first = s.spawn(|| Series::build_part(fw, ledger, a, sources));
            let second = Series::build_part(fw, ledger, b, sources);
            (first.join().expect("the first half is combined"), second)
        });
        for (points, more) in first.by_indicator.iter_mut().zip(second.by_indicator) {
            if points.is_empty() {
                *points = more;
            }
        }
        // As one pass gives them: every row's findings, then the overlaps
        // by indicator (the first half's indicators come first).
        diags.extend(more);
        diags.extend(overlaps);
        diags.extend(more_overlaps);
        (first, diags)
    }

    /// The points of the indicators of `current`, the findings on
    /// combining rows, and those on overlapping periods.
    fn build_part(
        fw: &Framework,
        ledger: &Ledger,
        current: &[u32],
        sources: &Sources,
    ) -> (Series, Diagnostics, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut overlaps = Diagnostics::default();
        let mut by_indicator: Vec<Vec<Point>> = vec![Vec::new(); fw.indicators.len()];
        let mut i = 0;
        while i < current.len() {
            let mut j = i + 1;
            while j < current.len() && ledger.same_indicator_period(current[i], current[j]) {
                j += 1;
            }
            let group = &current[i..j];
            let point = combine(fw, ledger, group, sources, &mut diags);
            by_indicator[ledger.indicator(current[i]) as usize].push(point);
            i = j;
        }
        for (i, points) in by_indicator.iter_mut().enumerate() {
            let (kept, found) = without_overlaps(&fw.indicators[i], ledger, std::mem::take(points), sources);
            *points = kept;
            overlaps.extend(found);
        }
        (Series { by_indicator }, diags, overlaps)
    }
}

/// Values of one indicator whose periods overlap (a day inside a quarter,
/// a quarter inside a fiscal year) are never both counted: of the two, the
/// longer period counts (it holds the other), and of two as long the one
/// that starts first; the other is left out, with a warning naming both.
/// Recording and importing refuse such values; older ledgers may hold them.
fn without_overlaps(
    ind: &crate::model::Indicator,
    ledger: &Ledger,
    points: Vec<Point>,
    sources: &Sources,
) -> (Vec<Point>, Diagnostics) {
    let mut left_out: Vec<(Period, Diagnostic)> = Vec::new();
    let mut order: Vec<Point> = points;
    order.sort_by_key(|p| (std::cmp::Reverse(p.period.end - p.period.start), p.period.start));
    let mut kept: Vec<Point> = Vec::with_capacity(order.len());
    for p in order {
        let Some(w) = kept.iter().find(|k| k.period.overlaps(&p.period)) else {
            kept.push(p);
            continue;
        };
        let at = ledger.entry(p.rows[0]).origin;
        let f = sources.get(at.file);
        let start = f.offset_of(at.line as usize, 1);
        let found = format!(
            "{} ({} .. {}) within {} ({} .. {})",
            p.period, p.period.start, p.period.end, w.period, w.period.start, w.period.end
        );
        left_out.push((
            p.period,
            Diagnostic::warning(format!(
                "indicator {}: values for {} and {} overlap; only {} is counted",
                ind.id, w.period, p.period, w.period
            ))
            .at(Span::new(at.file, start, start + f.line_text(at.line as usize).len()))
            .expected("values for periods that do not overlap (e.g. quarters only)")
            .found(found)
            .hint(format!(
                "the longer period counts; correct the value of {} or withdraw one of them (`logframe void`)",
                w.period
            )),
        ));
    }
    kept.sort_by_key(|p| p.period);
    // In the order of the periods left out, whatever the order of lengths.
    left_out.sort_by_key(|(p, _)| *p);
    (kept, Diagnostics(left_out.into_iter().map(|(_, d)| d).collect()))
}

/// The rows of one indicator and period -> one point.
fn combine(fw: &Framework, ledger: &Ledger, group: &[u32], sources: &Sources, diags: &mut Diagnostics) -> Point {
    let entry = |i: u32| ledger.entry(i);
    let first = entry(group[0]);
    let period = first.period;
    if group.len() == 1 {
        return Point {
            period,
            value: first.value.clone(),
            rows: group.to_vec(),
            from_parts: !first.dims.is_total(),
        };
    }
    // Most groups hold one shape of breakdown (every row the same set of
    // dimensions): their sum is the point, with nothing to compare.
    let shape = ledger.shape(group[0]);
    if group[1..].iter().all(|&i| ledger.shape(i) == shape) {
        let mut sum = Sum::of(ledger, group[0]);
        for &i in &group[1..] {
            sum.add(ledger, i);
        }
        return Point {
            period,
            value: sum.value(),
            rows: group.to_vec(),
            from_parts: shape != 0,
        };
    }
    // Sum each shape of breakdown (set of dimensions given), in the order
    // of the rows. A group holds few shapes: a short list, then a map.
    let mut sums: Vec<(u8, Sum, Vec<u32>, usize)> = Vec::new();
    for &i in group {
        let dims = ledger.dims(i);
        let s = dims.shape();
        match sums.iter_mut().find(|(shape, ..)| *shape == s) {
            Some((_, sum, rows, _)) => {
                sum.add(ledger, i);
                rows.push(i);
            }
            None => sums.push((s, Sum::of(ledger, i), vec![i], dims.depth())),
        }
    }
    let shapes: BTreeMap<u8, (Value, Vec<u32>, usize)> = sums
        .into_iter()
        .map(|(s, sum, rows, depth)| (s, (sum.value(), rows, depth)))
        .collect();
    let (total_shape, from_parts) = match shapes.contains_key(&0) {
        true => (0u8, false),
        false => {
            let finest = shapes
                .iter()
                .max_by_key(|(s, (_, _, depth))| (*depth, std::cmp::Reverse(**s)))
                .map(|(s, _)| *s)
                .expect("non-empty");
            (finest, true)
        }
    };
    let (total, rows, _) = shapes[&total_shape].clone();
    let ind = &fw.indicators[first.indicator as usize];
    for (shape, (sum, parts, _)) in &shapes {
        if *shape == total_shape || matches!(total, Value::Text { .. } | Value::Flag { .. }) || *sum == total {
            continue;
        }
        let dims: Vec<&str> = (0..fw.disaggregations.len())
            .filter(|d| shape & (1 << d) != 0)
            .map(|d| fw.disaggregations[d].name.as_str())
            .collect();
        let terms: Vec<String> = parts.iter().map(|&i| show(&entry(i).value)).collect();
        let at = entry(rows[0]).origin;
        let f = sources.get(at.file);
        let start = f.offset_of(at.line as usize, 1);
        diags.push(
            Diagnostic::warning(format!(
                "indicator {} {period}: the breakdown by {} does not add up to the {}",
                ind.id,
                dims.join(" x "),
                if from_parts { "finer breakdown" } else { "total" }
            ))
            .at(Span::new(at.file, start, start + f.line_text(at.line as usize).len()))
            .expected(format!("{} = {}", show(&total), terms.join(" + ")))
            .found(format!("{} != {} = {}", show(&total), terms.join(" + "), show(sum)))
            .hint("correct the total or the parts; reports use the total"),
        );
    }
    let mut all_rows = rows;
    for (shape, (_, parts, _)) in &shapes {
        if *shape != total_shape {
            all_rows.extend(parts);
        }
    }
    Point {
        period,
        value: total,
        rows: all_rows,
        from_parts,
    }
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;
