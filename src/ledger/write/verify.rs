//! The read-back self-check: the rewritten file is parsed with the parser
//! `Ledger::load` uses and compared, row by row and cell by cell, with the
//! rows read before plus the new ones ([`RowImage`]s, borrowed so that a
//! large ledger is compared without copying its texts). Any difference
//! refuses the write and leaves the old file.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::LEDGER_FILE;
use crate::diag::Diagnostic;
use crate::ledger::read::read_csv_text;
use crate::ledger::row::{Review, RowParser};
use crate::ledger::{Entry, Key, Ledger};
use crate::model::{Framework, Value};
use crate::source::{FileId, Sources};

/// Everything of a row that must survive a rewrite (borrowed: a ledger of
/// a million rows is compared without copying its texts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RowImage<'a> {
    pub(super) key: Key,
    pub(super) value: std::borrow::Cow<'a, Value>,
    pub(super) recorded_at: Option<DateTime<Utc>>,
    pub(super) comment: &'a str,
    pub(super) source: &'a str,
    pub(super) recorded_by: &'a str,
    pub(super) review: Review,
    pub(super) review_of: Option<DateTime<Utc>>,
    pub(super) reviewed_by: &'a str,
    pub(super) review_note: &'a str,
}

impl<'a> RowImage<'a> {
    pub(super) fn of(ledger: &'a Ledger, e: Entry) -> RowImage<'a> {
        let s = |i: u32| ledger.str(i).unwrap_or("");
        RowImage {
            key: e.key(),
            value: std::borrow::Cow::Owned(e.value),
            recorded_at: e.recorded_at,
            comment: s(e.comment),
            source: s(e.source),
            recorded_by: s(e.recorded_by),
            review: e.review,
            review_of: e.review_of,
            reviewed_by: s(e.reviewed_by),
            review_note: s(e.review_note),
        }
    }
}

/// The rows of one ledger file, in order.
pub(super) fn images_of(ledger: &Ledger, file: FileId) -> Vec<RowImage<'_>> {
    ledger
        .entries()
        .filter(|e| e.origin.file == file)
        .map(|e| RowImage::of(ledger, e))
        .collect()
}

/// Re-read the file at `tmp` with the parser `Ledger::load` uses and
/// compare it, row by row and cell by cell, with `expected` (the rows read
/// before the write, then the new rows). Any difference, or any problem the
/// parser finds, refuses the write.
pub(super) fn verify(fw: &Framework, tmp: &Path, expected: &[RowImage]) -> Result<(), Diagnostic> {
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
    let got: Vec<RowImage> = ledger.entries().map(|e| RowImage::of(&ledger, e)).collect();
    if got.len() != expected.len() {
        return Err(refuse(format!(
            "{} rows where {} were expected",
            got.len(),
            expected.len()
        )));
    }
    match got
        .iter()
        .zip(expected)
        .zip(ledger.entries())
        .find(|((g, x), _)| g != x)
    {
        Some((_, e)) => Err(refuse(format!(
            "line {} differs from the row it should hold",
            e.origin.line
        ))),
        None => Ok(()),
    }
}
