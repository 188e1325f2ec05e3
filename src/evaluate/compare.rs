//! The indicator performance tracking table (IPTT): targets against actuals
//! for every column (reporting period, quarter, fiscal year or year) in a
//! range, then the life of the project.
//!
//! The model is built from [`Computed`] figures; this module only chooses
//! which figure goes in which cell:
//!
//! - **target**: by `--targets`. `agreed` (the default): the target written
//!   in the logframe that falls due within the column
//!   ([`agreed_within`]: a milestone's `yes` in the column holding its
//!   date), nothing in the columns between. `expected`: the target in
//!   force at the column's end, the value expected to date by the
//!   indicator's `target_rule` where none is agreed (counts in whole units,
//!   percentages to one decimal, [`expected_shown`]), marked as expected.
//!   `both`: the agreed target, and the expected value beside it.
//! - **percent and status**: graded against the target shown (the agreed
//!   one under `agreed` and `both`, the rounded expected value under
//!   `expected`), never against a figure the table does not show; a column
//!   without a target shown grades nothing (no target).
//! - **actual**: the running total to the column's end for a cumulative
//!   indicator (`--increments` adds what the column added), the values
//!   within the column for any other, combined by [`column_rule`]
//!   (percentages pooled, levels latest).
//! - **life of project**: from the project's start (whatever `--from`) to
//!   the last column's end: the end target, the figure to date by the
//!   indicator's `aggregate` (a percentage's latest survey under `last`,
//!   every survey pooled under `pooled`) and, for a percentage where the
//!   other way differs, that figure too.
//!
//! `--by DIM[,DIM]` adds one row per combination of categories present
//! under each indicator broken down by those dimensions. A category's
//! figures are split from the very points behind the total's figure (for
//! a `last` indicator, the latest period's), so that they add up to it;
//! rows carry their share of the total and, by one dimension, the share
//! target written for their category.
//!
//! `--dim NAME=VALUE` (a [`Filter`]) builds the table of one category, as
//! `status --dim` does: the caller gives a [`Computed`] of that category's
//! rows over the framework without its targets and baselines
//! ([`crate::compute::category`]), since those are the whole project's and
//! a category's figures are never graded against them. Indicators not
//! broken down by the dimension have no figure of their own for the
//! category: they leave the rows and are listed, by name, in the filter.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::breakdown::{points_behind, split_points};
use crate::compute::category::{self, Category};
use crate::compute::columns::{ColumnKind, column_actual, column_rule, pooled_and_latest, within, within_project};
use crate::compute::gender::{sex_dimension, women_category};
use crate::compute::progress::{Progress, percent_toward, progress_against};
use crate::compute::series::Point;
use crate::compute::target_parts::{grade_parts, shares};
use crate::compute::targets::{TargetInForce, TargetRule, agreed_within, expected_shown, target_at};
use crate::compute::{Computed, Reason, Status};
use crate::model::{Aggregate, Direction, Framework, Indicator, IndicatorType, PartKind, Period, TargetPeriod, Value};

/// Which targets the table shows (`--targets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetsShown {
    /// The targets written in the logframe, in the column they fall due in.
    #[default]
    Agreed,
    /// The target in force at each column's end, expected values marked.
    Expected,
    /// Agreed targets, and the expected value beside them.
    Both,
}

/// The whole table.
#[derive(Debug, Serialize)]
pub struct Compare {
    pub framework: String,
    /// The project's short name, else its id.
    pub name: String,
    pub title: String,
    pub as_of: Option<DateTime<Utc>>,
    /// The columns shown, in order (the last one ends no later than `--to`).
    pub periods: Vec<Period>,
    /// What a column is.
    pub columns: ColumnKind,
    pub targets: TargetsShown,
    /// Whether cumulative indicators show each column's increment.
    pub increments: bool,
    /// The disaggregations rows are split by, joined by ", ", if any.
    pub by: Option<String>,
    /// The same, one name each.
    pub by_dimensions: Vec<String>,
    /// The category shown (`--dim`), when the table is one category's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<Filter>,
    /// The life-of-project column: from the project's start to the last
    /// column's end (no later than the project's end).
    pub life_start: NaiveDate,
    pub life_end: NaiveDate,
    /// The first column starts after the project (`--from`): the life of
    /// project still counts from the project's start.
    pub life_before_first: bool,
    /// Results in logframe order, each with its indicators.
    pub results: Vec<ResultRows>,
}

