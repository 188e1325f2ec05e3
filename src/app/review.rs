//! The approval queue of a framework with `approval: true`: the values
//! waiting for review, each beside the value it would replace, and the
//! approver's decisions, appended to the ledger like every change (the
//! terminal's `pending` and `approve`, the web's queue, the JSON API).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Done, Failure, FailureKind, Opened, Result};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::ledger::row::{Review, RowFields, RowParser, timestamp_text};
use crate::ledger::write::{NewRow, Outcome, commit, now, recorder, unknown_recorder};
use crate::ledger::{Entry, Ledger};
use crate::model::{Framework, MAX_DIMENSIONS};
use crate::source::Sources;

/// A value waiting for review.
#[derive(Debug, Clone, Serialize)]
pub struct Pending {
    /// A stable id of the pending row (from its key and `recorded_at`).
    pub id: String,
    pub indicator: String,
    pub period: String,
    /// `sex=women, country=GT`, or `total`.
    pub breakdown: String,
    pub value: String,
    pub comment: String,
    pub recorded_by: String,
    pub recorded_at: String,
    /// The value in force it would replace, if any.
    pub replaces: Option<InForce>,
    /// Ledger index of the pending row.
    #[serde(skip)]
    pub row: u32,
}

/// The value in force for a key.
#[derive(Debug, Clone, Serialize)]
pub struct InForce {
    pub value: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// The id of a pending row: 12 hex digits of a 64-bit FNV-1a hash of its
/// key and `recorded_at` (unique: two rows of one key never share a time).
fn id_of(fw: &Framework, e: &Entry) -> String {
    let text = format!(
        "{}|{}|{}|{}",
        fw.indicators[e.indicator as usize].id,
        e.period,
        e.dims.describe(fw),
        e.recorded_at.map(timestamp_text).unwrap_or_default()
    );
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:012x}", h >> 16)
}

fn describe(fw: &Framework, ledger: &Ledger, i: u32) -> Pending {
    let e = &ledger.entry(i);
    let s = |x: u32| ledger.str(x).unwrap_or("").to_string();
    Pending {
        id: id_of(fw, e),
        indicator: fw.indicators[e.indicator as usize].id.clone(),
        period: e.period.to_string(),
        breakdown: e.dims.describe(fw),
        value: crate::format::value(&e.value),
        comment: s(e.comment),
        recorded_by: s(e.recorded_by),
        recorded_at: e.recorded_at.map(timestamp_text).unwrap_or_default(),
        replaces: None,
        row: i,
    }
}

/// The values waiting for review, sorted by indicator, period and
/// breakdown, each with the value in force it would replace.
pub fn queue(o: &Opened) -> Result<Vec<Pending>> {
    let fw = &o.framework;
    let ledger = &o.ledger;
    let current: std::collections::HashMap<_, u32> = ledger
        .current(None)
        .into_iter()
        .map(|i| (ledger.entry(i).key(), i))
        .collect();
    let items = ledger
        .pending(None)
        .into_iter()
        .map(|i| {
            let mut p = describe(fw, ledger, i);
            p.replaces = current.get(&ledger.entry(i).key()).map(|&c| {
                let e = &ledger.entry(c);
                InForce {
                    value: crate::format::value(&e.value),
                    recorded_by: ledger.str(e.recorded_by).unwrap_or("").to_string(),
                    recorded_at: e.recorded_at.map(timestamp_text).unwrap_or_default(),
                }
            });
            p
        })
        .collect();
    Ok(Done::new(items, o.warnings(), o.sources.clone()))
}

/// An approver's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

