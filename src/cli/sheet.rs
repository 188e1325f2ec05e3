//! `logframe sheet`: the entry workbook of a period (one row per value
//! due, the values in force prefilled), to fill in and bring back with
//! `logframe import`.

use std::path::PathBuf;

use clap::Args;

use super::terminal::{emit, fail, finish, no_binary_on_terminal, workbook_bytes};
use crate::app::{Workspace, sheet};
use crate::locale::term_message;

/// An entry workbook of the values due in a period, to fill in and import
#[derive(Debug, Args)]
pub struct SheetArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// The reporting period, e.g. 2023-Q4
    #[arg(long)]
    pub period: String,
    /// Only the values of one country (a code of the `country` disaggregation)
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Language of the instructions and labels (default: the project's language, else en)
    #[arg(long, value_enum)]
    pub lang: Option<super::formats::LangArg>,
    /// Write the workbook to this file (required on a terminal)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(a: SheetArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    if let Some(code) = no_binary_on_terminal(true, a.output.as_deref()) {
        return code;
    }
    let q = sheet::Query {
        period: a.period,
        country: a.country,
        lang: a.lang.map(Into::into),
    };
    finish(sheet::sheet(&o, &q), |s| {
        let bytes = match workbook_bytes(crate::render::xlsx::entry::workbook(&o.framework, &s.due, s.lang)) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let cells = s.due.indicators.iter().flat_map(|d| &d.cells);
        let rows = cells.clone().count();
        let prefilled = cells.filter(|c| c.in_force.is_some()).count();
        let period = match &s.due.country {
            Some(c) => format!("{} ({c})", s.due.period),
            None => s.due.period.to_string(),
        };
        eprintln!(
            "{}",
            term_message(
                "sheet-summary",
                [
                    ("rows", rows.into()),
                    ("period", period.into()),
                    ("prefilled", prefilled.into()),
                ],
            )
        );
        emit(a.output.as_deref(), &bytes)
    })
}
