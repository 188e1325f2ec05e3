//! The charts of a report, described once: what is plotted (series, bars,
//! statuses), on which scale (a "nice" value axis, the 150 % cap of the
//! bars), with which ticks and labels (already localised) and which legend.
//! The SVG drawer ([`super::svg`]) and the PDF drawer (`charts` in
//! [`crate::render::pdf`]) only place these on their own canvas, so that
//! the two outputs cannot disagree about a figure, a tick or a cap.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::compute::Status;
use crate::locale::{self, Lang};
use crate::report::portfolio::StandardSection;
use crate::report::{IndicatorSection, Report, SeriesPoint, UNDEFINED};

/// Bars (of the summary chart and of the indicator tables' progress
/// column) are cut at this percent of the target; a longer bar keeps its
/// label.
pub(crate) const CAP: f64 = 150.0;

/// The reference line of the bars: the target to date.
pub(crate) const TARGET_LINE: f64 = 100.0;

/// Where the bars' value axis has a grid line, in percent.
const BAR_GRID: [f64; 4] = [0.0, 50.0, TARGET_LINE, CAP];

/// A value axis mark and its label.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tick {
    pub value: f64,
    pub label: String,
}

/// One reporting period of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point {
    pub period: String,
    /// The dashed line: the target in force (or the time elapsed).
    pub target: Option<f64>,
    /// The solid line with dots: the actual to date (or the spending).
    pub actual: Option<f64>,
}

/// Two lines over the reporting periods, on a value axis from 0 to `top`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineChart {
    /// The title of the chart on its own (an SVG file): "1100.1 Number of
    /// cases".
    pub title: String,
    /// The caption of the chart under its section's heading (the PDF):
    /// "Progress chart 1100.1".
    pub caption: String,
    pub series: Vec<Point>,
    pub target_label: String,
    pub actual_label: String,
    /// The top of the value axis: a "nice" bound above every value.
    pub top: f64,
    /// Five ticks, 0 to `top`.
    pub ticks: Vec<Tick>,
}

/// One bar: an indicator's percent of its target to date, or a
/// framework's contribution to a standard indicator.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub id: String,
    /// `None` when undefined (no target, no data): no bar, the label says
    /// why.
    pub value: Option<f64>,
    pub label: String,
    pub status: Status,
}

/// Horizontal bars on a value axis from 0 to `max` (longer bars are cut
/// there and keep their label), with an optional reference line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarChart {
    pub title: String,
    pub bars: Vec<Bar>,
    /// The end of the value axis: [`CAP`] for percents of the target.
    pub max: f64,
    /// The dashed reference line: [`TARGET_LINE`] for percents of the
    /// target, none for contributions.
    pub reference: Option<f64>,
    /// The grid: 0, 50, 100 and 150 % for percents of the target.
    pub ticks: Vec<Tick>,
    /// Each look shown (see [`drawn_as`]) with its status labels.
    pub legend: Vec<(Status, String)>,
}

/// A chart of the report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Chart {
    Line(LineChart),
    Bars(BarChart),
}

/// A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten.
pub(crate) fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= max {
            return m * p;
        }
    }
    10.0 * p
}

/// The status whose look (colour, pattern) `s` shares: the three statuses
/// without a figure to judge are drawn alike, in grey.
pub(crate) fn drawn_as(s: Status) -> Status {
    match s {
        Status::NoData | Status::NotYetDue | Status::NoTarget => Status::NoData,
        s => s,
    }
}

fn to_f64(d: Option<Decimal>) -> Option<f64> {
    d.and_then(|d| d.to_f64())
}

/// The value axis of a line chart: `top` and five ticks from 0.
fn value_axis(lang: Lang, series: &[Point]) -> (f64, Vec<Tick>) {
    let max = series
        .iter()
        .flat_map(|p| [p.target, p.actual])
        .flatten()
        .fold(0.0, f64::max);
    let top = nice_max(max);
    let ticks = (0..=4)
        .map(|k| {
            let value = top * f64::from(k) / 4.0;
            let label = locale::number(lang, Decimal::from_f64_retain(value).unwrap_or_default().round_dp(2));
            Tick { value, label }
        })
        .collect();
    (top, ticks)
}

impl LineChart {
    /// A line chart of `series`, its axis fitted to the values.
    pub(crate) fn new(lang: Lang, title: String, caption: String, series: Vec<Point>, legend: (&str, &str)) -> Self {
        let (top, ticks) = value_axis(lang, &series);
        LineChart {
            title,
            caption,
            series,
            target_label: legend.0.to_string(),
            actual_label: legend.1.to_string(),
            top,
            ticks,
        }
    }
}

fn points(series: &[SeriesPoint]) -> Vec<Point> {
    series
        .iter()
        .map(|p| Point {
            period: p.period.clone(),
            target: to_f64(p.target),
            actual: to_f64(p.actual),
        })
        .collect()
}

/// The progress chart of one indicator: target in force against actual
/// to date, period by period.
pub(crate) fn indicator(report: &Report, ind: &IndicatorSection) -> LineChart {
    let l = &report.labels;
    LineChart::new(
        report.lang,
        format!("{} {}", ind.id, ind.title),
        format!("{} {}", l["chart"], ind.id),
        points(&ind.series),
        (l["chart_target"], l["chart_actual"]),
    )
}

/// The burn-rate chart of the financial section: cumulative spending
/// against the share of the project's time elapsed, in percent; `None`
/// without a financial section or spending to chart.
pub(crate) fn burn(report: &Report) -> Option<LineChart> {
    let funding = report.funding.as_ref().filter(|f| f.chart.is_some())?;
    let series = funding
        .chart_points
        .iter()
        .map(|p| Point {
            period: p.period.clone(),
            target: to_f64(p.elapsed_percent),
            actual: to_f64(p.spent_percent),
        })
        .collect();
    let l = &report.labels;
    let title = l["burn_chart"].to_string();
    Some(LineChart::new(
        report.lang,
        title.clone(),
        title,
        series,
        (l["burn_time"], l["burn_spent"]),
    ))
}

