//! What every command does at the terminal: exit codes, output that ends
//! quietly when the reader closes the pipe (`| head`), diagnostics sorted
//! and rendered on stderr, and opening the framework a command names.
//! One place, so that every command behaves the same way.

use std::io::Write;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;
use crate::workspace::{self, Loaded};

/// Exit codes: clean, findings in the input, usage or I/O error.
pub const CLEAN: i32 = 0;
pub const FINDINGS: i32 = 1;
pub const USAGE: i32 = 2;

/// Write to stdout; a closed pipe ends output quietly instead of panicking.
pub fn out(text: &str) {
    out_bytes(text.as_bytes());
}

pub fn out_bytes(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(bytes).and_then(|_| stdout.flush());
}

/// Diagnostics sorted by file and line, then a summary line, on stderr.
pub fn eprint(diags: &Diagnostics, sources: &Sources) {
    let mut d = diags.clone();
    d.sort();
    let _ = std::io::stderr().write_all(d.render(sources).as_bytes());
}

/// Print one usage or I/O error and return its exit code.
pub fn usage(d: Diagnostic) -> i32 {
    eprint(&Diagnostics(vec![d]), &Sources::default());
    USAGE
}

/// The exit code for diagnostics that stop a command: errors that point
/// into a file are findings (1); errors with no place in any file (a file
/// that cannot be read, a folder where a file should be) are I/O (2).
pub fn exit_code(diags: &Diagnostics) -> i32 {
    let unlocated_errors_only = diags.has_errors() && diags.0.iter().filter(|d| d.is_error()).all(|d| d.span.is_none());
    if diags.is_empty() || unlocated_errors_only {
        USAGE
    } else {
        FINDINGS
    }
}

/// Load the framework named on the command line with its ledger; on
/// errors print them and return the exit code to end with.
pub fn open(arg: &str) -> Result<(Framework, Loaded), i32> {
    let dir = workspace::resolve(arg).map_err(usage)?;
    let mut loaded = workspace::load(&dir);
    match loaded.framework.take() {
        Some(fw) if !loaded.diagnostics.has_errors() => Ok((fw, loaded)),
        _ => {
            eprint(&loaded.diagnostics, &loaded.sources);
            Err(exit_code(&loaded.diagnostics))
        }
    }
}

/// What a `record` or `import` did, on stdout; or why nothing was written.
pub fn report_commit(
    fw: &Framework,
    result: Result<crate::ledger::write::Outcome, (Sources, Diagnostics)>,
    dry_run: bool,
) -> i32 {
    match result {
        Ok(o) => {
            let older = if o.older > 0 {
                format!(", {} older than the value in force (kept in the history)", o.older)
            } else {
                String::new()
            };
            out(&format!(
                "{}{}: {} new, {} correction{}, {} unchanged{older}\n",
                if dry_run { "dry run, nothing written: " } else { "" },
                fw.project.id,
                o.added,
                o.corrections,
                if o.corrections == 1 { "" } else { "s" },
                o.unchanged
            ));
            for k in &o.kept {
                out(&format!(
                    "  {} = {}: kept in the trail, not in force; {} stays in force \
                     (recorded {} by {}, {})\n",
                    k.what, k.value, k.in_force_value, k.in_force_at, k.in_force_by, k.in_force_at_place
                ));
            }
            CLEAN
        }
        Err((sources, diags)) => {
            eprint(&diags, &sources);
            if diags.0.iter().any(|d| d.span.is_some()) {
                FINDINGS
            } else {
                USAGE
            }
        }
    }
}
