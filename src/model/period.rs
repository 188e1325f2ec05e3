//! Periods: the time spans that targets and values refer to.
//!
//! A period is a closed date range plus the form it was written in, so it
//! prints back the way a manager wrote it (`2022-Q3`, `FY2022-23`). Two
//! periods with the same dates are the same period whatever their spelling:
//! equality and ordering use the dates only. Parsing is strict and explains
//! itself, since periods are typed by hand in CSV files and on the command
//! line.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Serialize, Serializer};

mod fiscal_year;
mod likely;
pub(crate) use likely::{days_are_meaningful, holding_period};
mod parse;
mod reporting;

pub use fiscal_year::FiscalYearStart;
pub use parse::PeriodError;
pub(crate) use parse::{PERIOD_FORMS, parse_date, parse_period, parse_period_in};
pub use reporting::Frequency;
pub(crate) use reporting::reporting_periods;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Year,
    Half,
    Quarter,
    Month,
    Day,
    FiscalYear,
    /// A quarter (`half: false`) or half (`half: true`) of the fiscal year
    /// starting in `year`: `FY2023-24-Q2`.
    FiscalPart {
        year: i32,
        half: bool,
        n: u8,
    },
    Range,
}

/// A closed range of days, `start..=end`.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: PeriodKind,
}

impl PartialEq for Period {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end) == (other.start, other.end)
    }
}
impl Eq for Period {}
impl std::hash::Hash for Period {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end).hash(state)
    }
}
impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Period {
    /// By end date, then by start date (longer first), so a year sorts after
    /// its last quarter.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.end, other.start).cmp(&(other.end, self.start))
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Period {
    pub fn days(start: NaiveDate, end: NaiveDate) -> Period {
        Period {
            start,
            end,
            kind: PeriodKind::Range,
        }
    }

    pub fn year(y: i32) -> Period {
        Period {
            start: ymd(y, 1, 1),
            end: ymd(y, 12, 31),
            kind: PeriodKind::Year,
        }
    }

    pub fn quarter(y: i32, q: u32) -> Period {
        let start = ymd(y, 3 * (q - 1) + 1, 1);
        Period {
            start,
            end: month_end(start, 3),
            kind: PeriodKind::Quarter,
        }
    }

    pub fn half(y: i32, h: u32) -> Period {
        let start = ymd(y, 6 * (h - 1) + 1, 1);
        Period {
            start,
            end: month_end(start, 6),
            kind: PeriodKind::Half,
        }
    }

    pub fn month(y: i32, m: u32) -> Period {
        let start = ymd(y, m, 1);
        Period {
            start,
            end: month_end(start, 1),
            kind: PeriodKind::Month,
        }
    }

    pub fn contains(&self, other: &Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_date(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    pub fn day_count(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

/// Last day of the span of `months` months starting at `start`.
fn month_end(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .and_then(|d| d.pred_opt())
        .expect("date in range")
}

/// The name of the fiscal year starting in `start_year`: `FY2023-24`.
pub fn fiscal_year_name(start_year: i32) -> String {
    format!("FY{start_year}-{:02}", (start_year + 1).rem_euclid(100))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.start.year();
        match self.kind {
            PeriodKind::Year => write!(f, "{y}"),
            PeriodKind::Half => write!(f, "{y}-H{}", self.start.month().div_ceil(6)),
            PeriodKind::Quarter => write!(f, "{y}-Q{}", self.start.month().div_ceil(3)),
            PeriodKind::Month => write!(f, "{y}-{:02}", self.start.month()),
            PeriodKind::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
            PeriodKind::FiscalYear => f.write_str(&fiscal_year_name(y)),
            PeriodKind::FiscalPart { year, half, n } => {
                let part = if half { 'H' } else { 'Q' };
                write!(f, "{}-{part}{n}", fiscal_year_name(year))
            }
            PeriodKind::Range => write!(f, "{}..{}", self.start.format("%Y-%m-%d"), self.end.format("%Y-%m-%d")),
        }
    }
}

#[cfg(test)]
mod tests;
