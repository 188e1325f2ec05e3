//! Targets against actuals over the reporting periods: the indicator
//! performance tracking table (`compare`, its web download), of the
//! whole project or of one category (`--dim country=GT`, the categories
//! checked as `status --dim` checks them).

use super::{Done, Failure, Opened, Result};
use crate::compute::Computed;
use crate::compute::category::{self, Category};
use crate::compute::columns::{ColumnKind, columns};
use crate::diag::Diagnostic;
use crate::evaluate::compare::{self, Compare, TargetsShown};
use crate::model::{FiscalYearStart, Framework, Period, Project};
use crate::report::Layout;

#[derive(Debug, Default, Clone)]
pub struct Query {
    /// First period shown (default: the project's first).
    pub from: Option<String>,
    /// Last period shown (default: the latest with values).
    pub to: Option<String>,
    /// Disaggregations to split rows by, separated by commas (`sex,country`).
    pub by: Option<String>,
    pub as_of: Option<String>,
    /// Which targets to show (default: agreed).
    pub targets: TargetsShown,
    /// What a column is (default: the reporting periods).
    pub columns: Option<ColumnKind>,
    /// Show each column's increment beside running totals.
    pub increments: bool,
    /// Show one category's figures (`--dim country=GT`): (dimension,
    /// category) pairs, checked as `status --dim` checks them.
    pub categories: Vec<(String, String)>,
}

/// The fiscal year the table's fiscal-year columns follow: the project's
/// `fiscal_year_start`, else April for a Global Affairs Canada project (as
/// the GAC report), else the calendar year.
pub fn fiscal_year_start(p: &Project) -> FiscalYearStart {
    p.fiscal_year_start
        .unwrap_or(match Layout::for_donor(p.donor.as_deref()) {
            Layout::Gac => FiscalYearStart { month: 4, day: 1 },
            _ => FiscalYearStart { month: 1, day: 1 },
        })
}

pub fn compare(o: &Opened, q: &Query) -> Result<Compare> {
    let fw = &o.framework;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let period = |flag: &str, p: &Option<String>| p.as_deref().map(|p| super::period(fw, flag, p)).transpose();
    let from = period("--from", &q.from).map_err(|f| o.fail(f))?;
    let to = period("--to", &q.to).map_err(|f| o.fail(f))?;
    let mut by: Vec<usize> = Vec::new();
    for name in
        q.by.iter()
            .flat_map(|b| b.split(','))
            .map(str::trim)
            .filter(|n| !n.is_empty())
    {
        let d = disaggregation(fw, name).map_err(|f| o.fail(f))?;
        if !by.contains(&d) {
            by.push(d);
        }
    }
    let cats = q
        .categories
        .iter()
        .map(|(d, v)| super::status::categories(fw, d, v))
        .collect::<std::result::Result<Vec<Category>, Failure>>()
        .map_err(|f| o.fail(f))?;
    let (computed, diags) = Computed::new(fw, &o.ledger, &o.sources, as_of);
    let mut all = o.warnings();
    all.extend(diags);
    let to = to.or_else(|| Some(computed.default_period()));
    let kind = q.columns.unwrap_or(ColumnKind::Reporting);
    let periods: Vec<Period> = match kind {
        ColumnKind::Reporting => compare::periods_between(&computed.reporting, from, to),
        _ => compare::columns_between(&columns(fw, kind, fiscal_year_start(&fw.project)), from, to),
    };
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
    let opts = compare::Options {
        periods,
        columns: kind,
        targets: q.targets,
        increments: q.increments,
        by,
        categories: cats,
    };
    if opts.categories.is_empty() {
        return Ok(Done::new(compare::build(&computed, &opts), all, o.sources.clone()));
    }
    // One category's table, as `status --dim`: its own rows over the
    // framework without the project's targets and baselines. The columns
    // stay the project's (the default `--to` is the project's latest).
    let view = category::without_targets(fw);
    let of = Computed::for_categories(&view, &o.ledger, &o.sources, as_of, false, &opts.categories);
    let model = compare::build(&of, &opts);
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
