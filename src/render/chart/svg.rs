//! The charts drawn as SVG text, for the Markdown report: fixed canvases
//! (640 points wide), plain string building, deterministic: coordinates
//! are rounded to one decimal, and every text goes through [`escape`].

use std::fmt::Write as _;

use super::look::{Look, Pattern, look};
use super::model::{BarChart, LineChart, Point, clear_of_line};
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

/// The id of a status's look, for `fill="url(#...)"`.
fn look_id(s: Status) -> &'static str {
    match look(s).pattern {
        Pattern::Solid => "look-solid",
        Pattern::Upright => "look-upright",
        Pattern::Aslant => "look-aslant",
        Pattern::Crossed => "look-crossed",
        Pattern::Across => "look-across",
        Pattern::Dotted => "look-dotted",
    }
}

/// One `<pattern>` per look of these statuses (the PDF's patterns: the
/// same fill, ink and lines, at the same 2.8-point step).
fn patterns(s: &mut String, statuses: impl IntoIterator<Item = Status>) {
    let mut seen: Vec<&str> = Vec::new();
    let mut defs = String::new();
    for st in statuses {
        let id = look_id(st);
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let l = look(st);
        let (fill, ink) = (Look::hex(l.fill), Look::hex(l.ink));
        let lines = match l.pattern {
            Pattern::Solid | Pattern::Dotted => String::new(),
            Pattern::Upright => format!("<path d=\"M1.4,0 V2.8\" stroke=\"{ink}\" stroke-width=\"0.7\"/>"),
            Pattern::Across => format!("<path d=\"M0,1.4 H2.8\" stroke=\"{ink}\" stroke-width=\"0.7\"/>"),
            Pattern::Aslant => format!(
                "<path d=\"M-0.7,0.7 L0.7,-0.7 M0,2.8 L2.8,0 M2.1,3.5 L3.5,2.1\" stroke=\"{ink}\" stroke-width=\"0.7\"/>"
            ),
            Pattern::Crossed => format!(
                "<path d=\"M-0.7,0.7 L0.7,-0.7 M0,2.8 L2.8,0 M2.1,3.5 L3.5,2.1 M0,0 L2.8,2.8 M-0.7,2.1 L0.7,3.5 M2.1,-0.7 L3.5,0.7\" stroke=\"{ink}\" stroke-width=\"0.7\"/>"
            ),
        };
        let _ = writeln!(
            defs,
            "<pattern id=\"{id}\" width=\"2.8\" height=\"2.8\" patternUnits=\"userSpaceOnUse\"><rect width=\"2.8\" height=\"2.8\" fill=\"{fill}\"/>{lines}</pattern>"
        );
    }
    if !defs.is_empty() {
        let _ = write!(s, "<defs>\n{defs}</defs>\n");
    }
}

/// A box in a status's look: its pattern, and the dotted outline of the
/// statuses without a figure.
fn toned(s: &mut String, (x, y, w, h): (f64, f64, f64, f64), status: Status) {
    let l = look(status);
    let outline = if l.pattern == Pattern::Dotted {
        format!(
            " stroke=\"{}\" stroke-width=\"0.5\" stroke-dasharray=\"1 1\"",
            Look::hex(l.ink)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{})\"{outline}/>",
        f(x),
        f(y),
        f(w),
        f(h),
        look_id(status)
    );
}

/// The width of `text` at `size`, estimated (Helvetica averages about
/// 0.55 em a character): enough to keep a label clear of a line.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.55
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
    /// The foot and the top of the value axis.
    bottom_value: f64,
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
        let span = (self.top_value - self.bottom_value).max(f64::MIN_POSITIVE);
        self.top + self.ph - self.ph * (v - self.bottom_value) / span
    }
}

/// Two lines over reporting periods: target dashed, actual solid.
pub(crate) fn line_chart(c: &LineChart) -> String {
    let (w, h) = (640.0, 360.0);
    let (left, right, top, bottom) = (64.0, 24.0, 84.0, 84.0);
    let plot = Plot {
        left,
        top,
        pw: w - left - right,
        ph: h - top - bottom,
        bottom_value: c.bottom,
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
    // The axis titles: the unit above the value labels, the periods' under
    // theirs.
    if let Some(u) = &c.value_title {
        let _ = writeln!(
            s,
            "<text x=\"8\" y=\"{}\" {FONT} font-size=\"11\" fill=\"#595959\">{}</text>",
            f(top - 14.0),
            escape(u)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" fill=\"#595959\" text-anchor=\"middle\">{}</text>",
        f(left + plot.pw / 2.0),
        f(h - 8.0),
        escape(&c.period_title)
    );
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
    let legend_h = if c.legend.is_empty() { 0.0 } else { 24.0 };
    let h = top + row * c.bars.len() as f64 + 32.0 + legend_h;
    let pw = w - left - right;
    let xv = |p: f64| left + pw * p.clamp(0.0, c.max) / c.max;
    let mut s = String::new();
    open(&mut s, &w.to_string(), &f(h), &c.title);
    patterns(
        &mut s,
        c.bars
            .iter()
            .map(|b| b.status)
            .chain(c.legend.iter().map(|(st, _)| *st)),
    );
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
    let reference = c.reference.map(xv);
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
        if width > 0.0 {
            toned(&mut s, (left, yy + 4.0, width, row - 8.0), bar.status);
        }
        // A label never crosses the 100 % line: it goes past it.
        let lx = clear_of_line(left + width + 4.0, text_width(&bar.label, 11.0), reference, 3.0);
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
            f(lx),
            f(yy + row / 2.0),
            escape(&bar.label)
        );
    }
    // The legend: each look shown, in status order, as in the PDF.
    let ly = bottom + 32.0;
    let mut lx = 8.0;
    for (status, label) in &c.legend {
        toned(&mut s, (lx, ly, 20.0, 10.0), *status);
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" {FONT} font-size=\"11\" dominant-baseline=\"middle\">{}</text>",
            f(lx + 26.0),
            f(ly + 5.0),
            escape(label)
        );
        lx += 26.0 + text_width(label, 11.0) + 18.0;
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
