//! Data quality: findings about the values recorded, as located warnings.
//!
//! `check --quality` runs these on top of the framework and ledger checks
//! (which already report disaggregations that do not add up and cumulative
//! end targets below a period target). Each finding is one small pure
//! function registered in [`QUALITY_CHECKS`], and each states its rule:
//!
//! - **missing**: every period of the indicator's frequency (the PMF
//!   `frequency` when its first word is monthly, quarterly, semi-annual or
//!   annual, the project's reporting frequency when it has none) that lies wholly within
//!   the project and ended more than the deadline ago has a value.
//!   Milestones, and indicators whose PMF frequency is irregular (any other
//!   text, e.g. "after each workshop"), are not checked.
//! - **late**: the first row recorded for a value (corrections are later by
//!   nature and are not judged) has a `recorded_at` no later than the
//!   period's end plus the deadline (default 30 days).
//! - **outlier**: with at least four measured reporting periods, a period
//!   value outside median ± 3 x 1.4826 x MAD (the median absolute
//!   deviation, scaled to estimate a standard deviation) of the indicator's
//!   own period values. Zero counts ("nothing happened") are left out of
//!   both the statistics and the findings. Not applied when the MAD is 0.
//! - **percent range**: a percentage (a percentage indicator's baseline,
//!   targets and values, or a number whose unit is in %) outside 0-100.
//! - **target missing**: a reporting period with a value and no target in
//!   force, for indicators that have targets at all (those without any
//!   are reported by `check` already).
//! - **expenditure missing**: once a framework records any expenditure,
//!   every reporting period wholly within the project and due (ended more
//!   than the deadline ago) has some (`compute::funding::missing_periods`);
//!   a period nobody entered is not a period in which nothing was spent.
//! - **recorded in the future**: a row whose `recorded_at` lies beyond the
//!   machine's clock (plus a few minutes of skew). Such a row outranks every
//!   correction recorded before its time comes, so its value stays pinned
//!   in force; `record` and `import` refuse new ones, this finds the rows
//!   already there. Judged against the real clock (never `LOGFRAME_NOW` or
//!   `--as-of`), and only by `check` (reports stay reproducible).

use chrono::{DateTime, Days, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::Computed;
pub use super::quality_finding::{Finding, Located, PercentPlace};
use super::series::Point;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::Origin;
use crate::ledger::read::CsvDialect;
use crate::ledger::row::{field_span, is_future};
use crate::model::period::reporting_periods;
use crate::model::{Frequency, Indicator, IndicatorType, Period, TargetPeriod, Value};
use crate::source::{Sources, Span};

/// The settings of the quality checks.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Days after a period's end by which its value is due.
    pub deadline_days: u32,
    /// The day the checks are run for (periods due after it are not due).
    pub today: NaiveDate,
    /// The real clock, for rows recorded in the future; `None` skips that
    /// check.
    pub now: Option<DateTime<Utc>>,
}

impl Rules {
    /// The deadline of a period's values: its end plus `deadline_days`.
    pub fn due(&self, p: &Period) -> NaiveDate {
        p.end
            .checked_add_days(Days::new(self.deadline_days as u64))
            .unwrap_or(p.end)
    }
}

type QualityCheck = fn(&Computed, &Sources, &Rules) -> Vec<Located>;

/// Every quality check, in the order they run.
pub const QUALITY_CHECKS: &[(&str, QualityCheck)] = &[
    ("missing values", missing_values),
    ("late values", late_values),
    ("outliers", outliers),
    ("percentages outside 0-100", percent_range),
    ("targets missing", targets_missing),
    ("recorded in the future", recorded_in_future),
    ("expenditure missing", expenditure_missing),
];

/// Every finding as a located diagnostic (what `check --quality` prints).
pub fn findings(c: &Computed, sources: &Sources, rules: &Rules) -> Diagnostics {
    let mut out = Diagnostics::default();
    for l in located(c, sources, rules) {
        out.push(l.diag);
    }
    out
}

/// Every finding with what it is about (the report's annex words these).
pub fn located(c: &Computed, sources: &Sources, rules: &Rules) -> Vec<Located> {
    // The rules are independent: run side by side, found in their order.
    crate::parallel::map(QUALITY_CHECKS, |_, (_, check)| check(c, sources, rules))
        .into_iter()
        .flatten()
        .collect()
}

