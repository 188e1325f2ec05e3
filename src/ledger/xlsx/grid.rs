//! The grid a sheet is read within, and the used cells inside it. Only
//! used cells are kept, so a stray cell at `XFD1048576` costs one cell;
//! cells beyond the grid are counted and the first is named.

use calamine::{Data, Reader, Sheets};

use super::cells::value_text;
use super::{CellError, Sheet, UsedCell, column_letter};

/// The widest table read: columns A to CV. A ledger has at most 16
/// columns; the margin leaves room for a few notes columns, which are then
/// refused by name like any unknown column.
pub(super) const MAX_COLUMNS: u32 = 100;

/// The most rows read: Excel's own limit. Empty rows cost nothing: only
/// used cells are kept, so the grid is at most [`MAX_COLUMNS`] x this.
pub(super) const MAX_ROWS: u32 = 1_048_576;

/// The most used cells read from one sheet: a million rows of ten columns.
/// Beyond that the sheet is refused rather than held in memory.
pub(super) const MAX_CELLS: usize = 10_000_000;

/// The most cells of the dense grid calamine builds for an .ods or .xls
/// sheet (about 110 MB): 20,000 rows of 100 columns, or all 65,536 rows of
/// an .xls sheet at 30 columns.
pub(super) const MAX_DENSE_CELLS: u64 = 2_000_000;

/// The used cells of a sheet, split at the accepted grid while reading, so
/// that cells beyond it cost nothing but a count.
#[derive(Debug, Default)]
pub(super) struct UsedCells {
    /// Inside the grid, in row then column order.
    pub(super) kept: Vec<UsedCell>,
    /// The first cell beyond the grid, and how many there are.
    pub(super) beyond: Option<UsedCell>,
    pub(super) beyond_count: usize,
}

impl UsedCells {
    pub(super) fn keep(&mut self, (row, col): (u32, u32), value: Data) -> Result<(), String> {
        if matches!(value, Data::Empty) {
            return Ok(());
        }
        if col >= MAX_COLUMNS || row >= MAX_ROWS {
            self.beyond_count += 1;
            self.beyond.get_or_insert((row, col, value));
            return Ok(());
        }
        if self.kept.len() >= MAX_CELLS {
            return Err(format!(
                "the sheet holds more than {MAX_CELLS} used cells; split it, or import it as CSV"
            ));
        }
        self.kept.push((row, col, value));
        Ok(())
    }
}

/// Every non-empty cell of a sheet.
pub(super) fn used_cells<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    name: &str,
) -> Result<UsedCells, String> {
    let mut cells = UsedCells::default();
    match wb {
        Sheets::Xlsx(x) => {
            let mut r = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            while let Some(c) = r.next_cell().map_err(|e| e.to_string())? {
                cells.keep(c.get_position(), c.get_value().clone().into())?;
            }
        }
        Sheets::Xlsb(x) => {
            let mut r = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            while let Some(c) = r.next_cell().map_err(|e| e.to_string())? {
                cells.keep(c.get_position(), c.get_value().clone().into())?;
            }
        }
        _ => {
            let range = wb.worksheet_range(name).map_err(|e| e.to_string())?;
            let (row0, col0) = range.start().unwrap_or((0, 0));
            for (r, c, v) in range.used_cells() {
                cells.keep((row0 + r as u32, col0 + c as u32), v.clone())?;
            }
        }
    }
    cells.kept.sort_by_key(|c| (c.0, c.1));
    Ok(cells)
}

/// The error for cells outside the grid, naming the first of them.
pub(super) fn stray_cell(sheet: &Sheet, (row, col): (u32, u32), value: Option<&Data>, count: usize) -> CellError {
    let more = match count {
        1 => String::new(),
        n => format!(" (and {} more such cells)", n - 1),
    };
    CellError {
        row,
        col,
        message: format!("a cell beyond the table's accepted size{more}"),
        expected: format!(
            "cells within columns A to {} and rows 1 to {MAX_ROWS}",
            column_letter(MAX_COLUMNS - 1)
        ),
        found: match value {
            Some(v) => format!("`{}` in {}", value_text(v), sheet.cell_ref(row, col)),
            None => format!("a used cell at {}", sheet.cell_ref(row, col)),
        },
        hint:
            "delete the stray cell (in Excel, Ctrl+End jumps to the last used cell), or copy the table to a new sheet"
                .into(),
    }
}
