//! Command-line interface definitions (clap).
//!
//! The commands are moving here one file each (its clap `Args` and its
//! `run`), so that a newcomer finds a command in one place: `funding` is
//! the first.

pub mod check;
pub mod compare;
pub mod explain;
pub mod formats;
pub mod funding;
pub mod history;
pub mod iati;
pub mod import;
pub mod init;
pub mod record;
pub mod report;
pub mod serve;
pub mod status;
pub mod templates;
pub mod user;

pub use formats::TableFormat;

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
    Check(check::CheckArgs),
    /// Progress of every indicator at a reporting period
    Status(status::StatusArgs),
    /// Record one value (recording the same key again is a correction)
    Record(record::RecordArgs),
    /// Import values from a CSV file or a spreadsheet: all rows or none
    Import(import::ImportArgs),
    /// Targets against actuals for every reporting period (the IPTT)
    Compare(compare::CompareArgs),
    /// How a figure was obtained: ledger rows, corrections, aggregation, target, status
    Explain(explain::ExplainArgs),
    /// The trail of values recorded for an indicator, corrections included
    History(history::HistoryArgs),
    /// Donor progress report in Markdown, with SVG charts
    Report(report::ReportArgs),
    /// Report templates
    Templates {
        #[command(subcommand)]
        action: templates::TemplatesAction,
    },
    /// Budget, pledges, expenditure and shortfall of a framework, or of all (--portfolio)
    Funding(funding::FundingArgs),
    /// Print the JSON Schema of logframe.yaml
    Schema,
    /// Export the framework in another standard (IATI 2.03)
    #[command(subcommand)]
    Export(iati::ExportTarget),
    /// Create a framework folder from an IATI activity's results
    ImportIati(iati::ImportArgs),
    /// Create a new framework folder with a starter logframe.yaml
    Init(init::InitArgs),
    /// Serve the frameworks under ./frameworks as a web application
    Serve(serve::ServeArgs),
    /// The users of `logframe serve` (.logframe/users.yaml)
    User {
        #[command(subcommand)]
        action: user::UserAction,
    },
}
