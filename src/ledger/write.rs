//! Writing to the ledger: `record` and `import`.
//!
//! A write takes an exclusive lock on `measurements/.lock`, re-reads the
//! ledger, drops the rows that would change nothing (same value and comment
//! as the value in force: this is what makes a second import of the
//! same file a no-op), then replaces `measurements/ledger.csv` atomically:
//! the old content plus the new rows go to a temporary file, which is
//! fsynced and renamed over the old one, and the folder is fsynced. A crash
//! leaves either the old ledger or the new one, never half a row; two
//! writers queue on the lock and neither loses a row.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};

use super::read::canonical_header;
use super::row::{ParsedRow, RowFields};
use super::{Key, Ledger, measurements_dir};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;

/// A row to write, as text in canonical columns.
#[derive(Debug, Clone)]
pub struct NewRow {
    pub parsed: ParsedRow,
    pub cells: Vec<String>,
    pub comment: String,
}

impl NewRow {
    /// Canonical cells for `fields`, stamped with `at` and `by` unless the
    /// row carries its own.
    pub fn new(fw: &Framework, parsed: ParsedRow, f: &RowFields, at: DateTime<Utc>, by: &str) -> NewRow {
        let stamp = if f.recorded_at.trim().is_empty() {
            at.to_rfc3339_opts(SecondsFormat::Millis, true)
        } else {
            f.recorded_at.trim().to_string()
        };
        let who = if f.recorded_by.trim().is_empty() {
            by
        } else {
            f.recorded_by.trim()
        };
        let mut cells: Vec<String> = [f.indicator, f.period, f.value, f.numerator, f.denominator, f.score]
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        cells.extend((0..fw.disaggregations.len()).map(|d| f.dims[d].trim().to_string()));
        cells.extend([
            f.comment.trim().to_string(),
            f.source.trim().to_string(),
            stamp,
            who.to_string(),
        ]);
        NewRow {
            parsed,
            cells,
            comment: f.comment.trim().to_string(),
        }
    }

    fn key(&self) -> Key {
        Key {
            indicator: self.parsed.indicator,
            end: self.parsed.period.end,
            start: self.parsed.period.start,
            dims: self.parsed.dims,
        }
    }
}

/// What a write did (or, with `dry_run`, would do).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    pub corrections: usize,
    pub unchanged: usize,
    /// Rows dated before the value in force for their key: history only.
    pub older: usize,
}

/// The time to stamp on new rows: `LOGFRAME_NOW` (RFC 3339) when set, for
/// reproducible tests and back-filling, else the clock.
pub fn now() -> Result<DateTime<Utc>, Diagnostic> {
    match std::env::var("LOGFRAME_NOW") {
        Ok(s) => super::row::parse_timestamp(&s).ok_or_else(|| {
            Diagnostic::error("LOGFRAME_NOW is not a timestamp")
                .expected("an RFC 3339 time such as 2023-01-15T10:00:00Z")
                .found(s)
                .hint("unset it to use the clock")
        }),
        Err(_) => Ok(Utc::now()),
    }
}

/// Who is recording: `--by`, else `LOGFRAME_USER`, else `USER`.
pub fn recorder(by: Option<&str>) -> String {
    by.map(str::to_string)
        .or_else(|| std::env::var("LOGFRAME_USER").ok())
        .or_else(|| std::env::var("USER").ok())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// Append `rows` to the ledger under the lock. Rows identical to the value
/// in force are skipped. Nothing is written when `dry_run` is set or when
/// the ledger itself has errors.
pub fn commit(fw: &Framework, rows: Vec<NewRow>, dry_run: bool) -> Result<Outcome, (Sources, Diagnostics)> {
    let dir = measurements_dir(fw);
    let io = |what: &str, e: std::io::Error| {
        let mut d = Diagnostics::default();
        d.push(Diagnostic::error(format!("{what}: {e}")).hint("check that the framework folder is writable"));
        (Sources::default(), d)
    };
    fs::create_dir_all(&dir).map_err(|e| io(&format!("cannot create {}", dir.display()), e))?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))
        .map_err(|e| io("cannot open the ledger lock", e))?;
    lock.lock().map_err(|e| io("cannot lock the ledger", e))?;

    let mut sources = Sources::default();
    let (ledger, diags) = Ledger::load(fw, &mut sources);
    if diags.has_errors() {
        let mut d = diags;
        d.push(
            Diagnostic::error("the ledger has errors, so nothing was written")
                .hint("fix the rows above (`logframe check`), then record again"),
        );
        return Err((sources, d));
    }
    let current: std::collections::HashMap<Key, u32> = ledger
        .current(None)
        .into_iter()
        .map(|i| (ledger.entries[i as usize].key(), i))
        .collect();
    // Rows carrying their own recorded_at (an export of another ledger, a
    // back-fill) are known already when the same row, at the same time, is
    // in the ledger: importing them again changes nothing.
    let known = |row: &NewRow| {
        row.parsed.recorded_at.is_some()
            && ledger.entries.iter().any(|e| {
                e.key() == row.key()
                    && e.recorded_at == row.parsed.recorded_at
                    && e.value == row.parsed.value
                    && ledger.str(e.comment).unwrap_or("") == row.comment
            })
    };
    let mut outcome = Outcome::default();
    let mut fresh = Vec::new();
    for row in rows {
        let in_force = current.get(&row.key()).map(|&i| &ledger.entries[i as usize]);
        match in_force {
            _ if known(&row) => outcome.unchanged += 1,
            Some(e) if e.value == row.parsed.value && ledger.str(e.comment).unwrap_or("") == row.comment => {
                outcome.unchanged += 1;
            }
            // Older than the value in force: kept in the trail, not in force.
            Some(e) if row.parsed.recorded_at.is_some() && row.parsed.recorded_at < e.recorded_at => {
                outcome.older += 1;
                fresh.push(row);
            }
            Some(_) => {
                outcome.corrections += 1;
                fresh.push(row);
            }
            None => {
                outcome.added += 1;
                fresh.push(row);
            }
        }
    }
    if !dry_run && !fresh.is_empty() {
        write_ledger_file(fw, &dir.join("ledger.csv"), &fresh).map_err(|e| io("cannot write the ledger", e))?;
    }
    drop(lock);
    Ok(outcome)
}

