//! Importing a CSV file or a spreadsheet: every row checked before
//! anything is written (all rows or none), then one commit. A spreadsheet
//! is read as CSV text and goes through the same reader, rules and commit.

use std::path::{Path, PathBuf};

use super::{Done, Failure, FailureKind, Result};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::write::{Outcome, commit, now, recorder, unrecorded_rows};
use crate::ledger::xlsx;
use crate::model::Framework;
use crate::source::Sources;

#[derive(Debug, Default, Clone)]
pub struct Options {
    /// The sheet to read from a spreadsheet (default: the first).
    pub sheet: Option<String>,
    /// Check and classify only; write nothing.
    pub dry_run: bool,
    /// The recorder of rows without a `recorded_by` cell (default:
    /// `$LOGFRAME_USER`; rows without one are refused when neither says).
    pub by: Option<String>,
    /// Replace values someone else recorded.
    pub replace: bool,
}

/// Import `file`: a spreadsheet (or any file with `sheet` set) through the
/// sheet reader, anything else through the CSV reader.
pub fn import(fw: &Framework, file: &Path, opts: &Options) -> Result<Outcome> {
    if opts.sheet.is_some() || xlsx::is_spreadsheet(file) {
        import_spreadsheet(fw, file, opts)
    } else {
        import_csv(fw, file, opts)
    }
}

fn findings(diagnostics: Diagnostics, sources: Sources, note: &str) -> Failure {
    Failure {
        kind: FailureKind::Findings,
        diagnostics,
        sources,
        note: Some(note.into()),
    }
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn import_csv(fw: &Framework, file: &Path, opts: &Options) -> Result<Outcome> {
    let mut sources = Sources::default();
    let id = match crate::ledger::read::read_csv_file(file, &mut sources) {
        Ok(id) => id,
        Err(d) => {
            return Err(Failure::from_diagnostics(Diagnostics(vec![d]), sources)
                .with_note("nothing was imported: fix the file and import it again"));
        }
    };
    let at = now().map_err(Failure::usage)?;
    let who = recorder(opts.by.as_deref()).unwrap_or_default();
    let line = |l: u32| format!("line {l}");
    let (rows, mut diags) = crate::ledger::write::import_rows(fw, &sources, id, &file_name(file), at, &who, &line);
    if rows.is_empty() && !diags.has_errors() {
        diags.push(crate::ledger::read::no_rows(&sources, id));
    }
    diags.extend(unrecorded(&rows, &sources));
    if diags.has_errors() {
        return Err(findings(
            diags,
            sources,
            "nothing was imported: fix the rows above and import the file again",
        ));
    }
    let rows = replacing(rows, opts.replace);
    commit_checked(fw, sources, rows, diags, opts.dry_run, |d| d)
}

fn import_spreadsheet(fw: &Framework, file: &Path, opts: &Options) -> Result<Outcome> {
    if !xlsx::is_spreadsheet(file) {
        return Err(Failure::usage(
            Diagnostic::error(format!(
                "--sheet needs a spreadsheet, and {} is not one",
                file.display()
            ))
            .expected(format!("a file ending in .{}", xlsx::EXTENSIONS.join(", .")))
            .found(file.display().to_string())
            .hint("drop --sheet to import a CSV file"),
        ));
    }
    let sheet = xlsx::read(file, opts.sheet.as_deref()).map_err(Failure::usage)?;
    let at = now().map_err(Failure::usage)?;
    let who = recorder(opts.by.as_deref()).unwrap_or_default();
    let mut sources = Sources::default();
    let name = PathBuf::from(format!("{}[{}]", file.display(), sheet.name));
    let id = sources.add(name, sheet.csv.clone());
    let sheet_row = |line: u32| {
        format!(
            "row {}",
            sheet.row_of_line(&sources, id, line).map(|r| r + 1).unwrap_or(line)
        )
    };
    let (rows, mut diags) = crate::ledger::write::import_rows(fw, &sources, id, &file_name(file), at, &who, &sheet_row);
    diags.extend(unrecorded(&rows, &sources));
    if rows.is_empty() && !diags.has_errors() && sheet.errors.is_empty() {
        diags.push(xlsx::no_rows(&sheet, file, &sources, id));
    }
    let diags = xlsx::relabel(diags, &sheet, id);
    if diags.has_errors() {
        return Err(findings(
            diags,
            sources,
            "nothing was imported: fix the cells above and import the file again",
        ));
    }
    // Refusals that point into the sheet (a tie, a future recorded_at)
    // name its cell, like the row errors above.
    let rows = replacing(rows, opts.replace);
    commit_checked(fw, sources, rows, diags, opts.dry_run, |d| xlsx::relabel(d, &sheet, id))
}

type Rows = Vec<(crate::ledger::write::NewRow, crate::ledger::Origin)>;

fn replacing(rows: Rows, replace: bool) -> Rows {
    rows.into_iter().map(|(r, o)| (r.replacing(replace), o)).collect()
}

/// Commit rows that passed every check; the warnings found so far come
/// with the outcome, or before the refusals (relabelled for a sheet).
fn commit_checked(
    fw: &Framework,
    sources: Sources,
    rows: Vec<(crate::ledger::write::NewRow, crate::ledger::Origin)>,
    warnings: Diagnostics,
    dry_run: bool,
    relabel: impl Fn(Diagnostics) -> Diagnostics,
) -> Result<Outcome> {
    let rows = rows.into_iter().map(|(r, _)| r).collect();
    match commit(fw, sources.clone(), rows, dry_run, crate::compute::sum::add) {
        // A total that disagrees with its parts comes back as a warning
        // (or, over other people's parts, as a refusal), with the ledger's
        // files it names.
        Ok(c) => {
            let mut all = warnings;
            all.extend(relabel(c.warnings));
            Ok(Done::new(c.outcome, all, c.sources))
        }
        Err((all, d)) => Err(Failure::from_diagnostics(relabel(d), all).after(&warnings, &sources)),
    }
}

/// The refusal of rows nobody is named as recording (no `recorded_by`
/// cell, no --by, no LOGFRAME_USER).
fn unrecorded(rows: &[(crate::ledger::write::NewRow, crate::ledger::Origin)], sources: &Sources) -> Diagnostics {
    Diagnostics(
        unrecorded_rows(rows.iter().map(|(r, _)| r), sources)
            .into_iter()
            .collect(),
    )
}
