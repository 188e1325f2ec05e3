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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodKind {
    Year,
    Half,
    Quarter,
    Month,
    Day,
    FiscalYear,
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

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.start.year();
        match self.kind {
            PeriodKind::Year => write!(f, "{y}"),
            PeriodKind::Half => write!(f, "{y}-H{}", self.start.month().div_ceil(6)),
            PeriodKind::Quarter => write!(f, "{y}-Q{}", self.start.month().div_ceil(3)),
            PeriodKind::Month => write!(f, "{y}-{:02}", self.start.month()),
            PeriodKind::Day => write!(f, "{}", self.start.format("%Y-%m-%d")),
            PeriodKind::FiscalYear => write!(f, "FY{y}-{:02}", (y + 1).rem_euclid(100)),
            PeriodKind::Range => write!(f, "{}..{}", self.start.format("%Y-%m-%d"), self.end.format("%Y-%m-%d")),
        }
    }
}

/// Why a period did not parse: what was expected and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    pub message: String,
    pub hint: String,
}

pub const PERIOD_FORMS: &str =
    "a period such as 2022, 2022-Q3, 2022-H1, 2022-07, 2022-07-15, FY2022-23 or 2022-04-01..2022-06-30";

fn err(message: impl Into<String>, hint: impl Into<String>) -> PeriodError {
    PeriodError {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Parse a period as written in YAML, CSV or on the command line.
pub fn parse_period(text: &str, fiscal: Option<FiscalYearStart>) -> Result<Period, PeriodError> {
    parse_period_in(text, fiscal, None)
}

/// [`parse_period`] for a project reporting at `frequency`: a date written
/// where a period belongs is answered with the reporting period holding it.
pub fn parse_period_in(
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

/// What a period written another way most likely means, in the project's
/// notation: `Q3 2023` -> `2023-Q3`, `Oct 2023` -> `2023-10`, a date such
/// as `31/12/2023` -> the reporting period that holds it.
fn likely_period(t: &str, fiscal: Option<FiscalYearStart>, frequency: Option<Frequency>) -> Option<String> {
    if let Some(rest) = t
        .get(2..)
        .filter(|r| t[..2].eq_ignore_ascii_case("FY") && r.starts_with(' '))
    {
        return Some(format!("FY{}", rest.trim()));
    }
    let tokens = tokens(t);
    let year = tokens.iter().find_map(|k| match k {
        Token::Number(n, 4) => i32::try_from(*n).ok(),
        _ => None,
    });
    let others: Vec<&Token> = tokens.iter().filter(|k| !matches!(k, Token::Number(_, 4))).collect();
    match (year, others.as_slice()) {
        (Some(y), [Token::Quarter(q)]) if (1..=4).contains(q) => Some(format!("{y}-Q{q}")),
        (Some(y), [Token::Half(h)]) if (1..=2).contains(h) => Some(format!("{y}-H{h}")),
        (Some(y), [Token::Month(m)]) => Some(format!("{y}-{m:02}")),
        (Some(y), [Token::Number(m, _)]) if (1..=12).contains(m) => Some(format!("{y}-{m:02}")),
        _ if tokens.len() == 3 => likely_date(&tokens, fiscal, frequency),
        _ => None,
    }
}

/// A date written day first (or month first when that is the only
/// reading), as the reporting period that holds it.
fn likely_date(tokens: &[Token], fiscal: Option<FiscalYearStart>, frequency: Option<Frequency>) -> Option<String> {
    let n: Vec<(u32, usize)> = tokens
        .iter()
        .map(|k| match k {
            Token::Number(n, len) => Some((*n, *len)),
            Token::Month(m) => Some((*m, 0)),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let date = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    let (day_first, month_first) = match n.as_slice() {
        [(y, 4), (m, _), (d, _)] => (date(*y, *m, *d), None),
        [(a, _), (b, _), (y, 4)] => (date(*y, *b, *a), date(*y, *a, *b)),
        _ => return None,
    };
    let d = day_first.or(month_first)?;
    let day = d.format("%Y-%m-%d");
    let other = match (day_first, month_first) {
        (Some(a), Some(b)) if a != b => format!(" (or {} if the month comes first)", b.format("%Y-%m-%d")),
        _ => String::new(),
    };
    Some(match frequency {
        Some(f) => {
            let holding = reporting_periods(Period::days(d, d), f, fiscal);
            match holding.first() {
                Some(p) => format!("{p}, the {f} reporting period holding {day}{other}; or {day} for that day alone"),
                None => format!("{day}{other}"),
            }
        }
        None => format!("{day}{other}"),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A number and how many digits it was written with.
    Number(u32, usize),
    Quarter(u32),
    Half(u32),
    Month(u32),
    Other,
}

/// `Q3 2023` -> [Quarter(3), Number(2023, 4)]; separators are anything
/// but letters and digits, and a change from letters to digits
/// (`2023Q3`) unless the letters are Q, H or S.
fn tokens(t: &str) -> Vec<Token> {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in t.chars() {
        let boundary = match cur.chars().last() {
            Some(p) => {
                !c.is_alphanumeric()
                    || (p.is_ascii_digit() && c.is_alphabetic())
                    || (p.is_alphabetic()
                        && c.is_ascii_digit()
                        && !matches!(cur.as_str(), "Q" | "q" | "H" | "h" | "S" | "s"))
            }
            None => !c.is_alphanumeric(),
        };
        if boundary && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        if c.is_alphanumeric() {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.iter().map(|w| token(w)).collect()
}

fn token(w: &str) -> Token {
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().map_or(Token::Other, |n| Token::Number(n, w.len()));
    }
    let lower = w.to_lowercase();
    let numbered = |prefix: char| {
        lower
            .strip_prefix(prefix)
            .filter(|n| n.len() == 1)
            .and_then(|n| n.parse().ok())
    };
    if let Some(q) = numbered('q') {
        return Token::Quarter(q);
    }
    if let Some(h) = numbered('h').or_else(|| numbered('s')) {
        return Token::Half(h);
    }
    month_of(&lower).map_or(Token::Other, Token::Month)
}

/// January is 1: English, French and Spanish names and their usual
/// abbreviations (three letters or more).
fn month_of(lower: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "janvier", "enero"],
        &["february", "février", "fevrier", "febrero"],
        &["march", "mars", "marzo"],
        &["april", "avril", "abril"],
        &["may", "mai", "mayo"],
        &["june", "juin", "junio"],
        &["july", "juillet", "julio"],
        &["august", "août", "aout", "agosto"],
        &["september", "septembre", "septiembre", "setiembre"],
        &["october", "octobre", "octubre"],
        &["november", "novembre", "noviembre"],
        &["december", "décembre", "decembre", "diciembre"],
    ];
    if lower.chars().count() < 3 {
        return None;
    }
    let lower = lower.trim_end_matches('.');
    (1..=12u32).find(|&m| NAMES[m as usize - 1].iter().any(|n| n.starts_with(lower)))
}

/// `rest` is what follows `FY`, upper-cased; `typed` the same as typed.
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
            "write a fiscal year as FY2022-23 (starting year, then the last two digits of the next year)",
        )
    };
    let (a, b) = rest.split_once(['-', '/']).ok_or_else(bad)?;
    if a.len() != 4 || b.len() != 2 {
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
    Ok(Period::fiscal_year(start, fy))
}

/// Parse an ISO date `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, PeriodError> {
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

/// The calendar periods of a reporting frequency that overlap `span`.
pub fn reporting_periods(span: Period, frequency: Frequency, fiscal: Option<FiscalYearStart>) -> Vec<Period> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const APRIL: Option<FiscalYearStart> = Some(FiscalYearStart { month: 4, day: 1 });

    #[test]
    fn every_form_parses_to_its_dates_and_prints_back() {
        let cases = [
            ("2022", "2022-01-01", "2022-12-31"),
            ("2022-Q3", "2022-07-01", "2022-09-30"),
            ("2022-H1", "2022-01-01", "2022-06-30"),
            ("2022-07", "2022-07-01", "2022-07-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2022-07-15", "2022-07-15", "2022-07-15"),
            ("FY2022-23", "2022-04-01", "2023-03-31"),
            ("2022-04-01..2022-06-30", "2022-04-01", "2022-06-30"),
        ];
        for (text, start, end) in cases {
            let p = parse_period(text, APRIL).unwrap();
            assert_eq!(p.start.to_string(), start, "{text}");
            assert_eq!(p.end.to_string(), end, "{text}");
            assert_eq!(p.to_string(), text);
        }
    }

    #[test]
    fn same_dates_are_the_same_period() {
        let q = parse_period("2022-Q2", None).unwrap();
        let r = parse_period("2022-04-01..2022-06-30", None).unwrap();
        assert_eq!(q, r);
    }

    #[test]
    fn bad_periods_say_why() {
        let cases = [
            ("2022-Q5", "quarter"),
            ("22-Q1", "four-digit year"),
            ("2022-13", "not a month"),
            ("2022-02-30", "not a date"),
            ("FY2022-24", "consecutive"),
            ("2022-06-30..2022-04-01", "before it starts"),
            ("", "empty"),
        ];
        for (text, needle) in cases {
            let e = parse_period(text, APRIL).unwrap_err();
            assert!(e.message.contains(needle), "{text}: {}", e.message);
        }
        let e = parse_period("FY2022-23", None).unwrap_err();
        assert!(e.hint.contains("fiscal_year_start"));
    }

    #[test]
    fn reporting_periods_cover_the_project() {
        let span = Period::days(ymd(2021, 3, 15), ymd(2023, 12, 31));
        let q = reporting_periods(span, Frequency::Quarterly, None);
        assert_eq!(q.first().unwrap().to_string(), "2021-Q1");
        assert_eq!(q.last().unwrap().to_string(), "2023-Q4");
        assert_eq!(q.len(), 12);
        let fy = reporting_periods(span, Frequency::Annual, APRIL);
        let labels: Vec<String> = fy.iter().map(Period::to_string).collect();
        assert_eq!(labels, ["FY2020-21", "FY2021-22", "FY2022-23", "FY2023-24"]);
    }
}

#[cfg(test)]
mod likely_tests {
    use super::*;

    #[test]
    fn periods_written_other_ways_get_the_likely_one() {
        let q = Some(Frequency::Quarterly);
        let cases = [
            ("Q3 2023", "did you mean 2023-Q3?"),
            ("2023 Q3", "did you mean 2023-Q3?"),
            ("q3/2023", "did you mean 2023-Q3?"),
            ("2023Q3", "did you mean 2023-Q3?"),
            ("2023\u{2013}Q3", "did you mean 2023-Q3?"),
            ("Oct 2023", "did you mean 2023-10?"),
            ("octobre 2023", "did you mean 2023-10?"),
            ("10/2023", "did you mean 2023-10?"),
            ("H2 2023", "did you mean 2023-H2?"),
            (
                "31/12/2023",
                "did you mean 2023-Q4, the quarterly reporting period holding 2023-12-31",
            ),
            (
                "03/04/2023",
                "2023-Q2, the quarterly reporting period holding 2023-04-03 (or 2023-03-04 if the month",
            ),
            ("2023/12/31", "did you mean 2023-Q4"),
            ("FY 2022-23", "did you mean FY2022-23?"),
        ];
        for (text, want) in cases {
            let e = parse_period_in(text, None, q).unwrap_err();
            assert_eq!(e.message, format!("`{text}` is not written as a period"));
            assert!(e.hint.contains(want), "{text}: {}", e.hint);
            assert!(e.hint.contains("2022-Q3, 2022-H1"), "{text}: {}", e.hint);
        }
        let e = parse_period("31/12/2023", None).unwrap_err();
        assert!(e.hint.starts_with("did you mean 2023-12-31?"), "{}", e.hint);
        let e = parse_date("15.03.2021").unwrap_err();
        assert!(
            e.hint.starts_with("did you mean 2021-03-15? write dates as"),
            "{}",
            e.hint
        );
        let e = parse_date("2021-3-15").unwrap_err();
        assert!(e.hint.starts_with("did you mean 2021-03-15?"), "{}", e.hint);
        let e = parse_date("soon").unwrap_err();
        assert_eq!(e.hint, "write dates as YYYY-MM-DD, e.g. 2021-03-15");
    }

    #[test]
    fn messages_quote_the_input_as_typed() {
        let e = parse_period("abc", None).unwrap_err();
        assert_eq!(e.message, "`abc` is not a four-digit year");
        let e = parse_period("2022-q5", None).unwrap_err();
        assert_eq!(e.message, "`q5` is not a quarter");
        let e = parse_period("fy2022-24", Some(FiscalYearStart { month: 4, day: 1 })).unwrap_err();
        assert!(e.message.contains("FY2022-24"), "{}", e.message);
    }
}
