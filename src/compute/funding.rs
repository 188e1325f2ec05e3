//! Funding figures: pledged total, shortfall, expenditure to date, burn
//! rate, spending by budget line; and the portfolio over many frameworks.
//!
//! Pure and exact: amounts are summed as `Decimal`s and never formatted
//! here. Percentages are rounded to two decimals, as elsewhere in compute;
//! anything undefined (a zero budget, no time elapsed) is `None`. Totals are
//! kept per currency: a pledge in another currency enters the pledged total
//! only through the rate the user stated, and the portfolio never adds two
//! currencies together.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::funding::{Expenditure, Funding};
use crate::model::{Framework, Period};

/// The financial state of one framework at one period: what the report's
/// financial section and `logframe funding` are made from. Every figure is
/// an exact decimal (serialised as a string such as `"2901786.00"`), in
/// `currency` unless it says otherwise.
#[derive(Debug, Clone, Serialize)]
pub struct FundingSummary {
    pub framework: String,
    pub short_name: Option<String>,
    pub title: String,
    /// The budget currency (ISO 4217).
    pub currency: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    pub pledges: Vec<PledgeFigure>,
    /// Sum of the pledges in the budget currency (converted at stated rates).
    #[serde(with = "rust_decimal::serde::str")]
    pub pledged: Decimal,
    /// pledged / budget x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pledged_percent: Option<Decimal>,
    /// Pledges in other currencies without a rate, summed per currency;
    /// they are not in `pledged` nor in `shortfall`.
    pub unconverted: Vec<Money>,
    /// budget - pledged; negative when more is pledged than budgeted.
    #[serde(with = "rust_decimal::serde::str")]
    pub shortfall: Decimal,
    /// The shortfall a source states, compared with `shortfall`.
    pub shortfall_check: Option<ShortfallCheck>,
    /// Expenditure is counted for periods ending on or before this one;
    /// `None` when no expenditure is recorded and no period was asked for.
    pub period: Option<Period>,
    /// Expenditure to date.
    #[serde(with = "rust_decimal::serde::str")]
    pub spent: Decimal,
    /// budget - spent.
    #[serde(with = "rust_decimal::serde::str")]
    pub remaining: Decimal,
    /// spent / budget x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent_percent: Option<Decimal>,
    /// Days of the project elapsed by the end of `period`, x 100 / all days.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub elapsed_percent: Option<Decimal>,
    /// spent share / elapsed share, to four decimals: 1 spends in step with
    /// time, below 1 behind it, above 1 ahead of it.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub burn_rate: Option<Decimal>,
    /// Spending by budget line against its allocation, in declaration
    /// order, then spending on no line (if any).
    pub lines: Vec<LineFigure>,
    /// Expenditure per period up to `period`, with the running total: the
    /// data of a burn-rate chart.
    pub by_period: Vec<PeriodSpend>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PledgeFigure {
    pub donor: String,
    pub date: Option<NaiveDate>,
    /// The pledge's own currency and amount.
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    /// In the budget currency; `None` for another currency without a rate.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub converted: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Money {
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
}

/// A stated shortfall against budget - pledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ShortfallCheck {
    #[serde(with = "rust_decimal::serde::str")]
    pub stated: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub computed: Decimal,
    /// stated - computed.
    #[serde(with = "rust_decimal::serde::str")]
    pub difference: Decimal,
    pub agrees: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LineFigure {
    /// `None` for expenditure recorded on no budget line.
    pub id: Option<String>,
    pub title: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub allocation: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str")]
    pub spent: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub remaining: Option<Decimal>,
    /// spent / allocation x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub spent_percent: Option<Decimal>,
    pub overspent: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodSpend {
    pub period: Period,
    #[serde(with = "rust_decimal::serde::str")]
    pub spent: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub cumulative: Decimal,
    /// cumulative / budget x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub cumulative_percent: Option<Decimal>,
    /// Share of the project's days elapsed by the period's end, x 100: the
    /// pace a spend in step with time would have reached.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub elapsed_percent: Option<Decimal>,
}

impl FundingSummary {
    /// The shortfall as a percent of the budget, to two decimals: the
    /// complement of `pledged_percent` (budget 200, pledged 150: shortfall
    /// 50, 25 %). `None` for a zero budget.
    pub(crate) fn shortfall_percent(&self) -> Option<Decimal> {
        percent(self.shortfall, self.budget)
    }
}

/// How spending keeps pace with time: a burn rate (share of the budget
/// spent / share of the time elapsed) below, at or above 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pace {
    Slower,
    InStep,
    Faster,
}

impl Pace {
    pub(crate) fn of(burn_rate: Decimal) -> Pace {
        match burn_rate.cmp(&Decimal::ONE) {
            std::cmp::Ordering::Less => Pace::Slower,
            std::cmp::Ordering::Equal => Pace::InStep,
            std::cmp::Ordering::Greater => Pace::Faster,
        }
    }
}

impl ShortfallCheck {
    /// How far the stated shortfall is from budget - pledged, whichever
    /// way (`difference` says which).
    pub(crate) fn gap(&self) -> Decimal {
        self.difference.abs()
    }
}

/// part / whole x 100 to two decimals; `None` for a zero whole.
fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    Some((part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?).round_dp(2))
}

