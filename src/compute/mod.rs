//! Pure computation: from a framework and the ledger rows in force to
//! figures and statuses. No I/O, no formatting beyond status sentences.

pub(crate) mod breakdown;
pub mod category;
pub mod columns;
pub(crate) mod fiscal;
pub mod funding;
pub mod gender;
pub mod headlines;
pub mod percent_example;
pub mod portfolio;
pub mod progress;
pub mod quality;
pub mod quality_finding;
pub mod quality_rates;
pub mod risks;
pub mod rollup;
pub mod series;
pub mod status;
pub(crate) mod sum;
pub mod target_parts;
pub mod targets;
pub mod workplan;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::diag::Diagnostics;
use crate::ledger::Ledger;
use crate::model::{Framework, Period, Value};
use crate::source::Sources;
pub use progress::Progress;
use series::Series;
pub use status::{Reason, Status};
use targets::TargetInForce;

/// Every indicator's progress at one reporting period.
#[derive(Debug, Serialize)]
pub struct StatusTable {
    pub framework: String,
    pub period: Period,
    pub as_of: Option<DateTime<Utc>>,
    pub indicators: Vec<Progress>,
    pub counts: BTreeMap<Status, usize>,
    /// The category shown, when the table is one category's
    /// (`status --dim country=GT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<category::CategoryView>,
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

    /// The figures of one category (see [`category`]): `view` is
    /// [`category::without_targets`] of the framework, and only the rows
    /// recorded for every category of `cats` count. Findings on combining
    /// rows are the whole framework's ([`Computed::new`] reports them).
    pub fn for_categories(
        view: &'a Framework,
        ledger: &'a Ledger,
        sources: &Sources,
        as_of: Option<DateTime<Utc>>,
        with_pending: bool,
        cats: &[category::Category],
    ) -> Computed<'a> {
        let current = if with_pending {
            ledger.current_with_pending(as_of)
        } else {
            ledger.current(as_of)
        };
        let rows = category::rows_in(ledger, &current, cats);
        let (series, _) = Series::build(view, ledger, &rows, sources);
        Computed {
            fw: view,
            ledger,
            series,
            reporting: view.reporting_periods(),
            as_of,
        }
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

    /// [`progress::to_date`]: the target in force and the figure to date
    /// of one indicator at one period, without the rows behind them.
    pub fn to_date(&self, indicator: usize, period: &Period) -> (Option<TargetInForce>, Option<Value>) {
        progress::to_date(
            self.fw,
            &self.fw.indicators[indicator],
            &self.series.by_indicator[indicator],
            period,
        )
    }

    pub fn table(&self, period: &Period) -> StatusTable {
        self.table_of(period, |_| true)
    }

    /// [`Computed::table`] of the indicators `keep` keeps.
    pub fn table_of(&self, period: &Period, keep: impl Fn(usize) -> bool) -> StatusTable {
        let indicators: Vec<Progress> = (0..self.fw.indicators.len())
            .filter(|&i| keep(i))
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
            category: None,
        }
    }

    /// The date of the newest row counted in the figures up to `period`'s
    /// end (its `recorded_at`, within `as_of` since only those rows are
    /// current): what a report's data is "as of". `None` when no counted
    /// row carries a time. A function of the ledger, so reports stay
    /// deterministic.
    pub fn data_as_of(&self, period: &Period) -> Option<NaiveDate> {
        self.series
            .by_indicator
            .iter()
            .flatten()
            .filter(|p| p.period.end <= period.end)
            .flat_map(|p| &p.rows)
            .filter_map(|&r| self.ledger.recorded_at(r))
            .max()
            .map(|t| t.date_naive())
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
