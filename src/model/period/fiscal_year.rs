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