/// The period expenditure is counted to by default: the latest one with
/// expenditure (by end date).
pub fn default_period(fw: &Framework) -> Option<Period> {
    fw.funding.as_ref()?.expenditures.iter().map(|e| e.period).max()
}

/// Each pledge with its amount in the budget's currency, the pledged total
/// (converted pledges only) and the unconverted amounts per currency.
fn pledge_figures(f: &Funding) -> (Vec<PledgeFigure>, Decimal, Vec<Money>) {
    let pledges: Vec<PledgeFigure> = f
        .pledges
        .iter()
        .map(|p| PledgeFigure {
            donor: p.donor.clone(),
            date: p.date,
            currency: p.currency.clone(),
            amount: p.amount,
            rate: p.rate,
            converted: p.in_currency(&f.currency),
        })
        .collect();
    let pledged: Decimal = pledges.iter().filter_map(|p| p.converted).sum();
    let mut unconverted: BTreeMap<&str, Decimal> = BTreeMap::new();
    for p in pledges.iter().filter(|p| p.converted.is_none()) {
        *unconverted.entry(&p.currency).or_default() += p.amount;
    }
    let unconverted: Vec<Money> = unconverted
        .into_iter()
        .map(|(c, a)| Money {
            currency: c.to_string(),
            amount: a,
        })
        .collect();
    (pledges, pledged, unconverted)
}

/// A stated shortfall that is not budget - pledged: the warning, both
/// figures and which way it is off.
fn shortfall_finding(f: &Funding, c: &ShortfallCheck, pledged: Decimal, all_converted: bool) -> Diagnostic {
    let shortfall = c.computed;
    let way = if c.difference.is_sign_negative() {
        format!("{} less", -c.difference)
    } else {
        format!("{} more", c.difference)
    };
    let mut d = Diagnostic::warning(format!(
        "the stated shortfall does not add up: budget {} - pledged {pledged} = {shortfall}, the source states {}",
        f.budget, c.stated
    ))
    .expected(format!("{shortfall} (budget {} - pledges {pledged})", f.budget))
    .found(format!("{} ({way})", c.stated))
    .hint(if all_converted {
        "check the budget and every pledge against the source; if the source itself is wrong, keep its figure here and say so in a comment"
    } else {
        "pledges without a rate are left out of the pledged total: add their `rate:`, then compare again"
    });
    d.span = f.stated_shortfall_span;
    d
}

/// Spending by budget line, then what no line holds.
fn line_figures(f: &Funding, counted: &[&Expenditure]) -> Vec<LineFigure> {
    let mut lines: Vec<LineFigure> = f
        .budget_lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let s: Decimal = counted
                .iter()
                .filter(|e| e.budget_line == Some(i))
                .map(|e| e.amount)
                .sum();
            LineFigure {
                id: Some(l.id.clone()),
                title: l.title.default.clone(),
                allocation: Some(l.amount),
                spent: s,
                remaining: Some(l.amount - s),
                spent_percent: percent(s, l.amount),
                overspent: s > l.amount,
            }
        })
        .collect();
    let unlined: Vec<_> = counted.iter().filter(|e| e.budget_line.is_none()).collect();
    if !unlined.is_empty() {
        lines.push(LineFigure {
            id: None,
            title: "no budget line".into(),
            allocation: None,
            spent: unlined.iter().map(|e| e.amount).sum(),
            remaining: None,
            spent_percent: None,
            overspent: false,
        });
    }
    lines
}

