//! Writing to the ledger: `record` and `import`.
//!
//! A write takes an exclusive lock on `measurements/.lock`, removes the
//! temporary files a killed writer left behind, cuts back an append a
//! killed writer left unfinished ([`append`]), re-reads the ledger (only
//! the rows of the indicators written, when they will be appended), and
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
//!
//! When the file's header is already the canonical one and the new rows
//! are few (a `record`, a small import: at most 32 rows and 4 kB), they are
//! appended in place instead ([`append`]): one write at the end of the file,
//! fsynced, read back and compared, with a marker that lets the next writer
//! cut back a torn append. Recording one value then costs the same whatever
//! the ledger's size, apart from reading the rows of its indicator.
//!
//! The parts: [`new_row`] (the row and its stamp), [`append`] (the append), [`refusals`] (rows
//! refused for the whole batch), [`overlaps`] (a period overlapping another
//! value's: refused, not added up), [`others`] (a value someone else
//! recorded, replaced only with `--replace`), [`totals`] (a total that
//! disagrees with its parts: refused over other people's parts, else a
//! warning), [`classify`] (what each row does),
//! [`dialect`] (the new text in the file's dialect), [`replace`] (the
//! atomic rewrite), [`verify`] (the read-back self-check) and
//! [`import_rows`] (an import file's rows). This file holds the commit
//! under the lock that runs them in order.

mod append;
mod classify;
mod dialect;
mod import_rows;
mod new_row;
mod others;
mod overlaps;
mod refusals;
mod replace;
mod totals;
mod verify;

use std::fs::{self, File, OpenOptions};
use std::path::Path;

use chrono::Utc;
use rustc_hash::FxHashSet;

pub use classify::{ChangeKind, Outcome};
pub(crate) use import_rows::import_rows;
pub(crate) use new_row::{NewRow, now, recorder, unknown_recorder, unrecorded_rows};
pub(crate) use totals::Add;

use super::read::{REVIEW_COLUMNS, header_with};
use super::row::Review;
use super::{Ledger, measurements_dir};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;
use classify::classify;
use dialect::render;
use refusals::{future_rows, ties};
use replace::{remove_stale_temps, write_ledger_file, write_target};
use verify::{RowImage, images_of};

/// The one file `record` and `import` write.
const LEDGER_FILE: &str = "ledger.csv";

type Failure = (Sources, Diagnostics);

fn failure(sources: Sources, d: Diagnostic) -> Failure {
    let mut diags = Diagnostics::default();
    diags.push(d);
    (sources, diags)
}

fn io_error(what: String, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("{what}: {e}")).hint("check that the framework folder is writable")
}

/// What a commit did, with the warnings of the write (a total that does
/// not add up to its parts) and the files they point into (the import
/// file and the ledger's).
#[derive(Debug)]
pub(crate) struct Committed {
    pub outcome: Outcome,
    pub warnings: Diagnostics,
    pub sources: Sources,
}

