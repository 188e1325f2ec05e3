//! A row's value fields typed by the indicator's type: a number, a ratio, a
//! flag or a text with its score. Each type's rules live in their own
//! function; every broken rule is a located [`FieldError`].

use rust_decimal::Decimal;

use super::{Field, FieldError, RowFields, fe};
use crate::diag::Diagnostic;
use crate::model::number::parse_decimal;
use crate::model::{IndicatorType, Value};

fn number(field: Field, name: &str, text: &str) -> Result<Decimal, FieldError> {
    // The common cell, a few plain digits, straight from its bytes: the
    // same value (scale 0) that `parse_decimal` gives it.
    let t = text.as_bytes();
    if !t.is_empty() && t.len() <= 18 && t.iter().all(u8::is_ascii_digit) {
        let n = t.iter().fold(0u64, |n, &b| n * 10 + u64::from(b - b'0'));
        return Ok(Decimal::from(n));
    }
    parse_decimal(text).map_err(|e| {
        fe(
            field,
            Diagnostic::error(format!("{name}: {}", e.message))
                .expected("a number with a point as decimal separator")
                .found(format!("`{}`", text.trim()))
                .hint(e.hint),
        )
    })
}

fn must_be_blank(field: Field, name: &str, text: &str, kind: IndicatorType) -> Result<(), FieldError> {
    if text.trim().is_empty() {
        Ok(())
    } else {
        Err(fe(
            field,
            Diagnostic::error(format!("a {} indicator takes no {name}", kind.name()))
                .expected(format!("a blank `{name}` cell"))
                .found(format!("`{}`", text.trim()))
                .hint(if kind == IndicatorType::Percentage {
                    "percentage values are written as numerator and denominator"
                } else {
                    "write the figure in the `value` column"
                }),
        ))
    }
}

/// Type a row's value fields by the indicator's type.
pub(crate) fn parse_value(
    kind: IndicatorType,
    scale: Option<(Decimal, Decimal)>,
    row: &RowFields,
) -> Result<Value, Vec<FieldError>> {
    let mut errs = Vec::new();
    let v = row.value.trim();
    let mut check = |r: Result<(), FieldError>| {
        if let Err(e) = r {
            errs.push(e)
        }
    };
    if kind != IndicatorType::Percentage {
        check(must_be_blank(Field::Numerator, "numerator", row.numerator, kind));
        check(must_be_blank(Field::Denominator, "denominator", row.denominator, kind));
    }
    if kind != IndicatorType::Qualitative {
        check(must_be_blank(Field::Score, "score", row.score, kind));
    }
    let value = match kind {
        IndicatorType::Count | IndicatorType::Number => number_value(kind, v),
        IndicatorType::Percentage => ratio_value(row, v, &mut errs),
        IndicatorType::Milestone => flag_value(v),
        IndicatorType::Qualitative => text_value(row, v, scale),
    };
    match value {
        Ok(v) if errs.is_empty() => Ok(v),
        Ok(_) => Err(errs),
        Err(e) => {
            errs.insert(0, e);
            Err(errs)
        }
    }
}

/// A count or number: present, and for a count whole and not negative.
fn number_value(kind: IndicatorType, v: &str) -> Result<Value, FieldError> {
    if v.is_empty() {
        Err(fe(
            Field::Value,
            Diagnostic::error("the value is missing")
                .expected("a number")
                .found("an empty cell")
                .hint("write the value measured for the period"),
        ))
    } else {
        number(Field::Value, "value", v).and_then(|d| {
            if kind == IndicatorType::Count && (d.is_sign_negative() && !d.is_zero()) {
                Err(fe(Field::Value, Diagnostic::error("a count cannot be negative").expected("0 or more").found(format!("`{v}`")).hint("to lower an earlier figure, record a correction for its period instead of a negative value")))
            } else if kind == IndicatorType::Count && !d.fract().is_zero() {
                Err(fe(Field::Value, Diagnostic::error("a count is a whole number").expected("0, 1, 2, ...").found(format!("`{v}`")).hint(whole_number_hint(v))))
            } else {
                Ok(Value::Number { value: d })
            }
        })
    }
}

/// The hint for a count with decimals: a point grouping thousands
/// (`1.234`, as many locales write 1234) is named as such; anything else
/// asks for the whole number counted. Never "change the logframe": the
/// person typing values does not own it.
fn whole_number_hint(v: &str) -> String {
    match thousands_reading(v) {
        Some(whole) => format!(
            "if you mean {whole}, write {whole}: a point is the decimal separator here, and numbers are written without thousands separators"
        ),
        None => "write the whole number of people, cases or events counted".into(),
    }
}

/// `1.234` or `12.345.678` read as thousands grouped with points: the
/// digits without them. `None` for any other text.
pub(crate) fn thousands_reading(v: &str) -> Option<String> {
    let v = v.trim();
    let groups: Vec<&str> = v.split('.').collect();
    let grouped = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    grouped.then(|| groups.concat())
}

