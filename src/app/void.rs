//! Withdrawing a wrong value (`logframe void`): a row of its own, appended
//! like every change, that copies the value in force and marks it `void`
//! with the reason (`review_note`) and the withdrawn row's `recorded_at`
//! (`review_of`). The key then has no value anywhere (status, report,
//! compare, IATI read the values in force); `history` shows the withdrawal
//! with its reason; recording the key again brings a value back.

use super::{Done, Failure, FailureKind, Result};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{RowFields, RowParser, timestamp_text};
use crate::ledger::write::{NewRow, Outcome, commit, now, recorder, unknown_recorder};
use crate::ledger::{DimKey, Key, Ledger};
use crate::model::Framework;
use crate::source::Sources;

/// The value to withdraw, as typed, and why.
#[derive(Debug, Default, Clone)]
pub struct Request {
    pub indicator: String,
    pub period: String,
    /// Disaggregation name and value, e.g. ("country", "GT").
    pub dims: Vec<(String, String)>,
    pub reason: String,
}

#[derive(Debug, Default, Clone)]
pub struct Options {
    /// Who withdraws (default: `$LOGFRAME_USER`; one of the two is required).
    pub by: Option<String>,
    /// Check only; write nothing.
    pub dry_run: bool,
}

/// Withdraw the value in force for the request's key.
pub fn void(fw: &Framework, req: &Request, opts: &Options) -> Result<Outcome> {
    let reason = req.reason.trim();
    if reason.is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("--reason is empty")
                .expected("why the value is withdrawn, e.g. --reason \"typed as a day; the quarter is 2023-Q4\"")
                .found("an empty reason")
                .hint("the reason stays in the ledger's trail and in `history`"),
        ));
    }
    let key = key_of(fw, req).map_err(Failure::usage)?;
    let mut sources = Sources::default();
    let (ledger, diags) = Ledger::load(fw, &mut sources);
    if diags.has_errors() {
        return Err(Failure::from_diagnostics(diags, sources)
            .with_note("nothing was withdrawn: fix the ledger first (`logframe check`)"));
    }
    let Some(i) = ledger.current(None).into_iter().find(|&i| ledger.key(i) == key) else {
        let what = format!(
            "{} {} ({})",
            req.indicator.trim(),
            req.period.trim(),
            key.dims.describe(fw)
        );
        return Err(Failure {
            kind: FailureKind::Findings,
            diagnostics: Diagnostics(vec![
                Diagnostic::error(format!("no value of {what} is in force"))
                    .expected("the indicator, period and breakdown of a value in force")
                    .found(what.clone())
                    .hint(format!(
                        "see the values recorded with `logframe history {} {}`",
                        fw_name(fw),
                        req.indicator.trim()
                    )),
            ]),
            sources: Sources::default(),
            note: None,
        });
    };
    let e = ledger.entry(i);
    let typed = e.value.typed();
    let period = e.period.to_string();
    let dims = e.dims.texts(fw);
    let of = e.recorded_at.map(timestamp_text).unwrap_or_default();
    let f = RowFields {
        indicator: &fw.indicators[e.indicator as usize].id,
        period: &period,
        value: &typed.value,
        numerator: &typed.numerator,
        denominator: &typed.denominator,
        score: &typed.score,
        dims,
        comment: "",
        source: "",
        recorded_at: "",
        recorded_by: "",
        review: "void",
        review_of: &of,
        reviewed_by: "",
        review_note: reason,
    };
    // The ledger's own rules (not an entry's): an old row for a day can
    // be withdrawn even where a day would now be refused.
    let parsed = RowParser::new(fw).parse(&f).map_err(|errs| {
        Failure::from_diagnostics(
            Diagnostics(errs.into_iter().map(|e| e.diagnostic).collect()),
            Sources::default(),
        )
    })?;
    let at = now().map_err(Failure::usage)?;
    let by = recorder(opts.by.as_deref()).ok_or_else(|| Failure::usage(unknown_recorder()))?;
    let row = NewRow::new(fw, parsed, &f, at, &by);
    match commit(
        fw,
        Sources::default(),
        vec![row],
        opts.dry_run,
        crate::compute::sum::add,
    ) {
        Ok(c) => Ok(Done::new(c.outcome, c.warnings, c.sources)),
        Err((sources, diags)) => Err(Failure::from_diagnostics(diags, sources)),
    }
}

fn fw_name(fw: &Framework) -> String {
    fw.dir
        .file_name()
        .map_or_else(|| fw.project.id.clone(), |n| n.to_string_lossy().into_owned())
}

/// The key the request names: indicator, period (any form the ledger
/// reads, a day included) and breakdown.
fn key_of(fw: &Framework, req: &Request) -> std::result::Result<Key, Diagnostic> {
    let id = req.indicator.trim();
    let indicator = fw
        .indicator_index(id)
        .ok_or_else(|| crate::workspace::unknown_indicator(fw, id))?;
    let period = fw.parse_period(&req.period).map_err(|e| {
        Diagnostic::error(format!("--period: {}", e.message))
            .found(req.period.trim().to_string())
            .hint(e.hint)
    })?;
    let mut dims = DimKey::TOTAL;
    for (name, value) in &req.dims {
        let (d, v) = super::category(fw, name, value)?;
        dims.0[d] = v;
    }
    Ok(Key {
        indicator: indicator as u32,
        end: period.end,
        start: period.start,
        dims,
    })
}
