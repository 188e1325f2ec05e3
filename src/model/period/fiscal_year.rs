//! Fiscal years: the month-day they start on, and the year-long period
//! from one start to the next (`FY2022-23`).

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use super::{Period, PeriodKind, ymd};

/// Month and day a fiscal year starts on (`04-01` for Canada's April-March).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalYearStart {
    pub month: u32,
    pub day: u32,
}

impl FiscalYearStart {
    pub fn parse(text: &str) -> Option<FiscalYearStart> {
        let (m, d) = text.trim().split_once('-')?;
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        // 2001 is not a leap year, so 02-29 is refused.
        NaiveDate::from_ymd_opt(2001, month, day)?;
        Some(FiscalYearStart { month, day })
    }

    /// The calendar year the fiscal year holding `date` starts in. Compares
    /// (month, day) pairs, not dates built in the date's year, so that a
    /// start day that year lacks cannot make it fail.
    pub fn start_year_of(self, date: NaiveDate) -> i32 {
        if (date.month(), date.day()) >= (self.month, self.day) {
            date.year()
        } else {
            date.year() - 1
        }
    }
}

impl fmt::Display for FiscalYearStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl Period {
    pub fn fiscal_year(start_year: i32, fy: FiscalYearStart) -> Period {
        let start = NaiveDate::from_ymd_opt(start_year, fy.month, fy.day).unwrap_or(ymd(start_year, 1, 1));
        let end = start
            .checked_add_months(Months::new(12))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start);
        Period {
            start,
            end,
            kind: PeriodKind::FiscalYear,
        }
    }
}

impl Period {
    /// Quarter `n` (1-4) or, with `half`, half `n` (1-2) of the fiscal year
    /// starting in `start_year`: FY2023-24-Q2 of an April year is July to
    /// September 2023.
    pub fn fiscal_part(start_year: i32, fy: FiscalYearStart, half: bool, n: u32) -> Period {
        let year = Period::fiscal_year(start_year, fy);
        let months = if half { 6 } else { 3 };
        let start = year
            .start
            .checked_add_months(Months::new(months * (n - 1)))
            .unwrap_or(year.start);
        let end = start
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(start);
        Period {
            start,
            end,
            kind: PeriodKind::FiscalPart {
                year: start_year,
                half,
                n: n as u8,
            },
        }
    }

    /// The fiscal quarter or half with exactly this period's dates, if
    /// there is one (2023-Q3 is FY2023-24-Q2 of an April year).
    pub fn as_fiscal_part(&self, fy: FiscalYearStart) -> Option<Period> {
        let holding = fy.start_year_of(self.start);
        [(false, 1..=4u32), (true, 1..=2)]
            .into_iter()
            .flat_map(|(half, ns)| ns.map(move |n| (half, n)))
            .map(|(half, n)| Period::fiscal_part(holding, fy, half, n))
            .find(|p| p == self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_fiscal_year_start_is_a_month_day_of_every_year() {
        let april = FiscalYearStart::parse(" 04-01 ").unwrap();
        assert_eq!(april, FiscalYearStart { month: 4, day: 1 });
        assert_eq!(april.to_string(), "04-01");
        for bad in ["02-29", "13-01", "04-31", "4/1", "April", ""] {
            assert_eq!(FiscalYearStart::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_fiscal_year_runs_from_its_start_to_the_day_before_the_next() {
        let april = FiscalYearStart { month: 4, day: 1 };
        let fy = Period::fiscal_year(2022, april);
        assert_eq!((fy.start, fy.end), (date("2022-04-01"), date("2023-03-31")));
        assert_eq!(fy.to_string(), "FY2022-23");
        // Across a leap day: 2023-03-01 .. 2024-02-29.
        let march = Period::fiscal_year(2023, FiscalYearStart { month: 3, day: 1 });
        assert_eq!((march.start, march.end), (date("2023-03-01"), date("2024-02-29")));
        let january = Period::fiscal_year(2022, FiscalYearStart { month: 1, day: 1 });
        assert_eq!((january.start, january.end), (date("2022-01-01"), date("2022-12-31")));
    }
}
