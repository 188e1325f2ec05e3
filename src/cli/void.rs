//! `logframe void`: withdraw a wrong value, with a reason kept in the trail.

use clap::Args;

use super::terminal::{fail, usage};
use crate::app::{Workspace, void};

/// Withdraw a wrong value: kept in the trail with the reason, counted nowhere (record again to undo)
#[derive(Debug, Args)]
pub struct VoidArgs {
    pub framework: String,
    pub indicator: String,
    #[arg(long)]
    pub period: String,
    /// The breakdown of the value, e.g. --dim country=GT
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    pub dims: Vec<String>,
    /// Why the value is withdrawn (kept in the ledger and shown by `history`)
    #[arg(long)]
    pub reason: String,
    /// Who withdraws (default: $LOGFRAME_USER; one of the two is required)
    #[arg(long)]
    pub by: Option<String>,
    /// Check and show what would be withdrawn, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(a: VoidArgs) -> i32 {
    let fw = match Workspace::current().framework(&a.framework) {
        Ok(fw) => fw,
        Err(f) => return fail(f),
    };
    let dims = match super::formats::dim_pairs(&a.dims) {
        Ok(d) => d,
        Err(d) => return usage(d),
    };
    let req = void::Request {
        indicator: a.indicator,
        period: a.period,
        dims,
        reason: a.reason,
    };
    let opts = void::Options {
        by: a.by,
        dry_run: a.dry_run,
    };
    super::commit::show(&fw, void::void(&fw, &req, &opts), a.dry_run)
}
