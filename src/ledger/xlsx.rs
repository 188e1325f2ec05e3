//! Reading a spreadsheet (xlsx, xlsm, xls, ods) to import, via calamine.
//!
//! The sheet is turned into CSV text in memory, one line per sheet row,
//! and read by the same [`read_rows`](super::read::read_rows) as a CSV
//! import, so the same columns, rules and messages apply. Each cell's byte
//! range in that text is kept, so a diagnostic is relabelled with the cell
//! it is about: `Q3!C14: unknown indicator ...`.
//!
//! Cells become text as follows:
//!
//! - text cells as they are;
//! - numbers as Excel shows them in the General format: the double stored
//!   in the file is rounded to 15 significant digits (Excel's precision)
//!   and written without trailing zeros, so `0.1` stays `0.1` and never
//!   becomes `0.1000000000000000055`. A figure that needs more digits, or
//!   an id with a trailing zero such as `1.10`, must be typed as text (in
//!   Excel: a leading apostrophe, or the Text cell format). A double too
//!   small for that (formula noise such as `1E-30`) is written in
//!   scientific notation, which the number reader then names;
//! - dates as ISO 8601 (`2022-07-15`), with the time when it is not
//!   midnight (`2022-07-15T09:30:00Z`, read as UTC);
//! - TRUE/FALSE as `yes`/`no`;
//! - error cells (`#DIV/0!`) are refused.
//!
//! Two things of the entry workbook (`logframe sheet`) are read as it
//! means them: a column whose header is in parentheses (`(title)`) is for
//! reading and is left out; and in a sheet with such columns (an entry
//! workbook, whose rows list every value due), a row whose `value`,
//! `numerator`, `denominator` and `score` cells are all empty is a value
//! not given, skipped rather than refused.
//!
//! The parts: [`open`] (opening the workbook, choosing the sheet),
//! [`grid`] (the accepted grid and the used cells inside it), [`dense`]
//! with [`scan_xls`] and [`scan_ods`] (the pre-scans of the formats
//! calamine reads as a dense grid), [`cells`] (cells as text, the sheet as
//! CSV). This file holds the [`Sheet`] and what `import` calls.

mod cells;
mod dense;
mod extent;
mod grid;
mod open;
mod scan_ods;
mod scan_xls;

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::{FileId, Sources};
use dense::dense_grid_refused;
use grid::{stray_cell, used_cells};
use open::{not_a_workbook, sheet_name};

/// File extensions read as spreadsheets.
pub(crate) const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub(crate) fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// One sheet as CSV text, with the position of each cell.
#[derive(Debug)]
pub(crate) struct Sheet {
    pub name: String,
    pub csv: String,
    /// (byte start, byte end, 0-based row, 0-based column) of every cell.
    cells: Vec<(usize, usize, u32, u32)>,
    /// Cells that cannot be read: a spreadsheet error, a stray cell.
    pub errors: Vec<CellError>,
    /// Rows left out because their value cells are all empty.
    pub blank_rows: usize,
}

/// A cell that cannot be read, and why.
#[derive(Debug)]
pub(crate) struct CellError {
    pub row: u32,
    pub col: u32,
    pub message: String,
    pub expected: String,
    pub found: String,
    pub hint: String,
}

impl CellError {
    /// A cell holding what no value can be read from (`#DIV/0!`, a duration).
    pub(super) fn holds(row: u32, col: u32, what: String) -> CellError {
        CellError {
            row,
            col,
            message: format!("the cell holds {what}"),
            expected: "a value, a number, a date or an empty cell".into(),
            found: what,
            hint: "fix the formula or type the value; the import reads the values shown, not formulas".into(),
        }
    }
}

