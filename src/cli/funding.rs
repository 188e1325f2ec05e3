//! `logframe funding`: load one framework (or every framework under
//! ./frameworks for `--portfolio`), compute its funding figures, render
//! them, and map the outcome to an exit code.
//!
//! Like `status`, the figures are printed even when a stated shortfall
//! does not add up; that finding goes to stderr as a warning and into the
//! output. Frameworks that do not load are reported and left out of the
//! portfolio, and the exit code is then 1.

use std::path::Path;

use clap::Args;

use super::formats::TableFormat;
use crate::compute::funding::{self, FundingSummary};
use crate::diag::Diagnostic;
use crate::render;
use crate::terminal::{CLEAN, FINDINGS, USAGE, eprint, out, usage};
use crate::workspace;

#[derive(Debug, Args)]
pub struct FundingArgs {
    /// A framework folder, or a name under ./frameworks
    #[arg(required_unless_present = "portfolio")]
    pub framework: Option<String>,
    /// Count expenditure up to this period (default: the latest with expenditure), e.g. 2023-Q3
    #[arg(long)]
    pub period: Option<String>,
    /// Every framework under ./frameworks: budget, pledged and shortfall per project and per currency
    #[arg(long, conflicts_with_all = ["framework", "period"])]
    pub portfolio: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

pub fn run(a: FundingArgs) -> i32 {
    match (a.portfolio, a.framework.as_deref()) {
        (true, _) => portfolio(a.format),
        (false, Some(fw)) => one(fw, a.period.as_deref(), a.format),
        (false, None) => usage(
            Diagnostic::error("`logframe funding` needs a framework or --portfolio")
                .expected("FRAMEWORK, or --portfolio")
                .found("neither")
                .hint("e.g. `logframe funding starsom` or `logframe funding --portfolio`"),
        ),
    }
}

fn one(arg: &str, period: Option<&str>, format: TableFormat) -> i32 {
    let dir = match workspace::resolve(arg) {
        Ok(d) => d,
        Err(d) => return usage(d),
    };
    let loaded = workspace::load(&dir);
    let mut diags = loaded.diagnostics;
    let Some(fw) = loaded.framework.filter(|_| !diags.has_errors()) else {
        eprint(&diags, &loaded.sources);
        return if diags.is_empty() { USAGE } else { FINDINGS };
    };
    let period = match period.map(|p| workspace::parse_period_arg(&fw, p)).transpose() {
        Ok(p) => p,
        Err(d) => return usage(d),
    };
    let Some((summary, found)) = funding::summary(&fw, period) else {
        eprint(&diags, &loaded.sources);
        return usage(
            Diagnostic::error(format!("{} has no funding section", fw.project.id))
                .expected("a `funding:` section in logframe.yaml")
                .found("none")
                .hint("add `funding: {currency: USD, budget: ..., pledges: [...]}`; see the README"),
        );
    };
    diags.extend(found);
    eprint(&diags, &loaded.sources);
    out(&match format {
        TableFormat::Table => render::funding::table(&summary),
        TableFormat::Csv => render::funding::csv(&summary),
        TableFormat::Json => render::funding::json(&summary),
    });
    CLEAN
}

fn portfolio(format: TableFormat) -> i32 {
    let dirs = workspace::list_frameworks(Path::new("frameworks"));
    if dirs.is_empty() {
        return usage(
            Diagnostic::error("no frameworks under ./frameworks")
                .expected("folders frameworks/<name>/logframe.yaml")
                .found("none")
                .hint("run from the workspace folder"),
        );
    }
    let mut code = CLEAN;
    let mut summaries: Vec<FundingSummary> = Vec::new();
    let mut without = Vec::new();
    for dir in dirs {
        let loaded = workspace::load(&dir);
        let mut diags = loaded.diagnostics;
        match loaded.framework.filter(|_| !diags.has_errors()) {
            Some(fw) => match funding::summary(&fw, None) {
                Some((s, found)) => {
                    diags.extend(found);
                    summaries.push(s);
                }
                None => without.push(fw.project.id.clone()),
            },
            None => {
                code = FINDINGS;
                eprintln!("{}: left out of the portfolio, it does not load", dir.display());
            }
        }
        eprint(&diags, &loaded.sources);
    }
    let p = funding::portfolio(&summaries, without);
    out(&match format {
        TableFormat::Table => render::funding::portfolio_table(&p),
        TableFormat::Csv => render::funding::portfolio_csv(&p),
        TableFormat::Json => render::funding::portfolio_json(&p),
    });
    code
}
