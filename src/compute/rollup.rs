//! Standard indicators rolled up across frameworks (the portfolio).
//!
//! At a date, each framework is taken at its latest reporting period ending
//! on or before that date (quarterly and semi-annual projects thus each
//! give their values to that date). Every indicator that declares the
//! standard contributes its to-date figure and its own status; the
//! roll-up then follows the standard's rule and nothing else:
//!
//! - `sum`: counts added up;
//! - `pool`: percentages pooled, sum of numerators / sum of denominators
//!   (never an average of percentages);
//! - `list`: levels listed, never added;
//! - `done`: milestones counted done, overdue and not yet due.
//!
//! An indicator whose type or unit does not fit the standard is shown with
//! the reason and never added. A framework without a value is named.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::Computed;
use super::breakdown::{complete_cells, points_behind};
use super::series::Point;
use super::status::{Reason, Status};
use super::sum::add;
use crate::ledger::row::TOTAL;
use crate::load::standards::{Misfit, Rule, Standard};
use crate::model::value::percent;
use crate::model::{Aggregate, Framework, IndicatorType, Period, Text, Value};

/// The latest reporting period of `fw` that ends on or before `date`;
/// `None` when none has ended yet.
pub fn period_at(fw: &Framework, date: NaiveDate) -> Option<Period> {
    fw.reporting_periods()
        .into_iter()
        .filter(|p| p.end <= date)
        .max_by_key(|p| p.end)
}

/// How the sums are split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum By {
    /// One group per framework.
    Framework,
    /// One group per donor named in the frameworks' `project.donor` (a
    /// framework naming none is its own group: no donor named).
    Donor,
    /// One group per value of the disaggregation of this name (`sex`,
    /// `country`), matched by value name across frameworks.
    Dimension(String),
}

/// Where a milestone stands at the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    Done,
    Overdue,
    NotYetDue,
}

/// One part of a contribution: the value of one group (`None`: not broken
/// down by the dimension asked for).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub key: Option<String>,
    pub value: Value,
}

/// One indicator of one framework reporting on a standard.
#[derive(Debug, Clone, Serialize)]
pub struct Contribution {
    pub framework: String,
    pub indicator: String,
    pub title: Text,
    pub unit: Option<String>,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    /// The framework's period taken (`None`: none had ended by the date).
    pub period: Option<Period>,
    pub status: Option<Status>,
    /// The to-date value at the period, as `status` shows it.
    pub value: Option<Value>,
    /// The figure of the value (a percentage for a ratio).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub figure: Option<Decimal>,
    pub milestone: Option<Milestone>,
    /// The value split as asked (empty without a split).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// Why it is not added, when it does not fit the standard.
    pub misfit: Option<Misfit>,
}

impl Contribution {
    /// Whether the roll-up takes it: it fits and has a value.
    pub fn counts(&self) -> bool {
        self.misfit.is_none() && self.value.is_some()
    }
}

/// A roll-up figure, by the standard's rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "lowercase")]
pub enum Total {
    Sum {
        /// `None` when no framework has a value.
        #[serde(with = "rust_decimal::serde::str_option")]
        value: Option<Decimal>,
    },
    Pool {
        #[serde(with = "rust_decimal::serde::str_option")]
        numerator: Option<Decimal>,
        #[serde(with = "rust_decimal::serde::str_option")]
        denominator: Option<Decimal>,
        /// numerator / denominator x 100; `None` when undefined.
        #[serde(with = "rust_decimal::serde::str_option")]
        percent: Option<Decimal>,
    },
    /// Levels are listed (see the contributions), never added.
    List,
    Done {
        done: usize,
        overdue: usize,
        not_yet_due: usize,
    },
}

/// The total of one group of a split.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub key: Option<String>,
    pub total: Total,
}

/// One standard rolled up.
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    pub code: String,
    pub title: Text,
    pub unit: String,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    pub rule: Rule,
    pub contributions: Vec<Contribution>,
    pub total: Total,
    /// The total split as asked (sums and pools only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Frameworks with a fitting indicator but no value for their period.
    pub no_value: Vec<String>,
}