/// The table of one category (`--dim country=GT`): its figures only, no
/// targets (they are the whole project's), and the indicators without a
/// figure of their own for it.
#[derive(Debug, Clone, Serialize)]
pub struct Filter {
    /// The categories every figure is limited to, in the order asked.
    pub categories: Vec<FilterCategory>,
    /// Indicators not broken down by every dimension of `categories`, in
    /// logframe order: they have no figure for the category and are not in
    /// `results`.
    pub not_broken_down: Vec<LeftOut>,
}

/// One category of a [`Filter`]: `country` = `GT`.
#[derive(Debug, Clone, Serialize)]
pub struct FilterCategory {
    pub dimension: String,
    pub category: String,
}

/// An indicator left out of a category's table.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOut {
    pub result: String,
    pub level: String,
    pub id: String,
    pub title: String,
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

/// How a figure to date was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToDateRule {
    /// The sum of every period so far.
    RunningTotal,
    /// The latest period's value.
    Latest,
    /// Every period so far pooled (sum of numerators / sum of denominators).
    Pooled,
    /// The largest value so far.
    Max,
    /// The mean of the values so far.
    Mean,
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
    /// The share of women (percent) in the total to date, when the
    /// indicator is disaggregated by sex and values were recorded by sex
    /// (a percentage: of its respondents).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub women_share: Option<Decimal>,
    /// One row per combination of categories when `--by` names
    /// disaggregations of this indicator.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryRow>,
}

/// Target, actual and percent of one indicator at one column.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub period: Period,
    /// The column's dates within the project.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The target the cell is graded against (what `target_shown` shows).
    pub target: Option<TargetInForce>,
    /// The target as the table shows it: as written when agreed, else the
    /// value expected to date as `compute::targets::expected_shown` rounds
    /// it (a count in whole units, a percentage to one decimal).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target_shown: Option<Decimal>,
    /// Whether the target shown is one written in the logframe that falls
    /// due within this column (agreed), rather than the value expected.
    pub agreed: bool,
    /// Under `--targets both`: the value expected to date by the
    /// `target_rule` (rounded as shown), where it is not the agreed one.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub expected: Option<Decimal>,
    pub actual: Option<Value>,
    /// Under `--increments`, for a cumulative indicator: what the column
    /// added to the running total (`None` when nothing was recorded in it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub increment: Option<Value>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// The status at the end of this column, graded against the target
    /// shown (no target: nothing graded).
    pub status: Status,
}

/// Life of project: end target, the to-date actual at the last column's
/// end, percent of the end target, status and why.
#[derive(Debug, Clone, Serialize)]
pub struct Life {
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target: Option<Decimal>,
    pub actual: Option<Value>,
    /// How `actual` was taken (the indicator's `aggregate`).
    pub actual_rule: ToDateRule,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// A percentage's figure the other way (pooled under `last`, the
    /// latest under `pooled`), when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<LifeFigure>,
    pub status: Status,
    pub reason: Reason,
    /// The status sentence.
    pub explanation: String,
}

/// A figure to date and its percent of the end target.
#[derive(Debug, Clone, Serialize)]
pub struct LifeFigure {
    pub rule: ToDateRule,
    pub actual: Option<Value>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
}

/// The actuals of one combination of categories of the `--by`
/// disaggregations.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryRow {
    /// The categories joined by ", ", or `None` for values recorded
    /// without this breakdown.
    pub category: Option<String>,
    /// One category per dimension of `dimensions`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key: Vec<String>,
    /// The dimensions the row splits by (those of `--by` the indicator has).
    pub dimensions: Vec<String>,
    /// One actual per column shown (same rule as the indicator's cells).
    pub actuals: Vec<Option<Value>>,
    /// The to-date actual at the last column's end, from the same periods
    /// as the indicator's.
    pub to_date: Option<Value>,
    /// A percentage's figure the other way, as the indicator's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Value>,
    /// The row's share (percent) of the total to date broken down.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub share: Option<Decimal>,
    /// The target written for this category (one dimension only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<CategoryTarget>,
}

/// A category's part of a target (`share:` or `by:`), graded to date.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryTarget {
    pub kind: PartKind,
    pub period: TargetPeriod,
    #[serde(with = "rust_decimal::serde::str")]
    pub target: Decimal,
    /// The share (percent) or value to date it is graded on.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
    pub met: Option<bool>,
}

