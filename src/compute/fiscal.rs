//! The fiscal year a date falls in.
//!
//! A fiscal year is named by the calendar year it starts in and runs from
//! its start day (`fiscal_year_start: 04-01`) to the day before the next.

use chrono::NaiveDate;

use crate::model::{FiscalYearStart, Period};

/// The fiscal year holding `date`.
pub(crate) fn fiscal_year_holding(date: NaiveDate, fy: FiscalYearStart) -> Period {
    Period::fiscal_year(fy.start_year_of(date), fy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const APRIL: FiscalYearStart = FiscalYearStart { month: 4, day: 1 };

    #[test]
    fn a_date_before_the_start_day_belongs_to_the_year_before() {
        // 31 March 2024 < 1 April: FY2023-24, 2023-04-01 .. 2024-03-31.
        let p = fiscal_year_holding(ymd(2024, 3, 31), APRIL);
        assert_eq!((p.start, p.end), (ymd(2023, 4, 1), ymd(2024, 3, 31)));
    }

    #[test]
    fn the_start_day_opens_a_new_year() {
        // 1 April 2024: FY2024-25, 2024-04-01 .. 2025-03-31.
        let p = fiscal_year_holding(ymd(2024, 4, 1), APRIL);
        assert_eq!((p.start, p.end), (ymd(2024, 4, 1), ymd(2025, 3, 31)));
    }

    #[test]
    fn a_calendar_fiscal_year_is_the_date_s_year() {
        let jan = FiscalYearStart { month: 1, day: 1 };
        let p = fiscal_year_holding(ymd(2023, 12, 31), jan);
        assert_eq!((p.start, p.end), (ymd(2023, 1, 1), ymd(2023, 12, 31)));
        // A mid-month start: 15 July 2023 < 16 July, so FY2022-23.
        let p = fiscal_year_holding(ymd(2023, 7, 15), FiscalYearStart { month: 7, day: 16 });
        assert_eq!((p.start, p.end), (ymd(2022, 7, 16), ymd(2023, 7, 15)));
    }
}
