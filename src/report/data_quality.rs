//! The report's data-quality annex: every finding about the data as one
//! line each, located relative to the framework's folder, so that the
//! report and `logframe check` say the same things.

use chrono::{DateTime, Utc};

use crate::compute::Computed;
use crate::compute::quality::{Rules, findings};
use crate::diag::Diagnostics;
use crate::model::Period;
use crate::source::Sources;

/// Findings about the data: the diagnostics of loading and computing
/// (breakdowns that do not add up, ...), then the data-quality rules of
/// `check --quality` (missing, late, outlying values, ...) as of the
/// period's end, or the `--as-of` date: the report and `check` agree. The
/// periods without expenditure run to the period's end (the report states
/// its spending).
pub(super) fn data_quality(
    c: &Computed,
    period: &Period,
    as_of: Option<DateTime<Utc>>,
    diags: &Diagnostics,
    sources: &Sources,
) -> Vec<String> {
    let fw = c.fw;
    let rules = Rules {
        deadline_days: c.fw.project.reporting_deadline_days,
        today: as_of.map_or(period.end, |a| a.date_naive()),
        now: None,
    };
    let mut d = diags.clone();
    d.sort();
    let mut found = findings(c, sources, &rules);
    // The report states the period's spending, so the funding finding runs
    // to the period's end itself (not only to the periods already due, nor
    // past the period with an --as-of date).
    found
        .0
        .retain(|f| !f.message.starts_with("no expenditure recorded for "));
    let missing = crate::compute::funding::missing_periods(fw, period.end);
    if let Some(m) = crate::compute::funding::missing_finding(fw, &missing) {
        found.push(m);
    }
    found.sort();
    let at = |span: Option<crate::source::Span>| {
        span.map(|s| {
            let loc = sources.locate(s);
            let dir = fw.dir.to_string_lossy().into_owned();
            let rel = loc
                .strip_prefix(&dir)
                .map(|r| r.trim_start_matches(['/', '\\']).to_string())
                .unwrap_or(loc);
            format!("{rel}: ")
        })
        .unwrap_or_default()
    };
    let mut out: Vec<String> =
        d.0.iter()
            .map(|d| {
                let mut s = format!("{}{}", at(d.span), d.message);
                if let (Some(e), Some(f)) = (&d.expected, &d.found) {
                    s.push_str(&format!(" (expected {e}; found {f})"));
                }
                s
            })
            .collect();
    out.extend(found.0.iter().map(|f| format!("{}{}", at(f.span), f.message)));
    out.dedup();
    out
}
