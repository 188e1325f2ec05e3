//! Every indicator's progress at a reporting period (`status`, the web
//! dashboard, `GET .../status`).

use super::{Done, Failure, Opened, Result};
use crate::compute::category::{self, Category};
use crate::compute::{Computed, StatusTable};
use crate::model::Framework;

/// What to show: the period (default: the latest with values) and the
/// ledger's date (default: now).
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub period: Option<String>,
    pub as_of: Option<String>,
    /// Count the values waiting for review as if approved.
    pub include_pending: bool,
    /// Show one category's figures: (dimension, category), e.g.
    /// (`country`, `GT`).
    pub categories: Vec<(String, String)>,
}

pub fn status(o: &Opened, q: &Query) -> Result<StatusTable> {
    let fw = &o.framework;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let (computed, diags) = if q.include_pending {
        Computed::with_pending(fw, &o.ledger, &o.sources, as_of)
    } else {
        Computed::new(fw, &o.ledger, &o.sources, as_of)
    };
    let mut all = o.warnings();
    all.extend(diags);
    let period = match q.period.as_deref() {
        Some(p) => super::period(fw, "--period", p).map_err(|f: Failure| f.after(&all, &o.sources))?,
        None => computed.default_period(),
    };
    if q.categories.is_empty() {
        return Ok(Done::new(computed.table(&period), all, o.sources.clone()));
    }
    let cats = q
        .categories
        .iter()
        .map(|(d, v)| categories(fw, d, v))
        .collect::<std::result::Result<Vec<Category>, Failure>>()
        .map_err(|f| f.after(&all, &o.sources))?;
    let view = category::without_targets(fw);
    let of = Computed::for_categories(&view, &o.ledger, &o.sources, as_of, q.include_pending, &cats);
    let mut table = of.table_of(&period, |i| category::broken_down(fw, i, &cats));
    table.category = Some(category::view(fw, &cats));
    Ok(Done::new(table, all, o.sources.clone()))
}

/// A category named by the user (`--dim country=GT`), checked against the
/// framework's disaggregations.
pub fn categories(fw: &Framework, dim: &str, value: &str) -> std::result::Result<Category, Failure> {
    let (dim, value) = super::category(fw, dim, value).map_err(Failure::usage)?;
    Ok(Category { dim, value })
}
