//! Data quality as figures: completeness, timeliness and consistency rates
//! per indicator, per country and overall.
//!
//! The findings of [`super::quality`] list what is wrong; an evaluator also
//! needs how much is right. The rules are the findings' own, counted:
//!
//! - **completeness**: of the periods *due* (each period of the indicator's
//!   frequency that lies wholly within the project and whose deadline, its
//!   end plus `deadline_days`, is before the day of the check), those with
//!   a value. Indicators whose PMF frequency is irregular ("quarter
//!   following each workshop") and milestones (due once, by their date) are
//!   not checked, and say why ([`NotChecked`]), never silently.
//! - **timeliness**: of the periods received, those whose every value was
//!   first recorded (`recorded_at` of the first row of each key: a
//!   correction is later by nature) no later than the deadline. Periods
//!   whose rows carry no `recorded_at` cannot be judged and are left out.
//! - **consistency**: of the measured periods recorded in more than one
//!   shape (a total and a breakdown, or two breakdowns), those whose every
//!   breakdown adds up to the total.
//!
//! Per country (the disaggregation named `country`): the values (ledger
//! keys) giving that country, how many were on time, and of the
//! measured periods holding the country in a period recorded in more than
//! one shape, how many add up. Completeness per country is not defined: a
//! framework does not say which countries report in which period.
//!
//! Every rate is a `Decimal` percent, `None` when nothing was due (or
//! received, or broken down): 0 % would claim a failure.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::Computed;
use super::quality::{Rules, due_periods, expected_frequency};
use super::sum::add;
use crate::ledger::row::TOTAL;
use crate::model::{Frequency, IndicatorType, Period, Value};

/// `part` of `whole`, and its percent (`None` when `whole` is 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Rate {
    pub part: usize,
    pub whole: usize,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub percent: Option<Decimal>,
}

impl Rate {
    pub fn new(part: usize, whole: usize) -> Rate {
        Rate {
            part,
            whole,
            percent: (whole > 0).then(|| Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole)),
        }
    }

    fn plus(self, o: Rate) -> Rate {
        Rate::new(self.part + o.part, self.whole + o.whole)
    }
}

/// Why an indicator's completeness and timeliness are not checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum NotChecked {
    /// Its PMF frequency names no regular period.
    Irregular { frequency: String },
    /// A milestone is due once, by its date.
    Milestone,
}

/// The rates of one indicator.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IndicatorRates {
    pub indicator: String,
    /// The frequency values were expected at, when checked.
    pub frequency: Option<Frequency>,
    pub not_checked: Option<NotChecked>,
    /// Received of due periods.
    pub completeness: Rate,
    /// On time of received periods with a known recording time.
    pub timeliness: Rate,
    /// Adding up of periods recorded in more than one shape.
    pub consistency: Rate,
    /// Due periods without a value.
    pub missing: Vec<Period>,
    /// Received periods with a value first recorded after the deadline.
    pub late: Vec<Period>,
}

/// The rates of one country.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CountryRates {
    pub country: String,
    /// On time of the values (keys) giving the country, with a known time.
    pub timeliness: Rate,
    /// Adding up of the periods holding the country and recorded in more
    /// than one shape.
    pub consistency: Rate,
}

/// Every rate of a framework, as of a day.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QualityRates {
    pub deadline_days: u32,
    pub today: chrono::NaiveDate,
    pub indicators: Vec<IndicatorRates>,
    pub countries: Vec<CountryRates>,
    /// Sums over the indicators checked.
    pub completeness: Rate,
    pub timeliness: Rate,
    pub consistency: Rate,
}

/// Whether the measured period's breakdowns add up to its total, when it
/// was recorded in more than one shape (`None` when in one shape only).
fn adds_up(c: &Computed, rows: &[u32]) -> Option<bool> {
    let mut shapes: BTreeMap<u8, Value> = BTreeMap::new();
    for &r in rows {
        let s = c.ledger.shape(r);
        let v = c.ledger.value(r);
        let sum = match shapes.get(&s) {
            Some(prev) => add(prev, &v),
            None => v,
        };
        shapes.insert(s, sum);
    }
    if shapes.len() < 2 {
        return None;
    }
    let mut sums = shapes.values();
    let first = sums.next().expect("two shapes");
    if matches!(first, Value::Text { .. } | Value::Flag { .. }) {
        return None;
    }
    Some(sums.all(|s| s == first))
}

/// First recording time of each key known at the check's `as_of`, with the
/// key's indicator, period and country (dimension `country`), in trail order.
struct FirstRow {
    indicator: usize,
    period: Period,
    country: Option<u16>,
    at: Option<chrono::DateTime<chrono::Utc>>,
}

fn first_rows(c: &Computed, country: Option<usize>) -> Vec<FirstRow> {
    let ledger = c.ledger;
    let mut out = Vec::new();
    let mut previous = None;
    for t in ledger.trail(c.as_of) {
        let key = ledger.key(t);
        if previous == Some(key) {
            continue;
        }
        previous = Some(key);
        let e = ledger.entry(t);
        out.push(FirstRow {
            indicator: e.indicator as usize,
            period: e.period,
            country: country.map(|d| e.dims.0[d]).filter(|&k| k != TOTAL),
            at: e.recorded_at,
        });
    }
    out
}

