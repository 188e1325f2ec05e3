//! One indicator's figures for one reporting period.
//!
//! Percent achieved respects the kind of indicator: a running total is
//! compared with its target directly (actual / target); a level is
//! compared by the distance travelled from its baseline
//! ((actual - baseline) / (target - baseline)), which makes `decrease`
//! indicators work without special cases. Percentages are pooled
//! (sum of numerators / sum of denominators), never averaged.

use rust_decimal::Decimal;
use serde::Serialize;

use super::series::Point;
use super::status::{Fall, Reason, Status, grade};
use super::sum::add;
use super::targets::{TargetInForce, TargetRule, end_target, explicit, milestone_due, target_at};
use crate::model::{Aggregate, Direction, Framework, Indicator, IndicatorType, Period, Value};

/// The figures of one indicator at one reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub indicator: String,
    pub period: Period,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub baseline: Option<Decimal>,
    /// The value within the period.
    pub period_actual: Option<Value>,
    /// The value to date: a running total or the latest level.
    pub to_date_actual: Option<Value>,
    /// The target written for this very period, if any, as written (for a
    /// running total, a total to date; see
    /// [`super::targets::target_within_period`] for the period alone).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub period_target: Option<Decimal>,
    /// The target in force at the period's end (written or interpolated).
    pub target_to_date: Option<TargetInForce>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub end_target: Option<Decimal>,
    /// Percent of the target in force achieved.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent_to_date: Option<Decimal>,
    /// Percent of the life-of-project target achieved.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent_of_end: Option<Decimal>,
    pub status: Status,
    pub reason: Reason,
    /// Ledger rows behind the period value and the to-date value.
    #[serde(skip)]
    pub period_rows: Vec<u32>,
    #[serde(skip)]
    pub to_date_rows: Vec<u32>,
}

/// Combine points with the indicator's aggregation rule.
pub fn aggregate(rule: Aggregate, points: &[&Point]) -> Option<Value> {
    let last = points.iter().max_by_key(|p| p.period)?;
    match rule {
        // Pooled: ratios add numerators and denominators.
        Aggregate::Sum | Aggregate::Pooled => points
            .iter()
            .skip(1)
            .try_fold(points[0].value.clone(), |acc, p| Some(add(&acc, &p.value))),
        Aggregate::Last => Some(last.value.clone()),
        Aggregate::Max => points
            .iter()
            .filter(|p| p.value.figure().is_some())
            .max_by_key(|p| p.value.figure())
            .map(|p| p.value.clone()),
        Aggregate::Mean => {
            let figures: Vec<Decimal> = points.iter().filter_map(|p| p.value.figure()).collect();
            if figures.is_empty() {
                return None;
            }
            let mean = figures.iter().sum::<Decimal>() / Decimal::from(figures.len());
            Some(Value::Number {
                value: mean.round_dp(4),
            })
        }
    }
}

/// Percent of the way from `start` to `target` that `actual` has come.
pub fn percent_of(actual: Decimal, start: Decimal, target: Decimal) -> Option<Decimal> {
    let span = target - start;
    if span.is_zero() {
        None
    } else {
        (actual - start).checked_mul(Decimal::ONE_HUNDRED)?.checked_div(span)
    }
}

/// Percent of `target` achieved by `actual` with the indicator's formula:
/// a running total from zero (actual / target), a level from its baseline
/// ((actual - baseline) / (target - baseline)).
pub(crate) fn percent_toward(ind: &Indicator, actual: Decimal, target: Decimal) -> Option<Decimal> {
    percent_of(actual, ind.start_value(), target)
}

pub(crate) fn reached(ind: &Indicator, actual: Decimal, target: Decimal) -> bool {
    match ind.direction {
        Direction::Increase => actual >= target,
        Direction::Decrease => actual <= target,
    }
}

/// True when `period` reaches the project's end date: its figures are the
/// project's final ones, and a target missed by then is not achieved.
pub fn is_final(fw: &Framework, period: &Period) -> bool {
    period.end >= fw.project.end
}

