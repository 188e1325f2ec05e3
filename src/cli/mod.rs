//! Command-line interface definitions (clap).
//!
//! The commands are moving here one file each (its clap `Args` and its
//! `run`), so that a newcomer finds a command in one place: `funding` is
//! the first.

pub mod formats;
pub mod funding;

pub use formats::TableFormat;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "logframe",
    version,
    about = "Results monitoring and indicator reporting for logical frameworks"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate frameworks and their ledgers (all under ./frameworks when none is named)
    Check {
        /// A framework folder, or a name under ./frameworks
        framework: Option<String>,
        /// Also report data-quality findings: missing, late and outlying values, percentages outside 0-100, periods without targets
        #[arg(long)]
        quality: bool,
        /// With --quality: days after a period's end by which its values are due (default: the project's reporting_deadline_days, else 30)
        #[arg(long, requires = "quality")]
        deadline_days: Option<u32>,
        /// Read the ledger as it stood at the end of this date (YYYY-MM-DD); with --quality, values are due as of then
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Progress of every indicator at a reporting period
    Status {
        framework: String,
        /// Reporting period (default: the latest with values), e.g. 2023-Q3, FY2022-23
        #[arg(long)]
        period: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
        /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Record one value (recording the same key again is a correction)
    Record {
        framework: String,
        indicator: String,
        #[arg(long)]
        period: String,
        /// The value: a number, yes/no for milestones, text for qualitative indicators
        #[arg(long, allow_hyphen_values = true)]
        value: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        numerator: Option<String>,
        #[arg(long, allow_hyphen_values = true)]
        denominator: Option<String>,
        /// Score of a qualitative value
        #[arg(long, allow_hyphen_values = true)]
        score: Option<String>,
        /// Disaggregation, e.g. --dim sex=women --dim country=PE
        #[arg(long = "dim", value_name = "NAME=VALUE")]
        dims: Vec<String>,
        #[arg(long)]
        comment: Option<String>,
        #[arg(long)]
        source: Option<String>,
        /// Who records (default: $LOGFRAME_USER, else $USER)
        #[arg(long)]
        by: Option<String>,
    },
    /// Import values from a CSV file: all rows or none
    Import {
        framework: String,
        file: PathBuf,
        /// Validate and report what would change, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Sheet to read from a spreadsheet (.xlsx, .ods; default: the first)
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long)]
        by: Option<String>,
    },
    /// Targets against actuals for every reporting period (the IPTT)
    Compare(crate::evaluate::command::CompareArgs),
    /// How a figure was obtained: ledger rows, corrections, aggregation, target, status
    Explain(crate::evaluate::command::ExplainArgs),
    /// The trail of values recorded for an indicator, corrections included
    History {
        framework: String,
        indicator: String,
        #[arg(long)]
        period: Option<String>,
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Donor progress report in Markdown, with SVG charts
    Report(crate::report::command::ReportArgs),
    /// Report templates
    Templates {
        #[command(subcommand)]
        action: crate::report::command::TemplatesAction,
    },
    /// Budget, pledges, expenditure and shortfall of a framework, or of all (--portfolio)
    Funding(funding::FundingArgs),
    /// Print the JSON Schema of logframe.yaml
    Schema,
    /// Export the framework in another standard (IATI 2.03)
    #[command(subcommand)]
    Export(crate::iati::ExportTarget),
    /// Create a framework folder from an IATI activity's results
    ImportIati(crate::iati::ImportArgs),
    /// Create a new framework folder with a starter logframe.yaml
    Init {
        name: String,
        /// Parent folder (default: ./frameworks)
        #[arg(long, default_value = "frameworks")]
        dir: PathBuf,
    },
}