/// The span of the cell in column `column` of a ledger row; the whole line
/// when the file has no such column.
pub fn cell_span(sources: &Sources, o: Origin, column: &str) -> Span {
    let f = sources.get(o.file);
    // The file's own dialect (BOM, `,` `;` or tab), as the ledger reader
    // sees it, from its first line (a large ledger's text is not held, and
    // not read whole for one cell).
    let head = f.text.outline();
    let dialect = CsvDialect::of(&head);
    let mut header = csv::StringRecord::new();
    let index = match dialect.next(&mut dialect.reader(), &mut header, o.file) {
        Ok(true) => header
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(column)),
        _ => None,
    };
    let Some((start, text)) = f.text_from_line(o.line as usize) else {
        // Past the file's end (it changed since it was read): its end.
        let end = f.offset_of(o.line as usize, 1);
        return Span::new(o.file, end, end);
    };
    let line_len = text.find(['\n', '\r']).unwrap_or(text.len());
    let span = match index {
        Some(i) => field_span(o.file, &text, 0, i, dialect.delimiter),
        None => Span::new(o.file, 0, line_len),
    };
    Span::new(o.file, start + span.start as usize, start + span.end as usize)
}

/// The column holding the figure of a value.
fn figure_column(v: &Value) -> &'static str {
    match v {
        Value::Ratio { .. } => "numerator",
        Value::Text { .. } => "score",
        _ => "value",
    }
}

/// The frequency values are expected at, `None` when irregular.
pub fn expected_frequency(c: &Computed, ind: &Indicator) -> Option<Frequency> {
    if ind.kind == IndicatorType::Milestone {
        return None;
    }
    let Some(text) = &ind.pmf.frequency else {
        return Some(c.fw.project.reporting_frequency);
    };
    let t = text.default.trim().to_lowercase();
    let first = t
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("");
    match first {
        "monthly" => Some(Frequency::Monthly),
        "quarterly" => Some(Frequency::Quarterly),
        "semi-annual" | "semiannual" | "semi-annually" | "biannual" | "half-yearly" | "six-monthly" => {
            Some(Frequency::Semiannual)
        }
        "annual" | "annually" | "yearly" => Some(Frequency::Annual),
        _ => None,
    }
}

