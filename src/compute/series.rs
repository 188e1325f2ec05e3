//! From ledger rows to one figure per indicator and measured period.
//!
//! Disaggregated rows are combined here, once: the total of a period is its
//! total row when there is one, else the sum of its finest breakdown. Every
//! other breakdown recorded for the same period must add up to that total;
//! when it does not, the finding states both figures.

use std::collections::BTreeMap;

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

/// Add values of one kind: numbers and ratios add, flags are done if any
/// part is, texts cannot be added (the first is kept).
pub fn add(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Number { value: x }, Value::Number { value: y }) => Value::Number { value: x + y },
        (
            Value::Ratio {
                numerator: n1,
                denominator: d1,
            },
            Value::Ratio {
                numerator: n2,
                denominator: d2,
            },
        ) => Value::Ratio {
            numerator: n1 + n2,
            denominator: d1 + d2,
        },
        (Value::Flag { done: x }, Value::Flag { done: y }) => Value::Flag { done: *x || *y },
        _ => a.clone(),
    }
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
        let mut diags = Diagnostics::default();
        let mut by_indicator: Vec<Vec<Point>> = vec![Vec::new(); fw.indicators.len()];
        let mut i = 0;
        while i < current.len() {
            let first = (ledger.indicator(current[i]), ledger.period(current[i]));
            let mut j = i;
            while j < current.len() && (ledger.indicator(current[j]), ledger.period(current[j])) == first {
                j += 1;
            }
            let group = &current[i..j];
            let point = combine(fw, ledger, group, sources, &mut diags);
            by_indicator[first.0 as usize].push(point);
            i = j;
        }
        for (i, points) in by_indicator.iter_mut().enumerate() {
            points.sort_by_key(|p| p.period);
            let ind = &fw.indicators[i];
            if ind.cumulative || ind.aggregate == crate::model::Aggregate::Sum {
                diags.extend(overlaps(ind, ledger, points, sources));
            }
        }
        (Series { by_indicator }, diags)
    }
}

/// Values of one indicator whose periods overlap (a fiscal year and one of
/// its quarters) are both added into sums and running totals: say so.
fn overlaps(ind: &crate::model::Indicator, ledger: &Ledger, points: &[Point], sources: &Sources) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let mut by_start: Vec<&Point> = points.iter().collect();
    by_start.sort_by_key(|p| (p.period.start, std::cmp::Reverse(p.period.end)));
    let mut widest: Option<&Point> = None;
    for p in by_start {
        if let Some(w) = widest
            && p.period.start <= w.period.end
        {
            let at = ledger.entry(p.rows[0]).origin;
            let f = sources.get(at.file);
            let start = f.offset_of(at.line as usize, 1);
            diags.push(
                Diagnostic::warning(format!(
                    "indicator {}: values for {} and {} overlap, and both are added up",
                    ind.id, w.period, p.period
                ))
                .at(Span::new(at.file, start, start + f.line_text(at.line as usize).len()))
                .expected("values for periods that do not overlap (e.g. quarters only)")
                .found(format!(
                    "{} ({} .. {}) within {} ({} .. {})",
                    p.period, p.period.start, p.period.end, w.period, w.period.start, w.period.end
                ))
                .hint("record each value once, for one kind of period; correct or remove the other"),
            );
        }
        if widest.is_none_or(|w| p.period.end > w.period.end) {
            widest = Some(p);
        }
    }
    diags
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
    // Sum each shape of breakdown (set of dimensions given).
    let mut shapes: BTreeMap<u8, (Value, Vec<u32>, usize)> = BTreeMap::new();
    for &i in group {
        let dims = ledger.dims(i);
        let s = dims.shape();
        match shapes.get_mut(&s) {
            Some((v, rows, _)) => {
                *v = add(v, &ledger.value(i));
                rows.push(i);
            }
            None => {
                shapes.insert(s, (ledger.value(i), vec![i], dims.depth()));
            }
        }
    }
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