/// Old content of `path` plus `rows`, written to a temporary file, synced
/// and renamed over `path`.
fn write_ledger_file(fw: &Framework, path: &Path, rows: &[NewRow]) -> std::io::Result<()> {
    let header = canonical_header(fw);
    let mut out: Vec<u8> = match fs::read(path) {
        Ok(old) => rewrite_if_needed(old, &header)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e),
    };
    if !out.is_empty() && !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    if out.is_empty() {
        w.write_record(&header)?;
    }
    for r in rows {
        w.write_record(&r.cells)?;
    }
    out.extend(w.into_inner().map_err(|e| e.into_error())?);
    let dir = path.parent().expect("ledger file has a folder");
    let tmp = dir.join(format!(".ledger.csv.{}.tmp", std::process::id()));
    {
        let mut f = File::create(&tmp)?;
        f.write_all(&out)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Keep an existing ledger file as is when its header is canonical;
/// otherwise (a disaggregation was added since) re-emit its rows under the
/// canonical header, cell for cell by column name.
fn rewrite_if_needed(old: Vec<u8>, header: &[String]) -> std::io::Result<Vec<u8>> {
    let body = old.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&old);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let have: Vec<String> = rdr.headers()?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    if have == header {
        return Ok(old);
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(header)?;
    for rec in rdr.records() {
        let rec = rec?;
        let cells: Vec<&str> = header
            .iter()
            .map(|h| have.iter().position(|c| c == h).and_then(|i| rec.get(i)).unwrap_or(""))
            .collect();
        w.write_record(cells)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// Every good row of an import file already in `sources`, stamped with
/// `at` and `who`; a blank `source` becomes `default_source` (the file's
/// name). Bad rows go to the diagnostics.
///
/// One file holds one value per key: a second row for the same indicator,
/// period and breakdown would leave the result to chance, so it is an
/// error naming both rows (`row_name` turns a line into "line 4" or a
/// sheet's "row 5").
pub fn import_rows(
    fw: &Framework,
    sources: &Sources,
    file: crate::source::FileId,
    default_source: &str,
    at: DateTime<Utc>,
    who: &str,
    row_name: &dyn Fn(u32) -> String,
) -> (Vec<(NewRow, super::Origin)>, Diagnostics) {
    let mut parser = super::row::RowParser::new(fw);
    let mut rows = Vec::new();
    let diags = super::read::read_rows(fw, &mut parser, sources, file, |parsed, f, origin| {
        let mut f = *f;
        if f.source.trim().is_empty() {
            f.source = default_source;
        }
        rows.push((NewRow::new(fw, parsed, &f, at, who), origin));
    });
    let mut diags = diags;
    let mut seen = std::collections::HashMap::new();
    for (row, origin) in &rows {
        let key = (row.parsed.indicator, row.parsed.period, row.parsed.dims);
        if let Some(first) = seen.insert(key, origin.line) {
            let f = sources.get(file);
            let start = f.offset_of(origin.line as usize, 1);
            diags.push(
                Diagnostic::error(format!(
                    "{} records the same key as {}",
                    row_name(origin.line),
                    row_name(first)
                ))
                .at(crate::source::Span::new(
                    file,
                    start,
                    start + f.line_text(origin.line as usize).len(),
                ))
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
