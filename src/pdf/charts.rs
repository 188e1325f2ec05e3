//! The report's charts as vector drawings: the same data and scales as the
//! SVG charts of the Markdown report ([`crate::render::chart`]): per
//! indicator, the target in force (dashed) against the actual to date
//! (solid) over the reporting periods on a "nice" value axis; and the
//! summary bars of the percent of the target to date, cut at 150 %, with
//! the 100 % line. Charts become layout [`Item`]s inside the box the
//! layout gave them, so they are measured and checked like any other text.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::layout::{BLACK, Face, GREY, Item, Measure, Rgb, Tone};
use crate::report::i18n::{self, Lang};
use crate::report::{IndicatorSection, Report, UNDEFINED};

pub const TARGET_COLOUR: Rgb = [0.498, 0.498, 0.498]; // #7f7f7f, as the SVG
pub const ACTUAL_COLOUR: Rgb = [0.122, 0.373, 0.659]; // #1f5fa8
const GRID: Rgb = [0.88, 0.88, 0.88];
/// Bars of the summary chart are cut here, as in the SVG.
pub const CAP: f64 = 150.0;

/// One period of a progress chart: period, target in force, actual.
pub type Point = (String, Option<f64>, Option<f64>);

/// A chart to draw, with its data already localised.
#[derive(Debug, Clone)]
pub enum Chart {
    Progress {
        caption: String,
        /// Period, target in force, actual to date.
        series: Vec<Point>,
        target_label: String,
        actual_label: String,
        lang: Lang,
    },
    Summary {
        caption: String,
        /// Indicator id, percent of the target to date, bar label, tone.
        rows: Vec<(String, Option<f64>, String, Tone)>,
        /// Tones present with their status label, for the legend.
        legend: Vec<(Tone, String)>,
        lang: Lang,
    },
}

/// The same axis rule as the SVG charts.
pub use crate::render::chart::nice_max;

pub fn tone(s: crate::compute::Status) -> Tone {
    use crate::compute::Status;
    match s {
        Status::Achieved => Tone::Achieved,
        Status::OnTrack => Tone::OnTrack,
        Status::AtRisk => Tone::AtRisk,
        Status::OffTrack => Tone::OffTrack,
        Status::NoData | Status::NotYetDue | Status::NoTarget => Tone::Neutral,
    }
}

pub fn progress(report: &Report, ind: &IndicatorSection) -> Chart {
    let dec = |d: Option<Decimal>| d.and_then(|d| d.to_f64());
    Chart::Progress {
        caption: format!("{} {}", report.labels["chart"], ind.id),
        series: ind
            .series
            .iter()
            .map(|p| (p.period.clone(), dec(p.target), dec(p.actual)))
            .collect(),
        target_label: report.labels["chart_target"].to_string(),
        actual_label: report.labels["chart_actual"].to_string(),
        lang: report.lang,
    }
}

pub fn summary(report: &Report) -> Chart {
    let mut legend: Vec<(Tone, String)> = Vec::new();
    let rows = report
        .results
        .iter()
        .flat_map(|r| &r.indicators)
        .map(|ind| {
            let t = tone(ind.status);
            if !legend.iter().any(|(x, _)| *x == t) {
                legend.push((t, ind.status_label.to_string()));
            } else if t == Tone::Neutral
                && let Some(l) = legend.iter_mut().find(|(x, _)| *x == t)
                && !l.1.split(" / ").any(|s| s == ind.status_label)
            {
                l.1 = format!("{} / {}", l.1, ind.status_label);
            }
            let p = ind.figures.percent_to_date.and_then(|d| d.to_f64());
            let label = match ind.figures.percent_to_date {
                Some(d) => i18n::percent(report.lang, d),
                None => format!("{UNDEFINED} ({})", ind.status_label),
            };
            (ind.id.clone(), p, label, t)
        })
        .collect();
    Chart::Summary {
        caption: report.labels["summary_chart"].to_string(),
        rows,
        legend,
        lang: report.lang,
    }
}

