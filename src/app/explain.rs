//! How one figure was obtained, down to the ledger rows (`explain`, an
//! indicator's web page).

use super::{Done, Opened, Result};
use crate::compute::Computed;
use crate::evaluate::explain::{self, Explanation};

#[derive(Debug, Default, Clone)]
pub struct Query {
    pub indicator: String,
    pub period: Option<String>,
    pub as_of: Option<String>,
}

pub fn explain(o: &Opened, q: &Query) -> Result<Explanation> {
    let fw = &o.framework;
    let ix = super::indicator(fw, &q.indicator).map_err(|f| o.fail(f))?;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let (computed, diags) = Computed::new(fw, &o.ledger, &o.sources, as_of);
    let mut all = o.warnings();
    all.extend(diags);
    let period = match q.period.as_deref() {
        Some(p) => super::period(fw, "--period", p).map_err(|f| f.after(&all, &o.sources))?,
        None => computed.default_period(),
    };
    let e = explain::build(&computed, &o.sources, ix, period);
    Ok(Done::new(e, all, o.sources.clone()))
}