/// A framework at the period taken for the roll-up.
pub struct At<'a> {
    pub computed: &'a Computed<'a>,
    pub period: Option<Period>,
}

/// Roll `standard` up over `frameworks`, split as asked.
pub fn roll_up(standard: &Standard, frameworks: &[At], by: Option<&By>) -> Rollup {
    let contributions = frameworks
        .iter()
        .flat_map(|at| contributions(at.computed, at.period.as_ref(), standard, by))
        .collect();
    combine(standard, contributions, by.is_some())
}

/// The indicators of one framework that report on `standard`, at `period`.
pub fn contributions(c: &Computed, period: Option<&Period>, standard: &Standard, by: Option<&By>) -> Vec<Contribution> {
    let fw = c.fw;
    let mut out = Vec::new();
    for (i, ind) in fw.indicators.iter().enumerate() {
        if ind.standard.as_deref() != Some(standard.code.as_str()) {
            continue;
        }
        let progress = period.map(|p| c.progress(i, p));
        let value = progress.as_ref().and_then(|p| p.to_date_actual.clone());
        let milestone = progress.as_ref().and_then(|p| match p.reason {
            Reason::MilestoneDone { .. } => Some(Milestone::Done),
            Reason::MilestoneOverdue { .. } => Some(Milestone::Overdue),
            Reason::MilestoneNotDue { .. } => Some(Milestone::NotYetDue),
            _ => None,
        });
        let parts = match (by, period, &value) {
            (Some(by), Some(p), Some(v @ (Value::Number { .. } | Value::Ratio { .. }))) => split(c, i, p, v, by),
            _ => Vec::new(),
        };
        out.push(Contribution {
            framework: fw.project.id.clone(),
            indicator: ind.id.clone(),
            title: ind.title.clone(),
            unit: ind.unit.clone(),
            kind: ind.kind,
            period: period.copied(),
            status: progress.as_ref().map(|p| p.status),
            figure: value.as_ref().and_then(Value::figure),
            value,
            milestone,
            parts,
            misfit: standard.misfit(ind),
        });
    }
    out
}

/// The to-date value `total` of indicator `i` split as asked: by framework
/// one part; by a dimension, each point behind the value by its own
/// complete breakdown, and what that leaves (not broken down).
fn split(c: &Computed, i: usize, period: &Period, total: &Value, by: &By) -> Vec<Part> {
    let fw = c.fw;
    let name = match by {
        By::Framework => {
            return vec![Part {
                key: Some(fw.project.id.clone()),
                value: total.clone(),
            }];
        }
        By::Donor => {
            return vec![Part {
                key: fw.project.donor.clone(),
                value: total.clone(),
            }];
        }
        By::Dimension(name) => name,
    };
    let mut parts = Vec::new();
    if let Some(d) = fw.disaggregation_index(name) {
        let ind = &fw.indicators[i];
        let points = &c.series.by_indicator[i];
        let so_far: Vec<&Point> = points.iter().filter(|p| p.period.end <= period.end).collect();
        let within: Vec<&Point> = points.iter().filter(|p| period.contains(&p.period)).collect();
        // The points behind the to-date value, as `progress` takes them.
        let to_date = if ind.cumulative || ind.aggregate != Aggregate::Sum {
            so_far
        } else {
            within
        };
        let rule = if ind.cumulative { Aggregate::Sum } else { ind.aggregate };
        let behind = points_behind(rule, &to_date);
        // Each point by its own breakdown: one recorded without it leaves
        // its value to "not broken down" without hiding the others'.
        let mut by_value: BTreeMap<u16, Value> = BTreeMap::new();
        for p in behind {
            for (key, value) in complete_cells(c.ledger, &[p]) {
                let only_d = key.0.iter().enumerate().all(|(j, &v)| (j == d) == (v != TOTAL));
                if only_d {
                    let sum = match by_value.get(&key.0[d]) {
                        Some(prev) => add(prev, &value),
                        None => value,
                    };
                    by_value.insert(key.0[d], sum);
                }
            }
        }
        for (index, value) in by_value {
            let label = fw.disaggregations[d].values.get(index as usize).cloned();
            parts.push(Part { key: label, value });
        }
    }
    let rest = parts.iter().try_fold(total.clone(), |acc, p| minus(&acc, &p.value));
    match rest {
        Some(rest) if !is_zero(&rest) => parts.push(Part { key: None, value: rest }),
        Some(_) => {}
        // Not numbers: nothing can be split.
        None => {
            parts = vec![Part {
                key: None,
                value: total.clone(),
            }]
        }
    }
    parts
}

