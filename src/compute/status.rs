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
    NoData,
    NotYetDue,
    NoTarget,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
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
    /// Expected and start coincide: progress is undefined.
    TargetEqualsBaseline {
        #[serde(with = "rust_decimal::serde::str")]
        target: Decimal,
    },
    NoTarget,
    NoTargetNoData,
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