/// Append `rows` to the ledger under the lock. `sources` holds the import
/// file the rows come from (empty for `record`); the ledger's files are
/// added to it so that diagnostics can name both. Rows identical to the
/// value in force are skipped. Nothing is written when `dry_run` is set,
/// when the ledger itself has errors, or when any row is refused. `add`
/// is how values of one indicator add up (`compute::sum::add`), for
/// comparing totals with their parts.
pub(crate) fn commit(
    fw: &Framework,
    mut sources: Sources,
    rows: Vec<NewRow>,
    dry_run: bool,
    add: Add,
) -> Result<Committed, Failure> {
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
    let path = dir.join(LEDGER_FILE);
    if !dry_run && let Err(d) = write_target(&path).and_then(|t| append::repair_torn_append(&t)) {
        return Err(failure(sources, d));
    }
    // A few rows to append to a file with the canonical header: only the
    // rows of their indicators are kept from the ledger (they are all that
    // refusals and classification look at).
    let review_rows = rows.iter().any(|r| r.review != Review::None);
    let only: Option<FxHashSet<u32>> = (rows.len() <= append::MAX_ROWS
        && append::can_append(
            &path,
            |review| header_with(fw, review),
            fw.project.approval || review_rows,
        ))
    .then(|| rows.iter().map(|r| r.parsed.indicator).collect());
    let (ledger, diags) = Ledger::load_only(fw, &mut sources, only.as_ref());
    if diags.has_errors() {
        let mut d = diags;
        d.push(
            Diagnostic::error("the ledger has errors, so nothing was written")
                .hint("fix the rows above (`logframe check`), then record again"),
        );
        return Err((sources, d));
    }
    let file = sources.files().find(|(_, f)| f.path == path).map(|(id, _)| id);
    let mut refused = future_rows(&rows, &sources, Utc::now());
    // A clock in the future is said alone (whose value a row replaces
    // depends on its time).
    let future = refused.has_errors();
    refused.extend(ties(fw, &ledger, &sources, file, &rows));
    refused.extend(overlaps::overlapping(fw, &ledger, &sources, &rows));
    let mut warnings = Diagnostics::default();
    if !future {
        refused.extend(others::others_values(fw, &ledger, &sources, &rows));
        let totals = totals::disagreeing(fw, &ledger, &sources, &rows, add);
        refused.extend(totals.errors);
        warnings = totals.warnings;
    }
    if refused.has_errors() {
        refused.extend(warnings);
        refused.push(
            Diagnostic::error("nothing was written").hint("fix or remove the rows above, then record or import again"),
        );
        return Err((sources, refused));
    }
    let (outcome, fresh) = classify(fw, &ledger, &sources, &path, rows);
    if !dry_run && !fresh.is_empty() {
        // Having read only some rows, the write looks only at the header
        // and the last line end (a rewrite reads the whole ledger again).
        let outline = file.filter(|_| only.is_some()).map(|id| sources.get(id).text.outline());
        let old = match &outline {
            Some(o) => Some(&**o),
            None => file.map(|id| sources.get(id).text.as_str()),
        };
        // The review columns: when the framework asks for approval, when
        // the file has them already (never dropped), or when a row needs them.
        let review = fw.project.approval
            || old.is_some_and(has_review_columns)
            || fresh.iter().any(|r| r.review != Review::None);
        let fresh: Vec<NewRow> = if review {
            fresh.into_iter().map(NewRow::with_review_cells).collect()
        } else {
            fresh
        };
        let header = header_with(fw, review);
        let written = match old.and_then(|t| append::appended_text(t, &header, &fresh)) {
            // The header is canonical already: the rows go at the end.
            Some(tail) => {
                let expected: Vec<RowImage> = fresh.iter().map(NewRow::image).collect();
                let head = append::header_line(old.unwrap_or_default());
                write_target(&path).and_then(|t| append::append(fw, &t, head, &tail, &expected))
            }
            None if only.is_none() => {
                let expected: Vec<RowImage> = file
                    .map(|id| images_of(&ledger, id))
                    .unwrap_or_default()
                    .into_iter()
                    .chain(fresh.iter().map(NewRow::image))
                    .collect();
                render(old, &header, &fresh)
                    .map_err(|e| Diagnostic::error(format!("cannot render the ledger: {e}")))
                    .and_then(|text| write_ledger_file(fw, &path, &text, &expected))
            }
            // Too large to append after all: the rewrite needs every row.
            None => rewrite_whole(fw, &path, &header, &fresh),
        };
        if let Err(d) = written {
            return Err(failure(sources, d));
        }
    }
    drop(lock);
    Ok(Committed {
        outcome,
        warnings,
        sources,
    })
}

/// The atomic rewrite of `ledger.csv` with `fresh` added, reading the whole
/// ledger again (when only some of its rows were read).
fn rewrite_whole(fw: &Framework, path: &Path, header: &[String], fresh: &[NewRow]) -> Result<(), Diagnostic> {
    let mut sources = Sources::default();
    let (ledger, diags) = Ledger::load(fw, &mut sources);
    if let Some(d) = diags.0.into_iter().find(|d| d.is_error()) {
        return Err(d);
    }
    let file = sources.files().find(|(_, f)| f.path == path).map(|(id, _)| id);
    let old = file.map(|id| sources.get(id).text.as_str());
    let expected: Vec<RowImage> = file
        .map(|id| images_of(&ledger, id))
        .unwrap_or_default()
        .into_iter()
        .chain(fresh.iter().map(NewRow::image))
        .collect();
    render(old, header, fresh)
        .map_err(|e| Diagnostic::error(format!("cannot render the ledger: {e}")))
        .and_then(|text| write_ledger_file(fw, path, &text, &expected))
}

