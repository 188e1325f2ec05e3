//! Reading measurement CSV: the ledger's own files and files to import.
//!
//! Tolerates what spreadsheets produce: a UTF-8 byte-order mark, `;` or a
//! tab as the separator, CRLF (or old Mac CR) line ends, header names in any
//! case, and the empty trailing columns Excel leaves (`...,comment,,`) when
//! no cell under them holds anything. Refuses what would silently lose
//! data: unknown columns, rows with the wrong number of cells, a cell under
//! a column with no name; and, for imports, a file with no rows.

use rustc_hash::FxHashMap as HashMap;

use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Framework, MAX_DIMENSIONS};
use crate::source::{FileId, Sources, Span};

use super::row::{Field, FieldError, Origin, ParsedRow, RowFields, RowParser, field_span};

pub const BASE_COLUMNS: [&str; 10] = [
    "indicator",
    "period",
    "value",
    "numerator",
    "denominator",
    "score",
    "comment",
    "source",
    "recorded_at",
    "recorded_by",
];

/// The review columns, written only in the ledgers of frameworks with
/// `approval: true` (and kept in any ledger that has them).
pub const REVIEW_COLUMNS: [&str; 4] = ["review", "review_of", "reviewed_by", "review_note"];

/// How to save a CSV file as UTF-8, for messages.
pub const SAVE_AS_UTF8: &str =
    "save the file as \"CSV UTF-8\" from your spreadsheet (Excel: File > Save As > CSV UTF-8 (Comma delimited))";

/// A CSV file's text, or why it cannot be read: not UTF-8 (a spreadsheet's
/// legacy export) or not readable at all. Prefer [`read_csv_file`], whose
/// errors point at the bad byte.
pub fn read_csv_text(path: &std::path::Path) -> Result<String, Diagnostic> {
    let mut sources = Sources::default();
    match read_csv_file(path, &mut sources) {
        Ok(file) => Ok(sources.get(file).text.clone()),
        Err(mut d) => {
            if let Some(span) = d.span.take() {
                d.message = format!("{}: {}", sources.locate(span), d.message);
            }
            Err(d)
        }
    }
}

/// Read a CSV file into `sources`: its id, or a located error naming the
/// encoding it looks like and the first byte that is not UTF-8.
pub fn read_csv_file(path: &std::path::Path, sources: &mut Sources) -> Result<FileId, Diagnostic> {
    crate::text_file::read_text(path, sources, SAVE_AS_UTF8)
}

/// The error for an import that holds no rows: an empty file, a header
/// alone, an empty sheet. Importing nothing is almost always the wrong file.
pub fn no_rows(sources: &Sources, file: FileId) -> Diagnostic {
    let f = sources.get(file);
    let header = f.text.split(['\n', '\r']).next().unwrap_or("");
    let found = if f.text.trim().is_empty() {
        "an empty file".to_string()
    } else {
        "a header and no rows".to_string()
    };
    Diagnostic::error(format!("{}: no rows to import", f.name))
        .at(Span::new(file, 0, header.len().max(1)))
        .expected("a header line, then one row per value")
        .found(found)
        .hint("check that this is the file you meant; in a spreadsheet, check the sheet (--sheet NAME)")
}

/// The canonical header for a framework's ledger files.
/// The review columns are part of it when the framework asks for approval.
pub fn canonical_header(fw: &Framework) -> Vec<String> {
    header_with(fw, fw.project.approval)
}

/// The canonical header, with or without the review columns.
pub fn header_with(fw: &Framework, review: bool) -> Vec<String> {
    let mut cols: Vec<String> = BASE_COLUMNS[..6].iter().map(|s| s.to_string()).collect();
    cols.extend(fw.disaggregations.iter().map(|d| d.name.clone()));
    cols.extend(BASE_COLUMNS[6..].iter().map(|s| s.to_string()));
    if review {
        cols.extend(REVIEW_COLUMNS.iter().map(|s| s.to_string()));
    }
    cols
}

