//! Cells as text (numbers as Excel's General format shows them, dates as
//! ISO 8601, booleans as yes/no) and the sheet written as CSV text with
//! each cell's byte range kept for messages.

use calamine::Data;
use rust_decimal::Decimal;

use super::{CellError, Sheet, UsedCell};

/// A number as Excel's General format shows it: 15 significant digits,
/// no trailing zeros, never an exponent.
pub(super) fn number_text(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let d = Decimal::from_scientific(&format!("{f:.14e}")).ok()?;
    Some(d.normalize().to_string())
}

pub(super) fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // A figure Excel's General format shows in scientific notation
        // (formula noise such as 1E-30) stays so, and the number reader
        // says what it is.
        Data::Float(f) => number_text(*f)
            .or_else(|| f.is_finite().then(|| format!("{f:E}")))
            .ok_or_else(|| format!("the number {f}, which cannot be read"))?,
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

pub(super) fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A cell's value for a message.
pub(super) fn value_text(value: &Data) -> String {
    let t = match value {
        Data::Float(f) => f.to_string(),
        other => cell_text(other).unwrap_or_else(|e| e),
    };
    let mut chars = t.chars();
    let short: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{short}...")
    } else {
        short
    }
}

/// A header cell in parentheses, `(title)`: a column for reading (the entry
/// workbook's indicator title, unit, definition), which the import skips.
pub(super) fn is_note_header(cell: &Data) -> bool {
    matches!(cell, Data::String(s) if s.trim().starts_with('(') && s.trim().ends_with(')'))
}

/// The header names whose cells hold a value: a row with all of them
/// empty has nothing to import (an entry workbook's row left blank).
const VALUE_COLUMNS: [&str; 4] = ["value", "numerator", "denominator", "score"];

impl Sheet {
    /// Write the used cells as CSV text: one line per non-empty row, each
    /// row padded to the table's width so that every cell, empty or not,
    /// has a position for messages. The first row is the header: columns
    /// headed in parentheses are left out. A sheet that has such columns
    /// is an entry workbook (`logframe sheet`), whose rows name every value
    /// due: there, a row whose value columns (`value`, `numerator`,
    /// `denominator`, `score`) are all empty is a value not given, and is
    /// left out too. Other sheets keep every row, so a stray key with no
    /// value is still named as an error.
    pub(super) fn write_csv(&mut self, cells: Vec<UsedCell>) {
        let Some(header) = cells.first().map(|c| c.0) else {
            return;
        };
        let notes: Vec<u32> = cells
            .iter()
            .filter(|c| c.0 == header && is_note_header(&c.2))
            .map(|c| c.1)
            .collect();
        let values: Vec<u32> = cells
            .iter()
            .filter(|c| c.0 == header)
            .filter(
                |c| matches!(&c.2, Data::String(s) if VALUE_COLUMNS.contains(&s.trim().to_ascii_lowercase().as_str())),
            )
            .map(|c| c.1)
            .collect();
        let cells: Vec<UsedCell> = cells.into_iter().filter(|c| !notes.contains(&c.1)).collect();
        let Some(col0) = cells.iter().map(|c| c.1).min() else {
            return;
        };
        let col_end = cells.iter().map(|c| c.1).max().unwrap_or(col0);
        let columns: Vec<u32> = (col0..=col_end).filter(|c| !notes.contains(c)).collect();
        let mut cells = cells.into_iter().peekable();
        while let Some(row) = cells.peek().map(|c| c.0) {
            let mut row_values = Vec::new();
            while let Some((_, col, v)) = cells.next_if(|c| c.0 == row) {
                row_values.push((col, v));
            }
            let blank = row != header
                && !notes.is_empty()
                && !values.is_empty()
                && row_values
                    .iter()
                    .all(|(col, v)| !values.contains(col) || matches!(v, Data::String(s) if s.trim().is_empty()));
            if blank {
                self.blank_rows += 1;
            } else {
                self.write_row(row, &columns, row_values);
            }
        }
    }

    fn write_row(&mut self, row: u32, cols: &[u32], values: Vec<(u32, Data)>) {
        let mut values = values.into_iter().peekable();
        for (i, &col) in cols.iter().enumerate() {
            if i > 0 {
                self.csv.push(',');
            }
            let cell = values.next_if(|v| v.0 == col).map(|v| v.1).unwrap_or(Data::Empty);
            let text = cell_text(&cell).unwrap_or_else(|e| {
                self.errors.push(CellError::holds(row, col, e));
                String::new()
            });
            let start = self.csv.len();
            self.csv.push_str(&csv_cell(&text));
            self.cells.push((start, self.csv.len(), row, col));
        }
        self.csv.push('\n');
    }
}
