//! The trail of one indicator: every row recorded, in force or superseded
//! (`history`, an indicator's web page).

use super::{Done, Opened, Result};
use crate::ledger::review::{RowState, state};

#[derive(Debug, Default, Clone)]
pub struct Query {
    pub indicator: String,
    pub period: Option<String>,
    pub as_of: Option<String>,
}

/// The rows of one indicator's trail, as indices into the ledger.
#[derive(Debug)]
pub struct Trail {
    pub indicator: usize,
    /// Every row, in the order recorded.
    pub rows: Vec<u32>,
    /// The rows in force, sorted.
    pub in_force: Vec<u32>,
    /// The rows waiting for review.
    pub pending: Vec<u32>,
    /// Each row's state, in the order of `rows`.
    pub states: Vec<RowState>,
}

pub fn history(o: &Opened, q: &Query) -> Result<Trail> {
    let fw = &o.framework;
    let ix = super::indicator(fw, &q.indicator).map_err(|f| o.fail(f))?;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let period = q
        .period
        .as_deref()
        .map(|p| super::period(fw, "--period", p))
        .transpose()
        .map_err(|f| o.fail(f))?;
    let ledger = &o.ledger;
    let keep = |i: &u32| {
        let e = &ledger.entry(*i);
        e.indicator as usize == ix && period.is_none_or(|p| p.contains(&e.period))
    };
    let rows: Vec<u32> = ledger.trail(as_of).into_iter().filter(keep).collect();
    let mut in_force: Vec<u32> = ledger.current(as_of).into_iter().filter(keep).collect();
    in_force.sort_unstable();
    let pending: Vec<u32> = ledger.pending(as_of).into_iter().filter(keep).collect();
    let states = rows
        .iter()
        .map(|&i| state(ledger, &rows, &in_force, &pending, i))
        .collect();
    Ok(Done::new(
        Trail {
            indicator: ix,
            rows,
            in_force,
            pending,
            states,
        },
        o.warnings(),
        o.sources.clone(),
    ))
}
