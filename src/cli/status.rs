//! `logframe status`: every indicator at a reporting period, as a table,
//! CSV or JSON.

use clap::Args;

use super::formats::TableFormat;
use crate::compute::Computed;
use crate::render;
use crate::terminal::{CLEAN, eprint as eprint_diags, open, out, usage};
use crate::workspace;

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
}

pub fn run(a: StatusArgs) -> i32 {
    status(&a.framework, a.period.as_deref(), a.format, a.as_of.as_deref())
}

fn status(arg: &str, period: Option<&str>, format: TableFormat, as_of: Option<&str>) -> i32 {
    let (fw, loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let (computed, diags) = Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = loaded.diagnostics;
    all.extend(diags);
    eprint_diags(&all, &loaded.sources);
    let period = match period {
        Some(p) => match workspace::parse_period_arg(&fw, p) {
            Ok(p) => p,
            Err(d) => return usage(d),
        },
        None => computed.default_period(),
    };
    let table = computed.table(&period);
    let text = match format {
        TableFormat::Table => render::status::table(&fw, &table),
        TableFormat::Csv => render::status::csv(&fw, &table),
        TableFormat::Json => render::status::json(&table),
    };
    out(&text);
    CLEAN
}
