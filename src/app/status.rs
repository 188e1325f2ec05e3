//! Every indicator's progress at a reporting period (`status`, the web
//! dashboard, `GET .../status`).

use super::{Done, Failure, Opened, Result};
use crate::compute::{Computed, StatusTable};

/// What to show: the period (default: the latest with values) and the
/// ledger's date (default: now).
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub period: Option<String>,
    pub as_of: Option<String>,
    /// Count the values waiting for review as if approved.
    pub include_pending: bool,
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
    Ok(Done::new(computed.table(&period), all, o.sources.clone()))
}
