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

use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto};
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
    /// Cells that cannot be read: a spreadsheet error, a stray cell.
    pub errors: Vec<CellError>,
}

/// A cell that cannot be read, and why.
#[derive(Debug)]
pub struct CellError {
    pub row: u32,
    pub col: u32,
    pub message: String,
    pub expected: String,
    pub found: String,
    pub hint: String,
}

impl CellError {
    /// A cell holding what no value can be read from (`#DIV/0!`, a duration).
    fn holds(row: u32, col: u32, what: String) -> CellError {
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

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The widest table read: columns A to CV. A ledger has at most 16
/// columns; the margin leaves room for a few notes columns, which are then
/// refused by name like any unknown column.
pub const MAX_COLUMNS: u32 = 100;

/// The most rows read: Excel's own limit. Empty rows cost nothing: only
/// used cells are kept, so the grid is at most [`MAX_COLUMNS`] x this.
pub const MAX_ROWS: u32 = 1_048_576;

/// The most used cells read from one sheet: a million rows of ten columns.
/// Beyond that the sheet is refused rather than held in memory.
pub const MAX_CELLS: usize = 10_000_000;

/// The most cells of the dense grid calamine builds for an .ods or .xls
/// sheet (about 110 MB): 20,000 rows of 100 columns, or all 65,536 rows of
/// an .xls sheet at 30 columns.
pub const MAX_DENSE_CELLS: u64 = 2_000_000;

/// One used (non-empty) cell: 0-based row and column, and its value.
type UsedCell = (u32, u32, Data);

/// Read one sheet (`sheet`, else the first) of a workbook.
///
/// Only the used cells are read (xlsx and xlsb are streamed cell by cell),
/// so a stray cell at `XFD1048576` costs one cell, not a dense grid of
/// 17 billion. Cells beyond [`MAX_COLUMNS`] or [`MAX_ROWS`] are refused by
/// name in [`Sheet::errors`], and a sheet of more than [`MAX_CELLS`] used
/// cells is refused. calamine has no streaming reader for .xls and .ods:
/// it builds a dense grid of every sheet when the workbook opens, so those
/// files are scanned first ([`dense_grid_refused`]).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, Diagnostic> {
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
    };
    if let Some((row, col, value)) = &cells.beyond {
        let error = stray_cell(&out, (*row, *col), Some(value), cells.beyond_count);
        out.errors.push(error);
    }
    out.write_csv(cells.kept);
    Ok(out)
}

/// The error for a file calamine cannot open, saying what the file seems
/// to be from its first bytes: a CSV or text file renamed, an old .xls
/// named .xlsx, a damaged workbook.
fn not_a_workbook(path: &Path, error: &str) -> Diagnostic {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = &head[..n];
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (found, hint) = if head.starts_with(b"PK") {
        (
            "a zip archive that is not a readable workbook (damaged, or another kind of document)".to_string(),
            "open it in your spreadsheet and save it again as .xlsx, or export the sheet as CSV UTF-8",
        )
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        (
            match ext.as_str() {
                "xls" => "an old Excel (.xls) file that cannot be read (damaged?)".to_string(),
                _ => format!("an old Excel (.xls) file named .{ext}"),
            },
            if ext == "xls" {
                "open it in your spreadsheet and save it again as .xlsx"
            } else {
                "rename it to .xls, or save it again as .xlsx"
            },
        )
    } else if n > 0 && std::str::from_utf8(head).is_ok() {
        (
            "a text file (CSV?), not a workbook".to_string(),
            "if it is CSV, rename it to .csv and import it as CSV",
        )
    } else if n == 0 {
        ("an empty file".to_string(), "check the path; the file holds nothing")
    } else {
        (
            "bytes that are not a workbook".to_string(),
            "save it as .xlsx (Excel workbook) or .ods, or export the sheet as CSV UTF-8",
        )
    };
    Diagnostic::error(format!("cannot read {} as a spreadsheet: {error}", path.display()))
        .expected(format!("a .{ext} workbook"))
        .found(found)
        .hint(hint)
}

/// The sheet to read: the one named, else the first.
fn sheet_name(names: &[String], sheet: Option<&str>, path: &Path) -> Result<String, Diagnostic> {
    match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).cloned().ok_or_else(|| {
            Diagnostic::error(format!("{} has no sheet `{s}`", path.display()))
                .expected(format!("one of {}", names.join(", ")))
                .found(format!("`{s}`"))
                .hint(
                    crate::diag::did_you_mean(s, names.iter().map(String::as_str))
                        .unwrap_or_else(|| "name a sheet with --sheet".into()),
                )
        }),
        None => names.first().cloned().ok_or_else(|| {
            Diagnostic::error(format!("{} has no sheets", path.display()))
                .expected("a workbook with at least one sheet")
                .found("no sheet")
                .hint("check the file")
        }),
    }
}

