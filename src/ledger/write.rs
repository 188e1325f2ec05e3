//! Writing to the ledger: `record` and `import`.
//!
//! A write takes an exclusive lock on `measurements/.lock`, removes the
//! temporary files a killed writer left behind, re-reads the ledger, and
//! refuses, before anything is written and for the whole batch, rows that
//! would break it: a `recorded_at` in the future (it would outrank every
//! later correction) or equal to that of another value for the same key in
//! another file (nothing would say which one is in force, and every command
//! would stop on it). It then drops the rows that would change nothing
//! (same value and comment as the value in force: this is what makes a
//! second import of the same file a no-op).
//!
//! Only `measurements/ledger.csv` is ever written; the other CSV files of
//! the folder are read, never touched. The new content is the old rows, in
//! the file's own dialect (byte-order mark, separator, line ends), plus the
//! new rows ([`render`]). It goes to a temporary file beside the real one
//! (through a symbolic link, beside its target), which is fsynced and then
//! re-read with the parser `Ledger::load` uses and compared row by row with
//! what was read before plus the new rows ([`verify`]); only if they agree
//! is it renamed over the old file, and the folder fsynced. A crash leaves
//! either the old ledger or the new one, never half a row; a rewrite that
//! would lose or alter a single cell is refused and leaves the old file;
//! two writers queue on the lock and neither loses a row.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound, Utc};

use super::read::{CsvDialect, canonical_header, read_csv_text};
use super::row::{ParsedRow, RowFields, RowParser, is_future, timestamp_text};
use super::{Entry, Key, Ledger, Origin, measurements_dir, origin_text};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Framework, Value};
use crate::source::{FileId, Sources, Span};

/// The one file `record` and `import` write.
const LEDGER_FILE: &str = "ledger.csv";

/// Where a row to write comes from: its place in an import file (`name`
/// is how the user sees it: "line 4", a sheet's "row 5").
#[derive(Debug, Clone)]
pub struct RowFrom {
    pub origin: Origin,
    pub name: String,
}

/// A row to write, as text in canonical columns.
#[derive(Debug, Clone)]
pub struct NewRow {
    /// The typed row; `parsed.recorded_at` is the row's own time, when it
    /// carries one (an export of another ledger, a back-fill).
    pub parsed: ParsedRow,
    /// The `recorded_at` the row will have: its own, or the stamp.
    pub at: DateTime<Utc>,
    pub cells: Vec<String>,
    pub comment: String,
    pub source: String,
    pub recorded_by: String,
    /// The import file's row, `None` for `record`.
    pub from: Option<RowFrom>,
}

impl NewRow {
    /// Canonical cells for `fields`, stamped with `at` and `by` unless the
    /// row carries its own.
    pub fn new(fw: &Framework, parsed: ParsedRow, f: &RowFields, at: DateTime<Utc>, by: &str) -> NewRow {
        // The ledger keeps milliseconds; keep the same here so that the
        // row read back compares equal.
        let at = parsed.recorded_at.unwrap_or_else(|| at.trunc_subsecs(3));
        let stamp = if f.recorded_at.trim().is_empty() {
            timestamp_text(at)
        } else {
            f.recorded_at.trim().to_string()
        };
        let who = if f.recorded_by.trim().is_empty() {
            by.trim()
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
            at,
            cells,
            comment: f.comment.trim().to_string(),
            source: f.source.trim().to_string(),
            recorded_by: who.to_string(),
            from: None,
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

    /// The row as the ledger will hold it.
    fn image(&self) -> RowImage<'_> {
        RowImage {
            key: self.key(),
            value: &self.parsed.value,
            recorded_at: Some(self.at),
            comment: &self.comment,
            source: &self.source,
            recorded_by: &self.recorded_by,
        }
    }

    /// The import file's line, for diagnostics.
    fn span(&self, sources: &Sources) -> Option<Span> {
        self.from.as_ref().map(|f| line_span(sources, f.origin))
    }
}

/// A row that was written but does not come into force: a row already in
/// the ledger has a later `recorded_at` and stays in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// Indicator, period and breakdown.
    pub what: String,
    pub value: String,
    pub in_force_value: String,
    pub in_force_by: String,
    pub in_force_at: String,
    /// `file:line` of the row in force.
    pub in_force_at_place: String,
}

/// What a write did (or, with `dry_run`, would do).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub added: usize,
    pub corrections: usize,
    pub unchanged: usize,
    /// Rows dated before the value in force for their key: history only.
    pub older: usize,
    /// The same rows, each with the row that stays in force.
    pub kept: Vec<Kept>,
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

