//! `logframe compare`: the indicator performance tracking table (IPTT),
//! every indicator over the reporting periods, as a table, CSV, xlsx or
//! JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::terminal::{emit, fail, finish, no_binary_on_terminal, workbook_bytes};
use crate::app::{Workspace, compare};
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Csv,
    Xlsx,
    Json,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// First reporting period shown (default: the project's first)
    #[arg(long)]
    pub from: Option<String>,
    /// Last reporting period shown (default: the latest with values)
    #[arg(long)]
    pub to: Option<String>,
    /// Split rows by a disaggregation, e.g. sex
    #[arg(long, value_name = "DIM")]
    pub by: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: CompareFormat,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
    /// Write to this file instead of standard output (required for xlsx on a terminal)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(a: CompareArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    if let Some(code) = no_binary_on_terminal(a.format == CompareFormat::Xlsx, a.output.as_deref()) {
        return code;
    }
    let q = compare::Query {
        from: a.from,
        to: a.to,
        by: a.by,
        as_of: a.as_of,
    };
    finish(compare::compare(&o, &q), |model| {
        let bytes = match a.format {
            CompareFormat::Table => render::compare::table(model).into_bytes(),
            CompareFormat::Csv => render::compare::csv(model).into_bytes(),
            CompareFormat::Json => render::compare::json(model).into_bytes(),
            CompareFormat::Xlsx => match workbook_bytes(render::xlsx::workbook(&o.framework, model)) {
                Ok(b) => b,
                Err(code) => return code,
            },
        };
        emit(a.output.as_deref(), &bytes)
    })
}
