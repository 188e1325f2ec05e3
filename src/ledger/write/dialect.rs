//! The new text of `ledger.csv` in the old file's own dialect (byte-order
//! mark, separator, line ends): the old text byte for byte when its header
//! is canonical, else its rows re-emitted under the canonical header; then
//! the new rows.

use super::new_row::NewRow;
use crate::ledger::read::CsvDialect;

/// The new text of `ledger.csv`: `old` (as decoded; `None` when there is no
/// file yet) plus `rows`, in the old file's dialect: its byte-order mark,
/// separator and line ends are kept. When the old header is canonical the
/// old text is kept byte for byte; otherwise (a disaggregation was added
/// since, or columns are in another order) its rows are re-emitted under
/// the canonical header, cell for cell by column name.
pub(super) fn render(old: Option<&str>, header: &[String], rows: &[NewRow]) -> Result<String, csv::Error> {
    let old = old.filter(|t| !t.trim_start_matches('\u{feff}').trim().is_empty());
    let (dialect, mut out) = match old {
        Some(text) => {
            let d = CsvDialect::of(text);
            (Some(d), keep_or_reemit(&d, text, header)?)
        }
        None => (None, String::new()),
    };
    let delimiter = dialect.map_or(b',', |d| d.delimiter);
    let crlf = dialect.is_some_and(|d| d.body[d.first_line.len()..].starts_with("\r\n"));
    let newline = if crlf { "\r\n" } else { "\n" };
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(newline);
    }
    let mut w = writer(delimiter, crlf);
    if out.is_empty() {
        w.write_record(header)?;
    }
    for r in rows {
        w.write_record(&r.cells)?;
    }
    out.push_str(&finish(w)?);
    Ok(out)
}

/// The old text when its header is canonical, else its rows re-emitted
/// under the canonical header (same byte-order mark, separator, line ends).
pub(super) fn keep_or_reemit(d: &CsvDialect, text: &str, header: &[String]) -> Result<String, csv::Error> {
    let mut rdr = d.reader();
    let mut records = rdr.records();
    let have: Vec<String> = match records.next() {
        Some(h) => h?.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        None => Vec::new(),
    };
    if have == header {
        return Ok(text.to_string());
    }
    let crlf = d.body[d.first_line.len()..].starts_with("\r\n");
    let mut w = writer(d.delimiter, crlf);
    w.write_record(header)?;
    for rec in records {
        let rec = rec?;
        let cells: Vec<&str> = header
            .iter()
            .map(|h| have.iter().position(|c| c == h).and_then(|i| rec.get(i)).unwrap_or(""))
            .collect();
        w.write_record(cells)?;
    }
    let body = finish(w)?;
    Ok(format!("{}{body}", &text[..d.bom]))
}

pub(super) fn writer(delimiter: u8, crlf: bool) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new())
}

pub(super) fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    // The writer only ever joins the UTF-8 strings it was given.
    String::from_utf8(bytes).map_err(|e| csv::Error::from(std::io::Error::other(e)))
}
