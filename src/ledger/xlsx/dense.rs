//! The guard before calamine: .ods and .xls are read by calamine into a
//! dense grid of every sheet when the workbook opens, so their extents are
//! scanned first ([`super::scan_ods`], [`super::scan_xls`]) and a grid too
//! large is refused before any allocation.

use std::path::Path;

use super::Sheet;
use super::grid::{MAX_COLUMNS, MAX_DENSE_CELLS, MAX_ROWS, stray_cell};
use super::open::not_a_workbook;
use super::scan_ods::scan_ods;
use super::scan_xls::scan_xls;
use crate::diag::Diagnostic;

/// Where the used cells of one .ods table or .xls sheet lie.
#[derive(Debug, Default)]
pub(super) struct SheetExtent {
    pub(super) name: String,
    /// Rows and columns spanned by used cells, as (first, last).
    pub(super) rows: Option<(u64, u64)>,
    pub(super) cols: Option<(u64, u64)>,
    /// The first used cell beyond [`MAX_COLUMNS`] or [`MAX_ROWS`].
    pub(super) stray: Option<(u64, u64)>,
}

impl SheetExtent {
    pub(super) fn dense_cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }
}

/// calamine reads every sheet of an .ods or .xls file into a dense grid
/// when it opens it, with no way to read used cells only. So the file is
/// scanned first (.ods: content.xml streamed, repeats counted, not
/// expanded; .xls: the BIFF records of the Workbook stream), and a workbook
/// whose grid is too large is refused before calamine sees it: a "sheet"
/// holding the error for the first stray cell, or an error when a sheet
/// spans more than [`MAX_DENSE_CELLS`] (declared or used).
pub(super) fn dense_grid_refused(path: &Path) -> Result<Option<Sheet>, Diagnostic> {
    let cannot = |e: String| not_a_workbook(path, &e);
    let (tables, kind) = match extension(path).as_str() {
        "ods" => {
            let file = std::fs::File::open(path).map_err(|e| cannot(e.to_string()))?;
            let mut zip = zip::ZipArchive::new(file).map_err(|e| cannot(e.to_string()))?;
            let content = zip.by_name("content.xml").map_err(|e| cannot(e.to_string()))?;
            (scan_ods(std::io::BufReader::new(content)).map_err(cannot)?, ".ods")
        }
        "xls" => (scan_xls(path).map_err(cannot)?, ".xls"),
        _ => return Ok(None),
    };
    for t in tables {
        if let Some((row, col)) = t.stray {
            let mut sheet = Sheet {
                name: t.name.clone(),
                csv: String::new(),
                cells: Vec::new(),
                errors: Vec::new(),
            };
            let (row, col) = (row.min(u64::from(u32::MAX)) as u32, col.min(u64::from(u32::MAX)) as u32);
            let error = stray_cell(&sheet, (row, col), None, 1);
            sheet.errors.push(error);
            return Ok(Some(sheet));
        }
        if t.dense_cells() > MAX_DENSE_CELLS {
            return Err(Diagnostic::error(format!(
                "sheet `{}` of {} is too large to read as {kind}",
                t.name,
                path.display()
            ))
            .expected(format!(
                "at most {MAX_DENSE_CELLS} cells from the first used cell to the last"
            ))
            .found(format!("{} cells", t.dense_cells()))
            .hint("save the sheet as .xlsx or CSV UTF-8, which are read cell by cell"));
        }
    }
    Ok(None)
}

pub(super) fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

impl SheetExtent {
    /// Count a used cell (or, with `used` false, a declared extent).
    pub(super) fn cover(&mut self, rows: (u64, u64), cols: (u64, u64), used: bool) {
        self.rows = Some(self.rows.map_or(rows, |(a, b)| (a.min(rows.0), b.max(rows.1))));
        self.cols = Some(self.cols.map_or(cols, |(a, b)| (a.min(cols.0), b.max(cols.1))));
        if used && self.stray.is_none() && (cols.1 >= u64::from(MAX_COLUMNS) || rows.1 >= u64::from(MAX_ROWS)) {
            self.stray = Some((rows.1.min(u64::from(MAX_ROWS) - 1).max(rows.0), cols.1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents_count_the_dense_grid_and_name_the_first_stray_cell() {
        let mut t = SheetExtent::default();
        assert_eq!(t.dense_cells(), 0);
        t.cover((2, 11), (1, 5), true);
        assert_eq!(t.dense_cells(), 10 * 5);
        assert_eq!(t.stray, None);
        // A declared extent widens the grid but is never a stray cell.
        t.cover((0, 0), (0, 500), false);
        assert_eq!(t.dense_cells(), 12 * 501);
        assert_eq!(t.stray, None);
        t.cover((7, 7), (u64::from(MAX_COLUMNS), u64::from(MAX_COLUMNS)), true);
        assert_eq!(t.stray, Some((7, u64::from(MAX_COLUMNS))));
        // Only the first is kept.
        t.cover((9, 9), (300, 300), true);
        assert_eq!(t.stray, Some((7, u64::from(MAX_COLUMNS))));
    }

    #[test]
    fn a_repeated_row_past_the_last_row_is_named_at_the_last_row() {
        let mut t = SheetExtent::default();
        let last = u64::from(MAX_ROWS) - 1;
        t.cover((5, last + 1000), (0, 0), true);
        assert_eq!(t.stray, Some((last, 0)));
    }
}
