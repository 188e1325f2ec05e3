//! The charts drawn as SVG text, for the Markdown report: fixed canvases
//! (640 points wide), plain string building, deterministic: coordinates
//! are rounded to one decimal, and every text goes through [`escape`].

use std::fmt::Write as _;

use super::model::{BarChart, LineChart, Point};
use crate::compute::Status;

/// Escape text for an SVG (XML) text node or attribute.
pub(crate) fn escape(s: &str) -> String {
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

fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Achieved => "#1a7f37",
        Status::OnTrack => "#2e9e5b",
        Status::AtRisk => "#d49b00",
        Status::OffTrack => "#c62828",
        Status::NotAchieved => "#7f1d1d",
        Status::NoData | Status::NotYetDue | Status::NoTarget => "#9e9e9e",
    }
}

/// The opening of an SVG document: root element, title, white background.
fn open(s: &mut String, w: &str, h: &str, title: &str) {
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    let _ = writeln!(s, "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
}

/// The plot area of a line chart and its scales.
struct Plot {
    left: f64,
    top: f64,
    pw: f64,
    ph: f64,
    top_value: f64,
    /// Number of periods (at least 1).
    n: usize,
}

impl Plot {
    fn x(&self, i: usize) -> f64 {
        self.left
            + if self.n == 1 {
                self.pw / 2.0
            } else {
                self.pw * i as f64 / (self.n - 1) as f64
            }
    }
    fn y(&self, v: f64) -> f64 {
        self.top + self.ph - self.ph * v / self.top_value
    }
}

/// Two lines over reporting periods: target dashed, actual solid.
pub(crate) fn line_chart(c: &LineChart) -> String {
    let (w, h) = (640.0, 340.0);
    let (left, right, top, bottom) = (64.0, 24.0, 72.0, 64.0);
    let plot = Plot {
        left,
        top,
        pw: w - left - right,
        ph: h - top - bottom,
        top_value: c.top,
        n: c.series.len().max(1),
    };
    let mut s = String::new();
    open(&mut s, &w.to_string(), &h.to_string(), &c.title);
    for (k, line) in wrap(&c.title, 72, 2).iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"8\" y=\"{}\" {FONT} font-size=\"14\" font-weight=\"bold\">{}</text>",
            20 + 18 * k,
            escape(line)
        );
    }
    value_axis(&mut s, c, &plot);
    period_labels(&mut s, &c.series, &plot);
    lines(&mut s, &c.series, &plot);
    line_legend(&mut s, c, left);
    s.push_str("</svg>\n");
    s
}

/// Grid and value axis: one line and one label per tick.
fn value_axis(s: &mut String, c: &LineChart, p: &Plot) {
    for t in &c.ticks {
        let yy = f(p.y(t.value));
        let _ = writeln!(
            s,
            "<line x1=\"{}\" y1=\"{yy}\" x2=\"{}\" y2=\"{yy}\" stroke=\"#e0e0e0\"/>",
            f(p.left),
            f(p.left + p.pw)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{yy}\" {FONT} font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            f(p.left - 6.0),
            escape(&t.label)
        );
    }
}

/// Period labels, thinned to at most twelve, the last always shown.
fn period_labels(s: &mut String, series: &[Point], p: &Plot) {
    let every = p.n.div_ceil(12);
    for (i, pt) in series.iter().enumerate() {
        if i % every == 0 || i + 1 == p.n {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\">{}</text>",
                f(p.x(i)),
                f(p.top + p.ph + 14.0),
                f(p.x(i)),
                f(p.top + p.ph + 14.0),
                escape(&pt.period)
            );
        }
    }
}

/// The target polyline (dashed), the actual polyline and its dots.
fn lines(s: &mut String, series: &[Point], p: &Plot) {
    let line = |pick: &dyn Fn(&Point) -> Option<f64>| -> Vec<(f64, f64)> {
        series
            .iter()
            .enumerate()
            .filter_map(|(i, pt)| pick(pt).map(|v| (p.x(i), p.y(v))))
            .collect()
    };
    let path = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(a, b)| format!("{},{}", f(*a), f(*b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let target = line(&|pt| pt.target);
    let actual = line(&|pt| pt.actual);
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
}

/// The legend line under the title: a sample of each line and its name.
fn line_legend(s: &mut String, c: &LineChart, left: f64) {
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
        escape(&c.target_label)
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
        escape(&c.actual_label)
    );
}

/// Horizontal bars with the 100 % line; bars longer than the cap are cut
/// and keep their label.
pub(crate) fn bar_chart(c: &BarChart) -> String {
    let row = 24.0;
    let (left, right, top) = (96.0, 72.0, 40.0);
    let w = 640.0;
    let h = top + row * c.bars.len() as f64 + 32.0;
    let pw = w - left - right;
    let xv = |p: f64| left + pw * p.clamp(0.0, c.max) / c.max;
    let mut s = String::new();
    open(&mut s, &w.to_string(), &f(h), &c.title);
    let _ = writeln!(
        s,
        "<text x=\"8\" y=\"22\" {FONT} font-size=\"14\" font-weight=\"bold\">{}</text>",
        escape(&c.title)
    );
    let bottom = top + row * c.bars.len() as f64;
    for t in &c.ticks {
        let xx = f(xv(t.value));
        let stroke = if Some(t.value) == c.reference {
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
            escape(&t.label)
        );
    }
    for (k, bar) in c.bars.iter().enumerate() {
        let yy = top + row * k as f64;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            f(left - 6.0),
            f(yy + row / 2.0),
            escape(&bar.id)
        );
        let width = bar.value.map(|p| xv(p) - left).unwrap_or(0.0);
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            f(left),
            f(yy + 4.0),
            f(width),
            f(row - 8.0),
            status_colour(bar.status)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
            f(left + width + 4.0),
            f(yy + row / 2.0),
            escape(&bar.label)
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
}
