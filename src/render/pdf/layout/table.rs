//! Tables: columns sized from their content, cells broken into lines,
//! rows placed by the flow's cursor, split between pages (between rows, or
//! between the lines of a row taller than a page), the header row repeated
//! on every page.

use super::flow::Flow;
use super::text::{Line, break_lines, tokens};
use super::{BLACK, Face, GREY, Item, LEADING, Measure, Rgb, Run, Tone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub align: Align,
    /// A fixed width (progress bars); else sized to content.
    pub fixed: Option<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(Vec<Run>),
    /// A progress bar: `fraction` of the full bar (1.0 = 150 %, see the
    /// caller), with a tick at `tick`; `None` draws nothing.
    Bar {
        fraction: Option<f32>,
        tone: Tone,
        tick: Option<f32>,
    },
    /// A status: a swatch in its pattern, then its label.
    Status {
        label: String,
        tone: Tone,
    },
}

impl Cell {
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(vec![Run::regular(s)])
    }
    pub(crate) fn bold(s: impl Into<String>) -> Cell {
        Cell::Text(vec![Run::bold(s)])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub columns: Vec<Column>,
    /// Header cells (bold); empty for a table without a header row.
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
    /// Shade every other row.
    pub striped: bool,
    /// Spread the columns over the whole body width even when the content
    /// needs less.
    pub expand: bool,
}

const CELL_PAD_X: f32 = 3.0;
/// Half the width of the thickest rule under a row (0.8).
const RULE_HANG: f32 = 0.4;
const CELL_PAD_Y: f32 = 2.5;

/// A word wider than this many ems (a URL, a run-on identifier) is "long":
/// it asks its column for this much width at most and is broken inside
/// the column, so that it never squeezes the columns of figures.
pub(crate) const LONG_WORD_EM: f32 = 12.0;

/// A body cell of a wide table asks for at most this many ems before
/// every header has room for its words on three lines, then two.
pub(crate) const CELL_WANT_EM: [f32; 2] = [13.0, 17.0];