/// How to build the table.
#[derive(Debug, Clone)]
pub struct Options {
    /// The columns shown.
    pub periods: Vec<Period>,
    pub columns: ColumnKind,
    pub targets: TargetsShown,
    pub increments: bool,
    /// Indexes of the disaggregations to split rows by.
    pub by: Vec<usize>,
    /// The categories the table is limited to (`--dim`); the [`Computed`]
    /// given to [`build`] must hold only their rows (see the module).
    pub categories: Vec<Category>,
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

/// The columns that overlap `from .. to`, the last one cut at `to`'s end
/// (a fiscal year still under way shows what it holds so far).
pub fn columns_between(columns: &[Period], from: Option<Period>, to: Option<Period>) -> Vec<Period> {
    columns
        .iter()
        .filter(|c| from.is_none_or(|f| c.end >= f.start) && to.is_none_or(|t| c.start <= t.end))
        .map(|c| match to {
            Some(t) if c.end > t.end => Period { end: t.end, ..*c },
            _ => *c,
        })
        .collect()
}

pub fn build(c: &Computed, opts: &Options) -> Compare {
    let fw = c.fw;
    let shown = |i: usize| category::broken_down(fw, i, &opts.categories);
    let results = fw
        .results
        .iter()
        .map(|r| ResultRows {
            id: r.id.clone(),
            level: r.level.clone(),
            depth: r.depth,
            statement: r.statement.default.clone(),
            indicators: r
                .indicators
                .iter()
                .filter(|&&i| shown(i))
                .map(|&i| indicator_row(c, i, opts))
                .collect(),
        })
        .collect();
    let last = last_column(c, opts);
    let names: Vec<String> = opts.by.iter().map(|&d| fw.disaggregations[d].name.clone()).collect();
    Compare {
        framework: fw.project.id.clone(),
        name: fw.project.short_name.clone().unwrap_or_else(|| fw.project.id.clone()),
        title: fw.project.title.default.clone(),
        as_of: c.as_of,
        periods: opts.periods.clone(),
        columns: opts.columns,
        targets: opts.targets,
        increments: opts.increments,
        by: (!names.is_empty()).then(|| names.join(", ")),
        by_dimensions: names,
        life_start: fw.project.start,
        life_end: within_project(fw, &last).1,
        life_before_first: opts.periods.first().is_some_and(|p| p.start > fw.project.start),
        results,
        filter: (!opts.categories.is_empty()).then(|| filter(fw, &opts.categories)),
    }
}

/// The categories asked for and the indicators they leave out.
fn filter(fw: &Framework, cats: &[Category]) -> Filter {
    Filter {
        categories: cats
            .iter()
            .map(|c| {
                let d = &fw.disaggregations[c.dim];
                FilterCategory {
                    dimension: d.name.clone(),
                    category: d.values[c.value as usize].clone(),
                }
            })
            .collect(),
        not_broken_down: fw
            .results
            .iter()
            .flat_map(|r| r.indicators.iter().map(move |&i| (r, i)))
            .filter(|&(_, i)| !category::broken_down(fw, i, cats))
            .map(|(r, i)| LeftOut {
                result: r.id.clone(),
                level: r.level.clone(),
                id: fw.indicators[i].id.clone(),
                title: fw.indicators[i].title.default.clone(),
            })
            .collect(),
    }
}

fn last_column(c: &Computed, opts: &Options) -> Period {
    opts.periods.last().copied().unwrap_or_else(|| c.default_period())
}

fn actual_rule(ind: &Indicator) -> ActualRule {
    if ind.cumulative {
        ActualRule::ToDate
    } else {
        ActualRule::Period
    }
}

fn to_date_rule(ind: &Indicator) -> ToDateRule {
    if ind.cumulative {
        return ToDateRule::RunningTotal;
    }
    match ind.aggregate {
        Aggregate::Sum => ToDateRule::RunningTotal,
        Aggregate::Last => ToDateRule::Latest,
        Aggregate::Pooled => ToDateRule::Pooled,
        Aggregate::Max => ToDateRule::Max,
        Aggregate::Mean => ToDateRule::Mean,
    }
}

/// The target a column is graded against, exact, and the expected value
/// shown beside it under `both` (rounded as shown). An expected value is
/// shown rounded ([`expected_shown`]) but graded exactly, as the report
/// and `status` grade it, so that every output gives the same percent.
fn column_target(
    c: &Computed,
    ind: &Indicator,
    col: &Period,
    shown: TargetsShown,
) -> (Option<TargetInForce>, Option<Decimal>) {
    let agreed = agreed_within(c.fw, ind, col);
    let expected = || target_at(c.fw, ind, col);
    match shown {
        TargetsShown::Agreed => (agreed, None),
        // Where a target falls due within a longer column, it is the agreed one.
        TargetsShown::Expected => (agreed.or_else(expected), None),
        TargetsShown::Both => {
            let e = expected().filter(|e| agreed.is_none_or(|a| a.value != e.value));
            (agreed, e.map(|e| expected_shown(ind.kind, e.value)))
        }
    }
}

/// The target as a cell shows it: as written when agreed, else rounded as
/// [`expected_shown`] rounds an expected value.
fn shown(ind: &Indicator, t: TargetInForce) -> Decimal {
    match t.rule {
        TargetRule::Explicit { .. } => t.value,
        _ => expected_shown(ind.kind, t.value),
    }
}

fn indicator_row(c: &Computed, i: usize, opts: &Options) -> IndicatorRow {
    let fw = c.fw;
    let ind = &fw.indicators[i];
    let points = &c.series.by_indicator[i];
    let cells: Vec<Cell> = opts
        .periods
        .iter()
        .map(|col| {
            let (target, expected) = column_target(c, ind, col, opts.targets);
            let p = progress_against(fw, ind, points, col, target);
            let actual = match actual_rule(ind) {
                ActualRule::ToDate => p.to_date_actual.clone(),
                ActualRule::Period => column_actual(ind, points, col),
            };
            let percent = match actual_rule(ind) {
                ActualRule::ToDate => p.percent_to_date,
                // The status percent is on the to-date figure; for a value
                // measured within the column the same formula is applied to
                // the figure shown, so that the row reads consistently.
                ActualRule::Period => match (actual.as_ref().and_then(Value::figure), target) {
                    (Some(a), Some(t)) => percent_toward(ind, a, t.value),
                    _ => None,
                },
            };
            let (start, end) = within_project(fw, col);
            Cell {
                period: *col,
                start,
                end,
                target,
                target_shown: target.map(|t| shown(ind, t)),
                agreed: target.is_some_and(|t| matches!(t.rule, TargetRule::Explicit { .. })),
                expected,
                actual,
                increment: (opts.increments && ind.cumulative)
                    .then(|| column_actual(ind, points, col))
                    .flatten(),
                percent,
                status: p.status,
            }
        })
        .collect();
    let last_col = last_column(c, opts);
    let last = c.progress(i, &last_col);
    let life = life(c, ind, points, &last);
    let dims: Vec<usize> = opts
        .by
        .iter()
        .copied()
        .filter(|d| ind.disaggregate_by.contains(d))
        .collect();
    let categories = if dims.is_empty() {
        Vec::new()
    } else {
        category_rows(c, i, &dims, opts, &last)
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
        women_share: women_share(c, ind, points, last_col.end),
        categories,
    }
}

fn life(c: &Computed, ind: &Indicator, points: &[Point], last: &Progress) -> Life {
    let fw = c.fw;
    let rule = to_date_rule(ind);
    let end_pct = |v: &Option<Value>| {
        v.as_ref()
            .and_then(Value::figure)
            .zip(last.end_target)
            .and_then(|(a, e)| percent_toward(ind, a, e))
    };
    let alternative = pooled_and_latest(ind, points, last.period.end).and_then(|(pooled, latest)| {
        let (other_rule, other) = match rule {
            ToDateRule::Pooled => (ToDateRule::Latest, latest),
            _ => (ToDateRule::Pooled, pooled),
        };
        (other.as_ref().and_then(Value::figure) != last.to_date_actual.as_ref().and_then(Value::figure)).then(|| {
            LifeFigure {
                rule: other_rule,
                percent: end_pct(&other),
                actual: other,
            }
        })
    });
    Life {
        start: fw.project.start,
        end: within_project(fw, &last.period).1,
        target: last.end_target,
        actual: last.to_date_actual.clone(),
        actual_rule: rule,
        percent: last.percent_of_end,
        alternative,
        status: last.status,
        reason: last.reason.clone(),
        explanation: crate::locale::plain_explanation(last.status, &last.reason),
    }
}

/// The points behind the figure to date at `date`, by the indicator's
/// rule: every one so far for a running total or a pool, the latest for a
/// level.
fn behind_to_date<'p>(ind: &Indicator, points: &'p [Point], date: NaiveDate) -> Vec<&'p Point> {
    let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= date).collect();
    let rule = if ind.cumulative { Aggregate::Sum } else { ind.aggregate };
    points_behind(rule, &so_far)
}

