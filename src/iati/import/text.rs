//! The small conversions between IATI text and logframe values: numbers,
//! dates, dimension names, folder slugs, period labels and one-line
//! excerpts for messages. Pure functions, shared by reader and writer.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::xml::Node;
use crate::model::Period;

pub(super) fn decimal(s: &str) -> Option<Decimal> {
    crate::model::number::parse_decimal(s.trim()).ok()
}

/// The number in attribute `attr` of `n` (`None` when absent or blank);
/// `Err` holds the warning's message and hint when it is not a number.
pub(super) fn number_attr(n: &Node, attr: &str) -> Result<Option<Decimal>, (String, String)> {
    match n.attr(attr).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => crate::model::number::parse_decimal(raw).map(Some).map_err(|e| {
            (
                format!(
                    "<{} {attr}=\"{}\"> is not a number ({}); the value was left out",
                    n.name,
                    one_line(raw, 80),
                    e.message
                ),
                format!(
                    "{}; IATI numbers have no thousands separators and a `.` decimal point (1000, 12.5): fix the file and import it again",
                    e.hint
                ),
            )
        }),
    }
}

pub(super) fn date(s: Option<&str>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok())
}

/// A folder and project id made of the identifier: lower-case ASCII
/// letters, digits and single `-`, never empty, never starting with `.`,
/// so that `frameworks/<slug>` can only name a folder inside `frameworks`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "iati-activity".into() } else { out }
}

/// A dimension name as logframe accepts it (lower case, `_` for others).
pub(super) fn dim_name(s: &str) -> String {
    let mut out: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() {
        out = "dimension".into();
    }
    out
}

/// The label a period is written with: 2022-Q3, 2022-H1, 2022, 2022-07, or
/// START..END.
pub(crate) fn period_label(start: NaiveDate, end: NaiveDate) -> String {
    let y = start.year();
    let m = start.month();
    let candidates = [
        (start.day() == 1 && m == 1).then(|| Period::year(y)),
        (start.day() == 1 && (m - 1).is_multiple_of(6)).then(|| Period::half(y, m.div_ceil(6))),
        (start.day() == 1 && (m - 1).is_multiple_of(3)).then(|| Period::quarter(y, m.div_ceil(3))),
        (start.day() == 1).then(|| Period::month(y, m)),
    ];
    for p in candidates.into_iter().flatten() {
        if p.end == end {
            return p.to_string();
        }
    }
    if start == end {
        return start.to_string();
    }
    format!("{start}..{end}")
}

/// `text` on one line of at most `max` characters: line breaks and other
/// control characters become spaces (no newline can start a YAML key in a
/// comment), runs of spaces one space, and a cut is marked with `…`.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= max {
        return words;
    }
    let cut: String = words.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}