pub fn rates(c: &Computed, rules: &Rules) -> QualityRates {
    let fw = c.fw;
    let country = fw.disaggregation_index("country");
    let firsts = first_rows(c, country);
    // The dated first recordings of each indicator by period: how late the
    // latest one is decides whether all of a window's were on time.
    let mut dated: Vec<Vec<(Period, chrono::DateTime<chrono::Utc>)>> = vec![Vec::new(); fw.indicators.len()];
    for f in &firsts {
        let Some(at) = f.at else { continue };
        let periods = &mut dated[f.indicator];
        // The trail holds each indicator's periods together: the last one
        // is looked at first.
        match periods.iter_mut().rev().find(|(p, _)| *p == f.period) {
            Some(latest) => latest.1 = latest.1.max(at),
            None => periods.push((f.period, at)),
        }
    }
    let mut indicators = Vec::new();
    for (i, ind) in fw.indicators.iter().enumerate() {
        let points = &c.series.by_indicator[i];
        let consistency = {
            let checked: Vec<bool> = points.iter().filter_map(|p| adds_up(c, &p.rows)).collect();
            Rate::new(checked.iter().filter(|&&b| b).count(), checked.len())
        };
        let freq = expected_frequency(c, ind);
        let not_checked = match (freq, ind.kind) {
            (Some(_), _) => None,
            (None, IndicatorType::Milestone) => Some(NotChecked::Milestone),
            (None, _) => Some(NotChecked::Irregular {
                frequency: ind
                    .pmf
                    .frequency
                    .as_ref()
                    .map(|t| t.default.clone())
                    .unwrap_or_default(),
            }),
        };
        let due = freq.map(|f| due_periods(c, f, rules)).unwrap_or_default();
        let (mut missing, mut late) = (Vec::new(), Vec::new());
        let mut received = 0;
        let (mut judged, mut on_time) = (0, 0);
        for w in &due {
            if !points.iter().any(|p| p.period.overlaps(w)) {
                missing.push(*w);
                continue;
            }
            received += 1;
            let Some(latest) = dated[i].iter().filter(|(p, _)| p.overlaps(w)).map(|&(_, at)| at).max() else {
                continue;
            };
            judged += 1;
            if latest.date_naive() <= rules.due(w) {
                on_time += 1;
            } else {
                late.push(*w);
            }
        }
        indicators.push(IndicatorRates {
            indicator: ind.id.clone(),
            frequency: freq,
            not_checked,
            completeness: Rate::new(received, due.len()),
            timeliness: Rate::new(on_time, judged),
            consistency,
            missing,
            late,
        });
    }
    let countries = match country {
        None => Vec::new(),
        Some(d) => country_rates(c, rules, d, &firsts),
    };
    let total = |f: fn(&IndicatorRates) -> Rate| indicators.iter().map(f).fold(Rate::new(0, 0), Rate::plus);
    QualityRates {
        deadline_days: rules.deadline_days,
        today: rules.today,
        completeness: total(|r| r.completeness),
        timeliness: total(|r| r.timeliness),
        consistency: total(|r| r.consistency),
        indicators,
        countries,
    }
}

fn country_rates(c: &Computed, rules: &Rules, d: usize, firsts: &[FirstRow]) -> Vec<CountryRates> {
    let values = &c.fw.disaggregations[d].values;
    // One pass over the first recordings and one over the points, each
    // counted under its country (a point under each country of its rows).
    let mut recorded = vec![false; values.len()];
    let mut dated: Vec<(usize, usize)> = vec![(0, 0); values.len()];
    for f in firsts {
        let Some(k) = f.country.map(usize::from).filter(|&k| k < values.len()) else {
            continue;
        };
        recorded[k] = true;
        if let Some(at) = f.at {
            dated[k].1 += 1;
            if at.date_naive() <= rules.due(&f.period) {
                dated[k].0 += 1;
            }
        }
    }
    let mut checked: Vec<(usize, usize)> = vec![(0, 0); values.len()];
    let mut countries: Vec<usize> = Vec::new();
    for p in c.series.by_indicator.iter().flatten() {
        countries.clear();
        countries.extend(
            p.rows
                .iter()
                .map(|&r| usize::from(c.ledger.dims(r).0[d]))
                .filter(|&k| k < values.len()),
        );
        if countries.is_empty() {
            continue;
        }
        let Some(adds_up) = adds_up(c, &p.rows) else { continue };
        countries.sort_unstable();
        countries.dedup();
        for &k in &countries {
            checked[k].1 += 1;
            if adds_up {
                checked[k].0 += 1;
            }
        }
    }
    (0..values.len())
        .filter(|&k| recorded[k])
        .map(|k| CountryRates {
            country: values[k].clone(),
            timeliness: Rate::new(dated[k].0, dated[k].1),
            consistency: Rate::new(checked[k].0, checked[k].1),
        })
        .collect()
}

#[cfg(test)]
#[path = "quality_rates_tests.rs"]
mod tests;
