//! The expenditure ledger, `expenditures/*.csv`, read into the
//! framework's [`Funding`]: the header, then one expenditure per row.

use std::path::PathBuf;

use super::{outside_project, unknown_line};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::ledger::read::CsvDialect;
use crate::ledger::row::field_span;
use crate::model::funding::{Expenditure, Funding};
use crate::model::number::parse_decimal;
use crate::model::period::{PERIOD_FORMS, parse_period};
use crate::model::{Framework, Project};
use crate::source::{FileId, Sources, Span};

/// The columns of an expenditure CSV file.
pub const COLUMNS: [&str; 4] = ["period", "budget_line", "amount", "comment"];

/// Read `expenditures/*.csv` (sorted by name) into the framework's funding.
/// Tolerates a byte-order mark, `;` separators and CRLF line ends, like the
/// measurement ledger; refuses unknown columns and malformed amounts.
pub fn read_expenditures(fw: &mut Framework, sources: &mut Sources) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let dir = fw.dir.join("expenditures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    for path in files {
        let file = match crate::ledger::read::read_csv_file(&path, sources) {
            Ok(f) => f,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let Some(funding) = fw.funding.as_mut() else {
            diags.push(
                Diagnostic::error("expenditures without a funding section")
                    .at(Span::new(file, 0, 1))
                    .expected("a `funding:` section in logframe.yaml (currency, budget, budget lines)")
                    .found("expenditures/*.csv and no `funding:`")
                    .hint("add `funding: {currency: USD, budget: ...}` to logframe.yaml"),
            );
            continue;
        };
        let project = &fw.project;
        read_file(funding, project, sources, file, &mut diags);
    }
    diags
}

fn read_file(funding: &mut Funding, project: &Project, sources: &Sources, file: FileId, diags: &mut Diagnostics) {
    let text = &sources.get(file).text;
    let dialect = CsvDialect::of(text);
    let mut rdr = dialect.reader();
    let mut record = csv::StringRecord::new();
    match dialect.next(&mut rdr, &mut record, file) {
        Ok(true) => {}
        Ok(false) => return,
        Err(d) => {
            diags.push(d);
            return;
        }
    }
    let header = Header::read(&record, &dialect, text, file, diags);
    if diags.has_errors() {
        return;
    }
    let file = File {
        sources,
        file,
        text,
        delimiter: dialect.delimiter,
        header,
    };
    loop {
        match dialect.next(&mut rdr, &mut record, file.file) {
            Ok(true) => {}
            Ok(false) => break,
            Err(d) => {
                diags.push(d);
                break;
            }
        }
        let pos = record.position().expect("records carry positions");
        let start = dialect.record_start(text, pos);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if let Some(e) = file.row(&record, start, funding, project, diags) {
            funding.expenditures.push(e);
        }
    }
}

/// The header of an expenditure file: which known column each cell is.
struct Header {
    /// Per header cell, its index in [`COLUMNS`].
    columns: Vec<Option<usize>>,
    /// The cells that carry a name (the others are trailing blanks).
    named: usize,
}

impl Header {
    /// Reads the names, reporting unknown, repeated and missing columns.
    fn read(
        record: &csv::StringRecord,
        dialect: &CsvDialect,
        text: &str,
        file: FileId,
        diags: &mut Diagnostics,
    ) -> Header {
        let CsvDialect {
            bom,
            first_line,
            delimiter,
            ..
        } = *dialect;
        let mut columns: Vec<Option<usize>> = Vec::new();
        let named = crate::ledger::read::named_columns(record);
        for (i, name) in record.iter().enumerate() {
            let n = name.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
            if i >= named {
                columns.push(None);
                continue;
            }
            match COLUMNS.iter().position(|c| *c == n) {
                Some(c) if columns.contains(&Some(c)) => {
                    diags.push(
                        Diagnostic::error(format!("column `{n}` appears twice"))
                            .at(field_span(file, text, bom, i, delimiter))
                            .expected("each column once")
                            .found(format!("`{n}` twice"))
                            .hint("remove one of the two columns"),
                    );
                    columns.push(None);
                }
                Some(c) => columns.push(Some(c)),
                None => {
                    diags.push(
                        Diagnostic::error(format!("unknown column `{}`", name.trim()))
                            .at(field_span(file, text, bom, i, delimiter))
                            .expected(format!("one of {}", COLUMNS.join(", ")))
                            .found(format!("`{}`", name.trim()))
                            .hint(did_you_mean(&n, COLUMNS).unwrap_or_else(|| "remove the column".into())),
                    );
                    columns.push(None);
                }
            }
        }
        for required in [0usize, 2] {
            if !columns.contains(&Some(required)) {
                diags.push(
                    Diagnostic::error(format!("the header has no `{}` column", COLUMNS[required]))
                        .at(Span::new(file, bom, bom + first_line.len()))
                        .expected(format!("a header such as {}", COLUMNS.join(",")))
                        .found(first_line.to_string())
                        .hint("the first row of the file names the columns"),
                );
            }
        }
        Header { columns, named }
    }
}

