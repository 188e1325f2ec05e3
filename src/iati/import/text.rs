//! The small conversions between IATI text and logframe values: numbers,
//! dates, dimension names, folder slugs, period labels and one-line
//! excerpts for messages. Pure functions, shared by reader and writer.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::model::Period;

pub(super) fn decimal(s: &str) -> Option<Decimal> {
    crate::model::number::parse_decimal(s.trim()).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn period_labels_name_calendar_periods_and_fall_back_to_a_range() {
        assert_eq!(period_label(d("2022-01-01"), d("2022-12-31")), "2022");
        assert_eq!(period_label(d("2022-07-01"), d("2022-12-31")), "2022-H2");
        assert_eq!(period_label(d("2022-07-01"), d("2022-09-30")), "2022-Q3");
        assert_eq!(period_label(d("2022-02-01"), d("2022-02-28")), "2022-02");
        assert_eq!(period_label(d("2022-03-15"), d("2022-03-15")), "2022-03-15");
        assert_eq!(period_label(d("2022-01-15"), d("2022-02-14")), "2022-01-15..2022-02-14");
    }

    #[test]
    fn slugs_stay_inside_the_frameworks_folder() {
        assert_eq!(slug("CA-3-P009615001"), "ca-3-p009615001");
        assert_eq!(slug(" GB-1 Project/X "), "gb-1-project-x");
        assert_eq!(slug("../.."), "iati-activity");
        assert_eq!(slug(""), "iati-activity");
    }

    #[test]
    fn one_line_flattens_and_cuts_with_an_ellipsis() {
        assert_eq!(one_line("a\nb \u{2028}  c", 80), "a b c");
        assert_eq!(one_line("abcdef", 6), "abcdef");
        assert_eq!(one_line("abcdef", 4), "abc…");
    }

    #[test]
    fn dimension_names_and_numbers() {
        assert_eq!(dim_name(" Sex/Age "), "sex_age");
        assert_eq!(dim_name("  "), "dimension");
        assert_eq!(decimal(" 12.5 "), Some(Decimal::new(125, 1)));
        assert_eq!(decimal("1,000"), None);
        assert_eq!(date(Some("2022-07-15T09:30:00Z")), Some(d("2022-07-15")));
        assert_eq!(date(Some("15/07/2022")), None);
    }
}
