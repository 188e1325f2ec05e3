//! Exact numbers from text.
//!
//! Every figure is a `rust_decimal::Decimal` parsed from the characters the
//! user wrote, never through a float. The parser knows the habits of
//! spreadsheets (decimal commas, thousands separators, stray spaces) and
//! refuses them with a message that says which habit it saw.

use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    pub message: String,
    pub hint: String,
}

/// The largest magnitude accepted: 10^18. Sums of a million such values,
/// percentages and interpolations then stay far inside `Decimal`'s 28
/// digits, so no computation on accepted input can overflow.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(0xA764_0000, 0x0DE0_B6B3, 0, false, 0);

/// Parse a plain decimal number: `12`, `-3.5`, `2901786.00`.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError {
            message: "the number is empty".into(),
            hint: "write a number such as 12 or 3.5".into(),
        });
    }
    let plain = t
        .strip_prefix(['-', '+'])
        .unwrap_or(t)
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.')
        && t.bytes().filter(|&b| b == b'.').count() <= 1
        && t.bytes().any(|b| b.is_ascii_digit());
    let digits = t
        .trim_start_matches(['-', '+'])
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0')
        .len();
    if plain && digits > 19 {
        return Err(too_large(t));
    }
    if plain && let Ok(d) = Decimal::from_str(t) {
        if d.abs() > MAX_MAGNITUDE {
            return Err(too_large(t));
        }
        return Ok(d);
    }
    Err(explain_bad_number(t))
}

fn too_large(t: &str) -> NumberError {
    NumberError {
        message: format!("`{t}` is too large"),
        hint: "figures are limited to 1,000,000,000,000,000,000 (10^18) in magnitude; check the value and its unit"
            .into(),
    }
}

/// Characters spreadsheets put between thousands: spaces of every width
/// (U+202F is French Excel's), and the no-break ones.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}')
}

/// The value of a decimal digit of another script (Arabic-Indic `٣`,
/// Persian `۳`, Devanagari `३`, full-width `３`).
fn foreign_digit(c: char) -> Option<u32> {
    [0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10]
        .iter()
        .find_map(|&zero| (zero..zero + 10).contains(&u32::from(c)).then(|| u32::from(c) - zero))
}

/// `1e5`, `-2.5E-3`: a mantissa, `e` or `E`, a whole exponent.
fn is_scientific(t: &str) -> bool {
    let Some((m, e)) = t.split_once(['e', 'E']) else {
        return false;
    };
    let m = m.strip_prefix(['-', '+']).unwrap_or(m);
    let e = e.strip_prefix(['-', '+']).unwrap_or(e);
    m.bytes().any(|b| b.is_ascii_digit())
        && m.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && m.bytes().filter(|&b| b == b'.').count() <= 1
        && !e.is_empty()
        && e.bytes().all(|b| b.is_ascii_digit())
}

/// Scientific notation (Excel writes tiny or huge figures so): written out
/// in the hint when it fits, else why it does not.
fn explain_scientific(t: &str) -> NumberError {
    let exponent: i64 = t
        .split_once(['e', 'E'])
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(i64::MAX);
    match Decimal::from_scientific(t) {
        Ok(d) if d.abs() <= MAX_MAGNITUDE && !(d.is_zero() && t.bytes().any(|b| (b'1'..=b'9').contains(&b))) => {
            NumberError {
                message: format!("`{t}` is in scientific notation"),
                hint: format!("write the number out: {}", d.normalize()),
            }
        }
        _ if exponent > 0 => too_large(t),
        _ => NumberError {
            message: format!("`{t}` is in scientific notation and has more than 28 decimal places"),
            hint: "a figure this small is usually a rounding remainder of a formula: round it in the sheet \
                   (e.g. =ROUND(A1, 6)) or write 0"
                .into(),
        },
    }
}

/// At most 40 characters of `t` for a message: a 200,000-character cell
/// must not become a 200,000-character message.
fn clip(t: &str) -> std::borrow::Cow<'_, str> {
    match t.char_indices().nth(40) {
        Some((i, _)) => format!("{}...", &t[..i]).into(),
        None => t.into(),
    }
}

fn explain_bad_number(t: &str) -> NumberError {
    let mut e = explain(t);
    if let std::borrow::Cow::Owned(short) = clip(t) {
        e.message = e.message.replace(t, &short);
        e.hint = clip(&e.hint).into_owned();
    }
    e
}

