//! The workplan at a reporting period: what was planned in it and where it
//! stands, and what comes in the next reporting period.
//!
//! The rule, stated once:
//! - an activity is *planned in the period* when its planned dates
//!   (start..end) overlap the period; it is *due* in the period when its
//!   planned end falls within it;
//! - the status is the one the team last wrote (the workplan is kept up to
//!   date, not dated per period);
//! - the *next period* is the first reporting period that starts after the
//!   period ends; what *comes next* is every activity not done nor
//!   cancelled that overlaps it, and every such activity whose planned end
//!   has passed before it starts (carried over, flagged overdue);
//! - activities are listed by planned start, then in the order written.

use serde::Serialize;

use crate::model::workplan::{Activity, ActivityStatus, Workplan};
use crate::model::{Framework, Period};

/// The workplan at one period.
#[derive(Debug, Serialize)]
pub struct WorkplanAt {
    /// Activities planned in the period (indexes into the workplan).
    pub in_period: Vec<usize>,
    /// How many of them are due (planned end within the period).
    pub due: usize,
    /// How many of the due ones are done.
    pub due_done: usize,
    /// Activities in the period by status, in status order (statuses with
    /// none left out).
    pub by_status: Vec<(ActivityStatus, usize)>,
    /// The next reporting period; `None` after the last.
    pub next: Option<Period>,
    /// What comes next: (index, overdue).
    pub coming: Vec<(usize, bool)>,
}

fn by_start(plan: &Workplan, keep: impl Fn(&Activity) -> bool) -> Vec<usize> {
    let mut out: Vec<usize> = (0..plan.activities.len())
        .filter(|&i| keep(&plan.activities[i]))
        .collect();
    out.sort_by_key(|&i| (plan.activities[i].start, i));
    out
}

pub fn workplan_at(fw: &Framework, plan: &Workplan, period: &Period) -> WorkplanAt {
    let planned = |a: &Activity| Period::days(a.start, a.end);
    let in_period = by_start(plan, |a| planned(a).overlaps(period));
    let due: Vec<&Activity> = in_period
        .iter()
        .map(|&i| &plan.activities[i])
        .filter(|a| period.contains_date(a.end))
        .collect();
    let by_status = [
        ActivityStatus::Done,
        ActivityStatus::UnderWay,
        ActivityStatus::Planned,
        ActivityStatus::Delayed,
        ActivityStatus::Cancelled,
    ]
    .into_iter()
    .map(|s| (s, in_period.iter().filter(|&&i| plan.activities[i].status == s).count()))
    .filter(|(_, n)| *n > 0)
    .collect();
    let next = fw.reporting_periods().into_iter().find(|p| p.start > period.end);
    let coming = match next {
        Some(n) => by_start(plan, |a| {
            !a.status.closed() && (planned(a).overlaps(&n) || a.end < n.start)
        })
        .into_iter()
        .map(|i| (i, plan.activities[i].end < n.start))
        .collect(),
        None => Vec::new(),
    };
    WorkplanAt {
        due: due.len(),
        due_done: due.iter().filter(|a| a.status == ActivityStatus::Done).count(),
        in_period,
        by_status,
        next,
        coming,
    }
}

#[cfg(test)]
#[path = "workplan_tests.rs"]
mod tests;
