//! The rows of an import file (CSV or a sheet) as [`NewRow`]s, with one
//! value per key per file: a second row for the same key is an error
//! naming both, since which one wins would otherwise be left to chance.

use chrono::{DateTime, Utc};

use super::new_row::{NewRow, RowFrom, line_span};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;

/// Every good row of an import file already in `sources`, stamped with
/// `at` and `who`; a blank `source` becomes `default_source` (the file's
/// name). Bad rows go to the diagnostics.
///
/// One file holds one value per key: a second row for the same indicator,
/// period and breakdown would leave the result to chance, so it is an
/// error naming both rows (`row_name` turns a line into "line 4" or a
/// sheet's "row 5").
pub(crate) fn import_rows(
    fw: &Framework,
    sources: &Sources,
    file: crate::source::FileId,
    default_source: &str,
    at: DateTime<Utc>,
    who: &str,
    row_name: &dyn Fn(u32) -> String,
) -> (Vec<(NewRow, crate::ledger::Origin)>, Diagnostics) {
    let mut parser = crate::ledger::row::RowParser::for_entry(fw);
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    let diags = crate::ledger::read::read_rows(fw, &mut parser, sources, file, |parsed, f, origin| {
        let kind = fw.indicators[parsed.indicator as usize].kind;
        if let Some(w) = crate::ledger::row::ambiguous_number(kind, f.value) {
            warnings.push(w.at(line_span(sources, origin)));
        }
        let mut f = *f;
        if f.source.trim().is_empty() {
            f.source = default_source;
        }
        let mut row = NewRow::new(fw, parsed, &f, at, who);
        row.from = Some(RowFrom {
            origin,
            name: row_name(origin.line),
        });
        rows.push((row, origin));
    });
    let mut diags = diags;
    diags.extend(Diagnostics(warnings));
    let mut seen = std::collections::HashMap::new();
    for (row, origin) in &rows {
        let key = (row.parsed.indicator, row.parsed.period, row.parsed.dims);
        if let Some(first) = seen.insert(key, origin.line) {
            diags.push(
                Diagnostic::error(format!(
                    "{} records the same key as {}",
                    row_name(origin.line),
                    row_name(first)
                ))
                .at(line_span(sources, *origin))
                .expected("one row per indicator, period and breakdown in one import")
                .found(format!(
                    "{} {} ({}) twice",
                    fw.indicators[key.0 as usize].id,
                    key.1,
                    key.2.describe(fw)
                ))
                .hint("keep one of the two rows; to correct a value, import or record it again later"),
            );
        }
    }
    (rows, diags)
}
