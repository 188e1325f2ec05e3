//! Funding figures: pledged total, shortfall, expenditure this period and
//! to date, burn rate and variance, spending by budget line, the next
//! period's forecast, the periods without expenditure; and the portfolio
//! over many frameworks.
//!
//! **Variance** is spending to date against the budget pro-rated to the
//! time elapsed: (spent − budget × elapsed days ÷ project days) ÷ (budget ×
//! elapsed days ÷ project days) × 100, for the whole budget and for each
//! line. It is (burn rate − 1) × 100. Beyond ±[`VARIANCE_BAND`] % spending
//! runs ahead of or behind time; within it, it is in step. Time is counted
//! to the end of the last period with expenditure recorded, so that a
//! period nobody entered is never read as a period in which nothing was
//! spent ([`missing_periods`] names those periods).
//!
//! The **forecast** for the next reporting period is, per budget line, the
//! `forecast:` entries written for it, else the line's average spending per
//! reporting period with expenditure to date (labelled as such).
//!
//! Pure and exact: amounts are summed as `Decimal`s and never formatted
//! here. Percentages are rounded to two decimals, as elsewhere in compute;
//! anything undefined (a zero budget, no time elapsed) is `None`. Totals are
//! kept per currency: a pledge in another currency enters the pledged total
//! only through the rate the user stated, and the portfolio never adds two
//! currencies together.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
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
    /// Expenditure recorded for `period` itself (rows whose period lies
    /// within it); `None` when none is recorded: unknown, not zero.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub this_period: Option<Decimal>,
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
    /// The period the pace of spending is measured to: the last one up to
    /// `period` with expenditure recorded (earlier than `period` when
    /// `period` itself has none).
    pub pace_to: Option<Period>,
    /// Days elapsed by the end of `pace_to`, x 100 / all days.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pace_elapsed_percent: Option<Decimal>,
    /// spent share / elapsed share (to the end of `pace_to`), to four
    /// decimals: 1 spends in step with time, below 1 behind, above ahead.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub burn_rate: Option<Decimal>,
    /// (spent − budget pro-rated to `pace_to`) / pro-rated budget x 100,
    /// to two decimals: (burn rate − 1) x 100.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub variance_percent: Option<Decimal>,
    /// The verdict of `variance_percent` against ±[`VARIANCE_BAND`].
    pub pace: Option<Pace>,
    /// Reporting periods up to `period` without any expenditure recorded
    /// (see [`missing_periods`]).
    pub missing: Vec<Period>,
    /// The next reporting period's forecast; `None` after the project's
    /// last period or before any expenditure or forecast.
    pub forecast: Option<Forecast>,
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
    /// The title's translations, for the reader's pages.
    #[serde(skip)]
    pub translations: BTreeMap<String, String>,
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
    /// Spent in the summary's `period` itself; `None` when nothing at all
    /// is recorded for that period (0 when other lines have expenditure).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub this_period: Option<Decimal>,
    /// The explanations written with this period's expenditure on the line
    /// (the `comment` column), in the order written, each once.
    pub comments: Vec<String>,
    /// allocation x elapsed days / project days (to `pace_to`), to cents.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub pro_rated: Option<Decimal>,
    /// (spent − pro-rated) / pro-rated x 100, to two decimals.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub variance_percent: Option<Decimal>,
    pub pace: Option<Pace>,
    pub forecast: Option<LineForecast>,
}

/// What the next period's forecast of a line rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// `forecast:` entries written for the period.
    Written,
    /// Spending to date / reporting periods with expenditure.
    Average,
    /// Some lines written, some averaged (totals only).
    Mixed,
}

#[derive(Debug, Clone, Serialize)]
pub struct LineForecast {
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub basis: Basis,
    /// The comments of the `forecast:` entries.
    pub comments: Vec<String>,
}

/// The next reporting period's forecast: the sum of the lines' forecasts.
#[derive(Debug, Clone, Serialize)]
pub struct Forecast {
    pub period: Period,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub basis: Basis,
    /// The reporting periods with expenditure an average is taken over.
    pub periods_averaged: usize,
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

/// Beyond this variance (percent of the budget pro-rated to time, either
/// way) spending runs ahead of or behind time; within it, it is in step.
/// 10 % is the customary threshold beyond which a donor officer expects
/// a budget-line variance to be explained.
pub const VARIANCE_BAND: Decimal = Decimal::TEN;

/// How spending keeps pace with time: its variance against the budget
/// pro-rated to the time elapsed, against ±[`VARIANCE_BAND`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    Behind,
    InStep,
    Ahead,
}

