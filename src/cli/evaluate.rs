//! `logframe evaluate`: the evaluator's workbook (xlsx): status counts by
//! level, every indicator with its comments, the tracking table by level,
//! the ledger trail and the data-quality rates.

use std::path::PathBuf;

use clap::Args;

use super::terminal::{emit, fail, finish, no_binary_on_terminal, workbook_bytes};
use crate::app::{Workspace, evaluate};
use crate::render;

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// First reporting period shown (default: the project's first)
    #[arg(long)]
    pub from: Option<String>,
    /// Last reporting period shown (default: the latest with values)
    #[arg(long)]
    pub to: Option<String>,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD); values are due as of then
    #[arg(long)]
    pub as_of: Option<String>,
    /// Days after a period's end by which its values are due (default: the project's reporting_deadline_days, else 30)
    #[arg(long)]
    pub deadline_days: Option<u32>,
    /// Write the workbook to this file (required on a terminal)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(a: EvaluateArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    if let Some(code) = no_binary_on_terminal(true, a.output.as_deref()) {
        return code;
    }
    let q = evaluate::Query {
        from: a.from,
        to: a.to,
        as_of: a.as_of,
        deadline_days: a.deadline_days,
    };
    finish(evaluate::evaluate(&o, &q), |model| {
        match workbook_bytes(render::xlsx::evaluator::workbook(&o.framework, model)) {
            Ok(bytes) => emit(a.output.as_deref(), &bytes),
            Err(code) => code,
        }
    })
}
