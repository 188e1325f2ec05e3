//! `logframe record`: one value, checked by the same row rules as an
//! import, written through the ledger's write path.

use clap::Args;

use super::terminal::{fail, usage};
use crate::app::{Workspace, record};

/// Record one value (recording the same key again is a correction)
#[derive(Debug, Args)]
pub struct RecordArgs {
    pub framework: String,
    pub indicator: String,
    #[arg(long)]
    pub period: String,
    /// The value: a number, yes/no for milestones, text for qualitative indicators
    #[arg(long, allow_hyphen_values = true)]
    pub value: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub numerator: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub denominator: Option<String>,
    /// Score of a qualitative value
    #[arg(long, allow_hyphen_values = true)]
    pub score: Option<String>,
    /// Disaggregation, e.g. --dim sex=women --dim country=PE
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    pub dims: Vec<String>,
    #[arg(long)]
    pub comment: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    /// Who records (default: $LOGFRAME_USER; one of the two is required)
    #[arg(long)]
    pub by: Option<String>,
    /// Record the value as waiting for review: it counts once approved (`logframe approve`)
    #[arg(long)]
    pub pending: bool,
    /// Replace a value someone else recorded (refused without it, naming who)
    #[arg(long)]
    pub replace: bool,
}

pub fn run(a: RecordArgs) -> i32 {
    let fw = match Workspace::current().framework(&a.framework) {
        Ok(fw) => fw,
        Err(f) => return fail(f),
    };
    let dims = match super::formats::dim_pairs(&a.dims) {
        Ok(d) => d,
        Err(d) => return usage(d),
    };
    let entry = record::Entry {
        indicator: a.indicator,
        period: a.period,
        value: a.value.unwrap_or_default(),
        numerator: a.numerator.unwrap_or_default(),
        denominator: a.denominator.unwrap_or_default(),
        score: a.score.unwrap_or_default(),
        dims,
        comment: a.comment.unwrap_or_default(),
        source: a.source.unwrap_or_default(),
    };
    let opts = record::Options {
        by: a.by,
        dry_run: false,
        pending: a.pending,
        replace: a.replace,
    };
    super::commit::show(&fw, record::record(&fw, &[entry], &opts), false)
}
