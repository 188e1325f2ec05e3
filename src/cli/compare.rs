//! `logframe compare`: the indicator performance tracking table (IPTT),
//! every indicator over the reporting periods, as a table, CSV, xlsx or
//! JSON.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::terminal::{CLEAN, eprint, fail, finish, out_bytes as out, usage};
use crate::app::{Workspace, compare};
use crate::diag::Diagnostic;
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

/// Say which cells of the workbook were cut to Excel's cell limit.
fn warn_truncated(cells: &[String]) {
    let Some(first) = cells.first() else {
        return;
    };
    let shown: Vec<&str> = cells.iter().take(10).map(String::as_str).collect();
    let more = cells.len().saturating_sub(shown.len());
    let d = Diagnostic::warning(format!(
        "{} cell{} longer than Excel's {} characters, cut and ending in `{}`",
        cells.len(),
        if cells.len() == 1 { " is" } else { "s are" },
        render::xlsx::MAX_CELL_TEXT,
        render::xlsx::TRUNCATED
    ))
    .found(if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    })
    .hint(format!(
        "shorten the text behind {first}, or use --format csv or json, which keep it whole"
    ));
    eprint(&crate::diag::Diagnostics(vec![d]), &crate::source::Sources::default());
}

/// Write `bytes` to `-o FILE` (atomically) or standard output.
fn emit(output: Option<&Path>, bytes: &[u8]) -> i32 {
    match output {
        Some(p) => match crate::output::write_path(p, bytes) {
            Ok(p) => {
                eprintln!(
                    "{}",
                    crate::locale::term_message("cli-wrote", [("path", p.display().to_string().into())])
                );
                CLEAN
            }
            Err(d) => usage(d),
        },
        None => {
            out(bytes);
            CLEAN
        }
    }
}

pub fn run(a: CompareArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    if a.format == CompareFormat::Xlsx && a.output.is_none() && std::io::stdout().is_terminal() {
        return usage(
            Diagnostic::error("an xlsx workbook is binary and is not printed on a terminal").hint("add -o FILE.xlsx"),
        );
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
            CompareFormat::Xlsx => match render::xlsx::workbook(&o.framework, model) {
                Ok(built) => {
                    warn_truncated(&built.truncated);
                    built.bytes
                }
                Err(e) => {
                    return usage(
                        Diagnostic::error(format!("cannot build the workbook: {e}")).hint("report this as a bug"),
                    );
                }
            },
        };
        emit(a.output.as_deref(), &bytes)
    })
}