/// The used cells of a sheet, split at the accepted grid while reading, so
/// that cells beyond it cost nothing but a count.
#[derive(Debug, Default)]
struct UsedCells {
    /// Inside the grid, in row then column order.
    kept: Vec<UsedCell>,
    /// The first cell beyond the grid, and how many there are.
    beyond: Option<UsedCell>,
    beyond_count: usize,
}

impl UsedCells {
    fn keep(&mut self, (row, col): (u32, u32), value: Data) -> Result<(), String> {
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
fn used_cells<RS: std::io::Read + std::io::Seek>(wb: &mut Sheets<RS>, name: &str) -> Result<UsedCells, String> {
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

/// Where the used cells of one .ods table or .xls sheet lie.
#[derive(Debug, Default)]
struct SheetExtent {
    name: String,
    /// Rows and columns spanned by used cells, as (first, last).
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
    /// The first used cell beyond [`MAX_COLUMNS`] or [`MAX_ROWS`].
    stray: Option<(u64, u64)>,
}

impl SheetExtent {
    fn dense_cells(&self) -> u64 {
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
fn dense_grid_refused(path: &Path) -> Result<Option<Sheet>, Diagnostic> {
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

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

impl SheetExtent {
    /// Count a used cell (or, with `used` false, a declared extent).
    fn cover(&mut self, rows: (u64, u64), cols: (u64, u64), used: bool) {
        self.rows = Some(self.rows.map_or(rows, |(a, b)| (a.min(rows.0), b.max(rows.1))));
        self.cols = Some(self.cols.map_or(cols, |(a, b)| (a.min(cols.0), b.max(cols.1))));
        if used && self.stray.is_none() && (cols.1 >= u64::from(MAX_COLUMNS) || rows.1 >= u64::from(MAX_ROWS)) {
            self.stray = Some((rows.1.min(u64::from(MAX_ROWS) - 1).max(rows.0), cols.1));
        }
    }
}

/// The BIFF records of an .xls stream from byte `from`: (type, data).
fn biff_records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

fn u16_at(d: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u16::from_le_bytes([*d.get(i)?, *d.get(i + 1)?])))
}

fn u32_at(d: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?)))
}

/// Where the cells of each sheet of an .xls file lie, and what its
/// DIMENSIONS records declare: calamine reserves and fills a dense grid
/// from both when it opens the file, so a 10 kB file claiming 4 billion
/// rows, or holding a cell in column 16384 (invalid, but read), would
/// abort the program on the allocation.
fn scan_xls(path: &Path) -> Result<Vec<SheetExtent>, String> {
    use std::io::Read;
    let mut cf = cfb::open(path).map_err(|e| e.to_string())?;
    let Some(name) = ["/Workbook", "/Book"].into_iter().find(|n| cf.is_stream(n)) else {
        return Ok(Vec::new());
    };
    let mut stream = Vec::new();
    cf.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| e.to_string())?;
    let mut sheets = Vec::new();
    for (typ, d) in biff_records(&stream, 0) {
        match typ {
            // BoundSheet8: stream position, then the name (8-bit or UTF-16).
            0x0085 => {
                let pos = u32_at(d, 0).unwrap_or(0) as usize;
                let cch = usize::from(d.get(6).copied().unwrap_or(0));
                let wide = d.get(7).is_some_and(|f| f & 1 == 1);
                let name = match wide {
                    true => String::from_utf16_lossy(
                        &d.get(8..8 + 2 * cch)
                            .unwrap_or(&[])
                            .chunks_exact(2)
                            .map(|c| u16::from_le_bytes([c[0], c[1]]))
                            .collect::<Vec<_>>(),
                    ),
                    false => d
                        .get(8..8 + cch)
                        .unwrap_or(&[])
                        .iter()
                        .map(|&b| char::from(b))
                        .collect(),
                };
                sheets.push((pos, name));
            }
            0x000A => break,
            _ => {}
        }
    }
    Ok(sheets
        .into_iter()
        .map(|(pos, name)| scan_xls_sheet(&stream, pos, name))
        .collect())
}

