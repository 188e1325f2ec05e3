//! `logframe import`: a CSV file or a spreadsheet, validated whole before
//! anything is written (all rows or none).

use std::path::{Path, PathBuf};

use clap::Args;

use crate::diag::Diagnostic;
use crate::ledger::write::{commit, now, recorder};
use crate::ledger::xlsx;
use crate::source::Sources;
use crate::terminal::{FINDINGS, eprint, open, report_commit, usage};

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
}

/// A spreadsheet (or `--sheet`) goes through the sheet reader, anything
/// else through the CSV reader; both end in the same row rules and commit.
pub fn run(a: ImportArgs) -> i32 {
    if a.sheet.is_some() || xlsx::is_spreadsheet(&a.file) {
        import_spreadsheet(&a.framework, &a.file, a.sheet.as_deref(), a.dry_run, a.by.as_deref())
    } else {
        import(&a.framework, &a.file, a.dry_run, a.by.as_deref())
    }
}

fn import(arg: &str, file: &Path, dry_run: bool, by: Option<&str>) -> i32 {
    let (fw, _loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let mut sources = Sources::default();
    let id = match crate::ledger::read::read_csv_file(file, &mut sources) {
        Ok(id) => id,
        Err(d) => {
            let mut diags = crate::diag::Diagnostics::default();
            diags.push(d);
            eprint(&diags, &sources);
            eprintln!("nothing was imported: fix the file and import it again");
            return crate::terminal::exit_code(&diags);
        }
    };
    let at = match now() {
        Ok(t) => t,
        Err(d) => return usage(d),
    };
    let who = recorder(by);
    let default_source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let line = |l: u32| format!("line {l}");
    let (rows, mut diags) = crate::ledger::write::import_rows(&fw, &sources, id, &default_source, at, &who, &line);
    if rows.is_empty() && !diags.has_errors() {
        diags.push(crate::ledger::read::no_rows(&sources, id));
    }
    if diags.has_errors() {
        eprint(&diags, &sources);
        eprintln!("nothing was imported: fix the rows above and import the file again");
        return FINDINGS;
    }
    eprint(&diags, &sources);
    let result = commit(&fw, sources, rows.into_iter().map(|(r, _)| r).collect(), dry_run);
    report_commit(&fw, result, dry_run)
}

/// `import FRAMEWORK FILE.xlsx [--sheet NAME]`: the sheet is read as CSV
/// text and goes through the same reader, checks and commit as a CSV file.
fn import_spreadsheet(arg: &str, file: &Path, sheet: Option<&str>, dry_run: bool, by: Option<&str>) -> i32 {
    let (fw, _loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    if !xlsx::is_spreadsheet(file) {
        return usage(
            Diagnostic::error(format!(
                "--sheet needs a spreadsheet, and {} is not one",
                file.display()
            ))
            .expected(format!("a file ending in .{}", xlsx::EXTENSIONS.join(", .")))
            .found(file.display().to_string())
            .hint("drop --sheet to import a CSV file"),
        );
    }
    let sheet = match xlsx::read(file, sheet) {
        Ok(s) => s,
        Err(d) => return usage(d),
    };
    let at = match now() {
        Ok(t) => t,
        Err(d) => return usage(d),
    };
    let who = recorder(by);
    let mut sources = Sources::default();
    let name = PathBuf::from(format!("{}[{}]", file.display(), sheet.name));
    let id = sources.add(name, sheet.csv.clone());
    let default_source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheet_row = |line: u32| {
        format!(
            "row {}",
            sheet.row_of_line(&sources, id, line).map(|r| r + 1).unwrap_or(line)
        )
    };
    let (rows, mut diags) = crate::ledger::write::import_rows(&fw, &sources, id, &default_source, at, &who, &sheet_row);
    if rows.is_empty() && !diags.has_errors() && sheet.errors.is_empty() {
        diags.push(xlsx::no_rows(&sheet, file, &sources, id));
    }
    let diags = xlsx::relabel(diags, &sheet, id);
    if diags.has_errors() {
        eprint(&diags, &sources);
        eprintln!("nothing was imported: fix the cells above and import the file again");
        return FINDINGS;
    }
    eprint(&diags, &sources);
    // Refusals that point into the sheet (a tie, a future recorded_at)
    // name its cell, like the row errors above.
    let result = commit(&fw, sources, rows.into_iter().map(|(r, _)| r).collect(), dry_run)
        .map_err(|(sources, d)| (sources, xlsx::relabel(d, &sheet, id)));
    crate::terminal::report_commit(&fw, result, dry_run)
}