impl Pace {
    /// -10.01 % is behind, -10 % to +10 % in step, +10.01 % ahead.
    pub fn of(variance_percent: Decimal) -> Pace {
        if variance_percent < -VARIANCE_BAND {
            Pace::Behind
        } else if variance_percent > VARIANCE_BAND {
            Pace::Ahead
        } else {
            Pace::InStep
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

/// An amount to the cent, halves away from zero (as accountants round).
fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The time elapsed as a fraction: `elapsed` days of `total`.
#[derive(Debug, Clone, Copy)]
struct Elapsed {
    days: Decimal,
    total: Decimal,
}

impl Elapsed {
    /// amount x days / total, exact (rounded by the caller).
    fn pro_rate(&self, amount: Decimal) -> Option<Decimal> {
        amount.checked_mul(self.days)?.checked_div(self.total)
    }

    /// spent share / elapsed share, exact: spent x total / (amount x days);
    /// `None` for a zero amount or no time elapsed.
    fn burn(&self, spent: Decimal, amount: Decimal) -> Option<Decimal> {
        if amount.is_zero() || self.days.is_zero() {
            return None;
        }
        spent
            .checked_mul(self.total)?
            .checked_div(amount.checked_mul(self.days)?)
    }

    /// (burn − 1) x 100 to two decimals, with its verdict.
    fn variance(&self, spent: Decimal, amount: Decimal) -> Option<(Decimal, Pace)> {
        let v = ((self.burn(spent, amount)? - Decimal::ONE) * Decimal::ONE_HUNDRED).round_dp(2);
        Some((v, Pace::of(v)))
    }
}

/// Reporting periods lying wholly within the project and ending on or
/// before `until` in which no expenditure at all is recorded. Empty when
/// the framework records no expenditure anywhere (its funding section
/// tracks pledges only). A row of 0 is a record: nothing was spent.
pub fn missing_periods(fw: &Framework, until: NaiveDate) -> Vec<Period> {
    let Some(f) = fw.funding.as_ref().filter(|f| !f.refused && !f.expenditures.is_empty()) else {
        return Vec::new();
    };
    fw.reporting_periods()
        .into_iter()
        .filter(|r| r.start >= fw.project.start && r.end <= fw.project.end && r.end <= until)
        .filter(|r| !f.expenditures.iter().any(|e| e.period.overlaps(r)))
        .collect()
}

/// The data-quality finding for periods without expenditure, located at
/// the budget (the rows are missing, so there is no row to point at).
pub fn missing_finding(fw: &Framework, missing: &[Period]) -> Option<Diagnostic> {
    let f = fw.funding.as_ref()?;
    let list: Vec<String> = missing.iter().map(Period::to_string).collect();
    let first = list.first()?;
    let mut d = Diagnostic::warning(format!("no expenditure recorded for {}", list.join(", ")))
        .expected(format!(
            "expenditure for every {} reporting period once any is recorded",
            fw.project.reporting_frequency
        ))
        .found(format!(
            "{} period{} without expenditure",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        ))
        .hint(format!(
            "enter {first}'s expenditure in expenditures/*.csv (or under `funding: expenditures:`); write an amount of 0 with a comment when nothing was spent"
        ));
    d.span = Some(f.budget_span);
    Some(d)
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

/// What the lines are computed with: the expenditure counted to date,
/// the rows of the period itself, the time elapsed and the forecast's
/// inputs.
struct LineInputs<'a> {
    counted: &'a [&'a Expenditure],
    /// `None` when nothing is recorded for the period itself.
    this_period: Option<&'a [&'a Expenditure]>,
    elapsed: Option<Elapsed>,
    /// The next period and its written forecast entries.
    next: Option<(Period, Vec<&'a Expenditure>)>,
    /// Reporting periods with expenditure to date (the average's divisor).
    periods_with_spending: usize,
}

/// The comments of `rows`, in order, each once.
fn comments_of<'a>(rows: impl Iterator<Item = &'a Expenditure>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in rows.filter_map(|e| e.comment.clone()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// One line's figures (`line` = `None`: expenditure on no budget line).
fn line_figure(inp: &LineInputs, line: Option<usize>, allocation: Option<Decimal>) -> LineFigure {
    let on_line = |e: &&&Expenditure| e.budget_line == line;
    let spent: Decimal = inp.counted.iter().filter(on_line).map(|e| e.amount).sum();
    let this_period = inp
        .this_period
        .map(|rows| rows.iter().filter(on_line).map(|e| e.amount).sum());
    let comments = inp
        .this_period
        .map(|rows| comments_of(rows.iter().filter(on_line).copied()))
        .unwrap_or_default();
    let pro_rated = allocation
        .zip(inp.elapsed)
        .and_then(|(a, el)| el.pro_rate(a))
        .map(cents);
    let variance = allocation.zip(inp.elapsed).and_then(|(a, el)| el.variance(spent, a));
    let forecast = inp.next.as_ref().and_then(|(_, written)| {
        let mine: Vec<&&Expenditure> = written.iter().filter(|e| e.budget_line == line).collect();
        if !mine.is_empty() {
            return Some(LineForecast {
                amount: mine.iter().map(|e| e.amount).sum(),
                basis: Basis::Written,
                comments: comments_of(mine.iter().map(|e| **e)),
            });
        }
        let n = Decimal::from(inp.periods_with_spending);
        (!n.is_zero()).then(|| LineForecast {
            amount: cents(spent / n),
            basis: Basis::Average,
            comments: Vec::new(),
        })
    });
    LineFigure {
        id: None,
        title: String::new(),
        translations: BTreeMap::new(),
        allocation,
        spent,
        remaining: allocation.map(|a| a - spent),
        spent_percent: allocation.and_then(|a| percent(spent, a)),
        overspent: allocation.is_some_and(|a| spent > a),
        this_period,
        comments,
        pro_rated,
        variance_percent: variance.map(|v| v.0),
        pace: variance.map(|v| v.1),
        forecast,
    }
}

/// Spending by budget line, then what no line holds (when any expenditure
/// or written forecast holds no line).
fn line_figures(f: &Funding, inp: &LineInputs) -> Vec<LineFigure> {
    let mut lines: Vec<LineFigure> = f
        .budget_lines
        .iter()
        .enumerate()
        .map(|(i, l)| LineFigure {
            id: Some(l.id.clone()),
            title: l.title.default.clone(),
            translations: l.title.translations.clone(),
            ..line_figure(inp, Some(i), Some(l.amount))
        })
        .collect();
    let unlined_spent = inp.counted.iter().any(|e| e.budget_line.is_none());
    let unlined_forecast = inp
        .next
        .as_ref()
        .is_some_and(|(_, w)| w.iter().any(|e| e.budget_line.is_none()));
    if unlined_spent || unlined_forecast {
        lines.push(LineFigure {
            title: "no budget line".into(),
            ..line_figure(inp, None, None)
        });
    }
    lines
}

/// The next period's forecast: the sum of the lines' (each line's basis
/// named; `Mixed` when they differ).
fn forecast_total(lines: &[LineFigure], next: Option<Period>, periods_averaged: usize) -> Option<Forecast> {
    let next = next?;
    let parts: Vec<&LineForecast> = lines.iter().filter_map(|l| l.forecast.as_ref()).collect();
    let first = parts.first()?.basis;
    let basis = if parts.iter().all(|p| p.basis == first) {
        first
    } else {
        Basis::Mixed
    };
    Some(Forecast {
        period: next,
        amount: parts.iter().map(|p| p.amount).sum(),
        basis,
        periods_averaged,
    })
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

    let counted: Vec<&Expenditure> = f
        .expenditures
        .iter()
        .filter(|e| period.is_some_and(|p| e.period.end <= p.end))
        .collect();
    let spent: Decimal = counted.iter().map(|e| e.amount).sum();
    let in_period: Vec<&Expenditure> = counted
        .iter()
        .copied()
        .filter(|e| period.is_some_and(|p| p.contains(&e.period)))
        .collect();
    let this_period = (!in_period.is_empty()).then(|| in_period.iter().map(|e| e.amount).sum());

    let total_days = Decimal::from(fw.project.span().day_count());
    let days_by = |p: &Period| {
        let until = p.end.min(fw.project.end);
        Decimal::from(((until - fw.project.start).num_days() + 1).max(0))
    };
    let elapsed_percent = period.as_ref().and_then(|p| percent(days_by(p), total_days));
    // The pace runs to the last period with expenditure: a period nobody
    // entered is not a period in which nothing was spent.
    let pace_to = counted.iter().map(|e| e.period).max_by_key(|p| (p.end, p.start));
    let elapsed = pace_to.as_ref().map(|p| Elapsed {
        days: days_by(p),
        total: total_days,
    });
    let pace_elapsed_percent = elapsed.and_then(|e| percent(e.days, e.total));
    let burn_rate = elapsed.and_then(|e| e.burn(spent, f.budget)).map(|r| r.round_dp(4));
    let variance = elapsed.and_then(|e| e.variance(spent, f.budget));
    let missing = period.map(|p| missing_periods(fw, p.end)).unwrap_or_default();

    let reporting = fw.reporting_periods();
    let periods_with_spending = reporting
        .iter()
        .filter(|r| counted.iter().any(|e| e.period.overlaps(r)))
        .count();
    let next = period.and_then(|p| reporting.iter().copied().find(|r| r.start > p.end));
    let inputs = LineInputs {
        counted: &counted,
        this_period: this_period.map(|_: Decimal| in_period.as_slice()),
        elapsed,
        next: next.map(|n| (n, f.forecast.iter().filter(|e| n.contains(&e.period)).collect())),
        periods_with_spending,
    };
    let lines = line_figures(f, &inputs);
    let forecast = forecast_total(&lines, next, periods_with_spending);

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
        this_period,
        spent,
        remaining: f.budget - spent,
        spent_percent: percent(spent, f.budget),
        elapsed_percent,
        pace_to,
        pace_elapsed_percent,
        burn_rate,
        variance_percent: variance.map(|v| v.0),
        pace: variance.map(|v| v.1),
        missing,
        forecast,
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