fn missing_values(c: &Computed, _: &Sources, rules: &Rules) -> Vec<Located> {
    let fw = c.fw;
    let mut out = Vec::new();
    for (i, ind) in fw.indicators.iter().enumerate() {
        let Some(freq) = expected_frequency(c, ind) else {
            continue;
        };
        let points = &c.series.by_indicator[i];
        let missing: Vec<Period> = due_periods(c, freq, rules)
            .into_iter()
            .filter(|w| !points.iter().any(|p| p.period.overlaps(w)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let list: Vec<String> = missing.iter().map(Period::to_string).collect();
        let finding = Finding::Missing {
            indicator: i,
            periods: missing.clone(),
        };
        out.push(Located {
            finding,
            diag: Diagnostic::warning(format!(
                "indicator {}: no value for {} {}",
                ind.id,
                if missing.len() == 1 { "period" } else { "periods" },
                list.join(", ")
            ))
            .at(ind.span)
            .expected(format!(
                "a value for every {freq} period, due {} days after it ends",
                rules.deadline_days
            ))
            .found(format!("{} period{} without a value", missing.len(), if missing.len() == 1 { "" } else { "s" }))
            .hint(format!(
                "record the missing values (`logframe record {} {} --period {} --value ...`), or a 0 when nothing happened",
                fw.project.id, ind.id, list[0]
            )),
        });
    }
    out
}

fn expenditure_missing(c: &Computed, _: &Sources, rules: &Rules) -> Vec<Located> {
    let missing: Vec<Period> = super::funding::missing_periods(c.fw, rules.today)
        .into_iter()
        .filter(|p| rules.due(p) < rules.today)
        .collect();
    expenditure_finding(c, &missing).into_iter().collect()
}

/// The finding for periods without expenditure, `None` when there are none
/// (or the framework records no expenditure).
pub fn expenditure_finding(c: &Computed, missing: &[Period]) -> Option<Located> {
    let diag = super::funding::missing_finding(c.fw, missing)?;
    Some(Located {
        finding: Finding::ExpenditureMissing {
            periods: missing.to_vec(),
        },
        diag,
    })
}

fn late_values(c: &Computed, sources: &Sources, rules: &Rules) -> Vec<Located> {
    let fw = c.fw;
    let ledger = c.ledger;
    let mut out = Vec::new();
    let trail = ledger.trail(c.as_of);
    let mut previous = None;
    for &t in &trail {
        let key = ledger.key(t);
        let first = previous != Some(key);
        previous = Some(key);
        let (true, Some(at)) = (first, ledger.recorded_at(t)) else {
            continue;
        };
        let e = ledger.entry(t);
        let due = rules.due(&e.period);
        if at.date_naive() <= due {
            continue;
        }
        let days = (at.date_naive() - e.period.end).num_days();
        let finding = Finding::Late {
            indicator: e.indicator as usize,
            period: e.period,
            breakdown: e.dims.values(fw).into_iter().map(str::to_string).collect(),
            days,
        };
        out.push(Located {
            finding,
            diag: Diagnostic::warning(format!(
                "{} {} ({}) was recorded {days} days after the period ended",
                fw.indicators[e.indicator as usize].id,
                e.period,
                e.dims.describe(fw)
            ))
            .at(cell_span(sources, e.origin, "recorded_at"))
            .expected(format!(
                "recorded by {due} ({} days after {})",
                rules.deadline_days, e.period.end
            ))
            .found(stamp(at))
            .hint(
                "late values make earlier reports incomplete; agree on a reporting deadline, or raise --deadline-days",
            ),
        });
    }
    out
}

fn recorded_in_future(c: &Computed, sources: &Sources, rules: &Rules) -> Vec<Located> {
    let Some(now) = rules.now else {
        return Vec::new();
    };
    let fw = c.fw;
    let ledger = c.ledger;
    let mut out = Vec::new();
    for i in 0..ledger.len() as u32 {
        let Some(at) = ledger.recorded_at(i).filter(|&at| is_future(at, now)) else {
            continue;
        };
        let e = ledger.entry(i);
        let finding = Finding::Future {
            indicator: e.indicator as usize,
            period: e.period,
            breakdown: e.dims.values(fw).into_iter().map(str::to_string).collect(),
        };
        out.push(Located {
            finding,
            diag: Diagnostic::warning(format!(
                "{} {} ({}) is recorded in the future",
                fw.indicators[e.indicator as usize].id,
                e.period,
                e.dims.describe(fw)
            ))
            .at(cell_span(sources, e.origin, "recorded_at"))
            .expected(format!("a time no later than now ({})", stamp(now)))
            .found(stamp(at))
            .hint("until that time this row outranks every correction; set recorded_at to when the value was recorded"),
        });
    }
    out
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// MAD x 1.4826 estimates the standard deviation of normal data, so the
/// outlier band is the robust "3 standard deviations".
const MAD_SCALE: Decimal = Decimal::from_parts(14826, 0, 0, false, 4);

/// The median of sorted decimals.
fn median(sorted: &[Decimal]) -> Decimal {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO
    }
}

fn outliers(c: &Computed, sources: &Sources, _: &Rules) -> Vec<Located> {
    let fw = c.fw;
    let mut out = Vec::new();
    for (i, ind) in fw.indicators.iter().enumerate() {
        if ind.kind == IndicatorType::Milestone {
            continue;
        }
        // A zero count is "nothing happened this period", not a measurement.
        let zero_is_none = ind.kind == IndicatorType::Count;
        let measured: Vec<(&Point, Decimal)> = c.series.by_indicator[i]
            .iter()
            .filter(|p| c.reporting.contains(&p.period))
            .filter_map(|p| p.value.figure().map(|f| (p, f)))
            .filter(|(_, f)| !(zero_is_none && f.is_zero()))
            .collect();
        if measured.len() < 4 {
            continue;
        }
        let mut xs: Vec<Decimal> = measured.iter().map(|m| m.1).collect();
        xs.sort_unstable();
        let m = median(&xs);
        let mut dev: Vec<Decimal> = xs.iter().map(|x| (x - m).abs()).collect();
        dev.sort_unstable();
        let mad = median(&dev);
        if mad.is_zero() {
            continue;
        }
        let reach = Decimal::from(3) * MAD_SCALE * mad;
        let (lo, hi) = (m - reach, m + reach);
        for (p, x) in measured {
            if x >= lo && x <= hi {
                continue;
            }
            let show = |d: Decimal| d.round_dp(2).normalize().to_string();
            let at = c.ledger.entry(p.rows[0]).origin;
            // The first comment recorded with the period's rows: often why.
            let comment = p
                .rows
                .iter()
                .find_map(|&r| c.ledger.str(c.ledger.entry(r).comment))
                .map(str::to_string);
            let finding = Finding::Outlier {
                indicator: i,
                period: p.period,
                value: x,
                median: m,
                above: x > hi,
                comment,
            };
            out.push(Located {
                finding,
                diag: Diagnostic::warning(format!(
                    "indicator {} {}: {} is far outside the indicator's other period values",
                    ind.id,
                    p.period,
                    show(x)
                ))
                .at(cell_span(sources, at, figure_column(&p.value)))
                .expected(format!(
                    "{} .. {} (median {} ± 3 x 1.4826 x MAD {}, over {} periods)",
                    show(lo),
                    show(hi),
                    show(m),
                    show(mad),
                    xs.len()
                ))
                .found(show(x))
                .hint("check the figure for a typo or a changed definition; if it is right, note why in the comment"),
            });
        }
    }
    out
}

fn is_percent(ind: &Indicator) -> bool {
    ind.kind == IndicatorType::Percentage
        || (ind.kind == IndicatorType::Number
            && ind
                .unit
                .as_deref()
                .is_some_and(|u| u.contains('%') || u.to_lowercase().contains("percent")))
}

fn percent_range(c: &Computed, sources: &Sources, _: &Rules) -> Vec<Located> {
    let fw = c.fw;
    let mut out = Vec::new();
    let outside = |d: Decimal| d < Decimal::ZERO || d > Decimal::ONE_HUNDRED;
    let finding = |what: String, d: Decimal, span: Span, indicator: usize, place: PercentPlace| Located {
        finding: Finding::PercentOutside {
            indicator,
            place,
            value: d,
        },
        diag: Diagnostic::warning(format!("{what}: {} % is outside 0-100", d.round_dp(2).normalize()))
            .at(span)
            .expected("a percentage from 0 to 100")
            .found(d.normalize().to_string())
            .hint("write percentages in percent (60 for 60 %), and check the figure"),
    };
    for (i, ind) in fw.indicators.iter().enumerate().filter(|(_, i)| is_percent(i)) {
        if let Some(b) = ind.baseline.as_ref().filter(|b| outside(b.value)) {
            out.push(finding(
                format!("indicator {} baseline", ind.id),
                b.value,
                b.span,
                i,
                PercentPlace::Baseline,
            ));
        }
        for t in ind.targets.iter().chain(&ind.end_target).filter(|t| outside(t.value)) {
            let (p, place) = match t.period {
                TargetPeriod::Period(p) => (p.to_string(), PercentPlace::Target(Some(p))),
                TargetPeriod::End => ("end".into(), PercentPlace::Target(None)),
            };
            out.push(finding(
                format!("indicator {} target for {p}", ind.id),
                t.value,
                t.span,
                i,
                place,
            ));
        }
    }
    // Most frameworks have few percent indicators, if any: the rows of
    // the others are passed over by their indicator alone.
    if !fw.indicators.iter().any(is_percent) {
        return out;
    }
    for &r in &c.ledger.current(c.as_of) {
        let ind = &fw.indicators[c.ledger.indicator(r) as usize];
        if !is_percent(ind) {
            continue;
        }
        let e = &c.ledger.entry(r);
        if let Some(f) = e.value.figure().filter(|f| outside(*f)) {
            out.push(finding(
                format!("{} {} ({})", ind.id, e.period, e.dims.describe(fw)),
                f,
                cell_span(sources, e.origin, figure_column(&e.value)),
                e.indicator as usize,
                PercentPlace::Value {
                    period: e.period,
                    breakdown: e.dims.values(fw).into_iter().map(str::to_string).collect(),
                },
            ));
        }
    }
    out
}

fn targets_missing(c: &Computed, _: &Sources, _: &Rules) -> Vec<Located> {
    let fw = c.fw;
    let mut out = Vec::new();
    for (i, ind) in fw.indicators.iter().enumerate() {
        if ind.declared_targets == 0
            || ind.kind == IndicatorType::Milestone
            || (ind.kind == IndicatorType::Qualitative && ind.scale.is_none())
        {
            continue;
        }
        // What `Computed::progress` gives as `period_actual` and
        // `target_to_date`, without the rest of the grading (and the row
        // lists) for every reporting period of every indicator.
        let points = &c.series.by_indicator[i];
        let periods: Vec<Period> = c
            .reporting
            .iter()
            .filter(|r| super::targets::target_at(fw, ind, r).is_none())
            .filter(|r| {
                let within: Vec<&Point> = points.iter().filter(|p| r.contains(&p.period)).collect();
                super::progress::aggregate(ind.aggregate, &within).is_some()
            })
            .copied()
            .collect();
        if periods.is_empty() {
            continue;
        }
        let without: Vec<String> = periods.iter().map(Period::to_string).collect();
        out.push(Located {
            finding: Finding::TargetMissing { indicator: i, periods },
            diag: Diagnostic::warning(format!(
                "indicator {}: values but no target for {}",
                ind.id,
                without.join(", ")
            ))
            .at(ind.span)
            .expected("a target in force for every period with a value")
            .found(format!(
                "{} period{} without a target",
                without.len(),
                if without.len() == 1 { "" } else { "s" }
            ))
            .hint(if super::targets::per_period_only(ind) {
                "a non-cumulative `sum` indicator needs a target written for each period; add them under `targets:`"
            } else {
                "add a dated or end-of-project target under `targets:`"
            }),
        });
    }
    out
}

/// The periods of `freq` due by `rules.today` for this framework.
pub fn due_periods(c: &Computed, freq: Frequency, rules: &Rules) -> Vec<Period> {
    let p = &c.fw.project;
    reporting_periods(p.span(), freq, p.fiscal_year_start)
        .into_iter()
        .filter(|w| w.start >= p.start && w.end <= p.end && rules.due(w) < rules.today)
        .collect()
}