/// Decide on the pending values named by `ids` (all of them when `ids`
/// is empty and `all` is set), all or none: an unknown id writes nothing.
/// A rejection needs a note the enterer will read.
pub fn decide(
    o: &Opened,
    ids: &[String],
    all: bool,
    decision: Decision,
    note: &str,
    by: Option<&str>,
) -> Result<Outcome> {
    let fw = &o.framework;
    let ledger = &o.ledger;
    let queue: Vec<Pending> = ledger
        .pending(None)
        .into_iter()
        .map(|i| describe(fw, ledger, i))
        .collect();
    if decision == Decision::Reject && note.trim().is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("a rejection needs a comment")
                .expected("a comment saying what to fix, e.g. --comment \"the GT figure counts Q3 too\"")
                .found("none")
                .hint("the person who entered the value reads it beside the value"),
        ));
    }
    let chosen: Vec<&Pending> = if all && ids.is_empty() {
        queue.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for id in ids {
            match queue.iter().find(|p| &p.id == id) {
                Some(p) => chosen.push(p),
                None => {
                    return Err(Failure::usage(
                        Diagnostic::error(format!("no value waiting for review has the id `{id}`"))
                            .expected("an id listed by `logframe pending`")
                            .found(id.clone())
                            .hint(
                                did_you_mean(id, queue.iter().map(|p| p.id.as_str())).unwrap_or_else(|| {
                                    if queue.is_empty() {
                                        "nothing is waiting for review".into()
                                    } else {
                                        "it may have been decided already: run `logframe pending` again".into()
                                    }
                                }),
                            ),
                    ));
                }
            }
        }
        chosen
    };
    if chosen.is_empty() {
        return Err(Failure::usage(
            Diagnostic::error("no value to decide on")
                .expected("ids of values waiting for review, or --all")
                .found(if queue.is_empty() { "an empty queue" } else { "no id" })
                .hint("`logframe pending FRAMEWORK` lists them"),
        ));
    }
    let at = now().map_err(Failure::usage)?;
    let reviewer = recorder(by).ok_or_else(|| Failure::usage(unknown_recorder()))?;
    let review = match decision {
        Decision::Approve => Review::Approved,
        Decision::Reject => Review::Rejected,
    };
    let mut parser = RowParser::new(fw);
    let mut rows = Vec::new();
    for p in chosen {
        let e = &ledger.entry(p.row);
        let row = decision_row(fw, ledger, &mut parser, e, at).map_err(|d| Failure {
            kind: FailureKind::Findings,
            diagnostics: Diagnostics(vec![d]),
            sources: Sources::default(),
            note: None,
        })?;
        let of = e.recorded_at.unwrap_or(at);
        rows.push(row.decided(review, of, &reviewer, note));
    }
    match commit(fw, Sources::default(), rows, false, crate::compute::sum::add) {
        Ok(c) => Ok(Done::new(c.outcome, c.warnings, c.sources)),
        Err((sources, diags)) => Err(Failure::from_diagnostics(diags, sources)),
    }
}

/// The pending row's copy, stamped `at`, that carries the decision.
fn decision_row(
    fw: &Framework,
    ledger: &Ledger,
    parser: &mut RowParser,
    e: &Entry,
    at: DateTime<Utc>,
) -> std::result::Result<NewRow, Diagnostic> {
    let s = |x: u32| ledger.str(x).unwrap_or("");
    let crate::model::value::Typed {
        value,
        numerator,
        denominator,
        score,
    } = e.value.typed();
    let indicator = fw.indicators[e.indicator as usize].id.clone();
    let period = e.period.to_string();
    let dim_texts: Vec<String> = (0..MAX_DIMENSIONS)
        .map(|d| match (fw.disaggregations.get(d), e.dims.0[d]) {
            (Some(dim), v) if v != crate::ledger::row::TOTAL => dim.values[v as usize].clone(),
            _ => String::new(),
        })
        .collect();
    let mut dims: [&str; MAX_DIMENSIONS] = [""; MAX_DIMENSIONS];
    for (d, t) in dim_texts.iter().enumerate() {
        dims[d] = t;
    }
    let fields = RowFields {
        indicator: &indicator,
        period: &period,
        value: &value,
        numerator: &numerator,
        denominator: &denominator,
        score: &score,
        dims,
        comment: s(e.comment),
        source: s(e.source),
        recorded_at: "",
        recorded_by: s(e.recorded_by),
        review: "",
        review_of: "",
        reviewed_by: "",
        review_note: "",
    };
    let parsed = parser.parse(&fields).map_err(|errors| {
        errors
            .into_iter()
            .next()
            .map(|e| e.diagnostic)
            .unwrap_or_else(|| Diagnostic::error("the pending value no longer reads"))
    })?;
    Ok(NewRow::new(fw, parsed, &fields, at, s(e.recorded_by)))
}
