//! `logframe templates export`: the built-in report templates written out,
//! as a starting point for overrides.

use std::path::PathBuf;

use clap::Subcommand;

use super::terminal::{CLEAN, finish, outln};

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
                outln(&format!("wrote {}", p.display()));
            } else {
                outln(&format!("kept {} (already there)", p.display()));
            }
        }
        outln(&format!(
            "edit a file and pass `--templates {}` to `logframe report`; delete the ones you keep unchanged",
            dir.display()
        ));
        CLEAN
    })
}
