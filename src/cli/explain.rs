//! `logframe explain`: how one figure was obtained, down to the ledger
//! rows, the target and the status thresholds.

use clap::{Args, ValueEnum};

use super::terminal::{CLEAN, fail, finish, out};
use crate::app::{Workspace, explain};
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    pub indicator: String,
    /// Reporting period (default: the latest with values)
    #[arg(long)]
    pub period: Option<String>,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
}

pub fn run(a: ExplainArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let q = explain::Query {
        indicator: a.indicator,
        period: a.period,
        as_of: a.as_of,
    };
    finish(explain::explain(&o, &q), |e| {
        out(&match a.format {
            ExplainFormat::Text => render::explain::text(e),
            ExplainFormat::Json => render::explain::json(e),
        });
        CLEAN
    })
}