/// The points behind a column's actual.
fn behind_column<'p>(ind: &Indicator, points: &'p [Point], col: &Period) -> Vec<&'p Point> {
    match actual_rule(ind) {
        ActualRule::ToDate => points.iter().filter(|p| p.period.end <= col.end).collect(),
        ActualRule::Period => points_behind(column_rule(ind), &within(points, col)),
    }
}

fn women_share(c: &Computed, ind: &Indicator, points: &[Point], date: NaiveDate) -> Option<Decimal> {
    let sex = sex_dimension(c.fw).filter(|d| ind.disaggregate_by.contains(d))?;
    let women = women_category(c.fw, sex)? as u16;
    let split = split_points(c.ledger, &behind_to_date(ind, points, date), &[sex]);
    let by_category: BTreeMap<Vec<u16>, Value> = split.into_iter().filter_map(|(k, v)| Some((k?, v))).collect();
    shares(&by_category).get(&vec![women]).copied().flatten()
}

/// One row per combination of categories of `dims` present in any figure
/// shown, in declared order, then values recorded without the breakdown
/// (unless all zero).
fn category_rows(c: &Computed, i: usize, dims: &[usize], opts: &Options, last: &Progress) -> Vec<CategoryRow> {
    let fw: &Framework = c.fw;
    let ind = &fw.indicators[i];
    let points = &c.series.by_indicator[i];
    let split = |pts: Vec<&Point>| split_points(c.ledger, &pts, dims);
    let columns: Vec<BTreeMap<Option<Vec<u16>>, Value>> = opts
        .periods
        .iter()
        .map(|col| split(behind_column(ind, points, col)))
        .collect();
    let to_date = split(behind_to_date(ind, points, last.period.end));
    let alternative = (ind.kind == IndicatorType::Percentage).then(|| {
        let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= last.period.end).collect();
        let rule = if ind.aggregate == Aggregate::Pooled {
            Aggregate::Last
        } else {
            Aggregate::Pooled
        };
        split(points_behind(rule, &so_far))
    });
    let mut keys: BTreeSet<Vec<u16>> = BTreeSet::new();
    for m in columns.iter().chain([&to_date]) {
        keys.extend(m.keys().flatten().cloned());
    }
    let mut keys: Vec<Option<Vec<u16>>> = keys.into_iter().map(Some).collect();
    let unsplit_counts = columns
        .iter()
        .chain([&to_date])
        .filter_map(|m| m.get(&None))
        .any(|v| v.figure().is_none_or(|f| !f.is_zero()));
    if unsplit_counts {
        keys.push(None);
    }
    let by_key: BTreeMap<Vec<u16>, Value> = to_date
        .iter()
        .filter_map(|(k, v)| Some((k.clone()?, v.clone())))
        .collect();
    let share = shares(&by_key);
    let parts = grade_parts(fw, c.ledger, ind, last);
    let names: Vec<String> = dims.iter().map(|&d| fw.disaggregations[d].name.clone()).collect();
    keys.into_iter()
        .map(|k| {
            let key: Vec<String> = k
                .iter()
                .flat_map(|k| {
                    k.iter()
                        .zip(dims)
                        .map(|(&v, &d)| fw.disaggregations[d].values[v as usize].clone())
                })
                .collect();
            let target = match (&k, dims) {
                (Some(k), [d]) => category_target(fw, &parts, *d, k[0] as usize, last.period.end),
                _ => None,
            };
            CategoryRow {
                category: k.as_ref().map(|_| key.join(", ")),
                dimensions: names.clone(),
                actuals: columns.iter().map(|m| m.get(&k).cloned()).collect(),
                to_date: to_date.get(&k).cloned(),
                alternative: alternative
                    .as_ref()
                    .and_then(|m| m.get(&k).cloned())
                    .filter(|a| a.figure() != to_date.get(&k).and_then(Value::figure)),
                share: k.as_ref().and_then(|k| share.get(k).copied().flatten()),
                target,
                key,
            }
        })
        .collect()
}

/// The part of a target written for `category` of dimension `dim`: the
/// first due at or after `date`, else the last.
fn category_target(
    fw: &Framework,
    parts: &[crate::compute::target_parts::PartGrade],
    dim: usize,
    category: usize,
    date: NaiveDate,
) -> Option<CategoryTarget> {
    let mine: Vec<_> = parts
        .iter()
        .filter(|p| p.dimension == dim && p.category == category)
        .collect();
    let due = |t: TargetPeriod| match t {
        TargetPeriod::End => fw.project.end,
        TargetPeriod::Period(p) => p.end,
    };
    let p = mine.iter().find(|p| due(p.target_period) >= date).or(mine.last())?;
    Some(CategoryTarget {
        kind: p.kind,
        period: p.target_period,
        target: p.target,
        actual: p.actual,
        met: p.met,
    })
}
