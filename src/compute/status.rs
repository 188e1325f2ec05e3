//! Status: where an indicator stands against what was expected by then.

use std::fmt;

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

    pub fn label(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on track",
            Status::AtRisk => "at risk",
            Status::OffTrack => "off track",
            Status::NoData => "no data",
            Status::NotYetDue => "not yet due",
            Status::NoTarget => "no target",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why an indicator has its status: the figures behind the one sentence.
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

/// Format a decimal for a sentence: no trailing zeros.
pub fn num(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Reached { actual, target } => {
                write!(
                    f,
                    "{} reached the end-of-project target of {}",
                    num(*actual),
                    num(*target)
                )
            }
            Reason::MilestoneDone {
                period,
                late_after: None,
            } => write!(f, "done (recorded for {period})"),
            Reason::MilestoneDone {
                period,
                late_after: Some(due),
            } => {
                write!(f, "done (recorded for {period}), after its due date {due}")
            }
            Reason::MilestoneOverdue { due } => write!(f, "due by {due} and not recorded as done"),
            Reason::MilestoneNotDue { due } => write!(f, "due by {due}"),
            Reason::NothingExpectedYet { by } => write!(f, "no progress is expected by {by}"),
            Reason::Missing { by, expected } => {
                write!(f, "no value recorded by {by}, when {} was expected", num(*expected))
            }
            Reason::Progress {
                actual,
                expected,
                start,
                by,
                percent,
                thresholds,
            } => {
                let verdict = if *percent >= thresholds.on_track {
                    format!("at least {} % is on track", num(thresholds.on_track))
                } else if *percent >= thresholds.at_risk {
                    format!("below {} % is at risk", num(thresholds.on_track))
                } else {
                    format!("below {} % is off track", num(thresholds.at_risk))
                };
                if start.is_zero() {
                    write!(
                        f,
                        "{} against {} expected by {by}: {} % of the expected progress ({verdict})",
                        num(*actual),
                        num(*expected),
                        num(percent.round_dp(1))
                    )
                } else {
                    write!(
                        f,
                        "{} against {} expected by {by}, from a baseline of {}: {} % of the expected progress ({verdict})",
                        num(*actual),
                        num(*expected),
                        num(*start),
                        num(percent.round_dp(1))
                    )
                }
            }
            Reason::TargetEqualsBaseline { target } => {
                write!(
                    f,
                    "the target in force ({}) equals the baseline, so progress is undefined",
                    num(*target)
                )
            }
            Reason::NoTarget => write!(f, "no target is set"),
            Reason::NoTargetNoData => write!(f, "no target is set and no value is recorded"),
        }
    }
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
