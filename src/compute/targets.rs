//! The target in force at a date.
//!
//! Targets are anchors on a timeline: the starting value at the project
//! start (zero for a running total, the baseline for a level), each dated
//! target at its period's end, the life-of-project target at the project
//! end. Between anchors the expected value grows linearly with elapsed
//! days. A non-cumulative indicator that sums per period (so many per year)
//! has no timeline: only its explicit period targets count.
//!
//! An indicator under `target_rule: step` does not interpolate: the
//! expected value is the latest anchor due by the date, held until the
//! next (before the first written target, the starting value). The
//! written targets are the ones a donor agreed; with step, nothing is
//! expected that the donor did not sign.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Aggregate, ExpectedRule, Framework, Indicator, IndicatorType, Period, TargetPeriod};

/// How the target in force was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum TargetRule {
    /// A target written for exactly this date.
    Explicit { period: Period },
    /// Interpolated between two anchors.
    Interpolated {
        from: NaiveDate,
        #[serde(with = "rust_decimal::serde::str")]
        from_value: Decimal,
        to: NaiveDate,
        #[serde(with = "rust_decimal::serde::str")]
        to_value: Decimal,
    },
    /// Before the first anchor: the starting value.
    Start,
    /// After the last anchor: its value holds.
    Held { from: NaiveDate },
    /// `target_rule: step`: the latest written target due by the date
    /// (due on `from`), held until the next one.
    Stepped { from: NaiveDate },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TargetInForce {
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    #[serde(flatten)]
    pub rule: TargetRule,
}

/// Dated anchors of an indicator, start first.
pub fn anchors(fw: &Framework, ind: &Indicator) -> Vec<(NaiveDate, Decimal, Option<Period>)> {
    let mut out = vec![(fw.project.start, ind.start_value(), None)];
    for t in &ind.targets {
        if let TargetPeriod::Period(p) = t.period {
            out.push((p.end, t.value, Some(p)));
        }
    }
    if let Some(end) = &ind.end_target {
        out.push((fw.project.end, end.value, None));
    }
    out.sort_by_key(|a| a.0);
    out
}

/// True when targets are written per period and never interpolated.
pub fn per_period_only(ind: &Indicator) -> bool {
    !ind.cumulative && ind.aggregate == Aggregate::Sum
}

/// The target in force at the end of `period`.
pub fn target_at(fw: &Framework, ind: &Indicator, period: &Period) -> Option<TargetInForce> {
    if let Some(t) = explicit(ind, period) {
        return Some(TargetInForce {
            value: t,
            rule: TargetRule::Explicit { period: *period },
        });
    }
    if per_period_only(ind) || ind.kind == IndicatorType::Milestone {
        return None;
    }
    if ind.kind == IndicatorType::Qualitative && ind.scale.is_none() {
        return None;
    }
    let a = anchors(fw, ind);
    if a.len() < 2 {
        return None;
    }
    let d = period.end;
    if ind.target_rule == ExpectedRule::Step {
        return Some(stepped(fw, ind, d));
    }
    if d < a[0].0 {
        return Some(TargetInForce {
            value: a[0].1,
            rule: TargetRule::Start,
        });
    }
    for w in a.windows(2) {
        let ((d0, v0, _), (d1, v1, p1)) = (w[0], w[1]);
        if d == d1 {
            return Some(TargetInForce {
                value: v1,
                rule: match p1 {
                    Some(p) => TargetRule::Explicit { period: p },
                    None => TargetRule::Interpolated {
                        from: d0,
                        from_value: v0,
                        to: d1,
                        to_value: v1,
                    },
                },
            });
        }
        if d0 <= d && d < d1 {
            let (done, span) = interpolation_days(d0, d1, d);
            let (done, span) = (Decimal::from(done), Decimal::from(span));
            let value = if span.is_zero() {
                v1
            } else {
                v0 + (v1 - v0) * done / span
            };
            return Some(TargetInForce {
                value,
                rule: TargetRule::Interpolated {
                    from: d0,
                    from_value: v0,
                    to: d1,
                    to_value: v1,
                },
            });
        }
    }
    let last = a.last().expect("two anchors");
    Some(TargetInForce {
        value: last.1,
        rule: TargetRule::Held { from: last.0 },
    })
}

/// Under `target_rule: step`, the target in force on `d`: the latest
/// written target due by `d` (its own period's when it falls due on `d`),
/// else the starting value.
fn stepped(fw: &Framework, ind: &Indicator, d: NaiveDate) -> TargetInForce {
    let written = ind.targets.iter().chain(&ind.end_target).map(|t| match t.period {
        TargetPeriod::Period(p) => (p.end, t.value, Some(p)),
        TargetPeriod::End => (fw.project.end, t.value, None),
    });
    // The latest due; of two due the same day, the one written last.
    match written.filter(|(due, _, _)| *due <= d).max_by_key(|(due, _, _)| *due) {
        Some((due, value, Some(p))) if due == d => TargetInForce {
            value,
            rule: TargetRule::Explicit { period: p },
        },
        Some((due, value, _)) => TargetInForce {
            value,
            rule: TargetRule::Stepped { from: due },
        },
        None => TargetInForce {
            value: ind.start_value(),
            rule: TargetRule::Start,
        },
    }
}