/// The height a chart needs at `width`.
pub fn height(chart: &Chart) -> f32 {
    match chart {
        Chart::Progress { .. } => 170.0,
        Chart::Summary { rows, .. } => 22.0 + 15.0 * rows.len() as f32 + 16.0 + 20.0,
    }
}

/// Place `s` with its baseline at `at`; returns its width.
fn text(m: &dyn Measure, items: &mut Vec<Item>, at: (f32, f32), style: (f32, Face, Rgb), s: &str) -> f32 {
    let ((x, y), (size, face, colour)) = (at, style);
    let width = m.width(face, size, s);
    items.push(Item::Text {
        x,
        y,
        size,
        face,
        colour,
        text: s.to_string(),
        width,
    });
    width
}

fn rule(items: &mut Vec<Item>, a: (f32, f32), b: (f32, f32), width: f32, colour: Rgb, dash: Option<(f32, f32)>) {
    items.push(Item::Path {
        points: vec![a, b],
        width,
        colour,
        dash,
    });
}

/// Draw `chart` into the box at `(x, y)` of size `w` × `h`.
pub fn items(m: &dyn Measure, chart: &Chart, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let mut it = Vec::new();
    match chart {
        Chart::Progress {
            caption,
            series,
            target_label,
            actual_label,
            lang,
        } => {
            let size = 7.0;
            // Caption and legend on the first line.
            let base = y + 9.0;
            let cw = text(m, &mut it, (x, base), (8.0, Face::Bold, BLACK), caption);
            let mut lx = x + cw + 18.0;
            rule(
                &mut it,
                (lx, base - 2.5),
                (lx + 22.0, base - 2.5),
                1.5,
                TARGET_COLOUR,
                Some((4.0, 3.0)),
            );
            lx += 26.0;
            lx += text(m, &mut it, (lx, base), (size, Face::Regular, BLACK), target_label) + 14.0;
            rule(
                &mut it,
                (lx, base - 2.5),
                (lx + 22.0, base - 2.5),
                1.8,
                ACTUAL_COLOUR,
                None,
            );
            lx += 26.0;
            text(m, &mut it, (lx, base), (size, Face::Regular, BLACK), actual_label);
            let max = series
                .iter()
                .flat_map(|(_, t, a)| [*t, *a])
                .flatten()
                .fold(0.0, f64::max);
            let top_value = nice_max(max);
            let labels: Vec<String> = (0..=4)
                .map(|k| {
                    let v = top_value * f64::from(k) / 4.0;
                    i18n::number(*lang, Decimal::from_f64_retain(v).unwrap_or_default().round_dp(2))
                })
                .collect();
            let label_w = labels
                .iter()
                .map(|l| m.width(Face::Regular, size, l))
                .fold(0.0, f32::max);
            let (pl, pr, pt, pb) = (x + label_w + 6.0, x + w - 6.0, y + 22.0, y + h - 16.0);
            let (pw, ph) = (pr - pl, pb - pt);
            let yv = |v: f64| pb - ph * (v / top_value) as f32;
            for (k, l) in labels.iter().enumerate() {
                let v = top_value * k as f64 / 4.0;
                let yy = yv(v);
                rule(&mut it, (pl, yy), (pr, yy), 0.5, GRID, None);
                let lw = m.width(Face::Regular, size, l);
                let at = (pl - 4.0 - lw, yy + size * 0.35);
                text(m, &mut it, at, (size, Face::Regular, GREY), l);
            }
            rule(&mut it, (pl, pb), (pr, pb), 0.8, GREY, None);
            let n = series.len().max(1);
            let xi = |i: usize| {
                if n == 1 {
                    pl + pw / 2.0
                } else {
                    pl + pw * i as f32 / (n - 1) as f32
                }
            };
            // Period labels, thinned so that they never touch.
            let widest = series
                .iter()
                .map(|(p, _, _)| m.width(Face::Regular, size, p))
                .fold(0.0, f32::max);
            let step = if n > 1 { pw / (n - 1) as f32 } else { pw };
            let every = ((widest + 6.0) / step).ceil().max(1.0) as usize;
            // The last period is always labelled; a label it would touch
            // gives way.
            let mut placed: Vec<(f32, f32, usize)> = Vec::new();
            for (i, (p, _, _)) in series.iter().enumerate() {
                if i % every == 0 || i + 1 == n {
                    let lw = m.width(Face::Regular, size, p);
                    let lx = (xi(i) - lw / 2.0).clamp(x, x + w - lw);
                    while placed.last().is_some_and(|(px, pw, _)| lx < px + pw + 4.0) {
                        placed.pop();
                    }
                    placed.push((lx, lw, i));
                }
            }
            for (lx, _, i) in placed {
                rule(&mut it, (xi(i), pb), (xi(i), pb + 2.5), 0.5, GREY, None);
                text(m, &mut it, (lx, pb + 11.0), (size, Face::Regular, GREY), &series[i].0);
            }
            let line = |pick: &dyn Fn(&Point) -> Option<f64>| -> Vec<(f32, f32)> {
                series
                    .iter()
                    .enumerate()
                    .filter_map(|(i, s)| pick(s).map(|v| (xi(i), yv(v))))
                    .collect()
            };
            let target = line(&|s| s.1);
            let actual = line(&|s| s.2);
            if target.len() > 1 {
                it.push(Item::Path {
                    points: target,
                    width: 1.5,
                    colour: TARGET_COLOUR,
                    dash: Some((4.0, 3.0)),
                });
            } else if let Some(&(px, py)) = target.first() {
                // A single target: a short bar across the point (it shows
                // on either side of an actual's dot at the same place) and
                // a dot, so that the chart is not blank.
                let half = (pw / 2.0).min(8.0);
                rule(&mut it, (px - half, py), (px + half, py), 1.5, TARGET_COLOUR, None);
                it.push(Item::Dot {
                    x: px,
                    y: py,
                    r: 2.6,
                    colour: TARGET_COLOUR,
                });
            }
            if actual.len() > 1 {
                it.push(Item::Path {
                    points: actual.clone(),
                    width: 1.8,
                    colour: ACTUAL_COLOUR,
                    dash: None,
                });
            }
            for (px, py) in actual {
                it.push(Item::Dot {
                    x: px,
                    y: py,
                    r: 2.2,
                    colour: ACTUAL_COLOUR,
                });
            }
        }
        Chart::Summary {
            caption,
            rows,
            legend,
            lang,
        } => {
            let size = 7.5;
            let row = 15.0;
            text(m, &mut it, (x, y + 10.0), (9.0, Face::Bold, BLACK), caption);
            let label_w = rows
                .iter()
                .map(|r| m.width(Face::Regular, size, &r.0))
                .fold(0.0, f32::max);
            let value_w = rows
                .iter()
                .map(|r| m.width(Face::Regular, size, &r.2))
                .fold(0.0, f32::max);
            let (pl, pr) = (x + label_w + 8.0, x + w - value_w - 8.0);
            let pw = pr - pl;
            let top = y + 22.0;
            let bottom = top + row * rows.len() as f32;
            let xv = |p: f64| pl + pw * (p.clamp(0.0, CAP) / CAP) as f32;
            for p in [0.0, 50.0, 100.0, 150.0] {
                let xx = xv(p);
                let (c, wd, dash) = if p == 100.0 {
                    ([0.2, 0.2, 0.2], 0.8, Some((3.0, 2.0)))
                } else {
                    (GRID, 0.5, None)
                };
                rule(&mut it, (xx, top), (xx, bottom), wd, c, dash);
                let l = i18n::percent(*lang, Decimal::from_f64_retain(p).unwrap_or_default());
                let lw = m.width(Face::Regular, size, &l);
                let at = ((xx - lw / 2.0).min(x + w - lw), bottom + 10.0);
                text(m, &mut it, at, (size, Face::Regular, GREY), &l);
            }
            for (k, (id, p, label, tone)) in rows.iter().enumerate() {
                let yy = top + row * k as f32;
                let base = yy + row / 2.0 + size * 0.35;
                let iw = m.width(Face::Regular, size, id);
                text(m, &mut it, (pl - 5.0 - iw, base), (size, Face::Regular, BLACK), id);
                let bw = p.map(|p| xv(p) - pl).unwrap_or(0.0);
                if bw > 0.0 {
                    it.push(Item::Bar {
                        x: pl,
                        y: yy + 3.0,
                        w: bw,
                        h: row - 6.0,
                        fraction: 1.0,
                        tone: *tone,
                        tick: None,
                    });
                }
                text(m, &mut it, (pl + bw + 4.0, base), (size, Face::Regular, BLACK), label);
            }
            // Legend: the pattern of each status shown, with its name.
            let ly = bottom + 18.0;
            let mut lx = x;
            for (tone, label) in legend {
                it.push(Item::Bar {
                    x: lx,
                    y: ly,
                    w: 16.0,
                    h: 8.0,
                    fraction: 1.0,
                    tone: *tone,
                    tick: None,
                });
                lx += 20.0;
                lx += text(m, &mut it, (lx, ly + 7.0), (size, Face::Regular, BLACK), label) + 12.0;
            }
        }
    }
    it
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::font::Fonts;

    #[test]
    fn axis_bounds_match_the_svg_chart() {
        assert_eq!(nice_max(172.0), 200.0);
        assert_eq!(nice_max(35.0), 50.0);
        assert_eq!(nice_max(2.0), 2.0);
        assert_eq!(nice_max(0.0), 1.0);
    }

    #[test]
    fn charts_stay_inside_their_box() {
        let m = Fonts::get();
        let series = (0..40)
            .map(|i| {
                (
                    format!("2021-Q{}", i % 4 + 1),
                    Some(f64::from(i)),
                    (i < 30).then_some(f64::from(i) * 1.2),
                )
            })
            .collect();
        let c = Chart::Progress {
            caption: "Progress chart 1100.1".into(),
            series,
            target_label: "Target".into(),
            actual_label: "Actual".into(),
            lang: Lang::En,
        };
        let s = Chart::Summary {
            caption: "Percent of the target to date".into(),
            rows: vec![
                ("1100.1".into(), Some(103.4), "103.4%".into(), Tone::OnTrack),
                ("1100.2".into(), Some(400.0), "400%".into(), Tone::Achieved),
                ("1212.1".into(), None, "– (achieved)".into(), Tone::Neutral),
            ],
            legend: vec![(Tone::OnTrack, "on track".into())],
            lang: Lang::En,
        };
        for chart in [c, s] {
            let h = height(&chart);
            for i in items(m, &chart, 50.0, 100.0, 480.0, h) {
                let b = i.bbox();
                assert!(
                    b[0] >= 49.9 && b[2] <= 530.1 && b[1] >= 99.9 && b[3] <= 100.1 + h,
                    "{i:?} outside the chart box"
                );
            }
        }
    }

    #[test]
    fn a_single_period_draws_a_marker_for_the_target_and_the_actual() {
        let m = Fonts::get();
        let dots = |series: Vec<Point>| -> Vec<Rgb> {
            let c = Chart::Progress {
                caption: "Progress chart 1100.1".into(),
                series,
                target_label: "Target".into(),
                actual_label: "Actual".into(),
                lang: Lang::En,
            };
            items(m, &c, 50.0, 100.0, 480.0, height(&c))
                .into_iter()
                .filter_map(|i| match i {
                    Item::Dot { colour, .. } => Some(colour),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(dots(vec![("2021-Q1".into(), Some(0.08), None)]), [TARGET_COLOUR]);
        assert_eq!(
            dots(vec![("2021-Q1".into(), Some(3.0), Some(2.0))]),
            [TARGET_COLOUR, ACTUAL_COLOUR]
        );
        assert_eq!(dots(vec![("2021-Q1".into(), None, Some(2.0))]), [ACTUAL_COLOUR]);
    }
}
