//! A recorded value, typed by its indicator.

use rust_decimal::Decimal;
use serde::Serialize;

/// One measured value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Value {
    /// Counts and numbers.
    Number {
        #[serde(with = "rust_decimal::serde::str")]
        value: Decimal,
    },
    /// Percentage indicators keep their parts; the percentage is derived.
    Ratio {
        #[serde(with = "rust_decimal::serde::str")]
        numerator: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        denominator: Decimal,
    },
    /// Milestones: done or not.
    Flag { done: bool },
    /// Qualitative: text with an optional score on the indicator's scale.
    Text {
        text: Box<str>,
        #[serde(with = "rust_decimal::serde::str_option")]
        score: Option<Decimal>,
    },
}

/// A value's fields as a person types them (and the ledger holds them):
/// `value`, `numerator`, `denominator`, `score`; empty where unused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub value: String,
    pub numerator: String,
    pub denominator: String,
    pub score: String,
}

impl Value {
    /// The fields a person would type for this value.
    pub fn typed(&self) -> Typed {
        match self {
            Value::Number { value } => Typed {
                value: value.to_string(),
                ..Typed::default()
            },
            Value::Ratio { numerator, denominator } => Typed {
                numerator: numerator.to_string(),
                denominator: denominator.to_string(),
                ..Typed::default()
            },
            Value::Flag { done } => Typed {
                value: (if *done { "yes" } else { "no" }).to_string(),
                ..Typed::default()
            },
            Value::Text { text, score } => Typed {
                value: text.to_string(),
                score: score.map(|d| d.to_string()).unwrap_or_default(),
                ..Typed::default()
            },
        }
    }

    /// The figure that targets are compared with: the number, the
    /// percentage (numerator / denominator x 100), 1 or 0 for a milestone,
    /// or the score. `None` where it is undefined (zero denominator, text
    /// without a score).
    pub fn figure(&self) -> Option<Decimal> {
        match self {
            Value::Number { value } => Some(*value),
            Value::Ratio { numerator, denominator } => percent(*numerator, *denominator),
            Value::Flag { done } => Some(Decimal::from(*done as u8)),
            Value::Text { score, .. } => *score,
        }
    }
}

/// numerator / denominator x 100, `None` for a zero denominator.
pub fn percent(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        None
    } else {
        numerator.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(denominator)
    }
}
