//! A percent of the end target worked out with one indicator's figures,
//! for the footnote under a results table: a reader who divides 3.5 by 4
//! gets 87.5 % and thinks the report wrong, unless the table says that a
//! level is measured from its baseline, (3.5 - 2) / (4 - 2) = 75 %.
//!
//! The figures are the ones the table shows, and the percent is the one
//! [`super::progress::percent_toward`] computed for it, so the footnote
//! cannot disagree with the row it works.

use rust_decimal::Decimal;
use serde::Serialize;

use super::progress::{Progress, percent_toward};
use crate::model::{Indicator, IndicatorType, Value};

/// Which formula a percent of the end target follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Formula {
    /// Starts from zero: to date / target.
    Ratio,
    /// Starts from a baseline: (to date - baseline) / (target - baseline).
    FromBaseline,
}

/// The figures of one percent of the end target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Worked {
    pub formula: Formula,
    #[serde(with = "rust_decimal::serde::str")]
    pub actual: Decimal,
    /// The start value: zero for a ratio, the baseline for a level.
    #[serde(with = "rust_decimal::serde::str")]
    pub start: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub target: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
}

/// The percent of the end target of `p`, worked: `None` when it is
/// undefined (no value, no end target, a target equal to the start) or
/// when the indicator has no formula to show (a milestone).
pub fn percent_of_end(ind: &Indicator, p: &Progress) -> Option<Worked> {
    if ind.kind == IndicatorType::Milestone {
        return None;
    }
    let actual = p.to_date_actual.as_ref().and_then(Value::figure)?;
    let target = p.end_target?;
    let percent = percent_toward(ind, actual, target)?;
    let start = ind.start_value();
    Some(Worked {
        formula: if start.is_zero() {
            Formula::Ratio
        } else {
            Formula::FromBaseline
        },
        actual,
        start,
        target,
        percent,
    })
}

#[cfg(test)]
#[path = "percent_example_tests.rs"]
mod tests;
