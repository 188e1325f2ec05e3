//! The indicator performance tracking table (IPTT): targets against actuals
//! for every reporting period in a range, then the life of the project.
//!
//! The model is built from [`Computed::progress`] for each reporting period,
//! so every figure here is the figure `status` shows for that period; this
//! module only chooses which of its figures goes in which cell:
//!
//! - **target**: the target in force at the period's end
//!   (`Progress::target_to_date`): agreed when written in the logframe for
//!   that period, else the value expected to date by the indicator's
//!   `target_rule` (interpolated, or the latest agreed target held), shown
//!   in whole units for counts and to one decimal for percentages
//!   (`target_shown`; the percent uses the exact figure);
//! - **actual**: the running total to the period's end for a cumulative
//!   indicator (`to_date_actual`), the value measured within the period for
//!   any other (`period_actual`; blank when nothing was recorded for it);
//! - **percent**: the actual against the target in force with the formula
//!   of `status` (a running total: actual / target; a level: (actual -
//!   baseline) / (target - baseline)).
//!
//! `--by DIM` adds one row per category of the disaggregation under each
//! indicator broken down by it. Category rows carry actuals only (targets
//! are set for totals); their figures come from the ledger rows behind each
//! measured period, aggregated with the indicator's own rule.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::breakdown::by_dimension;
use crate::compute::progress::{Progress, percent_toward, progress};
use crate::compute::series::Point;
use crate::compute::targets::{TargetInForce, TargetRule, expected_shown};
use crate::compute::{Computed, Reason, Status};
use crate::model::{Aggregate, Direction, Framework, Indicator, IndicatorType, Period, Value};

/// The whole table.
#[derive(Debug, Serialize)]
pub struct Compare {
    pub framework: String,
    /// The project's short name, else its id.
    pub name: String,
    pub title: String,
    pub as_of: Option<DateTime<Utc>>,
    /// The reporting periods shown, in order.
    pub periods: Vec<Period>,
    /// The disaggregation rows are split by, if any.
    pub by: Option<String>,
    /// Results in logframe order, each with its indicators.
    pub results: Vec<ResultRows>,
}

#[derive(Debug, Serialize)]
pub struct ResultRows {
    pub id: String,
    pub level: String,
    /// Position of the level in the framework's levels.
    pub depth: usize,
    pub statement: String,
    pub indicators: Vec<IndicatorRow>,
}

/// Which figure the `actual` of a period cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActualRule {
    /// The running total to the end of the period (cumulative indicators).
    ToDate,
    /// The value measured within the period, aggregated with the
    /// indicator's rule.
    Period,
}

#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    pub unit: Option<String>,
    pub direction: Direction,
    pub cumulative: bool,
    pub aggregate: Aggregate,
    pub actual_rule: ActualRule,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub baseline: Option<Decimal>,
    pub cells: Vec<Cell>,
    pub life: Life,
    /// One row per category when `--by` names a disaggregation of this
    /// indicator.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryRow>,
}

/// Target, actual and percent of one indicator at one reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub period: Period,
    pub target: Option<TargetInForce>,
    /// The target as a table shows it: as written when agreed, else the
    /// value expected to date as `compute::targets::expected_shown` rounds
    /// it (a count in whole units, a percentage to one decimal).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target_shown: Option<Decimal>,
    /// Whether the target is one written in the logframe for this period
    /// (agreed), rather than the value expected to date.
    pub agreed: bool,
    pub actual: Option<Value>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// The status at the end of this period (as `status --period`).
    pub status: Status,
}

/// Life of project: end target, the to-date actual at the last period
/// shown, percent of the end target, status and why.
#[derive(Debug, Clone, Serialize)]
pub struct Life {
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
    pub actual: Option<Value>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    pub status: Status,
    pub reason: Reason,
    /// The status sentence.
    pub explanation: String,
}

/// The actuals of one category of the `--by` disaggregation.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryRow {
    /// The category, or `None` for values recorded without this breakdown.
    pub category: Option<String>,
    /// One actual per period shown (same rule as the indicator's cells).
    pub actuals: Vec<Option<Value>>,
    /// The to-date actual at the last period shown.
    pub to_date: Option<Value>,
}

/// How to build the table.
#[derive(Debug, Clone)]
pub struct Options {
    pub periods: Vec<Period>,
    /// Index of the disaggregation to split rows by.
    pub by: Option<usize>,
}

/// The reporting periods whose end falls within `from .. to` (both
/// optional, inclusive).
pub fn periods_between(reporting: &[Period], from: Option<Period>, to: Option<Period>) -> Vec<Period> {
    reporting
        .iter()
        .filter(|r| from.is_none_or(|f| r.end >= f.start) && to.is_none_or(|t| r.end <= t.end))
        .copied()
        .collect()
}

