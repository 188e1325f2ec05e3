//! Numbers and dates as each language writes them. The separators, the
//! percent sign, the month names and the date pattern come from the
//! catalogues; the grouping in thousands is the same for all three.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{Lang, message, text};
use crate::model::{IndicatorType, Period, PeriodKind, Value};

/// The month's name: `September`, `septembre`, `septiembre`.
pub fn month(lang: Lang, m: u32) -> &'static str {
    const IDS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9", "month-10",
        "month-11", "month-12",
    ];
    text(lang, IDS[(m as usize + 11) % 12])
}

/// `30 September 2023`, `1er octobre 2023`, `30 de septiembre de 2023`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    message(
        lang,
        "date",
        [
            ("day", d.day().into()),
            ("month", month(lang, d.month()).into()),
            ("year", d.year().to_string().into()),
        ],
    )
}

/// The fiscal year starting in `start_year`, by the message `id`:
/// `fiscal-year-name` (`FY2023-24`, `exercice 2023-2024`) or
/// `fiscal-year-short` (`FY2023-24`, `2023-2024`, after a label that says
/// it is a fiscal year).
pub fn fiscal_year(lang: Lang, start_year: i32, id: &str) -> String {
    let end = match text(lang, "fiscal-year-end-digits") {
        "2" => format!("{:02}", (start_year + 1).rem_euclid(100)),
        _ => (start_year + 1).to_string(),
    };
    message(
        lang,
        id,
        [("start", start_year.to_string().into()), ("end", end.into())],
    )
}

/// A period as the report names it: a calendar quarter or half in the
/// language's words (`2023-Q3`, `T3 2023`), a fiscal year as
/// [`fiscal_year`] names it; any other period by its code. English keeps
/// the codes the ledger and the command line use.
pub fn period_name(lang: Lang, p: &Period) -> String {
    let year = p.start.year().to_string();
    match p.kind {
        PeriodKind::Quarter => message(
            lang,
            "period-quarter",
            [
                ("year", year.into()),
                ("n", p.start.month().div_ceil(3).to_string().into()),
            ],
        ),
        PeriodKind::Half => message(
            lang,
            "period-half",
            [
                ("year", year.into()),
                ("n", p.start.month().div_ceil(6).to_string().into()),
            ],
        ),
        _ => p.to_string(),
    }
}

/// Periods named and joined: `T2 2021, T4 2023`.
pub fn period_names(lang: Lang, ps: &[Period]) -> String {
    ps.iter().map(|p| period_name(lang, p)).collect::<Vec<_>>().join(", ")
}

/// `1 July 2023 – 30 September 2023`.
pub fn date_range(lang: Lang, start: NaiveDate, end: NaiveDate) -> String {
    message(
        lang,
        "date-range",
        [("start", date(lang, start).into()), ("end", date(lang, end).into())],
    )
}

/// A fiscal quarter or half by its fiscal name, its months and the
/// calendar period it is: `FY2023-24 Q2 (July–September 2023; calendar
/// 2023-Q3)`. `None` when `fiscal` is not a fiscal quarter or half.
pub fn fiscal_part(lang: Lang, fiscal: &Period, calendar: &str) -> Option<String> {
    let PeriodKind::FiscalPart { year, half, n } = fiscal.kind else {
        return None;
    };
    let part = message(
        lang,
        if half { "fiscal-half" } else { "fiscal-quarter" },
        [("n", n.to_string().into())],
    );
    let (s, e) = (fiscal.start, fiscal.end);
    let months = if s.year() == e.year() {
        message(
            lang,
            "month-span",
            [
                ("from", month(lang, s.month()).into()),
                ("to", month(lang, e.month()).into()),
                ("year", s.year().to_string().into()),
            ],
        )
    } else {
        message(
            lang,
            "month-span-years",
            [
                ("from", month(lang, s.month()).into()),
                ("from_year", s.year().to_string().into()),
                ("to", month(lang, e.month()).into()),
                ("to_year", e.year().to_string().into()),
            ],
        )
    };
    Some(message(
        lang,
        "period-fiscal",
        [
            ("fy", fiscal_year(lang, year, "fiscal-year-name").into()),
            ("part", part.into()),
            ("months", months.into()),
            ("code", calendar.into()),
        ],
    ))
}

/// A decimal with `dp` decimals, grouped in thousands; with `trim`,
/// trailing zeros (and a bare decimal separator) are dropped.
pub fn number_dp(lang: Lang, d: Decimal, dp: u32, trim: bool) -> String {
    let (group, point) = (text(lang, "number-group"), text(lang, "number-point"));
    let mut r = d.round_dp(dp);
    r.rescale(dp);
    let digits = r.abs().to_string();
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let frac = if trim { frac.trim_end_matches('0') } else { frac };
    let mut out = String::new();
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(point);
        out.push_str(frac);
    }
    out
}

/// A figure: up to two decimals, no trailing zeros (`169.96`, `172`).
pub fn number(lang: Lang, d: Decimal) -> String {
    number_dp(lang, d, 2, true)
}

/// An amount of money: always two decimals (`2,901,786.00`).
pub fn money(lang: Lang, d: Decimal) -> String {
    number_dp(lang, d, 2, false)
}

/// A percentage with one decimal at most: `103.4%`, `103,4 %`.
pub fn percent(lang: Lang, d: Decimal) -> String {
    message(lang, "percent", [("n", number_dp(lang, d, 1, true).into())])
}

/// A figure as a reader expects it for an indicator of `kind`: `yes`/`no`
/// for a milestone, else the number (a percentage for percentage
/// indicators).
pub fn figure(lang: Lang, kind: IndicatorType, d: Decimal) -> String {
    match kind {
        IndicatorType::Milestone => text(lang, if d.is_zero() { "no" } else { "yes" }).to_string(),
        IndicatorType::Percentage => percent(lang, d),
        _ => number(lang, d),
    }
}

/// A recorded value for a table cell: `80.8% (21/26)`, `yes`, `3`. The
/// text of a qualitative value is left out (shown as the assessment).
pub fn value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Number { value } => number(lang, *value),
        Value::Ratio { numerator, denominator } => match v.figure() {
            Some(p) => format!(
                "{} ({}/{})",
                percent(lang, p),
                number(lang, *numerator),
                number(lang, *denominator)
            ),
            None => format!("{}/{}", number(lang, *numerator), number(lang, *denominator)),
        },
        Value::Flag { done } => text(lang, if *done { "yes" } else { "no" }).to_string(),
        Value::Text { text: t, score } => match score {
            Some(s) => number(lang, *s),
            None => t.to_string(),
        },
    }
}

/// The first letter in upper case: `à risque` -> `À risque`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
