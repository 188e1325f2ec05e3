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
use crate::model::IndicatorType;
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

/// Two lines over the reporting periods, on a value axis from `bottom`
/// to `top`.
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
    /// The value axis's title (the unit), above its labels.
    pub value_title: Option<String>,
    /// The period axis's title, under its labels.
    pub period_title: String,
    /// The foot of the value axis: 0, or for a level a round value
    /// below the lowest one plotted.
    pub bottom: f64,
    /// The top of the value axis: a round bound above every value.
    pub top: f64,
    /// Ticks from `bottom` to `top` at a round step (whole for counts and
    /// scores), labelled with `%` on a percentage axis.
    pub ticks: Vec<Tick>,
}

/// What the values of an axis are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Scale {
    /// Counts and scores: ticks at whole steps.
    pub whole: bool,
    /// Percentages: labels with the percent sign.
    pub percent: bool,
    /// The axis starts at 0 (counts that add up); else near the lowest
    /// value (a level).
    pub from_zero: bool,
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

/// The least round step at or above `raw`: 1, 2, 2.5 or 5 times a power
/// of ten; for whole values 1, 2 or 5 times a power of ten, and at least 1.
pub(crate) fn nice_step(raw: f64, whole: bool) -> f64 {
    let raw = if whole { raw.max(1.0) } else { raw };
    if raw <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    let ms: &[f64] = if whole {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    for m in ms {
        if m * p >= raw * (1.0 - 1e-9) {
            return m * p;
        }
    }
    10.0 * p
}

/// Where a value label of width `w` starting at `x` goes so that it does
/// not cross the reference line at `line`: where it is, or just past the
/// line.
pub(crate) fn clear_of_line(x: f64, w: f64, line: Option<f64>, gap: f64) -> f64 {
    match line {
        Some(l) if x - gap < l && l < x + w + gap => l + gap,
        _ => x,
    }
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

/// The value axis of a line chart: its foot, its top and its ticks, about
/// four steps of a round size (see [`Scale`]).
fn value_axis(lang: Lang, series: &[Point], scale: Scale) -> (f64, f64, Vec<Tick>) {
    let values: Vec<f64> = series.iter().flat_map(|p| [p.target, p.actual]).flatten().collect();
    let mut lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if values.is_empty() {
        (lo, hi) = (0.0, 1.0);
    }
    if scale.from_zero || lo < 0.0 {
        lo = lo.min(0.0);
    }
    hi = hi.max(0.0);
    if hi - lo < 1e-9 {
        // One value: a step either side.
        let s = nice_step(hi.abs().max(1.0) / 4.0, scale.whole);
        hi += s;
        if !scale.from_zero {
            lo = (lo - s).max(0.0);
        }
    }
    let step = nice_step((hi - lo) / 4.0, scale.whole);
    // (A hair of tolerance: 0.08 / 0.02 is 4.000000000000001.)
    let mut bottom = (lo / step + 1e-9).floor() * step;
    if !scale.from_zero && bottom > 0.0 && (lo - bottom).abs() < step * 1e-9 {
        // The lowest value does not sit on the axis line.
        bottom -= step;
    }
    let mut top = (hi / step - 1e-9).ceil() * step;
    if top - bottom < step * 0.5 {
        top = bottom + step;
    }
    let n = ((top - bottom) / step).round() as usize;
    let ticks = (0..=n)
        .map(|k| {
            let value = bottom + step * k as f64;
            let d = Decimal::from_f64_retain(value)
                .unwrap_or_default()
                .round_dp(2)
                .normalize();
            let label = if scale.percent {
                locale::percent(lang, d)
            } else {
                locale::number(lang, d)
            };
            Tick { value, label }
        })
        .collect();
    (bottom, top, ticks)
}

impl LineChart {
    /// A line chart of `series`, its axis fitted to the values.
    pub(crate) fn new(
        lang: Lang,
        (title, caption): (String, String),
        series: Vec<Point>,
        legend: (&str, &str),
        scale: Scale,
        value_title: Option<String>,
    ) -> Self {
        let (bottom, top, ticks) = value_axis(lang, &series, scale);
        LineChart {
            title,
            caption,
            series,
            target_label: legend.0.to_string(),
            actual_label: legend.1.to_string(),
            value_title,
            period_title: locale::text(lang, "chart-axis-period").to_string(),
            bottom,
            top,
            ticks,
        }
    }

    /// Where `v` sits between the foot and the top of the axis, 0 to 1.
    pub(crate) fn share(&self, v: f64) -> f64 {
        if self.top > self.bottom {
            (v - self.bottom) / (self.top - self.bottom)
        } else {
            0.0
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
    let percent = ind.kind == IndicatorType::Percentage;
    let scale = Scale {
        whole: matches!(ind.kind, IndicatorType::Count | IndicatorType::Qualitative),
        percent,
        from_zero: ind.cumulative,
    };
    // A percentage axis says "%" on its labels; another names its unit.
    let unit = ind.unit.clone().filter(|_| !percent);
    LineChart::new(
        report.lang,
        (
            format!("{} {}", ind.id, ind.title),
            format!("{} {}", l["chart"], ind.id),
        ),
        points(&ind.series),
        (l["chart_target"], l["chart_actual"]),
        scale,
        unit,
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
        (title.clone(), title),
        series,
        (l["burn_time"], l["burn_spent"]),
        Scale {
            whole: false,
            percent: true,
            from_zero: true,
        },
        None,
    ))
}

/// The legend of bars of these statuses: one entry per look, in the
/// order of [`Status::ALL`], the grey one naming every status it stands
/// for.
fn legend<'a>(statuses: impl IntoIterator<Item = (Status, &'a str)>) -> Vec<(Status, String)> {
    let mut all: Vec<(Status, &str)> = statuses.into_iter().collect();
    let rank = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(usize::MAX);
    all.sort_by_key(|(s, _)| rank(*s));
    let mut legend: Vec<(Status, String)> = Vec::new();
    for (status, label) in all {
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
    let (_, max, ticks) = value_axis(
        lang,
        &points,
        Scale {
            from_zero: true,
            ..Scale::default()
        },
    );
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

    const COUNT: Scale = Scale {
        whole: true,
        percent: false,
        from_zero: true,
    };

    fn values(ticks: &[Tick]) -> Vec<f64> {
        ticks.iter().map(|t| t.value).collect()
    }

    #[test]
    fn the_value_axis_goes_up_to_a_round_bound_in_round_steps() {
        // 0 to 172: a step of 172 / 4 = 43, rounded up to 50.
        let (bottom, top, ticks) = value_axis(
            Lang::En,
            &[point(Some(120.0), None), point(Some(150.0), Some(172.0))],
            COUNT,
        );
        assert_eq!((bottom, top), (0.0, 200.0));
        assert_eq!(values(&ticks), [0.0, 50.0, 100.0, 150.0, 200.0]);
        assert_eq!(ticks[4].label, locale::number(Lang::En, Decimal::from(200)));
        // Small values that are not counts: a step of 0.08 / 4 = 0.02.
        let (_, top, ticks) = value_axis(
            Lang::En,
            &[point(Some(0.08), None)],
            Scale {
                from_zero: true,
                ..Scale::default()
            },
        );
        assert_eq!(top, 0.08);
        assert_eq!(ticks[1].label, locale::number(Lang::En, Decimal::new(2, 2)));
    }

    #[test]
    fn counts_and_scores_get_whole_ticks() {
        // Six workshops: 6 / 4 = 1.5, rounded to a whole 2: 0, 2, 4, 6
        // (never 2.5 workshops).
        let (_, top, ticks) = value_axis(Lang::En, &[point(Some(5.7), Some(6.0))], COUNT);
        assert_eq!(top, 6.0);
        assert_eq!(values(&ticks), [0.0, 2.0, 4.0, 6.0]);
        // Two meetings: 2 / 4 = 0.5, at least 1: 0, 1, 2 (no 0.5 meeting).
        let (_, _, ticks) = value_axis(Lang::En, &[point(Some(1.67), Some(2.0))], COUNT);
        assert_eq!(values(&ticks), [0.0, 1.0, 2.0]);
        // A score from 2 to 3.67 on a 1-5 scale (a level): steps of 1 from
        // a whole value below the baseline, not 1.25.
        let score = Scale {
            whole: true,
            percent: false,
            from_zero: false,
        };
        let (_, _, ticks) = value_axis(Lang::En, &[point(Some(2.0), None), point(Some(3.67), Some(3.5))], score);
        assert_eq!(values(&ticks), [1.0, 2.0, 3.0, 4.0]);
    }

    #[test]
    fn a_level_axis_starts_near_its_values_so_a_gap_shows() {
        // Days from 180 down to 130.04 expected, 140 actual: (180 − 130.04)
        // / 4 = 12.5, a step of 20; the foot 120 is below 130.04: the gap of
        // 10 days between 140 and 130 takes a sixth of the axis, not a
        // twentieth.
        let level = Scale {
            whole: false,
            percent: false,
            from_zero: false,
        };
        let (bottom, top, ticks) = value_axis(
            Lang::En,
            &[point(Some(180.0), Some(180.0)), point(Some(130.04), Some(140.0))],
            level,
        );
        assert_eq!((bottom, top), (120.0, 180.0));
        assert_eq!(values(&ticks), [120.0, 140.0, 160.0, 180.0]);
    }

    #[test]
    fn a_percentage_axis_says_percent() {
        let pct = Scale {
            whole: false,
            percent: true,
            from_zero: true,
        };
        let (_, top, ticks) = value_axis(Lang::En, &[point(Some(80.0), Some(76.92))], pct);
        assert_eq!(top, 80.0);
        assert_eq!(ticks[4].label, locale::percent(Lang::En, Decimal::from(80)));
        assert!(ticks.iter().all(|t| t.label.contains('%')));
    }

    #[test]
    fn an_empty_series_gets_an_axis_to_one() {
        let (bottom, top, ticks) = value_axis(Lang::En, &[point(None, None)], COUNT);
        assert_eq!((bottom, top), (0.0, 1.0));
        assert_eq!(ticks.len(), 2);
    }

    #[test]
    fn a_label_is_moved_past_the_reference_line_it_would_cross() {
        // A label from 90 to 120 crosses the line at 100: it starts past it.
        assert_eq!(clear_of_line(90.0, 30.0, Some(100.0), 3.0), 103.0);
        // One that starts past the line, or ends before it, stays.
        assert_eq!(clear_of_line(104.0, 30.0, Some(100.0), 3.0), 104.0);
        assert_eq!(clear_of_line(60.0, 30.0, Some(100.0), 3.0), 60.0);
        assert_eq!(clear_of_line(90.0, 30.0, None, 3.0), 90.0);
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
    fn the_legend_shows_each_look_once_in_status_order_and_names_the_grey_statuses() {
        let l = legend([
            (Status::OnTrack, "on track"),
            (Status::NoData, "no data"),
            (Status::OnTrack, "on track"),
            (Status::NoTarget, "no target"),
            (Status::NoData, "no data"),
            (Status::Achieved, "achieved"),
        ]);
        // In the order of Status::ALL, whatever the order of the bars.
        assert_eq!(
            l,
            [
                (Status::Achieved, "achieved".to_string()),
                (Status::OnTrack, "on track".to_string()),
                (Status::NoData, "no data / no target".to_string()),
            ]
        );
    }
}
