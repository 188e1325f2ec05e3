//! `logframe compare`: the indicator performance tracking table (IPTT),
//! every indicator over the reporting periods, as a table, CSV, xlsx or
//! JSON.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::compute::Computed;
use crate::diag::Diagnostic;
use crate::evaluate::compare;
use crate::model::Period;
use crate::render;
use crate::terminal::{CLEAN, eprint, open, out_bytes as out, usage};
use crate::workspace;

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
                eprintln!("wrote {}", p.display());
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
    let (fw, loaded) = match open(&a.framework) {
        Ok(x) => x,
        Err(c) => return c,
    };
    if a.format == CompareFormat::Xlsx && a.output.is_none() && std::io::stdout().is_terminal() {
        return usage(
            Diagnostic::error("an xlsx workbook is binary and is not printed on a terminal").hint("add -o FILE.xlsx"),
        );
    }
    let as_of = match a.as_of.as_deref().map(workspace::parse_as_of).transpose() {
        Ok(x) => x,
        Err(d) => return usage(d),
    };
    let period = |flag: &str, p: &Option<String>| {
        p.as_deref()
            .map(|p| workspace::parse_period_flag(&fw, flag, p))
            .transpose()
    };
    let (from, to) = match (period("--from", &a.from), period("--to", &a.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(d), _) | (_, Err(d)) => return usage(d.clone()),
    };
    let by = match a.by.as_deref() {
        None => None,
        Some(name) => match fw.disaggregation_index(name) {
            Some(d) => Some(d),
            None => {
                let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
                return usage(
                    Diagnostic::error(format!("unknown disaggregation `{name}`"))
                        .expected(if names.is_empty() {
                            "a disaggregation declared in logframe.yaml".into()
                        } else {
                            format!("one of {}", names.join(", "))
                        })
                        .found(name.to_string())
                        .hint(
                            crate::diag::did_you_mean(name, names.iter().copied())
                                .unwrap_or_else(|| "declare it under `disaggregations:`".into()),
                        ),
                );
            }
        },
    };
    let (computed, diags) = Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = loaded.diagnostics;
    all.extend(diags);
    eprint(&all, &loaded.sources);
    let to = to.or_else(|| Some(computed.default_period()));
    let periods: Vec<Period> = compare::periods_between(&computed.reporting, from, to);
    if periods.is_empty() {
        return usage(
            Diagnostic::error("no reporting period lies between --from and --to")
                .expected(format!(
                    "--from before --to, within {} .. {}",
                    fw.project.start, fw.project.end
                ))
                .found(format!(
                    "{} .. {}",
                    from.map(|p| p.to_string()).unwrap_or_default(),
                    to.map(|p| p.to_string()).unwrap_or_default()
                ))
                .hint("a reporting period is shown when it ends between the start of --from and the end of --to"),
        );
    }
    let model = compare::build(&computed, &compare::Options { periods, by });
    let bytes = match a.format {
        CompareFormat::Table => render::compare::table(&model).into_bytes(),
        CompareFormat::Csv => render::compare::csv(&model).into_bytes(),
        CompareFormat::Json => render::compare::json(&model).into_bytes(),
        CompareFormat::Xlsx => match render::xlsx::workbook(&fw, &model) {
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
}
