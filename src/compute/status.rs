//! Status: where an indicator stands against what was expected by then.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::Thresholds;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    /// The project has ended (the period reaches its end date) and the
    /// end-of-project target was not reached, or the milestone never done.
    NotAchieved,
    NoData,
    NotYetDue,
    NoTarget,
}

impl Status {
    /// In reading order: the graded statuses from best to worst, ending
    /// with the final verdict that can no longer change (not achieved),
    /// then the statuses that grade nothing. Summary tables and chart
    /// legends follow it.
    pub const ALL: [Status; 8] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NotAchieved,
        Status::NoData,
        Status::NotYetDue,
        Status::NoTarget,
    ];
}

/// Why an indicator has its status: the figures behind the one sentence,
/// which `locale::reason` words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The to-date figure reached the life-of-project target.
    Reached {
        #[serde(with = "rust_decimal::serde::str")]
        actual: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        target: Decimal,
    },
    MilestoneDone {
        period: crate::model::Period,
        /// The due date, when the milestone was done after it.
        late_after: Option<NaiveDate>,
    },
    MilestoneOverdue {
        due: NaiveDate,
    },
    MilestoneNotDue {
        due: NaiveDate,
    },
    /// Nothing is expected yet (the target in force is still the start).
    NothingExpectedYet {
        by: NaiveDate,
    },
    /// Progress was expected but no value was recorded.
    Missing {
        by: NaiveDate,
        #[serde(with = "rust_decimal::serde::str")]
        expected: Decimal,
    },
    /// Measured against the target in force.
    Progress {
        #[serde(with = "rust_decimal::serde::str")]
        actual: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        expected: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        start: Decimal,
        by: NaiveDate,
        /// Percent of the expected progress.
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
        thresholds: Thresholds,
    },
    /// The project has ended below its end-of-project target: `actual`
    /// is `percent` of the way from `start` to `target`.
    NotAchieved {
        #[serde(with = "rust_decimal::serde::str")]
        actual: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        target: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        start: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
        /// When a level had reached the target earlier and fell back.
        #[serde(skip_serializing_if = "Option::is_none")]
        fell: Option<Fall>,
    },
    /// A level that had reached its end-of-project target fell back below
    /// it: measured, like [`Reason::Progress`], against the target in force.
    FellBack {
        fell: Fall,
        #[serde(with = "rust_decimal::serde::str")]
        actual: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        target: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        expected: Decimal,
        #[serde(with = "rust_decimal::serde::str")]
        start: Decimal,
        by: NaiveDate,
        #[serde(with = "rust_decimal::serde::str")]
        percent: Decimal,
        thresholds: Thresholds,
    },
    /// Expected and start coincide: progress is undefined.
    TargetEqualsBaseline {
        #[serde(with = "rust_decimal::serde::str")]
        target: Decimal,
    },
    NoTarget,
    NoTargetNoData,
}

/// The last value of a level that met its end-of-project target, before
/// the level fell back below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fall {
    #[serde(with = "rust_decimal::serde::str")]
    pub from: Decimal,
    /// The period that value was recorded for.
    pub period: crate::model::Period,
}

/// Status from the percent of expected progress.
pub fn grade(percent: Decimal, t: Thresholds) -> Status {
    if percent >= t.on_track {
        Status::OnTrack
    } else if percent >= t.at_risk {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}
