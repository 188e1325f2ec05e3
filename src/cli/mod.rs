//! The terminal face: one file per command, holding its clap `Args` and
//! its `run`, which calls the application layer (`crate::app`), prints the
//! result and returns the exit code through the one map in
//! [`terminal::finish`]. clap types live only here.

pub mod check;
pub mod commit;
pub mod compare;
pub mod evaluate;
pub mod explain;
pub mod formats;
pub mod funding;
pub mod history;
pub mod iati;
pub mod import;
pub mod init;
pub mod narrative;
pub mod portfolio;
pub mod record;
pub mod report;
pub mod review;
pub mod serve;
pub mod sheet;
pub mod status;
pub mod templates;
pub mod terminal;
pub mod user;
pub mod void;

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
    /// An entry workbook of the values due in a period, to fill in and import
    Sheet(sheet::SheetArgs),
    /// Withdraw a wrong value: kept in the trail with the reason, counted nowhere
    Void(void::VoidArgs),
    /// Values waiting for review (frameworks with `approval: true`)
    Pending(review::PendingArgs),
    /// Approve or reject values waiting for review
    Approve(review::ApproveArgs),
    /// Targets against actuals for every reporting period (the IPTT)
    Compare(compare::CompareArgs),
    /// The evaluator's workbook (xlsx): status by level, every indicator with its comments, history, data quality
    Evaluate(evaluate::EvaluateArgs),
    /// How a figure was obtained: ledger rows, corrections, aggregation, target, status
    Explain(explain::ExplainArgs),
    /// The trail of values recorded for an indicator, corrections included
    History(history::HistoryArgs),
    /// Donor progress report in Markdown, with SVG charts
    Report(report::ReportArgs),
    /// The team's narrative of a period: `narrative new` writes its scaffold
    Narrative {
        #[command(subcommand)]
        action: narrative::NarrativeAction,
    },
    /// Report templates
    Templates {
        #[command(subcommand)]
        action: templates::TemplatesAction,
    },
    /// Budget, pledges, expenditure and shortfall of a framework, or of all (--portfolio)
    Funding(funding::FundingArgs),
    /// Standard indicators rolled up across every framework, status counts and funding totals
    Portfolio(portfolio::PortfolioArgs),
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

/// Run a parsed command; its exit code (0 clean, 1 findings, 2 usage or I/O).
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Status(args) => status::run(args),
        Command::Record(args) => record::run(args),
        Command::Import(args) => import::run(args),
        Command::Sheet(args) => sheet::run(args),
        Command::Void(args) => void::run(args),
        Command::History(args) => history::run(args),
        Command::Pending(args) => review::pending(args),
        Command::Approve(args) => review::approve(args),
        Command::Compare(args) => compare::run(args),
        Command::Evaluate(args) => evaluate::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Report(args) => report::run(args),
        Command::Funding(args) => funding::run(args),
        Command::Portfolio(args) => portfolio::run(args),
        Command::Narrative { action } => narrative::run(action),
        Command::Templates { action } => templates::run(action),
        Command::Schema => {
            terminal::out(&crate::load::raw::json_schema());
            terminal::CLEAN
        }
        Command::Init(args) => init::run(args),
        Command::Export(target) => iati::export(target),
        Command::ImportIati(args) => iati::import(args),
        Command::Serve(args) => serve::run(args),
        Command::User { action } => user::run(action),
    }
}
