//! Sums of ledger values, fast and exact. Most values are whole numbers
//! held inline in the ledger (a mantissa and a scale): adding them as
//! integers gives the very sum that adding the decimals one by one gives,
//! scale included, without a decimal addition per row. Breakdown tables,
//! gender shares and the series of every indicator add millions of rows;
//! this is where they do it.

use rust_decimal::Decimal;

use crate::ledger::Ledger;
use crate::model::Value;

/// A running sum of values. Numbers held inline in the ledger at one scale
/// (most values: whole numbers) are added as integers, the rest with
/// [`add`]; the sum is the one `add` gives, row by row, in either case
/// (adding decimals of one scale adds their mantissas).
pub(crate) enum Sum {
    Inline { mantissa: i128, scale: u32 },
    Value(Value),
}

impl Sum {
    pub(crate) fn of(ledger: &Ledger, i: u32) -> Sum {
        match ledger.inline_number(i) {
            Some((m, scale)) => Sum::Inline {
                mantissa: i128::from(m),
                scale,
            },
            None => Sum::Value(ledger.value(i)),
        }
    }

    pub(crate) fn add(&mut self, ledger: &Ledger, i: u32) {
        if let Sum::Inline { mantissa, scale } = self
            && let Some((m, s)) = ledger.inline_number(i)
            && s == *scale
            // Far inside a decimal's 96 bits: the sum is exact.
            && mantissa.unsigned_abs() < 1 << 90
        {
            *mantissa += i128::from(m);
            return;
        }
        let v = add(&self.value(), &ledger.value(i));
        *self = Sum::Value(v);
    }

    pub(crate) fn value(&self) -> Value {
        match self {
            Sum::Inline { mantissa, scale } => Value::Number {
                value: Decimal::from_i128_with_scale(*mantissa, *scale),
            },
            Sum::Value(v) => v.clone(),
        }
    }
}

/// Add values of one kind: numbers and ratios add, flags are done if any
/// part is, texts cannot be added (the first is kept).
pub fn add(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Flag { done: x }, Value::Flag { done: y }) => Value::Flag { done: *x || *y },
        _ => part_by_part(a, b, |x, y| x + y).unwrap_or_else(|| a.clone()),
    }
}

/// `op` of two numbers, or of two ratios numerator by numerator and
/// denominator by denominator (pooled); `None` for any other pair. Sums
/// and the roll-up's remainders (a total less its parts) both work so.
pub(crate) fn part_by_part(a: &Value, b: &Value, op: impl Fn(Decimal, Decimal) -> Decimal) -> Option<Value> {
    match (a, b) {
        (Value::Number { value: x }, Value::Number { value: y }) => Some(Value::Number { value: op(*x, *y) }),
        (
            Value::Ratio {
                numerator: n1,
                denominator: d1,
            },
            Value::Ratio {
                numerator: n2,
                denominator: d2,
            },
        ) => Some(Value::Ratio {
            numerator: op(*n1, *n2),
            denominator: op(*d1, *d2),
        }),
        _ => None,
    }
}
