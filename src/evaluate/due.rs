//! The "what is due" model: for a reporting period and optionally some
//! countries, every value an enterer is expected to give (indicator x
//! breakdown), each with the value in force. One model for the entry
//! workbook (`logframe sheet`, through `app::due`) and the web entry form,
//! so that both ask for the same cells.
//!
//! An indicator is due in a period when one of the periods of its
//! frequency ends with it (milestones and irregular frequencies always
//! are; the rule of `check --quality`'s missing values). Its cells are
//! every combination of the categories of its disaggregations (the first
//! disaggregation varying fastest), after the total when the indicator is
//! broken down and the enterer reports for every country. An enterer
//! limited to countries gets only their categories of `country`, no total
//! (the parts of other countries are not theirs to sum), and no indicator
//! that is not broken down by country (those are entered for the whole
//! project, and listed as skipped).

use std::collections::HashMap;

use crate::compute::Computed;
use crate::compute::quality::expected_frequency;
use crate::ledger::{DimKey, Ledger};
use crate::model::period::reporting_periods;
use crate::model::{Framework, Period, Value};

/// The values due in one period.
#[derive(Debug, Clone)]
pub struct Due {
    pub period: Period,
    /// The country the list is limited to (a category of `country`).
    pub country: Option<String>,
    pub indicators: Vec<DueIndicator>,
    /// Indicators due but not broken down by country: not asked of an
    /// enterer limited to countries (indexes into the framework's indicators).
    pub skipped: Vec<usize>,
}

/// One indicator due, with its cells.
#[derive(Debug, Clone)]
pub struct DueIndicator {
    /// Index into the framework's indicators.
    pub index: usize,
    /// The categories asked for each of the indicator's disaggregations,
    /// in the indicator's order: (dimension index, category indexes).
    pub categories: Vec<(usize, Vec<u16>)>,
    /// Whether the total is asked for too (before the parts).
    pub total: bool,
    /// The values due, in order: the total, then every combination.
    pub cells: Vec<DueCell>,
}

/// One value due: its breakdown and what the ledger holds for it.
#[derive(Debug, Clone)]
pub struct DueCell {
    pub dims: DimKey,
    pub in_force: Option<InForce>,
}

/// The value in force for a cell, with the texts that came with it.
#[derive(Debug, Clone)]
pub struct InForce {
    pub value: Value,
    pub comment: String,
    pub source: String,
}

/// Whether an indicator's values are due in `period`: milestones and
/// indicators of irregular frequency always are; the others when one of
/// the periods of their frequency ends with `period`.
pub fn is_due(c: &Computed, fw: &Framework, i: usize, period: &Period) -> bool {
    match expected_frequency(c, &fw.indicators[i]) {
        None => true,
        Some(f) => reporting_periods(fw.project.span(), f, fw.project.fiscal_year_start)
            .iter()
            .any(|w| w.end == period.end),
    }
}

/// A limit to some countries: the index of the framework's `country`
/// disaggregation (none when it has none) and the countries.
pub type Limit<'a> = Option<(Option<usize>, &'a [String])>;

/// The indicators due in `period` under `limit`, their cells not yet
/// prefilled; and the indicators skipped because they are not broken down
/// by country.
pub fn due_indicators(fw: &Framework, c: &Computed, period: &Period, limit: Limit) -> (Vec<DueIndicator>, Vec<usize>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for (ix, ind) in fw.indicators.iter().enumerate() {
        if !is_due(c, fw, ix, period) {
            continue;
        }
        let dims = &ind.disaggregate_by;
        if let Some((country, _)) = limit
            && !country.is_some_and(|c| dims.contains(&c))
        {
            skipped.push(ix);
            continue;
        }
        let categories: Vec<(usize, Vec<u16>)> = dims.iter().map(|&d| (d, categories(fw, limit, d))).collect();
        let total = !dims.is_empty() && limit.is_none();
        let cells = combinations(&categories, total)
            .into_iter()
            .map(|dims| DueCell { dims, in_force: None })
            .collect();
        out.push(DueIndicator {
            index: ix,
            categories,
            total,
            cells,
        });
    }
    (out, skipped)
}