type Failure = (Sources, Diagnostics);

fn failure(sources: Sources, d: Diagnostic) -> Failure {
    let mut diags = Diagnostics::default();
    diags.push(d);
    (sources, diags)
}

fn io_error(what: String, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("{what}: {e}")).hint("check that the framework folder is writable")
}

/// Append `rows` to the ledger under the lock. `sources` holds the import
/// file the rows come from (empty for `record`); the ledger's files are
/// added to it so that diagnostics can name both. Rows identical to the
/// value in force are skipped. Nothing is written when `dry_run` is set,
/// when the ledger itself has errors, or when any row is refused.
pub fn commit(fw: &Framework, mut sources: Sources, rows: Vec<NewRow>, dry_run: bool) -> Result<Outcome, Failure> {
    let dir = measurements_dir(fw);
    let lock = match lock_ledger(&dir) {
        Ok(l) => l,
        Err(d) => return Err(failure(sources, d)),
    };
    if !dry_run && let Err(e) = remove_stale_temps(&dir, LEDGER_FILE) {
        return Err(failure(
            sources,
            io_error("cannot remove stale temporary files".into(), e),
        ));
    }
    let (ledger, diags) = Ledger::load(fw, &mut sources);
    if diags.has_errors() {
        let mut d = diags;
        d.push(
            Diagnostic::error("the ledger has errors, so nothing was written")
                .hint("fix the rows above (`logframe check`), then record again"),
        );
        return Err((sources, d));
    }
    let path = dir.join(LEDGER_FILE);
    let file = sources.files().find(|(_, f)| f.path == path).map(|(id, _)| id);
    let mut refused = future_rows(&rows, &sources, Utc::now());
    refused.extend(ties(fw, &ledger, &sources, file, &rows));
    if refused.has_errors() {
        refused.push(
            Diagnostic::error("nothing was written").hint("fix or remove the rows above, then record or import again"),
        );
        return Err((sources, refused));
    }
    let (outcome, fresh) = classify(fw, &ledger, &sources, &path, rows);
    if !dry_run && !fresh.is_empty() {
        let old = file.map(|id| sources.get(id).text.as_str());
        let expected: Vec<RowImage> = file
            .map(|id| images_of(&ledger, id))
            .unwrap_or_default()
            .into_iter()
            .chain(fresh.iter().map(NewRow::image))
            .collect();
        let written = render(old, &canonical_header(fw), &fresh)
            .map_err(|e| Diagnostic::error(format!("cannot render the ledger: {e}")))
            .and_then(|text| write_ledger_file(fw, &path, &text, &expected));
        if let Err(d) = written {
            return Err(failure(sources, d));
        }
    }
    drop(lock);
    Ok(outcome)
}

/// Open and lock `measurements/.lock`, creating the folder if needed.
fn lock_ledger(dir: &Path) -> Result<File, Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| io_error(format!("cannot create {}", dir.display()), e))?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))
        .map_err(|e| io_error("cannot open the ledger lock".into(), e))?;
    lock.lock().map_err(|e| io_error("cannot lock the ledger".into(), e))?;
    Ok(lock)
}

/// The temporary file a writer uses for `name` in its folder.
fn temp_name(name: &str) -> String {
    format!(".{name}.{}.tmp", std::process::id())
}