/// The funding figures of `fw` with expenditure up to `period` (default:
/// the latest period with expenditure). `None` without a funding section.
/// The diagnostics report a stated shortfall that does not add up.
pub fn summary(fw: &Framework, period: Option<Period>) -> Option<(FundingSummary, Diagnostics)> {
    let f = fw.funding.as_ref().filter(|f| !f.refused)?;
    let mut diags = Diagnostics::default();
    let period = period.or_else(|| default_period(fw));

    let (pledges, pledged, unconverted) = pledge_figures(f);
    let shortfall = f.budget - pledged;

    let shortfall_check = f.stated_shortfall.map(|stated| {
        let difference = stated - shortfall;
        ShortfallCheck {
            stated,
            computed: shortfall,
            difference,
            agrees: difference.is_zero(),
        }
    });
    if let Some(c) = shortfall_check.filter(|c| !c.agrees) {
        diags.push(shortfall_finding(f, &c, pledged, unconverted.is_empty()));
    }

    let counted: Vec<_> = f
        .expenditures
        .iter()
        .filter(|e| period.is_some_and(|p| e.period.end <= p.end))
        .collect();
    let spent: Decimal = counted.iter().map(|e| e.amount).sum();

    let total_days = Decimal::from(fw.project.span().day_count());
    let days_by = |p: &Period| {
        let until = p.end.min(fw.project.end);
        Decimal::from(((until - fw.project.start).num_days() + 1).max(0))
    };
    let elapsed_days = period.as_ref().map(days_by);
    let elapsed_percent = elapsed_days.and_then(|e| percent(e, total_days));
    let burn_rate = match elapsed_days {
        Some(e) if !e.is_zero() && !f.budget.is_zero() => spent
            .checked_mul(total_days)
            .and_then(|x| x.checked_div(f.budget.checked_mul(e)?))
            .map(|r| r.round_dp(4)),
        _ => None,
    };

    let lines = line_figures(f, &counted);

    let mut per: BTreeMap<Period, Decimal> = BTreeMap::new();
    for e in &counted {
        *per.entry(e.period).or_default() += e.amount;
    }
    let mut running = Decimal::ZERO;
    let by_period = per
        .into_iter()
        .map(|(p, s)| {
            running += s;
            PeriodSpend {
                period: p,
                spent: s,
                cumulative: running,
                cumulative_percent: percent(running, f.budget),
                elapsed_percent: percent(days_by(&p), total_days),
            }
        })
        .collect();

    let summary = FundingSummary {
        framework: fw.project.id.clone(),
        short_name: fw.project.short_name.clone(),
        title: fw.project.title.default.clone(),
        currency: f.currency.clone(),
        start: fw.project.start,
        end: fw.project.end,
        budget: f.budget,
        pledges,
        pledged,
        pledged_percent: percent(pledged, f.budget),
        unconverted,
        shortfall,
        shortfall_check,
        period,
        spent,
        remaining: f.budget - spent,
        spent_percent: percent(spent, f.budget),
        elapsed_percent,
        burn_rate,
        lines,
        by_period,
    };
    Some((summary, diags))
}

/// Budget, pledges and shortfall of many frameworks, per currency.
#[derive(Debug, Clone, Serialize)]
pub struct Portfolio {
    pub projects: Vec<PortfolioRow>,
    /// One total per budget currency, in currency order.
    pub totals: Vec<CurrencyTotal>,
    /// Frameworks without a `funding:` section (ids).
    pub without_funding: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortfolioRow {
    pub framework: String,
    pub short_name: Option<String>,
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub pledged: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub shortfall: Decimal,
    pub shortfall_check: Option<ShortfallCheck>,
    pub unconverted: Vec<Money>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CurrencyTotal {
    pub currency: String,
    pub projects: usize,
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub pledged: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub shortfall: Decimal,
}

/// The portfolio of the given summaries (in their order).
pub fn portfolio(summaries: &[FundingSummary], without_funding: Vec<String>) -> Portfolio {
    let projects: Vec<PortfolioRow> = summaries
        .iter()
        .map(|s| PortfolioRow {
            framework: s.framework.clone(),
            short_name: s.short_name.clone(),
            currency: s.currency.clone(),
            budget: s.budget,
            pledged: s.pledged,
            shortfall: s.shortfall,
            shortfall_check: s.shortfall_check,
            unconverted: s.unconverted.clone(),
        })
        .collect();
    let mut totals: BTreeMap<&str, CurrencyTotal> = BTreeMap::new();
    for p in &projects {
        let t = totals.entry(&p.currency).or_insert_with(|| CurrencyTotal {
            currency: p.currency.clone(),
            projects: 0,
            budget: Decimal::ZERO,
            pledged: Decimal::ZERO,
            shortfall: Decimal::ZERO,
        });
        t.projects += 1;
        t.budget += p.budget;
        t.pledged += p.pledged;
        t.shortfall += p.shortfall;
    }
    let totals = totals.into_values().collect();
    Portfolio {
        projects,
        totals,
        without_funding,
    }
}

#[cfg(test)]
#[path = "funding_tests.rs"]
mod tests;

/// The sum of amounts, `None` when there are none (an activity with no
/// budget has no budget, not a budget of zero).
pub fn total(amounts: &[Decimal]) -> Option<Decimal> {
    (!amounts.is_empty()).then(|| amounts.iter().sum())
}
