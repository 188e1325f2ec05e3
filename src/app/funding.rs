//! Budget, pledges, expenditure and shortfall: of one framework, or of
//! every framework of the workspace (the portfolio).
//!
//! The figures are produced even when a stated shortfall does not add up:
//! that finding is a warning beside them. Frameworks that do not load are
//! left out of the portfolio and named.

use std::path::PathBuf;

use super::{Done, Failure, Opened, Result, Workspace};
use crate::compute::funding::{self, FundingSummary, Portfolio};
use crate::diag::{Diagnostic, Diagnostics};
use crate::source::Sources;

/// One framework's funding, expenditure counted to `period` (default: the
/// latest with expenditure).
pub fn one(o: &Opened, period: Option<&str>) -> Result<FundingSummary> {
    let fw = &o.framework;
    let period = period
        .map(|p| super::period(fw, "--period", p))
        .transpose()
        .map_err(|f| o.fail(f))?;
    let Some((summary, found)) = funding::summary(fw, period) else {
        return Err(o.fail(Failure::usage(
            Diagnostic::error(format!("{} has no funding section", fw.project.id))
                .expected("a `funding:` section in logframe.yaml")
                .found("none")
                .hint("add `funding: {currency: USD, budget: ..., pledges: [...]}`; see the README"),
        )));
    };
    let mut all = o.warnings();
    all.extend(found);
    Ok(Done::new(summary, all, o.sources.clone()))
}

/// One framework's diagnostics in the portfolio, with its own sources.
#[derive(Debug)]
pub struct Found {
    pub dir: PathBuf,
    /// Left out of the portfolio: the framework does not load.
    pub left_out: bool,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

/// The portfolio and what was found in each framework on the way.
#[derive(Debug)]
pub struct PortfolioRun {
    pub portfolio: Portfolio,
    pub found: Vec<Found>,
}

/// Every framework of the workspace: budget, pledged and shortfall per
/// project and per currency.
pub fn portfolio(ws: &Workspace) -> Result<PortfolioRun> {
    let dirs = ws.some_frameworks()?;
    let mut summaries: Vec<FundingSummary> = Vec::new();
    let mut without = Vec::new();
    let mut found = Vec::new();
    let mut findings = false;
    for dir in dirs {
        let loaded = crate::workspace::load(&dir);
        let mut diags = loaded.diagnostics;
        let mut left_out = false;
        match loaded.framework.filter(|_| !diags.has_errors()) {
            Some(fw) => match funding::summary(&fw, None) {
                Some((s, more)) => {
                    diags.extend(more);
                    summaries.push(s);
                }
                None => without.push(fw.project.id.clone()),
            },
            None => {
                left_out = true;
                findings = true;
            }
        }
        found.push(Found {
            dir,
            left_out,
            diagnostics: diags,
            sources: loaded.sources,
        });
    }
    let portfolio = funding::portfolio(&summaries, without);
    let mut done = Done::new(
        PortfolioRun { portfolio, found },
        Diagnostics::default(),
        Sources::default(),
    );
    done.findings = findings;
    Ok(done)
}
