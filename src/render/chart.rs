//! SVG charts of a report: one progress chart per indicator (target in
//! force against the actual to date, period by period) and one summary bar
//! chart (percent of the target to date per indicator).
//!
//! Plain string building, deterministic: coordinates are rounded to one
//! decimal, and every text goes through [`escape`].

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::compute::Status;
use crate::report::i18n::{self, Lang};
use crate::report::{IndicatorSection, Report, SeriesPoint};

/// Escape text for an SVG (XML) text node or attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const FONT: &str = "font-family=\"Helvetica, Arial, sans-serif\"";
const TARGET_COLOUR: &str = "#7f7f7f";
const ACTUAL_COLOUR: &str = "#1f5fa8";

fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Break text into at most `lines` lines of at most `width` characters,
/// at spaces; the last line is cut with an ellipsis.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if out.len() > lines {
        let rest = out[lines - 1..].join(" ");
        out.truncate(lines - 1);
        out.push(rest);
    }
    if let Some(last) = out.last_mut()
        && last.chars().count() > width
    {
        *last = last.chars().take(width - 1).collect::<String>() + "…";
    }
    out
}

/// A "nice" upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_max(max: f64) -> f64 {
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

fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Achieved => "#1a7f37",
        Status::OnTrack => "#2e9e5b",
        Status::AtRisk => "#d49b00",
        Status::OffTrack => "#c62828",
        Status::NoData | Status::NotYetDue | Status::NoTarget => "#9e9e9e",
    }
}

/// The progress chart of one indicator: target in force (dashed) and
/// actual to date (solid) at each reporting period.
pub fn indicator(report: &Report, ind: &IndicatorSection) -> String {
    let title = format!("{} {}", ind.id, ind.title);
    let legend = (report.labels["chart_target"], report.labels["chart_actual"]);
    line_chart(report.lang, &title, &ind.series, legend)
}

/// The burn-rate chart of the financial section: cumulative spending (solid)
/// against the share of the project's time elapsed (dashed), in percent.
pub fn burn(report: &Report) -> Option<String> {
    let funding = report.funding.as_ref().filter(|f| f.chart.is_some())?;
    let series: Vec<SeriesPoint> = funding
        .chart_points
        .iter()
        .map(|p| SeriesPoint {
            period: p.period.clone(),
            target: p.elapsed_percent,
            actual: p.spent_percent,
        })
        .collect();
    let legend = (report.labels["burn_time"], report.labels["burn_spent"]);
    Some(line_chart(report.lang, report.labels["burn_chart"], &series, legend))
}

/// Two lines over reporting periods: `target` dashed, `actual` solid.
fn line_chart(lang: Lang, title: &str, series: &[SeriesPoint], legend: (&str, &str)) -> String {
    let (w, h) = (640.0, 340.0);
    let (left, right, top, bottom) = (64.0, 24.0, 72.0, 64.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let dec = |d: Option<Decimal>| d.and_then(|d| d.to_f64());
    let max = series
        .iter()
        .flat_map(|p| [dec(p.target), dec(p.actual)])
        .flatten()
        .fold(0.0, f64::max);
    let top_value = nice_max(max);
    let n = series.len().max(1);
    let x = |i: usize| {
        left + if n == 1 {
            pw / 2.0
        } else {
            pw * i as f64 / (n - 1) as f64
        }
    };
    let y = |v: f64| top + ph - ph * v / top_value;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    let _ = writeln!(s, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
    for (k, line) in wrap(title, 72, 2).iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"8\" y=\"{}\" {FONT} font-size=\"14\" font-weight=\"bold\">{}</text>",
            20 + 18 * k,
            escape(line)
        );
    }
    // Grid and value axis: five steps.
    for k in 0..=4 {
        let v = top_value * k as f64 / 4.0;
        let yy = f(y(v));
        let label = i18n::number(lang, Decimal::from_f64_retain(v).unwrap_or_default().round_dp(2));
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{yy}\" x2=\"{}\" y2=\"{yy}\" stroke=\"#e0e0e0\"/>",
            f(left),
            f(left + pw)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{yy}\" {FONT} font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            f(left - 6.0),
            escape(&label)
        );
    }
    // Period labels, thinned to at most twelve.
    let every = n.div_ceil(12);
    for (i, p) in series.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\">{}</text>",
                f(x(i)),
                f(top + ph + 14.0),
                f(x(i)),
                f(top + ph + 14.0),
                escape(&p.period)
            );
        }
    }
    let line = |pick: &dyn Fn(&SeriesPoint) -> Option<f64>| -> Vec<(f64, f64)> {
        series
            .iter()
            .enumerate()
            .filter_map(|(i, p)| pick(p).map(|v| (x(i), y(v))))
            .collect()
    };
    let path = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(a, b)| format!("{},{}", f(*a), f(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let target = line(&|p| dec(p.target));
    let actual = line(&|p| dec(p.actual));
    if !target.is_empty() {
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            path(&target)
        );
    }
    if !actual.is_empty() {
        let _ = writeln!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{ACTUAL_COLOUR}\" stroke-width=\"2.5\"/>",
            path(&actual)
        );
        for (a, b) in &actual {
            let _ = writeln!(
                s,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{ACTUAL_COLOUR}\"/>",
                f(*a),
                f(*b)
            );
        }
    }
    // Legend.
    let ly = 58.0;
    let _ = writeln!(
        s,
        "<line x1=\"{}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"{TARGET_COLOUR}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
        f(left),
        f(left + 24.0)
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{ly}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
        f(left + 30.0),
        escape(legend.0)
    );
    let _ = writeln!(
        s,
        "<line x1=\"{}\" y1=\"{ly}\" x2=\"{}\" y2=\"{ly}\" stroke=\"{ACTUAL_COLOUR}\" stroke-width=\"2.5\"/>",
        f(left + 160.0),
        f(left + 184.0)
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{ly}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
        f(left + 190.0),
        escape(legend.1)
    );
    s.push_str("</svg>\n");
    s
}

