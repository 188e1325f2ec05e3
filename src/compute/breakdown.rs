//! Disaggregated figures: the ledger rows behind a value, split by the
//! dimensions they give.
//!
//! Three readers need breakdowns and each used to sum them itself: the
//! report's disaggregation tables (one dimension, or a cross table of two),
//! the tracking table's category rows (`compare --by`) and the IATI
//! `dimension` cells. The sums live here, once, so that the readers only
//! turn them into cells. Every rule picks the finest recorded shape that
//! carries the dimensions asked for, so that no row is counted twice when
//! a period was recorded both by sex and by sex x age.

use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use super::series::Point;
use super::sum::Sum;
use super::sum::add;
use crate::ledger::row::TOTAL;
use crate::ledger::{DimKey, Ledger};
use crate::model::{Aggregate, Indicator, Value};

/// The sum of values (see [`add`]): `None` when there is nothing to add.
pub(crate) fn sum<'a>(values: impl IntoIterator<Item = &'a Value>) -> Option<Value> {
    let mut it = values.into_iter();
    let first = it.next().cloned();
    it.fold(first, |acc, v| acc.map(|a| add(&a, v)))
}

/// Add `v` into the cell `k` of `cells`.
fn add_into<K: Ord>(cells: &mut BTreeMap<K, Value>, k: K, v: &Value) {
    match cells.entry(k) {
        Entry::Occupied(mut e) => {
            let sum = add(e.get(), v);
            e.insert(sum);
        }
        Entry::Vacant(e) => {
            e.insert(v.clone());
        }
    }
}

/// The rows a breakdown by `dims` adds up: those that give every one of
/// `dims`, in the finest (fewest dimensions, then lowest shape) recorded
/// shape, so that no value is counted twice.
pub(crate) fn rows_by<'r>(ledger: &Ledger, rows: &'r [u32], dims: &[usize]) -> Cow<'r, [u32]> {
    // A report asks this of every indicator's rows several times, and most
    // indicators' rows all have one shape: a first pass finds the finest
    // shape and whether every row has it (the rows are then the answer as
    // they are), a second keeps the rows of that shape otherwise.
    let need: u8 = dims.iter().fold(0, |acc, &d| acc | 1 << d);
    let mut finest: Option<(u32, u8)> = None;
    let mut all_finest = true;
    for &r in rows {
        let shape = ledger.shape(r);
        if shape & need != need {
            all_finest = false;
            continue;
        }
        let rank = (shape.count_ones(), shape);
        match finest {
            Some(f) if rank == f => {}
            Some(f) => {
                all_finest = false;
                if rank < f {
                    finest = Some(rank);
                }
            }
            None => finest = Some(rank),
        }
    }
    let Some((_, shape)) = finest else {
        return Cow::Borrowed(&[]);
    };
    if all_finest {
        return Cow::Borrowed(rows);
    }
    Cow::Owned(rows.iter().copied().filter(|&r| ledger.shape(r) == shape).collect())
}

/// Breakdown of a set of rows by one dimension: value index -> summed value.
pub(crate) fn by_dimension(ledger: &Ledger, rows: &[u32], dim: usize) -> BTreeMap<u16, Value> {
    sum_by_dimension(ledger, &rows_by(ledger, rows, &[dim]), dim)
}

/// The sums by value of dimension `dim` of `finest`, rows that all give
/// it (those of [`rows_by`]), added in row order as [`by_dimension`] does.
pub(crate) fn sum_by_dimension(ledger: &Ledger, finest: &[u32], dim: usize) -> BTreeMap<u16, Value> {
    // Values of a dimension are dense indices: a slot per value, not a map.
    let mut cells: Vec<Option<Sum>> = Vec::new();
    for &r in finest {
        let c = usize::from(ledger.dims(r).0[dim]);
        if cells.len() <= c {
            cells.resize_with(c + 1, || None);
        }
        match &mut cells[c] {
            Some(sum) => sum.add(ledger, r),
            slot => *slot = Some(Sum::of(ledger, r)),
        }
    }
    cells
        .into_iter()
        .enumerate()
        .filter_map(|(c, v)| Some((c as u16, v?.value())))
        .collect()
}

/// The rows a to-date breakdown is taken from: a running total (or a sum)
/// breaks down over every period so far; a level (last, max, mean) over its
/// latest period only.
pub(crate) fn to_date_rows<'r>(ledger: &Ledger, ind: &Indicator, to_date_rows: &'r [u32]) -> Cow<'r, [u32]> {
    rows_to_break_down(
        ledger,
        to_date_rows,
        ind.cumulative || matches!(ind.aggregate, Aggregate::Sum | Aggregate::Pooled),
    )
}

/// Every row when `every_period`, else those of the latest period.
fn rows_to_break_down<'r>(ledger: &Ledger, to_date_rows: &'r [u32], every_period: bool) -> Cow<'r, [u32]> {
    if every_period {
        return Cow::Borrowed(to_date_rows);
    }
    let latest = to_date_rows.iter().map(|&r| ledger.period(r)).max();
    Cow::Owned(
        to_date_rows
            .iter()
            .copied()
            .filter(|&r| Some(ledger.period(r)) == latest)
            .collect(),
    )
}

