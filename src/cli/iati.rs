//! `logframe export iati` and `logframe import-iati`: the IATI commands;
//! the use cases live in `app/iati.rs`, the mappings and the XML in `iati/`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::terminal::{CLEAN, fail, finish, out, outln, usage};
use crate::app::{Workspace, iati};
use crate::locale::term_message;

/// `logframe export ...`
#[derive(Debug, Subcommand)]
pub enum ExportTarget {
    /// An IATI 2.03 `iati-activities` document with the framework's results
    Iati {
        /// A framework folder, or a name under ./frameworks
        framework: String,
        /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
        #[arg(long)]
        as_of: Option<String>,
        /// Write to this file instead of stdout
        #[arg(short = 'o', long = "output", value_name = "FILE.xml")]
        output: Option<PathBuf>,
    },
}

/// `logframe import-iati FILE.xml [--out DIR] [--activity ID]`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An IATI activity file (iati-activities, version 2.x)
    pub file: PathBuf,
    /// The framework folder to create, new or empty (default: ./frameworks/IDENTIFIER, slugged)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The iati-identifier of the activity to import (needed when the file holds several)
    #[arg(long)]
    pub activity: Option<String>,
}

/// Run `logframe export TARGET`.
pub fn export(target: ExportTarget) -> i32 {
    let ExportTarget::Iati {
        framework,
        as_of,
        output,
    } = target;
    let o = match Workspace::current().open(&framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    finish(iati::export(&o, as_of.as_deref()), |xml| match &output {
        Some(path) => match crate::output::write_path(path, xml.as_bytes()) {
            Ok(_) => CLEAN,
            Err(d) => usage(d),
        },
        None => {
            out(xml);
            CLEAN
        }
    })
}

/// Run `logframe import-iati`.
pub fn import(args: ImportArgs) -> i32 {
    let q = iati::ImportQuery {
        file: args.file,
        out: args.out,
        activity: args.activity,
    };
    finish(iati::import_iati(&Workspace::current(), &q), |c| {
        outln(&term_message(
            "iati-imported",
            [
                ("id", c.id.to_string().into()),
                ("results", c.results.to_string().into()),
                ("indicators", c.indicators.to_string().into()),
                ("rows", c.rows.to_string().into()),
                ("dir", c.dir.display().to_string().into()),
            ],
        ));
        CLEAN
    })
}