/// Horizontal bars: percent of the target to date per indicator, with the
/// 100 % line; bars longer than 150 % are cut and keep their label.
pub fn summary(report: &Report) -> String {
    let lang: Lang = report.lang;
    let inds: Vec<&IndicatorSection> = report.results.iter().flat_map(|r| &r.indicators).collect();
    let row = 24.0;
    let (left, right, top) = (96.0, 72.0, 40.0);
    let w = 640.0;
    let h = top + row * inds.len() as f64 + 32.0;
    let pw = w - left - right;
    let cap = 150.0;
    let xv = |p: f64| left + pw * p.clamp(0.0, cap) / cap;
    let mut s = String::new();
    let title = report.labels["summary_chart"];
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{}\" viewBox=\"0 0 {w} {}\" role=\"img\" aria-label=\"{}\">",
        f(h),
        f(h),
        escape(title)
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    let _ = writeln!(s, "<rect width=\"{w}\" height=\"{}\" fill=\"#ffffff\"/>", f(h));
    let _ = writeln!(
        s,
        "<text x=\"8\" y=\"22\" {FONT} font-size=\"14\" font-weight=\"bold\">{}</text>",
        escape(title)
    );
    let bottom = top + row * inds.len() as f64;
    for p in [0.0, 50.0, 100.0, 150.0] {
        let xx = f(xv(p));
        let stroke = if p == 100.0 {
            "stroke=\"#333333\" stroke-dasharray=\"4 3\""
        } else {
            "stroke=\"#e0e0e0\""
        };
        let _ = writeln!(
            s,
            "<line x1=\"{xx}\" y1=\"{}\" x2=\"{xx}\" y2=\"{}\" {stroke}/>",
            f(top),
            f(bottom)
        );
        let _ = writeln!(
            s,
            "<text x=\"{xx}\" y=\"{}\" {FONT} font-size=\"10\" text-anchor=\"middle\">{}</text>",
            f(bottom + 14.0),
            escape(&i18n::percent(lang, Decimal::from_f64_retain(p).unwrap_or_default()))
        );
    }
    for (k, ind) in inds.iter().enumerate() {
        let yy = top + row * k as f64;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            f(left - 6.0),
            f(yy + row / 2.0),
            escape(&ind.id)
        );
        let (width, label) = match ind.figures.percent_to_date.and_then(|d| d.to_f64()) {
            Some(p) => (
                xv(p) - left,
                i18n::percent(lang, ind.figures.percent_to_date.unwrap_or_default()),
            ),
            None => (0.0, format!("{} ({})", crate::report::UNDEFINED, ind.status_label)),
        };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            f(left),
            f(yy + 4.0),
            f(width),
            f(row - 8.0),
            status_colour(ind.status)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
            f(left + width + 4.0),
            f(yy + row / 2.0),
            escape(&label)
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("a < b & \"c\" 'd' >"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;"
        );
        assert_eq!(escape("São\nPaulo"), "São Paulo");
    }

    #[test]
    fn long_titles_wrap_on_two_lines() {
        let w = wrap("aaa bbb ccc ddd eee", 7, 2);
        assert_eq!(w, ["aaa bbb", "ccc dd…"]);
        assert_eq!(wrap("short", 72, 2), ["short"]);
    }

    #[test]
    fn axis_bounds_are_round() {
        assert_eq!(nice_max(172.0), 200.0);
        assert_eq!(nice_max(35.0), 50.0);
        assert_eq!(nice_max(2.0), 2.0);
        assert_eq!(nice_max(0.0), 1.0);
    }
}
