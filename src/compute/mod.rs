//! Pure computation: from a framework and the ledger rows in force to
//! figures and statuses. No I/O, no formatting beyond status sentences.

pub(crate) mod breakdown;
pub(crate) mod fiscal;
pub mod funding;
pub mod gender;
pub mod portfolio;
pub mod progress;
pub mod quality;
pub mod rollup;
pub mod series;
pub mod status;
pub mod target_parts;
pub mod targets;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::diag::Diagnostics;
use crate::ledger::Ledger;
use crate::model::{Framework, Period};
use crate::source::Sources;
pub use progress::Progress;
use series::Series;
pub use status::{Reason, Status};

/// Every indicator's progress at one reporting period.
#[derive(Debug, Serialize)]
pub struct StatusTable {
    pub framework: String,
    pub period: Period,
    pub as_of: Option<DateTime<Utc>>,
    pub indicators: Vec<Progress>,
    pub counts: BTreeMap<Status, usize>,
}

/// The computed state of a framework: its series, built once, from which
/// any period's figures are derived.
pub struct Computed<'a> {
    pub fw: &'a Framework,
    pub ledger: &'a Ledger,
    pub series: Series,
    pub reporting: Vec<Period>,
    pub as_of: Option<DateTime<Utc>>,
}

impl<'a> Computed<'a> {
    pub fn new(
        fw: &'a Framework,
        ledger: &'a Ledger,
        sources: &Sources,
        as_of: Option<DateTime<Utc>>,
    ) -> (Computed<'a>, Diagnostics) {
        Computed::build(fw, ledger, sources, as_of, false)
    }

    /// [`Computed::new`], counting the values waiting for review as if
    /// approved (what approval would change).
    pub fn with_pending(
        fw: &'a Framework,
        ledger: &'a Ledger,
        sources: &Sources,
        as_of: Option<DateTime<Utc>>,
    ) -> (Computed<'a>, Diagnostics) {
        Computed::build(fw, ledger, sources, as_of, true)
    }

    fn build(
        fw: &'a Framework,
        ledger: &'a Ledger,
        sources: &Sources,
        as_of: Option<DateTime<Utc>>,
        with_pending: bool,
    ) -> (Computed<'a>, Diagnostics) {
        let current = if with_pending {
            ledger.current_with_pending(as_of)
        } else {
            ledger.current(as_of)
        };
        let (series, diags) = Series::build(fw, ledger, &current, sources);
        (
            Computed {
                fw,
                ledger,
                series,
                reporting: fw.reporting_periods(),
                as_of,
            },
            diags,
        )
    }

    pub fn progress(&self, indicator: usize, period: &Period) -> Progress {
        progress::progress(
            self.fw,
            &self.fw.indicators[indicator],
            &self.series.by_indicator[indicator],
            period,
        )
    }

    pub fn table(&self, period: &Period) -> StatusTable {
        let indicators: Vec<Progress> = (0..self.fw.indicators.len())
            .map(|i| self.progress(i, period))
            .collect();
        let mut counts = BTreeMap::new();
        for p in &indicators {
            *counts.entry(p.status).or_insert(0) += 1;
        }
        StatusTable {
            framework: self.fw.project.id.clone(),
            period: *period,
            as_of: self.as_of,
            indicators,
            counts,
        }
    }

    /// The default reporting period: the latest one with a value in it,
    /// else the first.
    pub fn default_period(&self) -> Period {
        let last = self.series.by_indicator.iter().flatten().map(|p| p.period.end).max();
        pick_period(&self.reporting, last)
    }
}

fn pick_period(reporting: &[Period], date: Option<NaiveDate>) -> Period {
    date.and_then(|d| reporting.iter().find(|r| r.contains_date(d)).copied())
        .or_else(|| reporting.first().copied())
        .expect("a project has at least one reporting period")
}
