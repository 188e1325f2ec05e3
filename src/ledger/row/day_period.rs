//! A one-day period where a reporting period belongs: refused when values
//! are entered (`record`, `import`, the web's form), never when a ledger is
//! read. An Excel date cell in the period column, or `2023-12-31` typed for
//! 2023-Q4, would otherwise be stored as a value for that day alone, and
//! then counted beside the quarter's (issue 17: 36 read for 34).
//!
//! The rule: a one-day period (`2023-12-31`) is accepted only for an
//! indicator whose `frequency:` says it is collected daily, weekly or by
//! event ([`days_are_meaningful`]); otherwise the refusal names the
//! project's reporting period that holds the day. A value that really
//! covers one day can still be written as the range `2023-12-31..2023-12-31`.

use crate::diag::Diagnostic;
use crate::model::period::{days_are_meaningful, holding_period};
use crate::model::{Framework, Indicator, Period, PeriodKind};

/// The refusal of `period` for `ind` when it is a day that the indicator's
/// frequency does not make meaningful.
pub(super) fn day_refusal(fw: &Framework, ind: &Indicator, period: Period) -> Option<Diagnostic> {
    if period.kind != PeriodKind::Day {
        return None;
    }
    let frequency = ind.pmf.frequency.as_ref().map(|t| t.default.as_str()).unwrap_or("");
    if days_are_meaningful(frequency) {
        return None;
    }
    let day = period.start.format("%Y-%m-%d");
    let reporting = fw.project.reporting_frequency;
    let holding = holding_period(period.start, reporting, fw.project.fiscal_year_start);
    let guess = holding.map_or_else(String::new, |p| {
        format!("did you mean {p}, the {reporting} reporting period holding {day}? ")
    });
    let collected = match frequency.trim() {
        "" => format!("the project reports {reporting}"),
        f => format!("{} is collected {}", ind.id, f.to_lowercase()),
    };
    Some(
        Diagnostic::error(format!("`{day}` is a date, not a reporting period"))
            .expected(format!("the period the value covers: {collected}"))
            .found(format!("the one day {day}"))
            .hint(format!(
                "{guess}A date (an Excel date cell, 31/12/2023) in the period column is read as that day alone; \
                 if the value really covers only that day, write {day}..{day}"
            )),
    )
}