fn explain(t: &str) -> NumberError {
    if t.chars().any(|c| foreign_digit(c).is_some()) {
        let ascii: String = t
            .chars()
            .map(|c| foreign_digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c))
            .collect();
        return NumberError {
            message: format!("`{t}` is written with digits other than 0-9"),
            hint: format!("write it with the digits 0-9: {ascii}"),
        };
    }
    let lower = t.to_lowercase();
    if t.contains('∞') || ["nan", "inf", "infinity", "-inf", "+inf", "-infinity"].contains(&lower.as_str()) {
        return NumberError {
            message: format!("`{t}` is not a finite number"),
            hint: "write the figure itself; leave the cell empty if it is not known".into(),
        };
    }
    if is_scientific(t) {
        return explain_scientific(t);
    }
    if t.starts_with(['-', '+']) && t[1..].starts_with(['-', '+']) {
        return NumberError {
            message: format!("`{t}` has more than one sign"),
            hint: format!("write one sign at most: -{}", t.trim_start_matches(['-', '+'])),
        };
    }
    if t.contains(is_space)
        && t.chars()
            .all(|c| c.is_ascii_digit() || is_space(c) || matches!(c, '-' | '.' | ','))
    {
        let joined: String = t.chars().filter(|&c| !is_space(c)).collect();
        let named = if t.contains('\u{202f}') || t.contains('\u{a0}') {
            " (no-break spaces, as spreadsheets write thousands separators)"
        } else {
            ""
        };
        return NumberError {
            message: format!("`{t}` contains spaces{named}"),
            hint: format!(
                "write the number without thousands separators or spaces: {}",
                joined.replace(',', ".")
            ),
        };
    }
    let digits_and = |extra: &[u8]| t.bytes().all(|b| b.is_ascii_digit() || extra.contains(&b) || b == b'-');
    if digits_and(b",") && t.contains(',') {
        let groups: Vec<&str> = t.trim_start_matches('-').split(',').collect();
        let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) && !groups[0].is_empty();
        if thousands && groups.len() > 2 {
            return NumberError {
                message: format!("`{t}` uses commas as thousands separators"),
                hint: format!("write the number without separators: {}", t.replace(',', "")),
            };
        }
        if groups.len() == 2 {
            return NumberError {
                message: format!("`{t}` has a decimal comma"),
                hint: format!(
                    "use a point as the decimal separator: {}{}",
                    t.replace(',', "."),
                    if thousands {
                        format!(" (or {} if the comma separates thousands)", t.replace(',', ""))
                    } else {
                        String::new()
                    }
                ),
            };
        }
    }
    if digits_and(b",.") && t.contains(',') && t.contains('.') {
        return NumberError {
            message: format!("`{t}` mixes commas and points"),
            hint: "write the number without thousands separators and with a point for decimals, e.g. 1234.5".into(),
        };
    }
    if let Some(n) = t.strip_suffix('%') {
        return NumberError {
            message: format!("`{t}` carries a percent sign"),
            hint: format!("write the figure without `%`: {}", n.trim()),
        };
    }
    NumberError {
        message: format!("`{t}` is not a number"),
        hint: "write a number such as 12 or 3.5 (point as decimal separator, no thousands separators)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_digits_are_kept() {
        let d = parse_decimal("2901786.00").unwrap();
        assert_eq!(d.to_string(), "2901786.00");
        let tiny = parse_decimal("0.10000000000000000001").unwrap();
        assert_eq!(tiny.to_string(), "0.10000000000000000001");
        assert_eq!(parse_decimal(" -4 ").unwrap(), Decimal::from(-4));
        assert_eq!(MAX_MAGNITUDE.to_string(), "1000000000000000000");
        assert_eq!(parse_decimal("-1000000000000000000").unwrap(), -MAX_MAGNITUDE);
        for (text, value) in [("+5", "5"), (".5", "0.5"), ("5.", "5"), ("-.5", "-0.5")] {
            assert_eq!(
                parse_decimal(text).map(|d| d.normalize().to_string()),
                Ok(value.into()),
                "{text}"
            );
        }
    }

    #[test]
    fn spreadsheet_habits_are_named() {
        let cases = [
            ("3,5", "decimal comma", "3.5"),
            ("1,178,122", "thousands separators", "1178122"),
            ("1.178,5", "mixes", "point"),
            ("12 000", "spaces", "12000"),
            ("1\u{202f}234", "no-break spaces", "1234"),
            ("1\u{a0}234,5", "spaces", "1234.5"),
            ("1e5", "scientific notation", "100000"),
            ("-2.5E-3", "scientific notation", "-0.0025"),
            ("1E-30", "more than 28 decimal places", "ROUND"),
            ("1e400", "too large", "10^18"),
            ("1e19", "too large", "10^18"),
            ("--5", "more than one sign", "-5"),
            ("١٢٣", "digits other than 0-9", "123"),
            ("∞", "not a finite number", "empty"),
            ("NaN", "not a finite number", "empty"),
            (
                &"a".repeat(100_000),
                "`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...` is not a number",
                "12",
            ),
            ("45%", "percent sign", "45"),
            ("abc", "not a number", "12"),
            ("1.2.3", "not a number", "12"),
            ("", "empty", "12"),
            ("1000000000000000000000000000000", "too large", "10^18"),
            ("79228162514264337593543950335", "too large", "10^18"),
            ("1000000000000000001", "too large", "10^18"),
        ];
        for (text, msg, hint) in cases {
            let e = parse_decimal(text).unwrap_err();
            assert!(e.message.contains(msg), "{text}: {}", e.message);
            assert!(e.hint.contains(hint), "{text}: {}", e.hint);
        }
    }
}
