//! What is read from one activity ([`Activity`] and its results,
//! indicators, periods and figures) before `generate` writes it: the
//! boundary between reading IATI and writing logframe.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::xml::Node;
use crate::diag::Diagnostics;
use crate::model::IndicatorType;
use crate::model::period::{FiscalYearStart, Frequency};

/// A text and its translations, as read from `narrative` children.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Texts {
    pub default: String,
    pub translations: BTreeMap<String, String>,
}

pub(super) fn texts(node: Option<&Node>, lang: &str) -> Texts {
    let mut t = Texts::default();
    let Some(node) = node else { return t };
    let mut found_default = false;
    for n in node.all("narrative") {
        let text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
        match n.attr("xml:lang").map(str::to_ascii_lowercase) {
            Some(l) if l != lang => {
                t.translations.entry(l).or_insert(text);
            }
            _ if !found_default => {
                t.default = text;
                found_default = true;
            }
            _ => {}
        }
    }
    if !found_default && let Some((_, first)) = t.translations.iter().next() {
        t.default = first.clone();
    }
    t
}

/// A value read from an `actual`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Figure {
    Number(Decimal),
    Ratio(Decimal, Decimal),
    Flag(bool),
    Text(String, Option<Decimal>),
}

impl Figure {
    pub fn minus(&self, other: &Figure) -> Figure {
        match (self, other) {
            (Figure::Number(a), Figure::Number(b)) => Figure::Number(a - b),
            (Figure::Ratio(n1, d1), Figure::Ratio(n2, d2)) => Figure::Ratio(n1 - n2, d1 - d2),
            _ => self.clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Figure::Number(a) => a.is_zero(),
            Figure::Ratio(n, d) => n.is_zero() && d.is_zero(),
            _ => false,
        }
    }
}

/// The cell of a disaggregated actual: (dimension, value) pairs.
pub(crate) type Dims = Vec<(String, String)>;

pub(crate) struct IatiPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub target: Option<Decimal>,
    pub total: Option<Figure>,
    pub cells: Vec<(Dims, Figure)>,
}

pub(crate) struct ImportedIndicator {
    pub id: String,
    pub title: Texts,
    pub definition: Option<Texts>,
    pub kind: IndicatorType,
    pub unit: Option<String>,
    pub increase: bool,
    pub cumulative: bool,
    pub aggregate: String,
    pub baseline: Option<(Decimal, Option<NaiveDate>)>,
    pub scale: Option<(Decimal, Decimal)>,
    pub periods: Vec<IatiPeriod>,
}

pub(crate) struct ImportedResult {
    pub id: String,
    pub level: String,
    pub statement: Texts,
    pub indicators: Vec<ImportedIndicator>,
}

/// Everything read from one activity, before it is written as a framework.
pub(crate) struct Activity {
    pub(crate) identifier: String,
    pub(crate) lang: String,
    pub(crate) title: Texts,
    pub(crate) description: Option<Texts>,
    pub(crate) donor: Option<String>,
    pub(crate) implementer: Option<String>,
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    pub(crate) currency: Option<String>,
    pub(crate) budget: Option<Decimal>,
    pub(crate) countries: Vec<String>,
    pub(crate) fiscal: Option<FiscalYearStart>,
    pub(crate) frequency: Frequency,
    pub(crate) results: Vec<ImportedResult>,
    /// Disaggregation dimensions and their values, in order of appearance.
    pub(crate) dims: Vec<(String, Vec<String>)>,
    /// The activity's `last-updated-datetime`, as a ledger timestamp.
    pub(crate) recorded_at: String,
}

/// A framework ready to be written.
pub(crate) struct Imported {
    pub id: String,
    pub yaml: String,
    pub csv: String,
    pub results: usize,
    pub indicators: usize,
    pub rows: usize,
    pub warnings: Diagnostics,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn figures_subtract_part_by_part() {
        assert_eq!(Figure::Number(n(5)).minus(&Figure::Number(n(3))), Figure::Number(n(2)));
        assert_eq!(
            Figure::Ratio(n(5), n(10)).minus(&Figure::Ratio(n(2), n(4))),
            Figure::Ratio(n(3), n(6))
        );
        // Different kinds, or flags and texts: the figure itself.
        assert_eq!(
            Figure::Number(n(5)).minus(&Figure::Ratio(n(1), n(2))),
            Figure::Number(n(5))
        );
        assert_eq!(Figure::Flag(true).minus(&Figure::Flag(true)), Figure::Flag(true));
    }

    #[test]
    fn zero_figures() {
        assert!(Figure::Number(n(0)).is_zero());
        assert!(Figure::Ratio(n(0), n(0)).is_zero());
        assert!(!Figure::Ratio(n(0), n(1)).is_zero());
        assert!(!Figure::Flag(false).is_zero());
    }
}
