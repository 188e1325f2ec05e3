//! Targets by category graded like any target: the part of the total a
//! category holds to date (its share in percent, or its value) against the
//! part the target states (`share:` or `by:`).
//!
//! A category's weight is its value for counts and numbers, and its
//! denominator for percentages: the share of women in a percentage
//! indicator is the share of women among those counted (the respondents),
//! not among those who meet the criterion. Shares are pooled over the rows
//! recorded by the dimension (a row without the dimension counts in no
//! category), and undefined (`None`) when their total is zero.

use rust_decimal::Decimal;
use serde::Serialize;

use super::Progress;
use super::breakdown;
use crate::ledger::Ledger;
use crate::model::value::percent;
use crate::model::{Framework, Indicator, PartKind, Period, TargetPeriod, Value};

/// One category's weight and share of the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryFigure {
    /// Index into the dimension's values.
    pub category: usize,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Percent of the total; `None` when the total is zero.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub share: Option<Decimal>,
}

/// How a total splits by the categories of one dimension: every category
/// of the dimension, in declared order, those without rows at zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Composition {
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    pub categories: Vec<CategoryFigure>,
    /// The ledger rows split (those that give the dimension).
    #[serde(skip)]
    pub rows: Vec<u32>,
}

impl Composition {
    pub fn share(&self, category: usize) -> Option<Decimal> {
        self.categories.iter().find(|c| c.category == category)?.share
    }

    pub fn value(&self, category: usize) -> Option<Decimal> {
        Some(self.categories.iter().find(|c| c.category == category)?.value)
    }
}

/// What a value weighs in a category: a count or number its value, a
/// percentage its denominator; milestones and texts do not split.
fn weight(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number { value } => Some(*value),
        Value::Ratio { denominator, .. } => Some(*denominator),
        Value::Flag { .. } | Value::Text { .. } => None,
    }
}

/// Each part's share (percent) of the parts' total, weighed as in
/// [`composition`]; `None` when the total is zero or the part does not
/// split (milestones, texts).
pub(crate) fn shares<K: Ord + Clone>(
    parts: &std::collections::BTreeMap<K, Value>,
) -> std::collections::BTreeMap<K, Option<Decimal>> {
    let total: Decimal = parts.values().filter_map(weight).sum();
    parts
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                weight(v).and_then(|w| percent(w, total)).map(|d| d.normalize()),
            )
        })
        .collect()
}

/// The split of `rows` (a period's or the to-date rows of a [`Progress`])
/// by dimension `dim`; `None` when no row gives the dimension.
pub fn composition(fw: &Framework, ledger: &Ledger, ind: &Indicator, rows: &[u32], dim: usize) -> Option<Composition> {
    let rows = breakdown::rows_by(ledger, &breakdown::to_date_rows(ledger, ind, rows), &[dim]).into_owned();
    let by = breakdown::sum_by_dimension(ledger, &rows, dim);
    if by.is_empty() {
        return None;
    }
    let weights: Vec<(usize, Decimal)> = (0..fw.disaggregations[dim].values.len())
        .map(|c| {
            let w = by.get(&(c as u16)).and_then(weight).unwrap_or(Decimal::ZERO);
            (c, w)
        })
        .collect();
    let total: Decimal = weights.iter().map(|(_, w)| *w).sum();
    Some(Composition {
        rows,
        total,
        categories: weights
            .into_iter()
            .map(|(category, value)| CategoryFigure {
                category,
                value,
                share: percent(value, total).map(|d| d.normalize()),
            })
            .collect(),
    })
}

/// One category's part of one target, graded at a reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct PartGrade {
    /// The target the part belongs to.
    pub target_period: TargetPeriod,
    pub kind: PartKind,
    pub dimension: usize,
    pub category: usize,
    /// The share (percent) or value the target states.
    #[serde(with = "rust_decimal::serde::str")]
    pub target: Decimal,
    /// The category's share (percent) or value to date.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
    /// actual / target x 100; `None` when either is missing or the target is zero.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
    /// actual >= target; `None` without an actual.
    pub met: Option<bool>,
    /// The target's period has ended by the reporting period's end.
    pub due: bool,
    /// The category's total to date, and the total it is a share of.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub category_value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total: Option<Decimal>,
    /// The ledger rows behind the category figures.
    #[serde(skip)]
    pub rows: Vec<u32>,
}

/// Every part of every target of `ind` (dated targets in period order,
/// then the life-of-project target), graded against the values to date
/// at `p.period`.
pub fn grade_parts(fw: &Framework, ledger: &Ledger, ind: &Indicator, p: &Progress) -> Vec<PartGrade> {
    let mut out = Vec::new();
    for t in ind.targets.iter().chain(&ind.end_target) {
        for part in &t.parts {
            let comp = composition(fw, ledger, ind, &p.to_date_rows, part.dimension);
            let category_value = comp.as_ref().and_then(|c| c.value(part.category));
            let actual = match part.kind {
                PartKind::Share => comp.as_ref().and_then(|c| c.share(part.category)),
                PartKind::Value => category_value,
            };
            out.push(PartGrade {
                target_period: t.period,
                kind: part.kind,
                dimension: part.dimension,
                category: part.category,
                target: part.value,
                actual,
                percent: actual.and_then(|a| percent(a, part.value)).map(|d| d.normalize()),
                met: actual.map(|a| a >= part.value),
                due: is_due(fw, t.period, &p.period),
                category_value,
                total: comp.as_ref().map(|c| c.total),
                rows: comp.map(|c| c.rows).unwrap_or_default(),
            });
        }
    }
    out
}

/// A target falls due at its period's end (the project's end for `end`).
fn is_due(fw: &Framework, t: TargetPeriod, at: &Period) -> bool {
    match t {
        TargetPeriod::End => at.end >= fw.project.end,
        TargetPeriod::Period(p) => p.end <= at.end,
    }
}
