//! Gender equality results: for every indicator disaggregated by sex, how
//! its total splits between women, men and the other categories, to date
//! and within the period, the share of women against the share target in
//! force, and its trend since the previous reporting period.
//!
//! The sex dimension is the disaggregation named `sex` (or `gender`); the
//! women's category is the value named `women` (or `woman`, `female`, `f`).
//! Every category is kept, `other` included, so that the shares add up to
//! 100 %. Shares are pooled over the rows recorded by sex (see
//! [`super::target_parts::composition`]), and a percentage indicator's
//! shares are of its denominator (the people counted, not those who met
//! the criterion).

use rust_decimal::Decimal;
use serde::Serialize;

use super::Computed;
use super::target_parts::{Composition, composition};
use crate::model::value::percent;
use crate::model::{Framework, Indicator, PartKind, Period, TargetPeriod};

/// The names a sex dimension and its women's category go by.
const SEX_DIMENSIONS: [&str; 2] = ["sex", "gender"];
const WOMEN: [&str; 4] = ["women", "woman", "female", "f"];

/// Which way the share of women moved since the previous reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    Same,
}

/// The women's share a target asks for, and the target it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ShareTarget {
    /// At least this percent of the total.
    #[serde(with = "rust_decimal::serde::str")]
    pub share: Decimal,
    pub period: TargetPeriod,
    /// Written as a share (`share:`), or derived from a value (`by:`):
    /// the part over the target's value.
    pub kind: PartKind,
}

/// One sex-disaggregated indicator at one reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct SexShares {
    /// Index into `Framework::indicators`.
    pub indicator: usize,
    /// Index into `Framework::disaggregations`.
    pub dimension: usize,
    /// The women's category, when the dimension has one.
    pub women: Option<usize>,
    pub to_date: Option<Composition>,
    pub period: Option<Composition>,
    /// The reporting period before this one, and the split to date at its end.
    pub previous_period: Option<Period>,
    pub previous: Option<Composition>,
    pub target: Option<ShareTarget>,
    /// The women's share to date against the previous period's.
    pub trend: Option<Trend>,
    /// share to date >= target share; `None` without both.
    pub met: Option<bool>,
}

impl SexShares {
    /// The women's share to date, in percent.
    pub fn women_to_date(&self) -> Option<Decimal> {
        self.to_date.as_ref()?.share(self.women?)
    }

    pub fn women_in_period(&self) -> Option<Decimal> {
        self.period.as_ref()?.share(self.women?)
    }

    pub fn women_previous(&self) -> Option<Decimal> {
        self.previous.as_ref()?.share(self.women?)
    }
}

/// The sex dimension of the framework, if it declares one.
pub fn sex_dimension(fw: &Framework) -> Option<usize> {
    fw.disaggregations
        .iter()
        .position(|d| SEX_DIMENSIONS.contains(&d.name.to_lowercase().as_str()))
}

/// The women's category of a sex dimension.
pub fn women_category(fw: &Framework, dim: usize) -> Option<usize> {
    fw.disaggregations[dim]
        .values
        .iter()
        .position(|v| WOMEN.contains(&v.to_lowercase().as_str()))
}

/// The women's share target in force at `period`: among the targets
/// giving one (dated targets in order, the end target last), the first
/// due at or after the period's end, else the last. A `by:` value becomes
/// a share of its target's value.
pub fn share_target(fw: &Framework, ind: &Indicator, dim: usize, women: usize, period: &Period) -> Option<ShareTarget> {
    let written: Vec<ShareTarget> = ind
        .targets
        .iter()
        .chain(&ind.end_target)
        .filter_map(|t| {
            let part = t.parts.iter().find(|p| p.dimension == dim && p.category == women)?;
            let share = match part.kind {
                PartKind::Share => part.value,
                PartKind::Value => percent(part.value, t.value)?,
            };
            Some(ShareTarget {
                share,
                period: t.period,
                kind: part.kind,
            })
        })
        .collect();
    let due = |t: &ShareTarget| match t.period {
        TargetPeriod::End => fw.project.end,
        TargetPeriod::Period(p) => p.end,
    };
    written
        .iter()
        .find(|t| due(t) >= period.end)
        .or(written.last())
        .copied()
}

fn trend(now: Option<Decimal>, before: Option<Decimal>) -> Option<Trend> {
    let (n, b) = (now?, before?);
    Some(match n.cmp(&b) {
        std::cmp::Ordering::Greater => Trend::Up,
        std::cmp::Ordering::Less => Trend::Down,
        std::cmp::Ordering::Equal => Trend::Same,
    })
}

impl Computed<'_> {
    /// Every indicator disaggregated by sex, in logframe order, at `period`.
    pub fn sex_shares(&self, period: &Period) -> Vec<SexShares> {
        let Some(dim) = sex_dimension(self.fw) else {
            return Vec::new();
        };
        let women = women_category(self.fw, dim);
        let previous_period = self.reporting.iter().rfind(|r| r.end < period.start).copied();
        let by_sex: Vec<(usize, &Indicator)> = self
            .fw
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| ind.disaggregate_by.contains(&dim))
            .collect();
        // Each indicator on its own, on every core, in logframe order.
        crate::parallel::map(&by_sex, |_, &(i, ind)| {
            let now = self.progress(i, period);
            let to_date = composition(self.fw, self.ledger, ind, &now.to_date_rows, dim);
            let in_period = composition(self.fw, self.ledger, ind, &now.period_rows, dim);
            let previous = previous_period.and_then(|pp| {
                let before = self.progress(i, &pp);
                composition(self.fw, self.ledger, ind, &before.to_date_rows, dim)
            });
            let target = women.and_then(|w| share_target(self.fw, ind, dim, w, period));
            let mut s = SexShares {
                indicator: i,
                dimension: dim,
                women,
                to_date,
                period: in_period,
                previous_period,
                previous,
                target,
                trend: None,
                met: None,
            };
            s.trend = trend(s.women_to_date(), s.women_previous());
            s.met = match (s.women_to_date(), target) {
                (Some(a), Some(t)) => Some(a >= t.share),
                _ => None,
            };
            s
        })
    }
}