pub fn build(c: &Computed, opts: &Options) -> Compare {
    let fw = c.fw;
    let results = fw
        .results
        .iter()
        .map(|r| ResultRows {
            id: r.id.clone(),
            level: r.level.clone(),
            depth: r.depth,
            statement: r.statement.default.clone(),
            indicators: r.indicators.iter().map(|&i| indicator_row(c, i, opts)).collect(),
        })
        .collect();
    Compare {
        framework: fw.project.id.clone(),
        name: fw.project.short_name.clone().unwrap_or_else(|| fw.project.id.clone()),
        title: fw.project.title.default.clone(),
        as_of: c.as_of,
        periods: opts.periods.clone(),
        by: opts.by.map(|d| fw.disaggregations[d].name.clone()),
        results,
    }
}

fn actual_rule(ind: &Indicator) -> ActualRule {
    if ind.cumulative {
        ActualRule::ToDate
    } else {
        ActualRule::Period
    }
}

/// The actual a period cell shows, by the indicator's rule.
fn cell_actual(ind: &Indicator, p: &Progress) -> Option<Value> {
    match actual_rule(ind) {
        ActualRule::ToDate => p.to_date_actual.clone(),
        ActualRule::Period => p.period_actual.clone(),
    }
}

fn indicator_row(c: &Computed, i: usize, opts: &Options) -> IndicatorRow {
    let ind = &c.fw.indicators[i];
    let progress: Vec<Progress> = opts.periods.iter().map(|p| c.progress(i, p)).collect();
    let cells = progress
        .iter()
        .map(|p| {
            let actual = cell_actual(ind, p);
            let percent = match actual_rule(ind) {
                ActualRule::ToDate => p.percent_to_date,
                // The status percent is on the to-date figure; for a value
                // measured within the period the same formula is applied to
                // the figure shown, so that the row reads consistently.
                ActualRule::Period => match (actual.as_ref().and_then(Value::figure), p.target_to_date) {
                    (Some(a), Some(t)) => percent_toward(ind, a, t.value),
                    _ => None,
                },
            };
            Cell {
                period: p.period,
                target: p.target_to_date,
                target_shown: p.target_to_date.map(|t| match t.rule {
                    TargetRule::Explicit { .. } => t.value,
                    _ => expected_shown(ind.kind, t.value),
                }),
                agreed: p
                    .target_to_date
                    .is_some_and(|t| matches!(t.rule, TargetRule::Explicit { .. })),
                actual,
                percent,
                status: p.status,
            }
        })
        .collect();
    let last = progress
        .last()
        .cloned()
        .unwrap_or_else(|| c.progress(i, &c.default_period()));
    let life = Life {
        target: last.end_target,
        actual: last.to_date_actual.clone(),
        percent: last.percent_of_end,
        status: last.status,
        reason: last.reason.clone(),
        explanation: crate::locale::plain_explanation(last.status, &last.reason),
    };
    let categories = match opts.by {
        Some(d) if ind.disaggregate_by.contains(&d) => category_rows(c, i, d, &opts.periods),
        _ => Vec::new(),
    };
    IndicatorRow {
        id: ind.id.clone(),
        title: ind.title.default.clone(),
        kind: ind.kind,
        unit: ind.unit.clone(),
        direction: ind.direction,
        cumulative: ind.cumulative,
        aggregate: ind.aggregate,
        actual_rule: actual_rule(ind),
        baseline: ind.baseline.as_ref().map(|b| b.value),
        cells,
        life,
        categories,
    }
}

/// Split each measured period's ledger rows by dimension `d`, then run the
/// indicator's own computation on each category's points.
fn category_rows(c: &Computed, i: usize, d: usize, periods: &[Period]) -> Vec<CategoryRow> {
    let fw: &Framework = c.fw;
    let ind = &fw.indicators[i];
    let points = &c.series.by_indicator[i];
    // Category index (None = recorded without this breakdown) -> points.
    let mut by_cat: std::collections::BTreeMap<Option<u16>, Vec<Point>> = Default::default();
    for p in points {
        let parts = by_dimension(c.ledger, &p.rows, d);
        if parts.is_empty() {
            by_cat.entry(None).or_default().push(p.clone());
            continue;
        }
        for (k, v) in parts {
            by_cat.entry(Some(k)).or_default().push(Point {
                period: p.period,
                value: v,
                rows: p.rows.clone(),
                from_parts: true,
            });
        }
    }
    let values = &fw.disaggregations[d].values;
    let mut keys: Vec<Option<u16>> = (0..values.len() as u16)
        .map(Some)
        .filter(|k| by_cat.contains_key(k))
        .collect();
    // Values recorded only as totals show as "not broken down", unless
    // they are all zero (nothing to attribute to a category).
    if by_cat
        .get(&None)
        .is_some_and(|ps| ps.iter().any(|p| p.value.figure().is_none_or(|f| !f.is_zero())))
    {
        keys.push(None);
    }
    keys.into_iter()
        .map(|k| {
            let pts = &by_cat[&k];
            let prog: Vec<Progress> = periods.iter().map(|p| progress(fw, ind, pts, p)).collect();
            CategoryRow {
                category: k.map(|k| values[k as usize].clone()),
                actuals: prog.iter().map(|p| cell_actual(ind, p)).collect(),
                to_date: prog.last().and_then(|p| p.to_date_actual.clone()),
            }
        })
        .collect()
}