/// A level whose latest value counts (not cumulative, aggregate `last`)
/// that met its end-of-project target at an earlier value and now stands
/// below it: the last earlier value that met the target, and its period.
/// `so_far` are the points up to the period's end, `actual` the latest
/// figure.
fn fall(ind: &Indicator, so_far: &[&Point], actual: Option<Decimal>, end: Option<Decimal>) -> Option<Fall> {
    if ind.cumulative || ind.aggregate != Aggregate::Last || ind.kind == IndicatorType::Milestone {
        return None;
    }
    let (now, e) = (actual?, end?);
    if e == ind.start_value() || reached(ind, now, e) {
        return None;
    }
    let mut earlier: Vec<&&Point> = so_far.iter().collect();
    earlier.sort_by_key(|p| p.period);
    // The latest point is the one `aggregate(Last, ..)` took.
    earlier.pop()?;
    earlier.iter().rev().find_map(|p| {
        p.value.figure().filter(|v| reached(ind, *v, e)).map(|v| Fall {
            from: v,
            period: p.period,
        })
    })
}

/// Whether a to-date figure is taken from every point so far (a running
/// total, a level) rather than from the period's own (a per-period sum,
/// so many per period, is judged on the period asked for).
fn adds_up_so_far(ind: &Indicator) -> bool {
    ind.cumulative || ind.aggregate != Aggregate::Sum
}

/// How a to-date figure is made from its points.
fn to_date_rule(ind: &Indicator) -> Aggregate {
    if ind.cumulative { Aggregate::Sum } else { ind.aggregate }
}

/// The target in force and the figure to date at `period`, as
/// [`progress`] has them, without the grading and the rows behind them:
/// a chart's point at each period (a report over hundreds of indicators
/// asks this at every period, and copying every row so far each time cost
/// more than the rest of the chart).
pub fn to_date(
    fw: &Framework,
    ind: &Indicator,
    points: &[Point],
    period: &Period,
) -> (Option<TargetInForce>, Option<Value>) {
    let so_far = adds_up_so_far(ind);
    let counted: Vec<&Point> = points
        .iter()
        .filter(|p| {
            if so_far {
                p.period.end <= period.end
            } else {
                period.contains(&p.period)
            }
        })
        .collect();
    (target_at(fw, ind, period), aggregate(to_date_rule(ind), &counted))
}

/// Compute one indicator at one reporting period from its points.
pub fn progress(fw: &Framework, ind: &Indicator, points: &[Point], period: &Period) -> Progress {
    progress_against(fw, ind, points, period, target_at(fw, ind, period))
}

/// [`progress`] graded against `target` instead of the target in force
/// (the tracking table grades a period against the target it shows: the
/// agreed one, or none).
pub fn progress_against(
    fw: &Framework,
    ind: &Indicator,
    points: &[Point],
    period: &Period,
    target_to_date: Option<TargetInForce>,
) -> Progress {
    let within: Vec<&Point> = points.iter().filter(|p| period.contains(&p.period)).collect();
    let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= period.end).collect();
    let period_actual = aggregate(ind.aggregate, &within);
    let to_date_points: Vec<&Point> = if adds_up_so_far(ind) {
        so_far.clone()
    } else {
        within.clone()
    };
    let to_date_actual = aggregate(to_date_rule(ind), &to_date_points);
    let end = end_target(ind);
    let actual = to_date_actual.as_ref().and_then(Value::figure);
    let percent = |target: Decimal| actual.and_then(|a| percent_toward(ind, a, target));
    let percent_to_date = target_to_date.and_then(|t| percent(t.value));
    let percent_of_end = end.and_then(percent);
    let done_in = so_far
        .iter()
        .find(|p| matches!(p.value, Value::Flag { done: true }))
        .map(|p| p.period);
    let fell = fall(ind, &so_far, actual, end);
    let (status, reason) = judge(
        fw,
        ind,
        period,
        actual,
        (&to_date_actual, done_in, fell),
        target_to_date,
        end,
        percent_to_date,
    );
    Progress {
        indicator: ind.id.clone(),
        period: *period,
        baseline: ind.baseline.as_ref().map(|b| b.value),
        period_actual,
        to_date_actual,
        period_target: explicit(ind, period),
        target_to_date,
        end_target: end,
        percent_to_date,
        percent_of_end,
        status,
        reason,
        period_rows: rows_of(&within),
        to_date_rows: rows_of(&to_date_points),
    }
}

