//! The evaluator's workbook as a model (`logframe evaluate`): the
//! tracking table of `compare` with status counts by level, what explains
//! each indicator's figures, the whole ledger trail and the data-quality
//! rates. Nothing here computes a figure: the table is `compare`'s, the
//! rates are `compute::quality_rates`'s; this module counts statuses and
//! lists rows.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::compare::Compare;
use crate::compute::Status;
use crate::compute::quality_rates::QualityRates;
use crate::ledger::Ledger;
use crate::ledger::review::{RowState, state};
use crate::model::{Framework, Period, Value};
use crate::source::Sources;

/// Everything the workbook shows.
#[derive(Debug)]
pub struct Evaluation {
    pub compare: Compare,
    /// One line per level of the results chain that has indicators.
    pub levels: Vec<LevelCounts>,
    /// The outcome levels together, then the output levels together (each
    /// when there is one).
    pub kinds: Vec<LevelCounts>,
    /// What explains each indicator's figures, by indicator id.
    pub notes: BTreeMap<String, IndicatorNotes>,
    /// Every ledger row known at `as_of`, by key then precedence.
    pub history: Vec<HistoryRow>,
    pub quality: QualityRates,
}

/// The life-of-project statuses of one level's indicators, counted.
#[derive(Debug, Clone)]
pub struct LevelCounts {
    pub level: String,
    /// An output level (its name says `output`), else an outcome level.
    pub output: bool,
    pub indicators: usize,
    pub by_status: BTreeMap<Status, usize>,
}

/// The team's words on an indicator's latest figures.
#[derive(Debug, Clone, Default)]
pub struct IndicatorNotes {
    /// The latest measured period shown, whose comments these are.
    pub period: Option<Period>,
    /// The comments of the rows in force for that period, each once.
    pub comments: Vec<String>,
    /// The narrative's paragraphs (for the last period shown) that name
    /// the indicator.
    pub narrative: Vec<String>,
}

/// One ledger row as the history sheet shows it.
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub indicator: String,
    pub period: Period,
    pub breakdown: String,
    pub value: Value,
    pub recorded_at: Option<DateTime<Utc>>,
    pub recorded_by: String,
    pub source: String,
    pub comment: String,
    /// `file:line` of the row.
    pub origin: String,
    pub state: RowState,
}

/// The life-of-project statuses of each level's indicators, counted.
pub fn level_counts(fw: &Framework, c: &Compare) -> Vec<LevelCounts> {
    fw.levels
        .iter()
        .enumerate()
        .filter_map(|(depth, level)| {
            let mut by_status = BTreeMap::new();
            let mut n = 0;
            for i in c
                .results
                .iter()
                .filter(|r| r.depth == depth)
                .flat_map(|r| &r.indicators)
            {
                *by_status.entry(i.life.status).or_insert(0) += 1;
                n += 1;
            }
            (n > 0).then(|| LevelCounts {
                level: level.clone(),
                output: level.to_lowercase().contains("output"),
                indicators: n,
                by_status,
            })
        })
        .collect()
}

/// The counts of the outcome levels together, then of the output levels.
pub fn kind_totals(levels: &[LevelCounts]) -> Vec<LevelCounts> {
    [false, true]
        .into_iter()
        .filter_map(|output| {
            let mut total = LevelCounts {
                level: String::new(),
                output,
                indicators: 0,
                by_status: BTreeMap::new(),
            };
            for l in levels.iter().filter(|l| l.output == output) {
                total.indicators += l.indicators;
                for (s, n) in &l.by_status {
                    *total.by_status.entry(*s).or_insert(0) += n;
                }
            }
            (total.indicators > 0).then_some(total)
        })
        .collect()
}

/// Every row of the ledger known at `as_of` (by key, then precedence),
/// with its state.
pub fn history_rows(
    fw: &Framework,
    ledger: &Ledger,
    sources: &Sources,
    as_of: Option<DateTime<Utc>>,
) -> Vec<HistoryRow> {
    let rows = ledger.trail(as_of);
    let mut in_force = ledger.current(as_of);
    in_force.sort_unstable();
    let pending = ledger.pending(as_of);
    let text = |i: u32| ledger.str(i).unwrap_or("").to_string();
    rows.iter()
        .map(|&i| {
            let e = ledger.entry(i);
            HistoryRow {
                indicator: fw.indicators[e.indicator as usize].id.clone(),
                period: e.period,
                breakdown: e.dims.describe(fw),
                value: e.value.clone(),
                recorded_at: e.recorded_at,
                recorded_by: text(e.recorded_by),
                source: text(e.source),
                comment: text(e.comment),
                origin: crate::ledger::origin_text(sources, e.origin),
                state: state(ledger, &rows, &in_force, &pending, i),
            }
        })
        .collect()
}