/// Whether `file` is a temporary file of a writer of `name`.
fn is_temp_of(file: &str, name: &str) -> bool {
    file.strip_prefix('.')
        .and_then(|f| f.strip_prefix(name))
        .and_then(|f| f.strip_prefix('.'))
        .and_then(|f| f.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Remove the temporary files of writers of `name` in `dir`. Called under
/// the lock, when no other writer can be running: any such file was left
/// by a writer that was killed before its rename.
fn remove_stale_temps(dir: &Path, name: &str) -> std::io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        if is_temp_of(&entry.file_name().to_string_lossy(), name) && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Rows whose `recorded_at` lies in the future (beyond the allowed clock
/// skew): once written, such a row would stay in force against every
/// correction until its time came.
fn future_rows(rows: &[NewRow], sources: &Sources, now: DateTime<Utc>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let future = rows.iter().filter(|r| is_future(r.at, now));
    // Rows stamped with LOGFRAME_NOW share one cause: say it once.
    let (own, stamped): (Vec<&NewRow>, Vec<&NewRow>) = future.partition(|r| r.parsed.recorded_at.is_some());
    let stamped = stamped.first().map(|row| {
        Diagnostic::error("LOGFRAME_NOW is in the future")
            .hint("unset LOGFRAME_NOW to stamp rows with the clock, or set it to a past time")
            .found(timestamp_text(row.at))
    });
    let own = own.into_iter().map(|row| {
        let name = row.from.as_ref().map_or("a row", |f| f.name.as_str());
        Diagnostic::error(format!("{name} has a recorded_at in the future"))
            .at_opt(row.span(sources))
            .hint("a future recorded_at would outrank every later correction; give the time the value was recorded")
            .found(timestamp_text(row.at))
    });
    let latest = timestamp_text(now + super::row::CLOCK_SKEW);
    for d in stamped.into_iter().chain(own) {
        diags.push(d.expected(format!("a time no later than {latest}")));
    }
    diags
}

/// Rows whose `recorded_at` equals that of another value for the same key
/// in a ledger file other than `ledger.csv`: the ledger would then hold
/// two values with nothing to say which one is in force, and every command
/// would refuse it. (Within `ledger.csv` the later row wins, as `load`
/// reads it, so a tie there is a correction.)
fn ties(fw: &Framework, ledger: &Ledger, sources: &Sources, file: Option<FileId>, rows: &[NewRow]) -> Diagnostics {
    let mut dated: HashMap<(Key, DateTime<Utc>), Vec<&Entry>> = HashMap::new();
    for e in ledger.entries.iter().filter(|e| Some(e.origin.file) != file) {
        if let Some(at) = e.recorded_at {
            dated.entry((e.key(), at)).or_default().push(e);
        }
    }
    let mut diags = Diagnostics::default();
    for row in rows {
        let Some(other) = dated
            .get(&(row.key(), row.at))
            .and_then(|es| es.iter().find(|e| e.value != row.parsed.value))
        else {
            continue;
        };
        let what = describe(fw, row);
        let place = origin_text(sources, other.origin);
        let d = match &row.from {
            Some(from) => Diagnostic::error(format!(
                "{} gives {what} another value with the same recorded_at as {place}",
                from.name
            ))
            .at_opt(row.span(sources))
            .hint(if row.parsed.recorded_at.is_some() {
                "give the row a later recorded_at if it corrects the ledger, or remove it"
            } else {
                "the row is stamped with LOGFRAME_NOW: unset it, or set it to a later time"
            }),
            None => Diagnostic::error(format!(
                "LOGFRAME_NOW equals the recorded_at of {place}, which holds another value for {what}"
            ))
            .hint("unset LOGFRAME_NOW, or set it to a later time"),
        };
        diags.push(
            d.expected("a recorded_at that no other value of this key has")
                .found(format!(
                    "{} at {}, and {} at {place}",
                    crate::format::value(&row.parsed.value),
                    timestamp_text(row.at),
                    crate::format::value(&other.value)
                )),
        );
    }
    diags
}

/// Sort rows into unchanged, corrections, new values and rows that will
/// not be in force; return the outcome and the rows to write. New rows go
/// to the end of `path` (ledger.csv).
fn classify(
    fw: &Framework,
    ledger: &Ledger,
    sources: &Sources,
    path: &Path,
    rows: Vec<NewRow>,
) -> (Outcome, Vec<NewRow>) {
    let current: HashMap<Key, &Entry> = ledger
        .current(None)
        .into_iter()
        .map(|i| &ledger.entries[i as usize])
        .map(|e| (e.key(), e))
        .collect();
    let mut dated: HashMap<(Key, DateTime<Utc>), Vec<&Entry>> = HashMap::new();
    for e in &ledger.entries {
        if let Some(at) = e.recorded_at {
            dated.entry((e.key(), at)).or_default().push(e);
        }
    }
    let same =
        |e: &Entry, row: &NewRow| e.value == row.parsed.value && ledger.str(e.comment).unwrap_or("") == row.comment;
    // Rows carrying their own recorded_at (an export of another ledger, a
    // back-fill) are known already when the same row, at the same time, is
    // in the ledger: importing them again changes nothing.
    let known = |row: &NewRow| {
        row.parsed.recorded_at.is_some()
            && dated
                .get(&(row.key(), row.at))
                .is_some_and(|es| es.iter().any(|e| same(e, row)))
    };
    // Whether the row in force stays in force over the new row: later, or
    // as late and read after it (from a file named after ledger.csv; ties
    // with another value there are refused before this).
    let outranks = |e: &Entry, row: &NewRow| {
        e.recorded_at > Some(row.at)
            || (e.recorded_at == Some(row.at) && sources.get(e.origin.file).path.as_path() > path)
    };
    let mut outcome = Outcome::default();
    let mut fresh = Vec::new();
    for row in rows {
        match current.get(&row.key()) {
            _ if known(&row) => outcome.unchanged += 1,
            Some(e) if same(e, &row) => outcome.unchanged += 1,
            Some(e) if outranks(e, &row) => {
                outcome.older += 1;
                outcome.kept.push(kept(fw, ledger, sources, e, &row));
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
    (outcome, fresh)
}

fn kept(fw: &Framework, ledger: &Ledger, sources: &Sources, in_force: &Entry, row: &NewRow) -> Kept {
    Kept {
        what: describe(fw, row),
        value: crate::format::value(&row.parsed.value),
        in_force_value: crate::format::value(&in_force.value),
        in_force_by: ledger.str(in_force.recorded_by).unwrap_or("unknown").to_string(),
        in_force_at: in_force.recorded_at.map(timestamp_text).unwrap_or_default(),
        in_force_at_place: origin_text(sources, in_force.origin),
    }
}

/// "1100.1 2023-Q4 (total)".
fn describe(fw: &Framework, row: &NewRow) -> String {
    let p = &row.parsed;
    format!(
        "{} {} ({})",
        fw.indicators[p.indicator as usize].id,
        p.period,
        p.dims.describe(fw)
    )
}

fn line_span(sources: &Sources, o: Origin) -> Span {
    let f = sources.get(o.file);
    let start = f.offset_of(o.line as usize, 1);
    Span::new(o.file, start, start + f.line_text(o.line as usize).len())
}

/// Everything of a row that must survive a rewrite (borrowed: a ledger of
/// a million rows is compared without copying its texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RowImage<'a> {
    key: Key,
    value: &'a Value,
    recorded_at: Option<DateTime<Utc>>,
    comment: &'a str,
    source: &'a str,
    recorded_by: &'a str,
}

impl<'a> RowImage<'a> {
    fn of(ledger: &'a Ledger, e: &'a Entry) -> RowImage<'a> {
        let s = |i: u32| ledger.str(i).unwrap_or("");
        RowImage {
            key: e.key(),
            value: &e.value,
            recorded_at: e.recorded_at,
            comment: s(e.comment),
            source: s(e.source),
            recorded_by: s(e.recorded_by),
        }
    }
}

/// The rows of one ledger file, in order.
fn images_of(ledger: &Ledger, file: FileId) -> Vec<RowImage<'_>> {
    ledger
        .entries
        .iter()
        .filter(|e| e.origin.file == file)
        .map(|e| RowImage::of(ledger, e))
        .collect()
}

/// Replace `path` (or the target of a link at `path`) with `text`, which
/// must read back as `expected` (the old rows of the file, then the new
/// ones): write a temporary file beside it, fsync, verify, rename, fsync
/// the folder. On any failure the temporary file is removed and the old
/// file is left as it was.
fn write_ledger_file(fw: &Framework, path: &Path, text: &str, expected: &[RowImage]) -> Result<(), Diagnostic> {
    let target = write_target(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if target != path {
        remove_stale_temps(dir, &name).map_err(|e| io_error("cannot remove stale temporary files".into(), e))?;
    }
    let tmp = dir.join(temp_name(&name));
    let result = write_synced(&tmp, text.as_bytes())
        .map_err(|e| io_error(format!("cannot write {}", tmp.display()), e))
        .and_then(|()| verify(fw, &tmp, expected))
        .and_then(|()| {
            fs::rename(&tmp, &target).map_err(|e| io_error(format!("cannot replace {}", target.display()), e))
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(format!("cannot sync {}", dir.display()), e))
}

/// The file to replace: `path`, or the file a symbolic link at `path`
/// points to (the link stays a link; the data goes where it points).
fn write_target(path: &Path) -> Result<PathBuf, Diagnostic> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            Diagnostic::error(format!(
                "{} is a symbolic link that cannot be followed: {e}",
                path.display()
            ))
            .hint("point the link at an existing file, or replace it with the file itself")
        }),
        _ => Ok(path.to_path_buf()),
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The new text of `ledger.csv`: `old` (as decoded; `None` when there is no
/// file yet) plus `rows`, in the old file's dialect: its byte-order mark,
/// separator and line ends are kept. When the old header is canonical the
/// old text is kept byte for byte; otherwise (a disaggregation was added
/// since, or columns are in another order) its rows are re-emitted under
/// the canonical header, cell for cell by column name.
fn render(old: Option<&str>, header: &[String], rows: &[NewRow]) -> Result<String, csv::Error> {
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
fn keep_or_reemit(d: &CsvDialect, text: &str, header: &[String]) -> Result<String, csv::Error> {
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

fn writer(delimiter: u8, crlf: bool) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    // The writer only ever joins the UTF-8 strings it was given.
    String::from_utf8(bytes).map_err(|e| csv::Error::from(std::io::Error::other(e)))
}

/// Re-read the file at `tmp` with the parser `Ledger::load` uses and
/// compare it, row by row and cell by cell, with `expected` (the rows read
/// before the write, then the new rows). Any difference, or any problem the
/// parser finds, refuses the write.
fn verify(fw: &Framework, tmp: &Path, expected: &[RowImage]) -> Result<(), Diagnostic> {
    let refuse = |what: String| {
        Diagnostic::error(format!(
            "the ledger was not written: the new {LEDGER_FILE} did not read back as expected ({what})"
        ))
        .hint("the old ledger is untouched; this is a bug in logframe, please report it with the ledger file")
    };
    let text = read_csv_text(tmp).map_err(|d| refuse(d.message))?;
    let mut sources = Sources::default();
    let file = sources.add(tmp.to_path_buf(), text);
    let mut ledger = Ledger::default();
    let diags = ledger.read_file(fw, &mut RowParser::new(fw), &sources, file);
    if let Some(d) = diags.0.iter().find(|d| d.is_error()) {
        let at = d.span.map(|s| sources.locate(s)).unwrap_or_default();
        return Err(refuse(format!("{at}: {}", d.message)));
    }
    let got: Vec<RowImage> = ledger.entries.iter().map(|e| RowImage::of(&ledger, e)).collect();
    if got.len() != expected.len() {
        return Err(refuse(format!(
            "{} rows where {} were expected",
            got.len(),
            expected.len()
        )));
    }
    match got.iter().zip(expected).zip(&ledger.entries).find(|((g, x), _)| g != x) {
        Some((_, e)) => Err(refuse(format!(
            "line {} differs from the row it should hold",
            e.origin.line
        ))),
        None => Ok(()),
    }
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
        let mut row = NewRow::new(fw, parsed, &f, at, who);
        row.from = Some(RowFrom {
            origin,
            name: row_name(origin.line),
        });
        rows.push((row, origin));
    });
    let mut diags = diags;
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

#[cfg(test)]
mod tests {
    //! The self-check is what stands between a rewrite bug and a wiped
    //! ledger: these tests inject broken rewrites and expect a refusal that
    //! leaves the old file byte for byte.

    use super::*;
    use crate::workspace;

    /// A copy of a shipped framework whose ledger.csv is rewritten with `;`,
    /// a byte-order mark and CRLF line ends; the framework, its ledger and
    /// the sources they were read from.
    fn semicolon_copy() -> (tempfile::TempDir, Framework, Ledger, Sources) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("frameworks/iom-px0012");
        let to = tmp.path().join("iom-px0012");
        fs::create_dir_all(to.join("measurements")).expect("create folders");
        fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy logframe.yaml");
        let text = fs::read_to_string(from.join("measurements/ledger.csv")).expect("read ledger");
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut w = writer(b';', true);
        for rec in rdr.records() {
            w.write_record(&rec.expect("shipped ledger parses")).expect("write");
        }
        let out = format!("\u{feff}{}", finish(w).expect("utf-8"));
        fs::write(to.join("measurements/ledger.csv"), out).expect("write ledger");
        let loaded = workspace::load(&to);
        assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
        let fw = loaded.framework.expect("framework loads");
        (tmp, fw, loaded.ledger, loaded.sources)
    }

    fn ledger_id(fw: &Framework, sources: &Sources) -> FileId {
        let path = measurements_dir(fw).join(LEDGER_FILE);
        sources
            .files()
            .find(|(_, f)| f.path == path)
            .map(|(id, _)| id)
            .expect("ledger.csv was read")
    }

    fn one_row(fw: &Framework) -> NewRow {
        let f = RowFields {
            indicator: "OBJ.1",
            period: "2013-H2",
            value: "10",
            comment: "new; with a separator",
            ..RowFields::default()
        };
        let Ok(parsed) = RowParser::new(fw).parse(&f) else {
            panic!("OBJ.1 2013-H2 10 is a good row")
        };
        let at = DateTime::parse_from_rfc3339("2014-03-01T10:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        NewRow::new(fw, parsed, &f, at, "tester")
    }

    fn no_temp_left(dir: &Path) {
        let left: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }

    /// Check `text` as the new ledger.csv and return the refusal, asserting
    /// the old file is untouched and no temporary file is left.
    fn refusal(text: &str, edit: impl Fn(String) -> String) -> Diagnostic {
        let (_tmp, fw, ledger, sources) = semicolon_copy();
        let id = ledger_id(&fw, &sources);
        let path = measurements_dir(&fw).join(LEDGER_FILE);
        let old = fs::read(&path).expect("read");
        let row = one_row(&fw);
        let expected: Vec<RowImage> = images_of(&ledger, id).into_iter().chain([row.image()]).collect();
        let mut w = writer(b';', true);
        w.write_record(&row.cells).expect("write");
        let text = text
            .replace("{OLD}", &sources.get(id).text)
            .replace("{NEW}", &finish(w).expect("utf-8"));
        let text = edit(text);
        let err = write_ledger_file(&fw, &path, &text, &expected).expect_err("a broken rewrite is refused");
        assert_eq!(fs::read(&path).expect("read"), old, "the old ledger changed");
        no_temp_left(&measurements_dir(&fw));
        err
    }

    #[test]
    fn self_check_refuses_the_comma_rewrite_that_wiped_semicolon_ledgers() {
        // What the old rewrite produced: the header re-read with `,` as
        // one unknown column, every row re-emitted as empty cells.
        let (_tmp, fw, ledger, sources) = semicolon_copy();
        let id = ledger_id(&fw, &sources);
        let header = canonical_header(&fw).join(",");
        let empty = ",".repeat(canonical_header(&fw).len() - 1);
        let wiped: String = std::iter::once(header)
            .chain(images_of(&ledger, id).iter().map(|_| empty.clone()))
            .chain([one_row(&fw).cells.join(",")])
            .map(|l| l + "\n")
            .collect();
        let err = refusal(&wiped, |t| t);
        assert!(err.message.contains("did not read back as expected"), "{}", err.message);
    }

    #[test]
    fn self_check_refuses_a_rewrite_that_drops_or_alters_a_cell() {
        let err = refusal("{OLD}", |t| t);
        assert!(err.message.contains("rows where"), "a missing new row: {}", err.message);
        let err = refusal("{OLD}{NEW}", |t| t.replacen("Attendance lists", "Attendance list", 1));
        assert!(err.message.contains("differs"), "an altered source: {}", err.message);
        let err = refusal("{OLD}{NEW}", |t| t.replacen("l.mejia", "", 1));
        assert!(err.message.contains("differs"), "a lost recorded_by: {}", err.message);
        let err = refusal("{OLD}{NEW}x;y\r\n", |t| t);
        assert!(err.message.contains("cells"), "a malformed row: {}", err.message);
    }

    #[test]
    fn render_keeps_the_dialect_and_passes_the_self_check() {
        let (_tmp, fw, ledger, sources) = semicolon_copy();
        let id = ledger_id(&fw, &sources);
        let old = sources.get(id).text.clone();
        let row = one_row(&fw);
        let text = render(Some(&old), &canonical_header(&fw), std::slice::from_ref(&row)).expect("render");
        assert!(text.starts_with(&old), "the old text is kept byte for byte");
        assert!(text[old.len()..].ends_with("\"new; with a separator\";;2014-03-01T10:00:00.000Z;tester\r\n"));
        let expected: Vec<RowImage> = images_of(&ledger, id).into_iter().chain([row.image()]).collect();
        let path = measurements_dir(&fw).join(LEDGER_FILE);
        write_ledger_file(&fw, &path, &text, &expected).expect("a faithful rewrite is written");
        assert_eq!(fs::read_to_string(&path).expect("read"), text);
        no_temp_left(&measurements_dir(&fw));
    }

    #[test]
    fn stale_temp_names_are_recognised_exactly() {
        assert!(is_temp_of(".ledger.csv.123.tmp", "ledger.csv"));
        assert!(!is_temp_of(".ledger.csv..tmp", "ledger.csv"));
        assert!(!is_temp_of(".ledger.csv.12a.tmp", "ledger.csv"));
        assert!(!is_temp_of("ledger.csv.123.tmp", "ledger.csv"));
        assert!(!is_temp_of(".other.csv.123.tmp", "ledger.csv"));
    }
}
