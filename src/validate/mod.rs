//! Checks on a loaded framework.
//!
//! Each check is a small pure function from the framework to the problems it
//! finds, registered once in [`CHECKS`]. Type errors are caught while
//! loading; these are the rules that need the whole framework in view.

mod baselines;
mod duplicate_ids;
mod funding;
pub mod ids;
mod level_order;
mod register;
mod risks;
mod target_parts;
mod targets;
mod workplan;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::source::Sources;

/// A check sees the framework, and the sources to quote other places by line.
type Check = fn(&Framework, &Sources) -> Vec<Diagnostic>;

/// Every framework check, in the order they run.
pub const CHECKS: &[(&str, Check)] = &[
    ("ids that name files", ids::check),
    ("duplicate ids", duplicate_ids::check),
    ("level order", level_order::check),
    ("target periods", targets::periods),
    ("cumulative targets", targets::cumulative_order),
    ("scale targets", targets::within_scale),
    ("missing targets", targets::missing),
    ("target direction", targets::direction),
    ("target parts by category", target_parts::check),
    ("baselines", baselines::check),
    ("funding: pledges within budget", funding::pledges_within_budget),
    ("funding: budget lines add up", funding::lines_add_up),
    ("funding: not overspent", funding::not_overspent),
    ("risk register", risks::check),
    ("workplan", workplan::check),
];

pub fn check_framework(fw: &Framework, sources: &Sources) -> Diagnostics {
    let mut out = Diagnostics::default();
    for (_, check) in CHECKS {
        for d in check(fw, sources) {
            out.push(d);
        }
    }
    out
}