/// Whether a ledger file's header names a review column.
pub(super) fn has_review_columns(text: &str) -> bool {
    let d = super::read::CsvDialect::of(text);
    d.first_line
        .split(char::from(d.delimiter))
        .any(|c| REVIEW_COLUMNS.contains(&c.trim().trim_matches('"').to_ascii_lowercase().as_str()))
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

#[cfg(test)]
mod tests {
    //! The self-check is what stands between a rewrite bug and a wiped
    //! ledger: these tests inject broken rewrites and expect a refusal that
    //! leaves the old file byte for byte.

    use chrono::DateTime;

    use super::dialect::{finish, writer};
    use super::replace::is_temp_of;
    use super::*;
    use crate::ledger::read::canonical_header;
    use crate::ledger::row::{RowFields, RowParser};
    use crate::source::FileId;
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

    fn row_at(fw: &Framework, value: &str, at: &str) -> NewRow {
        let f = RowFields {
            indicator: "OBJ.1",
            period: "2013-H2",
            value,
            ..RowFields::default()
        };
        let Ok(parsed) = RowParser::new(fw).parse(&f) else {
            panic!("OBJ.1 2013-H2 {value} is a good row")
        };
        let at = DateTime::parse_from_rfc3339(at).expect("time").with_timezone(&Utc);
        // A total over c.rojas's country parts (they add up to 9): written
        // only as a coordinator who knows better would (`--replace`).
        NewRow::new(fw, parsed, &f, at, "tester").replacing(true)
    }

    #[test]
    fn record_appends_in_place_and_the_next_writer_cuts_a_torn_append() {
        let (_tmp, fw, ledger, _) = semicolon_copy();
        let path = measurements_dir(&fw).join(LEDGER_FILE);
        let old = fs::read(&path).expect("read");
        let rows = vec![row_at(&fw, "10", "2014-03-01T10:00:00Z")];
        commit(&fw, Sources::default(), rows, false, crate::compute::sum::add).expect("recorded");
        let once = fs::read(&path).expect("read");
        assert!(once.starts_with(&old), "the old bytes are kept");
        assert!(
            once.ends_with(b";;2014-03-01T10:00:00.000Z;tester\r\n"),
            "{}",
            String::from_utf8_lossy(&once)
        );
        // A writer killed mid-append: its marker names the length before,
        // and half a row is left at the end.
        fs::write(measurements_dir(&fw).join(".ledger.csv.append"), once.len().to_string()).expect("marker");
        let mut torn = once.clone();
        torn.extend_from_slice(b"OBJ.1;2013-H2;99");
        fs::write(&path, &torn).expect("torn");
        let rows = vec![row_at(&fw, "11", "2014-03-02T10:00:00Z")];
        let outcome =
            commit(&fw, Sources::default(), rows, false, crate::compute::sum::add).expect("recorded after the repair");
        let twice = fs::read(&path).expect("read");
        assert!(
            twice.starts_with(&once),
            "the torn bytes are gone, the rows before kept"
        );
        assert!(!String::from_utf8_lossy(&twice).contains(";99"), "the torn row is cut");
        assert!(twice.ends_with(b";;2014-03-02T10:00:00.000Z;tester\r\n"));
        assert!(
            !measurements_dir(&fw).join(".ledger.csv.append").exists(),
            "the marker is removed"
        );
        assert_eq!(outcome.outcome.corrections, 1);
        let loaded = workspace::load(&fw.dir);
        assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.ledger.len(), ledger.len() + 2);
    }

    #[test]
    fn a_few_rows_too_large_to_append_are_written_by_the_rewrite() {
        let (_tmp, fw, ledger, _) = semicolon_copy();
        let path = measurements_dir(&fw).join(LEDGER_FILE);
        let old = fs::read(&path).expect("read");
        let long = "x".repeat(5000);
        let f = RowFields {
            indicator: "OBJ.1",
            period: "2013-H2",
            value: "12",
            comment: &long,
            ..RowFields::default()
        };
        let Ok(parsed) = RowParser::new(&fw).parse(&f) else {
            panic!("a good row")
        };
        let at = DateTime::parse_from_rfc3339("2014-03-03T10:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        // Over c.rojas's parts (9): with `--replace`, as in `row_at`.
        let row = NewRow::new(&fw, parsed, &f, at, "tester").replacing(true);
        commit(&fw, Sources::default(), vec![row], false, crate::compute::sum::add).expect("recorded");
        let now = fs::read(&path).expect("read");
        assert!(now.starts_with(&old), "the old bytes are kept");
        assert!(String::from_utf8_lossy(&now).contains(&long));
        let loaded = workspace::load(&fw.dir);
        assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.ledger.len(), ledger.len() + 1);
        no_temp_left(&measurements_dir(&fw));
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