/// The ledger rows of `points`, in order, in one vector sized at once.
fn rows_of(points: &[&Point]) -> Vec<u32> {
    let mut rows = Vec::with_capacity(points.iter().map(|p| p.rows.len()).sum());
    for p in points {
        rows.extend_from_slice(&p.rows);
    }
    rows
}

/// The status and its reason. In order: a milestone is judged by its
/// `done` flag; a figure at or beyond the end-of-project target is
/// achieved; at the project's final period ([`is_final`]) a figure short
/// of it is not achieved; otherwise the percent of the target in force is
/// graded by the thresholds (a level that fell back below a target it had
/// reached says so in its reason).
#[allow(clippy::too_many_arguments)]
fn judge(
    fw: &Framework,
    ind: &Indicator,
    period: &Period,
    actual: Option<Decimal>,
    (to_date, done_in, fell): (&Option<Value>, Option<Period>, Option<Fall>),
    target: Option<TargetInForce>,
    end: Option<Decimal>,
    percent: Option<Decimal>,
) -> (Status, Reason) {
    let by = period.end;
    let last = is_final(fw, period);
    if ind.kind == IndicatorType::Milestone {
        let done = matches!(to_date, Some(Value::Flag { done: true }));
        return match (done, milestone_due(fw, ind)) {
            (true, due) => {
                let done = done_in.unwrap_or(*period);
                let late_after = due.filter(|d| done.end > *d);
                (
                    Status::Achieved,
                    Reason::MilestoneDone {
                        period: done,
                        late_after,
                    },
                )
            }
            (false, None) => (Status::NoTarget, Reason::NoTarget),
            (false, Some(due)) if due <= by && last => (Status::NotAchieved, Reason::MilestoneOverdue { due }),
            (false, Some(due)) if due <= by => (Status::OffTrack, Reason::MilestoneOverdue { due }),
            (false, Some(due)) => (Status::NotYetDue, Reason::MilestoneNotDue { due }),
        };
    }
    if let (Some(a), Some(e)) = (actual, end)
        && reached(ind, a, e)
        && e != ind.start_value()
    {
        return (Status::Achieved, Reason::Reached { actual: a, target: e });
    }
    if last
        && let (Some(a), Some(e)) = (actual, end)
        && e != ind.start_value()
        && let Some(p) = percent_toward(ind, a, e)
    {
        return (
            Status::NotAchieved,
            Reason::NotAchieved {
                actual: a,
                target: e,
                start: ind.start_value(),
                percent: p,
                fell,
            },
        );
    }
    let Some(target) = target else {
        return match actual {
            Some(_) => (Status::NoTarget, Reason::NoTarget),
            None if end.is_some() => (Status::NotYetDue, Reason::NothingExpectedYet { by }),
            None => (Status::NoTarget, Reason::NoTargetNoData),
        };
    };
    let start = if ind.cumulative {
        Decimal::ZERO
    } else {
        ind.start_value()
    };
    let Some(a) = actual else {
        return if target.value == start {
            (Status::NotYetDue, Reason::NothingExpectedYet { by })
        } else {
            (
                Status::NoData,
                Reason::Missing {
                    by,
                    expected: target.value,
                },
            )
        };
    };
    match (percent, fell.zip(end)) {
        (Some(p), Some((fell, e))) => (
            grade(p, ind.thresholds),
            Reason::FellBack {
                fell,
                actual: a,
                target: e,
                expected: target.value,
                start,
                by,
                percent: p,
                thresholds: ind.thresholds,
            },
        ),
        (Some(p), None) => (
            grade(p, ind.thresholds),
            Reason::Progress {
                actual: a,
                expected: target.value,
                start,
                by,
                percent: p,
                thresholds: ind.thresholds,
            },
        ),
        // Before the first agreed target falls due under the step rule the
        // start value holds: nothing is expected yet, as for a running total.
        (None, _) if ind.cumulative || target.rule == TargetRule::Start => {
            (Status::OnTrack, Reason::NothingExpectedYet { by })
        }
        (None, _) => (Status::NoTarget, Reason::TargetEqualsBaseline { target: target.value }),
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "progress_final_tests.rs"]
mod final_tests;
