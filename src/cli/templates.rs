//! `logframe templates export`: the built-in report templates written out,
//! as a starting point for overrides.

use std::path::PathBuf;

use clap::Subcommand;

use crate::diag::Diagnostic;
use crate::output;
use crate::render::markdown;
use crate::terminal::{CLEAN, out, usage};

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Write the built-in report templates to DIR, as a starting point for overrides
    Export { dir: PathBuf },
}

pub fn run(action: TemplatesAction) -> i32 {
    match action {
        TemplatesAction::Export { dir } => {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                return usage(
                    Diagnostic::error(format!("cannot create {}: {e}", dir.display()))
                        .hint("check that the folder is writable"),
                );
            }
            for (name, text) in markdown::BUILTIN {
                let p = dir.join(name);
                if p.exists() {
                    out(&(format!("kept {} (already there)", p.display()) + "\n"));
                    continue;
                }
                if let Err(d) = output::write_file(&dir, name, text.as_bytes()) {
                    return usage(d);
                }
                out(&(format!("wrote {}", p.display()) + "\n"));
            }
            out(&(format!(
                "edit a file and pass `--templates {}` to `logframe report`; delete the ones you keep unchanged",
                dir.display()
            ) + "\n"));
            CLEAN
        }
    }
}
