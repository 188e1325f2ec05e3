//! Fiscal years: the month-day they start on, and the year-long period
//! from one start to the next (`FY2022-23`).

use std::fmt;

use chrono::{Months, NaiveDate};

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
