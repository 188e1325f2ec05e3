//! `logframe compare`: the indicator performance tracking table (IPTT),
//! every indicator over the reporting periods, as a table, CSV, xlsx or
//! JSON.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::terminal::{emit, fail, finish, no_binary_on_terminal, workbook_bytes};
use crate::app::{Workspace, compare};
use crate::compute::columns::ColumnKind;
use crate::evaluate::compare::TargetsShown;
use crate::render;

/// `--targets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetsArg {
    /// The targets written in the logframe, in the column they fall due in
    Agreed,
    /// The target in force at each column's end, expected values marked ~
    Expected,
    /// Agreed targets, and the expected value beside them
    Both,
}

/// `--columns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColumnsArg {
    /// Calendar quarters
    Quarter,
    /// Fiscal years (the project's fiscal_year_start; April for GAC)
    FiscalYear,
    /// Calendar years
    Year,
}

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
    /// Split rows by disaggregations, e.g. sex or sex,country
    #[arg(long, value_name = "DIM[,DIM]")]
    pub by: Option<String>,
    /// The table of one category only, e.g. --dim country=GT (repeat to narrow: --dim sex=women)
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    pub dims: Vec<String>,
    /// Which targets to show: agreed (as written), expected (to date, marked ~) or both
    #[arg(long, value_enum, default_value = "agreed")]
    pub targets: TargetsArg,
    /// Columns: quarter, fiscal-year or year (default: the reporting periods)
    #[arg(long, value_enum)]
    pub columns: Option<ColumnsArg>,
    /// Show what each column added beside running totals
    #[arg(long)]
    pub increments: bool,
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
    let categories = match super::formats::dim_pairs(&a.dims) {
        Ok(c) => c,
        Err(d) => return super::terminal::usage(d),
    };
    let q = compare::Query {
        from: a.from,
        to: a.to,
        by: a.by,
        as_of: a.as_of,
        targets: match a.targets {
            TargetsArg::Agreed => TargetsShown::Agreed,
            TargetsArg::Expected => TargetsShown::Expected,
            TargetsArg::Both => TargetsShown::Both,
        },
        columns: a.columns.map(|c| match c {
            ColumnsArg::Quarter => ColumnKind::Quarter,
            ColumnsArg::FiscalYear => ColumnKind::FiscalYear,
            ColumnsArg::Year => ColumnKind::Year,
        }),
        increments: a.increments,
        categories,
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
