//! A row to write ([`NewRow`]) in canonical columns, stamped with the time
//! ([`now`]: `LOGFRAME_NOW` or the clock) and the recorder ([`recorder`])
//! unless it carries its own. Kept apart from the commit so that `record`
//! and `import` build rows the same way.

use chrono::{DateTime, SubsecRound, Utc};

use super::verify::RowImage;
use crate::diag::Diagnostic;
use crate::ledger::row::{ParsedRow, Review, RowFields, timestamp_text};
use crate::ledger::{Key, Origin};
use crate::model::Framework;
use crate::source::{Sources, Span};

/// Where a row to write comes from: its place in an import file (`name`
/// is how the user sees it: "line 4", a sheet's "row 5").
#[derive(Debug, Clone)]
pub(crate) struct RowFrom {
    pub origin: Origin,
    pub name: String,
}

/// A row to write, as text in canonical columns.
#[derive(Debug, Clone)]
pub(crate) struct NewRow {
    /// The typed row; `parsed.recorded_at` is the row's own time, when it
    /// carries one (an export of another ledger, a back-fill).
    pub parsed: ParsedRow,
    /// The `recorded_at` the row will have: its own, or the stamp.
    pub at: DateTime<Utc>,
    pub cells: Vec<String>,
    pub comment: String,
    pub source: String,
    pub recorded_by: String,
    /// The review state, the pending row a decision names, the reviewer's
    /// note: cells of their own, written when the header has the review
    /// columns ([`NewRow::with_review_cells`]).
    pub review: Review,
    pub review_of: Option<DateTime<Utc>>,
    pub reviewed_by: String,
    pub review_note: String,
    /// The import file's row, `None` for `record`.
    pub from: Option<RowFrom>,
    /// The writer's consent to replace a value someone else recorded
    /// (`--replace`); without it such a correction is refused.
    pub replace: bool,
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
            review: parsed.review,
            review_of: parsed.review_of,
            reviewed_by: f.reviewed_by.trim().to_string(),
            review_note: f.review_note.trim().to_string(),
            parsed,
            at,
            cells,
            comment: f.comment.trim().to_string(),
            source: f.source.trim().to_string(),
            recorded_by: who.to_string(),
            from: None,
            replace: false,
        }
    }

    /// The same row, allowed to replace a value someone else recorded.
    pub fn replacing(mut self, replace: bool) -> NewRow {
        self.replace = replace;
        self
    }

    /// The same row waiting for review.
    pub fn pending(mut self) -> NewRow {
        self.review = Review::Pending;
        self
    }

    /// The same row as a decision (approved or rejected) on the pending
    /// row recorded at `of`, by `reviewer`, with a note.
    pub fn decided(mut self, review: Review, of: DateTime<Utc>, reviewer: &str, note: &str) -> NewRow {
        self.review = review;
        self.review_of = Some(of);
        self.reviewed_by = reviewer.trim().to_string();
        self.review_note = note.trim().to_string();
        self
    }

    /// Append the review columns' cells, for a ledger whose header has them.
    pub(super) fn with_review_cells(mut self) -> NewRow {
        self.cells.extend([
            self.review.as_str().to_string(),
            self.review_of.map(timestamp_text).unwrap_or_default(),
            self.reviewed_by.clone(),
            self.review_note.clone(),
        ]);
        self
    }

    pub(super) fn key(&self) -> Key {
        Key {
            indicator: self.parsed.indicator,
            end: self.parsed.period.end,
            start: self.parsed.period.start,
            dims: self.parsed.dims,
        }
    }

    /// The row as the ledger will hold it.
    pub(super) fn image(&self) -> RowImage<'_> {
        RowImage {
            key: self.key(),
            value: std::borrow::Cow::Borrowed(&self.parsed.value),
            recorded_at: Some(self.at),
            comment: &self.comment,
            source: &self.source,
            recorded_by: &self.recorded_by,
            review: self.review,
            review_of: self.review_of,
            reviewed_by: &self.reviewed_by,
            review_note: &self.review_note,
        }
    }

    /// The import file's line, for diagnostics.
    pub(super) fn span(&self, sources: &Sources) -> Option<Span> {
        self.from.as_ref().map(|f| line_span(sources, f.origin))
    }
}

/// The time to stamp on new rows: `LOGFRAME_NOW` (RFC 3339) when set, for
/// reproducible tests and back-filling, else the clock.
pub(crate) fn now() -> Result<DateTime<Utc>, Diagnostic> {
    match std::env::var("LOGFRAME_NOW") {
        Ok(s) => crate::ledger::row::parse_timestamp(&s).ok_or_else(|| {
            Diagnostic::error("LOGFRAME_NOW is not a timestamp")
                .expected("an RFC 3339 time such as 2023-01-15T10:00:00Z")
                .found(s)
                .hint("unset it to use the clock")
        }),
        Err(_) => Ok(Utc::now()),
    }
}

/// Who is recording: `--by`, else `LOGFRAME_USER`. Not the login name
/// (`USER`): a field office's shared laptop logs in as one account for
/// several officers, and a value must say which person recorded it.
/// `None` when neither says.
pub(crate) fn recorder(by: Option<&str>) -> Option<String> {
    by.map(str::to_string)
        .or_else(|| std::env::var("LOGFRAME_USER").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// The refusal when nobody says who is recording.
pub(crate) fn unknown_recorder() -> Diagnostic {
    Diagnostic::error("who is recording these values is not known")
        .expected("your name, with --by NAME or the LOGFRAME_USER environment variable")
        .found("neither --by nor LOGFRAME_USER")
        .hint("add --by with your name (e.g. --by m.garcia), or set it once: export LOGFRAME_USER=m.garcia")
}

/// Rows of an import that carry no `recorded_by` of their own while
/// nobody said who is importing: one refusal naming them.
pub(crate) fn unrecorded_rows<'a>(rows: impl IntoIterator<Item = &'a NewRow>, sources: &Sources) -> Option<Diagnostic> {
    let missing: Vec<&NewRow> = rows.into_iter().filter(|r| r.recorded_by.is_empty()).collect();
    let first = missing.first()?;
    let mut d = unknown_recorder().found(format!(
        "{} row(s) without a recorded_by cell, and neither --by nor LOGFRAME_USER",
        missing.len()
    ));
    if let Some(from) = &first.from {
        d = d.at(line_span(sources, from.origin));
    }
    Some(d)
}

pub(super) fn line_span(sources: &Sources, o: Origin) -> Span {
    let f = sources.get(o.file);
    let start = f.offset_of(o.line as usize, 1);
    Span::new(o.file, start, start + f.line_text(o.line as usize).len())
}
