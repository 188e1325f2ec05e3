//! The report's charts drawn for the PDF: the chart descriptions of
//! [`crate::render::chart::model`] (the same data, scales, ticks and caps
//! as the SVG charts of the Markdown report) placed as layout [`Item`]s
//! inside the box the layout gave them, so that they are measured and
//! checked like any other text. Unlike the SVG's fixed canvas, the plot
//! area here fits its labels, measured in the embedded font.

use super::layout::{BLACK, Face, GREY, Item, Measure, Rgb, Tone};
use crate::compute::Status;
use crate::render::chart::model::{BarChart, CAP, Chart, LineChart, Point, TARGET_LINE, clear_of_line, drawn_as};

pub(crate) const TARGET_COLOUR: Rgb = [0.498, 0.498, 0.498]; // #7f7f7f, as the SVG
pub(crate) const ACTUAL_COLOUR: Rgb = [0.122, 0.373, 0.659]; // #1f5fa8
const GRID: Rgb = [0.88, 0.88, 0.88];

/// How a status is drawn: its colour and pattern.
pub(crate) fn tone(s: Status) -> Tone {
    match drawn_as(s) {
        Status::Achieved => Tone::Achieved,
        Status::OnTrack => Tone::OnTrack,
        Status::AtRisk => Tone::AtRisk,
        Status::OffTrack => Tone::OffTrack,
        Status::NotAchieved => Tone::NotAchieved,
        Status::NoData | Status::NotYetDue | Status::NoTarget => Tone::Neutral,
    }
}

/// A percent as a fraction of a full progress bar (cut at [`CAP`]).
pub(crate) fn bar_fraction(percent: f64) -> f32 {
    (percent / CAP) as f32
}

/// Where the 100 % tick sits on a progress bar.
pub(crate) fn target_tick() -> f32 {
    bar_fraction(TARGET_LINE)
}

/// The height a chart needs.
pub(crate) fn height(chart: &Chart) -> f32 {
    match chart {
        Chart::Line(_) => 186.0,
        Chart::Bars(b) => 22.0 + 15.0 * b.bars.len() as f32 + 16.0 + 20.0,
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
pub(crate) fn items(m: &dyn Measure, chart: &Chart, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let mut it = Vec::new();
    let frame = Frame { m, x, y, w, h };
    match chart {
        Chart::Line(c) => line_chart(&frame, c, &mut it),
        Chart::Bars(c) => bar_chart(&frame, c, &mut it),
    }
    it
}

/// The box a chart is drawn into and the measure of its texts.
struct Frame<'a> {
    m: &'a dyn Measure,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

/// The plot area of a line chart and its scales.
struct Plot<'a> {
    pl: f32,
    pr: f32,
    pb: f32,
    ph: f32,
    /// Where a value sits on the axis, 0 to 1.
    share: &'a dyn Fn(f64) -> f64,
    /// Number of periods (at least 1).
    n: usize,
}

impl Plot<'_> {
    fn pw(&self) -> f32 {
        self.pr - self.pl
    }
    fn xi(&self, i: usize) -> f32 {
        if self.n == 1 {
            self.pl + self.pw() / 2.0
        } else {
            self.pl + self.pw() * i as f32 / (self.n - 1) as f32
        }
    }
    fn yv(&self, v: f64) -> f32 {
        self.pb - self.ph * (self.share)(v) as f32
    }
}

const LINE_SIZE: f32 = 7.0;

