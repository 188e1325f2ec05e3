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

/// Load the framework named on the command line with its ledger; on
/// errors print them and return the exit code to end with.
pub fn open(arg: &str) -> Result<(Framework, Loaded), i32> {
    let dir = workspace::resolve(arg).map_err(usage)?;
    let mut loaded = workspace::load(&dir);
    match loaded.framework.take() {
        Some(fw) if !loaded.diagnostics.has_errors() => Ok((fw, loaded)),
        _ => {
            eprint(&loaded.diagnostics, &loaded.sources);
            Err(if loaded.diagnostics.is_empty() { USAGE } else { FINDINGS })
        }
    }
}