/// The values of `points` split by the dimensions `dims` together: each
/// point by its own breakdown that gives exactly `dims` and adds up to its
/// total (ratios pool: numerators and denominators add); a point recorded
/// without such a breakdown counts whole under `None` ("not broken
/// down"). The tracking table's category rows take the points behind
/// each figure of the total, so that a breakdown comes from the same
/// periods as its total.
pub(crate) fn split_points(ledger: &Ledger, points: &[&Point], dims: &[usize]) -> BTreeMap<Option<Vec<u16>>, Value> {
    let mut out: BTreeMap<Option<Vec<u16>>, Value> = BTreeMap::new();
    for p in points {
        if let Some(cells) = split_of_one_shape(ledger, p, dims) {
            if cells.is_empty() {
                add_into(&mut out, None, &p.value);
            }
            for (key, v) in cells {
                add_into(&mut out, Some(dims.iter().map(|&d| key.0[d]).collect()), &v);
            }
            continue;
        }
        let mut parts = complete_cells(ledger, &[p])
            .into_iter()
            .filter(|(key, _)| {
                key.0
                    .iter()
                    .enumerate()
                    .all(|(j, &v)| dims.contains(&j) == (v != TOTAL))
            })
            .peekable();
        if parts.peek().is_none() {
            add_into(&mut out, None, &p.value);
            continue;
        }
        for (key, v) in parts {
            add_into(&mut out, Some(dims.iter().map(|&d| key.0[d]).collect()), &v);
        }
    }
    out
}

/// [`complete_cells`] of one point restricted to the breakdown by exactly
/// `dims`, straight from the rows, when the point's rows all give the same
/// dimensions (the common case: one breakdown recorded, no total row):
/// its cells are then the rows grouped by `dims` (empty when the rows do
/// not give all of `dims`), and they add up to the point's total, which
/// is their sum. `None` otherwise: the caller asks [`complete_cells`].
fn split_of_one_shape(ledger: &Ledger, p: &Point, dims: &[usize]) -> Option<BTreeMap<DimKey, Value>> {
    if dims.is_empty() || !matches!(p.value, Value::Number { .. } | Value::Ratio { .. }) {
        return None;
    }
    let shape = ledger.shape(*p.rows.first()?);
    if shape == 0 {
        return None;
    }
    let need: u8 = dims.iter().fold(0, |acc, &d| acc | 1 << d);
    let mut sums: BTreeMap<DimKey, Sum> = BTreeMap::new();
    for &r in &p.rows {
        let key = ledger.dims(r);
        if key.shape() != shape {
            return None;
        }
        if shape & need != need {
            continue;
        }
        let mut k = DimKey::TOTAL;
        for &d in dims {
            k.0[d] = key.0[d];
        }
        match sums.entry(k) {
            Entry::Occupied(mut e) => e.get_mut().add(ledger, r),
            Entry::Vacant(e) => {
                e.insert(Sum::of(ledger, r));
            }
        }
    }
    let cells: BTreeMap<DimKey, Value> = sums.into_iter().map(|(k, s)| (k, s.value())).collect();
    if shape & need != need {
        return Some(BTreeMap::new());
    }
    // Every row counted once: the cells add up to the total, as
    // `point_cells` requires.
    (sum(cells.values()).as_ref() == Some(&p.value)).then_some(cells)
}

/// A two-way table of summed values with its margins.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CrossTable {
    /// Values of the `down` dimension present, in value order.
    pub(crate) downs: Vec<u16>,
    /// Values of the `across` dimension present, in value order.
    pub(crate) acrosses: Vec<u16>,
    /// (down, across) -> sum.
    pub(crate) cells: BTreeMap<(u16, u16), Value>,
    /// The sum of each row, in `downs` order.
    pub(crate) row_totals: Vec<Option<Value>>,
    /// The sum of each column, in `acrosses` order.
    pub(crate) column_totals: Vec<Option<Value>>,
    pub(crate) total: Option<Value>,
}

