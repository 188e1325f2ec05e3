//! Parsing periods and dates as typed by hand: strict, and every refusal
//! says what was expected. A period written another way gets a "did you
//! mean" from [`super::likely`].

use chrono::NaiveDate;

use super::likely::{likely_date, likely_period, tokens};
use super::*;

/// Why a period did not parse: what was expected and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    pub message: String,
    pub hint: String,
}

pub(crate) const PERIOD_FORMS: &str =
    "a period such as 2022, 2022-Q3, 2022-H1, 2022-07, 2022-07-15, FY2022-23, FY2022-23-Q2 or 2022-04-01..2022-06-30";

fn err(message: impl Into<String>, hint: impl Into<String>) -> PeriodError {
    PeriodError {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Parse a period as written in YAML, CSV or on the command line.
pub(crate) fn parse_period(text: &str, fiscal: Option<FiscalYearStart>) -> Result<Period, PeriodError> {
    parse_period_in(text, fiscal, None)
}

/// [`parse_period`] for a project reporting at `frequency`: a date written
/// where a period belongs is answered with the reporting period holding it.
pub(crate) fn parse_period_in(
    text: &str,
    fiscal: Option<FiscalYearStart>,
    frequency: Option<Frequency>,
) -> Result<Period, PeriodError> {
    parse_strict(text, fiscal).map_err(|e| match likely_period(text.trim(), fiscal, frequency) {
        Some(guess) => err(
            format!("`{}` is not written as a period", text.trim()),
            format!(
                "did you mean {guess}? Periods are written as {}",
                PERIOD_FORMS.trim_start_matches("a period such as ")
            ),
        ),
        None => e,
    })
}

fn parse_strict(text: &str, fiscal: Option<FiscalYearStart>) -> Result<Period, PeriodError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(err("the period is empty", "write the period, e.g. 2022-Q3"));
    }
    if let Some((a, b)) = t.split_once("..") {
        let start = parse_date(a).map_err(|e| err(format!("range start: {}", e.message), e.hint))?;
        let end = parse_date(b).map_err(|e| err(format!("range end: {}", e.message), e.hint))?;
        if end < start {
            return Err(err(
                format!("the range ends ({end}) before it starts ({start})"),
                "write the earlier date first: START..END",
            ));
        }
        return Ok(Period::days(start, end));
    }
    // Upper case for matching only (`2022-q3`); messages quote `t` as typed.
    let upper = t.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("FY") {
        return parse_fiscal(&t[2..], rest, fiscal);
    }
    let parts: Vec<&str> = upper.split('-').collect();
    let typed: Vec<&str> = t.split('-').collect();
    let year = |s: &str| -> Result<i32, PeriodError> {
        match s.parse() {
            Ok(y) if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => Ok(y),
            _ => Err(err(
                if typed.len() == 1 {
                    format!("`{t}` is not a four-digit year")
                } else {
                    format!("`{t}` is not a period: `{}` is not a four-digit year", typed[0])
                },
                format!("use {PERIOD_FORMS}"),
            )),
        }
    };
    let second = typed.get(1).copied().unwrap_or("");
    match parts.as_slice() {
        [y] => Ok(Period::year(year(y)?)),
        [y, q] if q.starts_with('Q') => match q[1..].parse::<u32>() {
            Ok(n @ 1..=4) => Ok(Period::quarter(year(y)?, n)),
            _ => Err(err(
                format!("`{second}` is not a quarter"),
                "quarters are Q1 to Q4, e.g. 2022-Q3",
            )),
        },
        [y, h] if h.starts_with('H') || h.starts_with('S') => match h[1..].parse::<u32>() {
            Ok(n @ 1..=2) => Ok(Period::half(year(y)?, n)),
            _ => Err(err(
                format!("`{second}` is not a half-year"),
                "half-years are H1 and H2, e.g. 2022-H1",
            )),
        },
        [y, m] => match m.parse::<u32>() {
            Ok(n @ 1..=12) if m.len() == 2 => Ok(Period::month(year(y)?, n)),
            _ => Err(err(
                format!("`{second}` is not a month, quarter or half-year"),
                "write a month as 2022-07, a quarter as 2022-Q3, a half-year as 2022-H1",
            )),
        },
        [_, _, _] => {
            let d = parse_date(t)?;
            Ok(Period {
                start: d,
                end: d,
                kind: PeriodKind::Day,
            })
        }
        _ => Err(err(format!("`{t}` is not a period"), format!("use {PERIOD_FORMS}"))),
    }
}

/// `rest` is what follows `FY`, upper-cased; `typed` the same as typed.
/// A fiscal year (`FY2023-24`), or a quarter or half of one
/// (`FY2023-24-Q2`, `FY2023-24 H1`).
fn parse_fiscal(typed: &str, rest: &str, fiscal: Option<FiscalYearStart>) -> Result<Period, PeriodError> {
    let Some(fy) = fiscal else {
        return Err(err(
            "fiscal-year periods need the project's fiscal year start",
            "add `fiscal_year_start: \"04-01\"` (month-day) under `project:` in logframe.yaml",
        ));
    };
    let bad = || {
        err(
            format!("`FY{typed}` is not a fiscal year"),
            "write a fiscal year as FY2022-23 (starting year, then the last two digits of the next year), \
             a fiscal quarter as FY2022-23-Q2, a fiscal half as FY2022-23-H1",
        )
    };
    let (a, tail) = rest.split_once(['-', '/']).ok_or_else(bad)?;
    let b = tail.get(..2).ok_or_else(bad)?;
    let part = tail[2..].trim_start_matches(['-', ' ']);
    if a.len() != 4 || (part.is_empty() && tail.len() != 2) {
        return Err(bad());
    }
    let start: i32 = a.parse().map_err(|_| bad())?;
    let next: i32 = b.parse().map_err(|_| bad())?;
    if (start + 1).rem_euclid(100) != next {
        return Err(err(
            format!("FY{a}-{b} does not name consecutive years"),
            format!(
                "the fiscal year starting in {start} is FY{start}-{:02}",
                (start + 1).rem_euclid(100)
            ),
        ));
    }
    if part.is_empty() {
        return Ok(Period::fiscal_year(start, fy));
    }
    let (half, last) = match part.as_bytes()[0] {
        b'Q' => (false, 4),
        b'H' | b'S' => (true, 2),
        _ => return Err(bad()),
    };
    match part[1..].parse::<u32>() {
        Ok(n) if (1..=last).contains(&n) => Ok(Period::fiscal_part(start, fy, half, n)),
        _ => Err(err(
            format!(
                "`{}` is not a fiscal quarter or half",
                &typed[typed.len() - part.len()..]
            ),
            format!("fiscal quarters are Q1 to Q4 and halves H1 and H2, e.g. FY{a}-{b}-Q2"),
        )),
    }
}

/// Parse an ISO date `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, PeriodError> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|_| t.len() == 10)
        .ok_or_else(|| {
            let guess = match likely_date(&tokens(t), None, None) {
                Some(d) if tokens(t).len() == 3 => format!("did you mean {d}? "),
                _ => String::new(),
            };
            err(
                format!("`{t}` is not a date"),
                format!("{guess}write dates as YYYY-MM-DD, e.g. 2021-03-15"),
            )
        })
}
