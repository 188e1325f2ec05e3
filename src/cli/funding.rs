//! `logframe funding`: load one framework (or every framework under
//! ./frameworks for `--portfolio`), compute its funding figures, render
//! them.
//!
//! Like `status`, the figures are printed even when a stated shortfall
//! does not add up; that finding goes to stderr as a warning and into the
//! output. Frameworks that do not load are reported and left out of the
//! portfolio, and the exit code is then 1.

use clap::Args;

use super::formats::TableFormat;
use super::terminal::{CLEAN, eprint, fail, finish, out, usage};
use crate::app::{Workspace, funding};
use crate::diag::Diagnostic;
use crate::render;

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
    let ws = Workspace::current();
    match (a.portfolio, a.framework.as_deref()) {
        (true, _) => finish(funding::portfolio(&ws), |run| {
            for f in &run.found {
                if f.left_out {
                    eprintln!(
                        "{}",
                        crate::locale::term_message("funding-left-out", [("dir", f.dir.display().to_string().into())])
                    );
                }
                eprint(&f.diagnostics, &f.sources);
            }
            out(&match a.format {
                TableFormat::Table => render::funding::portfolio_table(&run.portfolio),
                TableFormat::Csv => render::funding::portfolio_csv(&run.portfolio),
                TableFormat::Json => render::funding::portfolio_json(&run.portfolio),
            });
            CLEAN
        }),
        (false, Some(fw)) => {
            let o = match ws.open(fw) {
                Ok(o) => o,
                Err(f) => return fail(f),
            };
            finish(funding::one(&o, a.period.as_deref()), |summary| {
                out(&match a.format {
                    TableFormat::Table => render::funding::table(summary),
                    TableFormat::Csv => render::funding::csv(summary),
                    TableFormat::Json => render::funding::json(summary),
                });
                CLEAN
            })
        }
        (false, None) => usage(
            Diagnostic::error("`logframe funding` needs a framework or --portfolio")
                .expected("FRAMEWORK, or --portfolio")
                .found("neither")
                .hint("e.g. `logframe funding starsom` or `logframe funding --portfolio`"),
        ),
    }
}
