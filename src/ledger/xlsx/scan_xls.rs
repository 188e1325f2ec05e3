//! The pre-scan of an .xls file: the BIFF records of its Workbook stream,
//! read for each sheet's declared dimensions and used cells, without
//! building a grid.

use std::path::Path;

use super::extent::SheetExtent;

/// The BIFF records of an .xls stream from byte `from`: (type, data).
pub(super) fn biff_records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
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

pub(super) fn u16_at(d: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u16::from_le_bytes([*d.get(i)?, *d.get(i + 1)?])))
}

pub(super) fn u32_at(d: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?)))
}

/// Where the cells of each sheet of an .xls file lie, and what its
/// DIMENSIONS records declare: calamine reserves and fills a dense grid
/// from both when it opens the file, so a 10 kB file claiming 4 billion
/// rows, or holding a cell in column 16384 (invalid, but read), would
/// abort the program on the allocation.
pub(super) fn scan_xls(path: &Path) -> Result<Vec<SheetExtent>, String> {
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
pub(super) fn scan_xls_sheet(stream: &[u8], pos: usize, name: String) -> SheetExtent {
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
