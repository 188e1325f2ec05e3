//! `logframe status`: every indicator at a reporting period, as a table,
//! CSV or JSON.

use clap::Args;

use super::formats::TableFormat;
use super::terminal::{CLEAN, finish, out};
use crate::app::{self, Workspace, status};
use crate::render;

/// Progress of every indicator at a reporting period
#[derive(Debug, Args)]
pub struct StatusArgs {
    pub framework: String,
    /// Reporting period (default: the latest with values), e.g. 2023-Q3, FY2022-23
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
    /// Count the values waiting for review as if approved: what approving the queue would change
    #[arg(long)]
    pub include_pending: bool,
    /// The figures of one category only, e.g. --dim country=GT (repeat to narrow: --dim sex=women)
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    pub dims: Vec<String>,
}

pub fn run(a: StatusArgs) -> i32 {
    let opened = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return super::terminal::fail(f),
    };
    let categories = match super::formats::dim_pairs(&a.dims) {
        Ok(c) => c,
        Err(d) => return super::terminal::usage(d),
    };
    let q = status::Query {
        period: a.period,
        as_of: a.as_of,
        include_pending: a.include_pending,
        categories,
    };
    let fw = &opened.framework;
    finish(app::status::status(&opened, &q), |table| {
        out(&match a.format {
            TableFormat::Table => render::status::table(fw, table),
            TableFormat::Csv => render::status::csv(fw, table),
            TableFormat::Json => render::status::json(table),
        });
        CLEAN
    })
}