/// The days of a linear interpolation between anchors on `from` and `to`
/// at `date`: (days done since `from`, days from `from` to `to`). The
/// value is `from_value + (to_value - from_value) x done / span`.
pub(crate) fn interpolation_days(from: NaiveDate, to: NaiveDate, date: NaiveDate) -> (i64, i64) {
    ((date - from).num_days(), (to - from).num_days())
}

/// A target written for exactly this period (same dates).
pub fn explicit(ind: &Indicator, period: &Period) -> Option<Decimal> {
    ind.targets
        .iter()
        .find(|t| t.period == TargetPeriod::Period(*period))
        .map(|t| t.value)
}

/// The agreed target that falls due within `column`: of the targets
/// written in the logframe (dated ones at their period's end, `end` at the
/// project's end, a milestone's `yes` on its date), the one due last
/// within the column's dates. The tracking table shows it as agreed in the
/// column holding its due date, whatever the column's length; `None` when
/// none falls due in it (what is expected between agreed targets is not
/// agreed).
pub fn agreed_within(fw: &Framework, ind: &Indicator, column: &Period) -> Option<TargetInForce> {
    ind.targets
        .iter()
        .chain(&ind.end_target)
        .map(|t| match t.period {
            TargetPeriod::Period(p) => (p.end, t.value, p),
            TargetPeriod::End => (fw.project.end, t.value, Period::days(fw.project.start, fw.project.end)),
        })
        .filter(|(due, _, _)| column.contains_date(*due))
        .max_by_key(|(due, _, _)| *due)
        .map(|(_, value, period)| TargetInForce {
            value,
            rule: TargetRule::Explicit { period },
        })
}

/// The target of the period alone, for the report's "period target"
/// column. Not [`crate::compute::Progress::period_target`], the target
/// written for the period as it stands: a running total's targets are
/// written as totals to date, so the target of its period alone is the
/// target in force at the period's end less the one in force the day
/// before the period starts (written 25 by Q2 after 10 by Q1: 15 for Q2).
/// A level's target is the level written for the period. `None` when no
/// target is written for the period, even if one is in force.
pub(crate) fn target_within_period(fw: &Framework, ind: &Indicator, period: &Period) -> Option<Decimal> {
    let written = explicit(ind, period)?;
    if !ind.cumulative {
        return Some(written);
    }
    let at = |d: NaiveDate| target_at(fw, ind, &Period::days(d, d)).map(|t| t.value);
    let end = at(period.end).unwrap_or(written);
    let before = period.start.pred_opt().and_then(at).unwrap_or(Decimal::ZERO);
    Some(end - before)
}

/// The expected value to date as a table shows it: a count in whole units
/// (no one expects 29.98 investigations), a percentage to one decimal (as
/// the report writes percents), both rounded half up (29.5 -> 30, 29.49 ->
/// 29); any other figure as it is. `status` grades against the exact
/// figure ([`TargetInForce::value`]); the tracking table grades a cell
/// against the figure it shows (`compare --targets expected`).
pub fn expected_shown(kind: IndicatorType, value: Decimal) -> Decimal {
    let half_up = |dp| value.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    match kind {
        IndicatorType::Count => half_up(0),
        IndicatorType::Percentage => half_up(1),
        _ => value,
    }
}

/// The life-of-project target: the `end` target, else the latest dated one.
pub fn end_target(ind: &Indicator) -> Option<Decimal> {
    ind.end_target.as_ref().or(ind.targets.last()).map(|t| t.value)
}

/// The target a value recorded within `period` is held against when it is
/// published per period (IATI): a milestone's is 1 (done) in the period
/// holding its due date and none in the others; any other indicator's, and
/// a milestone's without a `yes` target, is `in_force` (the target in force
/// at the period's end).
pub(crate) fn target_for_period_value(
    fw: &Framework,
    ind: &Indicator,
    period: &Period,
    in_force: Option<TargetInForce>,
) -> Option<TargetInForce> {
    let due = (ind.kind == IndicatorType::Milestone)
        .then(|| milestone_due(fw, ind))
        .flatten();
    match due {
        Some(d) => period.contains_date(d).then_some(TargetInForce {
            value: Decimal::ONE,
            rule: TargetRule::Explicit { period: *period },
        }),
        None => in_force,
    }
}

/// When a milestone is due: the earliest `yes` target.
pub fn milestone_due(fw: &Framework, ind: &Indicator) -> Option<NaiveDate> {
    ind.targets
        .iter()
        .chain(&ind.end_target)
        .filter(|t| !t.value.is_zero())
        .map(|t| match t.period {
            TargetPeriod::Period(p) => p.end,
            TargetPeriod::End => fw.project.end,
        })
        .min()
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