fn line_chart(fr: &Frame, c: &LineChart, it: &mut Vec<Item>) {
    let (m, x, y, w, h) = (fr.m, fr.x, fr.y, fr.w, fr.h);
    let size = LINE_SIZE;
    line_legend(fr, c, it);
    let label_w = c
        .ticks
        .iter()
        .map(|t| m.width(Face::Regular, size, &t.label))
        .fold(0.0, f32::max);
    let (pl, pr, pt, pb) = (x + label_w + 6.0, x + w - 6.0, y + 30.0, y + h - 26.0);
    let share = |v: f64| c.share(v);
    let plot = Plot {
        pl,
        pr,
        pb,
        ph: pb - pt,
        share: &share,
        n: c.series.len().max(1),
    };
    // The axis titles: the unit above the value labels, "Reporting
    // period" under the period labels.
    if let Some(u) = &c.value_title {
        text(m, it, (x, y + 22.0), (size, Face::Regular, GREY), u);
    }
    let tw = m.width(Face::Regular, size, &c.period_title);
    text(
        m,
        it,
        (pl + (pr - pl - tw) / 2.0, y + h - 3.0),
        (size, Face::Regular, GREY),
        &c.period_title,
    );
    for t in &c.ticks {
        let yy = plot.yv(t.value);
        rule(it, (pl, yy), (pr, yy), 0.5, GRID, None);
        let lw = m.width(Face::Regular, size, &t.label);
        let at = (pl - 4.0 - lw, yy + size * 0.35);
        text(m, it, at, (size, Face::Regular, GREY), &t.label);
    }
    rule(it, (pl, pb), (pr, pb), 0.8, GREY, None);
    period_labels(fr, &c.series, &plot, it);
    lines(&c.series, &plot, it);
}

/// Caption and legend on the first line.
fn line_legend(fr: &Frame, c: &LineChart, it: &mut Vec<Item>) {
    let (m, x, y) = (fr.m, fr.x, fr.y);
    let size = LINE_SIZE;
    let base = y + 9.0;
    let cw = text(m, it, (x, base), (8.0, Face::Bold, BLACK), &c.caption);
    let mut lx = x + cw + 18.0;
    rule(
        it,
        (lx, base - 2.5),
        (lx + 22.0, base - 2.5),
        1.5,
        TARGET_COLOUR,
        Some((4.0, 3.0)),
    );
    lx += 26.0;
    lx += text(m, it, (lx, base), (size, Face::Regular, BLACK), &c.target_label) + 14.0;
    rule(it, (lx, base - 2.5), (lx + 22.0, base - 2.5), 1.8, ACTUAL_COLOUR, None);
    lx += 26.0;
    text(m, it, (lx, base), (size, Face::Regular, BLACK), &c.actual_label);
}

/// Period labels, thinned so that they never touch.
fn period_labels(fr: &Frame, series: &[Point], p: &Plot, it: &mut Vec<Item>) {
    let (m, x, w) = (fr.m, fr.x, fr.w);
    let size = LINE_SIZE;
    let n = p.n;
    let widest = series
        .iter()
        .map(|s| m.width(Face::Regular, size, &s.period))
        .fold(0.0, f32::max);
    let step = if n > 1 { p.pw() / (n - 1) as f32 } else { p.pw() };
    let every = ((widest + 6.0) / step).ceil().max(1.0) as usize;
    // The last period is always labelled; a label it would touch gives
    // way.
    let mut placed: Vec<(f32, f32, usize)> = Vec::new();
    for (i, s) in series.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let lw = m.width(Face::Regular, size, &s.period);
            let lx = (p.xi(i) - lw / 2.0).clamp(x, x + w - lw);
            while placed.last().is_some_and(|(px, pw, _)| lx < px + pw + 4.0) {
                placed.pop();
            }
            placed.push((lx, lw, i));
        }
    }
    for (lx, _, i) in placed {
        rule(it, (p.xi(i), p.pb), (p.xi(i), p.pb + 2.5), 0.5, GREY, None);
        text(m, it, (lx, p.pb + 11.0), (size, Face::Regular, GREY), &series[i].period);
    }
}

