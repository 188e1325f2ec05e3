//! A project's money: budget, budget lines, pledges and expenditure.
//!
//! Every amount is an exact `Decimal` read from the characters the user
//! wrote. Amounts in another currency than the budget's keep their own
//! currency and are converted only with a rate the user stated; nothing
//! here ever adds two currencies together.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::period::Period;
use super::text::Text;
use crate::source::Span;

/// The `funding:` section, with the expenditure ledger merged in.
#[derive(Debug, Clone, Serialize)]
pub struct Funding {
    /// ISO 4217 code of the budget; every total is in this currency.
    pub currency: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub budget: Decimal,
    pub budget_lines: Vec<BudgetLine>,
    pub pledges: Vec<Pledge>,
    /// From the YAML first, then from `expenditures/*.csv` in file order.
    pub expenditures: Vec<Expenditure>,
    /// Planned spending for coming periods (`forecast:`), written like
    /// expenditure; used for the next period's forecast.
    pub forecast: Vec<Expenditure>,
    /// The shortfall as a source states it, to be checked against
    /// budget - pledged.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub stated_shortfall: Option<Decimal>,
    /// The currency or the budget was refused while loading (an error says
    /// why); the section is kept so that its expenditure files are not
    /// reported as orphans, but no check or figure uses it.
    #[serde(skip)]
    pub refused: bool,
    #[serde(skip)]
    pub budget_span: Span,
    #[serde(skip)]
    pub stated_shortfall_span: Option<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BudgetLine {
    pub id: String,
    pub title: Text,
    /// The allocation, in the budget currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pledge {
    pub donor: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    /// The pledge's own currency (the budget currency unless stated).
    pub currency: String,
    /// Units of the budget currency per unit of the pledge's currency.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
    pub date: Option<NaiveDate>,
    #[serde(skip)]
    pub span: Span,
}

impl Pledge {
    /// The pledge in the budget currency `currency`: the amount itself, or
    /// amount x rate; `None` for another currency without a rate.
    pub fn in_currency(&self, currency: &str) -> Option<Decimal> {
        if self.currency == currency {
            Some(self.amount)
        } else {
            self.rate.and_then(|r| self.amount.checked_mul(r))
        }
    }
}

/// An amount spent (or, in `forecast:`, planned) in a period.
#[derive(Debug, Clone, Serialize)]
pub struct Expenditure {
    pub period: Period,
    /// Index into `Funding::budget_lines`; `None` when the row names none.
    pub budget_line: Option<usize>,
    /// In the budget currency.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub comment: Option<String>,
    /// Where the row was written (YAML entry or CSV line).
    #[serde(skip)]
    pub span: Span,
}

impl Funding {
    pub fn budget_line_index(&self, id: &str) -> Option<usize> {
        self.budget_lines.iter().position(|l| l.id == id)
    }
}
