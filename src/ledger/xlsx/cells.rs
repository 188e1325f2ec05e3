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

impl Sheet {
    /// Write the used cells as CSV text: one line per non-empty row, each
    /// row padded to the table's width so that every cell, empty or not,
    /// has a position for messages.
    pub(super) fn write_csv(&mut self, cells: Vec<UsedCell>) {
        let Some(col0) = cells.iter().map(|c| c.1).min() else {
            return;
        };
        let col_end = cells.iter().map(|c| c.1).max().unwrap_or(col0);
        let mut cells = cells.into_iter().peekable();
        while let Some(row) = cells.peek().map(|c| c.0) {
            let mut values = Vec::new();
            while let Some((_, col, v)) = cells.next_if(|c| c.0 == row) {
                values.push((col, v));
            }
            self.write_row(row, col0..=col_end, values);
        }
    }

    fn write_row(&mut self, row: u32, cols: std::ops::RangeInclusive<u32>, values: Vec<(u32, Data)>) {
        let mut values = values.into_iter().peekable();
        for col in cols.clone() {
            if col > *cols.start() {
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