/// The categories of dimension `d` asked for under `limit`.
fn categories(fw: &Framework, limit: Limit, d: usize) -> Vec<u16> {
    fw.disaggregations[d]
        .values
        .iter()
        .enumerate()
        .filter(|(_, v)| match limit {
            Some((Some(c), mine)) if c == d => mine.iter().any(|m| m == *v),
            _ => true,
        })
        .map(|(k, _)| k as u16)
        .collect()
}

/// Every combination of the categories (the first dimension fastest),
/// after the total when asked for. An indicator with no disaggregation
/// has one cell, its total.
fn combinations(categories: &[(usize, Vec<u16>)], total: bool) -> Vec<DimKey> {
    let mut out = Vec::new();
    if total {
        out.push(DimKey::TOTAL);
    }
    if categories.iter().any(|(_, values)| values.is_empty()) {
        return out;
    }
    let mut at = vec![0usize; categories.len()];
    loop {
        let mut key = DimKey::TOTAL;
        for ((d, values), &i) in categories.iter().zip(&at) {
            key.0[*d] = values[i];
        }
        out.push(key);
        // The next combination: the first dimension fastest.
        let mut k = 0;
        loop {
            if k == at.len() {
                return out;
            }
            at[k] += 1;
            if at[k] < categories[k].1.len() {
                break;
            }
            at[k] = 0;
            k += 1;
        }
    }
}

/// Put the value in force of each cell of `period` into the list.
pub fn prefill(ledger: &Ledger, period: &Period, indicators: &mut [DueIndicator]) {
    let current: HashMap<(u32, DimKey), u32> = ledger
        .current(None)
        .into_iter()
        .filter(|&i| ledger.period(i) == *period)
        .map(|i| ((ledger.indicator(i), ledger.dims(i)), i))
        .collect();
    for ind in indicators {
        for cell in &mut ind.cells {
            cell.in_force = current.get(&(ind.index as u32, cell.dims)).map(|&i| {
                let e = ledger.entry(i);
                let text = |s: u32| ledger.str(s).unwrap_or("").to_string();
                InForce {
                    value: e.value,
                    comment: text(e.comment),
                    source: text(e.source),
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::row::TOTAL;
    use crate::model::MAX_DIMENSIONS;

    fn key(pairs: &[(usize, u16)]) -> DimKey {
        let mut k = DimKey([TOTAL; MAX_DIMENSIONS]);
        for &(d, v) in pairs {
            k.0[d] = v;
        }
        k
    }

    #[test]
    fn combinations_put_the_total_first_and_vary_the_first_dimension_fastest() {
        // sex (dimension 0: women, men, other) by country (dimension 1:
        // GT=3, HN=4): 1 total + 3 x 2 parts = 7 cells.
        let cats = vec![(0, vec![0, 1, 2]), (1, vec![3, 4])];
        let got = combinations(&cats, true);
        assert_eq!(
            got,
            vec![
                DimKey::TOTAL,
                key(&[(0, 0), (1, 3)]),
                key(&[(0, 1), (1, 3)]),
                key(&[(0, 2), (1, 3)]),
                key(&[(0, 0), (1, 4)]),
                key(&[(0, 1), (1, 4)]),
                key(&[(0, 2), (1, 4)]),
            ]
        );
    }

    #[test]
    fn an_indicator_without_breakdown_has_one_cell_and_no_category_none() {
        assert_eq!(combinations(&[], false), vec![DimKey::TOTAL]);
        // A limit that leaves no category: the total alone, or nothing.
        assert_eq!(combinations(&[(1, vec![])], false), Vec::<DimKey>::new());
        assert_eq!(combinations(&[(1, vec![])], true), vec![DimKey::TOTAL]);
    }
}