/// A CSV file as spreadsheets write it: the byte-order mark skipped and the
/// separator (`,`, `;` or a tab) taken from the header line.
#[derive(Debug, Clone, Copy)]
pub struct CsvDialect<'a> {
    /// Bytes of the byte-order mark (0 or 3).
    pub bom: usize,
    pub body: &'a str,
    pub first_line: &'a str,
    pub delimiter: u8,
}

impl<'a> CsvDialect<'a> {
    pub fn of(text: &'a str) -> CsvDialect<'a> {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let body = &text[bom..];
        let first_line = body.split(['\n', '\r']).next().unwrap_or("");
        // The separator the header uses most; a tie (none at all) is `,`.
        let delimiter = [b',', b';', b'\t']
            .into_iter()
            .max_by_key(|&d| (first_line.matches(char::from(d)).count(), d == b','))
            .unwrap_or(b',');
        CsvDialect {
            bom,
            body,
            first_line,
            delimiter,
        }
    }

    /// A reader of every record, header included, rows of any width.
    pub fn reader(&self) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(self.body.as_bytes())
    }

    /// Read the next record into `record`: `Ok(false)` at the end, a located
    /// error for malformed CSV (an unbalanced quote, a bad byte).
    pub fn next(
        &self,
        rdr: &mut csv::Reader<&'a [u8]>,
        record: &mut csv::StringRecord,
        file: FileId,
    ) -> Result<bool, Diagnostic> {
        rdr.read_record(record).map_err(|e| {
            let at =
                |p: &csv::Position| Span::new(file, self.bom + p.byte() as usize, self.bom + p.byte() as usize + 1);
            Diagnostic::error(format!("malformed CSV: {e}"))
                .at_opt(e.position().map(at))
                .expected("well-formed CSV")
                .found("an unbalanced quote or a bad byte")
                .hint("check the quotes on this line")
        })
    }