/// A warning for a figure that reads two ways (`1.250`: 1.25 here, 1250
/// where a point groups thousands), for a `number` indicator; a count
/// refuses such a figure outright.
pub(crate) fn ambiguous_number(kind: IndicatorType, v: &str) -> Option<Diagnostic> {
    if kind != IndicatorType::Number {
        return None;
    }
    let whole = thousands_reading(v)?;
    let read = parse_decimal(v).ok()?;
    Some(
        Diagnostic::warning(format!("`{}` is read as {}, not {whole}", v.trim(), read.normalize()))
            .expected("a point as the decimal separator, no thousands separators")
            .found(format!("`{}`", v.trim()))
            .hint(format!(
                "if you mean {whole}, write {whole}; if you mean {read}, write {read}",
                read = read.normalize()
            )),
    )
}

/// A percentage: numerator and denominator, neither negative, the
/// denominator above 0 and at least the numerator. A second bad part goes
/// to `errs`.
fn ratio_value(row: &RowFields, v: &str, errs: &mut Vec<FieldError>) -> Result<Value, FieldError> {
    let (n, d) = (row.numerator.trim(), row.denominator.trim());
    if n.is_empty() || d.is_empty() {
        Err(fe(
            if n.is_empty() {
                Field::Numerator
            } else {
                Field::Denominator
            },
            Diagnostic::error("a percentage value needs its numerator and denominator")
                .expected("numerator and denominator, e.g. 42 of 60")
                .found(if v.is_empty() {
                    "blank cells".to_string()
                } else {
                    format!("only the percentage `{v}`")
                })
                .hint(
                    "write the numerator and the denominator (the `numerator` and `denominator` columns; with record: \
                     --numerator N --denominator D), e.g. 27 of 60 for 45%: percentages are kept as numerator and \
                     denominator so that they add up across countries and periods",
                ),
        ))
    } else {
        let num = number(Field::Numerator, "numerator", n);
        let den = number(Field::Denominator, "denominator", d);
        match (num, den) {
            (Ok(num), Ok(den)) => {
                if num.is_sign_negative() || den.is_sign_negative() {
                    Err(fe(
                        Field::Numerator,
                        Diagnostic::error("numerator and denominator cannot be negative")
                            .found(format!("{num} / {den}"))
                            .hint("both are counts of people or cases"),
                    ))
                } else if den.is_zero() {
                    Err(fe(
                        Field::Denominator,
                        Diagnostic::error("the denominator is zero")
                            .expected("a denominator above 0")
                            .found("0")
                            .hint("if nobody was assessed this period, leave the row out"),
                    ))
                } else if num > den {
                    Err(fe(
                        Field::Numerator,
                        Diagnostic::error(format!("numerator {num} exceeds denominator {den}"))
                            .expected(format!("at most {den}"))
                            .found(num.to_string())
                            .hint(
                                "the numerator counts a part of the denominator; check the two columns are not swapped",
                            ),
                    ))
                } else {
                    Ok(Value::Ratio {
                        numerator: num,
                        denominator: den,
                    })
                }
            }
            (a, b) => {
                if let Err(e) = b {
                    errs.push(e);
                }
                Err(a
                    .err()
                    .unwrap_or_else(|| fe(Field::Denominator, Diagnostic::error("invalid denominator"))))
            }
        }
    }
}

/// A milestone: yes or no.
fn flag_value(v: &str) -> Result<Value, FieldError> {
    match v.to_ascii_lowercase().as_str() {
        "yes" | "true" | "done" => Ok(Value::Flag { done: true }),
        "no" | "false" => Ok(Value::Flag { done: false }),
        _ => Err(fe(
            Field::Value,
            Diagnostic::error("a milestone value is yes or no")
                .expected("yes or no")
                .found(format!("`{v}`"))
                .hint("record yes once the milestone is reached"),
        )),
    }
}

/// A qualitative value: a text, with a score on the indicator's scale when
/// it declares one.
fn text_value(row: &RowFields, v: &str, scale: Option<(Decimal, Decimal)>) -> Result<Value, FieldError> {
    let s = row.score.trim();
    let score = if s.is_empty() {
        Ok(None)
    } else {
        number(Field::Score, "score", s).map(Some)
    };
    match score {
        Ok(Some(sc)) if scale.is_some_and(|(lo, hi)| sc < lo || sc > hi) => {
            let (lo, hi) = scale.expect("checked");
            Err(fe(
                Field::Score,
                Diagnostic::error(format!("score {sc} is off the scale"))
                    .expected(format!("a score from {lo} to {hi}"))
                    .found(sc.to_string())
                    .hint("use the scale declared for the indicator"),
            ))
        }
        Ok(_) if v.is_empty() && s.is_empty() => Err(fe(
            Field::Value,
            Diagnostic::error("the value is missing")
                .expected("a short text, optionally with a score")
                .found("an empty cell")
                .hint("describe what was observed"),
        )),
        // With a declared scale the score is what targets and status use.
        Ok(None) if scale.is_some() => {
            let (lo, hi) = scale.expect("checked");
            Err(fe(
                Field::Score,
                Diagnostic::error("the score is missing")
                    .expected(format!("a score from {lo} to {hi} on the indicator's scale"))
                    .found("no score")
                    .hint("add the score (--score, or the `score` column); the text stays as the assessment"),
            ))
        }
        Ok(score) => Ok(Value::Text { text: v.into(), score }),
        Err(e) => Err(e),
    }
}
