//! Plain-text formatting of figures, shared by the text renderers.

use rust_decimal::Decimal;

use crate::model::{IndicatorType, Value};

/// A decimal without trailing zeros: `2.50` -> `2.5`, `6.00` -> `6`.
pub fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A derived figure (a target in force, a percent) to two decimals:
/// computed exactly, shown rounded.
pub fn figure(d: Decimal) -> String {
    decimal(d.round_dp(2))
}

pub fn opt_figure(d: Option<Decimal>) -> String {
    d.map(figure).unwrap_or_default()
}

pub fn opt_decimal(d: Option<Decimal>) -> String {
    d.map(decimal).unwrap_or_default()
}

/// A percent with one decimal: `71.43` -> `71.4 %`.
pub fn percent(d: Option<Decimal>) -> String {
    d.map(|p| format!("{} %", decimal(p.round_dp(1)))).unwrap_or_default()
}

/// A value as a reader expects it: `42/60 (70 %)` for a ratio.
pub fn value(v: &Value) -> String {
    match v {
        Value::Number { value } => decimal(*value),
        Value::Ratio { numerator, denominator } => match v.figure() {
            Some(p) => format!(
                "{} % ({}/{})",
                decimal(p.round_dp(1)),
                decimal(*numerator),
                decimal(*denominator)
            ),
            None => format!("{}/{}", decimal(*numerator), decimal(*denominator)),
        },
        Value::Flag { done } => if *done { "yes" } else { "no" }.to_string(),
        Value::Text { text, score } => match score {
            Some(s) if text.is_empty() => decimal(*s),
            Some(s) => format!("{} ({text})", decimal(*s)),
            None => text.to_string(),
        },
    }
}

pub fn opt_value(v: Option<&Value>) -> String {
    v.map(value).unwrap_or_default()
}

/// Truncate to `width` characters with an ellipsis.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Lay out rows as left/right aligned text columns.
pub fn columns(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i] - c.chars().count();
            if i > 0 {
                s.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cells.len() {
                    s.push_str(&" ".repeat(pad));
                }
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// A target as written: `yes` for a milestone, else the number.
pub fn target(kind: IndicatorType, t: Option<Decimal>) -> String {
    match (kind, t) {
        (IndicatorType::Milestone, Some(v)) => if v.is_zero() { "no" } else { "yes" }.to_string(),
        (_, t) => opt_decimal(t),
    }
}

/// A target in force (possibly interpolated), to two decimals for reading.
pub fn target_figure(kind: IndicatorType, t: Option<Decimal>) -> String {
    match kind {
        IndicatorType::Milestone => target(kind, t),
        _ => opt_figure(t),
    }
}
