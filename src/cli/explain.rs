//! `logframe explain`: how one figure was obtained, down to the ledger
//! rows, the target and the status thresholds.

use clap::{Args, ValueEnum};

use crate::compute::Computed;
use crate::evaluate::explain;
use crate::render;
use crate::terminal::{CLEAN, eprint, open, out_bytes as out, usage};
use crate::workspace;

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
    let (fw, loaded) = match open(&a.framework) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let Some(ix) = fw.indicator_index(&a.indicator) else {
        return usage(workspace::unknown_indicator(&fw, &a.indicator));
    };
    let as_of = match a.as_of.as_deref().map(workspace::parse_as_of).transpose() {
        Ok(x) => x,
        Err(d) => return usage(d),
    };
    let (computed, diags) = Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = loaded.diagnostics;
    all.extend(diags);
    eprint(&all, &loaded.sources);
    let period = match a.period.as_deref() {
        Some(p) => match workspace::parse_period_arg(&fw, p) {
            Ok(p) => p,
            Err(d) => return usage(d),
        },
        None => computed.default_period(),
    };
    let e = explain::build(&computed, &loaded.sources, ix, period);
    out(match a.format {
        ExplainFormat::Text => render::explain::text(&e),
        ExplainFormat::Json => render::explain::json(&e),
    }
    .as_bytes());
    CLEAN
}
