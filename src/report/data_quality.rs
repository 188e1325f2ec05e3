//! The report's data-quality annex: every finding about the data as one
//! plain sentence in the report's language ("the value for 2021-Q4 is far
//! above the other quarters; the team noted: …"), from the same run of
//! the rules as `logframe check --quality`. File references (file, line,
//! column) belong to `check`, which a team runs to fix the data; the
//! donor's copy says what the finding means.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use crate::compute::Computed;
use crate::compute::quality::{Finding, Located, PercentPlace, Rules, expenditure_finding, located};
use crate::diag::{Diagnostic, Diagnostics};
use crate::locale::{self, Arg, Lang};
use crate::model::{Frequency, Period};
use crate::source::Sources;

/// Findings about the data: the diagnostics of loading and computing
/// (breakdowns that do not add up, ...), then the data-quality rules of
/// `check --quality` (missing, late, outlying values, ...) as of the
/// period's end, or the `--as-of` date: the report and `check` agree. The
/// periods without expenditure run to the period's end (the report states
/// its spending).
pub(super) fn data_quality(
    lang: Lang,
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
    let mut found = located(c, sources, &rules);
    // The report states the period's spending, so the funding finding runs
    // to the period's end itself (not only to the periods already due, nor
    // past the period with an --as-of date).
    found.retain(|f| !matches!(f.finding, Finding::ExpenditureMissing { .. }));
    let missing = crate::compute::funding::missing_periods(fw, period.end);
    found.extend(expenditure_finding(c, &missing));
    found.sort_by(|a, b| order(&a.diag).cmp(&order(&b.diag)));
    found.dedup_by(|a, b| a.diag == b.diag);
    let mut out: Vec<String> = d.0.iter().map(|d| other(lang, d)).collect();
    out.extend(found.iter().map(|f| sentence(lang, c, f)));
    out.dedup();
    out
}

/// The order `Diagnostics::sort` gives: by place, then severity and text.
fn order(d: &Diagnostic) -> impl Ord + '_ {
    (d.span.is_none(), d.span, d.severity, &d.message)
}

/// A diagnostic of loading or computing that has no sentence of its own:
/// its English message, introduced in the report's language.
fn other(lang: Lang, d: &Diagnostic) -> String {
    let mut s = d.message.clone();
    if let (Some(e), Some(f)) = (&d.expected, &d.found) {
        s.push_str(&format!(" (expected {e}; found {f})"));
    }
    locale::message(lang, "quality-other", [("message", s.into())])
}

/// One finding in plain words.
fn sentence(lang: Lang, c: &Computed, l: &Located) -> String {
    let fw = c.fw;
    let id = |i: usize| Arg::from(fw.indicators[i].id.as_str());
    let figure = |i: usize, d: Decimal| Arg::from(locale::figure(lang, fw.indicators[i].kind, d));
    let periods = |ps: &[Period]| Arg::from(locale::period_names(lang, ps));
    let breakdown = |values: &[String]| Arg::from(breakdown(lang, c, values));
    match &l.finding {
        Finding::Missing { indicator, periods: ps } => locale::message(
            lang,
            "quality-missing",
            [
                ("id", id(*indicator)),
                ("periods", periods(ps)),
                ("count", ps.len().into()),
            ],
        ),
        Finding::Late {
            indicator,
            period,
            breakdown: b,
            days,
        } => locale::message(
            lang,
            "quality-late",
            [
                ("id", id(*indicator)),
                ("period", locale::period_name(lang, period).into()),
                ("breakdown", breakdown(b)),
                ("days", locale::number(lang, Decimal::from(*days)).into()),
            ],
        ),
        Finding::Future {
            indicator,
            period,
            breakdown: b,
        } => locale::message(
            lang,
            "quality-future",
            [
                ("id", id(*indicator)),
                ("period", locale::period_name(lang, period).into()),
                ("breakdown", breakdown(b)),
            ],
        ),
        Finding::Outlier {
            indicator,
            period,
            value,
            median,
            above,
            comment,
        } => {
            let noted = match comment {
                Some(t) => locale::message(lang, "quality-noted", [("comment", t.as_str().into())]),
                None => locale::text(lang, "quality-not-noted").to_string(),
            };
            locale::message(
                lang,
                "quality-outlier",
                [
                    ("id", id(*indicator)),
                    ("period", locale::period_name(lang, period).into()),
                    ("value", figure(*indicator, *value)),
                    ("median", figure(*indicator, *median)),
                    ("way", if *above { "above" } else { "below" }.into()),
                    ("periods", frequency_word(fw.project.reporting_frequency).into()),
                    ("noted", noted.into()),
                ],
            )
        }
        Finding::PercentOutside {
            indicator,
            place,
            value,
        } => {
            let value = Arg::from(locale::percent(lang, *value));
            match place {
                PercentPlace::Baseline => locale::message(
                    lang,
                    "quality-percent-baseline",
                    [("id", id(*indicator)), ("value", value)],
                ),
                PercentPlace::Target(Some(p)) => locale::message(
                    lang,
                    "quality-percent-target",
                    [
                        ("id", id(*indicator)),
                        ("period", locale::period_name(lang, p).into()),
                        ("value", value),
                    ],
                ),
                PercentPlace::Target(None) => locale::message(
                    lang,
                    "quality-percent-end-target",
                    [("id", id(*indicator)), ("value", value)],
                ),
                PercentPlace::Value { period, breakdown: b } => locale::message(
                    lang,
                    "quality-percent-value",
                    [
                        ("id", id(*indicator)),
                        ("period", locale::period_name(lang, period).into()),
                        ("breakdown", breakdown(b)),
                        ("value", value),
                    ],
                ),
            }
        }
        Finding::TargetMissing { indicator, periods: ps } => locale::message(
            lang,
            "quality-target-missing",
            [
                ("id", id(*indicator)),
                ("periods", periods(ps)),
                ("count", ps.len().into()),
            ],
        ),
        Finding::ExpenditureMissing { periods: ps } => locale::message(
            lang,
            "quality-expenditure-missing",
            [("periods", periods(ps)), ("count", ps.len().into())],
        ),
    }
}

/// ` (women, Perú)`: the breakdown of a row in the report's words; empty
/// for a total.
fn breakdown(lang: Lang, c: &Computed, values: &[String]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let words: Vec<String> = values
        .iter()
        .map(|v| {
            let dim = c.fw.disaggregations.iter().find(|d| d.values.contains(v));
            match dim {
                Some(d) => locale::breakdown_value(lang, &d.name, v),
                None => locale::dimension_value(lang, v),
            }
        })
        .collect();
    format!(" ({})", words.join(", "))
}

/// The word the catalogues select on for "the other quarters".
fn frequency_word(f: Frequency) -> &'static str {
    match f {
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        Frequency::Semiannual => "semiannual",
        Frequency::Annual => "annual",
    }
}