/// The legend of bars of these statuses: one entry per look, in order of
/// first appearance, the grey one naming every status it stands for.
fn legend<'a>(statuses: impl IntoIterator<Item = (Status, &'a str)>) -> Vec<(Status, String)> {
    let mut legend: Vec<(Status, String)> = Vec::new();
    for (status, label) in statuses {
        let look = drawn_as(status);
        match legend.iter_mut().find(|(x, _)| *x == look) {
            None => legend.push((look, label.to_string())),
            Some(entry) if look == Status::NoData && !entry.1.split(" / ").any(|s| s == label) => {
                entry.1 = format!("{} / {}", entry.1, label);
            }
            Some(_) => {}
        }
    }
    legend
}

/// The summary chart: percent of the target to date per indicator.
pub(crate) fn summary(report: &Report) -> BarChart {
    let lang = report.lang;
    let inds: Vec<&IndicatorSection> = report.results.iter().flat_map(|r| &r.indicators).collect();
    let bars = inds
        .iter()
        .map(|ind| Bar {
            id: ind.id.clone(),
            value: to_f64(ind.figures.percent_to_date),
            label: match ind.figures.percent_to_date {
                Some(d) => locale::percent(lang, d),
                None => format!("{UNDEFINED} ({})", ind.status_label),
            },
            status: ind.status,
        })
        .collect();
    BarChart {
        title: report.labels["summary_chart"].to_string(),
        bars,
        max: CAP,
        reference: Some(TARGET_LINE),
        ticks: bar_ticks(lang),
        legend: legend(inds.iter().map(|i| (i.status, i.status_label))),
    }
}

/// The bars of a standard indicator in the portfolio report: each
/// framework's contribution (its figure, with its own status), on a value
/// axis from 0 to a "nice" bound with five ticks.
pub(crate) fn contributions(lang: Lang, labels: &BTreeMap<&str, &str>, s: &StandardSection) -> BarChart {
    let bars: Vec<Bar> = s
        .bars
        .iter()
        .map(|b| Bar {
            id: b.framework.clone(),
            value: b.value,
            label: b.label.clone(),
            status: b.status,
        })
        .collect();
    let points: Vec<Point> = bars
        .iter()
        .map(|b| Point {
            period: String::new(),
            target: None,
            actual: b.value,
        })
        .collect();
    let (max, ticks) = value_axis(lang, &points);
    BarChart {
        title: format!("{}{} {} ({})", labels["pf_chart"], labels["colon"], s.code, s.unit),
        legend: legend(bars.iter().map(|b| (b.status, locale::status(lang, b.status)))),
        bars,
        max,
        reference: None,
        ticks,
    }
}

pub(crate) fn bar_ticks(lang: Lang) -> Vec<Tick> {
    BAR_GRID
        .iter()
        .map(|&value| Tick {
            value,
            label: locale::percent(lang, Decimal::from_f64_retain(value).unwrap_or_default()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(target: Option<f64>, actual: Option<f64>) -> Point {
        Point {
            period: "2023-Q3".into(),
            target,
            actual,
        }
    }

    #[test]
    fn axis_bounds_are_round() {
        assert_eq!(nice_max(172.0), 200.0);
        assert_eq!(nice_max(35.0), 50.0);
        assert_eq!(nice_max(2.0), 2.0);
        assert_eq!(nice_max(0.0), 1.0);
    }

    #[test]
    fn the_value_axis_has_five_ticks_up_to_a_nice_bound() {
        let (top, ticks) = value_axis(Lang::En, &[point(Some(120.0), None), point(Some(150.0), Some(172.0))]);
        assert_eq!(top, 200.0);
        let values: Vec<f64> = ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, [0.0, 50.0, 100.0, 150.0, 200.0]);
        assert_eq!(ticks[4].label, locale::number(Lang::En, Decimal::from(200)));
        // Small values keep two decimals.
        let (top, ticks) = value_axis(Lang::En, &[point(Some(0.08), None)]);
        assert_eq!(top, 0.1);
        assert_eq!(ticks[1].label, locale::number(Lang::En, Decimal::new(3, 2)));
    }

    #[test]
    fn an_empty_series_gets_an_axis_to_one() {
        let (top, ticks) = value_axis(Lang::En, &[point(None, None)]);
        assert_eq!(top, 1.0);
        assert_eq!(ticks.len(), 5);
    }

    #[test]
    fn bars_are_cut_at_150_percent_with_the_100_percent_line_on_the_grid() {
        let values: Vec<f64> = bar_ticks(Lang::En).iter().map(|t| t.value).collect();
        assert_eq!(values, [0.0, 50.0, 100.0, 150.0]);
        assert_eq!(CAP, 150.0);
        assert!(values.contains(&TARGET_LINE));
        assert_eq!(values.last(), Some(&CAP));
    }

    #[test]
    fn the_legend_shows_each_look_once_and_names_the_grey_statuses() {
        let l = legend([
            (Status::OnTrack, "on track"),
            (Status::NoData, "no data"),
            (Status::OnTrack, "on track"),
            (Status::NoTarget, "no target"),
            (Status::NoData, "no data"),
            (Status::Achieved, "achieved"),
        ]);
        assert_eq!(
            l,
            [
                (Status::OnTrack, "on track".to_string()),
                (Status::NoData, "no data / no target".to_string()),
                (Status::Achieved, "achieved".to_string()),
            ]
        );
    }
}
