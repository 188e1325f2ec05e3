//! Reading the activity itself: its organisations, budget, countries, span,
//! reporting frequency (said by the file or guessed from its periods) and
//! disaggregation dimensions. The results are read by [`super::read_results`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::ImportError;
use super::activity::{Activity, IatiPeriod, ImportedResult};
use super::choose::identifier;
use super::ctx::Ctx;
use super::read_results::read_results;
use super::text::{date, decimal, one_line};
use super::xml::Node;
use crate::diag::Diagnostic;
use crate::model::period::{FiscalYearStart, Frequency, reporting_periods};
use crate::model::{MAX_DIMENSIONS, Period};

pub(super) fn read_activity(ctx: &Ctx, act: &Node) -> Result<Activity, ImportError> {
    let identifier = identifier(act);
    let results = read_results(ctx, act);
    if results.is_empty() {
        ctx.warn(
            act,
            format!("activity {} has no result with indicators", one_line(&identifier, 80)),
            "the framework is created without results; add them to logframe.yaml",
        );
    }
    let (start, end) = project_span(ctx, act, &identifier, &results)?;
    let fiscal = ctx
        .ext(act, "fiscal-year-start")
        .and_then(|f| FiscalYearStart::parse(&f));
    let frequency = ctx
        .ext(act, "reporting-frequency")
        .and_then(|f| Frequency::parse(&f))
        .unwrap_or_else(|| guess_frequency(&results, Period::days(start, end), fiscal));
    let dims = disaggregations(ctx, act, &results);
    let (donor, implementer) = organisations(ctx, act);
    let currency = act
        .attr("default-currency")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .filter(|c| {
            let known = crate::load::currencies::is_currency(c);
            if !known {
                ctx.warn(
                    act,
                    format!(
                        "default-currency `{}` is not an ISO 4217 code: left out",
                        one_line(c, 40)
                    ),
                    "add `currency:` under `project:` in the new logframe.yaml",
                );
            }
            known
        });
    Ok(Activity {
        title: ctx.texts(act.child("title")),
        description: act
            .all("description")
            .find(|d| matches!(d.attr("type"), None | Some("1")))
            .or_else(|| act.child("description"))
            .map(|d| ctx.texts(Some(d)))
            .filter(|d| !d.default.is_empty()),
        donor,
        implementer,
        start,
        end,
        budget: budget(ctx, act, currency.as_deref()),
        currency,
        countries: countries(ctx, act),
        lang: ctx.lang.clone(),
        fiscal,
        frequency,
        results,
        dims,
        recorded_at: act
            .attr("last-updated-datetime")
            .and_then(crate::ledger::row::parse_timestamp)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default(),
        identifier,
    })
}

/// The donor (funding organisation, role 1) and implementer (role 4); the
/// reporting organisation is the donor when neither is named.
fn organisations(ctx: &Ctx, act: &Node) -> (Option<String>, Option<String>) {
    let name = |o: &Node| Some(ctx.texts(Some(o)).default).filter(|s| !s.is_empty());
    let org = |role: &str| {
        act.all("participating-org")
            .find(|o| o.attr("role") == Some(role))
            .and_then(name)
    };
    let (donor, implementer) = (org("1"), org("4"));
    if donor.is_none() && implementer.is_none() {
        return (act.child("reporting-org").and_then(name), None);
    }
    (donor, implementer)
}

/// The sum of the original budgets (type 1) in the default currency.
fn budget(ctx: &Ctx, act: &Node, currency: Option<&str>) -> Option<Decimal> {
    let budgets: Vec<Decimal> = act
        .all("budget")
        .filter(|b| matches!(b.attr("type"), None | Some("1")))
        .filter_map(|b| b.child("value"))
        .filter(|v| v.attr("currency").is_none_or(|c| Some(c.trim()) == currency))
        .filter_map(|v| {
            let d = decimal(&v.text);
            if d.is_none() {
                ctx.warn(
                    v,
                    format!(
                        "the budget value `{}` is not a number; it was left out of the budget",
                        one_line(v.text.trim(), 80)
                    ),
                    "IATI numbers have no thousands separators and a `.` decimal point; fix the file, or set `budget:` by hand",
                );
            }
            d
        })
        .collect();
    crate::compute::funding::total(&budgets)
}

/// The recipient countries that are ISO 3166-1 alpha-2 codes, once each.
fn countries(ctx: &Ctx, act: &Node) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for c in act.all("recipient-country") {
        let code = c.attr("code").unwrap_or("").trim().to_ascii_uppercase();
        if !crate::load::countries::is_country(&code) {
            ctx.warn(
                c,
                format!(
                    "recipient-country `{}` is not an ISO 3166-1 alpha-2 code and was left out",
                    one_line(&code, 40)
                ),
                "add it to `countries:` by hand if it is a country",
            );
        } else if seen.insert(code.clone()) {
            countries.push(code);
        }
    }
    countries
}

