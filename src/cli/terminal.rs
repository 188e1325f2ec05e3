//! What every command does at the terminal: output that ends quietly when
//! the reader closes the pipe (`| head`), diagnostics sorted and rendered
//! on stderr, and the one map from a use case's outcome to the exit code
//! (0 clean, 1 findings, 2 usage or I/O error). One place, so that every
//! command behaves the same way.

use std::io::Write;
use std::path::Path;

use crate::app::{self, Failure, FailureKind};
use crate::diag::{Diagnostic, Diagnostics};
use crate::source::Sources;

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

/// One line on stdout.
pub fn outln(text: &str) {
    out(&format!("{text}\n"));
}

/// Diagnostics sorted by file and line, then a summary line, on stderr.
pub fn eprint(diags: &Diagnostics, sources: &Sources) {
    if diags.is_empty() {
        return;
    }
    let mut d = diags.clone();
    d.sort();
    let _ = std::io::stderr().write_all(d.render(sources).as_bytes());
}

/// The exit code of a failure.
pub fn code(kind: FailureKind) -> i32 {
    match kind {
        FailureKind::Findings => FINDINGS,
        FailureKind::Usage => USAGE,
    }
}

/// Print a failure (its diagnostics, then its note) and return its code.
pub fn fail(f: Failure) -> i32 {
    eprint(&f.diagnostics, &f.sources);
    if let Some(note) = &f.note {
        let _ = writeln!(std::io::stderr(), "{note}");
    }
    code(f.kind)
}

/// Print one usage error of the command line itself and return 2.
pub fn usage(d: Diagnostic) -> i32 {
    fail(Failure::usage(d))
}

/// Print a use case's diagnostics, then show its result; or print why it
/// stopped. The exit code: 1 when it stopped on findings or produced its
/// result with errors to fix, 2 for usage and I/O, else 0.
pub fn finish<T>(result: app::Result<T>, show: impl FnOnce(&T) -> i32) -> i32 {
    match result {
        Ok(done) => {
            eprint(&done.diagnostics, &done.sources);
            let shown = show(&done.value);
            if shown != CLEAN {
                shown
            } else if done.findings {
                FINDINGS
            } else {
                CLEAN
            }
        }
        Err(f) => fail(f),
    }
}

/// Say which cells of the workbook were cut to Excel's cell limit.
fn warn_truncated(cells: &[String]) {
    let Some(first) = cells.first() else {
        return;
    };
    let shown: Vec<&str> = cells.iter().take(10).map(String::as_str).collect();
    let more = cells.len().saturating_sub(shown.len());
    let d = Diagnostic::warning(format!(
        "{} cell{} longer than Excel's {} characters, cut and ending in `{}`",
        cells.len(),
        if cells.len() == 1 { " is" } else { "s are" },
        crate::render::xlsx::MAX_CELL_TEXT,
        crate::render::xlsx::TRUNCATED
    ))
    .found(if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    })
    .hint(format!(
        "shorten the text behind {first}, or use --format csv or json, which keep it whole"
    ));
    eprint(&crate::diag::Diagnostics(vec![d]), &crate::source::Sources::default());
}

/// Write `bytes` to `-o FILE` (atomically) or standard output.
pub fn emit(output: Option<&Path>, bytes: &[u8]) -> i32 {
    match output {
        Some(p) => match crate::output::write_path(p, bytes) {
            Ok(p) => {
                eprintln!(
                    "{}",
                    crate::locale::term_message("cli-wrote", [("path", p.display().to_string().into())])
                );
                CLEAN
            }
            Err(d) => usage(d),
        },
        None => {
            out_bytes(bytes);
            CLEAN
        }
    }
}

/// A built workbook's bytes, its cut cells said on stderr; or the exit
/// code once the failure is printed.
pub fn workbook_bytes(built: Result<crate::render::xlsx::Built, rust_xlsxwriter::XlsxError>) -> Result<Vec<u8>, i32> {
    match built {
        Ok(b) => {
            warn_truncated(&b.truncated);
            Ok(b.bytes)
        }
        Err(e) => Err(usage(
            Diagnostic::error(format!("cannot build the workbook: {e}")).hint("report this as a bug"),
        )),
    }
}

/// An xlsx workbook is not printed on a terminal: the exit code of the
/// refusal, when `-o FILE` is missing and stdout is one.
pub fn no_binary_on_terminal(xlsx: bool, output: Option<&Path>) -> Option<i32> {
    use std::io::IsTerminal;
    (xlsx && output.is_none() && std::io::stdout().is_terminal()).then(|| {
        usage(Diagnostic::error("an xlsx workbook is binary and is not printed on a terminal").hint("add -o FILE.xlsx"))
    })
}
