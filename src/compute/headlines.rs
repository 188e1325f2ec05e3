//! Which indicators a report names as its headline achievements, by one
//! rule the report states under its heading, so that a reader can check
//! the choice and no indicator is praised while it slips:
//!
//! 1. indicators that reached their end-of-project target this period
//!    (achieved now, not at the previous reporting period), milestones
//!    done this period among them;
//! 2. then milestones done before;
//! 3. then outputs at or above their target in force (percent of the
//!    target in force of at least 100), achieved or on track;
//!
//! never an indicator whose to-date figure moved away from its target
//! since the previous reporting period, nor a level that fell back below
//! an end target it had reached. Within a kind, the largest percent of the
//! end-of-project target first, then logframe order; at most [`MAX`].

use rust_decimal::Decimal;
use serde::Serialize;

use super::progress::Progress;
use super::status::{Reason, Status};
use crate::model::{Direction, Indicator, IndicatorType, Period, Value};

/// At most this many headlines.
pub const MAX: usize = 3;

/// Why an indicator is a headline, in the rule's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Achieved at this period, not at the previous one.
    NewlyAchieved,
    /// A milestone done in an earlier period.
    MilestoneDone,
    /// An output at or above its target in force.
    OutputOnTarget,
}

/// One indicator as the rule sees it.
pub struct Candidate<'a> {
    pub indicator: &'a Indicator,
    /// At the framework's last (output) level.
    pub is_output: bool,
    pub now: &'a Progress,
    /// Its figures at the previous reporting period, if there is one.
    pub before: Option<&'a Progress>,
}

/// The reporting period just before `period`: the latest one ending
/// before `period` starts.
pub fn previous_period(reporting: &[Period], period: &Period) -> Option<Period> {
    reporting
        .iter()
        .filter(|r| r.end < period.start)
        .max_by_key(|r| r.end)
        .copied()
}

/// True when the to-date figure moved away from the target since
/// `before`: down for an indicator that should increase, up for one that
/// should decrease. Undefined figures never count as a fall.
pub fn fell_since(ind: &Indicator, before: &Progress, now: &Progress) -> bool {
    let figure = |p: &Progress| p.to_date_actual.as_ref().and_then(Value::figure);
    match (figure(before), figure(now)) {
        (Some(b), Some(n)) => moved_back(ind.direction, b, n),
        _ => false,
    }
}

fn moved_back(direction: Direction, before: Decimal, now: Decimal) -> bool {
    match direction {
        Direction::Increase => now < before,
        Direction::Decrease => now > before,
    }
}

/// The kind of headline one indicator makes, if any.
pub fn kind(c: &Candidate) -> Option<Kind> {
    let now = c.now;
    if c.before.is_some_and(|b| fell_since(c.indicator, b, now)) || matches!(now.reason, Reason::FellBack { .. }) {
        return None;
    }
    let achieved_before = c.before.is_some_and(|b| b.status == Status::Achieved);
    let milestone = c.indicator.kind == IndicatorType::Milestone;
    match now.status {
        Status::Achieved if !achieved_before => Some(Kind::NewlyAchieved),
        Status::Achieved if milestone => Some(Kind::MilestoneDone),
        Status::Achieved | Status::OnTrack
            if c.is_output && !milestone && now.percent_to_date.is_some_and(|p| p >= Decimal::ONE_HUNDRED) =>
        {
            Some(Kind::OutputOnTarget)
        }
        _ => None,
    }
}

/// The headlines among `candidates` (in logframe order): their indexes
/// and kinds, in the order the report lists them.
pub fn choose(candidates: &[Candidate]) -> Vec<(usize, Kind)> {
    let mut chosen: Vec<(usize, Kind)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| kind(c).map(|k| (i, k)))
        .collect();
    // Kind first, then largest percent of the end target (undefined last),
    // then logframe order: the sort is stable and keys are total.
    chosen.sort_by_key(|&(i, k)| (k, std::cmp::Reverse(candidates[i].now.percent_of_end)));
    chosen.truncate(MAX);
    chosen
}

#[cfg(test)]
#[path = "headlines_tests.rs"]
mod tests;