fn minus(a: &Value, b: &Value) -> Option<Value> {
    super::sum::part_by_part(a, b, |x, y| x - y)
}

fn is_zero(v: &Value) -> bool {
    match v {
        Value::Number { value } => value.is_zero(),
        Value::Ratio { numerator, denominator } => numerator.is_zero() && denominator.is_zero(),
        _ => false,
    }
}

/// The roll-up of contributions gathered from every framework: the total by
/// the standard's rule over the contributions that fit and have a value,
/// the groups of their parts when split, and the frameworks without a value.
pub fn combine(standard: &Standard, contributions: Vec<Contribution>, split: bool) -> Rollup {
    let taken: Vec<&Contribution> = contributions.iter().filter(|c| c.counts()).collect();
    let total = combined(
        standard.aggregation,
        taken.iter().filter_map(|c| c.value.as_ref()),
        taken.iter().filter_map(|c| c.milestone),
    );
    let mut groups = Vec::new();
    if split && matches!(standard.aggregation, Rule::Sum | Rule::Pool) {
        let mut by_key: BTreeMap<(bool, Option<String>), Vec<&Value>> = BTreeMap::new();
        for c in &taken {
            for p in &c.parts {
                // Named groups first, in name order; "not broken down" last.
                by_key
                    .entry((p.key.is_none(), p.key.clone()))
                    .or_default()
                    .push(&p.value);
            }
        }
        groups = by_key
            .into_iter()
            .map(|((_, key), values)| Group {
                key,
                total: combined(standard.aggregation, values.into_iter(), std::iter::empty()),
            })
            .collect();
    }
    let mut no_value: Vec<String> = contributions
        .iter()
        .filter(|c| c.misfit.is_none() && c.value.is_none())
        .map(|c| c.framework.clone())
        .collect();
    no_value.dedup();
    Rollup {
        code: standard.code.clone(),
        title: standard.title.clone(),
        unit: standard.unit.clone(),
        kind: standard.kind,
        rule: standard.aggregation,
        contributions,
        total,
        groups,
        no_value,
    }
}

/// Values combined by `rule`: numbers added, ratios pooled, milestones
/// counted; a value of another kind is never added in.
fn combined<'v>(
    rule: Rule,
    values: impl Iterator<Item = &'v Value>,
    milestones: impl Iterator<Item = Milestone>,
) -> Total {
    match rule {
        Rule::Sum => Total::Sum {
            value: values
                .filter_map(|v| match v {
                    Value::Number { value } => Some(*value),
                    _ => None,
                })
                .fold(None, |acc: Option<Decimal>, x| Some(acc.unwrap_or_default() + x)),
        },
        Rule::Pool => {
            let (numerator, denominator) = values
                .filter_map(|v| match v {
                    Value::Ratio { numerator, denominator } => Some((*numerator, *denominator)),
                    _ => None,
                })
                .fold((None, None), |(n, d): (Option<Decimal>, Option<Decimal>), (x, y)| {
                    (Some(n.unwrap_or_default() + x), Some(d.unwrap_or_default() + y))
                });
            Total::Pool {
                numerator,
                denominator,
                percent: numerator.zip(denominator).and_then(|(n, d)| percent(n, d)),
            }
        }
        Rule::List => Total::List,
        Rule::Done => {
            let (mut done, mut overdue, mut not_yet_due) = (0, 0, 0);
            for m in milestones {
                match m {
                    Milestone::Done => done += 1,
                    Milestone::Overdue => overdue += 1,
                    Milestone::NotYetDue => not_yet_due += 1,
                }
            }
            Total::Done {
                done,
                overdue,
                not_yet_due,
            }
        }
    }
}

#[cfg(test)]
#[path = "rollup_tests.rs"]
mod tests;