/// `C` for column 2, `AA` for 26.
pub(crate) fn column_letter(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

impl Sheet {
    /// `Q3!C14` (quoted when the sheet name needs it: `'My data'!C14`).
    pub fn cell_ref(&self, row: u32, col: u32) -> String {
        let plain = self.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let sheet = if plain {
            self.name.clone()
        } else {
            format!("'{}'", self.name.replace('\'', "''"))
        };
        format!("{sheet}!{}{}", column_letter(col), row + 1)
    }

    /// The cell at a byte offset of the CSV text, or the row's first cell.
    pub fn cell_at(&self, offset: usize) -> Option<(u32, u32)> {
        let i = self.cells.partition_point(|c| c.0 <= offset);
        let c = self.cells.get(i.checked_sub(1)?)?;
        // Past a cell's end but before the next one: the separator, or a
        // span that starts at a line's start; either way the same row.
        Some((c.2, c.3))
    }

    /// The first cell of the row whose CSV line is `line` (1-based).
    pub fn row_of_line(&self, sources: &Sources, file: FileId, line: u32) -> Option<u32> {
        self.cell_at(sources.get(file).offset_of(line as usize, 1)).map(|c| c.0)
    }
}

/// One used (non-empty) cell: 0-based row and column, and its value.
pub(super) type UsedCell = (u32, u32, Data);

/// Read one sheet (`sheet`, else the first) of a workbook.
///
/// Only the used cells are read (xlsx and xlsb are streamed cell by cell),
/// so a stray cell at `XFD1048576` costs one cell, not a dense grid of
/// 17 billion. Cells beyond [`grid::MAX_COLUMNS`] or [`grid::MAX_ROWS`] are refused by
/// name in [`Sheet::errors`], and a sheet of more than [`grid::MAX_CELLS`] used
/// cells is refused. calamine has no streaming reader for .xls and .ods:
/// it builds a dense grid of every sheet when the workbook opens, so those
/// files are scanned first ([`dense_grid_refused`]).
pub(crate) fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, Diagnostic> {
    if let Some(refused) = dense_grid_refused(path)? {
        return Ok(refused);
    }
    let mut wb = open_workbook_auto(path).map_err(|e| not_a_workbook(path, &e.to_string()))?;
    let name = sheet_name(&wb.sheet_names(), sheet, path)?;
    let cells = used_cells(&mut wb, &name).map_err(|e| {
        Diagnostic::error(format!("cannot read sheet `{name}` of {}: {e}", path.display()))
            .expected("a worksheet of cells")
            .found(format!(
                "sheet `{name}`, which calamine cannot read (a chart sheet, or damaged)"
            ))
            .hint("name a data sheet with --sheet NAME, or export the sheet as CSV UTF-8")
    })?;
    let mut out = Sheet {
        name,
        csv: String::new(),
        cells: Vec::new(),
        errors: Vec::new(),
        blank_rows: 0,
    };
    if let Some((row, col, value)) = &cells.beyond {
        let error = stray_cell(&out, (*row, *col), Some(value), cells.beyond_count);
        out.errors.push(error);
    }
    out.write_csv(cells.kept);
    Ok(out)
}

/// The error for a sheet with no rows to import (empty, or a header alone),
/// naming the workbook and the sheet.
pub(crate) fn no_rows(sheet: &Sheet, path: &Path, sources: &Sources, file: FileId) -> Diagnostic {
    let mut d = super::read::no_rows(sources, file);
    d.message = format!("{}: sheet `{}` has no rows to import", path.display(), sheet.name);
    if sheet.csv.is_empty() {
        d.found = Some("an empty sheet".into());
    }
    if sheet.blank_rows > 0 {
        d.found = Some(format!(
            "{} row{} whose value cells are all empty",
            sheet.blank_rows,
            if sheet.blank_rows == 1 { "" } else { "s" }
        ));
        return d.hint("type the figures in the `value` cells (or numerator and denominator), save, and import again");
    }
    d.hint("check that this is the workbook you meant, and name the sheet with --sheet NAME")
}

/// Name the cell in each diagnostic located in the sheet's CSV text, and
/// add one error per error cell.
pub(crate) fn relabel(diags: Diagnostics, sheet: &Sheet, file: FileId) -> Diagnostics {
    let mut out = Diagnostics::default();
    for mut d in diags.0 {
        if let Some(span) = d.span.filter(|s| s.file == file)
            && let Some((row, col)) = sheet.cell_at(span.start as usize)
        {
            let cell = sheet.cell_ref(row, col);
            d.message = format!("{cell}: {}", d.message);
            d.label = Some(cell);
        }
        out.push(d);
    }
    for e in &sheet.errors {
        let cell = sheet.cell_ref(e.row, e.col);
        let mut d = Diagnostic::error(format!("{cell}: {}", e.message))
            .expected(e.expected.clone())
            .found(e.found.clone())
            .hint(e.hint.clone());
        d.label = Some(cell);
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cells::number_text;
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(155.0).as_deref(), Some("155"));
        assert_eq!(number_text(0.1).as_deref(), Some("0.1"));
        assert_eq!(number_text(0.1 + 0.2).as_deref(), Some("0.3"));
        assert_eq!(number_text(1100.1).as_deref(), Some("1100.1"));
        assert_eq!(number_text(-2.75).as_deref(), Some("-2.75"));
        assert_eq!(number_text(1e-7).as_deref(), Some("0.0000001"));
        assert_eq!(number_text(123456789012345678.0).as_deref(), Some("123456789012346000"));
        assert_eq!(number_text(f64::NAN), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
