//! `logframe import`: a CSV file or a spreadsheet, validated whole before
//! anything is written (all rows or none).

use std::path::PathBuf;

use clap::Args;

use super::terminal::fail;
use crate::app::{Workspace, import};

/// Import values from a CSV file or a spreadsheet: all rows or none
#[derive(Debug, Args)]
pub struct ImportArgs {
    pub framework: String,
    pub file: PathBuf,
    /// Validate and report what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Sheet to read from a spreadsheet (.xlsx, .ods; default: the first)
    #[arg(long)]
    pub sheet: Option<String>,
    #[arg(long)]
    pub by: Option<String>,
    /// Replace values someone else recorded (refused without it, naming who)
    #[arg(long)]
    pub replace: bool,
}

pub fn run(a: ImportArgs) -> i32 {
    let fw = match Workspace::current().framework(&a.framework) {
        Ok(fw) => fw,
        Err(f) => return fail(f),
    };
    let opts = import::Options {
        sheet: a.sheet,
        dry_run: a.dry_run,
        by: a.by,
        replace: a.replace,
    };
    super::commit::show(&fw, import::import(&fw, &a.file, &opts), a.dry_run)
}
