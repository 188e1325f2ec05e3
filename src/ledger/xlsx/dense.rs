//! The guard before calamine: .ods and .xls are read by calamine into a
//! dense grid of every sheet when the workbook opens, so their extents are
//! scanned first ([`super::scan_ods`], [`super::scan_xls`]) and a grid too
//! large is refused before any allocation.

use std::path::Path;

use super::Sheet;
use super::grid::{MAX_DENSE_CELLS, stray_cell};
use super::open::not_a_workbook;
use super::scan_ods::scan_ods;
use super::scan_xls::scan_xls;
use crate::diag::Diagnostic;

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
                blank_rows: 0,
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
