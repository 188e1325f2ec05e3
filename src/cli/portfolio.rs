//! `logframe portfolio`: the standard indicators rolled up across every
//! framework under ./frameworks at one date, each framework's status
//! counts, and the funding totals per currency; as a table, CSV (the
//! roll-up), an xlsx workbook (all three) or JSON (everything).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::terminal::{emit, eprint, finish, no_binary_on_terminal, workbook_bytes};
use crate::app::portfolio::{self, Query};
use crate::app::{Failure, Workspace};
use crate::compute::rollup::By;
use crate::diag::Diagnostic;
use crate::locale::term_message;
use crate::render::portfolio::{csv, table};

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    Table,
    Csv,
    Xlsx,
    Json,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// One group per framework
    Framework,
    /// One group per donor (the frameworks' `project.donor`)
    Donor,
    /// The `country` disaggregation, matched by value across frameworks
    Country,
    /// The `sex` disaggregation, matched by value across frameworks
    Sex,
}

/// Standard indicators rolled up across the frameworks, status counts and funding totals
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Roll up at the end of this calendar period (each framework at its latest reporting period ending by then), e.g. 2023-Q4, 2013-H2, 2023
    #[arg(long, conflicts_with = "as_of")]
    pub period: Option<String>,
    /// Roll up at this date (YYYY-MM-DD), with the ledgers as they stood at its end (default: today)
    #[arg(long)]
    pub as_of: Option<String>,
    /// Split the sums by framework, or by a disaggregation
    #[arg(long, value_enum)]
    pub by: Option<ByArg>,
    /// Only this standard indicator (a code of frameworks/standards.yaml)
    #[arg(long)]
    pub standard: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: PortfolioFormat,
    /// Write to this file instead of standard output (required for xlsx on a terminal)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(a: PortfolioArgs) -> i32 {
    let q = Query {
        period: a.period,
        as_of: a.as_of,
        by: a.by.map(|b| match b {
            ByArg::Framework => By::Framework,
            ByArg::Donor => By::Donor,
            ByArg::Country => By::Dimension("country".into()),
            ByArg::Sex => By::Dimension("sex".into()),
        }),
        standard: a.standard,
    };
    if let Some(code) = no_binary_on_terminal(a.format == PortfolioFormat::Xlsx, a.output.as_deref()) {
        return code;
    }
    finish(portfolio::portfolio(&Workspace::current(), &q), |run| {
        print_found(&run.found);
        let p = &run.portfolio;
        let bytes = match a.format {
            PortfolioFormat::Table => table(p).into_bytes(),
            PortfolioFormat::Csv => match csv(p) {
                Ok(text) => text.into_bytes(),
                Err(e) => {
                    return super::terminal::fail(Failure::usage(
                        Diagnostic::error(format!("cannot write the CSV: {e}")).hint("report this as a bug"),
                    ));
                }
            },
            PortfolioFormat::Xlsx => match workbook_bytes(crate::render::xlsx::portfolio::workbook(p)) {
                Ok(b) => b,
                Err(code) => return code,
            },
            PortfolioFormat::Json => {
                (serde_json::to_string_pretty(p).expect("the portfolio serialises") + "\n").into_bytes()
            }
        };
        emit(a.output.as_deref(), &bytes)
    })
}

/// What was found in each framework: those left out, and their diagnostics.
pub(crate) fn print_found(found: &[crate::app::funding::Found]) {
    for f in found {
        if f.left_out {
            eprintln!(
                "{}",
                term_message("portfolio-left-out", [("dir", f.dir.display().to_string().into())])
            );
        }
        eprint(&f.diagnostics, &f.sources);
    }
}
