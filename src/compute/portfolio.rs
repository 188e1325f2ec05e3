//! The portfolio at a date as figures: each standard indicator rolled up
//! across the frameworks, each framework's status counts at its period, and
//! the funding totals per currency. The use case (`app::portfolio`) builds
//! it; the terminal, the report and the PDF render it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Status;
use super::funding::Portfolio as Funding;
use super::rollup::{self, Rollup};
use crate::model::{Frequency, Period};

/// How the date was chosen.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum DateFrom {
    Period { period: Period },
    AsOf,
    Today,
}

/// One framework at its period.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkStatus {
    pub framework: String,
    pub short_name: Option<String>,
    pub reporting_frequency: Frequency,
    /// The latest reporting period ending on or before the date; `None`
    /// when none had ended.
    pub period: Option<Period>,
    /// Indicators by status at that period.
    pub counts: BTreeMap<Status, usize>,
    /// The indicators off track or, at the project's end, not achieved at
    /// that period (ids).
    pub off_track: Vec<String>,
}

/// The portfolio at a date.
#[derive(Debug, Serialize)]
pub struct Portfolio {
    pub date: NaiveDate,
    pub date_from: DateFrom,
    /// The split asked for: `framework`, or a dimension's name.
    pub by: Option<String>,
    /// Whether the workspace has a standards.yaml.
    pub has_standards: bool,
    pub standards: Vec<Rollup>,
    pub frameworks: Vec<FrameworkStatus>,
    pub funding: Funding,
}

/// A standard's total split by one of the breakdowns it asks for
/// (`disaggregate_by` in standards.yaml).
#[derive(Debug, Clone, Serialize)]
pub struct Split {
    pub code: String,
    pub dimension: String,
    pub groups: Vec<rollup::Group>,
}