    /// Byte offset in the whole text of the record at `pos`. With CRLF line
    /// ends the reader may report a record as starting on the previous
    /// line's `\n`: step over line ends to the first cell.
    pub fn record_start(&self, text: &str, pos: &csv::Position) -> usize {
        let mut start = self.bom + pos.byte() as usize;
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        start
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Base(usize),
    Dim(usize),
    Review(usize),
    /// A column with no name at the end of the header, as Excel leaves
    /// them: its cells must be empty.
    Blank,
}

/// The columns a header names (`None` for a bad one) and how many it names
/// (Excel's empty trailing cells excluded), with every problem found.
pub(super) fn header_columns(
    fw: &Framework,
    record: &csv::StringRecord,
    file: FileId,
    text: &str,
    dialect: &CsvDialect,
) -> (Vec<Option<Column>>, usize, Diagnostics) {
    let mut diags = Diagnostics::default();
    let header_start = dialect.bom;
    let (first_line, delimiter) = (dialect.first_line, dialect.delimiter);
    let mut columns = Vec::new();
    let dim_names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
    let named = named_columns(record);
    for (i, name) in record.iter().enumerate() {
        let n = name.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        if i >= named {
            columns.push(Some(Column::Blank));
            continue;
        }
        if n.is_empty() {
            diags.push(
                Diagnostic::error(format!("column {} has no name", i + 1))
                    .at(field_span(file, text, header_start, i, delimiter))
                    .expected("a column name in the header")
                    .found("an empty header cell")
                    .hint("name the column, or delete it if it holds nothing"),
            );
            columns.push(None);
            continue;
        }
        let col = if let Some(b) = BASE_COLUMNS.iter().position(|c| *c == n) {
            Some(Column::Base(b))
        } else if let Some(r) = REVIEW_COLUMNS.iter().position(|c| *c == n) {
            Some(Column::Review(r))
        } else {
            dim_names.iter().position(|d| *d == n).map(Column::Dim)
        };
        match col {
            Some(c) if columns.contains(&Some(c)) => {
                diags.push(
                    Diagnostic::error(format!("column `{n}` appears twice"))
                        .at(field_span(file, text, header_start, i, delimiter))
                        .hint("remove one of the two columns"),
                );
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None => {
                let known: Vec<&str> = BASE_COLUMNS
                    .iter()
                    .copied()
                    .chain(dim_names.iter().copied())
                    .chain(REVIEW_COLUMNS.iter().copied().filter(|_| fw.project.approval))
                    .collect();
                diags.push(
                    Diagnostic::error(format!("unknown column `{}`", name.trim()))
                        .at(field_span(file, text, header_start, i, delimiter))
                        .expected(format!("one of {}", known.join(", ")))
                        .found(format!("`{}`", name.trim()))
                        .hint(if n.starts_with('(') && n.ends_with(')') {
                            // An entry workbook's reading column, in a CSV
                            // saved from it.
                            "a column headed in parentheses is for reading: import the .xlsx workbook itself, \
                             which skips it, or delete the column"
                                .into()
                        } else {
                            did_you_mean(&n, known.iter().copied()).unwrap_or_else(|| {
                                "remove the column: logframe reads only the columns listed above".into()
                            })
                        }),
                );
                columns.push(None);
            }
        }
    }
    for required in [0usize, 1] {
        if !columns.contains(&Some(Column::Base(required))) {
            diags.push(
                Diagnostic::error(format!("the header has no `{}` column", BASE_COLUMNS[required]))
                    .at(Span::new(file, header_start, header_start + first_line.len()))
                    .expected(format!("a header such as {}", canonical_header(fw).join(",")))
                    .found(first_line.to_string())
                    .hint("the first row of the file names the columns"),
            );
        }
    }
    (columns, named, diags)
}

/// Read every row of one CSV file already in `sources`, calling `each` with
/// the typed row, its text fields and its origin. Problems go to the
/// returned diagnostics; bad rows are not passed on.
pub fn read_rows(
    fw: &Framework,
    parser: &mut RowParser,
    sources: &Sources,
    file: FileId,
    mut each: impl FnMut(ParsedRow, &RowFields, Origin),
) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let text = &sources.get(file).text;
    let dialect = CsvDialect::of(text);
    let delimiter = dialect.delimiter;
    let mut rdr = dialect.reader();
    let mut record = csv::StringRecord::new();
    match dialect.next(&mut rdr, &mut record, file) {
        Ok(true) => {}
        Ok(false) => return diags,
        Err(d) => {
            diags.push(d);
            return diags;
        }
    }
    let (columns, named, header_diags) = header_columns(fw, &record, file, text, &dialect);
    diags.extend(header_diags);
    if diags.has_errors() {
        return diags;
    }
    let width = columns.len();
    loop {
        match dialect.next(&mut rdr, &mut record, file) {
            Ok(true) => {}
            Ok(false) => break,
            Err(d) => {
                diags.push(d);
                break;
            }
        }
        let pos = record.position().expect("records carry positions");
        let start = dialect.record_start(text, pos);
        // The line of the record's first cell: with CRLF the reader's own
        // line count names the line before.
        let origin = Origin {
            file,
            line: sources.get(file).line_col(start as u32).0 as u32,
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != width && !(named..width).contains(&record.len()) {
            diags.push(
                Diagnostic::error(format!("this row has {} cells, the header has {width}", record.len()))
                    .at(Span::new(
                        file,
                        start,
                        start + sources.get(file).line_text(origin.line as usize).len(),
                    ))
                    .expected(if named < width {
                        format!("{named} to {width} cells")
                    } else {
                        format!("{width} cells")
                    })
                    .found(format!("{} cells", record.len()))
                    .hint("quote cells that contain the separator, e.g. \"Lima, Perú\""),
            );
            continue;
        }
        if let Some(d) = value_without_column(&record, named, |c| field_span(file, text, start, c, delimiter)) {
            diags.push(d);
            continue;
        }
        let fields = row_fields(&columns, record.iter());
        match parser.parse(&fields) {
            Ok(row) => each(row, &fields, origin),
            Err(errors) => {
                for FieldError { field, diagnostic } in errors {
                    let col = field.and_then(|f| {
                        let want = match f {
                            Field::Indicator => Column::Base(0),
                            Field::Period => Column::Base(1),
                            Field::Value => Column::Base(2),
                            Field::Numerator => Column::Base(3),
                            Field::Denominator => Column::Base(4),
                            Field::Score => Column::Base(5),
                            Field::RecordedAt => Column::Base(8),
                            Field::Review => Column::Review(0),
                            Field::ReviewOf => Column::Review(1),
                            Field::Dim(d) => Column::Dim(d),
                        };
                        columns.iter().position(|c| *c == Some(want))
                    });
                    let span = match col {
                        Some(c) => field_span(file, text, start, c, delimiter),
                        None => Span::new(file, start, start + 1),
                    };
                    diags.push(diagnostic.at(span));
                }
            }
        }
    }
    diags
}

/// A record's cells by column.
pub(super) fn row_fields<'r>(columns: &[Option<Column>], cells: impl Iterator<Item = &'r str>) -> RowFields<'r> {
    let mut fields = RowFields::default();
    for (col, cell) in columns.iter().zip(cells) {
        match col {
            Some(Column::Base(0)) => fields.indicator = cell,
            Some(Column::Base(1)) => fields.period = cell,
            Some(Column::Base(2)) => fields.value = cell,
            Some(Column::Base(3)) => fields.numerator = cell,
            Some(Column::Base(4)) => fields.denominator = cell,
            Some(Column::Base(5)) => fields.score = cell,
            Some(Column::Base(6)) => fields.comment = cell,
            Some(Column::Base(7)) => fields.source = cell,
            Some(Column::Base(8)) => fields.recorded_at = cell,
            Some(Column::Base(9)) => fields.recorded_by = cell,
            Some(Column::Review(0)) => fields.review = cell,
            Some(Column::Review(1)) => fields.review_of = cell,
            Some(Column::Review(2)) => fields.reviewed_by = cell,
            Some(Column::Review(3)) => fields.review_note = cell,
            Some(Column::Dim(d)) if *d < MAX_DIMENSIONS => fields.dims[*d] = cell,
            _ => {}
        }
    }
    fields
}