/// The least width in which `runs` break into at most `k` lines (found by
/// bisection between the longest word and the whole text on one line).
fn width_in_lines(m: &dyn Measure, runs: &[Run], size: f32, k: usize) -> f32 {
    let whole = m.width(
        Face::Bold,
        size,
        &runs.iter().map(|r| r.text.as_str()).collect::<String>(),
    );
    let (mut lo, mut hi) = (0.0f32, whole + 0.01);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if break_lines(m, runs, size, mid).len() <= k {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The width each column of `t` gets in `avail` points.
///
/// Each column has five widths, from least to most: `hard`, its longest
/// short word (figures, header words), which is never cut; `soft`, its
/// longest word with a long word counted as [`LONG_WORD_EM`] only;
/// `three` and `two`, where its header holds on three lines, then two
/// (and the first column, which names the row, up to [`CELL_WANT_EM`] ems, 13 then 17); and `max`, its widest
/// cell on one line (a wide table's header on two). The table gets `max`
/// when that fits, else the space between the two nearest levels that
/// bracket the body width is shared in proportion to what each column
/// lacks; so headers of figures ("% of expected to date") get room to
/// wrap on two or three lines before a column of titles widens, and never
/// word by word while the table can help it. Only when even the short
/// words do not fit are all columns scaled down and words cut. A fixed
/// column (progress bars) is at least as wide as its header words.
pub(crate) fn column_widths(m: &dyn Measure, t: &Table, avail: f32) -> Vec<f32> {
    let n = t.columns.len();
    let long = LONG_WORD_EM * t.size;
    let want = CELL_WANT_EM.map(|em| em * t.size);
    // Per column: hard, soft, three, two, max.
    let mut lv = vec![[0.0f32; 5]; n];
    // The longest short word, the longest word (capped) and the whole
    // text on one line.
    let see = |runs: &[Run]| -> [f32; 3] {
        let [mut h, mut s, mut whole] = [0.0f32; 3];
        for tk in tokens(runs) {
            let w: f32 = tk.segs.iter().map(|(f, s)| m.width(*f, t.size, s)).sum();
            if w <= long {
                h = h.max(w);
            }
            s = s.max(w.min(long));
            if tk.space_before {
                whole += m.width(tk.segs[0].0, t.size, " ");
            }
            whole += w;
        }
        [h, s, whole]
    };
    let mut note = |i: usize, w: [f32; 5]| {
        for k in 0..5 {
            lv[i][k] = lv[i][k].max(w[k]);
        }
    };
    // Header cells of a wide table wrap (to two lines at most), so that
    // "% of end target" does not widen a column of short figures.
    for (i, h) in t.header.iter().enumerate().take(n) {
        let runs = [Run::bold(h.clone())];
        let [lo, s, hi] = see(&runs);
        // Never word by word: at most half as many lines as words.
        let words = tokens(&runs).len();
        let lines = |k: usize| width_in_lines(m, &runs, t.size, k.min(words.div_ceil(2).max(2))).max(lo);
        let (three, two) = (lines(3), lines(2));
        note(i, [lo, s, three, two, if t.expand { two.max(s) } else { hi }]);
    }
    for row in &t.rows {
        for (i, c) in row.iter().enumerate().take(n) {
            match c {
                Cell::Text(runs) => {
                    // The first column names the row (an indicator's
                    // title): it asks for some room before the headers
                    // of figures get theirs; other text columns share
                    // what is left by what they lack.
                    let [h, s, whole] = see(runs);
                    let [w3, w2] = if i == 0 {
                        want.map(|w| whole.min(w).max(s))
                    } else {
                        [s; 2]
                    };
                    note(i, [h, s, w3, w2, whole]);
                }
                Cell::Status { label, .. } => {
                    // A status label wraps only when the table is tight.
                    let sw = status_swatch(t.size) + t.size * 0.4;
                    let [h, s, hi] = see(&[Run::regular(label.clone())]);
                    // (Two words stay on one line: never word by word.)
                    let runs = [Run::regular(label.clone())];
                    let two = if tokens(&runs).len() > 2 {
                        width_in_lines(m, &runs, t.size, 2).max(s)
                    } else {
                        hi
                    };
                    note(i, [h + sw, s + sw, two + sw, hi + sw, hi + sw]);
                }
                Cell::Bar { .. } => {}
            }
        }
    }
    let pad = 2.0 * CELL_PAD_X;
    for (w, col) in lv.iter_mut().zip(&t.columns) {
        *w = match col.fixed {
            Some(f) => [f.max(w[0] + pad); 5],
            None => {
                let mut v = w.map(|x| x + pad);
                for k in 1..5 {
                    v[k] = v[k].max(v[k - 1]);
                }
                v
            }
        };
    }
    let level = |k: usize| -> Vec<f32> { lv.iter().map(|w| w[k]).collect() };
    let sum = |v: &[f32]| -> f32 { v.iter().sum() };
    let max = level(4);
    let smax = sum(&max);
    if smax <= avail && !t.expand {
        return max;
    }
    if smax <= avail {
        // Everything fits on one line: share the rest in proportion to the
        // content so the table spans the body.
        let flexible: f32 = (0..n).filter(|&i| t.columns[i].fixed.is_none()).map(|i| max[i]).sum();
        let extra = avail - smax;
        return (0..n)
            .map(|i| match t.columns[i].fixed {
                None if flexible > 0.0 => max[i] + extra * max[i] / flexible,
                _ => max[i],
            })
            .collect();
    }
    let between = |lo: &[f32], hi: &[f32]| -> Vec<f32> {
        let (slo, shi) = (sum(lo), sum(hi));
        let k = if shi > slo { (avail - slo) / (shi - slo) } else { 0.0 };
        (0..n).map(|i| lo[i] + (hi[i] - lo[i]) * k).collect()
    };
    // From the most generous level down: the first that fits is shared
    // up towards the next one.
    for k in (0..4).rev() {
        let lo = level(k);
        if sum(&lo) <= avail {
            return between(&lo, &level(k + 1));
        }
    }
    // Even the short words do not fit: scale down, words will be cut.
    let hard = level(0);
    let shard = sum(&hard);
    hard.iter().map(|w| w * avail / shard).collect()
}

/// A table of at most this many rows is kept whole on one page (with
/// what introduces it) when it fits on a page.
pub(crate) const SMALL_TABLE_ROWS: usize = 8;

/// A longer table that breaks leaves at least this many rows on either
/// side of the break.
pub(crate) const MIN_ROWS_AT_BREAK: usize = 3;

/// The height of `t`'s header row and of each of its rows, laid out in
/// `avail` points (the same arithmetic as [`Flow::table`]).
pub(super) fn heights(m: &dyn Measure, t: &Table, avail: f32) -> (f32, Vec<f32>) {
    let widths = column_widths(m, t, avail);
    let lead = t.size * LEADING;
    let lines = |c: &Cell, w: f32, header: bool| -> usize {
        let inner = w - 2.0 * CELL_PAD_X;
        match c {
            Cell::Text(runs) => {
                let runs: Vec<Run> = if header {
                    runs.iter().map(|r| Run::bold(r.text.clone())).collect()
                } else {
                    runs.clone()
                };
                break_lines(m, &runs, t.size, inner).len().max(1)
            }
            Cell::Bar { .. } => 1,
            Cell::Status { label, .. } => {
                let sw = status_swatch(t.size) + t.size * 0.4;
                break_lines(m, &[Run::regular(label.clone())], t.size, inner - sw)
                    .len()
                    .max(1)
            }
        }
    };
    let row_h = |cells: &mut dyn Iterator<Item = usize>| cells.max().unwrap_or(1) as f32 * lead + 2.0 * CELL_PAD_Y;
    let header = if t.header.is_empty() {
        0.0
    } else {
        row_h(
            &mut t
                .header
                .iter()
                .zip(&widths)
                .map(|(h, w)| lines(&Cell::bold(h.clone()), *w, true)),
        )
    };
    let rows = t
        .rows
        .iter()
        .map(|r| row_h(&mut r.iter().zip(&widths).map(|(c, w)| lines(c, *w, false))))
        .collect();
    (header, rows)
}

/// The least of `t` that must share a page with what comes before it:
/// the whole of a small table, else its header and first rows.
pub(super) fn first_unit(m: &dyn Measure, t: &Table, avail: f32) -> f32 {
    let (header, rows) = heights(m, t, avail);
    let n = if rows.len() <= SMALL_TABLE_ROWS {
        rows.len()
    } else {
        MIN_ROWS_AT_BREAK
    };
    header + rows.iter().take(n).sum::<f32>() + RULE_HANG
}

fn status_swatch(size: f32) -> f32 {
    size * 0.9
}

/// A laid-out cell: its lines (text cells) or its drawing.
enum CellLines {
    Text(Vec<Line>, Align),
    Bar {
        fraction: Option<f32>,
        tone: Tone,
        tick: Option<f32>,
    },
    Status(Vec<Line>, Tone),
}

impl CellLines {
    fn count(&self) -> usize {
        match self {
            CellLines::Text(l, _) | CellLines::Status(l, _) => l.len().max(1),
            CellLines::Bar { .. } => 1,
        }
    }
}

impl Flow<'_> {
    fn cell_lines(&self, t: &Table, col: usize, c: &Cell, w: f32, header: bool) -> CellLines {
        let inner = w - 2.0 * CELL_PAD_X;
        match c {
            Cell::Text(runs) => {
                let runs: Vec<Run> = if header {
                    runs.iter().map(|r| Run::bold(r.text.clone())).collect()
                } else {
                    runs.clone()
                };
                CellLines::Text(break_lines(self.m, &runs, t.size, inner), t.columns[col].align)
            }
            Cell::Bar { fraction, tone, tick } => CellLines::Bar {
                fraction: *fraction,
                tone: *tone,
                tick: *tick,
            },
            Cell::Status { label, tone } => {
                let sw = status_swatch(t.size) + t.size * 0.4;
                CellLines::Status(
                    break_lines(self.m, &[Run::regular(label.clone())], t.size, inner - sw),
                    *tone,
                )
            }
        }
    }

    /// Draw lines `from..to` of a row's cells, starting at the current y.
    fn row_slice(
        &mut self,
        t: &Table,
        widths: &[f32],
        cells: &[CellLines],
        from: usize,
        to: usize,
        shade: Option<Rgb>,
    ) {
        let lead = t.size * LEADING;
        let h = (to - from) as f32 * lead + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let total_w: f32 = widths.iter().sum();
        if let Some(fill) = shade {
            let x = self.g.left;
            self.page().push(Item::Rect {
                x,
                y: top,
                w: total_w,
                h,
                fill,
            });
        }
        let mut x = self.g.left;
        for (i, c) in cells.iter().enumerate() {
            let w = widths[i];
            let inner_x = x + CELL_PAD_X;
            let inner_w = w - 2.0 * CELL_PAD_X;
            match c {
                CellLines::Text(lines, align) => {
                    for (k, l) in lines.iter().enumerate().take(to).skip(from) {
                        let lt = top + CELL_PAD_Y + (k - from) as f32 * lead;
                        let lx = match align {
                            Align::Left => inner_x,
                            Align::Right => inner_x + inner_w - l.width,
                        };
                        self.line(lx, lt, t.size, BLACK, l);
                    }
                }
                CellLines::Status(lines, tone) => {
                    let sw = status_swatch(t.size);
                    if from == 0 {
                        let sy = top + CELL_PAD_Y + (lead - sw) / 2.0;
                        self.page().push(Item::Bar {
                            x: inner_x,
                            y: sy,
                            w: sw,
                            h: sw,
                            fraction: 1.0,
                            tone: *tone,
                            tick: None,
                        });
                    }
                    let tx = inner_x + sw + t.size * 0.4;
                    for (k, l) in lines.iter().enumerate().take(to).skip(from) {
                        let lt = top + CELL_PAD_Y + (k - from) as f32 * lead;
                        self.line(tx, lt, t.size, BLACK, l);
                    }
                }
                CellLines::Bar { fraction, tone, tick } => {
                    if from == 0
                        && let Some(f) = fraction
                    {
                        let bh = t.size * 0.9;
                        let by = top + CELL_PAD_Y + (lead - bh) / 2.0;
                        self.page().push(Item::Bar {
                            x: inner_x,
                            y: by,
                            w: inner_w,
                            h: bh,
                            fraction: f.clamp(0.0, 1.0),
                            tone: *tone,
                            tick: *tick,
                        });
                    }
                }
            }
            x += w;
        }
        self.y += h;
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, width: f32, colour: Rgb) {
        self.page().push(Item::Path {
            points: vec![(x0, y), (x1, y)],
            width,
            colour,
            dash: None,
        });
    }

    /// Place `t`; `note` is the height of the note that must follow its
    /// last rows on their page.
    pub(super) fn table(&mut self, t: &Table, note: f32) {
        let avail = self.g.body_width();
        let widths = column_widths(self.m, t, avail);
        let total_w: f32 = widths.iter().sum();
        let (x0, x1) = (self.g.left, self.g.left + total_w);
        let lead = t.size * LEADING;
        let header: Vec<CellLines> = t
            .header
            .iter()
            .enumerate()
            .map(|(i, h)| self.cell_lines(t, i, &Cell::bold(h.clone()), widths[i], true))
            .collect();
        let header_lines = header.iter().map(CellLines::count).max().unwrap_or(0);
        let header_h = if header.is_empty() {
            0.0
        } else {
            header_lines as f32 * lead + 2.0 * CELL_PAD_Y
        };
        let draw_header = |f: &mut Self| {
            if !header.is_empty() {
                f.row_slice(t, &widths, &header, 0, header_lines, Some([0.86, 0.89, 0.94]));
                let y = f.y;
                f.rule(x0, x1, y, 0.8, GREY);
            }
        };
        let body_h = self.g.body_bottom() - self.g.top;
        let rows: Vec<Vec<CellLines>> = t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| self.cell_lines(t, i, c, widths[i], false))
                    .collect()
            })
            .collect();
        let row_h =
            |r: &[CellLines]| r.iter().map(CellLines::count).max().unwrap_or(1) as f32 * lead + 2.0 * CELL_PAD_Y;
        // A small table stays whole; a longer one starts with its header
        // and first rows together (when they fit on a page at all).
        let hs: Vec<f32> = rows.iter().map(|r| row_h(r)).collect();
        let first_n = if rows.len() <= SMALL_TABLE_ROWS {
            rows.len()
        } else {
            MIN_ROWS_AT_BREAK
        };
        let mut first: f32 = hs.iter().take(first_n).sum::<f32>() + RULE_HANG;
        if first_n == rows.len() && note > 0.0 {
            first += t.size + note;
        }
        let first = if header_h + first <= body_h {
            first
        } else if header_h + first - note - t.size <= body_h {
            first - note - t.size
        } else {
            hs.first().copied().unwrap_or(0.0).min(body_h - header_h)
        };
        self.ensure(header_h + first);
        draw_header(self);
        for (ri, r) in rows.iter().enumerate() {
            let n = r.iter().map(CellLines::count).max().unwrap_or(1);
            let shade = (t.striped && ri % 2 == 1).then_some([0.96, 0.96, 0.96]);
            let h = row_h(r);
            // The last rows of a long table do not go alone onto a page:
            // when they do not all fit, the break comes before them.
            let tail = rows.len() - ri;
            let tail_h: f32 = hs[ri..].iter().sum::<f32>() + RULE_HANG + t.size + note;
            let widow = rows.len() > SMALL_TABLE_ROWS
                && tail == MIN_ROWS_AT_BREAK
                && ri >= MIN_ROWS_AT_BREAK
                && self.y + tail_h > self.g.body_bottom() + 0.01
                && tail_h <= body_h - header_h;
            // The rule under the row hangs half its width below it.
            if widow || (self.y + h + RULE_HANG > self.g.body_bottom() + 0.01 && h <= body_h - header_h) {
                self.new_page();
                draw_header(self);
            }
            // A row taller than a page continues line by line.
            let mut from = 0;
            while from < n {
                let room = self.g.body_bottom() - self.y - 2.0 * CELL_PAD_Y - RULE_HANG;
                let fit = ((room / lead) + 0.001).floor().max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let to = (from + fit).min(n);
                self.row_slice(t, &widths, r, from, to, shade);
                from = to;
                if from < n {
                    self.new_page();
                    draw_header(self);
                }
            }
            let y = self.y;
            let last = ri + 1 == rows.len();
            self.rule(
                x0,
                x1,
                y,
                if last { 0.8 } else { 0.3 },
                if last { GREY } else { [0.8, 0.8, 0.8] },
            );
        }
        self.y += t.size;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::layout::testing::{Mono, a4, big_table, texts};
    use crate::render::pdf::layout::{Block, Face, lay_out};

    #[test]
    fn columns_size_to_content() {
        let t = big_table(3);
        let w = column_widths(&Mono, &t, 400.0);
        assert_eq!(w[2], 40.0);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01);
        assert!(w[0] > w[1], "the long title column is wider: {w:?}");
        // The narrow column still holds its longest word.
        assert!(w[1] >= Mono.width(Face::Bold, 8.0, "Actual") + 2.0 * CELL_PAD_X);
    }

    #[test]
    fn tables_break_across_pages_and_repeat_their_header() {
        let laid = lay_out(&Mono, a4(), &[Block::Table(big_table(120))]);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        for (p, items) in laid.pages.iter().enumerate() {
            let t = texts(items);
            assert_eq!(t[0], "Indicator", "page {p} starts with the header row");
            assert!(t.iter().any(|s| s == "Actual to"), "page {p}");
        }
        // Every row is there exactly once.
        let all: Vec<String> = laid.pages.iter().flat_map(|p| texts(p)).collect();
        for i in 0..120 {
            assert_eq!(all.iter().filter(|s| **s == format!("{i}.5")).count(), 1, "row {i}");
        }
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next() {
        let mut t = big_table(1);
        t.rows[0][0] = Cell::text("word ".repeat(3000));
        let g = a4();
        let laid = lay_out(&Mono, g, &[Block::Table(t)]);
        assert!(laid.pages.len() >= 2);
        for items in &laid.pages {
            assert_eq!(texts(items)[0], "Indicator");
            assert!(items.iter().all(|i| g.contains(i.bbox())));
        }
    }

    /// An indicator table: a title column, figure columns, a fixed
    /// progress-bar column headed `progress`.
    fn figures_table(title: &str, progress: &str) -> Table {
        let mut columns = vec![Column {
            align: Align::Left,
            fixed: None,
        }];
        columns.extend((0..6).map(|_| Column {
            align: Align::Right,
            fixed: None,
        }));
        columns.push(Column {
            align: Align::Left,
            fixed: Some(44.0),
        });
        let figures = ["29.98", "35", "6", "31", "103.4%", "88.6%"];
        Table {
            columns,
            header: [
                "Indicator",
                "Target to date",
                "End-of-project target",
                "Actual",
                "Actual to date",
            ]
            .into_iter()
            .chain(["% of target to date", "% of end target", progress])
            .map(String::from)
            .collect(),
            rows: vec![
                std::iter::once(Cell::Text(vec![Run::bold("1100.1"), Run::regular(format!(" {title}"))]))
                    .chain(figures.iter().map(|f| Cell::text(*f)))
                    .chain([Cell::Bar {
                        fraction: Some(0.6),
                        tone: Tone::OnTrack,
                        tick: None,
                    }])
                    .collect(),
            ],
            size: 7.0,
            striped: true,
            expand: true,
        }
    }

    /// Every text item of one laid-out table, and the widths.
    fn lay_table(t: Table) -> (Vec<String>, Vec<f32>) {
        let w = column_widths(&Mono, &t, a4().body_width());
        let laid = lay_out(&Mono, a4(), &[Block::Table(t)]);
        (laid.pages.iter().flat_map(|p| texts(p)).collect(), w)
    }

    #[test]
    fn a_url_or_a_long_word_does_not_squeeze_the_figure_columns() {
        let plain = figures_table("Number of investigations initiated", "Progress");
        let natural = column_widths(&Mono, &plain, a4().body_width());
        for title in [
            "Number of investigations recorded in https://sherloc.unodc.org/cld/en/v3/sherloc/cldb/index.html",
            &format!("Number of {}", "x".repeat(100)),
        ] {
            let t = figures_table(title, "Progress");
            let (texts, w) = lay_table(t.clone());
            let pad = 2.0 * CELL_PAD_X;
            for (i, f) in ["29.98", "35", "6", "31", "103.4%", "88.6%"].iter().enumerate() {
                // Each figure column is as wide as its figure and its
                // longest header word: nothing wraps mid-value.
                let word = tokens(&[Run::bold(t.header[i + 1].clone())])
                    .iter()
                    .map(|tk| Mono.width(Face::Bold, 7.0, &tk.segs[0].1))
                    .fold(0.0, f32::max);
                let need = Mono.width(Face::Regular, 7.0, f).max(word) + pad;
                assert!(w[i + 1] >= need - 0.01, "column {}: {w:?}", i + 1);
                assert!(texts.iter().any(|s| s == f), "{f} whole in {texts:?}");
            }
            assert!(texts.iter().any(|s| s.starts_with("End-of-")), "{texts:?}");
            for word in ["Indicator", "Target", "target", "Progress"] {
                assert!(
                    texts.iter().any(|s| s.split(' ').any(|x| x == word)),
                    "{word} whole in {texts:?}"
                );
            }
            // The long word is broken inside its own column, which is no
            // narrower than without it.
            assert!(w[0] >= natural[0] - 0.01, "{w:?} against {natural:?}");
            let widest = texts
                .iter()
                .map(|s| Mono.width(Face::Regular, 7.0, s))
                .fold(0.0, f32::max);
            assert!(widest <= w[0] - pad + 0.01, "{texts:?} in {w:?}");
        }
    }

    #[test]
    fn a_header_word_is_never_split() {
        // "Progression" (French) is wider than the 44-point bar column.
        let t = figures_table("Nombre d'enquêtes", "Progression");
        let (texts, w) = lay_table(t);
        assert!(w[7] >= Mono.width(Face::Bold, 7.0, "Progression") + 2.0 * CELL_PAD_X);
        assert!(texts.iter().any(|s| s == "Progression"), "{texts:?}");
        // Still so in a table too wide for its long words: the header words
        // and figures keep their width, the title column's URL gives way.
        let title = format!(
            "{}https://sherloc.unodc.org/cld/en/v3/index.html",
            "investigation ".repeat(40)
        );
        let mut t = figures_table(&title, "Progression");
        let soft_min = column_widths(&Mono, &t, 1e6);
        assert!(soft_min[0] >= LONG_WORD_EM * 7.0);
        for c in 0..4 {
            t.header.push(format!("Progressions{c}"));
            t.columns.push(Column {
                align: Align::Right,
                fixed: None,
            });
            t.rows[0].push(Cell::text("1,234,567.89"));
        }
        let (texts, w) = lay_table(t);
        assert!((w.iter().sum::<f32>() - a4().body_width()).abs() < 0.01, "{w:?}");
        for c in 0..4 {
            assert!(texts.iter().any(|s| *s == format!("Progressions{c}")), "{texts:?}");
        }
        assert_eq!(texts.iter().filter(|s| *s == "1,234,567.89").count(), 4);
        for f in ["29.98", "103.4%", "88.6%", "Progression", "Target", "project"] {
            assert!(
                texts.iter().any(|s| s.split(' ').any(|x| x == f)),
                "{f} whole in {texts:?}"
            );
        }
        assert!(w[0] < LONG_WORD_EM * 7.0, "the title column gave way: {w:?}");
    }

    #[test]
    fn figure_headers_wrap_on_three_lines_at_most_not_word_by_word() {
        // Words, a hyphen being a break as a space is.
        let words = |h: &str| h.split(' ').map(|w| w.matches('-').count() + 1).sum::<usize>();
        // The results table's headers in English and Spanish, with a long
        // title: each header fits in its column on at most three lines.
        for (lang, header) in [
            (
                "en",
                [
                    "Indicator",
                    "Baseline",
                    "Expected to date",
                    "End-of-project target",
                    "Actual (period)",
                    "Actual to date",
                    "% of expected to date",
                    "% of end target",
                    "Status",
                    "Progress",
                ],
            ),
            (
                "es",
                [
                    "Indicador",
                    "Línea de base",
                    "Esperado a la fecha",
                    "Meta al final del proyecto",
                    "Logrado (período)",
                    "Logrado a la fecha",
                    "% de lo esperado a la fecha",
                    "% de la meta final",
                    "Estado",
                    "Avance",
                ],
            ),
        ] {
            let mut t = figures_table(&"number of gender-sensitive investigations ".repeat(3), "Progress");
            t.columns.insert(
                7,
                Column {
                    align: Align::Left,
                    fixed: None,
                },
            );
            t.rows[0].insert(
                7,
                Cell::Status {
                    label: "según lo previsto".into(),
                    tone: Tone::OnTrack,
                },
            );
            t.columns.insert(
                1,
                Column {
                    align: Align::Right,
                    fixed: None,
                },
            );
            t.rows[0].insert(1, Cell::text("180"));
            t.header = header.iter().map(|h| h.to_string()).collect();
            let w = column_widths(&Mono, &t, a4().body_width());
            for (i, h) in header.iter().enumerate() {
                let lines = break_lines(&Mono, &[Run::bold(*h)], 7.0, w[i] - 2.0 * CELL_PAD_X);
                assert!(lines.len() <= 3, "{lang}: {h:?} in {} lines ({w:?})", lines.len());
                assert!(
                    words(h) <= 2 || lines.len() < words(h),
                    "{lang}: {h:?} word by word ({w:?})"
                );
            }
        }
    }
}
