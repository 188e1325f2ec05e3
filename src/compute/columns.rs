//! The columns of a tracking table: which periods they are (the reporting
//! periods, calendar quarters, fiscal years or calendar years), the dates
//! they cover within the project, and how an indicator's values within a
//! column combine into its figure.
//!
//! A column longer than the periods recorded aggregates them with the
//! indicator's rule, so that a fiscal year reads like the quarters under
//! it: a count sums them (its running total is the one at the column's
//! end), a percentage pools them (sum of numerators over sum of
//! denominators, never a mean of percents), a level keeps the latest, a
//! milestone is done in the column it was done in.

use chrono::NaiveDate;

use super::fiscal::fiscal_year_holding;
use super::progress::aggregate;
use super::series::Point;
use crate::model::{Aggregate, FiscalYearStart, Framework, Indicator, IndicatorType, Period, Value};

/// What a column of the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    /// The project's reporting periods.
    Reporting,
    Quarter,
    FiscalYear,
    Year,
}

/// The columns from the one holding the project's start to the one holding
/// its end, in order. `fiscal` names the fiscal year's first day.
pub fn columns(fw: &Framework, kind: ColumnKind, fiscal: FiscalYearStart) -> Vec<Period> {
    let (start, end) = (fw.project.start, fw.project.end);
    let next = |p: &Period| p.end.succ_opt();
    let first = |d: NaiveDate| match kind {
        ColumnKind::Reporting => None,
        ColumnKind::Quarter => {
            use chrono::Datelike;
            Some(Period::quarter(d.year(), d.month().div_ceil(3)))
        }
        ColumnKind::FiscalYear => Some(fiscal_year_holding(d, fiscal)),
        ColumnKind::Year => {
            use chrono::Datelike;
            Some(Period::year(d.year()))
        }
    };
    if kind == ColumnKind::Reporting {
        return fw.reporting_periods();
    }
    let mut out = Vec::new();
    let mut at = first(start);
    while let Some(p) = at {
        if p.start > end {
            break;
        }
        out.push(p);
        at = next(&p).and_then(first);
    }
    out
}

/// The dates a column covers within the project: its start no earlier
/// than the project's, its end no later than the project's.
pub fn within_project(fw: &Framework, p: &Period) -> (NaiveDate, NaiveDate) {
    (p.start.max(fw.project.start), p.end.min(fw.project.end))
}

/// How the values recorded within one column combine: a percentage pools
/// them, a running total adds them (its increment over the column), any
/// other indicator by its own rule.
pub fn column_rule(ind: &Indicator) -> Aggregate {
    if ind.kind == IndicatorType::Percentage {
        Aggregate::Pooled
    } else if ind.cumulative {
        Aggregate::Sum
    } else {
        ind.aggregate
    }
}

/// The points recorded within `column`.
pub fn within<'p>(points: &'p [Point], column: &Period) -> Vec<&'p Point> {
    points.iter().filter(|p| column.contains(&p.period)).collect()
}

/// The figure of the values recorded within `column`, by [`column_rule`];
/// `None` when nothing was recorded in it.
pub fn column_actual(ind: &Indicator, points: &[Point], column: &Period) -> Option<Value> {
    aggregate(column_rule(ind), &within(points, column))
}

/// A percentage to date both ways: pooled over every period recorded by
/// `date` (sum of numerators over sum of denominators), and the latest
/// period's alone. `None` for other indicators.
pub fn pooled_and_latest(ind: &Indicator, points: &[Point], date: NaiveDate) -> Option<(Option<Value>, Option<Value>)> {
    if ind.kind != IndicatorType::Percentage {
        return None;
    }
    let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= date).collect();
    Some((
        aggregate(Aggregate::Pooled, &so_far),
        aggregate(Aggregate::Last, &so_far),
    ))
}

#[cfg(test)]
#[path = "columns_tests.rs"]
mod tests;