/// How many columns a header names: Excel leaves empty header cells after
/// the last column (`...,comment,,`), which are ignored when every cell
/// under them is empty (see [`value_without_column`]).
pub fn named_columns(header: &csv::StringRecord) -> usize {
    (0..header.len())
        .rev()
        .find(|&i| !header[i].trim().is_empty())
        .map_or(0, |i| i + 1)
}

/// The error for a row with a value under a trailing header cell with no
/// name (columns from `named` on); `span_of` locates a cell by index.
pub fn value_without_column(
    record: &csv::StringRecord,
    named: usize,
    span_of: impl Fn(usize) -> Span,
) -> Option<Diagnostic> {
    let (i, cell) = record
        .iter()
        .enumerate()
        .skip(named)
        .find(|(_, cell)| !cell.trim().is_empty())?;
    Some(
        Diagnostic::error(format!("a value under column {}, which has no name", i + 1))
            .at(span_of(i))
            .expected("an empty cell, or a name for the column in the header")
            .found(format!("`{}`", cell.trim()))
            .hint("name the column in the header, or move the value to a named column"),
    )
}

/// String table for comments, sources and names: a million rows share a
/// handful of distinct texts.
#[derive(Debug, Clone)]
pub struct Strings {
    list: Vec<Box<str>>,
    map: HashMap<Box<str>, u32>,
}

impl Default for Strings {
    fn default() -> Strings {
        Strings {
            list: vec!["".into()],
            map: HashMap::default(),
        }
    }
}

impl Strings {
    /// Index of `s`, 0 for the empty string.
    pub fn intern(&mut self, s: &str) -> u32 {
        let s = s.trim();
        if s.is_empty() {
            return 0;
        }
        if let Some(&i) = self.map.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s.into());
        self.map.insert(s.into(), i);
        i
    }

    pub fn get(&self, i: u32) -> Option<&str> {
        (i != 0).then(|| &*self.list[i as usize])
    }

    /// Every text by index (0 is the empty one).
    pub(super) fn texts(&self) -> &[Box<str>] {
        &self.list
    }
}
