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
//!   Excel: a leading apostrophe, or the Text cell format);
//! - dates as ISO 8601 (`2022-07-15`), with the time when it is not
//!   midnight (`2022-07-15T09:30:00Z`, read as UTC);
//! - TRUE/FALSE as `yes`/`no`;
//! - error cells (`#DIV/0!`) are refused.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use rust_decimal::Decimal;

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::{FileId, Sources};

/// File extensions read as spreadsheets.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// One sheet as CSV text, with the position of each cell.
#[derive(Debug)]
pub struct Sheet {
    pub name: String,
    pub csv: String,
    /// (byte start, byte end, 0-based row, 0-based column) of every cell.
    cells: Vec<(usize, usize, u32, u32)>,
    /// Cells that hold a spreadsheet error, as (row, column, error).
    pub errors: Vec<(u32, u32, String)>,
}

/// `C` for column 2, `AA` for 26.
pub fn column_letter(col: u32) -> String {
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

/// A number as Excel's General format shows it: 15 significant digits,
/// no trailing zeros, never an exponent.
pub fn number_text(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let d = Decimal::from_scientific(&format!("{f:.14e}")).ok()?;
    Some(d.normalize().to_string())
}

fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f).ok_or_else(|| format!("the number {f} cannot be read exactly"))?,
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() => {
                if t.time() == chrono::NaiveTime::MIN {
                    t.date().format("%Y-%m-%d").to_string()
                } else {
                    t.and_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
                }
            }
            _ => return Err("a duration, not a date".into()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(format!("the spreadsheet error {e}")),
    })
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Read one sheet (`sheet`, else the first) of a workbook.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, Diagnostic> {
    let mut wb = open_workbook_auto(path).map_err(|e| {
        Diagnostic::error(format!("cannot read {} as a spreadsheet: {e}", path.display()))
            .hint("save it as .xlsx (Excel workbook) or .ods, or export the sheet as CSV UTF-8")
    })?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => match names.iter().find(|n| n.as_str() == s) {
            Some(n) => n.clone(),
            None => {
                return Err(Diagnostic::error(format!("{} has no sheet `{s}`", path.display()))
                    .expected(format!("one of {}", names.join(", ")))
                    .found(format!("`{s}`"))
                    .hint(
                        crate::diag::did_you_mean(s, names.iter().map(String::as_str))
                            .unwrap_or_else(|| "name a sheet with --sheet".into()),
                    ));
            }
        },
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Diagnostic::error(format!("{} has no sheets", path.display())).hint("check the file"))?,
    };
    let range = wb.worksheet_range(&name).map_err(|e| {
        Diagnostic::error(format!("cannot read sheet `{name}` of {}: {e}", path.display())).hint("check the file")
    })?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut out = Sheet {
        name,
        csv: String::new(),
        cells: Vec::new(),
        errors: Vec::new(),
    };
    for (r, cells) in range.rows().enumerate() {
        let row = row0 + r as u32;
        for (c, cell) in cells.iter().enumerate() {
            let col = col0 + c as u32;
            if c > 0 {
                out.csv.push(',');
            }
            let text = cell_text(cell).unwrap_or_else(|e| {
                out.errors.push((row, col, e));
                String::new()
            });
            let start = out.csv.len();
            out.csv.push_str(&csv_cell(&text));
            out.cells.push((start, out.csv.len(), row, col));
        }
        out.csv.push('\n');
    }
    Ok(out)
}

/// Name the cell in each diagnostic located in the sheet's CSV text, and
/// add one error per error cell.
pub fn relabel(diags: Diagnostics, sheet: &Sheet, file: FileId) -> Diagnostics {
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
    for (row, col, e) in &sheet.errors {
        out.push(
            Diagnostic::error(format!("{}: the cell holds {e}", sheet.cell_ref(*row, *col)))
                .expected("a value, a number, a date or an empty cell")
                .found(e.clone())
                .hint("fix the formula or type the value; the import reads the values shown, not formulas"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
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
