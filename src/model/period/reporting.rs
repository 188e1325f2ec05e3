//! Reporting frequencies and the reporting periods they cut a project into.

use std::fmt;

use chrono::Datelike;
use serde::Serialize;

use super::{FiscalYearStart, Period, ymd};

/// The calendar periods of a reporting frequency that overlap `span`.
pub(crate) fn reporting_periods(span: Period, frequency: Frequency, fiscal: Option<FiscalYearStart>) -> Vec<Period> {
    let mut out = Vec::new();
    let mut start = match frequency {
        Frequency::Annual => match fiscal {
            Some(fy) => {
                let y = if (span.start.month(), span.start.day()) >= (fy.month, fy.day) {
                    span.start.year()
                } else {
                    span.start.year() - 1
                };
                Period::fiscal_year(y, fy).start
            }
            None => ymd(span.start.year(), 1, 1),
        },
        _ => {
            let step = frequency.months();
            let m0 = (span.start.month() - 1) / step * step + 1;
            ymd(span.start.year(), m0, 1)
        }
    };
    while start <= span.end {
        let p = match (frequency, fiscal) {
            (Frequency::Annual, Some(fy)) => Period::fiscal_year(start.year(), fy),
            (Frequency::Annual, None) => Period::year(start.year()),
            (Frequency::Semiannual, _) => Period::half(start.year(), start.month().div_ceil(6)),
            (Frequency::Quarterly, _) => Period::quarter(start.year(), start.month().div_ceil(3)),
            (Frequency::Monthly, _) => Period::month(start.year(), start.month()),
        };
        start = p.end.succ_opt().expect("date in range");
        out.push(p);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Monthly,
    Quarterly,
    Semiannual,
    Annual,
}

impl Frequency {
    pub const NAMES: [&'static str; 4] = ["monthly", "quarterly", "semiannual", "annual"];

    pub fn parse(s: &str) -> Option<Frequency> {
        Some(match s {
            "monthly" => Frequency::Monthly,
            "quarterly" => Frequency::Quarterly,
            "semiannual" => Frequency::Semiannual,
            "annual" => Frequency::Annual,
            _ => return None,
        })
    }

    fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::Semiannual => 6,
            Frequency::Annual => 12,
        }
    }
}

impl fmt::Display for Frequency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Frequency::NAMES[*self as usize])
    }
}
