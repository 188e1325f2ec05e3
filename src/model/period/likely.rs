//! What a period written another way most likely means (`Q3 2023`,
//! `Oct 2023`, `31/12/2023`), so that a refusal can suggest the project's
//! own notation. Only ever used to word an error: nothing is accepted on a
//! guess.

use super::*;

/// What a period written another way most likely means, in the project's
/// notation: `Q3 2023` -> `2023-Q3`, `Oct 2023` -> `2023-10`, a date such
/// as `31/12/2023` -> the reporting period that holds it.
pub(super) fn likely_period(t: &str, fiscal: Option<FiscalYearStart>, frequency: Option<Frequency>) -> Option<String> {
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
        (Some(y), [Token::Month(m)]) => Some(month(y, *m, fiscal, frequency)),
        (Some(y), [Token::Number(m, _)]) if (1..=12).contains(m) => Some(month(y, *m, fiscal, frequency)),
        _ if tokens.len() == 3 => likely_date(&tokens, fiscal, frequency),
        _ => None,
    }
}

/// A month, as the reporting period that holds it when the project
/// reports by longer periods (`Oct 2023` -> 2023-Q4, or 2023-10 alone).
fn month(y: i32, m: u32, fiscal: Option<FiscalYearStart>, frequency: Option<Frequency>) -> String {
    let month = format!("{y}-{m:02}");
    let holding = frequency
        .filter(|f| *f != Frequency::Monthly)
        .zip(NaiveDate::from_ymd_opt(y, m, 1))
        .and_then(|(f, d)| holding_period(d, f, fiscal).map(|p| (f, p)));
    match holding {
        Some((f, p)) => format!("{p}, the {f} reporting period holding {month} (or {month} for that month alone)"),
        None => month,
    }
}

/// A date written day first (or month first when that is the only
/// reading), as the reporting period that holds it.
pub(super) fn likely_date(
    tokens: &[Token],
    fiscal: Option<FiscalYearStart>,
    frequency: Option<Frequency>,
) -> Option<String> {
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
                Some(p) => format!("{p}, the {f} reporting period holding {day}{other}"),
                None => format!("{day}{other}"),
            }
        }
        None => format!("{day}{other}"),
    })
}

/// The reporting period at `frequency` that holds the day `d`: what a
/// one-day period typed where a reporting period belongs most likely means
/// (an Excel date cell in the period column, `2023-12-31` for 2023-Q4).
pub(crate) fn holding_period(d: NaiveDate, frequency: Frequency, fiscal: Option<FiscalYearStart>) -> Option<Period> {
    reporting_periods(Period::days(d, d), frequency, fiscal)
        .into_iter()
        .next()
}

/// Whether an indicator's `frequency:` (its PMF column, free text in
/// English, French or Spanish) makes one-day values meaningful: daily,
/// weekly or event-based collection. Anything else, or no frequency,
/// reports by periods.
pub(crate) fn days_are_meaningful(frequency: &str) -> bool {
    const STEMS: [&str; 12] = [
        "dai", "day", "week", "quotid", "journ", "hebdo", "semaine", "diari", "semana", "event", "évén", "even",
    ];
    frequency
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .any(|w| STEMS.iter().any(|s| w.starts_with(s)) || w == "día" || w == "dia")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
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
pub(super) fn tokens(t: &str) -> Vec<Token> {
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

#[cfg(test)]
mod tests {
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
            (
                "Oct 2023",
                "did you mean 2023-Q4, the quarterly reporting period holding 2023-10 (or 2023-10",
            ),
            (
                "octobre 2023",
                "did you mean 2023-Q4, the quarterly reporting period holding 2023-10 (or 2023-10",
            ),
            (
                "10/2023",
                "did you mean 2023-Q4, the quarterly reporting period holding 2023-10 (or 2023-10",
            ),
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
    fn days_are_meaningful_only_for_daily_weekly_or_event_collection() {
        for yes in [
            "Daily",
            "weekly",
            "Quotidienne",
            "hebdomadaire",
            "Diaria",
            "semanal",
            "per event",
            "par événement",
        ] {
            assert!(days_are_meaningful(yes), "{yes}");
        }
        for no in [
            "Quarterly",
            "Semi-annual (Q1 and Q3)",
            "Annual",
            "",
            "immediately after each workshop",
        ] {
            assert!(!days_are_meaningful(no), "{no}");
        }
        let d = NaiveDate::from_ymd_opt(2023, 12, 31).expect("date");
        let q = holding_period(d, Frequency::Quarterly, None).expect("a quarter");
        assert_eq!(q.to_string(), "2023-Q4");
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