/// One sheet's substream, from its BOF to its EOF, skipping embedded
/// charts (nested BOF..EOF) as calamine does.
fn scan_xls_sheet(stream: &[u8], pos: usize, name: String) -> SheetExtent {
    let mut t = SheetExtent {
        name,
        ..SheetExtent::default()
    };
    let mut depth = 0usize;
    for (typ, d) in biff_records(stream, pos) {
        match typ {
            0x0809 => depth += 1,
            0x000A => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            _ if depth != 1 => {}
            // Dimensions: first row, last row + 1, first column, last column + 1.
            0x0200 => {
                let (rf, rl, cf, cl) = match d.len() {
                    10 => (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4), u16_at(d, 6)),
                    _ => (u32_at(d, 0), u32_at(d, 4), u16_at(d, 8), u16_at(d, 10)),
                };
                if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl)
                    && rl >= 1
                    && cl >= 1
                {
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    t.cover((rf.min(rl - 1), rl - 1), (cf.min(cl - 1), cl - 1), false);
                }
            }
            // Cells: Number, Label, LabelSst, RK, BoolErr, Formula, RString.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x0006 | 0x00D6 => {
                if let (Some(r), Some(c)) = (u16_at(d, 0), u16_at(d, 2)) {
                    t.cover((r, r), (c, c), true);
                }
            }
            // MulRk: row, first column, ..., last column.
            0x00BD => {
                if let (Some(r), Some(c0), Some(c1)) =
                    (u16_at(d, 0), u16_at(d, 2), u16_at(d, d.len().saturating_sub(2)))
                {
                    t.cover((r, r), (c0.min(c1), c1.max(c0)), true);
                }
            }
            _ => {}
        }
    }
    t
}

/// An attribute's value as a number (`table:number-rows-repeated`), 1 when
/// absent.
fn repeat(e: &quick_xml::events::BytesStart, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// The tables of `content.xml` with where their used cells lie. A cell is
/// used when it has a value type or any content.
fn scan_ods(content: impl std::io::BufRead) -> Result<Vec<SheetExtent>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut tables: Vec<SheetExtent> = Vec::new();
    let (mut row, mut row_repeat, mut col) = (0u64, 1u64, 0u64);
    // A cell opened without a value type: used if anything is inside it.
    let mut open_cell: Option<(u64, u64)> = None;
    let cover = |tables: &mut Vec<SheetExtent>, (row, row_repeat): (u64, u64), (col, n): (u64, u64)| {
        if let Some(t) = tables.last_mut() {
            let last = col.saturating_add(n - 1);
            t.cover((row, row.saturating_add(row_repeat - 1)), (col, last), true);
        }
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    let name = e
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default();
                    tables.push(SheetExtent {
                        name,
                        ..SheetExtent::default()
                    });
                    row = 0;
                }
                "table:table-row" => {
                    row_repeat = repeat(&e, "table:number-rows-repeated");
                    col = 0;
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeat(&e, "table:number-columns-repeated");
                    if e.try_get_attribute("office:value-type").ok().flatten().is_some() {
                        cover(&mut tables, (row, row_repeat), (col, n));
                    } else if !empty {
                        open_cell = Some((col, n));
                    }
                    col = col.saturating_add(n);
                }
                _ => {
                    if let Some(cell) = open_cell.take() {
                        cover(&mut tables, (row, row_repeat), cell);
                    }
                }
            },
            Event::Text(t) if open_cell.is_some() && !t.trim().is_empty() => {
                if let Some(cell) = open_cell.take() {
                    cover(&mut tables, (row, row_repeat), cell);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => row = row.saturating_add(row_repeat),
                "table:table-cell" | "table:covered-table-cell" => open_cell = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(tables)
}

/// The error for cells outside the grid, naming the first of them.
fn stray_cell(sheet: &Sheet, (row, col): (u32, u32), value: Option<&Data>, count: usize) -> CellError {
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

/// A cell's value for a message.
fn value_text(value: &Data) -> String {
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
    fn write_csv(&mut self, cells: Vec<UsedCell>) {
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

/// The error for a sheet with no rows to import (empty, or a header alone),
/// naming the workbook and the sheet.
pub fn no_rows(sheet: &Sheet, path: &Path, sources: &Sources, file: FileId) -> Diagnostic {
    let mut d = super::read::no_rows(sources, file);
    d.message = format!("{}: sheet `{}` has no rows to import", path.display(), sheet.name);
    if sheet.csv.is_empty() {
        d.found = Some("an empty sheet".into());
    }
    d.hint("check that this is the workbook you meant, and name the sheet with --sheet NAME")
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