/// The target line (dashed; a marker when there is one point) and the
/// actual line with its dots.
fn lines(series: &[Point], p: &Plot, it: &mut Vec<Item>) {
    let line = |pick: &dyn Fn(&Point) -> Option<f64>| -> Vec<(f32, f32)> {
        series
            .iter()
            .enumerate()
            .filter_map(|(i, s)| pick(s).map(|v| (p.xi(i), p.yv(v))))
            .collect()
    };
    let target = line(&|s| s.target);
    let actual = line(&|s| s.actual);
    if target.len() > 1 {
        it.push(Item::Path {
            points: target,
            width: 1.5,
            colour: TARGET_COLOUR,
            dash: Some((4.0, 3.0)),
        });
    } else if let Some(&(px, py)) = target.first() {
        // A single target: a short bar across the point (it shows on
        // either side of an actual's dot at the same place) and a dot, so
        // that the chart is not blank.
        let half = (p.pw() / 2.0).min(8.0);
        rule(it, (px - half, py), (px + half, py), 1.5, TARGET_COLOUR, None);
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

const BAR_SIZE: f32 = 7.5;
const BAR_ROW: f32 = 15.0;

fn bar_chart(fr: &Frame, c: &BarChart, it: &mut Vec<Item>) {
    let (m, x, y, w) = (fr.m, fr.x, fr.y, fr.w);
    let (size, row) = (BAR_SIZE, BAR_ROW);
    text(m, it, (x, y + 10.0), (9.0, Face::Bold, BLACK), &c.title);
    let label_w = c
        .bars
        .iter()
        .map(|b| m.width(Face::Regular, size, &b.id))
        .fold(0.0, f32::max);
    let value_w = c
        .bars
        .iter()
        .map(|b| m.width(Face::Regular, size, &b.label))
        .fold(0.0, f32::max);
    let (pl, pr) = (x + label_w + 8.0, x + w - value_w - 8.0);
    let pw = pr - pl;
    let top = y + 22.0;
    let bottom = top + row * c.bars.len() as f32;
    let xv = |p: f64| pl + pw * (p.clamp(0.0, c.max) / c.max) as f32;
    for t in &c.ticks {
        let xx = xv(t.value);
        let (colour, wd, dash) = if Some(t.value) == c.reference {
            ([0.2, 0.2, 0.2], 0.8, Some((3.0, 2.0)))
        } else {
            (GRID, 0.5, None)
        };
        rule(it, (xx, top), (xx, bottom), wd, colour, dash);
        let lw = m.width(Face::Regular, size, &t.label);
        let at = ((xx - lw / 2.0).min(x + w - lw), bottom + 10.0);
        text(m, it, at, (size, Face::Regular, GREY), &t.label);
    }
    for (k, b) in c.bars.iter().enumerate() {
        let yy = top + row * k as f32;
        let base = yy + row / 2.0 + size * 0.35;
        let iw = m.width(Face::Regular, size, &b.id);
        text(m, it, (pl - 5.0 - iw, base), (size, Face::Regular, BLACK), &b.id);
        let bw = b.value.map(|p| xv(p) - pl).unwrap_or(0.0);
        if bw > 0.0 {
            it.push(Item::Bar {
                x: pl,
                y: yy + 3.0,
                w: bw,
                h: row - 6.0,
                fraction: 1.0,
                tone: tone(b.status),
                tick: None,
            });
        }
        // A label never crosses the 100 % line: it goes past it.
        let lw = m.width(Face::Regular, size, &b.label);
        let reference = c.reference.map(|r| f64::from(xv(r)));
        let lx = clear_of_line(f64::from(pl + bw + 4.0), f64::from(lw), reference, 3.0) as f32;
        text(m, it, (lx, base), (size, Face::Regular, BLACK), &b.label);
    }
    bar_legend(fr, c, bottom + 18.0, it);
}

/// The legend: the pattern of each status shown, with its name.
fn bar_legend(fr: &Frame, c: &BarChart, ly: f32, it: &mut Vec<Item>) {
    let mut lx = fr.x;
    for (status, label) in &c.legend {
        it.push(Item::Bar {
            x: lx,
            y: ly,
            w: 16.0,
            h: 8.0,
            fraction: 1.0,
            tone: tone(*status),
            tick: None,
        });
        lx += 20.0;
        lx += text(fr.m, it, (lx, ly + 7.0), (BAR_SIZE, Face::Regular, BLACK), label) + 12.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;
    use crate::render::chart::model::Bar;
    use crate::render::pdf::font::Fonts;

    fn progress(series: Vec<Point>) -> Chart {
        Chart::Line(LineChart::new(
            Lang::En,
            ("1100.1 Number of cases".into(), "Progress chart 1100.1".into()),
            series,
            ("Target", "Actual"),
            crate::render::chart::model::Scale::default(),
            Some("cases".into()),
        ))
    }

    fn point(period: &str, target: Option<f64>, actual: Option<f64>) -> Point {
        Point {
            period: period.into(),
            target,
            actual,
        }
    }

    #[test]
    fn charts_stay_inside_their_box() {
        let m = Fonts::get();
        let series = (0..40)
            .map(|i| {
                point(
                    &format!("2021-Q{}", i % 4 + 1),
                    Some(f64::from(i)),
                    (i < 30).then_some(f64::from(i) * 1.2),
                )
            })
            .collect();
        let bar = |id: &str, value, label: &str, status| Bar {
            id: id.into(),
            value,
            label: label.into(),
            status,
        };
        let s = Chart::Bars(BarChart {
            title: "Percent of the target to date".into(),
            bars: vec![
                bar("1100.1", Some(103.4), "103.4%", Status::OnTrack),
                bar("1100.2", Some(400.0), "400%", Status::Achieved),
                bar("1212.1", None, "– (no target)", Status::NoTarget),
            ],
            max: CAP,
            reference: Some(TARGET_LINE),
            ticks: crate::render::chart::model::bar_ticks(Lang::En),
            legend: vec![(Status::OnTrack, "on track".into())],
        });
        for chart in [progress(series), s] {
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
            let c = progress(series);
            items(m, &c, 50.0, 100.0, 480.0, height(&c))
                .into_iter()
                .filter_map(|i| match i {
                    Item::Dot { colour, .. } => Some(colour),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(dots(vec![point("2021-Q1", Some(0.08), None)]), [TARGET_COLOUR]);
        assert_eq!(
            dots(vec![point("2021-Q1", Some(3.0), Some(2.0))]),
            [TARGET_COLOUR, ACTUAL_COLOUR]
        );
        assert_eq!(dots(vec![point("2021-Q1", None, Some(2.0))]), [ACTUAL_COLOUR]);
    }

    #[test]
    fn progress_bars_are_cut_where_the_summary_chart_cuts() {
        assert_eq!(bar_fraction(CAP), 1.0);
        assert_eq!(target_tick(), (100.0 / 150.0) as f32);
    }

    #[test]
    fn value_labels_never_cross_the_100_percent_line() {
        let m = Fonts::get();
        let bars: Vec<Bar> = [90.1, 98.2, 99.9, 100.0, 103.4, 60.0]
            .iter()
            .map(|v| Bar {
                id: "1000.1".into(),
                value: Some(*v),
                label: format!("{v}%"),
                status: Status::OnTrack,
            })
            .collect();
        let c = Chart::Bars(BarChart {
            title: "Percent of the target to date".into(),
            bars,
            max: CAP,
            reference: Some(TARGET_LINE),
            ticks: crate::render::chart::model::bar_ticks(Lang::En),
            legend: vec![(Status::OnTrack, "on track".into())],
        });
        let it = items(m, &c, 50.0, 100.0, 480.0, height(&c));
        let line_x = it
            .iter()
            .find_map(|i| match i {
                Item::Path {
                    points, dash: Some(_), ..
                } => Some(points[0].0),
                _ => None,
            })
            .expect("the dashed 100% line");
        for i in &it {
            if let Item::Text { text, .. } = i
                && text.ends_with('%')
                && !matches!(text.as_str(), "0%" | "50%" | "100%" | "150%")
            {
                let b = i.bbox();
                assert!(
                    !(b[0] - 1.0 < line_x && line_x < b[2] + 1.0),
                    "{text} crosses the line at {line_x}"
                );
            }
        }
    }
}
