//! Recording values: one from the terminal (`record`), a grid of them from
//! the web's entry form or the JSON API. Every value passes the same row
//! rules as an import, and a batch is written all or nothing through the
//! ledger's one write path (lock, refusals, self-verifying rewrite).

use super::{Done, Failure, FailureKind, Result};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{ParsedRow, RowFields, RowParser, ambiguous_number};
use crate::ledger::write::{NewRow, Outcome, commit, now, recorder, unknown_recorder};
use crate::model::{Framework, MAX_DIMENSIONS};
use crate::source::Sources;

/// One value as a person types it: every field is text, checked here.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Entry {
    pub indicator: String,
    pub period: String,
    /// A number, yes/no for milestones, text for qualitative indicators.
    pub value: String,
    pub numerator: String,
    pub denominator: String,
    pub score: String,
    /// Disaggregation name and value, e.g. ("sex", "women").
    pub dims: Vec<(String, String)>,
    pub comment: String,
    pub source: String,
}

/// Who records, and whether to write.
#[derive(Debug, Default, Clone)]
pub struct Options {
    /// The recorder (default: `$LOGFRAME_USER`; one of the two is required).
    pub by: Option<String>,
    /// Check and classify only; write nothing.
    pub dry_run: bool,
    /// Write the values as waiting for review (an enterer's entry in a
    /// framework with `approval: true`): they count once approved.
    pub pending: bool,
    /// Replace values someone else recorded (without it, such a
    /// correction is refused, naming who recorded the value).
    pub replace: bool,
}

/// The disaggregation values of an entry in the framework's column order.
fn dims<'e>(fw: &Framework, e: &'e Entry) -> std::result::Result<[&'e str; MAX_DIMENSIONS], Diagnostic> {
    let mut out: [&str; MAX_DIMENSIONS] = [""; MAX_DIMENSIONS];
    for (name, value) in &e.dims {
        let name = name.trim();
        let i = super::disaggregation(fw, name)?;
        if !out[i].is_empty() {
            return Err(Diagnostic::error(format!("--dim {name} is given twice"))
                .expected(format!("one value for `{name}`"))
                .found(format!("{} and {}", out[i], value))
                .hint("record each breakdown as its own value"));
        }
        out[i] = value;
    }
    Ok(out)
}

fn fields<'e>(e: &'e Entry, dims: [&'e str; MAX_DIMENSIONS]) -> RowFields<'e> {
    RowFields {
        indicator: &e.indicator,
        period: &e.period,
        value: &e.value,
        numerator: &e.numerator,
        denominator: &e.denominator,
        score: &e.score,
        dims,
        comment: &e.comment,
        source: &e.source,
        recorded_at: "",
        recorded_by: "",
        review: "",
        review_of: "",
        reviewed_by: "",
        review_note: "",
    }
}

/// Check one entry by the ledger's row rules, writing nothing: the errors
/// of its fields, for a form to show beside each one.
pub fn check(fw: &Framework, e: &Entry) -> std::result::Result<ParsedRow, Vec<Diagnostic>> {
    let d = dims(fw, e).map_err(|d| vec![d])?;
    RowParser::for_entry(fw)
        .parse(&fields(e, d))
        .map_err(|errors| errors.into_iter().map(|e| e.diagnostic).collect())
}

/// Record `entries`, all or none: any entry with an error (or a refusal
/// under the lock) writes nothing. Recording the same key again is a
/// correction; a value equal to the one in force changes nothing.
pub fn record(fw: &Framework, entries: &[Entry], opts: &Options) -> Result<Outcome> {
    let mut parser = RowParser::for_entry(fw);
    let mut parsed: Vec<(ParsedRow, [&str; MAX_DIMENSIONS])> = Vec::with_capacity(entries.len());
    let mut errors = Diagnostics::default();
    for e in entries {
        let d = match dims(fw, e) {
            Ok(d) => d,
            Err(d) => return Err(Failure::usage(d)),
        };
        match parser.parse(&fields(e, d)) {
            Ok(p) => parsed.push((p, d)),
            Err(errs) => errors.extend(Diagnostics(errs.into_iter().map(|e| e.diagnostic).collect())),
        }
    }
    if errors.has_errors() {
        return Err(Failure {
            kind: FailureKind::Findings,
            diagnostics: errors,
            sources: Sources::default(),
            note: None,
        });
    }
    let at = now().map_err(Failure::usage)?;
    let by = recorder(opts.by.as_deref()).ok_or_else(|| Failure::usage(unknown_recorder()))?;
    // `1.250` for a number reads as 1.25; where a point groups thousands it
    // means 1250: said, not refused.
    let warnings = Diagnostics(
        entries
            .iter()
            .zip(&parsed)
            .filter_map(|(e, (p, _))| ambiguous_number(fw.indicators[p.indicator as usize].kind, &e.value))
            .collect(),
    );
    let rows: Vec<NewRow> = entries
        .iter()
        .zip(parsed)
        .map(|(e, (p, d))| {
            let row = NewRow::new(fw, p, &fields(e, d), at, &by).replacing(opts.replace);
            if opts.pending { row.pending() } else { row }
        })
        .collect();
    // A total that disagrees with its parts comes back as a warning (or,
    // over other people's parts, as a refusal).
    match commit(fw, Sources::default(), rows, opts.dry_run, crate::compute::sum::add) {
        Ok(c) => {
            let mut all = warnings;
            all.extend(c.warnings);
            Ok(Done::new(c.outcome, all, c.sources))
        }
        Err((sources, diags)) => Err(Failure::from_diagnostics(diags, sources)),
    }
}
