//! How a figure was obtained: `logframe explain`.
//!
//! Everything here is read off what the computation already produced (the
//! [`Progress`] of the period and the series points with their ledger rows)
//! and off the ledger's trail; nothing is computed a second way. The
//! arithmetic shown (sums, interpolation, percent) restates the formula with
//! the figures that went into it, so that a reader can redo it by hand.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::compute::breakdown;
use crate::compute::series::Point;
use crate::compute::target_parts::{PartGrade, grade_parts};
use crate::compute::targets::{TargetInForce, TargetRule, anchors, interpolation_days, per_period_only};
use crate::compute::{Computed, Progress, Reason, Status};
use crate::format::figure as num;
use crate::ledger::{Entry, Ledger, origin_text};
use crate::locale::{self, term, term_message};
use crate::model::{
    Aggregate, Direction, Framework, Indicator, IndicatorType, PartKind, Period, TargetPeriod, Thresholds, Value,
};
use crate::source::Sources;

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub framework: String,
    pub indicator: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    pub unit: Option<String>,
    pub direction: Direction,
    pub cumulative: bool,
    pub aggregate: Aggregate,
    pub period: Period,
    pub as_of: Option<DateTime<Utc>>,
    /// The computed figures, as `status` shows them.
    pub progress: Progress,
    /// Every measured period that went into the to-date figure, with its
    /// rows.
    pub points: Vec<PointTrace>,
    /// Rows of the same keys replaced by a later correction.
    pub superseded: Vec<RowTrace>,
    /// How the period and to-date figures were aggregated.
    pub aggregation: Vec<String>,
    /// How the target in force was found.
    pub target: Vec<String>,
    /// Percent achieved, with the formula and its figures.
    pub percent: Vec<String>,
    /// How the status was derived.
    pub status: Vec<String>,
    /// The targets' parts by category (`share:`, `by:`), graded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartTrace>,
}

/// One category's part of a target, graded, with the rows behind it.
#[derive(Debug, Serialize)]
pub struct PartTrace {
    /// `end`, or the target's period.
    pub target_period: String,
    pub dimension: String,
    pub category: String,
    pub kind: PartKind,
    /// The share (percent) or value the target states.
    #[serde(with = "rust_decimal::serde::str")]
    pub target: Decimal,
    /// The category's share (percent) or value to date.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
    /// actual / target x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    pub met: Option<bool>,
    pub due: bool,
    /// The category's value to date and the total it is part of.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub category_value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    /// The sentence `explain` prints: the figures and the verdict.
    pub text: String,
    /// `file:line` of each row recorded by the dimension that went in.
    pub rows: Vec<String>,
}

/// One ledger row, as an evaluator wants to see it.
#[derive(Debug, Clone, Serialize)]
pub struct RowTrace {
    /// `file:line`.
    pub row: String,
    pub period: Period,
    pub breakdown: String,
    pub value: Value,
    pub recorded_at: Option<DateTime<Utc>>,
    pub recorded_by: Option<String>,
    pub source: Option<String>,
    pub comment: Option<String>,
    /// For a superseded row: the row in force for its key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// For a row in force: how it enters the point (`total`, `part`, or
    /// `check`: a breakdown compared with the total, not added to it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
}

/// One measured period of the indicator.
#[derive(Debug, Serialize)]
pub struct PointTrace {
    pub period: Period,
    pub value: Value,
    /// Within the period asked for (else only in the to-date figure).
    pub in_period: bool,
    /// `the total row`, or `the sum of N rows by sex x country: 7 + 9 = 16`.
    pub formed: String,
    /// Other breakdowns recorded for the period and whether they add up.
    pub checks: Vec<String>,
    pub rows: Vec<RowTrace>,
}

fn row_trace(fw: &Framework, ledger: &Ledger, sources: &Sources, i: u32) -> RowTrace {
    let e: &Entry = &ledger.entry(i);
    let s = |k: u32| ledger.str(k).map(str::to_string);
    RowTrace {
        row: origin_text(sources, e.origin),
        period: e.period,
        breakdown: e.dims.describe(fw),
        value: e.value.clone(),
        recorded_at: e.recorded_at,
        recorded_by: s(e.recorded_by),
        source: s(e.source),
        comment: s(e.comment),
        superseded_by: None,
        role: None,
    }
}