/// A file being read, for its rows.
struct File<'a> {
    sources: &'a Sources,
    file: FileId,
    text: &'a str,
    delimiter: u8,
    header: Header,
}

impl File<'_> {
    /// One row starting at byte `start`: an expenditure, or `None` when it
    /// is refused (reported).
    fn row(
        &self,
        record: &csv::StringRecord,
        start: usize,
        funding: &Funding,
        project: &Project,
        diags: &mut Diagnostics,
    ) -> Option<Expenditure> {
        let File {
            sources,
            file,
            text,
            delimiter,
            ..
        } = *self;
        let Header { columns, named } = &self.header;
        let (named, width) = (*named, columns.len());
        let (line, _) = sources.get(file).line_col(start as u32);
        let line_span = Span::new(file, start, start + sources.get(file).line_text(line).len());
        if let Some(d) =
            crate::ledger::read::value_without_column(record, named, |i| field_span(file, text, start, i, delimiter))
        {
            diags.push(d);
            return None;
        }
        if record.len() != width && !(named..width).contains(&record.len()) {
            diags.push(
                Diagnostic::error(format!("this row has {} cells, the header has {width}", record.len()))
                    .at(line_span)
                    .expected(format!("{width} cells"))
                    .found(format!("{} cells", record.len()))
                    .hint("quote cells that contain the separator, e.g. \"125000,50\" is still a decimal comma: write 125000.50"),
            );
            return None;
        }
        let cell = |c: usize| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .map(|i| (i, record.get(i).unwrap_or("").trim()))
        };
        let at = |i: usize| field_span(file, text, start, i, delimiter);
        let mut ok = true;
        let period = cell(0).and_then(|(i, t)| match parse_period(t, project.fiscal_year_start) {
            Ok(p) => {
                if let Some(d) = outside_project(p, project, at(i), "expenditure") {
                    diags.push(d);
                }
                Some(p)
            }
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("expenditure period: {}", e.message))
                        .at(at(i))
                        .expected(PERIOD_FORMS)
                        .found(format!("`{t}`"))
                        .hint(e.hint),
                );
                None
            }
        });
        ok &= period.is_some();
        let amount = cell(2).and_then(|(i, t)| match parse_decimal(t) {
            Ok(d) => Some(d),
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("expenditure: {}", e.message))
                        .at(at(i))
                        .expected("an amount such as 125000.50 (point as decimal separator)")
                        .found(format!("`{t}`"))
                        .hint(e.hint),
                );
                None
            }
        });
        ok &= amount.is_some();
        let budget_line = match cell(1) {
            Some((_, "")) | None => None,
            Some((i, id)) => match funding.budget_line_index(id) {
                Some(l) => Some(l),
                None => {
                    diags.push(unknown_line(id, &funding.budget_lines).at(at(i)));
                    ok = false;
                    None
                }
            },
        };
        let comment = cell(3).map(|(_, t)| t.to_string()).filter(|t| !t.is_empty());
        let (true, Some(period), Some(amount)) = (ok, period, amount) else {
            return None;
        };
        Some(Expenditure {
            period,
            budget_line,
            amount,
            comment,
            span: line_span,
        })
    }
}
