//! Running a parsed command: each command's `run` maps its outcome to an
//! exit code (0 clean, 1 findings, 2 usage or I/O error).

use crate::cli::{self, Cli, Command};

pub use crate::terminal::{CLEAN, FINDINGS, USAGE};

pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Status(args) => cli::status::run(args),
        Command::Record(args) => cli::record::run(args),
        Command::Import(args) => cli::import::run(args),
        Command::History(args) => cli::history::run(args),
        Command::Compare(args) => cli::compare::run(args),
        Command::Explain(args) => cli::explain::run(args),
        Command::Report(args) => cli::report::run(args),
        Command::Funding(args) => cli::funding::run(args),
        Command::Templates { action } => cli::templates::run(action),
        Command::Schema => {
            crate::terminal::out(&crate::load::raw::json_schema());
            CLEAN
        }
        Command::Init(args) => cli::init::run(args),
        Command::Export(target) => cli::iati::export(target),
        Command::ImportIati(args) => cli::iati::import(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::User { action } => cli::user::run(action),
    }
}