/// Plain text of a value for sentences.
pub fn show(v: &Value) -> String {
    crate::format::value(v)
}

fn dims_of(fw: &Framework, shape: u8) -> String {
    let names: Vec<&str> = (0..fw.disaggregations.len())
        .filter(|d| shape & (1 << d) != 0)
        .map(|d| fw.disaggregations[d].name.as_str())
        .collect();
    names.join(" x ")
}

fn terms(values: &[&Value]) -> String {
    values
        .iter()
        .map(|v| match v {
            Value::Ratio { numerator, denominator } => format!("{}/{}", num(*numerator), num(*denominator)),
            v => show(v),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Rows of a point: the first rows share the shape of the total (the
/// total row, or the finest breakdown that was summed); the others are
/// breakdowns checked against it (see `compute::series`).
fn point_trace(fw: &Framework, ledger: &Ledger, sources: &Sources, p: &Point, in_period: bool) -> PointTrace {
    let entry = |i: u32| ledger.entry(i);
    let total_shape = entry(p.rows[0]).dims.shape();
    let (summed, others): (Vec<u32>, Vec<u32>) = p.rows.iter().partition(|&&i| entry(i).dims.shape() == total_shape);
    let formed = if !p.from_parts {
        term_message("point-total", [("value", show(&p.value).into())])
    } else if summed.len() == 1 {
        term_message(
            "point-one",
            [
                ("dims", dims_of(fw, total_shape).into()),
                ("value", show(&p.value).into()),
            ],
        )
    } else {
        let owned: Vec<Value> = summed.iter().map(|&i| entry(i).value).collect();
        let vals: Vec<&Value> = owned.iter().collect();
        term_message(
            "point-sum",
            [
                ("n", summed.len().to_string().into()),
                ("dims", dims_of(fw, total_shape).into()),
                ("terms", terms(&vals).into()),
                ("value", show(&p.value).into()),
            ],
        )
    };
    let mut shapes: Vec<u8> = others.iter().map(|&i| entry(i).dims.shape()).collect();
    shapes.sort_unstable();
    shapes.dedup();
    let checks = shapes
        .into_iter()
        .map(|s| {
            let owned: Vec<Value> = others
                .iter()
                .filter(|&&i| entry(i).dims.shape() == s)
                .map(|&i| entry(i).value)
                .collect();
            let parts: Vec<&Value> = owned.iter().collect();
            let sum = breakdown::sum(parts.iter().copied()).expect("a shape has rows");
            let verdict = term(if sum == p.value {
                "point-adds-up"
            } else {
                "point-does-not-add-up"
            });
            term_message(
                "point-breakdown",
                [
                    ("dims", dims_of(fw, s).into()),
                    ("terms", terms(&parts).into()),
                    ("sum", show(&sum).into()),
                    ("verdict", verdict.into()),
                ],
            )
        })
        .collect();
    let rows = p
        .rows
        .iter()
        .map(|&i| {
            let mut r = row_trace(fw, ledger, sources, i);
            r.role = Some(if entry(i).dims.shape() != total_shape {
                "check"
            } else if p.from_parts {
                "part"
            } else {
                "total"
            });
            r
        })
        .collect();
    PointTrace {
        period: p.period,
        value: p.value.clone(),
        in_period,
        formed,
        checks,
        rows,
    }
}

pub fn build(c: &Computed, sources: &Sources, i: usize, period: Period) -> Explanation {
    let fw = c.fw;
    let ind = &fw.indicators[i];
    let ledger = c.ledger;
    let prog = c.progress(i, &period);
    let mut to_date: Vec<u32> = prog.to_date_rows.clone();
    to_date.extend(&prog.period_rows);
    let points: Vec<PointTrace> = c.series.by_indicator[i]
        .iter()
        .filter(|p| p.period.end <= period.end || period.contains(&p.period))
        .filter(|p| p.rows.iter().any(|r| to_date.contains(r)))
        .map(|p| point_trace(fw, ledger, sources, p, period.contains(&p.period)))
        .collect();
    // Superseded rows: every row of the trail for the keys in view that is
    // not the one in force.
    let in_force = ledger.current(c.as_of);
    let mut superseded = Vec::new();
    for &t in &ledger.trail(c.as_of) {
        let e = &ledger.entry(t);
        if e.indicator as usize != i || !points.iter().any(|p| p.period == e.period) {
            continue;
        }
        let Ok(w) = in_force.binary_search_by_key(&e.key(), |&k| ledger.entry(k).key()) else {
            continue;
        };
        let winner = in_force[w];
        if winner != t {
            let mut r = row_trace(fw, ledger, sources, t);
            r.superseded_by = Some(origin_text(sources, ledger.entry(winner).origin));
            superseded.push(r);
        }
    }
    Explanation {
        framework: fw.project.id.clone(),
        indicator: ind.id.clone(),
        title: ind.title.default.clone(),
        kind: ind.kind,
        unit: ind.unit.clone(),
        direction: ind.direction,
        cumulative: ind.cumulative,
        aggregate: ind.aggregate,
        period,
        as_of: c.as_of,
        aggregation: aggregation(ind, &prog, &points),
        target: target_lines(fw, ind, &prog),
        percent: percent_lines(ind, &prog),
        status: status_lines(ind, &prog),
        parts: grade_parts(fw, ledger, ind, &prog)
            .into_iter()
            .map(|g| part_trace(fw, sources, ledger, g))
            .collect(),
        points,
        superseded,
        progress: prog,
    }
}

/// A graded part as a sentence: the category's figures to date against
/// the part the target states, and the verdict.
fn part_trace(fw: &Framework, sources: &Sources, ledger: &Ledger, g: PartGrade) -> PartTrace {
    let dim = &fw.disaggregations[g.dimension];
    let category = dim.values[g.category].clone();
    let target_period = match g.target_period {
        TargetPeriod::End => "end".to_string(),
        TargetPeriod::Period(p) => p.to_string(),
    };
    let pct = |d: Option<Decimal>| crate::format::percent(d);
    let verdict = match (g.met, g.due) {
        (Some(true), _) => term("part-met").to_string(),
        (Some(false), true) => term("part-not-met").to_string(),
        (Some(false), false) => term("part-not-met-yet").to_string(),
        (None, _) => term("part-nothing").to_string(),
    };
    let text = match (g.kind, g.category_value, g.total) {
        (_, None, _) | (_, _, None) => term_message(
            "part-none",
            [
                ("target", target_period.clone().into()),
                ("category", category.clone().into()),
                ("figure", part_figure(g.kind, g.target).into()),
                ("dim", dim.name.clone().into()),
            ],
        ),
        (PartKind::Share, Some(v), Some(t)) => term_message(
            "part-share",
            [
                ("target", target_period.clone().into()),
                ("category", category.clone().into()),
                ("figure", part_figure(g.kind, g.target).into()),
                ("value", num(v).into()),
                ("total", num(t).into()),
                ("actual", pct(g.actual).into()),
                ("percent", pct(g.percent).into()),
                ("verdict", verdict.into()),
            ],
        ),
        (PartKind::Value, Some(v), Some(t)) => term_message(
            "part-value",
            [
                ("target", target_period.clone().into()),
                ("category", category.clone().into()),
                ("figure", part_figure(g.kind, g.target).into()),
                ("value", num(v).into()),
                ("total", num(t).into()),
                ("percent", pct(g.percent).into()),
                ("verdict", verdict.into()),
            ],
        ),
    };
    let mut origins: Vec<_> = g.rows.iter().map(|&r| ledger.entry(r).origin).collect();
    origins.sort_by_key(|o| (o.file.0, o.line));
    let rows = origins.into_iter().map(|o| origin_text(sources, o)).collect();
    PartTrace {
        target_period,
        dimension: dim.name.clone(),
        category,
        kind: g.kind,
        target: g.target,
        actual: g.actual,
        percent: g.percent,
        met: g.met,
        due: g.due,
        category_value: g.category_value,
        total: g.total,
        text,
        rows,
    }
}

fn part_figure(kind: PartKind, v: Decimal) -> String {
    match kind {
        PartKind::Share => crate::format::percent(Some(v)),
        PartKind::Value => num(v),
    }
}

fn aggregation(ind: &Indicator, p: &Progress, points: &[PointTrace]) -> Vec<String> {
    let rule = ind.aggregate.name();
    let within: Vec<&PointTrace> = points.iter().filter(|p| p.in_period).collect();
    let mut out = Vec::new();
    let list = |ps: &[&PointTrace]| {
        ps.iter()
            .map(|p| format!("{} {}", p.period, show(&p.value)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let period = || p.period.to_string().into();
    out.push(match (&p.period_actual, within.len()) {
        (None, _) => term_message("agg-period-none", [("period", period())]),
        (Some(v), 1) => term_message("agg-period-one", [("period", period()), ("value", show(v).into())]),
        (Some(v), _) => term_message(
            "agg-period-many",
            [
                ("period", period()),
                ("rule", rule.into()),
                ("list", list(&within).into()),
                ("value", show(v).into()),
            ],
        ),
    });
    let (how, ps): (String, Vec<&PointTrace>) = if ind.cumulative {
        (term("agg-cumulative").into(), points.iter().collect())
    } else if per_period_only(ind) {
        (term("agg-per-period").into(), within.clone())
    } else {
        (
            term_message("agg-level", [("rule", rule.into())]),
            points.iter().collect(),
        )
    };
    out.push(match &p.to_date_actual {
        None => term_message("agg-to-date-none", [("how", how.into())]),
        Some(v) if ps.len() <= 1 => term_message("agg-to-date", [("value", show(v).into()), ("how", how.into())]),
        Some(v) => term_message(
            "agg-to-date-list",
            [
                ("value", show(v).into()),
                ("how", how.into()),
                ("list", list(&ps).into()),
            ],
        ),
    });
    if matches!(ind.kind, IndicatorType::Percentage) {
        out.push(term("agg-pooled").into());
    }
    out
}

fn anchor_name(fw: &Framework, ind: &Indicator, date: NaiveDate) -> String {
    let on = || date.to_string().into();
    if date == fw.project.start {
        return term_message("anchor-start", [("date", on())]);
    }
    for t in &ind.targets {
        if let TargetPeriod::Period(p) = t.period
            && p.end == date
        {
            return term_message("anchor-period", [("period", p.to_string().into()), ("date", on())]);
        }
    }
    if date == fw.project.end {
        return term_message("anchor-end", [("date", on())]);
    }
    format!("{date}")
}

fn target_lines(fw: &Framework, ind: &Indicator, p: &Progress) -> Vec<String> {
    let mut out = Vec::new();
    match p.target_to_date {
        None => out.push(match ind.kind {
            IndicatorType::Milestone => term("target-milestone").into(),
            _ if per_period_only(ind) => {
                term_message("target-none-per-period", [("period", p.period.to_string().into())])
            }
            _ => term("target-none").into(),
        }),
        Some(TargetInForce { value, rule }) => out.push(target_rule(fw, ind, p, value, rule)),
    }
    let a: Vec<String> = anchors(fw, ind)
        .iter()
        .map(|(d, v, _)| format!("{d} {}", num(*v)))
        .collect();
    if ind.kind != IndicatorType::Milestone && !per_period_only(ind) {
        out.push(term_message("target-anchors", [("list", a.join(", ").into())]));
    }
    out.push(match p.end_target {
        Some(e) => term_message("target-end", [("end", crate::format::target(ind.kind, Some(e)).into())]),
        None => term("target-no-end").into(),
    });
    out
}

/// How the target in force was obtained, in one sentence.
fn target_rule(fw: &Framework, ind: &Indicator, p: &Progress, value: Decimal, rule: TargetRule) -> String {
    let value = || num(value).into();
    match rule {
        TargetRule::Explicit { period } => term_message(
            "target-explicit",
            [("value", value()), ("period", period.to_string().into())],
        ),
        TargetRule::Interpolated {
            from,
            from_value,
            to,
            to_value,
        } => {
            let (done, span) = interpolation_days(from, to, p.period.end);
            if p.period.end == to {
                term_message(
                    "target-on-anchor",
                    [("value", value()), ("anchor", anchor_name(fw, ind, to).into())],
                )
            } else {
                term_message(
                    "target-interpolated",
                    [
                        ("value", value()),
                        ("from", anchor_name(fw, ind, from).into()),
                        ("from_value", num(from_value).into()),
                        ("to", anchor_name(fw, ind, to).into()),
                        ("to_value", num(to_value).into()),
                        ("done", done.to_string().into()),
                        ("span", span.to_string().into()),
                    ],
                )
            }
        }
        TargetRule::Start if ind.target_rule == crate::model::ExpectedRule::Step => {
            term_message("target-start-step", [("value", value())])
        }
        TargetRule::Start => term_message("target-start", [("value", value())]),
        TargetRule::Held { from } => {
            term_message("target-held", [("value", value()), ("from", from.to_string().into())])
        }
        TargetRule::Stepped { from } => term_message(
            "target-stepped",
            [("value", value()), ("from", from.to_string().into())],
        ),
    }
}

fn percent_lines(ind: &Indicator, p: &Progress) -> Vec<String> {
    let actual = p.to_date_actual.as_ref().and_then(Value::figure);
    let start = ind.start_value();
    // An interpolated target has many decimals: show four, so the reader
    // can redo the division and get the percent shown.
    let t4 = |d: Decimal| d.round_dp(4).normalize().to_string();
    let formula = |target: Decimal, result: Option<Decimal>| -> String {
        let a = match actual {
            Some(a) => a,
            None => return term("percent-no-actual").into(),
        };
        let r = result
            .map(|r| format!("{} %", num(r)))
            .unwrap_or_else(|| term("percent-undefined").into());
        let args = [
            ("actual", num(a).into()),
            ("start", num(start).into()),
            ("target", t4(target).into()),
            ("result", r.into()),
        ];
        term_message(
            if ind.cumulative {
                "percent-cumulative"
            } else {
                "percent-level"
            },
            args,
        )
    };
    let mut out = Vec::new();
    if ind.kind == IndicatorType::Milestone {
        out.push(term("percent-milestone").into());
    } else if let Some(t) = p.target_to_date {
        out.push(term_message(
            "percent-of-target",
            [("formula", formula(t.value, p.percent_to_date).into())],
        ));
    }
    if let Some(e) = p.end_target.filter(|_| ind.kind != IndicatorType::Milestone) {
        out.push(term_message(
            "percent-of-end",
            [("formula", formula(e, p.percent_of_end).into())],
        ));
    }
    out
}

fn thresholds_text(t: Thresholds) -> String {
    term_message(
        "explain-thresholds",
        [("on_track", num(t.on_track).into()), ("at_risk", num(t.at_risk).into())],
    )
}

fn status_lines(ind: &Indicator, p: &Progress) -> Vec<String> {
    let mut out = vec![locale::plain_explanation(p.status, &p.reason)];
    out.push(
        term(match &p.reason {
            Reason::Reached { .. } => "rule-reached",
            Reason::MilestoneDone { .. } | Reason::MilestoneOverdue { .. } | Reason::MilestoneNotDue { .. } => {
                "rule-milestone"
            }
            Reason::NothingExpectedYet { .. } => "rule-nothing-expected",
            Reason::Missing { .. } => "rule-missing",
            Reason::Progress { .. } => "rule-progress",
            Reason::NotAchieved { .. } => "rule-not-achieved",
            Reason::FellBack { .. } => "rule-fell-back",
            Reason::TargetEqualsBaseline { .. } => "rule-target-equals-baseline",
            Reason::NoTarget | Reason::NoTargetNoData => "rule-no-target",
        })
        .to_string(),
    );
    if matches!(p.status, Status::OnTrack | Status::AtRisk | Status::OffTrack) && ind.kind != IndicatorType::Milestone {
        out.push(thresholds_text(ind.thresholds));
    }
    out
}
