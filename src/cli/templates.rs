//! `logframe templates export`: the built-in report templates written out,
//! as a starting point for overrides.

use std::path::PathBuf;

use clap::Subcommand;

use super::terminal::{CLEAN, finish, outln};
use crate::locale::term_message;

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Write the built-in report templates to DIR, as a starting point for overrides
    Export { dir: PathBuf },
}

pub fn run(action: TemplatesAction) -> i32 {
    let TemplatesAction::Export { dir } = action;
    finish(crate::app::init::export_templates(&dir), |files| {
        for (p, written) in files {
            if *written {
                outln(&term_message("cli-wrote", [("path", p.display().to_string().into())]));
            } else {
                outln(&term_message(
                    "templates-kept",
                    [("path", p.display().to_string().into())],
                ));
            }
        }
        outln(&term_message(
            "templates-next",
            [("dir", dir.display().to_string().into())],
        ));
        CLEAN
    })
}