fn all_periods(results: &[ImportedResult]) -> impl Iterator<Item = &IatiPeriod> + Clone {
    results
        .iter()
        .flat_map(|r| r.indicators.iter())
        .flat_map(|i| i.periods.iter())
}

/// Project span: the activity dates, else the periods.
fn project_span(
    ctx: &Ctx,
    act: &Node,
    identifier: &str,
    results: &[ImportedResult],
) -> Result<(NaiveDate, NaiveDate), ImportError> {
    let activity_date = |types: [&str; 2]| {
        types.iter().find_map(|t| {
            act.all("activity-date")
                .find(|d| d.attr("type") == Some(t))
                .and_then(|d| Some((date(d.attr("iso-date"))?, d)))
        })
    };
    let at = |n: &Node| n.span(ctx.id);
    let first = all_periods(results).map(|p| p.start).min();
    let last = all_periods(results).map(|p| p.end).max();
    let start_node = activity_date(["2", "1"]);
    let end_node = activity_date(["4", "3"]);
    let start = start_node.map(|d| d.0).or(first);
    let end = end_node.map(|d| d.0).or(last);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(
            Diagnostic::error(format!("activity {} has no dates", one_line(identifier, 80)))
                .at(at(act))
                .label("this activity")
                .expected("activity-date elements (types 1-4) or result periods")
                .found("neither")
                .hint("add `activity-date type=\"1\"` and `type=\"3\"` to the activity")
                .into(),
        );
    };
    if end <= start {
        let what = if end == start {
            format!("starts and ends on the same day ({start})")
        } else {
            format!("ends ({end}) before it starts ({start})")
        };
        return Err(
            Diagnostic::error(format!("activity {} {what}", one_line(identifier, 80)))
                .at(at(end_node.or(start_node).map_or(act, |d| d.1)))
                .label(if end_node.is_some() {
                    "the end date"
                } else {
                    "the activity"
                })
                .expected("a start before the end")
                .found(format!("{start} .. {end}"))
                .hint("fix the activity dates in the file")
                .into(),
        );
    }
    Ok((start, end))
}

/// The ends of the reporting periods of `span` at `frequency`.
pub(crate) fn period_ends(span: Period, frequency: Frequency, fiscal: Option<FiscalYearStart>) -> BTreeSet<NaiveDate> {
    reporting_periods(span, frequency, fiscal)
        .iter()
        .map(|p| p.end)
        .collect()
}

/// The reporting frequency when the file does not say: the most common
/// period length, if every target falls on a reporting period's end.
fn guess_frequency(results: &[ImportedResult], span: Period, fiscal: Option<FiscalYearStart>) -> Frequency {
    let target_ends: BTreeSet<NaiveDate> = all_periods(results)
        .filter(|p| p.target.is_some())
        .map(|p| p.end)
        .collect();
    let fits = |f: Frequency| {
        let ends = period_ends(span, f, fiscal);
        target_ends.iter().all(|e| *e == span.end || ends.contains(e))
    };
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for p in all_periods(results) {
        let months =
            ((p.end.year() - p.start.year()) * 12 + p.end.month() as i32 - p.start.month() as i32 + 1).max(1) as u32;
        *counts.entry(months).or_default() += 1;
    }
    let common = counts
        .iter()
        .max_by_key(|(m, n)| (**n, std::cmp::Reverse(**m)))
        .map_or(12, |(m, _)| *m);
    let guess = match common {
        1 => Frequency::Monthly,
        2..=4 => Frequency::Quarterly,
        5..=8 => Frequency::Semiannual,
        _ => Frequency::Annual,
    };
    [
        guess,
        Frequency::Quarterly,
        Frequency::Semiannual,
        Frequency::Annual,
        Frequency::Monthly,
    ]
    .into_iter()
    .find(|f| fits(*f))
    .unwrap_or(Frequency::Monthly)
}

/// Disaggregation dimensions and their values, in order of appearance (at
/// most [`MAX_DIMENSIONS`]).
fn disaggregations(ctx: &Ctx, act: &Node, results: &[ImportedResult]) -> Vec<(String, Vec<String>)> {
    let mut dims: Vec<(String, Vec<String>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let cells = all_periods(results)
        .flat_map(|p| p.cells.iter())
        .flat_map(|c| c.0.iter());
    for (d, v) in cells {
        let at = *index.entry(d.as_str()).or_insert_with(|| {
            dims.push((d.clone(), Vec::new()));
            dims.len() - 1
        });
        if seen.insert((d.as_str(), v.as_str())) {
            dims[at].1.push(v.clone());
        }
    }
    if dims.len() > MAX_DIMENSIONS {
        ctx.warn(
            act,
            format!(
                "the activity uses {} dimensions; logframe keeps the first {MAX_DIMENSIONS}",
                dims.len()
            ),
            "merge dimensions in the source file if you need the others",
        );
        dims.truncate(MAX_DIMENSIONS);
    }
    dims
}
