//! Targets against actuals over the reporting periods: the indicator
//! performance tracking table (`compare`, its web download).

use super::{Done, Failure, Opened, Result};
use crate::compute::Computed;
use crate::diag::Diagnostic;
use crate::evaluate::compare::{self, Compare};
use crate::model::{Framework, Period};

#[derive(Debug, Default, Clone)]
pub struct Query {
    /// First period shown (default: the project's first).
    pub from: Option<String>,
    /// Last period shown (default: the latest with values).
    pub to: Option<String>,
    /// A disaggregation to split rows by.
    pub by: Option<String>,
    pub as_of: Option<String>,
}

pub fn compare(o: &Opened, q: &Query) -> Result<Compare> {
    let fw = &o.framework;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let period = |flag: &str, p: &Option<String>| p.as_deref().map(|p| super::period(fw, flag, p)).transpose();
    let from = period("--from", &q.from).map_err(|f| o.fail(f))?;
    let to = period("--to", &q.to).map_err(|f| o.fail(f))?;
    let by =
        q.by.as_deref()
            .map(|name| disaggregation(fw, name))
            .transpose()
            .map_err(|f| o.fail(f))?;
    let (computed, diags) = Computed::new(fw, &o.ledger, &o.sources, as_of);
    let mut all = o.warnings();
    all.extend(diags);
    let to = to.or_else(|| Some(computed.default_period()));
    let periods: Vec<Period> = compare::periods_between(&computed.reporting, from, to);
    if periods.is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("no reporting period lies between --from and --to")
                .expected(format!(
                    "--from before --to, within {} .. {}",
                    fw.project.start, fw.project.end
                ))
                .found(format!(
                    "{} .. {}",
                    from.map(|p| p.to_string()).unwrap_or_default(),
                    to.map(|p| p.to_string()).unwrap_or_default()
                ))
                .hint("a reporting period is shown when it ends between the start of --from and the end of --to"),
        )
        .after(&all, &o.sources));
    }
    let model = compare::build(&computed, &compare::Options { periods, by });
    Ok(Done::new(model, all, o.sources.clone()))
}

/// A disaggregation named by the user: its index, or the names it may be.
pub fn disaggregation(fw: &Framework, name: &str) -> std::result::Result<usize, Failure> {
    fw.disaggregation_index(name).ok_or_else(|| {
        let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
        Failure::usage(
            Diagnostic::error(format!("unknown disaggregation `{name}`"))
                .expected(if names.is_empty() {
                    "a disaggregation declared in logframe.yaml".into()
                } else {
                    format!("one of {}", names.join(", "))
                })
                .found(name.to_string())
                .hint(
                    crate::diag::did_you_mean(name, names.iter().copied())
                        .unwrap_or_else(|| "declare it under `disaggregations:`".into()),
                ),
        )
    })
}
