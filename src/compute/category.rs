//! The figures of one category: `status --dim country=GT`, a national
//! officer's own country.
//!
//! Only the rows recorded for that category count, combined exactly as the
//! whole project's are (a period's figure is the sum of its finest
//! breakdown within the category). The project's targets and baselines are
//! the whole project's, so a category's figures carry none: its progress is
//! what was recorded, never a percent of a target it was not given. An
//! indicator not broken down by the dimension has no figure of its own for
//! the category and is left out, by name.

use serde::Serialize;

use crate::ledger::Ledger;
use crate::model::Framework;

/// One category of one disaggregation, as indexes: dimension `dim` of
/// `Framework::disaggregations`, value `value` of its `values`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Category {
    pub dim: usize,
    pub value: u16,
}

/// What a category view shows, for the reader: the categories
/// (`country = GT`) and the indicators left out.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub categories: Vec<(String, String)>,
    /// Indicators not broken down by every dimension asked for.
    pub not_broken_down: Vec<String>,
}

/// The framework as a category sees it: every indicator without its
/// baseline and targets (they are the whole project's).
pub fn without_targets(fw: &Framework) -> Framework {
    let mut view = fw.clone();
    for ind in &mut view.indicators {
        ind.baseline = None;
        ind.targets.clear();
        ind.end_target = None;
    }
    view
}

/// Whether the indicator is broken down by every dimension of `cats`.
pub fn broken_down(fw: &Framework, indicator: usize, cats: &[Category]) -> bool {
    cats.iter()
        .all(|c| fw.indicators[indicator].disaggregate_by.contains(&c.dim))
}

/// The rows of `current` recorded for every category of `cats`, in order.
pub fn rows_in(ledger: &Ledger, current: &[u32], cats: &[Category]) -> Vec<u32> {
    current
        .iter()
        .copied()
        .filter(|&i| {
            let dims = ledger.dims(i);
            cats.iter().all(|c| dims.0[c.dim] == c.value)
        })
        .collect()
}

/// The facts of a view, for the reader.
pub fn view(fw: &Framework, cats: &[Category]) -> CategoryView {
    CategoryView {
        categories: cats
            .iter()
            .map(|c| {
                let d = &fw.disaggregations[c.dim];
                (d.name.clone(), d.values[c.value as usize].clone())
            })
            .collect(),
        not_broken_down: (0..fw.indicators.len())
            .filter(|&i| !broken_down(fw, i, cats))
            .map(|i| fw.indicators[i].id.clone())
            .collect(),
    }
}