/// Cross table of the rows that give both dimensions; `None` when no row
/// gives both.
pub(crate) fn cross(ledger: &Ledger, rows: &[u32], across: usize, down: usize) -> Option<CrossTable> {
    let both = rows_by(ledger, rows, &[across, down]);
    if both.is_empty() {
        return None;
    }
    // Categories are dense indexes: a grid of sums, a slot per pair, each
    // added in row order.
    let keys: Vec<(usize, usize)> = both
        .iter()
        .map(|&r| {
            let k = ledger.dims(r);
            (usize::from(k.0[down]), usize::from(k.0[across]))
        })
        .collect();
    let width = keys.iter().map(|k| k.1 + 1).max().unwrap_or(0);
    let height = keys.iter().map(|k| k.0 + 1).max().unwrap_or(0);
    let mut grid: Vec<Option<Sum>> = (0..width * height).map(|_| None).collect();
    for (&r, &(d, a)) in both.iter().zip(&keys) {
        match &mut grid[d * width + a] {
            Some(sum) => sum.add(ledger, r),
            slot => *slot = Some(Sum::of(ledger, r)),
        }
    }
    let cells: BTreeMap<(u16, u16), Value> = grid
        .iter()
        .enumerate()
        .filter_map(|(k, s)| Some((((k / width) as u16, (k % width) as u16), s.as_ref()?.value())))
        .collect();
    let downs: Vec<u16> = cells.keys().map(|k| k.0).collect::<BTreeSet<_>>().into_iter().collect();
    let acrosses: Vec<u16> = cells.keys().map(|k| k.1).collect::<BTreeSet<_>>().into_iter().collect();
    let row_totals = downs
        .iter()
        .map(|&d| sum(cells.iter().filter(|(k, _)| k.0 == d).map(|(_, v)| v)))
        .collect();
    let column_totals = acrosses
        .iter()
        .map(|&a| sum(cells.iter().filter(|(k, _)| k.1 == a).map(|(_, v)| v)))
        .collect();
    let total = sum(cells.values());
    Some(CrossTable {
        downs,
        acrosses,
        cells,
        row_totals,
        column_totals,
        total,
    })
}

/// The points whose rows stand behind a period value aggregated with
/// `rule`: all of them for a sum, the latest for `last`, the largest for
/// `max`; none for a mean (a mean of parts is not a part of the mean).
pub(crate) fn points_behind<'p>(rule: Aggregate, within: &[&'p Point]) -> Vec<&'p Point> {
    match rule {
        Aggregate::Sum | Aggregate::Pooled => within.to_vec(),
        Aggregate::Last => within.iter().max_by_key(|p| p.period).copied().into_iter().collect(),
        Aggregate::Max => within
            .iter()
            .filter(|p| p.value.figure().is_some())
            .max_by_key(|p| p.value.figure())
            .copied()
            .into_iter()
            .collect(),
        Aggregate::Mean => Vec::new(),
    }
}

/// The cells of every breakdown that is complete in all `points`: for each
/// point, the rows in force grouped by the dimensions they give, plus the
/// coarser breakdowns derived from them; kept only where they add up to
/// the point's total. A zero total without rows is complete in every
/// breakdown. Sorted by breakdown (coarsest first), then by value order.
pub(crate) fn complete_cells(ledger: &Ledger, points: &[&Point]) -> Vec<(DimKey, Value)> {
    let mut complete: Option<BTreeSet<u8>> = None;
    let mut sums: BTreeMap<(usize, u8, DimKey), Value> = BTreeMap::new();
    for p in points {
        if matches!(p.value, Value::Flag { .. } | Value::Text { .. }) {
            return Vec::new();
        }
        let cells = point_cells(ledger, p);
        if cells.is_empty() && matches!(p.value, Value::Number { value } if value.is_zero()) {
            continue;
        }
        let shapes: BTreeSet<u8> = cells.keys().copied().collect();
        complete = Some(match complete {
            None => shapes,
            Some(s) => s.intersection(&shapes).copied().collect(),
        });
        for (shape, by_key) in cells {
            for (key, v) in by_key {
                add_into(&mut sums, (shape.count_ones() as usize, shape, key), &v);
            }
        }
    }
    let complete = complete.unwrap_or_default();
    sums.into_iter()
        .filter(|((_, s, _), _)| complete.contains(s))
        .map(|((_, _, k), v)| (k, v))
        .collect()
}

/// Breakdowns of one point: shape -> cell -> value, only those that add
/// up to the point's total.
fn point_cells(ledger: &Ledger, p: &Point) -> BTreeMap<u8, BTreeMap<DimKey, Value>> {
    let mut direct: BTreeMap<u8, BTreeMap<DimKey, Value>> = BTreeMap::new();
    for &r in &p.rows {
        let dims = ledger.dims(r);
        if !dims.is_total() {
            add_into(direct.entry(dims.shape()).or_default(), dims, &ledger.value(r));
        }
    }
    // Coarser breakdowns from finer ones: project each cell onto every
    // non-empty subset of its dimensions not recorded directly.
    let mut all = direct.clone();
    for (&shape, cells) in direct.iter().rev() {
        let mut sub = shape;
        while sub != 0 {
            sub = (sub - 1) & shape;
            if sub == 0 || all.contains_key(&sub) {
                continue;
            }
            let mut derived: BTreeMap<DimKey, Value> = BTreeMap::new();
            for (key, v) in cells {
                let mut k = *key;
                for (d, slot) in k.0.iter_mut().enumerate() {
                    if sub & (1 << d) == 0 {
                        *slot = TOTAL;
                    }
                }
                add_into(&mut derived, k, v);
            }
            all.insert(sub, derived);
        }
    }
    all.retain(|_, cells| sum(cells.values()).as_ref() == Some(&p.value));
    all
}

#[cfg(test)]
#[path = "breakdown_tests.rs"]
mod tests;
